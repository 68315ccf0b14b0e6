/**
 * Customers and their Consent ledger.
 */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { CustomersTable } from '../db/schema.js';

export type CustomerRow = Selectable<CustomersTable>;

/** A Customer's current Consent on one channel and sender. */
export interface CurrentConsent {
  channel: string;
  sender: string;
  status: 'opt_in' | 'opt_out';
  source: string;
  evidence: string | null;
  recordedAt: Date;
}

/** A new row for the Consent ledger. */
export interface ConsentEntry {
  channel: string;
  sender: string;
  status: 'opt_in' | 'opt_out';
  source: string;
  evidence: string | null;
}

export type CustomerColumns = Omit<
  CustomerRow,
  'created_at' | 'updated_at' | 'id'
>;

/** One Customer, locked for update when `lock` is set. */
export async function findCustomer(db: Db, id: string, lock = false) {
  let query = db.selectFrom('customers').selectAll().where('id', '=', id);
  if (lock) {
    query = query.forUpdate();
  }

  return query.executeTakeFirst();
}

/** Customers by id, keyed by id; missing ones are left out. */
export async function findCustomers(
  db: Db,
  ids: string[],
): Promise<Map<string, CustomerRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }

  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Inserts a Customer or replaces its columns. */
export async function saveCustomer(
  db: Db,
  id: string,
  columns: CustomerColumns,
) {
  const values = {
    ...columns,
    attributes: JSON.stringify(columns.attributes),
    updated_at: new Date(),
  };
  await db
    .insertInto('customers')
    .values({ id, ...values })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
    .execute();
}

/** Customers filtered by tier and region, ordered by id. */
export async function listCustomers(
  db: Db,
  filter: { tier?: string; region?: string; limit: number; after?: string },
) {
  let query = db.selectFrom('customers').selectAll();
  if (filter.tier) {
    query = query.where('tier', '=', filter.tier);
  }
  if (filter.region) {
    query = query.where('region', '=', filter.region);
  }
  if (filter.after) {
    query = query.where('id', '>', filter.after);
  }

  return query.orderBy('id').limit(filter.limit).execute();
}

/** Current Consent rows (the latest per channel and sender) of customers. */
export async function currentConsents(
  db: Db,
  customerIds: string[],
): Promise<Map<string, CurrentConsent[]>> {
  const byCustomer = new Map<string, CurrentConsent[]>();
  if (customerIds.length === 0) {
    return byCustomer;
  }

  const rows = await db
    .selectFrom('consents')
    .select([
      'customer_id',
      'channel',
      'sender',
      'status',
      'source',
      'evidence',
      'recorded_at',
    ])
    .distinctOn(['customer_id', 'channel', 'sender'])
    .where('customer_id', 'in', customerIds)
    .orderBy('customer_id')
    .orderBy('channel')
    .orderBy('sender')
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const row of rows) {
    const list = byCustomer.get(row.customer_id) ?? [];
    list.push({
      channel: row.channel,
      sender: row.sender,
      status: row.status,
      source: row.source,
      evidence: row.evidence,
      recordedAt: row.recorded_at,
    });
    byCustomer.set(row.customer_id, list);
  }

  return byCustomer;
}

/** Appends entries to the Consent ledger. */
export async function appendConsents(
  db: Db,
  customerId: string,
  entries: ConsentEntry[],
) {
  if (entries.length === 0) {
    return;
  }

  // The moment of the insert, not of the transaction's start: writers hold
  // the Customer's row lock here, so two racing entries keep their order.
  await db
    .insertInto('consents')
    .values(
      entries.map((entry) => ({
        customer_id: customerId,
        ...entry,
        recorded_at: sql<Date>`clock_timestamp()`,
      })),
    )
    .execute();
}

/** Counts Customers; used to tell an empty database. */
export async function countCustomers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .select(sql<string>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** What a Rollout reads from a Customer. */
export interface AudienceRow {
  id: string;
  tier: string;
  region: string | null;
}

/**
 * One page of every Customer's id, tier and region, ordered by id and
 * starting after `after`: a keyset page over the primary key, so counting
 * an audience reads each Customer once without holding them all.
 */
export async function listAudiencePage(
  db: Db,
  page: { after: string | null; limit: number },
): Promise<AudienceRow[]> {
  let query = db.selectFrom('customers').select(['id', 'tier', 'region']);
  if (page.after !== null) {
    query = query.where('id', '>', page.after);
  }

  return query.orderBy('id').limit(page.limit).execute();
}
