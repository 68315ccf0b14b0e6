import { useEffect, useRef } from 'react';
import { fetchDeliveryTimeline } from '../api/activity-api';
import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { DeliverySummary } from './DeliverySummary';
import { TimelineEntryItem } from './TimelineEntryItem';

/** Props of {@link DeliveryTimelinePanel}. */
export interface DeliveryTimelinePanelProps {
  deliveryId: string;
  /** Where "Close" goes: the list with the same filters. */
  closeHref: string;
  flowName: (flowId: string) => string;
}

/**
 * One Delivery's timeline beside the list: its outcome in plain words,
 * then every state and Attempt in order. Focus moves to its heading when
 * it opens, so keyboard users land on what they opened.
 */
export function DeliveryTimelinePanel(props: DeliveryTimelinePanelProps) {
  const { deliveryId, closeHref, flowName } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const found = useApiResource(`delivery:${deliveryId}`, () =>
    fetchDeliveryTimeline(deliveryId),
  );

  useEffect(() => {
    heading.current?.focus();
  }, [deliveryId]);

  return (
    <aside className="delivery-timeline" data-testid="delivery-timeline">
      <div className="panel__heading-row">
        <h2 className="panel__heading" ref={heading} tabIndex={-1}>
          Delivery timeline
        </h2>
        <a href={closeHref} className="button button--small">
          Close
        </a>
      </div>
      {found.state === 'loading' && <p className="muted">Loading…</p>}
      {found.state === 'failed' && (
        <ErrorNotice error={found.error} action="Loading the delivery failed" />
      )}
      {found.state === 'ready' && (
        <>
          <DeliverySummary delivery={found.data} flowName={flowName} />
          <ol className="timeline" data-testid="timeline">
            {found.data.timeline.map((entry, index) => (
              <TimelineEntryItem key={index} entry={entry} />
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
