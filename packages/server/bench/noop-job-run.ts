/**
 * graphile-worker's own throughput on the same database: N jobs of a
 * task that does nothing, queued at once, drained by a runner with the
 * same concurrency, poll interval and pool size as Herald's worker.
 */
import { Logger, run } from 'graphile-worker';
import pino from 'pino';
import { sql } from 'kysely';
import { createDb, createPool } from '../src/db/database.js';
import type { BenchOptions } from './bench-options.js';

/** Jobs per second, measured from the first job start to the last end. */
export async function measureNoopJobs(
  databaseUrl: string,
  options: BenchOptions,
): Promise<{ jobsPerSecond: number; seconds: number }> {
  const pool = createPool(
    databaseUrl,
    pino({ level: 'silent' }),
    options.poolSize,
  );
  const db = createDb(pool);
  try {
    await sql`
      select graphile_worker.add_job('bench-noop', '{}'::json)
      from generate_series(1, ${options.changes})
    `.execute(db);

    let done = 0;
    let startedAt = 0;
    let finishedAt = 0;
    let resolveFinished = () => {};
    const finished = new Promise<void>((resolve) => {
      resolveFinished = resolve;
    });
    const runner = await run({
      pgPool: pool,
      concurrency: options.concurrency,
      noHandleSignals: true,
      pollInterval: 1000,
      taskList: {
        'bench-noop': async () => {
          startedAt ||= performance.now();
        },
      },
      logger: new Logger(() => () => {}),
    });
    runner.events.on('job:complete', () => {
      done += 1;
      if (done === options.changes) {
        finishedAt = performance.now();
        resolveFinished();
      }
    });
    await finished;
    await runner.stop();

    const seconds = (finishedAt - startedAt) / 1000;
    return { jobsPerSecond: options.changes / seconds, seconds };
  } finally {
    await db.destroy();
  }
}
