/**
 * Batch endpoints answer per item: each item succeeds or fails on its own.
 */
import type { Logger } from 'pino';
import { errorCodes, HeraldError } from '../errors.js';

/** One item's failure, as a batch answers it. */
export interface ItemFailure {
  ok: false;
  error: { code: string; message: string; details: unknown };
}

/** One item's answer in a batch. */
export type BatchOutcome<T> = ({ ok: true } & T) | ItemFailure;

/**
 * Runs `apply` on each item in order. A HeraldError becomes that item's
 * error. Anything else is a fault of the server: before any item
 * succeeded it is rethrown (the request fails whole, nothing was stored);
 * after one did, it becomes that item's HERALD_INTERNAL and the batch
 * goes on, so the client learns which items were stored.
 */
export async function settle<I, T extends object>(
  items: I[],
  apply: (item: I) => Promise<T>,
  log: Pick<Logger, 'error'>,
): Promise<BatchOutcome<T>[]> {
  const outcomes: BatchOutcome<T>[] = [];
  let stored = false;
  for (const [index, item] of items.entries()) {
    try {
      outcomes.push({ ok: true, ...(await apply(item)) });
      stored = true;
    } catch (error) {
      if (!(error instanceof HeraldError) && !stored) {
        throw error;
      }

      outcomes.push(failureOf(error, index, log));
    }
  }

  return outcomes;
}

/** The answer of an item that failed with `error`. */
export function failureOf(
  error: unknown,
  index: number,
  log: Pick<Logger, 'error'>,
): ItemFailure {
  if (error instanceof HeraldError) {
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        details: error.details,
      },
    };
  }

  log.error({ err: error, item: index }, 'batch item failed');
  return {
    ok: false,
    error: {
      code: 'HERALD_INTERNAL',
      message: errorCodes.HERALD_INTERNAL[1],
      details: { item: index },
    },
  };
}
