import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { formatTime } from '../app/format-time';
import { newestFirst } from '../app/newest-first';
import { deliveriesHref } from '../deliveries/delivery-filters';
import { channelLabel } from '../steps/channel-names';

/** How many Deliveries the panel shows. */
const SHOWN_DELIVERIES = 20;

/** The most recent Deliveries a Flow made, with their status. */
export function DeliveryList({ flowId }: { flowId: string }) {
  const deliveries = useApiResource(`deliveries:${flowId}`, (api) =>
    api.listDeliveries(flowId),
  );

  return (
    <section className="panel__section">
      <div className="panel__heading-row">
        <h2 className="panel__heading">Recent deliveries</h2>
        <button
          type="button"
          className="button button--small"
          onClick={deliveries.reload}
          data-testid="deliveries-refresh"
        >
          Refresh
        </button>
      </div>
      {deliveries.state === 'loading' && <p className="muted">Loading…</p>}
      {deliveries.state === 'failed' && (
        <ErrorNotice
          error={deliveries.error}
          action="Loading deliveries failed"
        />
      )}
      {deliveries.state === 'ready' && deliveries.data.length === 0 && (
        <p className="muted">No deliveries yet.</p>
      )}
      {deliveries.state === 'ready' && deliveries.data.length > 0 && (
        <ul className="delivery-list" data-testid="delivery-list">
          {newestFirst(deliveries.data)
            .slice(0, SHOWN_DELIVERIES)
            .map((delivery) => (
              <li key={delivery.id} data-testid="delivery-row">
                <span className={`badge badge--delivery-${delivery.status}`}>
                  {delivery.status}
                </span>{' '}
                {delivery.channel
                  ? channelLabel(delivery.channel)
                  : 'No channel'}{' '}
                to {delivery.customerId}
                <div className="muted delivery-list__meta">
                  v{delivery.flowVersion} · record {delivery.recordId} ·{' '}
                  {formatTime(delivery.createdAt)} ·{' '}
                  <a
                    href={deliveriesHref({ flowId }, delivery.id)}
                    data-testid="delivery-timeline-link"
                  >
                    Timeline
                  </a>
                </div>
                {addsToStatus(delivery.statusReason, delivery.status) && (
                  <div
                    className="muted delivery-list__meta"
                    data-testid="delivery-reason"
                  >
                    {delivery.statusReason}
                  </div>
                )}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

// A reason that only repeats the status ("sent … sent") says nothing more.
function addsToStatus(reason: string | null, status: string): boolean {
  return Boolean(reason && reason.trim().toLowerCase() !== status);
}
