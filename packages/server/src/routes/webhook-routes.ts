/**
 * Provider webhooks, outside /api because providers cannot send Herald's
 * bearer token: Twilio message status and incoming messages, and Meta's
 * WhatsApp and Messenger webhooks with their verification handshake.
 * Every request's signature is checked against the raw bytes before
 * anything is read or stored; a missing or wrong one gets 403.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  verifyMetaSignature,
  verifyTwilioSignature,
} from '../channels/webhook-signature.js';
import { HeraldError } from '../errors.js';
import type { AppContext } from '../http/app-context.js';
import { loadChannelConfig } from '../services/channel-config-service.js';
import {
  applyStatusReport,
  applyReadWatermark,
} from '../services/delivery-status-service.js';
import { receiveInbound } from '../services/inbound-message-service.js';
import {
  readMessengerWebhook,
  readTwilioInbound,
  readTwilioStatus,
  readWhatsappWebhook,
  type WebhookContents,
} from '../services/provider-webhook-reader.js';

/** Webhooks check their providers' signatures instead of a token. */
const PUBLIC = { config: { access: 'public' as const } };

const EMPTY_TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** Registers the provider webhooks on their own raw-body parsers. */
export function webhookRoutes(context: AppContext) {
  return async (app: FastifyInstance) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer' },
      (_request, body, done) => done(null, body),
    );

    app.post('/webhooks/twilio/status', PUBLIC, async (request, reply) => {
      const form = await verifiedTwilioForm(context, request);
      const report = readTwilioStatus(
        form,
        request.query as Record<string, string | undefined>,
      );
      if (report) {
        await applyStatusReport(context.db, report, context.log);
      }

      return reply.status(204).send();
    });

    app.post('/webhooks/twilio/inbound', PUBLIC, async (request, reply) => {
      const form = await verifiedTwilioForm(context, request);
      const inbound = readTwilioInbound(form);
      if (inbound) {
        await receiveInbound(context.db, inbound, context.log);
      }

      return reply.type('text/xml').send(EMPTY_TWIML);
    });

    app.get('/webhooks/meta/:channel', PUBLIC, async (request, reply) => {
      const channel = metaChannel(request);
      const query = request.query as Record<string, string | undefined>;
      const config = await loadChannelConfig(
        context.db,
        context.secretKey,
        channel,
      );
      const expected = config?.secrets.verifyToken;
      if (
        query['hub.mode'] !== 'subscribe' ||
        !expected ||
        query['hub.verify_token'] !== expected
      ) {
        throw signatureError('the verify token does not match');
      }

      return reply.type('text/plain').send(query['hub.challenge'] ?? '');
    });

    app.post('/webhooks/meta/:channel', PUBLIC, async (request, reply) => {
      const channel = metaChannel(request);
      const raw =
        request.body instanceof Buffer ? request.body : Buffer.alloc(0);
      const config = await loadChannelConfig(
        context.db,
        context.secretKey,
        channel,
      );
      const secret = config?.secrets.appSecret;
      const header = request.headers['x-hub-signature-256'] as
        string | undefined;
      if (!secret || !verifyMetaSignature(secret, header, raw)) {
        throw signatureError('X-Hub-Signature-256 is missing or wrong');
      }

      const payload = parseJson(raw);
      const contents =
        channel === 'whatsapp'
          ? readWhatsappWebhook(payload)
          : readMessengerWebhook(payload);
      await applyContents(context, contents);
      return reply.status(200).send({ ok: true });
    });
  };
}

async function verifiedTwilioForm(
  context: AppContext,
  request: FastifyRequest,
) {
  const raw = typeof request.body === 'string' ? request.body : '';
  const form = new URLSearchParams(raw);
  const config = await loadChannelConfig(context.db, context.secretKey, 'sms');
  const token = config?.secrets.authToken;
  const signature = request.headers['x-twilio-signature'] as string | undefined;
  const url = publicUrlOf(config?.settings.publicUrl, request);
  if (!token || !verifyTwilioSignature(token, signature, url, form)) {
    throw signatureError('X-Twilio-Signature is missing or wrong');
  }

  return form;
}

/** The URL the provider called: the configured public URL, else the Host. */
function publicUrlOf(publicUrl: unknown, request: FastifyRequest) {
  if (typeof publicUrl === 'string' && publicUrl) {
    return `${publicUrl.replace(/\/$/, '')}${request.url}`;
  }

  return `${request.protocol}://${request.headers.host}${request.url}`;
}

async function applyContents(context: AppContext, contents: WebhookContents) {
  for (const inbound of contents.inbound) {
    await receiveInbound(context.db, inbound, context.log);
  }
  for (const status of contents.statuses) {
    await applyStatusReport(context.db, status, context.log);
  }
  for (const read of contents.reads) {
    await applyReadWatermark(context.db, read, context.log);
  }
}

function metaChannel(request: FastifyRequest) {
  const { channel } = request.params as { channel: string };
  if (channel !== 'whatsapp' && channel !== 'messenger') {
    throw new HeraldError('HERALD_NOT_FOUND', `no webhook for ${channel}`);
  }

  return channel;
}

function parseJson(raw: Buffer) {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new HeraldError(
      'HERALD_MALFORMED_JSON',
      'the body is not JSON',
      {},
      {
        cause: error,
      },
    );
  }
}

function signatureError(message: string) {
  return new HeraldError('HERALD_WEBHOOK_SIGNATURE', message);
}
