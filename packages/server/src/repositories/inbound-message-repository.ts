/**
 * Messages customers sent us, and the lookups the 24-hour windows and
 * keyword replies need.
 */
import type { Db } from '../db/database.js';

/** A new inbound message. */
export interface NewInboundMessage {
  customerId: string | null;
  channel: string;
  fromAddress: string;
  toAddress: string | null;
  providerMessageId: string;
  body: string;
  keyword: string | null;
  raw: unknown;
  receivedAt?: Date;
}

/**
 * Stores an inbound message once per (channel, provider message id);
 * answers its id, or undefined when it was already stored.
 */
export async function insertInboundMessage(db: Db, message: NewInboundMessage) {
  const row = await db
    .insertInto('inbound_messages')
    .values({
      customer_id: message.customerId,
      channel: message.channel,
      from_address: message.fromAddress,
      to_address: message.toAddress,
      provider_message_id: message.providerMessageId,
      body: message.body,
      keyword: message.keyword,
      raw: JSON.stringify(message.raw),
      ...(message.receivedAt ? { received_at: message.receivedAt } : {}),
    })
    .onConflict((conflict) =>
      conflict.columns(['channel', 'provider_message_id']).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** One inbound message. */
export async function findInboundMessage(db: Db, id: string) {
  return db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Records the reply sent to a keyword. */
export async function recordInboundReply(db: Db, id: string, body: string) {
  await db
    .updateTable('inbound_messages')
    .set({ reply_body: body, replied_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** When the customer last wrote to us on a channel. */
export async function lastInboundAt(
  db: Db,
  customerId: string,
  channel: string,
): Promise<Date | null> {
  const row = await db
    .selectFrom('inbound_messages')
    .select('received_at')
    .where('customer_id', '=', customerId)
    .where('channel', '=', channel)
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.received_at ?? null;
}

/** Inbound messages of a customer, newest first. */
export async function listInboundMessages(
  db: Db,
  filter: { customerId?: string; channel?: string; limit: number },
) {
  let query = db.selectFrom('inbound_messages').selectAll();
  if (filter.customerId) {
    query = query.where('customer_id', '=', filter.customerId);
  }
  if (filter.channel) {
    query = query.where('channel', '=', filter.channel);
  }

  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

/** The Customer an inbound address belongs to, for a channel. */
export async function findCustomerIdByAddress(
  db: Db,
  channel: string,
  address: string,
): Promise<string | null> {
  let query = db.selectFrom('customers').select('id');
  if (channel === 'messenger') {
    query = query.where('messenger_psid', '=', address);
  } else if (channel === 'whatsapp') {
    const digits = address.replace(/^\+/, '');
    query = query.where((eb) =>
      eb.or([eb('whatsapp_id', '=', digits), eb('phone', '=', `+${digits}`)]),
    );
  } else {
    query = query.where('phone', '=', address);
  }

  const row = await query.orderBy('id').limit(1).executeTakeFirst();
  return row?.id ?? null;
}
