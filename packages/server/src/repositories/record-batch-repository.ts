/**
 * Records and Changes written for a whole batch, each kind in one
 * statement. Rows are always claimed and locked in key order, so two
 * batches touching the same Records never wait on each other in a circle.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { NewChange } from './record-repository.js';

/** A Record's identity. */
export interface RecordKey {
  objectType: string;
  recordId: string;
}

/** A Record's stored state, as planning reads it. */
export interface StoredState {
  customerId: string;
  fields: Record<string, unknown>;
  deleted: boolean;
}

const keyText = (key: RecordKey) => `${key.objectType}\u0000${key.recordId}`;

function sortedUnique<T extends RecordKey>(keys: T[]): T[] {
  const unique = new Map(keys.map((key) => [keyText(key), key]));
  return [...unique.entries()]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([, key]) => key);
}

/** Inserts a deleted placeholder row (version 0) for each missing Record. */
export async function claimRecords(
  db: Db,
  claims: (RecordKey & { customerId: string })[],
) {
  const rows = sortedUnique(claims);
  if (rows.length === 0) {
    return;
  }

  await db
    .insertInto('records')
    .values(
      rows.map((row) => ({
        object_type: row.objectType,
        record_id: row.recordId,
        customer_id: row.customerId,
        fields: '{}',
        deleted: true,
        version: 0,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['object_type', 'record_id']).doNothing(),
    )
    .execute();
}

/** Locks the stored Records of `keys`; answers their states by key. */
export async function lockRecords(
  db: Db,
  keys: RecordKey[],
): Promise<Map<string, StoredState>> {
  const wanted = sortedUnique(keys);
  if (wanted.length === 0) {
    return new Map();
  }

  const rows = await sql<{
    object_type: string;
    record_id: string;
    customer_id: string;
    fields: Record<string, unknown>;
    deleted: boolean;
  }>`
    select r.object_type, r.record_id, r.customer_id, r.fields, r.deleted
    from records r
    join unnest(
      ${wanted.map((key) => key.objectType)}::text[],
      ${wanted.map((key) => key.recordId)}::text[]
    ) as k(object_type, record_id)
      on r.object_type = k.object_type and r.record_id = k.record_id
    order by r.object_type, r.record_id
    for update of r
  `.execute(db);
  return new Map(
    rows.rows.map((row) => [
      keyText({ objectType: row.object_type, recordId: row.record_id }),
      { customerId: row.customer_id, fields: row.fields, deleted: row.deleted },
    ]),
  );
}

/**
 * Stores each Record's final snapshot; its version goes up by the number
 * of Changes the batch made to it.
 */
export async function saveRecords(
  db: Db,
  records: (RecordKey & StoredState & { changes: number })[],
) {
  if (records.length === 0) {
    return;
  }

  const now = new Date();
  await db
    .insertInto('records')
    .values(
      sortedUnique(records).map((record) => ({
        object_type: record.objectType,
        record_id: record.recordId,
        customer_id: record.customerId,
        fields: JSON.stringify(record.fields),
        deleted: record.deleted,
        version: record.changes,
        updated_at: now,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['object_type', 'record_id']).doUpdateSet((eb) => ({
        customer_id: eb.ref('excluded.customer_id'),
        fields: eb.ref('excluded.fields'),
        deleted: eb.ref('excluded.deleted'),
        version: eb('records.version', '+', eb.ref('excluded.version')),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Appends Changes; answers their ids in the order given. */
export async function insertChanges(
  db: Db,
  changes: NewChange[],
): Promise<string[]> {
  if (changes.length === 0) {
    return [];
  }

  const rows = await db
    .insertInto('changes')
    .values(
      changes.map((change) => ({
        object_type: change.objectType,
        record_id: change.recordId,
        customer_id: change.customerId,
        kind: change.kind,
        prior: change.prior === null ? null : JSON.stringify(change.prior),
        current:
          change.current === null ? null : JSON.stringify(change.current),
        changed_fields: change.changedFields,
        source: change.source,
        source_ref: change.sourceRef ?? null,
        occurred_at: change.occurredAt ?? null,
      })),
    )
    .returning(['id', 'record_id'])
    .execute();
  // Postgres answers a multi-row insert in the order of its values; the
  // check keeps a Change from ever being credited to the wrong item.
  rows.forEach((row, position) => {
    if (row.record_id !== changes[position].recordId) {
      throw new Error('changes were not returned in insert order');
    }
  });
  return rows.map((row) => row.id);
}
