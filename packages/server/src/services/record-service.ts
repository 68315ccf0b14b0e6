/**
 * Turning an incoming Record into a Change. In one transaction the current
 * snapshot is stored, the Change appended and its `evaluate-change` job
 * added: commit means the Change will be evaluated, rollback that nothing
 * happened.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import { findCustomer } from '../repositories/customer-repository.js';
import { addJob } from '../repositories/job-queue.js';
import { findObjectType } from '../repositories/object-type-repository.js';
import {
  claimRecord,
  insertChange,
  lockRecord,
  saveRecord,
  type RecordRow,
} from '../repositories/record-repository.js';
import { normaliseRecordFields } from './record-fields.js';

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
  const type = await findObjectType(db, input.objectType);
  if (!type) {
    throw new HeraldError(
      'HERALD_UNKNOWN_OBJECT_TYPE',
      `object type ${input.objectType} is not defined`,
      { objectType: input.objectType, field: 'objectType' },
    );
  }

  const fields = normaliseRecordFields(type, input.fields ?? {});
  return db.transaction().execute(async (trx) => {
    const stored = await lockOrClaimRecord(trx, input);
    const outcome = input.delete
      ? await recordDelete(trx, input, stored)
      : await recordUpsert(trx, input, stored, fields);
    return outcome;
  });
}

/**
 * Locks the stored Record. Two first writes of one record would both see
 * nothing and both record a create; so a missing record is first claimed
 * with a placeholder row (deleted, version 0) that the loser waits on.
 */
async function lockOrClaimRecord(db: Db, input: RecordChangeInput) {
  if (input.customerId && !input.delete) {
    await requireCustomer(db, input.customerId);
    await claimRecord(db, input.objectType, input.recordId, input.customerId);
  }

  return lockRecord(db, input.objectType, input.recordId);
}

async function recordUpsert(
  db: Db,
  input: RecordChangeInput,
  stored: RecordRow | undefined,
  fields: Record<string, unknown>,
): Promise<ChangeOutcome> {
  const live = stored && !stored.deleted ? stored : undefined;
  const customerId = await resolveOwner(db, input, live);
  const prior = live ? live.fields : null;
  const current = mergeFields(prior ?? {}, fields);
  const changedFields = diffFields(prior ?? {}, current, !live);
  const kind = live ? 'update' : 'create';
  if (live && changedFields.length === 0) {
    return { changeId: null, kind, changedFields };
  }

  await saveRecord(db, {
    objectType: input.objectType,
    recordId: input.recordId,
    customerId,
    fields: current,
    deleted: false,
  });
  const changeId = await appendChange(db, input, {
    customerId,
    kind,
    prior,
    current,
    changedFields,
  });
  return { changeId, kind, changedFields };
}

async function recordDelete(
  db: Db,
  input: RecordChangeInput,
  stored: RecordRow | undefined,
): Promise<ChangeOutcome> {
  if (!stored || stored.deleted) {
    throw new HeraldError(
      'HERALD_NOT_FOUND',
      `${input.objectType} ${input.recordId} does not exist`,
      { objectType: input.objectType, recordId: input.recordId },
    );
  }

  await saveRecord(db, {
    objectType: input.objectType,
    recordId: input.recordId,
    customerId: stored.customer_id,
    fields: stored.fields,
    deleted: true,
  });
  const changedFields = Object.keys(stored.fields).sort();
  const changeId = await appendChange(db, input, {
    customerId: stored.customer_id,
    kind: 'delete',
    prior: stored.fields,
    current: null,
    changedFields,
  });
  return { changeId, kind: 'delete', changedFields };
}

async function resolveOwner(
  db: Db,
  input: RecordChangeInput,
  live: RecordRow | undefined,
): Promise<string> {
  const customerId = input.customerId ?? live?.customer_id;
  if (!customerId) {
    throw new HeraldError(
      'HERALD_BAD_REQUEST',
      'customerId is required for a new record',
      { field: 'customerId' },
    );
  }
  if (live && live.customer_id !== customerId) {
    throw new HeraldError(
      'HERALD_RECORD_OWNER_CHANGED',
      `${input.objectType} ${input.recordId} belongs to another customer`,
      { field: 'customerId' },
    );
  }

  await requireCustomer(db, customerId);
  return customerId;
}

async function requireCustomer(db: Db, customerId: string) {
  const customer = await findCustomer(db, customerId);
  if (!customer) {
    throw new HeraldError(
      'HERALD_UNKNOWN_CUSTOMER',
      `customer ${customerId} does not exist`,
      { field: 'customerId', customerId },
    );
  }
}

async function appendChange(
  db: Db,
  input: RecordChangeInput,
  change: {
    customerId: string;
    kind: 'create' | 'update' | 'delete';
    prior: Record<string, unknown> | null;
    current: Record<string, unknown> | null;
    changedFields: string[];
  },
): Promise<string> {
  const changeId = await insertChange(db, {
    objectType: input.objectType,
    recordId: input.recordId,
    source: input.source ?? 'api',
    sourceRef: input.sourceRef,
    occurredAt: input.occurredAt,
    ...change,
  });
  await addJob(
    db,
    'evaluate-change',
    { changeId },
    {
      jobKey: `change:${changeId}`,
    },
  );
  return changeId;
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
