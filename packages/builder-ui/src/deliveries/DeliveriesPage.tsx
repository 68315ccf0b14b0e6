import { useApiResource } from '../api/use-api-resource';
import { ErrorNotice } from '../app/ErrorNotice';
import { deliveriesHref } from './delivery-filters';
import { DeliveryFilterBar } from './DeliveryFilterBar';
import { DeliveryListFooter } from './DeliveryListFooter';
import { DeliveryTable } from './DeliveryTable';
import { DeliveryTimelinePanel } from './DeliveryTimelinePanel';
import { useDeliveryFilters } from './use-delivery-filters';
import { useDeliveryPages } from './use-delivery-pages';
import './deliveries.css';

/**
 * Every Delivery, newest first, filtered by status, channel, flow and
 * customer (kept in the URL), with one Delivery's timeline beside the
 * list when `deliveryId` is set.
 */
export function DeliveriesPage({ deliveryId }: { deliveryId?: string }) {
  const filters = useDeliveryFilters();
  const pages = useDeliveryPages(filters);
  const flows = useApiResource('flows', (api) => api.listFlows());
  const flowList = flows.state === 'ready' ? flows.data : [];
  const names = new Map(flowList.map((flow) => [flow.id, flow.name]));
  const flowName = (flowId: string) => names.get(flowId) ?? 'Unknown flow';

  return (
    <main className="page deliveries">
      <div className="page__header">
        <h1>Deliveries</h1>
        <button type="button" className="button" onClick={pages.reload}>
          Refresh
        </button>
      </div>
      <DeliveryFilterBar filters={filters} flows={flowList} />
      {pages.phase === 'failed' && (
        <ErrorNotice
          error={pages.error}
          action="Loading deliveries failed"
          onRetry={pages.items.length > 0 ? pages.loadMore : pages.reload}
        />
      )}
      <div className="deliveries__body">
        <section className="deliveries__list" aria-label="Deliveries">
          {pages.items.length > 0 && (
            <DeliveryTable
              deliveries={pages.items}
              filters={filters}
              flowName={flowName}
              openId={deliveryId}
            />
          )}
          <DeliveryListFooter pages={pages} />
        </section>
        {deliveryId && (
          <DeliveryTimelinePanel
            deliveryId={deliveryId}
            closeHref={deliveriesHref(filters)}
            flowName={flowName}
          />
        )}
      </div>
    </main>
  );
}
