/**
 * Evaluating stored Changes, one or a batch at a time: pick the active Rule
 * sets whose Trigger matches, run them with the engine, record each Run
 * with its explain trace, and turn every fired path into a Delivery — one
 * per (change, flow version, Channel step), however often this runs. The
 * batch's Runs, Deliveries and their `deliver` jobs are written in one
 * transaction: the Deliveries due now share one job.
 */
import {
  buildTriggerIndex,
  evaluateChange,
  type Evaluation,
  type Facts,
  type RuleSet,
  type TriggerIndex,
} from '@herald/engine';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { CustomerRow } from '../repositories/customer-repository.js';
import {
  insertDeliveries,
  insertRuns,
} from '../repositories/evaluation-repository.js';
import { appendEvents } from '../repositories/delivery-batch-repository.js';
import { addJob } from '../repositories/job-queue.js';
import {
  claimEvaluations,
  wakeUp,
} from '../repositories/work-queue-repository.js';
import {
  findChanges,
  type ChangeRow,
} from '../repositories/record-repository.js';
import { findCustomers } from '../repositories/customer-repository.js';
import { toCustomerFact } from './customer-service.js';
import { activeRuleSetsFor } from './rule-set-cache.js';
import {
  followRecordChanges,
  initialSchedule,
} from './wait-schedule-service.js';

/** What one evaluation of a stored Change did. */
export interface EvaluationOutcome {
  changeId: string;
  runId: string | null;
  ruleSetsEvaluated: number;
  deliveryIds: string[];
}

/** One Change evaluated, before anything is written. */
interface Evaluated {
  change: ChangeRow;
  customer: CustomerRow;
  ruleSets: RuleSet[];
  evaluation: Evaluation;
  record: Record<string, unknown>;
}

/** Evaluates Change `changeId`; safe to run more than once. */
export async function evaluateStoredChange(
  db: Db,
  changeId: string,
  log: Logger,
): Promise<EvaluationOutcome> {
  const [outcome] = await evaluateStoredChanges(db, [changeId], log);
  return (
    outcome ?? { changeId, runId: null, ruleSetsEvaluated: 0, deliveryIds: [] }
  );
}

/** Evaluates the Changes of `changeIds` in id order; safe to run again. */
export async function evaluateStoredChanges(
  db: Db,
  changeIds: string[],
  log: Logger,
): Promise<EvaluationOutcome[]> {
  const startedAt = new Date();
  const evaluated = await evaluateBatch(db, changeIds, startedAt, log);
  const outcomes = await db
    .transaction()
    .execute((trx) => writeOutcomes(trx, evaluated, startedAt));
  await settleEvaluated(db, evaluated, outcomes, log);
  return outcomes;
}

/** How much queued work one drain takes on. */
export interface DrainLimits {
  /** Changes claimed per transaction. */
  batch: number;
  /** Stop claiming after this long (the wake-up is renewed). */
  budgetMs: number;
  signal?: AbortSignal;
}

/**
 * Evaluates queued Changes, a batch per transaction (claim, evaluate,
 * write, commit), until none is left or the budget is spent; answers
 * whether work may be left.
 */
export async function evaluatePending(
  db: Db,
  log: Logger,
  limits: DrainLimits,
): Promise<{ evaluated: number; more: boolean }> {
  const until = Date.now() + limits.budgetMs;
  let total = 0;
  for (;;) {
    if (Date.now() > until || limits.signal?.aborted) {
      return { evaluated: total, more: true };
    }

    const startedAt = new Date();
    const done = await db.transaction().execute(async (trx) => {
      const ids = await claimEvaluations(trx, limits.batch);
      const evaluated = await evaluateBatch(trx, ids, startedAt, log);
      const outcomes = await writeOutcomes(trx, evaluated, startedAt);
      return { ids, evaluated, outcomes };
    });
    await settleEvaluated(db, done.evaluated, done.outcomes, log);
    total += done.ids.length;
    if (done.ids.length < limits.batch) {
      return { evaluated: total, more: false };
    }
  }
}

/** Runs the engine over the Changes of `changeIds`, in id order. */
async function evaluateBatch(
  db: Db,
  changeIds: string[],
  startedAt: Date,
  log: Logger,
): Promise<Evaluated[]> {
  const changes = [...(await findChanges(db, changeIds)).values()].sort(
    (left, right) => Number(BigInt(left.id) - BigInt(right.id)),
  );
  if (changes.length < new Set(changeIds).size) {
    log.warn({ changeIds }, 'some changes not found; nothing to evaluate');
  }

  const customers = await findCustomers(
    db,
    changes.map((change) => change.customer_id),
  );
  const indexFor = indexesOnce(db);
  const evaluated: Evaluated[] = [];
  for (const change of changes) {
    const customer = customers.get(change.customer_id);
    if (!customer) {
      log.warn(
        { changeId: change.id },
        'customer not found; change not evaluated',
      );
      continue;
    }

    const facts = factsOf(change, toCustomerFact(customer), startedAt);
    const result = await evaluateFacts(db, facts, indexFor).catch(
      (error: unknown) => {
        // One Change the engine cannot evaluate must not hold up the rest
        // of the queue: it gets a Run that fired nothing, and an error log.
        log.error({ err: error, changeId: change.id }, 'change not evaluated');
        return { ruleSets: [], evaluation: { fired: [], trace: [] } };
      },
    );
    const { ruleSets, evaluation } = result;
    evaluated.push({
      change,
      customer,
      ruleSets,
      evaluation,
      record: facts.record,
    });
  }

  return evaluated;
}

