/**
 * Adds graphile-worker jobs with SQL, so a job commits or rolls back with
 * the transaction that asks for it.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Task names the worker knows. */
export type TaskName =
  | 'evaluate-change'
  | 'evaluate-pending'
  | 'deliver'
  | 'deliver-pending'
  | 'sweep-deliveries'
  | 'keyword-reply'
  | 'conversation-bot'
  | 'pilot-reply';

/**
 * Adds a job. `jobKey` makes it unique while pending: adding the same key
 * again replaces the waiting job instead of queueing a second one.
 */
export async function addJob(
  db: Db,
  task: TaskName,
  payload: Record<string, unknown>,
  options: { jobKey: string; runAt?: Date; maxAttempts?: number },
) {
  await sql`
    select graphile_worker.add_job(
      ${task},
      ${JSON.stringify(payload)}::json,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? 10},
      job_key => ${options.jobKey}
    )
  `.execute(db);
}

/** Jobs waiting or running, for health. */
export async function countQueuedJobs(db: Db): Promise<number> {
  const result = await sql<{ count: string }>`
    select count(*) as count from graphile_worker.jobs
  `.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}
