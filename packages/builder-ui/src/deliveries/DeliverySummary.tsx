import type { DeliveryTimeline } from '../api/delivery-types';
import { channelLabel } from '../steps/channel-names';
import { addsToStatus, describeOutcome } from './delivery-reason';

const troubled = new Set(['blocked', 'failed', 'unknown']);

/** Props of {@link DeliverySummary}. */
export interface DeliverySummaryProps {
  delivery: DeliveryTimeline;
  flowName: (flowId: string) => string;
}

/** Where a Delivery stands, in plain words, and what it carried. */
export function DeliverySummary({ delivery, flowName }: DeliverySummaryProps) {
  const outcome = describeOutcome(delivery.status, delivery.statusReason);
  const recorded = addsToStatus(delivery.statusReason, delivery.status);
  const failed = delivery.failedChannels.map(channelLabel).join(', ');

  return (
    <div className="delivery-summary">
      <p
        className={
          troubled.has(delivery.status)
            ? 'notice notice--error delivery-summary__outcome'
            : 'notice delivery-summary__outcome'
        }
        data-testid="delivery-outcome"
      >
        {outcome}
      </p>
      <dl className="delivery-summary__facts">
        <dt>Customer</dt>
        <dd>{delivery.customerId}</dd>
        <dt>Flow</dt>
        <dd>
          <a href={`#/flows/${encodeURIComponent(delivery.flowId)}`}>
            {flowName(delivery.flowId)}
          </a>{' '}
          v{delivery.flowVersion}
        </dd>
        <dt>Channel</dt>
        <dd>
          {delivery.channel ? channelLabel(delivery.channel) : 'None chosen'}
          {delivery.toAddress && ` to ${delivery.toAddress}`}
        </dd>
        {failed && <dt>Failed on</dt>}
        {failed && <dd>{failed}</dd>}
        {recorded && <dt>Reason as recorded</dt>}
        {recorded && (
          <dd className="delivery-summary__code">{delivery.statusReason}</dd>
        )}
      </dl>
      {delivery.body && (
        <p className="delivery-summary__body">{delivery.body}</p>
      )}
    </div>
  );
}
