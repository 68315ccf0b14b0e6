import type { ChannelName, ChannelPolicy } from '@herald/engine';

const channelLabels: Record<ChannelName, string> = {
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  messenger: 'Messenger',
  webhook: 'Webhook',
  sandbox: 'Sandbox',
};

/** A Channel's display name, e.g. `whatsapp` → "WhatsApp". */
export function channelLabel(channel: string): string {
  return channelLabels[channel as ChannelName] ?? channel;
}

/** A Channel step's policy in plain words. */
export function describeChannelPolicy(policy: ChannelPolicy): string {
  if (policy.policy === 'preferred') {
    return 'Send on preferred channel';
  }

  if (policy.policy === 'fixed') {
    return `Send by ${channelLabel(policy.channel)}`;
  }

  return `Send by ${policy.channels.map(channelLabel).join(', then ')}`;
}
