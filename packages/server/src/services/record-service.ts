/**
 * Turning incoming Records into Changes. In one transaction the current
 * snapshot is stored, the Change appended and its `evaluate-change` job
 * added: commit means the Change will be evaluated, rollback that nothing
 * happened. Batches share that transaction (see record-batch-service.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { failureOf, settle, type BatchOutcome } from './batch-outcome.js';
import { storeRecordChanges, type ItemResult } from './record-batch-service.js';

/** One incoming Record change, as the API and connectors hand it over. */
export interface RecordChangeInput {
  objectType: string;
  recordId: string;
  /** Owner; may be omitted for a delete or when the record exists. */
  customerId?: string;
  /** Fields to set; omitted fields keep their value, null clears. */
  fields?: Record<string, unknown>;
  delete?: boolean;
  source?: string;
  sourceRef?: string;
  occurredAt?: string;
}

/** What the API answers for one record change. */
export interface ChangeOutcome {
  changeId: string | null;
  kind: 'create' | 'update' | 'delete';
  changedFields: string[];
}

/** Applies one record change atomically; throws a HeraldError when refused. */
export async function applyRecordChange(
  db: Db,
  input: RecordChangeInput,
): Promise<ChangeOutcome> {
  const [result] = await storeRecordChanges(db, [input]);
  if (!result.ok) {
    throw result.error;
  }

  return result.outcome;
}

/**
 * Applies many record changes, answered per item: all in one transaction,
 * or, should that transaction fail as a whole, one item at a time.
 */
export async function applyRecordChanges(
  db: Db,
  inputs: RecordChangeInput[],
  log: Pick<Logger, 'error' | 'warn'>,
): Promise<BatchOutcome<ChangeOutcome>[]> {
  let results: ItemResult[];
  try {
    results = await storeRecordChanges(db, inputs);
  } catch (error) {
    log.warn({ err: error }, 'batch not stored at once; storing item by item');
    return settle(inputs, (input) => applyRecordChange(db, input), log);
  }

  return results.map((result, index) =>
    result.ok
      ? { ok: true as const, ...result.outcome }
      : failureOf(result.error, index, log),
  );
}

/** Applies an update over a snapshot; a null value removes the field. */
export function mergeFields(
  base: Record<string, unknown>,
  update: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(update)) {
    if (value === null) {
      delete merged[name];
      continue;
    }

    merged[name] = value;
  }

  return merged;
}

/** Field names whose value differs between two snapshots, sorted. */
export function diffFields(
  prior: Record<string, unknown>,
  current: Record<string, unknown>,
  isCreate: boolean,
): string[] {
  const names = new Set([...Object.keys(prior), ...Object.keys(current)]);
  const changed = [...names].filter(
    (name) => isCreate || !isDeepStrictEqual(prior[name], current[name]),
  );
  return changed.sort();
}
