import { formatTime } from '../app/format-time';
import { channelLabel } from '../steps/channel-names';
import type { ChannelState } from './console-types';

/** Props of {@link ChannelWindowNotice}. */
export interface ChannelWindowNoticeProps {
  channel: ChannelState;
  /** How many library Templates lack the channel's approved form. */
  hidden: number;
}

/**
 * Why the composer offers only approved Templates: the channel takes
 * free text only within 24 hours of the Customer's last message there,
 * and that window is closed (or never opened).
 */
export function ChannelWindowNotice({
  channel,
  hidden,
}: ChannelWindowNoticeProps) {
  const name = channelLabel(channel.channel);
  const last = channel.lastInboundAt
    ? `The customer last wrote on ${formatTime(channel.lastInboundAt)}.`
    : `The customer has not written on ${name} yet.`;

  return (
    <div className="notice composer__window" data-testid="window-closed">
      <strong>Templates only: the 24-hour window is closed.</strong> {name}{' '}
      takes free text only within 24 hours of the customer&rsquo;s last message.{' '}
      {last} Send an approved template; free text opens again as soon as they
      reply.
      {hidden > 0 && ' '}
      {hidden > 0 && (
        <span className="muted" data-testid="hidden-templates">
          {hidden === 1 ? '1 template has' : `${hidden} templates have`}{' '}
          {lacking(channel.channel)} and {hidden === 1 ? 'is' : 'are'} not
          listed.
        </span>
      )}
    </div>
  );
}

/** What a Template lacks to be sent outside the window on a channel. */
function lacking(channel: string): string {
  return channel === 'messenger'
    ? 'no Messenger message tag'
    : `no approved ${channelLabel(channel)} form`;
}
