/**
 * Waiting for the queue to empty after the demo's first Changes, so that
 * `herald start` prints its banner after the worker's log lines, not
 * buried under them.
 */
import type { Db } from '../db/database.js';
import { countDueJobs } from '../repositories/due-job-count.js';

/**
 * Polls every `intervalMs` (250) until two polls in a row find no job due
 * or running, or `timeoutMs` (60 s) passes, or `until` settles; answers
 * whether the queue emptied.
 */
export async function waitForJobsToDrain(
  db: Db,
  options: {
    timeoutMs?: number;
    intervalMs?: number;
    until?: Promise<unknown>;
  } = {},
): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let interrupted = false;
  options.until?.then(
    () => (interrupted = true),
    () => (interrupted = true),
  );
  let emptyPolls = 0;
  while (!interrupted && Date.now() < deadline) {
    emptyPolls = (await countDueJobs(db)) === 0 ? emptyPolls + 1 : 0;
    if (emptyPolls === 2) {
      return true;
    }

    await new Promise((resolve) =>
      setTimeout(resolve, options.intervalMs ?? 250),
    );
  }

  return false;
}
