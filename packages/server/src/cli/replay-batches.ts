/**
 * Sending replay lines in batches: runs of one kind of line, and batch
 * requests whose refusal as a whole is retried item by item so that each
 * refusal lands on the line at fault.
 */
import { HeraldRequestError, type HeraldClient } from './herald-client.js';
import type { ReplayLine } from './replay-line.js';
import type { ItemAnswer } from './replay-tally.js';

/** Largest batch the API takes, and the dry run's sequence length. */
export const MAX_BATCH = 1000;

/** A line that is sent: a record change or a change event. */
export type Sendable = Extract<ReplayLine, { kind: 'record' | 'cdc' }>;
export type RecordLine = Extract<Sendable, { kind: 'record' }>;
export type CdcLine = Extract<Sendable, { kind: 'cdc' }>;

/** Splits lines into runs of one kind, each at most `size` long. */
export function runsOf(lines: Sendable[], size: number): Sendable[][] {
  const runs: Sendable[][] = [];
  for (const line of lines) {
    const last = runs.at(-1);
    if (last && last[0].kind === line.kind && last.length < size) {
      last.push(line);
    } else {
      runs.push([line]);
    }
  }

  return runs;
}

/**
 * Posts a batch and answers per item. When Herald refuses the whole batch
 * (one item fails the request schema), each item is sent alone so the
 * refusal lands on the line at fault.
 */
export async function sendBatch<T>(
  client: HeraldClient,
  path: string,
  items: unknown[],
  key: 'items' | 'events',
): Promise<(T | ItemAnswer<never>)[]> {
  try {
    const answer = await client.send<{ items: T[] }>('POST', path, {
      [key]: items,
    });
    return answer.items;
  } catch (error) {
    if (!isRequestRefusal(error)) {
      throw error;
    }
    if (items.length === 1) {
      return [
        { ok: false, error: { code: error.code!, message: error.message } },
      ];
    }

    const answers: (T | ItemAnswer<never>)[] = [];
    for (const item of items) {
      answers.push(...(await sendBatch<T>(client, path, [item], key)));
    }
    return answers;
  }
}

/** A 4xx answer about the request itself, not the token. */
function isRequestRefusal(error: unknown): error is HeraldRequestError {
  return (
    error instanceof HeraldRequestError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401 &&
    error.code !== undefined
  );
}
