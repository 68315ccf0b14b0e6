/**
 * A Customer's Records as conversations read them: the Cases and Orders
 * an Agent may start from, and the products on their Orders (the bot's
 * menu).
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** `product` values on a Customer's live Orders, oldest first. */
export async function listOrderedProducts(
  db: Db,
  customerId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('records')
    .select(sql<string>`fields->>'product'`.as('product'))
    .where('object_type', '=', 'Order')
    .where('customer_id', '=', customerId)
    .where('deleted', '=', false)
    .where(sql<boolean>`jsonb_typeof(fields->'product') = 'string'`)
    .orderBy('updated_at')
    .orderBy('record_id')
    .execute();
  return rows.map((row) => row.product);
}

/** A Customer's live Records of the given types, newest first. */
export async function listCustomerRecords(
  db: Db,
  customerId: string,
  objectTypes: string[],
  limit = 50,
) {
  return db
    .selectFrom('records')
    .select(['object_type', 'record_id', 'fields', 'updated_at'])
    .where('customer_id', '=', customerId)
    .where('object_type', 'in', objectTypes)
    .where('deleted', '=', false)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}
