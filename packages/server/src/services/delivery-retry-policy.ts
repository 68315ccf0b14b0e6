/**
 * The one place that decides what a failed provider call leads to, from
 * the error's class: timeouts and 5xx back off exponentially up to a
 * limit, 429 waits as long as the provider asked, and anything else is a
 * permanent failure of that channel (the caller fails over or fails).
 */
import type { ChannelError } from '../channels/channel-error.js';
import type { DeliveryReasonCode } from '../errors.js';
import type { DeliveryPolicy } from './delivery-policy.js';

/** What to do after a failed call. */
export type RetryDecision =
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'give-up'; code: DeliveryReasonCode; reason: string };

/** Decides from the error class and the retries this channel has used. */
export function decideRetry(
  error: ChannelError,
  retriesUsed: number,
  policy: Pick<DeliveryPolicy, 'maxRetries' | 'retryBaseMs' | 'retryMaxMs'>,
): RetryDecision {
  const what = describe(error);
  switch (error.errorClass) {
    case 'timeout':
    case 'server':
    case 'rate_limited': {
      if (retriesUsed >= policy.maxRetries) {
        return {
          kind: 'give-up',
          code: 'HERALD_PROVIDER_UNAVAILABLE',
          reason: `${what} after ${retriesUsed} retries`,
        };
      }

      const backoff = policy.retryBaseMs * 2 ** retriesUsed;
      const wanted =
        error.errorClass === 'rate_limited' && error.retryAfterMs !== null
          ? error.retryAfterMs
          : backoff;
      return {
        kind: 'retry',
        delayMs: Math.min(wanted, policy.retryMaxMs),
        reason: what,
      };
    }
    case 'invalid_address':
      return { kind: 'give-up', code: 'HERALD_INVALID_ADDRESS', reason: what };
    case 'not_configured':
      return {
        kind: 'give-up',
        code: 'HERALD_CHANNEL_NOT_CONFIGURED',
        reason: what,
      };
    default:
      return {
        kind: 'give-up',
        code: 'HERALD_PROVIDER_REJECTED',
        reason: what,
      };
  }
}

function describe(error: ChannelError) {
  const status = error.httpStatus ? `HTTP ${error.httpStatus} ` : '';
  const code = error.providerCode ? `${error.providerCode} ` : '';
  return `${error.errorClass}: ${status}${code}${error.message}`.trim();
}
