/**
 * Wait steps: when a fired path holds Waits its Delivery is `scheduled`
 * for the moment they end (or `skipped` when that moment has passed and
 * the Wait says so). When the moment comes the path's Conditions are
 * checked again against the Record as it is then; a deleted Record or a
 * path that no longer holds cancels the send. A later Change that moves
 * the Record's date moves the pending send with it.
 */
import {
  computePathSendAt,
  recheckPath,
  type Facts,
  type PathEvent,
  type RuleSet,
} from '@herald/engine';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { CustomerRow } from '../repositories/customer-repository.js';
import {
  setDeliveryStatus,
  type DeliveryRow,
  type DeliveryStatus,
} from '../repositories/delivery-repository.js';
import { findVersion } from '../repositories/flow-repository.js';
import { addJob } from '../repositories/job-queue.js';
import {
  listScheduledForRecords,
  lockScheduled,
  updateSendAt,
} from '../repositories/scheduled-delivery-repository.js';
import { findChange, findRecord } from '../repositories/record-repository.js';
import { toCustomerFact } from './customer-service.js';

/** How a newly fired path's Delivery starts. */
export interface InitialSchedule {
  status: Extract<
    DeliveryStatus,
    'pending' | 'scheduled' | 'skipped' | 'blocked'
  >;
  sendAt: Date;
  reason: string | null;
}

/** The first state of a fired path's Delivery, from its Waits. */
export function initialSchedule(
  fired: PathEvent['params'],
  record: Record<string, unknown>,
  timeZone: string,
  now: Date,
): InitialSchedule {
  if (fired.waitStepIds.length === 0) {
    return { status: 'pending', sendAt: now, reason: null };
  }
  if (!fired.waits) {
    const reason =
      'HERALD_WAIT_UNKNOWN: the version predates scheduling; republish it';
    return { status: 'blocked', sendAt: now, reason };
  }

  return fromSendAt(computePathSendAt(fired.waits, record, now, timeZone), now);
}

function fromSendAt(
  result: ReturnType<typeof computePathSendAt>,
  now: Date,
): InitialSchedule {
  if ('problem' in result) {
    const { code, message } = result.problem;
    return { status: 'blocked', sendAt: now, reason: `${code}: ${message}` };
  }
  if ('passed' in result) {
    return result.whenPassed === 'skip'
      ? { status: 'skipped', sendAt: now, reason: 'the wait moment had passed' }
      : {
          status: 'pending',
          sendAt: now,
          reason: 'the wait moment had passed',
        };
  }
  if (result.sendAt.getTime() <= now.getTime()) {
    return { status: 'pending', sendAt: now, reason: null };
  }

  return {
    status: 'scheduled',
    sendAt: result.sendAt,
    reason: `waiting until ${result.sendAt.toISOString()}`,
  };
}

/**
 * Called when a scheduled Delivery's moment comes: true when it may go on
 * to be sent; otherwise it has been cancelled with the reason.
 */
export async function recheckScheduled(
  db: Db,
  delivery: DeliveryRow,
  customer: CustomerRow,
): Promise<boolean> {
  const path = flowPathOf(delivery);
  if (!path) {
    return true;
  }

  const context = await loadPathContext(db, path);
  if (!context.record) {
    await cancel(db, delivery.id, 'HERALD_RECORD_DELETED: record deleted');
    return false;
  }

  const facts: Facts = {
    record: context.record,
    prior: context.prior,
    change: context.change,
    customer: toCustomerFact(customer),
    now: new Date().toISOString(),
  };
  const recheck = await recheckPath(context.ruleSet, path.pathId, facts);
  if ('problem' in recheck) {
    await cancel(
      db,
      delivery.id,
      `${recheck.problem.code}: ${recheck.problem.message}`,
    );
    return false;
  }
  if (!recheck.holds) {
    const failed = recheck.conditions.filter((condition) => !condition.result);
    const what = failed.map((c) => `${c.fact}.${c.path} ${c.operator}`);
    await cancel(
      db,
      delivery.id,
      `HERALD_PATH_NO_LONGER_HOLDS: ${what.join(', ') || 'conditions failed'}`,
    );
    return false;
  }

  await setDeliveryStatus(db, delivery.id, 'pending', 'wait ended; path holds');
  return true;
}

/**
 * After a Change to a Record, its scheduled Deliveries follow it: a
 * delete cancels them, a moved date moves them.
 */
