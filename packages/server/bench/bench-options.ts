/**
 * What one run of the end-to-end bench does: how many record changes,
 * with what worker concurrency, how many requests in flight.
 */
import { loadConfig } from '../src/config.js';

/** The bench's settings; the worker's are Herald's defaults. */
export interface BenchOptions {
  /** Record changes (and no-op jobs) measured. */
  changes: number;
  /** Changes sent first and not measured, to warm caches and JIT. */
  warmup: number;
  /** graphile-worker concurrency, for Herald and the no-op run alike. */
  concurrency: number;
  /** Pool size, as Herald sizes it for that concurrency. */
  poolSize: number;
  /** API requests in flight at once while sending changes. */
  inFlight: number;
  /** Changes per API request: 1 sends one PUT per change. */
  batchSize: number;
  /** How long to wait for the last Delivery before giving up. */
  timeoutMs: number;
}

/** Reads `--quick`, `--changes=N` and `--concurrency=N`. */
export function readBenchOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const number = (name: string, fallback: number) => {
    const found = argv.find((arg) => arg.startsWith(`--${name}=`));
    const value = found ? Number(found.split('=')[1]) : fallback;
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`--${name} must be a positive whole number`);
    }

    return value;
  };
  const concurrency = number(
    'concurrency',
    loadConfig(process.env).workerConcurrency,
  );
  const batchSize = number('batch', 100);
  if (batchSize > 1000) {
    throw new Error('--batch takes at most 1000 changes (the API limit)');
  }

  return {
    changes: number('changes', quick ? 500 : 5000),
    warmup: quick ? 50 : 200,
    concurrency,
    poolSize: 20 + concurrency,
    inFlight: number('in-flight', 4),
    batchSize,
    timeoutMs: quick ? 45_000 : 300_000,
  };
}
