/**
 * Reading and writing one JSON value of the `settings` table.
 */
import type { Db } from '../db/database.js';

/** The stored value of a setting, or undefined. */
export async function readSetting(db: Db, key: string) {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value as unknown;
}

/** Stores a setting's value. */
export async function writeSetting(db: Db, key: string, value: object) {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: new Date() })
    .onConflict((conflict) =>
      conflict
        .column('key')
        .doUpdateSet({ value: json, updated_at: new Date() }),
    )
    .execute();
}
