/**
 * Deliveries, their state history and their Attempts, and Runs.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { AttemptsTable, DeliveriesTable } from '../db/schema.js';

export type DeliveryRow = Selectable<DeliveriesTable>;
export type AttemptRow = Selectable<AttemptsTable>;

/** Every state a Delivery can be in. */
export type DeliveryStatus =
  | 'scheduled'
  | 'pending'
  | 'deferred'
  | 'blocked'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'failed'
  | 'unknown'
  | 'cancelled'
  | 'skipped';

/** A Delivery decided by a Run, before it has an id. */
export interface NewDelivery {
  changeId: string;
  flowId: string;
  flowVersion: number;
  pathId: string;
  channelStepId: string;
  templateId: string;
  urgent: boolean;
  customerId: string;
  objectType: string;
  recordId: string;
  channelPolicy: unknown;
  status: DeliveryStatus;
  sendAt: Date;
}

/** Records a Run and its explain trace. */
export async function insertRun(
  db: Db,
  run: {
    changeId: string;
    ruleSetsEvaluated: number;
    fired: number;
    trace: unknown;
    startedAt: Date;
  },
) {
  const row = await db
    .insertInto('runs')
    .values({
      change_id: run.changeId,
      rule_sets_evaluated: run.ruleSetsEvaluated,
      fired: run.fired,
      trace: JSON.stringify(run.trace),
      started_at: run.startedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Inserts a Delivery unless one exists for the same change, flow version
 * and Channel step; answers the new id, or undefined when it existed.
 */
export async function insertDelivery(db: Db, delivery: NewDelivery) {
  const row = await db
    .insertInto('deliveries')
    .values({
      change_id: delivery.changeId,
      flow_id: delivery.flowId,
      flow_version: delivery.flowVersion,
      path_id: delivery.pathId,
      channel_step_id: delivery.channelStepId,
      template_id: delivery.templateId,
      urgent: delivery.urgent,
      customer_id: delivery.customerId,
      object_type: delivery.objectType,
      record_id: delivery.recordId,
      channel_policy: JSON.stringify(delivery.channelPolicy),
      status: delivery.status,
      send_at: delivery.sendAt,
      updated_at: new Date(),
    })
    .onConflict((conflict) =>
      conflict
        .columns(['change_id', 'flow_id', 'flow_version', 'channel_step_id'])
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** One Delivery, locked for the rest of the transaction. */
export async function lockDelivery(db: Db, id: string) {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Moves a Delivery to a state and appends that to its history. */
export async function setDeliveryStatus(
  db: Db,
  id: string,
  status: DeliveryStatus,
  reason: string | null,
  extra: { channel?: string; body?: string } = {},
) {
  await db
    .updateTable('deliveries')
    .set({ status, status_reason: reason, updated_at: new Date(), ...extra })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('delivery_events')
    .values({ delivery_id: id, status, reason })
    .execute();
}

/** Opens an Attempt before the provider is called. */
export async function openAttempt(
  db: Db,
  attempt: { deliveryId: string; channel: string; request: unknown },
) {
  const row = await db
    .insertInto('attempts')
    .values({
      delivery_id: attempt.deliveryId,
      channel: attempt.channel,
      request: JSON.stringify(attempt.request),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Settles an Attempt with what the provider answered. */
export async function closeAttempt(
  db: Db,
  id: string,
  result: {
    outcome: 'accepted' | 'failed' | 'unknown';
    providerMessageId?: string;
    response?: unknown;
    errorCode?: string;
  },
) {
  await db
    .updateTable('attempts')
    .set({
      outcome: result.outcome,
      provider_message_id: result.providerMessageId ?? null,
      response:
        result.response === undefined ? null : JSON.stringify(result.response),
      error_code: result.errorCode ?? null,
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** The open Attempt of a Delivery, if a send was interrupted. */
export async function findOpenAttempt(db: Db, deliveryId: string) {
  return db
    .selectFrom('attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .where('outcome', '=', 'open')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
