/**
 * Records (the current snapshot of each business record) and their
 * Changes.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ChangesTable, RecordsTable } from '../db/schema.js';

export type RecordRow = Selectable<RecordsTable>;
export type ChangeRow = Selectable<ChangesTable>;

/** A new Change, before it has an id. */
export interface NewChange {
  objectType: string;
  recordId: string;
  customerId: string;
  kind: 'create' | 'update' | 'delete';
  prior: Record<string, unknown> | null;
  current: Record<string, unknown> | null;
  changedFields: string[];
  source: string;
  sourceRef?: string | null;
  occurredAt?: string | null;
}

/** The stored Record, locked for the rest of the transaction. */
export async function lockRecord(db: Db, objectType: string, id: string) {
  return db
    .selectFrom('records')
    .selectAll()
    .where('object_type', '=', objectType)
    .where('record_id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts a deleted placeholder row unless the Record exists. */
export async function claimRecord(
  db: Db,
  objectType: string,
  recordId: string,
  customerId: string,
) {
  await db
    .insertInto('records')
    .values({
      object_type: objectType,
      record_id: recordId,
      customer_id: customerId,
      fields: '{}',
      deleted: true,
      version: 0,
    })
    .onConflict((conflict) =>
      conflict.columns(['object_type', 'record_id']).doNothing(),
    )
    .execute();
}

/** One stored Record, unlocked. */
export async function findRecord(db: Db, objectType: string, id: string) {
  return db
    .selectFrom('records')
    .selectAll()
    .where('object_type', '=', objectType)
    .where('record_id', '=', id)
    .executeTakeFirst();
}

/** Writes a Record's snapshot, inserting it the first time. */
export async function saveRecord(
  db: Db,
  row: {
    objectType: string;
    recordId: string;
    customerId: string;
    fields: Record<string, unknown>;
    deleted: boolean;
  },
) {
  const fields = JSON.stringify(row.fields);
  const now = new Date();
  await db
    .insertInto('records')
    .values({
      object_type: row.objectType,
      record_id: row.recordId,
      customer_id: row.customerId,
      fields,
      deleted: row.deleted,
      updated_at: now,
    })
    .onConflict((conflict) =>
      conflict.columns(['object_type', 'record_id']).doUpdateSet((eb) => ({
        customer_id: row.customerId,
        fields,
        deleted: row.deleted,
        version: eb('records.version', '+', 1),
        updated_at: now,
      })),
    )
    .execute();
}

/** Appends a Change and returns its id. */
export async function insertChange(db: Db, change: NewChange) {
  const row = await db
    .insertInto('changes')
    .values({
      object_type: change.objectType,
      record_id: change.recordId,
      customer_id: change.customerId,
      kind: change.kind,
      prior: change.prior === null ? null : JSON.stringify(change.prior),
      current: change.current === null ? null : JSON.stringify(change.current),
      changed_fields: change.changedFields,
      source: change.source,
      source_ref: change.sourceRef ?? null,
      occurred_at: change.occurredAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One Change by id. */
export async function findChange(db: Db, id: string) {
  return db
    .selectFrom('changes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}
