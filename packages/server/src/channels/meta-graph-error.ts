/**
 * Errors of Meta's Graph API (WhatsApp Cloud API, Messenger Send API):
 * `{ error: { message, type, code, error_subcode, error_data } }`.
 */
import { ChannelError } from './channel-error.js';

/** Graph error codes that mean "slow down". */
const RATE_LIMIT_CODES = new Set(['4', '80007', '130429', '131048', '131056']);

/** Graph error codes that mean the recipient cannot be reached at all. */
const INVALID_RECIPIENT_CODES = new Set(['131026', '131030', '100:2018001']);

/** How long to wait after a Graph rate-limit error without Retry-After. */
const GRAPH_RATE_LIMIT_WAIT_MS = 60_000;

/** A ChannelError for a Graph 4xx answer. */
export function graphError(status: number, body: any): ChannelError {
  const error = body?.error ?? {};
  const code = error.code === undefined ? null : String(error.code);
  const sub = error.error_subcode ? `${code}:${error.error_subcode}` : null;
  const text = String(
    error.error_data?.details ?? error.message ?? `Graph answered ${status}`,
  );
  const details = { providerCode: code, httpStatus: status, response: body };
  if (code && RATE_LIMIT_CODES.has(code)) {
    return new ChannelError('rate_limited', text, {
      ...details,
      retryAfterMs: GRAPH_RATE_LIMIT_WAIT_MS,
    });
  }
  if (
    (code && INVALID_RECIPIENT_CODES.has(code)) ||
    (sub && INVALID_RECIPIENT_CODES.has(sub))
  ) {
    return new ChannelError('invalid_address', text, details);
  }

  return new ChannelError('rejected', text, details);
}

/** The opaque tag Herald puts on a message so webhooks can name it. */
export function heraldTag(message: {
  deliveryId: string | null;
  attemptId: string | null;
}) {
  return `herald:${message.deliveryId ?? ''}:${message.attemptId ?? ''}`;
}

/** Reads a tag made by heraldTag; null when it is not one. */
export function parseHeraldTag(value: unknown) {
  const match = /^herald:([0-9a-f-]{36}):(\d+)$/.exec(String(value ?? ''));
  return match ? { deliveryId: match[1], attemptId: match[2] } : null;
}
