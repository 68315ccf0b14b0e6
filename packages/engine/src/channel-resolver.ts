/**
 * The order in which a Channel step tries channels for one Customer.
 */
import {
  channelNames,
  type ChannelName,
  type ChannelPolicy,
} from './flow-model.js';

/** What channel resolution reads from the Customer. */
export interface ChannelCustomer {
  preferredChannel?: unknown;
}

/** Channel used when a Customer has no usable preferred channel. */
export const DEFAULT_CHANNEL: ChannelName = 'sms';

/**
 * Channels to try, in order: `preferred` gives the Customer's preferred
 * channel, or `sms` when there is none or it is unknown; `fixed` gives its
 * channel; `fallback` gives its list without repeats.
 */
export function resolveChannels(
  policy: ChannelPolicy,
  customer: ChannelCustomer,
): ChannelName[] {
  if (policy.policy === 'fixed') return [policy.channel];

  if (policy.policy === 'fallback') return [...new Set(policy.channels)];

  const preferred = customer.preferredChannel;
  return channelNames.includes(preferred as ChannelName)
    ? [preferred as ChannelName]
    : [DEFAULT_CHANNEL];
}
