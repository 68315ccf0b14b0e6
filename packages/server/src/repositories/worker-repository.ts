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
 * Deliveries whose open Attempt belongs to a worker not seen within
 * `staleMs` (or to no worker), opened before `openedBefore`.
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
      eb.not(
        eb.exists(
          eb
            .selectFrom('workers')
            .select('workers.id')
            .whereRef('workers.id', '=', 'attempts.worker_id')
            .where('workers.last_seen_at', '>', new Date(Date.now() - staleMs)),
        ),
      ),
    )
    .limit(limit)
    .execute();
  return rows.map((row) => row.delivery_id);
}

/** Deliveries left `unknown` since before `before`. */
export async function staleUnknownDeliveries(db: Db, before: Date, limit: number) {
  const rows = await db
    .selectFrom('deliveries')
    .select('id')
    .where('status', '=', 'unknown')
    .where('updated_at', '<', before)
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Jobs locked longer than `staleMs`: their worker has likely died. */
export async function staleLockedJobs(db: Db, staleMs: number) {
  const result = await sql<{
    task_identifier: string;
    payload: Record<string, unknown>;
    key: string | null;
  }>`
    select task_identifier, payload, key
    from graphile_worker.jobs
    where locked_at < now() - make_interval(secs => ${staleMs / 1000})
      and key is not null
      and task_identifier in ('deliver', 'evaluate-change')
    limit 1000
  `.execute(db);
  return result.rows;
}
