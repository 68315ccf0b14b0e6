/**
 * Every state a Delivery can be in (see DESIGN.md), in the order one
 * usually moves through them; the server stores them, the builder filters
 * by them.
 */
export const deliveryStatuses = [
  'scheduled',
  'pending',
  'deferred',
  'blocked',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'unknown',
  'cancelled',
  'skipped',
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
