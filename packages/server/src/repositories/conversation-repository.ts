/**
 * Conversations, their messages (with each outbound message's Delivery
 * state) and how far each Agent has read them.
 */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type {
  ConversationMessagesTable,
  ConversationsTable,
} from '../db/schema.js';

export type ConversationRow = Selectable<ConversationsTable>;
export type ConversationMessageRow = Selectable<ConversationMessagesTable>;

/** A new Conversation. */
export interface NewConversation {
  customerId: string;
  channel: string;
  startedBy: 'agent' | 'customer';
  startedByUserId: string | null;
  ownerUserId: string | null;
  countsTowardCapacity: boolean;
  objectType: string | null;
  recordId: string | null;
}

/** A new message of a Conversation. */
export interface NewConversationMessage {
  conversationId: string;
  direction: 'inbound' | 'outbound';
  author: 'customer' | 'agent' | 'bot';
  authorUserId: string | null;
  inboundMessageId: string | null;
  templateId: string | null;
  body: string;
}

/** The open Conversation of a Customer on a channel, locked. */
export async function lockOpenConversation(
  db: Db,
  customerId: string,
  channel: string,
) {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('channel', '=', channel)
    .where('status', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
}

/** One Conversation, locked for update when `lock` is set. */
export async function findConversation(db: Db, id: string, lock = false) {
  let query = db.selectFrom('conversations').selectAll().where('id', '=', id);
  if (lock) {
    query = query.forUpdate();
  }

  return query.executeTakeFirst();
}

/** Inserts a Conversation; answers its row. */
export async function insertConversation(db: Db, input: NewConversation) {
  return db
    .insertInto('conversations')
    .values({
      customer_id: input.customerId,
      channel: input.channel,
      started_by: input.startedBy,
      started_by_user_id: input.startedByUserId,
      owner_user_id: input.ownerUserId,
      counts_toward_capacity: input.countsTowardCapacity,
      object_type: input.objectType,
      record_id: input.recordId,
      last_message_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Columns of a Conversation that services change. */
export type ConversationUpdate = Partial<{
  status: 'open' | 'closed';
  owner_user_id: string | null;
  counts_toward_capacity: boolean;
  bot_state: Record<string, unknown> | null;
  handover_note: string | null;
  agent_replied_at: Date;
  last_message_at: Date;
  closed_at: Date;
  object_type: string | null;
  record_id: string | null;
}>;

/** Updates a Conversation. */
export async function updateConversation(
  db: Db,
  id: string,
  update: ConversationUpdate,
) {
  const { bot_state: botState, ...rest } = update;
  await db
    .updateTable('conversations')
    .set({
      ...rest,
      ...(botState === undefined
        ? {}
        : { bot_state: botState === null ? null : JSON.stringify(botState) }),
    })
    .where('id', '=', id)
    .execute();
}

/** Appends a message; answers its row (undefined if its inbound is known). */
export async function insertConversationMessage(
  db: Db,
  message: NewConversationMessage,
) {
  return db
    .insertInto('conversation_messages')
    .values({
      conversation_id: message.conversationId,
      direction: message.direction,
      author: message.author,
      author_user_id: message.authorUserId,
      inbound_message_id: message.inboundMessageId,
      template_id: message.templateId,
      body: message.body,
    })
    .onConflict((conflict) => conflict.column('inbound_message_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Messages of a Conversation, oldest first, with their Delivery. */
export async function listConversationMessages(db: Db, conversationId: string) {
  return db
    .selectFrom('conversation_messages as m')
    .leftJoin('deliveries as d', 'd.conversation_message_id', 'm.id')
    .leftJoin('users as u', 'u.id', 'm.author_user_id')
    .select([
      'm.id',
      'm.direction',
      'm.author',
      'm.author_user_id',
      'u.email as author_email',
      'm.template_id',
      'm.body',
      'm.created_at',
      'd.id as delivery_id',
      'd.status as delivery_status',
      'd.status_reason as delivery_reason',
      'd.channel as delivery_channel',
    ])
    .where('m.conversation_id', '=', conversationId)
    .orderBy('m.id')
    .execute();
}

/** Filter of a Conversation list. */
export interface ConversationFilter {
  /** The Agent reading: unread counts are theirs (null: an API token). */
  userId: string | null;
  /** `mine`: owned by the reader or unassigned; `all`: every one. */
  scope: 'mine' | 'all';
  status: 'open' | 'closed';
  limit: number;
}

/** Conversations with the reader's unread counts, latest first. */
export async function listConversations(db: Db, filter: ConversationFilter) {
  let query = db
    .selectFrom('conversations as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('users as o', 'o.id', 'c.owner_user_id')
    .leftJoin('conversation_reads as r', (join) =>
      join
        .onRef('r.conversation_id', '=', 'c.id')
        .on(sql<boolean>`${sql.ref('r.user_id')} = ${filter.userId}`),
    )
    .selectAll('c')
    .select([
      'cu.first_name',
      'cu.last_name',
      'cu.tier',
      'o.email as owner_email',
    ])
    .select((eb) =>
      eb
        .selectFrom('conversation_messages as m')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.direction', '=', 'inbound')
        .where(
          'm.id',
          '>',
          sql<string>`coalesce(${sql.ref('r.last_read_message_id')}, 0)`,
        )
        .as('unread'),
    )
    .select((eb) =>
      eb
        .selectFrom('conversation_messages as m')
        .select('m.body')
        .whereRef('m.conversation_id', '=', 'c.id')
        .orderBy('m.id', 'desc')
        .limit(1)
        .as('last_body'),
    )
    .where('c.status', '=', filter.status);
  if (filter.scope === 'mine' && filter.userId) {
    query = query.where((eb) =>
      eb.or([
        eb('c.owner_user_id', '=', filter.userId!),
        eb('c.owner_user_id', 'is', null),
      ]),
    );
  }

  return query
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** Marks a Conversation read up to its newest message for an Agent. */
export async function markConversationRead(
  db: Db,
  conversationId: string,
  userId: string,
) {
  const newest = await db
    .selectFrom('conversation_messages')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  const lastId = newest?.id ?? '0';
  await db
    .insertInto('conversation_reads')
    .values({
      conversation_id: conversationId,
      user_id: userId,
      last_read_message_id: String(lastId),
    })
    .onConflict((conflict) =>
      conflict
        .columns(['conversation_id', 'user_id'])
        .doUpdateSet({ last_read_message_id: String(lastId) }),
    )
    .execute();
}

/**
 * The most recent outbound Delivery to a Customer on a channel that was
 * handed to a provider, triggered or not; for the bot's decision.
 */
export async function lastSentDelivery(
  db: Db,
  customerId: string,
  channel: string,
) {
  return db
    .selectFrom('deliveries')
    .select(['id', 'change_id', 'conversation_message_id', 'sent_at'])
    .where('customer_id', '=', customerId)
    .where('channel', '=', channel)
    .where('sent_at', 'is not', null)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The text of one message of a Conversation. */
export async function findMessageBody(
  db: Db,
  conversationId: string,
  messageId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('conversation_messages')
    .select('body')
    .where('conversation_id', '=', conversationId)
    .where('id', '=', messageId)
    .executeTakeFirst();
  return row?.body ?? null;
}
