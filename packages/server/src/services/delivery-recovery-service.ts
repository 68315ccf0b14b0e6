/**
 * The recovery sweep, run by every worker on a timer: it gives jobs held
 * by dead workers back to the queue, reconciles Attempts a dead worker
 * left open (asking the provider; never sending again), and fails
 * Deliveries whose outcome stayed unknown past the policy's bound.
 */
import { addJob, type TaskName } from '../repositories/job-queue.js';
import {
  lockDelivery,
  setDeliveryStatus,
} from '../repositories/delivery-repository.js';
import {
  deliveriesWithOrphanedAttempts,
  staleLockedJobs,
  staleUnknownDeliveries,
} from '../repositories/worker-repository.js';
import { loadDeliveryPolicy } from './delivery-policy.js';
import { sendDelivery, type DeliveryDeps } from './delivery-service.js';

/** What one sweep did. */
export interface SweepOutcome {
  requeuedJobs: number;
  reconciled: number;
  failedUnknown: number;
}

const BATCH = 500;

/** Runs one sweep; `staleMs` is how long a silent worker counts as alive. */
export async function sweepDeliveries(
  deps: DeliveryDeps & { staleWorkerMs: number },
): Promise<SweepOutcome> {
  const { db, log } = deps;
  const jobs = await staleLockedJobs(db, deps.staleWorkerMs);
  for (const job of jobs) {
    await addJob(db, job.task_identifier as TaskName, job.payload, {
      jobKey: job.key!,
    });
  }

  const orphaned = await deliveriesWithOrphanedAttempts(
    db,
    deps.staleWorkerMs,
    new Date(Date.now() - deps.staleWorkerMs),
    BATCH,
  );
  for (const deliveryId of orphaned) {
    await sendDelivery(deps, deliveryId);
  }

  const failedUnknown = await failStaleUnknown(deps);
  const outcome = {
    requeuedJobs: jobs.length,
    reconciled: orphaned.length,
    failedUnknown,
  };
  if (jobs.length + orphaned.length + failedUnknown > 0) {
    log.info(outcome, 'delivery sweep recovered work');
  }

  return outcome;
}

async function failStaleUnknown(deps: DeliveryDeps) {
  const policy = await loadDeliveryPolicy(deps.db);
  const bound = policy.unknownOutcomeAfterMinutes * 60_000;
  const ids = await staleUnknownDeliveries(
    deps.db,
    new Date(Date.now() - bound),
    BATCH,
  );
  for (const id of ids) {
    await deps.db.transaction().execute(async (trx) => {
      const delivery = await lockDelivery(trx, id);
      if (delivery?.status !== 'unknown') {
        return;
      }

      await setDeliveryStatus(
        trx,
        id,
        'failed',
        'HERALD_UNKNOWN_OUTCOME: never confirmed by the provider',
      );
    });
  }

  return ids.length;
}
