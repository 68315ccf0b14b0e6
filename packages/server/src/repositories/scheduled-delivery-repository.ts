/**
 * Deliveries waiting for a Wait step to end.
 */
import type { Db } from '../db/database.js';

/** Ids of a Record's scheduled Deliveries. */
export async function listScheduledForRecord(
  db: Db,
  objectType: string,
  recordId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select('id')
    .where('object_type', '=', objectType)
    .where('record_id', '=', recordId)
    .where('status', '=', 'scheduled')
    .execute();
  return rows.map((row) => row.id);
}

/** The Delivery, locked, if it is still scheduled. */
export async function lockScheduled(db: Db, id: string) {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .forUpdate()
    .executeTakeFirst();
}

/** Moves a scheduled Delivery's send moment. */
export async function updateSendAt(db: Db, id: string, sendAt: Date) {
  await db
    .updateTable('deliveries')
    .set({ send_at: sendAt })
    .where('id', '=', id)
    .execute();
}
