/**
 * What went wrong when a provider was called, by class. The retry policy
 * (services/delivery-retry-policy.ts) decides from the class alone.
 */

/**
 * - `timeout`: no answer in time, or the connection failed;
 * - `server`: the provider answered 5xx;
 * - `rate_limited`: 429 (or the provider's rate-limit code);
 * - `rejected`: any other 4xx, with the provider's code and message;
 * - `invalid_address`: the provider says the recipient cannot exist;
 * - `not_configured`: the channel lacks settings or secrets.
 */
export type ChannelErrorClass =
  | 'timeout'
  | 'server'
  | 'rate_limited'
  | 'rejected'
  | 'invalid_address'
  | 'not_configured';

/** A failed provider call. */
export class ChannelError extends Error {
  readonly errorClass: ChannelErrorClass;
  /** The provider's own error code (Twilio 21211, Meta 131026 …). */
  readonly providerCode: string | null;
  /** How long the provider asked us to wait, for `rate_limited`. */
  readonly retryAfterMs: number | null;
  /** HTTP status, when the provider answered. */
  readonly httpStatus: number | null;
  /** The provider's answer, kept on the Attempt. */
  readonly response: unknown;

  constructor(
    errorClass: ChannelErrorClass,
    message: string,
    details: {
      providerCode?: string | null;
      retryAfterMs?: number | null;
      httpStatus?: number | null;
      response?: unknown;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'ChannelError';
    this.errorClass = errorClass;
    this.providerCode = details.providerCode ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.httpStatus = details.httpStatus ?? null;
    this.response = details.response ?? null;
  }
}