/** After commit: scheduled Deliveries follow their Records; log each Run. */
async function settleEvaluated(
  db: Db,
  evaluated: Evaluated[],
  outcomes: EvaluationOutcome[],
  log: Logger,
) {
  await followRecordChanges(db, evaluated, log);
  for (const outcome of outcomes) {
    log.info(
      {
        changeId: outcome.changeId,
        runId: outcome.runId,
        ruleSets: outcome.ruleSetsEvaluated,
        deliveries: outcome.deliveryIds.length,
      },
      'change evaluated',
    );
  }
}

/** The trigger index over the active Rule sets of one object type and kind. */
type IndexFor = (objectType: string, kind: string) => Promise<TriggerIndex>;

/** Builds each trigger index once per batch. */
function indexesOnce(db: Db): IndexFor {
  const built = new Map<string, Promise<TriggerIndex>>();
  return (objectType, kind) => {
    const key = `${objectType}\u0000${kind}`;
    let index = built.get(key);
    if (!index) {
      index = activeRuleSetsFor(db, objectType, kind).then(buildTriggerIndex);
      built.set(key, index);
    }

    return index;
  };
}

/** Runs the matching active Rule sets over a set of facts. */
export async function evaluateFacts(
  db: Db,
  facts: Facts,
  indexFor: IndexFor = indexesOnce(db),
): Promise<{ ruleSets: RuleSet[]; evaluation: Evaluation }> {
  const { objectType, kind } = facts.change;
  const index = await indexFor(objectType, kind);
  const ruleSets = index.select(facts.change);
  const evaluation = await evaluateChange(ruleSets, facts);
  return { ruleSets, evaluation };
}

/** The engine's facts for a stored Change; a delete reads its last state. */
export function factsOf(
  change: ChangeRow,
  customer: Record<string, unknown>,
  now: Date,
): Facts {
  return {
    record: change.current ?? change.prior ?? {},
    prior: change.prior,
    change: {
      kind: change.kind,
      objectType: change.object_type,
      recordId: change.record_id,
      changedFields: change.changed_fields,
    },
    customer,
    now: now.toISOString(),
  };
}

/**
 * Writes the batch's Runs and Deliveries with their history, inside the
 * caller's transaction; Deliveries due now wake a worker that sends due
 * Deliveries, scheduled ones get a job of their own at their moment.
 */
async function writeOutcomes(
  trx: Db,
  evaluated: Evaluated[],
  startedAt: Date,
): Promise<EvaluationOutcome[]> {
  if (evaluated.length === 0) {
    return [];
  }

  const runIds = await insertRuns(
    trx,
    evaluated.map(({ change, ruleSets, evaluation }) => ({
      changeId: change.id,
      ruleSetsEvaluated: ruleSets.length,
      fired: evaluation.fired.length,
      trace: evaluation.trace,
      startedAt,
    })),
  );
  const planned = evaluated.flatMap((item) =>
    plannedDeliveries(item, runIds.get(item.change.id), startedAt),
  );
  const ids = await insertDeliveries(
    trx,
    planned.map((item) => item.delivery),
  );
  const created = planned
    .map((item, index) => ({ ...item, id: ids[index] }))
    .filter((item): item is typeof item & { id: string } => !!item.id);
  await appendEvents(
    trx,
    created.map(({ id, schedule, reason }) => ({
      deliveryId: id,
      status: schedule.status,
      reason,
      details: null,
    })),
  );
  await addDeliverJobs(trx, created, startedAt);

  return evaluated.map(({ change, ruleSets }) => ({
    changeId: change.id,
    runId: runIds.get(change.id) ?? null,
    ruleSetsEvaluated: ruleSets.length,
    deliveryIds: created
      .filter((item) => item.delivery.changeId === change.id)
      .map((item) => item.id),
  }));
}

/** The Deliveries one evaluated Change decided, with their schedule. */
function plannedDeliveries(
  { change, customer, evaluation, record }: Evaluated,
  runId: string | undefined,
  now: Date,
) {
  return evaluation.fired.map((fired) => {
    const schedule = initialSchedule(fired, record, customer.time_zone, now);
    const reason = [`run ${runId}`, schedule.reason].filter(Boolean).join('; ');
    return {
      schedule,
      reason,
      delivery: {
        changeId: change.id,
        flowId: fired.flowId,
        flowVersion: fired.version,
        pathId: fired.pathId,
        channelStepId: fired.channelStepId,
        templateId: fired.templateId,
        urgent: fired.urgent,
        customerId: change.customer_id,
        objectType: change.object_type,
        recordId: change.record_id,
        channelPolicy: fired.channelPolicy,
        status: schedule.status,
        statusReason: reason,
        sendAt: schedule.sendAt,
      },
    };
  });
}

async function addDeliverJobs(
  db: Db,
  created: {
    id: string;
    schedule: { status: string; sendAt: Date };
  }[],
  now: Date,
) {
  const dueNow = created.filter(
    (item) =>
      item.schedule.status === 'pending' &&
      item.schedule.sendAt.getTime() <= now.getTime(),
  );
  if (dueNow.length > 0) {
    await wakeUp(db, 'deliver-pending');
  }

  for (const item of created) {
    const waiting =
      item.schedule.status === 'scheduled' ||
      (item.schedule.status === 'pending' && !dueNow.includes(item));
    if (waiting) {
      await addJob(
        db,
        'deliver',
        { deliveryId: item.id },
        { jobKey: `delivery:${item.id}`, runAt: item.schedule.sendAt },
      );
    }
  }
}
