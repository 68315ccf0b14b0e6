/**
 * Facebook Messenger through the Send API: a JSON POST to the Page's
 * messages edge with the Page access token. Inside 24 hours of the
 * customer's last message it sends an UPDATE; outside, only a message
 * tag the Template allows. The Delivery travels as message metadata.
 */
import type {
  ChannelAdapter,
  OutgoingMessage,
  SendResult,
} from './channel-adapter.js';
import { graphError, heraldTag } from './meta-graph-error.js';
import { callProvider } from './provider-http.js';

/** Hours after the customer's last message that standard messages may go. */
export const MESSENGER_WINDOW_HOURS = 24;

/** What the Messenger channel needs; secrets come decrypted. */
export interface MessengerConfig {
  /** Default https://graph.facebook.com. */
  baseUrl: string;
  /** Graph API version. Default v23.0. */
  apiVersion: string;
  pageId: string;
  pageAccessToken: string;
  timeoutMs?: number;
}

/** The Messenger Send API adapter. */
export function createMessengerChannel(
  config: MessengerConfig,
): ChannelAdapter {
  const base = config.baseUrl.replace(/\/$/, '');
  const url = `${base}/${config.apiVersion}/${config.pageId}/messages`;

  return {
    name: 'messenger',
    sessionWindowHours: MESSENGER_WINDOW_HOURS,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const answer = await callProvider({
        url: `${url}?access_token=${encodeURIComponent(config.pageAccessToken)}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messengerBody(message)),
        timeoutMs: config.timeoutMs,
      });
      if (answer.status >= 400) {
        throw graphError(answer.status, answer.body);
      }

      return {
        providerMessageId: String(answer.body?.message_id ?? ''),
        response: answer.body,
      };
    },
    // Limitation: the Send API offers no lookup of sent messages, so an
    // interrupted send waits for its delivery webhook instead.
    reconcile: async () => null,
  };
}

/** The Send API body: UPDATE inside the window, MESSAGE_TAG outside. */
export function messengerBody(message: OutgoingMessage) {
  const tagged = message.form.kind === 'messenger-tag';
  return {
    recipient: { id: message.to },
    messaging_type: tagged ? 'MESSAGE_TAG' : 'UPDATE',
    ...(tagged && message.form.kind === 'messenger-tag'
      ? { tag: message.form.tag }
      : {}),
    message: { text: message.body, metadata: heraldTag(message) },
  };
}
