/**
 * Deliveries waiting for a Wait step to end.
 */
import type { Db } from '../db/database.js';

/** Scheduled Deliveries of several Records, with the Change behind each. */
export async function listScheduledForRecords(
  db: Db,
  records: { objectType: string; recordId: string }[],
): Promise<
  {
    id: string;
    object_type: string | null;
    record_id: string | null;
    change_id: string | null;
  }[]
> {
  if (records.length === 0) {
    return [];
  }

  return db
    .selectFrom('deliveries')
    .select(['id', 'object_type', 'record_id', 'change_id'])
    .where('status', '=', 'scheduled')
    .where((eb) =>
      eb.or(
        records.map((record) =>
          eb.and([
            eb('object_type', '=', record.objectType),
            eb('record_id', '=', record.recordId),
          ]),
        ),
      ),
    )
    .execute();
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
