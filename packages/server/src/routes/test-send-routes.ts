/**
 * Test sends: each caller's own test recipient, and "send a test" of a
 * library Template to it, rendered for a sample Customer and Record.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createStoredChannels } from '../channels/stored-channels.js';
import type { AppContext } from '../http/app-context.js';
import { sendTemplateTest } from '../services/template-test-service.js';
import {
  getTestRecipient,
  ownerOf,
  setTestRecipient,
} from '../services/test-recipient-service.js';

const testRecipientBody = z
  .object({
    channel: z.enum(['sms', 'whatsapp', 'messenger']),
    phone: z.string().max(40).nullish(),
    messengerPsid: z.string().max(64).nullish(),
  })
  .strict();

const locale = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale');

const testSendBody = z
  .object({
    customerId: z.string().min(1).max(128),
    objectType: z.string().min(1).max(128).nullish(),
    record: z.record(z.string().max(128), z.unknown()).default({}),
    locale: locale.nullish(),
    body: z.string().min(1).max(10_000).optional(),
  })
  .strict();

const templateParams = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'a template id'),
});

export function testSendRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, log } = context;
  const channels =
    context.channels ?? createStoredChannels(db, context.secretKey, log);
  return async (app) => {
    app.get(
      '/api/me/test-recipient',
      {
        config: { access: 'test-send' },
        schema: {
          tags: ['templates'],
          summary: "The caller's own test recipient (null when unset)",
        },
      },
      async (request) => ({
        testRecipient: await getTestRecipient(db, ownerOf(request.principal!)),
      }),
    );

    app.put(
      '/api/me/test-recipient',
      {
        config: { access: 'test-send', audit: 'test-recipient.edit' },
        schema: {
          tags: ['templates'],
          summary: "Set the caller's own test recipient",
          body: testRecipientBody,
        },
      },
      async (request) => ({
        testRecipient: await setTestRecipient(db, ownerOf(request.principal!), {
          channel: request.body.channel,
          phone: request.body.phone ?? null,
          messengerPsid: request.body.messengerPsid ?? null,
        }),
      }),
    );

    app.post(
      '/api/templates/:id/test-send',
      {
        config: { access: 'test-send' },
        schema: {
          tags: ['templates'],
          summary: "Send a test of a template to the caller's test recipient",
          params: templateParams,
          body: testSendBody,
        },
      },
      async (request, reply) => {
        const { body } = request;
        const outcome = await sendTemplateTest(
          { db, channels, log },
          request.principal!,
          {
            templateId: request.params.id,
            customerId: body.customerId,
            objectType: body.objectType ?? null,
            record: body.record,
            locale: body.locale,
            body: body.body,
          },
          request.ip,
        );
        reply.status(201);
        return outcome;
      },
    );
  };
}
