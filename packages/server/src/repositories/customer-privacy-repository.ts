/**
 * Reading and erasing everything Herald holds about one Customer: the
 * customer row, Consent evidence, Records and their Changes, Runs' traces,
 * Deliveries' bodies, Attempts' payloads, sandbox messages, and the text of
 * Conversations.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Personal columns of tables other features add (inbound messages, the
 * address a Delivery went to). Each is erased, and its table exported,
 * only when it exists, so erasure keeps up as those features land.
 */
const optionalPersonalColumns = [
  { table: 'deliveries', column: 'to_address', erased: null },
  { table: 'inbound_messages', column: 'from_address', erased: '' },
  { table: 'inbound_messages', column: 'to_address', erased: null },
  { table: 'inbound_messages', column: 'body', erased: '' },
  { table: 'inbound_messages', column: 'reply_body', erased: null },
] as const;

/** Tables of other features exported whole, when they exist. */
const optionalExportTables = ['inbound_messages'] as const;

/** Most rows of one kind an export carries. */
export const EXPORT_ROW_LIMIT = 10_000;

/** Rows about one Customer, by table. */
export async function loadCustomerData(db: Db, customerId: string) {
  const changeIds = db
    .selectFrom('changes')
    .select('id')
    .where('customer_id', '=', customerId);
  const deliveryIds = db
    .selectFrom('deliveries')
    .select('id')
    .where('customer_id', '=', customerId);
  const [consents, records, changes, runs, deliveries] = await Promise.all([
    byCustomer(db, 'consents', customerId),
    byCustomer(db, 'records', customerId),
    byCustomer(db, 'changes', customerId),
    db
      .selectFrom('runs')
      .selectAll()
      .where('change_id', 'in', changeIds)
      .orderBy('id')
      .limit(EXPORT_ROW_LIMIT)
      .execute(),
    byCustomer(db, 'deliveries', customerId),
  ]);
  const conversationIds = db
    .selectFrom('conversations')
    .select('id')
    .where('customer_id', '=', customerId);
  const [conversations, conversationMessages] = await Promise.all([
    byCustomer(db, 'conversations', customerId),
    db
      .selectFrom('conversation_messages')
      .selectAll()
      .where('conversation_id', 'in', conversationIds)
      .orderBy('id')
      .limit(EXPORT_ROW_LIMIT)
      .execute(),
  ]);
  const [deliveryEvents, attempts, sandboxMessages] = await Promise.all([
    db
      .selectFrom('delivery_events')
      .selectAll()
      .where('delivery_id', 'in', deliveryIds)
      .orderBy('id')
      .limit(EXPORT_ROW_LIMIT)
      .execute(),
    db
      .selectFrom('attempts')
      .selectAll()
      .where('delivery_id', 'in', deliveryIds)
      .orderBy('id')
      .limit(EXPORT_ROW_LIMIT)
      .execute(),
    byCustomer(db, 'sandbox_messages', customerId),
  ]);
  return {
    ...(await loadOptionalTables(db, customerId)),
    consents,
    records,
    changes,
    runs,
    deliveries,
    deliveryEvents,
    attempts,
    sandboxMessages,
    conversations,
    conversationMessages,
  };
}

