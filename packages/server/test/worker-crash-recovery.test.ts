/**
 * A worker process killed with SIGKILL while it holds jobs: health reports
 * the jobs as stuck, and a surviving worker's sweep gives them back to the
 * queue and completes them within seconds, not graphile-worker's 4 hours.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  spawnHerald,
  type HeraldProcess,
} from '../../../test/support/herald-process.js';
import { expectOk, seedBasics } from './fixtures.js';
import { eventually, startTestHerald, type TestHerald } from './test-herald.js';
import { createTestDatabase, dropTestDatabase } from './test-postgres.js';

const HEARTBEAT_MS = '500';

let databaseUrl: string;
let api: TestHerald;
let survivor: TestHerald | undefined;
let doomed: HeraldProcess | undefined;
let blocker: pg.Client | undefined;

beforeAll(async () => {
  databaseUrl = await createTestDatabase(inject('pgAdminUrl'));
  api = await startTestHerald({ databaseUrl, worker: false });
  await seedBasics(api);
});

afterAll(async () => {
  await blocker?.end().catch(() => undefined);
  await doomed?.stop('SIGKILL');
  await survivor?.stop();
  await api?.stop();
  await dropTestDatabase(inject('pgAdminUrl'), databaseUrl);
});

describe('a SIGKILLed worker holding jobs', () => {
  it('has its jobs completed by a surviving worker within seconds', async () => {
    doomed = spawnHerald(['worker'], {
      DATABASE_URL: databaseUrl,
      HERALD_WORKER_HEARTBEAT_MS: HEARTBEAT_MS,
      HERALD_DEMO_DATA: 'false',
      HERALD_WORKER_CONCURRENCY: '4',
    });
    const pid = doomed.child.pid!;
    await eventually(() =>
      api.db
        .selectFrom('workers')
        .select('id')
        .where('pid', '=', pid)
        .executeTakeFirst(),
    );

    // Runs cannot be inserted while this lock is held, so the worker's
    // evaluation stalls half-way with its wake-up job locked and the
    // queued Changes claimed.
    blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table runs in exclusive mode');

    const changeIds: string[] = [];
    for (const recordId of ['KILL-1', 'KILL-2', 'KILL-3']) {
      const answer = await expectOk(
        api.api(`/api/records/Shipment/${recordId}`, {
          method: 'PUT',
          body: { customerId: 'vip-1', fields: { status: 'Pending' } },
        }),
      );
      changeIds.push(answer.changeId);
    }
    await eventually(
      async () =>
        (await lockedDrains()) >= 1 && (await unclaimedEvaluations()) === 0,
    );

    await doomed.stop('SIGKILL');
    await blocker.query('rollback');
    await blocker.end();
    blocker = undefined;

    // As if 30 seconds had passed: the dead worker's row and locks age.
    await sql`
      update workers set last_seen_at = now() - interval '1 minute'
      where pid = ${pid}
    `.execute(api.db);
    await sql`
      update graphile_worker._private_jobs
      set locked_at = now() - interval '1 minute'
      where locked_by is not null
    `.execute(api.db);
    const health = await api.api('/api/health');
    expect(health.body.worker.stuckJobs).toBeGreaterThanOrEqual(3);

    survivor = await startTestHerald({
      databaseUrl,
      api: false,
      config: { workerHeartbeatMs: Number(HEARTBEAT_MS) },
    });
    const started = Date.now();
    await eventually(async () => {
      const runs = await api.db
        .selectFrom('runs')
        .select('change_id')
        .where('change_id', 'in', changeIds)
        .execute();
      return runs.length === 3;
    }, 15_000);
    expect(Date.now() - started).toBeLessThan(15_000);

    const after = await api.api('/api/health');
    expect(after.body.worker.stuckJobs).toBe(0);
  });
});

/** Evaluation wake-up jobs a worker holds. */
async function lockedDrains() {
  const result = await sql<{ count: string }>`
    select count(*) as count from graphile_worker.jobs
    where task_identifier = 'evaluate-pending' and locked_by is not null
  `.execute(api.db);
  return Number(result.rows[0].count);
}

/** Queued Changes no worker has claimed (claimed rows are row-locked). */
async function unclaimedEvaluations() {
  const result = await sql<{ count: string }>`
    select count(*) as count from (
      select change_id from pending_evaluations for update skip locked
    ) as free
  `.execute(api.db);
  return Number(result.rows[0].count);
}
