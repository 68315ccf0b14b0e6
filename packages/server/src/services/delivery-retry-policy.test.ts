import { describe, expect, it } from 'vitest';
import {
  ChannelError,
  type ChannelErrorClass,
} from '../channels/channel-error.js';
import { decideRetry } from './delivery-retry-policy.js';

const policy = { maxRetries: 3, retryBaseMs: 1000, retryMaxMs: 60_000 };

function error(
  errorClass: ChannelErrorClass,
  retryAfterMs: number | null = null,
) {
  return new ChannelError(errorClass, 'boom', {
    retryAfterMs,
    providerCode: '1',
  });
}

describe('decideRetry', () => {
  it.each([
    ['timeout', 0, { kind: 'retry', delayMs: 1000 }],
    ['server', 2, { kind: 'retry', delayMs: 4000 }],
    ['server', 3, { kind: 'give-up', code: 'HERALD_PROVIDER_UNAVAILABLE' }],
    ['rejected', 0, { kind: 'give-up', code: 'HERALD_PROVIDER_REJECTED' }],
    ['invalid_address', 0, { kind: 'give-up', code: 'HERALD_INVALID_ADDRESS' }],
    [
      'not_configured',
      0,
      { kind: 'give-up', code: 'HERALD_CHANNEL_NOT_CONFIGURED' },
    ],
  ] as const)('%s after %i retries: %o', (errorClass, used, expected) => {
    expect(decideRetry(error(errorClass), used, policy)).toMatchObject(
      expected,
    );
  });

  it('waits as long as Retry-After says, up to the limit', () => {
    expect(decideRetry(error('rate_limited', 7000), 0, policy)).toMatchObject({
      kind: 'retry',
      delayMs: 7000,
    });
    expect(
      decideRetry(error('rate_limited', 10_000_000), 0, policy),
    ).toMatchObject({
      delayMs: 60_000,
    });
  });
});