/** Removes the Customer's personal data, keeping rows; answers counts. */
export async function eraseCustomerData(db: Db, customerId: string) {
  const changeIds = db
    .selectFrom('changes')
    .select('id')
    .where('customer_id', '=', customerId);
  const deliveryIds = db
    .selectFrom('deliveries')
    .select('id')
    .where('customer_id', '=', customerId);

  await db
    .updateTable('customers')
    .set({
      first_name: null,
      last_name: null,
      email: null,
      phone: null,
      whatsapp_id: null,
      messenger_psid: null,
      attributes: JSON.stringify({}),
      updated_at: new Date(),
    })
    .where('id', '=', customerId)
    .execute();
  const counts = {
    consents: await count(
      db
        .updateTable('consents')
        .set({ evidence: null })
        .where('customer_id', '=', customerId)
        .executeTakeFirst(),
    ),
    records: await count(
      db
        .updateTable('records')
        .set({ fields: JSON.stringify({}) })
        .where('customer_id', '=', customerId)
        .executeTakeFirst(),
    ),
    changes: await count(
      db
        .updateTable('changes')
        .set({ prior: null, current: null })
        .where('customer_id', '=', customerId)
        .executeTakeFirst(),
    ),
    runs: await count(
      db
        .updateTable('runs')
        .set({ trace: JSON.stringify([]) })
        .where('change_id', 'in', changeIds)
        .executeTakeFirst(),
    ),
    deliveries: await count(
      db
        .updateTable('deliveries')
        .set({ body: null })
        .where('customer_id', '=', customerId)
        .executeTakeFirst(),
    ),
    attempts: await count(
      db
        .updateTable('attempts')
        .set({ request: null, response: null })
        .where('delivery_id', 'in', deliveryIds)
        .executeTakeFirst(),
    ),
    sandboxMessages: await count(
      db
        .updateTable('sandbox_messages')
        .set({ body: '', to_address: null })
        .where('customer_id', '=', customerId)
        .executeTakeFirst(),
    ),
    conversations: await count(
      db
        .updateTable('conversations')
        .set({ handover_note: null, bot_state: null })
        .where('customer_id', '=', customerId)
        .executeTakeFirst(),
    ),
    conversationMessages: await count(
      db
        .updateTable('conversation_messages')
        .set({ body: '' })
        .where(
          'conversation_id',
          'in',
          db
            .selectFrom('conversations')
            .select('id')
            .where('customer_id', '=', customerId),
        )
        .executeTakeFirst(),
    ),
  };
  return { ...counts, ...(await eraseOptionalColumns(db, customerId)) };
}

async function eraseOptionalColumns(db: Db, customerId: string) {
  const present = await existingColumns(db);
  const counts: Record<string, number> = {};
  for (const { table, column, erased } of optionalPersonalColumns) {
    if (!present.has(`${table}.${column}`)) {
      continue;
    }

    const result = await sql`
      update ${sql.table(table)} set ${sql.ref(column)} = ${erased}
      where customer_id = ${customerId}`.execute(db);
    counts[table] = Number(result.numAffectedRows ?? 0);
  }

  return counts;
}

async function loadOptionalTables(db: Db, customerId: string) {
  const present = await existingColumns(db);
  const tables: Record<string, unknown[]> = {};
  for (const table of optionalExportTables) {
    if (!present.has(`${table}.customer_id`)) {
      continue;
    }

    const { rows } = await sql`
      select * from ${sql.table(table)} where customer_id = ${customerId}
      limit ${EXPORT_ROW_LIMIT}`.execute(db);
    tables[camelCase(table)] = rows;
  }

  return tables;
}

async function existingColumns(db: Db): Promise<Set<string>> {
  const tables = [
    ...new Set([
      ...optionalPersonalColumns.map((item) => item.table),
      ...optionalExportTables,
    ]),
  ];
  const { rows } = await sql<{ name: string }>`
    select table_name || '.' || column_name as name
    from information_schema.columns
    where table_schema = current_schema()
      and table_name in (${sql.join(tables)})`.execute(db);
  return new Set(rows.map((row) => row.name));
}

function camelCase(name: string) {
  return name.replace(/_([a-z])/g, (_match, letter: string) =>
    letter.toUpperCase(),
  );
}

type CustomerTable =
  | 'consents'
  | 'records'
  | 'changes'
  | 'deliveries'
  | 'sandbox_messages'
  | 'conversations';

function byCustomer<T extends CustomerTable>(
  db: Db,
  table: T,
  customerId: string,
) {
  return db
    .selectFrom(table as CustomerTable)
    .selectAll()
    .where('customer_id', '=', customerId)
    .limit(EXPORT_ROW_LIMIT)
    .execute();
}

async function count(result: Promise<{ numUpdatedRows: bigint }>) {
  return Number((await result).numUpdatedRows);
}
