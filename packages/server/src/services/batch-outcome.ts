/**
 * Batch endpoints answer per item: each item succeeds or fails on its own.
 */
import { HeraldError } from '../errors.js';

/** One item's answer in a batch. */
export type BatchOutcome<T> =
  | ({ ok: true } & T)
  | {
      ok: false;
      error: { code: string; message: string; details: unknown };
    };

/**
 * Runs `apply` on each item in order. A HeraldError becomes that item's
 * error; anything else is a fault of the server and is rethrown.
 */
export async function settle<I, T extends object>(
  items: I[],
  apply: (item: I) => Promise<T>,
): Promise<BatchOutcome<T>[]> {
  const outcomes: BatchOutcome<T>[] = [];
  for (const item of items) {
    try {
      outcomes.push({ ok: true, ...(await apply(item)) });
    } catch (error) {
      if (!(error instanceof HeraldError)) {
        throw error;
      }

      outcomes.push({
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          details: error.details,
        },
      });
    }
  }

  return outcomes;
}
