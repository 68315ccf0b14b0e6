/**
 * A fingerprint of every table's content, to prove a refused request
 * changed nothing. Columns that only record when something was last seen
 * or used are left out, as are the workers' heartbeats.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';

const VOLATILE_COLUMNS = ['last_used_at', 'last_seen_at'];
const SKIPPED_TABLES = new Set(['workers']);

/** Row count and content hash of each table in the public schema. */
export async function snapshotDatabase(
  db: Db,
): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  const snapshot: Record<string, string> = {};
  const dropped = VOLATILE_COLUMNS.map((column) => sql` - ${column}`);
  for (const { name } of tables) {
    if (SKIPPED_TABLES.has(name)) {
      continue;
    }

    const { rows } = await sql<{ fingerprint: string }>`
      select count(*) || ':' || coalesce(md5(string_agg(
        (to_jsonb(t) ${sql.join(dropped, sql``)})::text, '|'
        order by (to_jsonb(t) ${sql.join(dropped, sql``)})::text)), '')
        as fingerprint
      from ${sql.table(name)} t`.execute(db);
    snapshot[name] = rows[0].fingerprint;
  }

  const jobs = await sql<{ count: string }>`
    select count(*) as count from graphile_worker._private_jobs`.execute(db);
  snapshot['graphile_worker.jobs'] = jobs.rows[0].count;
  return snapshot;
}
