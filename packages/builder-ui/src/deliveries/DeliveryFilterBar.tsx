import type { FlowSummary } from '../api/api-types';
import { channelLabel } from '../steps/channel-names';
import {
  deliveriesHref,
  deliveryChannels,
  deliveryStatuses,
  type DeliveryFilters,
} from './delivery-filters';
import { CustomerFilter } from './CustomerFilter';
import { FilterSelect } from './FilterSelect';

/** Props of {@link DeliveryFilterBar}. */
export interface DeliveryFilterBarProps {
  filters: DeliveryFilters;
  flows: FlowSummary[];
}

/**
 * Status, channel, flow and customer filters. A choice goes into the URL
 * at once (closing any open timeline), so Back undoes it.
 */
export function DeliveryFilterBar({ filters, flows }: DeliveryFilterBarProps) {
  const apply = (change: Partial<DeliveryFilters>) => {
    window.location.hash = deliveriesHref({ ...filters, ...change });
  };
  const flowOptions = [...flows]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((flow) => ({ value: flow.id, label: flow.name }));

  return (
    <div className="delivery-filters" role="group" aria-label="Filters">
      <FilterSelect
        label="Status"
        name="status"
        value={filters.status}
        options={deliveryStatuses.map((value) => ({ value, label: value }))}
        onChange={(status) => apply({ status })}
      />
      <FilterSelect
        label="Channel"
        name="channel"
        value={filters.channel}
        options={deliveryChannels.map((value) => ({
          value,
          label: channelLabel(value),
        }))}
        onChange={(channel) => apply({ channel })}
      />
      <FilterSelect
        label="Flow"
        name="flow"
        value={filters.flowId}
        options={flowOptions}
        onChange={(flowId) => apply({ flowId })}
      />
      <CustomerFilter
        key={filters.customerId}
        value={filters.customerId}
        onApply={(customerId) => apply({ customerId })}
      />
    </div>
  );
}
