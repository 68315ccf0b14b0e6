/**
 * The webhook channel: a JSON POST of the Delivery to a URL the admin
 * sets, signed with HMAC-SHA256 over `<timestamp>.<body>` so the receiver
 * can check both origin and freshness.
 */
import { createHmac } from 'node:crypto';
import { ChannelError } from './channel-error.js';
import type {
  ChannelAdapter,
  OutgoingMessage,
  SendResult,
} from './channel-adapter.js';
import { callProvider } from './provider-http.js';

/** What the webhook channel needs; the secret comes decrypted. */
export interface WebhookChannelConfig {
  url: string;
  signingSecret: string;
  timeoutMs?: number;
}

/** The signature header value for a body sent at `timestamp` (seconds). */
export function webhookSignature(
  secret: string,
  timestamp: number,
  body: string,
) {
  const mac = createHmac('sha256', secret)
    .update(`${timestamp}.${body}`)
    .digest('hex');
  return `sha256=${mac}`;
}

/** The webhook adapter. */
export function createWebhookChannel(
  config: WebhookChannelConfig,
): ChannelAdapter {
  return {
    name: 'webhook',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const body = JSON.stringify({
        deliveryId: message.deliveryId,
        attemptId: message.attemptId,
        customerId: message.customerId,
        to: message.to,
        body: message.body,
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const answer = await callProvider({
        url: config.url,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-herald-timestamp': String(timestamp),
          'x-herald-signature': webhookSignature(
            config.signingSecret,
            timestamp,
            body,
          ),
          'idempotency-key': `attempt-${message.attemptId}`,
        },
        body,
        timeoutMs: config.timeoutMs,
      });
      if (answer.status >= 400) {
        throw new ChannelError(
          'rejected',
          `webhook answered ${answer.status}`,
          {
            providerCode: String(answer.status),
            httpStatus: answer.status,
            response: answer.body,
          },
        );
      }

      return {
        providerMessageId: `webhook-${message.attemptId}`,
        response: { status: answer.status },
      };
    },
    // Limitation: a webhook receiver cannot be asked afterwards; the
    // Idempotency-Key header lets it drop a repeat instead.
    reconcile: async () => null,
  };
}
