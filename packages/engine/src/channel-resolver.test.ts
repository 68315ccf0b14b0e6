import { describe, expect, it } from 'vitest';
import { resolveChannels } from './channel-resolver.js';
import type { ChannelPolicy } from './flow-model.js';

describe('resolveChannels', () => {
  it.each<[string, ChannelPolicy, Record<string, unknown>, string[]]>([
    [
      'the preferred channel',
      { policy: 'preferred' },
      { preferredChannel: 'messenger' },
      ['messenger'],
    ],
    ['sms when none is preferred', { policy: 'preferred' }, {}, ['sms']],
    [
      'sms when the preference is unknown',
      { policy: 'preferred' },
      { preferredChannel: 'fax' },
      ['sms'],
    ],
    [
      'a fixed channel',
      { policy: 'fixed', channel: 'whatsapp' },
      { preferredChannel: 'sms' },
      ['whatsapp'],
    ],
    [
      'fallbacks in order without repeats',
      { policy: 'fallback', channels: ['whatsapp', 'sms', 'whatsapp'] },
      {},
      ['whatsapp', 'sms'],
    ],
  ])('gives %s', (_name, policy, customer, expected) => {
    expect(resolveChannels(policy, customer)).toEqual(expected);
  });
});
