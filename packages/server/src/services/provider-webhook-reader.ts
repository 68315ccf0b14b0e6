/**
 * Reads providers' webhook payloads into Herald's terms: status reports
 * for Attempts and inbound messages. Pure; the routes verify signatures
 * before anything here runs.
 */
import { parseHeraldTag } from '../channels/meta-graph-error.js';
import type {
  StatusReport,
  ProviderStatus,
} from './delivery-status-service.js';
import type { InboundInput } from './inbound-message-service.js';

/** What one webhook call carried. */
export interface WebhookContents {
  statuses: StatusReport[];
  inbound: InboundInput[];
  /** Messenger read receipts: PSID and the instant up to which all is read. */
  reads: { psid: string; watermark: Date }[];
}

const TWILIO_STATUS: Record<string, ProviderStatus> = {
  accepted: 'sent',
  queued: 'sent',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
};

/** A Twilio message status callback (form fields and our query). */
export function readTwilioStatus(
  form: URLSearchParams,
  query: Record<string, string | undefined>,
): StatusReport | null {
  const status = TWILIO_STATUS[form.get('MessageStatus') ?? ''];
  if (!status) {
    return null;
  }

  return {
    channel: 'sms',
    deliveryId: query.deliveryId || null,
    attemptId: query.attemptId || null,
    providerMessageId: form.get('MessageSid'),
    status,
    errorCode: form.get('ErrorCode'),
    errorMessage: form.get('ErrorMessage'),
  };
}

/** A Twilio incoming message webhook. */
export function readTwilioInbound(form: URLSearchParams): InboundInput | null {
  const sid = form.get('MessageSid');
  const from = form.get('From');
  if (!sid || !from) {
    return null;
  }

  return {
    channel: 'sms',
    from,
    to: form.get('To'),
    providerMessageId: sid,
    body: form.get('Body') ?? '',
    raw: Object.fromEntries(form),
  };
}

const META_STATUS: Record<string, ProviderStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

/** A WhatsApp Cloud API webhook: `entry[].changes[].value`. */
export function readWhatsappWebhook(payload: any): WebhookContents {
  const contents: WebhookContents = { statuses: [], inbound: [], reads: [] };
  for (const entry of asArray(payload?.entry)) {
    for (const change of asArray(entry?.changes)) {
      const value = change?.value ?? {};
      const to = value.metadata?.display_phone_number ?? null;
      for (const status of asArray(value.statuses)) {
        const mapped = META_STATUS[status?.status];
        if (!mapped) {
          continue;
        }

        const tag = parseHeraldTag(status.biz_opaque_callback_data);
        const error = asArray(status.errors)[0];
        contents.statuses.push({
          channel: 'whatsapp',
          deliveryId: tag?.deliveryId ?? null,
          attemptId: tag?.attemptId ?? null,
          providerMessageId: status.id ?? null,
          status: mapped,
          errorCode: error?.code === undefined ? null : String(error.code),
          errorMessage: error?.title ?? error?.message ?? null,
        });
      }
      for (const message of asArray(value.messages)) {
        if (!message?.id || !message?.from) {
          continue;
        }

        contents.inbound.push({
          channel: 'whatsapp',
          from: message.from,
          to,
          providerMessageId: message.id,
          body: message.text?.body ?? message.button?.text ?? '',
          raw: message,
          receivedAt: fromSeconds(message.timestamp),
        });
      }
    }
  }

  return contents;
}

/** A Messenger webhook: `entry[].messaging[]`. */
export function readMessengerWebhook(payload: any): WebhookContents {
  const contents: WebhookContents = { statuses: [], inbound: [], reads: [] };
  for (const entry of asArray(payload?.entry)) {
    for (const event of asArray(entry?.messaging)) {
      const psid = event?.sender?.id;
      if (event?.message?.is_echo) {
        const tag = parseHeraldTag(event.message.metadata);
        if (tag) {
          contents.statuses.push({
            channel: 'messenger',
            ...tag,
            providerMessageId: event.message.mid ?? null,
            status: 'sent',
          });
        }
      } else if (event?.message?.mid && psid) {
        contents.inbound.push({
          channel: 'messenger',
          from: psid,
          to: event.recipient?.id ?? null,
          providerMessageId: event.message.mid,
          body: event.message.text ?? '',
          raw: event,
          receivedAt: fromMillis(event.timestamp),
        });
      }
      for (const mid of asArray(event?.delivery?.mids)) {
        contents.statuses.push({
          channel: 'messenger',
          providerMessageId: mid,
          status: 'delivered',
        });
      }
      if (event?.read?.watermark && psid) {
        contents.reads.push({
          psid,
          watermark: fromMillis(event.read.watermark)!,
        });
      }
    }
  }

  return contents;
}

function asArray(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

function fromSeconds(value: unknown) {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0
    ? new Date(seconds * 1000)
    : undefined;
}

function fromMillis(value: unknown) {
  const ms = Number(value);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : undefined;
}
