/**
 * What the recovery sweep reads about workers, open Attempts and the job
 * queue.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Whether a worker announced itself within `staleMs`. */
export async function isWorkerAlive(db: Db, id: string, staleMs: number) {
  const row = await db
    .selectFrom('workers')
    .select('id')
    .where('id', '=', id)
    .where('last_seen_at', '>', new Date(Date.now() - staleMs))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * An Attempt open this long is orphaned even if its worker is alive: every
 * provider call times out long before (a settle that failed after the
 * provider answered leaves such an Attempt behind).
 */
export const ORPHANED_AFTER_MS = 10 * 60_000;

/**
 * Deliveries whose open Attempt belongs to a worker not seen within
 * `staleMs` (or to no worker), opened before `openedBefore`, or open for
 * longer than ORPHANED_AFTER_MS whoever holds it.
 */
export async function deliveriesWithOrphanedAttempts(
  db: Db,
  staleMs: number,
  openedBefore: Date,
  limit: number,
) {
  const rows = await db
    .selectFrom('attempts')
    .innerJoin('deliveries', 'deliveries.id', 'attempts.delivery_id')
    .select('attempts.delivery_id')
    .where('attempts.outcome', '=', 'open')
    .where('deliveries.status', '=', 'sending')
    .where('attempts.started_at', '<', openedBefore)
    .where((eb) =>
      eb.or([
        eb(
          'attempts.started_at',
          '<',
          new Date(Date.now() - ORPHANED_AFTER_MS),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('workers')
              .select('workers.id')
              .whereRef('workers.id', '=', 'attempts.worker_id')
              .where(
                'workers.last_seen_at',
                '>',
                new Date(Date.now() - staleMs),
              ),
          ),
        ),
      ]),
    )
    .limit(limit)
    .execute();
  return rows.map((row) => row.delivery_id);
}

/** Deliveries left `unknown` since before `before`. */
export async function staleUnknownDeliveries(
  db: Db,
  before: Date,
  limit: number,
) {
  const rows = await db
    .selectFrom('deliveries')
    .select('id')
    .where('status', '=', 'unknown')
    .where('updated_at', '<', before)
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The graphile-worker pools holding job locks whose Herald worker was not
 * seen within `staleMs`, with how many jobs each holds. A worker's id ends
 * with its pool id (see jobs/worker.ts). Locks younger than `staleMs` are
 * left alone: their worker may not have announced itself yet.
 */
export async function deadLockHolders(db: Db, staleMs: number) {
  const result = await sql<{ locked_by: string; jobs: string }>`
    select jobs.locked_by, count(*) as jobs
    from graphile_worker.jobs as jobs
    where jobs.locked_by is not null
      and jobs.locked_at < now() - make_interval(secs => ${staleMs / 1000})
      and not exists (
        select 1 from workers
        where workers.id like '%:' || jobs.locked_by
          and workers.last_seen_at > now() - make_interval(secs => ${staleMs / 1000})
      )
    group by jobs.locked_by
  `.execute(db);
  return result.rows.map((row) => ({
    lockedBy: row.locked_by,
    jobs: Number(row.jobs),
  }));
}

/** Gives the jobs (and queues) locked by `lockedBy` back to the queue. */
export async function unlockJobsOf(db: Db, lockedBy: string[]) {
  if (lockedBy.length === 0) {
    return;
  }

  await sql`
    select graphile_worker.force_unlock_workers(${lockedBy}::text[])
  `.execute(db);
}