export async function followRecordChange(
  db: Db,
  change: { id: string; object_type: string; record_id: string; kind: string },
  customer: CustomerRow,
  log: Logger,
): Promise<void> {
  await followRecordChanges(db, [{ change, customer }], log);
}

/**
 * The same for many Changes, in their order: each moves the Deliveries
 * scheduled by Changes that came before it.
 */
export async function followRecordChanges(
  db: Db,
  items: {
    change: {
      id: string;
      object_type: string;
      record_id: string;
      kind: string;
    };
    customer: CustomerRow;
  }[],
  log: Logger,
): Promise<void> {
  const scheduled = await listScheduledForRecords(
    db,
    items.map(({ change }) => ({
      objectType: change.object_type,
      recordId: change.record_id,
    })),
  );
  for (const { change, customer } of items) {
    const ids = scheduled
      .filter(
        (row) =>
          row.object_type === change.object_type &&
          row.record_id === change.record_id &&
          row.change_id !== null &&
          BigInt(row.change_id) < BigInt(change.id),
      )
      .map((row) => row.id);
    for (const id of ids) {
      await db.transaction().execute(async (trx) => {
        const locked = await lockScheduled(trx, id);
        if (!locked) {
          return;
        }

        await moveScheduled(trx, locked, change.kind, customer, log);
      });
    }
  }
}

async function moveScheduled(
  db: Db,
  delivery: DeliveryRow,
  kind: string,
  customer: CustomerRow,
  log: Logger,
) {
  if (kind === 'delete') {
    await cancel(db, delivery.id, 'HERALD_RECORD_DELETED: record deleted');
    return;
  }

  const path = flowPathOf(delivery);
  if (!path) {
    return;
  }

  const context = await loadPathContext(db, path);
  const event = context.ruleSet.rules.find(
    (rule) => rule.event.params.pathId === path.pathId,
  )?.event.params;
  if (!event?.waits || !context.record) {
    return;
  }

  const now = new Date();
  const next = fromSendAt(
    computePathSendAt(event.waits, context.record, now, customer.time_zone),
    now,
  );
  if (
    next.status === 'scheduled' &&
    sameMoment(next.sendAt, delivery.send_at)
  ) {
    return;
  }
  if (next.status !== 'scheduled' && next.status !== 'pending') {
    await setDeliveryStatus(db, delivery.id, next.status, next.reason);
    return;
  }

  await updateSendAt(db, delivery.id, next.sendAt);
  await setDeliveryStatus(
    db,
    delivery.id,
    'scheduled',
    `moved: ${next.reason ?? 'send now'}`,
  );
  await addJob(
    db,
    'deliver',
    { deliveryId: delivery.id },
    {
      jobKey: `delivery:${delivery.id}`,
      runAt: next.sendAt,
    },
  );
  log.info(
    { deliveryId: delivery.id, sendAt: next.sendAt },
    'scheduled delivery moved',
  );
}

/** Where a triggered Delivery came from; null for an agent's message. */
interface FlowPath {
  flowId: string;
  version: number;
  pathId: string;
  changeId: string;
  objectType: string;
  recordId: string;
}

function flowPathOf(delivery: DeliveryRow): FlowPath | null {
  const { flow_id, flow_version, path_id, change_id } = delivery;
  const { object_type, record_id } = delivery;
  if (!flow_id || !flow_version || !path_id || !change_id) {
    return null;
  }
  if (!object_type || !record_id) {
    return null;
  }

  return {
    flowId: flow_id,
    version: flow_version,
    pathId: path_id,
    changeId: change_id,
    objectType: object_type,
    recordId: record_id,
  };
}

async function loadPathContext(db: Db, path: FlowPath) {
  const [version, record, change] = await Promise.all([
    findVersion(db, path.flowId, path.version),
    findRecord(db, path.objectType, path.recordId),
    findChange(db, path.changeId),
  ]);
  return {
    ruleSet: version!.rule_set as RuleSet,
    record: record && !record.deleted ? record.fields : null,
    prior: change?.prior ?? null,
    change: {
      kind: change?.kind ?? 'update',
      objectType: path.objectType,
      recordId: path.recordId,
      changedFields: change?.changed_fields ?? [],
    },
  };
}

async function cancel(db: Db, deliveryId: string, reason: string) {
  await setDeliveryStatus(db, deliveryId, 'cancelled', reason);
}

function sameMoment(a: Date, b: Date | string) {
  return a.getTime() === new Date(b).getTime();
}
