/**
 * The Deliveries page's filters, kept in the URL fragment after a `?`
 * (`#/deliveries?status=blocked&channel=sms`, `#/deliveries/<id>?…` with
 * a timeline open), so a filtered view can be shared and survives a
 * reload.
 */

/** Every state a Delivery can be in, and the Channels it can go out on. */
export {
  deliveryStatuses,
  channelNames as deliveryChannels,
} from '@herald/engine';

/** What the list is narrowed to; an empty string means "any". */
export interface DeliveryFilters {
  status: string;
  channel: string;
  flowId: string;
  customerId: string;
}

const filterKeys = ['status', 'channel', 'flowId', 'customerId'] as const;

/** Reads the filters from a `location.hash` value. */
export function readFilters(hash: string): DeliveryFilters {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const filters = { status: '', channel: '', flowId: '', customerId: '' };
  for (const key of filterKeys) {
    filters[key] = query.get(key)?.trim() ?? '';
  }

  return filters;
}

/** The fragment showing these filters, with one timeline open or none. */
export function deliveriesHref(
  filters: Partial<DeliveryFilters>,
  deliveryId?: string,
): string {
  const query = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key]?.trim();
    if (value) {
      query.set(key, value);
    }
  }

  const path = deliveryId
    ? `#/deliveries/${encodeURIComponent(deliveryId)}`
    : '#/deliveries';
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
