/**
 * How much work the queue holds right now: jobs due or running. Jobs
 * scheduled for later (the recovery sweep, a send held for quiet hours, a
 * retry's backoff) and jobs that used up their attempts do not count.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Jobs due within `withinMs` (default 2 s) that may still run, running
 * ones included. The margin covers jobs queued "now" by a clock a little
 * ahead of the database's.
 */
export async function countDueJobs(db: Db, withinMs = 2_000): Promise<number> {
  const result = await sql<{ count: string }>`
    select count(*) as count
    from graphile_worker.jobs
    where run_at <= now() + make_interval(secs => ${withinMs / 1000})
      and attempts < max_attempts
  `.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}
