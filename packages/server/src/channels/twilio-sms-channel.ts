/**
 * SMS through Twilio Programmable Messaging: a form-encoded POST to the
 * account's Messages resource with basic auth. Each message carries a
 * per-message StatusCallback naming its Delivery and Attempt, so a later
 * callback settles it; an interrupted send is reconciled through the
 * message list filtered by recipient and date.
 */
import { ChannelError } from './channel-error.js';
import type {
  ChannelAdapter,
  OutgoingMessage,
  SendResult,
} from './channel-adapter.js';
import { callProvider } from './provider-http.js';

/** Twilio's error codes that mean the recipient number cannot be used. */
const INVALID_NUMBER_CODES = new Set(['21211', '21214', '21614', '21612']);

/** How far Twilio's clock may run behind ours, for reconciliation. */
const CLOCK_SKEW_MS = 5_000;

/** How many list pages reconciliation reads at most. */
const MAX_LIST_PAGES = 5;

/** What the SMS channel needs; secrets come decrypted. */
export interface TwilioSmsConfig {
  /** Default https://api.twilio.com. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** A sender number, or else a messaging service. */
  from?: string;
  messagingServiceSid?: string;
  /** Herald's public URL, for status callbacks; unset sends none. */
  publicUrl?: string;
  timeoutMs?: number;
}

/** The Twilio SMS adapter. */
export function createTwilioSmsChannel(
  config: TwilioSmsConfig,
): ChannelAdapter {
  const base = config.baseUrl.replace(/\/$/, '');
  const messagesUrl = `${base}/2010-04-01/Accounts/${config.accountSid}/Messages.json`;
  const auth = Buffer.from(`${config.accountSid}:${config.authToken}`).toString(
    'base64',
  );
  const headers = { authorization: `Basic ${auth}` };

  return {
    name: 'twilio',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const answer = await callProvider({
        url: messagesUrl,
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: formFor(config, message).toString(),
        timeoutMs: config.timeoutMs,
      });
      if (answer.status >= 400) {
        throw twilioError(answer.status, answer.body);
      }

      return { providerMessageId: answer.body.sid, response: answer.body };
    },
    // Limitation: a message is recognised by recipient, body and time, so
    // two identical bodies to one number seconds apart cannot be told apart.
    async reconcile(message: OutgoingMessage, since: Date) {
      const earliest = since.getTime() - CLOCK_SKEW_MS;
      const query = new URLSearchParams({
        To: message.to,
        'DateSent>': since.toISOString().slice(0, 10),
        PageSize: '100',
      });
      let url: string | null = `${messagesUrl}?${query}`;
      for (let page = 0; url && page < MAX_LIST_PAGES; page += 1) {
        const answer = await callProvider({
          url,
          method: 'GET',
          headers,
          timeoutMs: config.timeoutMs,
        });
        if (answer.status >= 400) {
          throw twilioError(answer.status, answer.body);
        }

        const found = (answer.body.messages ?? []).find(
          (item: Record<string, unknown>) =>
            item.body === message.body &&
            item.to === message.to &&
            Date.parse(String(item.date_created)) >= earliest,
        );
        if (found) {
          return { providerMessageId: found.sid, response: found };
        }

        const next = answer.body.next_page_uri as string | null | undefined;
        url = next ? `${base}${next}` : null;
      }

      return null;
    },
  };
}

function formFor(config: TwilioSmsConfig, message: OutgoingMessage) {
  const form = new URLSearchParams({ To: message.to, Body: message.body });
  if (config.messagingServiceSid) {
    form.set('MessagingServiceSid', config.messagingServiceSid);
  } else if (config.from) {
    form.set('From', config.from);
  }
  if (config.publicUrl && message.attemptId && message.deliveryId) {
    form.set(
      'StatusCallback',
      twilioStatusCallbackUrl(config.publicUrl, message),
    );
  }

  return form;
}

/** Where Twilio posts the status of one Attempt. */
export function twilioStatusCallbackUrl(
  publicUrl: string,
  message: { deliveryId: string | null; attemptId: string | null },
) {
  const query = new URLSearchParams({
    deliveryId: message.deliveryId ?? '',
    attemptId: message.attemptId ?? '',
  });
  return `${publicUrl.replace(/\/$/, '')}/webhooks/twilio/status?${query}`;
}

function twilioError(status: number, body: any): ChannelError {
  const code = body?.code === undefined ? null : String(body.code);
  const text = String(body?.message ?? `Twilio answered ${status}`);
  const errorClass =
    code && INVALID_NUMBER_CODES.has(code) ? 'invalid_address' : 'rejected';
  return new ChannelError(errorClass, text, {
    providerCode: code,
    httpStatus: status,
    response: body,
  });
}
