import type { TimelineStatus } from '../api/delivery-types';
import { channelLabel } from '../steps/channel-names';
import {
  addsToStatus,
  describeReason,
  describeRefusal,
  reasonSentence,
} from './delivery-reason';

interface Refusal {
  channel: string;
  code: string;
}

/**
 * A state change in plain words: a failover says the Delivery fell back
 * to the next channel; a block says why; channels passed over on the way
 * are listed with their reasons. The reason as stored follows, small.
 */
export function TimelineStatusItem({ entry }: { entry: TimelineStatus }) {
  const failover = entry.details?.failover === true;
  const passedOver = (entry.details?.passedOver ?? []) as Refusal[];
  const words = describeReason(entry.reason) ?? entry.reason ?? '';

  return (
    <div className="timeline__body">
      <span className={`badge badge--delivery-${entry.status}`}>
        {entry.status}
      </span>
      {failover && (
        <p className="timeline__headline" data-testid="timeline-failover">
          Fell back: {words}; trying the next channel.
        </p>
      )}
      {!failover && entry.status === 'blocked' && (
        <p className="timeline__headline" data-testid="timeline-block">
          Blocked: {words}.
        </p>
      )}
      {!failover &&
        entry.status !== 'blocked' &&
        addsToStatus(entry.reason, entry.status) && (
          <p className="timeline__headline">
            {reasonSentence(entry.reason, entry.status)}
          </p>
        )}
      {passedOver.map((refusal) => (
        <p key={refusal.channel} className="timeline__note">
          Passed over {channelLabel(refusal.channel)}:{' '}
          {describeRefusal(refusal.channel, refusal.code)}.
        </p>
      ))}
      {addsToStatus(entry.reason, entry.status) && words !== entry.reason && (
        <code className="timeline__raw">{entry.reason}</code>
      )}
    </div>
  );
}
