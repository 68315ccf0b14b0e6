/**
 * WhatsApp through Meta's Cloud API: a JSON POST to the sender number's
 * messages edge with a bearer token. Free-form text goes only inside the
 * customer-service window; outside it the approved template is sent. The
 * Delivery travels as `biz_opaque_callback_data`, which status webhooks
 * echo back.
 */
import type {
  ChannelAdapter,
  OutgoingMessage,
  SendResult,
} from './channel-adapter.js';
import { graphError, heraldTag } from './meta-graph-error.js';
import { callProvider } from './provider-http.js';

/** Sent as User-Agent, in the `name/x.y.z` form the API describes. */
const USER_AGENT = 'Herald/0.1.0';

/** Hours after the customer's last message that free-form text may go. */
export const WHATSAPP_WINDOW_HOURS = 24;

/** What the WhatsApp channel needs; secrets come decrypted. */
export interface WhatsappCloudConfig {
  /** Default https://graph.facebook.com. */
  baseUrl: string;
  /** Graph API version. Default v23.0. */
  apiVersion: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs?: number;
}

/** The WhatsApp Cloud API adapter. */
export function createWhatsappCloudChannel(
  config: WhatsappCloudConfig,
): ChannelAdapter {
  const base = config.baseUrl.replace(/\/$/, '');
  const url = `${base}/${config.apiVersion}/${config.phoneNumberId}/messages`;

  return {
    name: 'whatsapp-cloud',
    sessionWindowHours: WHATSAPP_WINDOW_HOURS,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const answer = await callProvider({
        url,
        method: 'POST',
        headers: {
          authorization: `Bearer ${config.accessToken}`,
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
        },
        body: JSON.stringify(whatsappBody(message)),
        timeoutMs: config.timeoutMs,
      });
      if (answer.status >= 400) {
        throw graphError(answer.status, answer.body);
      }

      return {
        providerMessageId: String(answer.body?.messages?.[0]?.id ?? ''),
        response: answer.body,
      };
    },
    // Limitation: the Cloud API offers no lookup of sent messages, so an
    // interrupted send waits for its status webhook instead.
    reconcile: async () => null,
  };
}

/** The request body for one message, text or template. */
export function whatsappBody(message: OutgoingMessage) {
  const common = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: message.to,
    biz_opaque_callback_data: heraldTag(message),
  };
  if (message.form.kind !== 'whatsapp-template') {
    return {
      ...common,
      type: 'text',
      text: { preview_url: false, body: message.body },
    };
  }

  const { name, language, parameters } = message.form;
  return {
    ...common,
    type: 'template',
    template: {
      name,
      language: { policy: 'deterministic', code: language },
      components:
        parameters.length === 0
          ? []
          : [
              {
                type: 'body',
                parameters: parameters.map((text) => ({ type: 'text', text })),
              },
            ],
    },
  };
}
