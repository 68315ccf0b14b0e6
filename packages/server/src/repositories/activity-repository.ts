/**
 * Reading what happened: Deliveries, Runs and the sandbox outbox.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface DeliveryFilter {
  recordId?: string;
  objectType?: string;
  customerId?: string;
  flowId?: string;
  status?: string;
  changeId?: string;
  /** The Delivery's channel, or a channel one of its Attempts used. */
  channel?: string;
  /** A Delivery id: list only those older than it (the next page). */
  before?: string;
  limit: number;
}

/** Whether a Delivery exists, for checking a page cursor. */
export async function deliveryExists(db: Db, id: string) {
  const row = await db
    .selectFrom('deliveries')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Deliveries, newest first (ties by id, so pages never overlap or skip).
 * Limitation: a Delivery blocked before a channel was chosen has no
 * channel and no Attempt, so a channel filter never lists it.
 */
export async function listDeliveries(db: Db, filter: DeliveryFilter) {
  let query = db.selectFrom('deliveries').selectAll();
  if (filter.recordId) {
    query = query.where('record_id', '=', filter.recordId);
  }
  if (filter.objectType) {
    query = query.where('object_type', '=', filter.objectType);
  }
  if (filter.customerId) {
    query = query.where('customer_id', '=', filter.customerId);
  }
  if (filter.flowId) {
    query = query.where('flow_id', '=', filter.flowId);
  }
  if (filter.status) {
    query = query.where('status', '=', filter.status);
  }
  if (filter.changeId) {
    query = query.where('change_id', '=', filter.changeId);
  }
  if (filter.channel) {
    query = query.where(onChannel(filter.channel));
  }
  if (filter.before) {
    // Compared in SQL so the cursor keeps created_at's microseconds.
    query = query.where(
      sql<boolean>`(created_at, id) < (select created_at, id
        from deliveries where id = ${filter.before})`,
    );
  }

  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

function onChannel(channel: string) {
  return sql<boolean>`(deliveries.channel = ${channel} or exists (
    select 1 from attempts
    where attempts.delivery_id = deliveries.id
      and attempts.channel = ${channel}))`;
}

/** The state history of Deliveries, oldest first. */
export async function listDeliveryEvents(db: Db, deliveryIds: string[]) {
  if (deliveryIds.length === 0) {
    return [];
  }

  return db
    .selectFrom('delivery_events')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('id')
    .execute();
}

/** Attempts of Deliveries, oldest first. */
export async function listAttempts(db: Db, deliveryIds: string[]) {
  if (deliveryIds.length === 0) {
    return [];
  }

  return db
    .selectFrom('attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('id')
    .execute();
}

/**
 * Runs, newest Change first, optionally of one Change. Ordered by Change,
 * not by Run id: Changes are evaluated in batches side by side, so a later
 * Change's Run may well have the smaller id.
 */
export async function listRuns(
  db: Db,
  filter: { changeId?: string; limit: number },
) {
  let query = db
    .selectFrom('runs')
    .innerJoin('changes', 'changes.id', 'runs.change_id')
    .select([
      'runs.id',
      'runs.change_id',
      'runs.rule_sets_evaluated',
      'runs.fired',
      'runs.trace',
      'runs.started_at',
      'runs.finished_at',
      'changes.object_type',
      'changes.record_id',
      'changes.customer_id',
      'changes.kind',
      'changes.changed_fields',
    ]);
  if (filter.changeId) {
    query = query.where('runs.change_id', '=', filter.changeId);
  }

  return query
    .orderBy('runs.change_id', 'desc')
    .orderBy('runs.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/**
 * Messages the sandbox channel stored, newest first, each saying whether
 * its Delivery was a test send and who asked for it.
 */
export async function listOutbox(
  db: Db,
  filter: { customerId?: string; limit: number },
) {
  let query = db
    .selectFrom('sandbox_messages')
    .leftJoin('deliveries', 'deliveries.id', 'sandbox_messages.delivery_id')
    .selectAll('sandbox_messages')
    .select(['deliveries.is_test', 'deliveries.test_requested_by']);
  if (filter.customerId) {
    query = query.where('sandbox_messages.customer_id', '=', filter.customerId);
  }

  return query
    .orderBy('sandbox_messages.id', 'desc')
    .limit(filter.limit)
    .execute();
}
