import type { DeliveryListItem } from '../api/delivery-types';
import type { DeliveryFilters } from './delivery-filters';
import { DeliveryRow } from './DeliveryRow';

/** Props of {@link DeliveryTable}. */
export interface DeliveryTableProps {
  deliveries: DeliveryListItem[];
  filters: DeliveryFilters;
  flowName: (flowId: string) => string;
  openId: string | undefined;
}

/** The listed Deliveries, newest first. */
export function DeliveryTable(props: DeliveryTableProps) {
  const { deliveries, filters, flowName, openId } = props;

  return (
    <table className="table delivery-table" data-testid="delivery-table">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Status</th>
          <th scope="col">Channel</th>
          <th scope="col">Customer</th>
          <th scope="col">Flow</th>
          <th scope="col">Record</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((delivery) => (
          <DeliveryRow
            key={delivery.id}
            delivery={delivery}
            filters={filters}
            flowName={flowName(delivery.flowId)}
            open={delivery.id === openId}
          />
        ))}
      </tbody>
    </table>
  );
}
