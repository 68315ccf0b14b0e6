/**
 * Shapes of the Deliveries page's API answers: one listed Delivery, as
 * `GET /api/deliveries` answers, and one Delivery's timeline, as
 * `GET /api/deliveries/:id` answers (docs/api.md).
 */

/** One Delivery as the filtered, paged list shows it. */
export interface DeliveryListItem {
  id: string;
  flowId: string;
  flowVersion: number;
  objectType: string;
  recordId: string;
  customerId: string;
  channel: string | null;
  status: string;
  statusReason: string | null;
  isTest?: boolean;
  createdAt: string;
}

/** A state the Delivery moved to, with why. */
export interface TimelineStatus {
  kind: 'status';
  at: string;
  status: string;
  reason: string | null;
  /** e.g. `{ failover: true }`, `{ passedOver: [{ channel, code }] }`. */
  details: Record<string, unknown> | null;
}

/** One try on one channel: what was sent and what the provider said. */
export interface TimelineAttempt {
  kind: 'attempt';
  at: string;
  attemptId: string;
  channel: string;
  outcome: string;
  request: Record<string, unknown> | null;
  providerMessageId: string | null;
  response: unknown;
  errorClass: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  finishedAt: string | null;
}

/** One timeline entry, oldest first. */
export type TimelineEntry = TimelineStatus | TimelineAttempt;

/** One Delivery with its merged timeline. */
export interface DeliveryTimeline {
  id: string;
  flowId: string;
  flowVersion: number;
  customerId: string;
  channel: string | null;
  toAddress: string | null;
  status: string;
  statusReason: string | null;
  body: string | null;
  failedChannels: string[];
  createdAt: string;
  timeline: TimelineEntry[];
}
