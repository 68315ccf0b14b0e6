/**
 * `pnpm bench:e2e [--quick] [--changes=N] [--concurrency=N] [--batch=N]
 * [--in-flight=N]`: Herald's throughput and change-to-delivered latency
 * through API, worker and the sandbox channel, next to graphile-worker's
 * own rate for no-op jobs on the same database with the same job count,
 * concurrency and pool. Changes arrive as batch requests of 100 (the
 * no-op jobs are added in one statement); `--batch=1` sends one PUT per
 * change instead. Ends with one JSON line of the figures. Uses
 * DATABASE_URL's server when set, else an embedded Postgres. Herald aims
 * at half the no-op rate or more; falling short is reported, not an error.
 */
import {
  createTestDatabase,
  dropTestDatabase,
  startTestPostgresServer,
} from '../test/test-postgres.js';
import { readBenchOptions } from './bench-options.js';
import { measurePipeline } from './herald-pipeline-run.js';
import { measureNoopJobs } from './noop-job-run.js';

/** Herald's delivered rate should be at least this share of no-op jobs. */
const TARGET_RATIO = 0.5;

async function main() {
  const options = readBenchOptions(process.argv.slice(2));
  const server = await startTestPostgresServer();
  const databaseUrl = await createTestDatabase(server.adminUrl);
  try {
    print(
      `Herald end-to-end bench: ${options.changes} changes, ` +
        `worker concurrency ${options.concurrency}, pool ${options.poolSize}, ` +
        (options.batchSize === 1
          ? `one PUT per change, ${options.inFlight} in flight`
          : `${options.batchSize} changes per batch request, ` +
            `${options.inFlight} in flight`),
    );
    const pipeline = await measurePipeline(databaseUrl, options);
    print(
      `herald     ${pipeline.deliveredPerSecond.toFixed(1)} delivered/s ` +
        `(${pipeline.seconds.toFixed(2)} s), change-to-delivered ` +
        `p50 ${pipeline.p50Ms.toFixed(0)} ms, p95 ${pipeline.p95Ms.toFixed(0)} ms`,
    );

    const noop = await measureNoopJobs(databaseUrl, options);
    print(
      `no-op jobs ${noop.jobsPerSecond.toFixed(1)} jobs/s ` +
        `(${noop.seconds.toFixed(2)} s) on graphile-worker alone`,
    );

    const ratio = pipeline.deliveredPerSecond / noop.jobsPerSecond;
    print(
      `ratio      ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}: ` +
        `${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
    print(
      JSON.stringify({
        changes: options.changes,
        concurrency: options.concurrency,
        poolSize: options.poolSize,
        batchSize: options.batchSize,
        inFlight: options.inFlight,
        deliveredPerSecond: round(pipeline.deliveredPerSecond),
        p50Ms: round(pipeline.p50Ms),
        p95Ms: round(pipeline.p95Ms),
        noopJobsPerSecond: round(noop.jobsPerSecond),
        ratio: round(ratio),
        targetRatio: TARGET_RATIO,
      }),
    );
  } finally {
    await dropTestDatabase(server.adminUrl, databaseUrl);
    await server.stop();
  }
}

function print(line: string) {
  process.stdout.write(`${line}\n`);
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench:e2e failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
