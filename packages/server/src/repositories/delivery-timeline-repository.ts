/**
 * A Delivery's timeline: its states and Attempts merged in time order.
 */
import type { Db } from '../db/database.js';

/** One entry of a timeline. */
export type TimelineEntry =
  | {
      kind: 'status';
      at: Date;
      status: string;
      reason: string | null;
      details: unknown;
    }
  | {
      kind: 'attempt';
      at: Date;
      attemptId: string;
      channel: string;
      outcome: string;
      request: unknown;
      providerMessageId: string | null;
      response: unknown;
      errorClass: string | null;
      errorCode: string | null;
      errorMessage: string | null;
      finishedAt: Date | null;
    };

/** The Delivery and its timeline; null when it does not exist. */
export async function findDeliveryTimeline(db: Db, id: string) {
  const delivery = await db
    .selectFrom('deliveries')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!delivery) {
    return null;
  }

  const [events, attempts] = await Promise.all([
    db
      .selectFrom('delivery_events')
      .selectAll()
      .where('delivery_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('attempts')
      .selectAll()
      .where('delivery_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  const timeline: TimelineEntry[] = [
    ...events.map((event) => ({
      kind: 'status' as const,
      at: event.at,
      status: event.status,
      reason: event.reason,
      details: event.details,
    })),
    ...attempts.map((attempt) => ({
      kind: 'attempt' as const,
      at: attempt.started_at,
      attemptId: attempt.id,
      channel: attempt.channel,
      outcome: attempt.outcome,
      request: attempt.request,
      providerMessageId: attempt.provider_message_id,
      response: attempt.response,
      errorClass: attempt.error_class,
      errorCode: attempt.error_code,
      errorMessage: attempt.error_message,
      finishedAt: attempt.finished_at ? new Date(attempt.finished_at) : null,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    id: delivery.id,
    changeId: delivery.change_id,
    flowId: delivery.flow_id,
    flowVersion: delivery.flow_version,
    customerId: delivery.customer_id,
    channel: delivery.channel,
    toAddress: delivery.to_address,
    status: delivery.status,
    statusReason: delivery.status_reason,
    body: delivery.body,
    retries: delivery.retries,
    failedChannels: delivery.failed_channels,
    sendAt: delivery.send_at,
    sentAt: delivery.sent_at,
    createdAt: delivery.created_at,
    updatedAt: delivery.updated_at,
    timeline,
  };
}

/** Deliveries per Flow and status. */
export async function countDeliveriesByFlow(db: Db) {
  const rows = await db
    .selectFrom('deliveries')
    .select(['flow_id', 'status'])
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .groupBy(['flow_id', 'status'])
    .orderBy('flow_id')
    .execute();
  return rows.map((row) => ({
    flowId: row.flow_id,
    status: row.status,
    count: Number(row.count),
  }));
}
