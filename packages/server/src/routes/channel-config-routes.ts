/**
 * Channel configuration and the delivery policy. Secrets are write-only:
 * answers list which are set, never their values.
 */
import { patchSchema } from '../services/schema-patch.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app-context.js';
import { HeraldError } from '../errors.js';
import { saveTemplateForms } from '../repositories/template-form-repository.js';
import {
  channelConfigInputSchema,
  configurableChannels,
  listChannelConfigViews,
  putChannelConfig,
  toChannelConfigView,
} from '../services/channel-config-service.js';
import { findChannelConfig } from '../repositories/channel-config-repository.js';
import {
  deliveryPolicySchema,
  loadDeliveryPolicy,
  saveDeliveryPolicy,
} from '../services/delivery-policy.js';

const channelParams = z.object({ channel: z.enum(configurableChannels) });

const templateFormsBody = z
  .object({
    whatsappTemplate: z
      .object({
        name: z.string().regex(/^[a-z0-9_]{1,512}$/),
        language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/),
        parameters: z.array(z.string().min(1).max(1000)).max(20).default([]),
      })
      .strict()
      .nullable()
      .default(null),
    messengerTag: z
      .enum([
        'POST_PURCHASE_UPDATE',
        'CONFIRMED_EVENT_UPDATE',
        'ACCOUNT_UPDATE',
      ])
      .nullable()
      .default(null),
  })
  .strict();

export function channelConfigRoutes(
  context: AppContext,
): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      '/api/channels',
      {
        config: { access: 'admin' },
        schema: { tags: ['channels'], summary: 'Configured channels' },
      },
      async () => ({ items: await listChannelConfigViews(db) }),
    );

    app.get(
      '/api/channels/:channel',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['channels'],
          summary: "A channel's configuration, without secrets",
          params: channelParams,
        },
      },
      async (request) => {
        const row = await findChannelConfig(db, request.params.channel);
        if (!row) {
          throw new HeraldError(
            'HERALD_NOT_FOUND',
            `channel ${request.params.channel} is not configured`,
          );
        }

        return toChannelConfigView(row);
      },
    );

    app.put(
      '/api/channels/:channel',
      {
        config: { access: 'admin', audit: 'channel.config' },
        schema: {
          tags: ['channels'],
          summary: 'Configure a channel; secrets are write-only',
          params: channelParams,
          body: channelConfigInputSchema,
        },
      },
      async (request) =>
        putChannelConfig(
          db,
          context.secretKey,
          request.params.channel,
          request.body,
        ),
    );

    app.get(
      '/api/delivery-policy',
      {
        config: { access: 'admin' },
        schema: { tags: ['channels'], summary: 'Quiet hours, caps, retries' },
      },
      async () => loadDeliveryPolicy(db),
    );

    app.put(
      '/api/delivery-policy',
      {
        config: { access: 'admin', audit: 'delivery-policy.change' },
        schema: {
          tags: ['channels'],
          summary: 'Change quiet hours, caps, retries, keyword replies',
          body: patchSchema(deliveryPolicySchema),
        },
      },
      async (request) => saveDeliveryPolicy(db, request.body),
    );

    app.put(
      '/api/templates/:id/channel-forms',
      {
        config: { access: 'admin', audit: 'template.channel-forms' },
        schema: {
          tags: ['templates'],
          summary: "A template's WhatsApp template and Messenger tag",
          params: z.object({ id: z.string().min(1).max(128) }),
          body: templateFormsBody,
        },
      },
      async (request) => {
        const saved = await saveTemplateForms(
          db,
          request.params.id,
          request.body,
        );
        if (!saved) {
          throw new HeraldError(
            'HERALD_NOT_FOUND',
            `no template ${request.params.id}`,
          );
        }

        return { id: request.params.id, ...request.body };
      },
    );
  };
}
