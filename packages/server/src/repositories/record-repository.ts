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

/** One stored Record, unlocked. */
export async function findRecord(db: Db, objectType: string, id: string) {
  return db
    .selectFrom('records')
    .selectAll()
    .where('object_type', '=', objectType)
    .where('record_id', '=', id)
    .executeTakeFirst();
}

/** One Change by id. */
export async function findChange(db: Db, id: string) {
  return db
    .selectFrom('changes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Changes by id, keyed by id. */
export async function findChanges(
  db: Db,
  ids: string[],
): Promise<Map<string, ChangeRow>> {
  if (ids.length === 0) {
    return new Map();
  }

  const rows = await db
    .selectFrom('changes')
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}
