import { useEffect, useState } from 'react';
import type { DeliveryView, RunView } from '../api/activity-types';
import { listDeliveryViews } from '../api/activity-api';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';
import { channelLabel } from '../steps/channel-names';
import { RunTrace } from './RunTrace';

/** Props of {@link RunDetail}. */
export interface RunDetailProps {
  run: RunView;
  flowName: (flowId: string) => string;
}

/** One Run: its explain trace and the Deliveries its Change made. */
export function RunDetail({ run, flowName }: RunDetailProps) {
  const deliveries = useChangeDeliveries(run.changeId);

  return (
    <section className="run-detail" data-testid="run-detail">
      <h2 className="panel__heading">
        {run.objectType} {run.recordId} · {run.kind} · change {run.changeId}
      </h2>
      <p className="muted">
        Changed: {run.changedFields.join(', ') || '(none)'} · customer{' '}
        {run.customerId ?? '(none)'} · {formatTime(run.startedAt)}
      </p>
      <h3 className="panel__heading">Explain trace</h3>
      <RunTrace trace={run.trace ?? []} flowName={flowName} />
      <h3 className="panel__heading">Deliveries of this change</h3>
      {deliveries.error !== null && (
        <ErrorNotice
          error={deliveries.error}
          action="Loading deliveries failed"
        />
      )}
      {deliveries.items?.length === 0 && (
        <p className="muted">This change made no delivery.</p>
      )}
      <ul className="run-detail__deliveries">
        {deliveries.items?.map((delivery) => (
          <li key={delivery.id} data-testid="run-delivery">
            <strong>{delivery.status}</strong>{' '}
            {delivery.channel ? channelLabel(delivery.channel) : ''} ·{' '}
            {flowName(delivery.flowId)} v{delivery.flowVersion}
            {delivery.statusReason && (
              <span className="muted"> · {delivery.statusReason}</span>
            )}
            {delivery.body && (
              <div className="table__body-text">{delivery.body}</div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function useChangeDeliveries(changeId: string) {
  const [state, setState] = useState<{
    items: DeliveryView[] | null;
    error: unknown;
  }>({ items: null, error: null });

  useEffect(() => {
    let current = true;
    setState({ items: null, error: null });
    listDeliveryViews({ changeId }).then(
      (items) => current && setState({ items, error: null }),
      (error: unknown) => current && setState({ items: null, error }),
    );
    return () => {
      current = false;
    };
  }, [changeId]);

  return state;
}
