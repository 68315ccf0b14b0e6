/**
 * What each Channel allows, in plain words, for the Channel inspector:
 * what a Customer needs for it, when free text may go, and how long a
 * message may be (from the engine's channelLimits).
 */
import { channelLimits } from '@herald/engine';
import type { ChannelName, ChannelPolicy } from '@herald/engine';

/** One Channel's rules in plain words. */
export interface ChannelAllowance {
  channel: ChannelName;
  needs: string;
  rules: string[];
}

const allowances: Record<ChannelName, Omit<ChannelAllowance, 'channel'>> = {
  sms: {
    needs: 'a phone number and SMS opt-in',
    rules: [
      '160 GSM-7 or 70 UCS-2 characters a segment; one emoji makes the ' +
        'whole message UCS-2',
      'Quiet hours apply unless the Template step is urgent',
    ],
  },
  whatsapp: {
    needs: 'a WhatsApp id and WhatsApp opt-in',
    rules: [
      'Free text only within 24 hours of the customer’s last message',
      'Outside those 24 hours it needs an approved WhatsApp template ' +
        '(set on the library Template)',
    ],
  },
  messenger: {
    needs: 'a Messenger id (PSID) and consent',
    rules: [
      'Standard messages only within 24 hours of the customer’s last ' +
        'message',
      'Outside them only with a message tag the Template allows',
    ],
  },
  webhook: {
    needs: 'nothing from the customer',
    rules: ['Posts the Delivery as JSON to the configured endpoint'],
  },
  sandbox: {
    needs: 'nothing',
    rules: ['Nothing leaves Herald: the message lands in the outbox'],
  },
};

/** The rules of every Channel `policy` may send on. */
export function allowancesFor(policy: ChannelPolicy): ChannelAllowance[] {
  const channels: ChannelName[] =
    policy.policy === 'fixed'
      ? [policy.channel]
      : policy.policy === 'fallback'
        ? [...new Set(policy.channels)]
        : ['sms', 'whatsapp', 'messenger'];

  return channels.map((channel) => ({
    channel,
    ...allowances[channel],
    rules: [...allowances[channel].rules, limitWords(channel)].filter(
      (rule): rule is string => rule !== null,
    ),
  }));
}

function limitWords(channel: ChannelName): string | null {
  const limit = channelLimits[channel];
  if (limit.maxCharacters === undefined) {
    return null;
  }

  const segments = limit.maxSegments ? `, ${limit.maxSegments} segments` : '';
  return `At most ${limit.maxCharacters} characters${segments}`;
}
