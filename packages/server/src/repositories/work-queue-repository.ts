/**
 * Work waiting for a worker: Changes to evaluate and Deliveries due now.
 * The work itself lives in Herald's tables; graphile-worker jobs only wake
 * workers up. A wake-up job per task is shared (its key is reused while it
 * waits), so a burst of Changes costs one job run, not one per Change;
 * workers claim batches with SKIP LOCKED, so several drain side by side.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { DeliveryRow } from './delivery-repository.js';
import { addJob, type TaskName } from './job-queue.js';

/** Tasks that drain a work table. */
export type DrainTask = Extract<
  TaskName,
  'evaluate-pending' | 'deliver-pending'
>;

/** Wake-up keys per task: writers pick one, so they rarely wait on each other. */
const WAKE_UP_SHARDS = 4;

/** Queues Changes for evaluation and wakes a worker. */
export async function queueEvaluations(db: Db, changeIds: string[]) {
  if (changeIds.length === 0) {
    return;
  }

  await db
    .insertInto('pending_evaluations')
    .values(changeIds.map((id) => ({ change_id: id })))
    .onConflict((conflict) => conflict.column('change_id').doNothing())
    .execute();
  await wakeUp(db, 'evaluate-pending');
}

/** Adds (or joins) a wake-up job for `task`, now or at `runAt`. */
export async function wakeUp(db: Db, task: DrainTask, runAt?: Date) {
  if (runAt) {
    // A delayed wake-up gets a key of its own: joining a shared one would
    // move that job's time for everyone.
    await addJob(db, task, {}, { jobKey: `${task}:retry`, runAt });
    return;
  }

  const shard = Math.floor(Math.random() * WAKE_UP_SHARDS);
  await addJob(db, task, {}, { jobKey: `${task}:${shard}` });
}

/**
 * Claims up to `limit` queued Changes, oldest first, skipping those
 * another worker holds; the claim is released by commit (the rows are
 * gone) or rollback (they are queued again).
 */
export async function claimEvaluations(db: Db, limit: number) {
  const result = await sql<{ change_id: string }>`
    delete from pending_evaluations
    where change_id in (
      select change_id from pending_evaluations
      order by change_id
      limit ${limit}
      for update skip locked
    )
    returning change_id
  `.execute(db);
  return result.rows.map((row) => row.change_id);
}

/** Claims up to `limit` due pending Deliveries, locked, oldest first. */
export async function claimDueDeliveries(
  db: Db,
  limit: number,
): Promise<DeliveryRow[]> {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('send_at', '<=', new Date())
    .orderBy('created_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Which drain tasks have work older than `olderThan` waiting. */
export async function staleWork(db: Db, olderThan: Date) {
  const result = await sql<{ evaluations: boolean; deliveries: boolean }>`
    select
      exists (
        select 1 from pending_evaluations where queued_at < ${olderThan}
      ) as evaluations,
      exists (
        select 1 from deliveries
        where status = 'pending' and send_at < ${olderThan}
          and created_at < ${olderThan}
      ) as deliveries
  `.execute(db);
  const row = result.rows[0];
  const tasks: DrainTask[] = [];
  if (row?.evaluations) {
    tasks.push('evaluate-pending');
  }
  if (row?.deliveries) {
    tasks.push('deliver-pending');
  }

  return tasks;
}
