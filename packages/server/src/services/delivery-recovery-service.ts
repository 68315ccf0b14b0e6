/**
 * The recovery sweep, run by every worker every heartbeat (default 10 s,
 * `HERALD_WORKER_HEARTBEAT_MS`): it gives jobs locked by workers silent
 * for three heartbeats back to the queue at once (graphile-worker itself
 * would wait 4 hours), reconciles Attempts a dead worker left open
 * (asking the provider; never sending again), wakes a worker for queued
 * Changes and due Deliveries waiting longer than they should, and fails
 * Deliveries whose outcome stayed unknown past the policy's bound.
 */
import {
  lockDelivery,
  setDeliveryStatus,
} from '../repositories/delivery-repository.js';
import {
  deadLockHolders,
  deliveriesWithOrphanedAttempts,
  staleUnknownDeliveries,
  unlockJobsOf,
} from '../repositories/worker-repository.js';
import { staleWork, wakeUp } from '../repositories/work-queue-repository.js';
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
  deps: DeliveryDeps & {
    staleWorkerMs: number;
    /** Queued work older than this gets a worker woken; default stale. */
    wakeAfterMs?: number;
  },
): Promise<SweepOutcome> {
  const { db, log } = deps;
  const holders = await deadLockHolders(db, deps.staleWorkerMs);
  await unlockJobsOf(
    db,
    holders.map((holder) => holder.lockedBy),
  );
  const requeuedJobs = holders.reduce((sum, holder) => sum + holder.jobs, 0);

  const orphaned = await deliveriesWithOrphanedAttempts(
    db,
    deps.staleWorkerMs,
    new Date(Date.now() - deps.staleWorkerMs),
    BATCH,
  );
  for (const deliveryId of orphaned) {
    await sendDelivery(deps, deliveryId);
  }

  // Work queued longer than a heartbeat lost its wake-up (or its worker):
  // wake a worker for it.
  const stale = await staleWork(
    db,
    new Date(Date.now() - (deps.wakeAfterMs ?? deps.staleWorkerMs)),
  );
  for (const task of stale) {
    await wakeUp(db, task);
  }

  const failedUnknown = await failStaleUnknown(deps);
  const outcome = {
    requeuedJobs,
    reconciled: orphaned.length,
    failedUnknown,
  };
  if (requeuedJobs + orphaned.length + failedUnknown > 0) {
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
