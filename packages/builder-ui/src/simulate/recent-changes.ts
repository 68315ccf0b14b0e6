import type { DeliveryView } from '../api/activity-types';

/** A Change the Flow recently sent for, with what became of its sends. */
export interface RecentChange {
  changeId: string;
  customerId: string;
  recordId: string;
  /** When the first Delivery of the Change was made. */
  at: string;
  /** The status of each Delivery the Change made, one per Channel step. */
  statuses: string[];
}

/**
 * A Flow's recent Deliveries grouped by the Change that made them, in
 * the order given (newest first); agent Deliveries (no Change) are left
 * out, as they cannot be simulated.
 */
export function recentChanges(deliveries: DeliveryView[]): RecentChange[] {
  const byChange = new Map<string, RecentChange>();
  for (const delivery of deliveries) {
    if (!delivery.changeId) {
      continue;
    }

    const known = byChange.get(delivery.changeId);
    if (known) {
      known.statuses.push(delivery.status);
      continue;
    }

    byChange.set(delivery.changeId, {
      changeId: delivery.changeId,
      customerId: delivery.customerId,
      recordId: delivery.recordId,
      at: delivery.createdAt,
      statuses: [delivery.status],
    });
  }

  return [...byChange.values()];
}

/** One status of a Change's Deliveries, and how many had it. */
export interface StatusCount {
  status: string;
  count: number;
}

/**
 * A Change's Delivery statuses with repeats counted, in first-seen order,
 * so two sent Deliveries read "sent ×2" rather than "sent sent".
 */
export function countStatuses(statuses: string[]): StatusCount[] {
  const counts = new Map<string, number>();
  for (const status of statuses) {
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }

  return [...counts].map(([status, count]) => ({ status, count }));
}
