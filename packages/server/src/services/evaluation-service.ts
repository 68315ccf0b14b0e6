/**
 * Evaluating a stored Change: pick the active Rule sets whose Trigger
 * matches, run them with the engine, record the Run with its explain trace,
 * and turn every fired path into a Delivery with its `deliver` job — one
 * per (change, flow version, Channel step), however often this runs.
 */
import {
  buildTriggerIndex,
  evaluateChange,
  type Evaluation,
  type Facts,
  type RuleSet,
} from '@herald/engine';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { findCustomer } from '../repositories/customer-repository.js';
import {
  insertDelivery,
  insertRun,
  setDeliveryStatus,
} from '../repositories/delivery-repository.js';
import { addJob } from '../repositories/job-queue.js';
import {
  findChange,
  type ChangeRow,
} from '../repositories/record-repository.js';
import { toCustomerFact } from './customer-service.js';
import { activeRuleSetsFor } from './rule-set-cache.js';
import {
  followRecordChange,
  initialSchedule,
} from './wait-schedule-service.js';

/** What one evaluation of a stored Change did. */
export interface EvaluationOutcome {
  runId: string | null;
  ruleSetsEvaluated: number;
  deliveryIds: string[];
}

/** Evaluates Change `changeId`; safe to run more than once. */
export async function evaluateStoredChange(
  db: Db,
  changeId: string,
  log: Logger,
): Promise<EvaluationOutcome> {
  const startedAt = new Date();
  const change = await findChange(db, changeId);
  if (!change) {
    log.warn({ changeId }, 'change not found; nothing to evaluate');
    return { runId: null, ruleSetsEvaluated: 0, deliveryIds: [] };
  }

  const customer = await findCustomer(db, change.customer_id);
  if (!customer) {
    log.warn({ changeId }, 'customer not found; change not evaluated');
    return { runId: null, ruleSetsEvaluated: 0, deliveryIds: [] };
  }

  const facts = factsOf(change, toCustomerFact(customer), startedAt);
  const { ruleSets, evaluation } = await evaluateFacts(db, facts);
  const outcome = await recordOutcome(db, change, {
    ruleSets,
    evaluation,
    startedAt,
    record: facts.record,
    timeZone: customer.time_zone,
  });
  await followRecordChange(db, change, customer, log);
  log.info(
    {
      runId: outcome.runId,
      ruleSets: ruleSets.length,
      deliveries: outcome.deliveryIds.length,
    },
    'change evaluated',
  );
  return outcome;
}

/** Runs the matching active Rule sets over a set of facts. */
export async function evaluateFacts(
  db: Db,
  facts: Facts,
): Promise<{ ruleSets: RuleSet[]; evaluation: Evaluation }> {
  const { objectType, kind } = facts.change;
  const index = buildTriggerIndex(
    await activeRuleSetsFor(db, objectType, kind),
  );
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

async function recordOutcome(
  db: Db,
  change: ChangeRow,
  result: {
    ruleSets: RuleSet[];
    evaluation: Evaluation;
    startedAt: Date;
    record: Record<string, unknown>;
    timeZone: string;
  },
): Promise<EvaluationOutcome> {
  const { evaluation } = result;
  return db
    .transaction()
    .execute(async (trx) => {
      const runId = await insertRun(trx, {
        changeId: change.id,
        ruleSetsEvaluated: result.ruleSets.length,
        fired: evaluation.fired.length,
        trace: evaluation.trace,
        startedAt: result.startedAt,
      });

      const deliveryIds: string[] = [];
      for (const fired of evaluation.fired) {
        const schedule = initialSchedule(
          fired,
          result.record,
          result.timeZone,
          result.startedAt,
        );
        const id = await insertDelivery(trx, {
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
          sendAt: schedule.sendAt,
        });
        if (!id) {
          continue;
        }

        const why = [`run ${runId}`, schedule.reason].filter(Boolean);
        await setDeliveryStatus(trx, id, schedule.status, why.join('; '));
        if (schedule.status === 'pending' || schedule.status === 'scheduled') {
          await addJob(
            trx,
            'deliver',
            { deliveryId: id },
            {
              jobKey: `delivery:${id}`,
              runAt: schedule.sendAt,
            },
          );
        }
        deliveryIds.push(id);
      }

      return { runId, deliveryIds };
    })
    .then((done) => ({ ...done, ruleSetsEvaluated: result.ruleSets.length }));
}
