/**
 * The flows list in one round trip: every Flow with who last changed it
 * and its Runs and Deliveries since a moment, counted by grouped queries
 * over that window only (indexes `runs_recent_idx` and
 * `deliveries_recent_idx`, migration 0007), never one query per Flow.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** One Flow of the list, with its activity since the window's start. */
export interface FlowActivityRow {
  id: string;
  name: string;
  description: string | null;
  status: 'draft' | 'active' | 'inactive';
  active_version: number | null;
  draft_updated_at: Date;
  updated_at: Date;
  changed_by_kind: 'user' | 'token' | 'system' | null;
  /** A user's current name (else email), a token's name, else as stored. */
  changed_by_label: string | null;
  runs: number;
  deliveries: number;
  /** Deliveries per status, e.g. `{ "sent": 3, "blocked": 1 }`. */
  deliveries_by_status: Record<string, number>;
}

/** Every Flow, newest change first, with its activity since `since`. */
export async function listFlowsWithActivity(
  db: Db,
  since: Date,
): Promise<FlowActivityRow[]> {
  const result = await sql<FlowActivityRow>`
    with recent_runs as (
      select run_flow.id as flow_id, count(*)::int as runs
      from runs cross join lateral unnest(runs.flow_ids) as run_flow (id)
      where runs.finished_at > ${since} and not runs.dry_run
      group by run_flow.id
    ),
    recent_deliveries as (
      select flow_id::text as flow_id, status, count(*)::int as count
      from deliveries
      where created_at > ${since} and flow_id is not null
      group by flow_id, status
    ),
    delivery_totals as (
      select flow_id, sum(count)::int as deliveries,
        jsonb_object_agg(status, count) as by_status
      from recent_deliveries
      group by flow_id
    )
    select f.id, f.name, f.description, f.status, f.active_version,
      f.draft_updated_at, f.updated_at, f.changed_by_kind,
      coalesce(u.name, u.email, t.name, f.changed_by_name)
        as changed_by_label,
      coalesce(r.runs, 0) as runs,
      coalesce(d.deliveries, 0) as deliveries,
      coalesce(d.by_status, '{}'::jsonb) as deliveries_by_status
    from flows f
    left join users u
      on f.changed_by_kind = 'user' and u.id::text = f.changed_by_id
    left join api_tokens t
      on f.changed_by_kind = 'token' and t.id::text = f.changed_by_id
    left join recent_runs r on r.flow_id = f.id::text
    left join delivery_totals d on d.flow_id = f.id::text
    order by f.updated_at desc, f.id
  `.execute(db);
  return result.rows;
}
