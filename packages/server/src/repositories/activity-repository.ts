/**
 * Reading what happened: Deliveries, Runs and the sandbox outbox.
 */
import type { Db } from '../db/database.js';

export interface DeliveryFilter {
  recordId?: string;
  objectType?: string;
  customerId?: string;
  flowId?: string;
  status?: string;
  changeId?: string;
  limit: number;
}

/** Deliveries, newest first. */
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

  return query
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit)
    .execute();
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

/** Runs, newest first, optionally of one Change. */
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

  return query.orderBy('runs.id', 'desc').limit(filter.limit).execute();
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
