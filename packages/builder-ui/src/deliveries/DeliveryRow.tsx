import type { DeliveryListItem } from '../api/delivery-types';
import { formatTime } from '../app/format-time';
import { channelLabel } from '../steps/channel-names';
import { deliveriesHref, type DeliveryFilters } from './delivery-filters';
import { reasonSentence } from './delivery-reason';

/** Props of {@link DeliveryRow}. */
export interface DeliveryRowProps {
  delivery: DeliveryListItem;
  filters: DeliveryFilters;
  flowName: string;
  open: boolean;
}

/** One Delivery in the list; its time links to its timeline. */
export function DeliveryRow(props: DeliveryRowProps) {
  const { delivery, filters, flowName, open } = props;
  const href = deliveriesHref(filters, delivery.id);

  return (
    <tr
      className={open ? 'delivery-row delivery-row--open' : 'delivery-row'}
      onClick={() => (window.location.hash = href)}
      data-testid="delivery-row"
      data-delivery-id={delivery.id}
      data-status={delivery.status}
    >
      <td className="table__nowrap">
        <a
          href={href}
          className="table__primary"
          aria-current={open ? 'true' : undefined}
          data-testid="delivery-open"
        >
          {formatTime(delivery.createdAt)}
        </a>
      </td>
      <td>
        <span className={`badge badge--delivery-${delivery.status}`}>
          {delivery.status}
        </span>
      </td>
      <td>{delivery.channel ? channelLabel(delivery.channel) : '—'}</td>
      <td>{delivery.customerId}</td>
      <td>
        {flowName} <span className="muted">v{delivery.flowVersion}</span>
      </td>
      <td>
        {delivery.objectType} {delivery.recordId}
      </td>
      <td className="delivery-row__reason" data-testid="delivery-reason">
        {reasonSentence(delivery.statusReason, delivery.status)}
      </td>
    </tr>
  );
}
