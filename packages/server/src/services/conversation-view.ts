/**
 * Conversations as the API shows them: the list with unread counts, and
 * one thread with each message's Delivery state, the Customer's Consent
 * per channel (and whether free text may go now) and the related Record.
 */
import type { Db } from '../db/database.js';
import { findCustomer } from '../repositories/customer-repository.js';
import {
  listConversationMessages,
  listConversations,
  type ConversationFilter,
  type ConversationRow,
} from '../repositories/conversation-repository.js';
import { listCustomerRecords } from '../repositories/customer-record-repository.js';
import { findRecord } from '../repositories/record-repository.js';
import { findUser } from '../repositories/user-repository.js';
import { channelStates, templateChoices } from './conversation-compose.js';
import {
  requireConversation,
  requireCustomer,
} from './conversation-service.js';

/** Object types an Agent may start a Conversation from. */
export const CONVERSATION_OBJECT_TYPES = ['Case', 'Order'];

/** The Conversation list with the reader's unread counts. */
export async function conversationList(db: Db, filter: ConversationFilter) {
  const rows = await listConversations(db, filter);
  return rows.map((row) => ({
    ...conversationSummary(row),
    customerName: nameOf(row.first_name, row.last_name) ?? row.customer_id,
    customerTier: row.tier,
    ownerEmail: row.owner_email,
    unread: Number(row.unread ?? 0),
    lastBody: row.last_body,
  }));
}

/** One Conversation with its thread, Customer and Record. */
export async function conversationThread(db: Db, conversationId: string) {
  const conversation = await requireConversation(db, conversationId);
  const customer = await findCustomerOrThrow(db, conversation.customer_id);
  const [messages, channels, record, owner] = await Promise.all([
    listConversationMessages(db, conversationId),
    channelStates(db, customer),
    conversation.object_type && conversation.record_id
      ? findRecord(db, conversation.object_type, conversation.record_id)
      : undefined,
    conversation.owner_user_id
      ? findUser(db, conversation.owner_user_id)
      : undefined,
  ]);
  return {
    conversation: {
      ...conversationSummary(conversation),
      ownerEmail: owner?.email ?? null,
    },
    customer: {
      id: customer.id,
      name: nameOf(customer.first_name, customer.last_name) ?? customer.id,
      tier: customer.tier,
      region: customer.region,
      preferredChannel: customer.preferred_channel,
      channels,
    },
    record: record
      ? {
          objectType: record.object_type,
          recordId: record.record_id,
          fields: record.fields,
        }
      : null,
    messages: messages.map((message) => ({
      id: message.id,
      direction: message.direction,
      author: message.author,
      authorEmail: message.author_email,
      templateId: message.template_id,
      body: message.body,
      createdAt: message.created_at,
      delivery: message.delivery_id
        ? {
            id: message.delivery_id,
            status: message.delivery_status,
            reason: message.delivery_reason,
            channel: message.delivery_channel,
          }
        : null,
    })),
  };
}

/**
 * What an Agent may send a Customer: the channels with their state, the
 * Templates with previews for the chosen channel, and the Customer's
 * Cases and Orders to start from.
 */
export async function composeOptions(
  db: Db,
  input: {
    customerId: string;
    channel?: string;
    objectType?: string;
    recordId?: string;
  },
) {
  const customer = await findCustomerOrThrow(db, input.customerId);
  const channels = await channelStates(db, customer);
  const channel =
    input.channel ??
    channels.find((state) => state.channel === customer.preferred_channel)
      ?.channel ??
    'sms';
  const templates = await templateChoices(db, {
    customer,
    channel,
    objectType: input.objectType ?? null,
    recordId: input.recordId ?? null,
  });
  const records = await listCustomerRecords(
    db,
    customer.id,
    CONVERSATION_OBJECT_TYPES,
  );
  return {
    customerId: customer.id,
    customerName:
      nameOf(customer.first_name, customer.last_name) ?? customer.id,
    channel,
    channels,
    templates,
    records: records.map((row) => ({
      objectType: row.object_type,
      recordId: row.record_id,
      fields: row.fields,
    })),
  };
}

function conversationSummary(row: ConversationRow) {
  return {
    id: row.id,
    customerId: row.customer_id,
    channel: row.channel,
    status: row.status,
    startedBy: row.started_by,
    startedByUserId: row.started_by_user_id,
    ownerUserId: row.owner_user_id,
    countsTowardCapacity: row.counts_toward_capacity,
    objectType: row.object_type,
    recordId: row.record_id,
    botStage: (row.bot_state as { stage?: string } | null)?.stage ?? null,
    handoverNote: row.handover_note,
    agentRepliedAt: row.agent_replied_at,
    lastMessageAt: row.last_message_at,
    createdAt: row.created_at,
  };
}

async function findCustomerOrThrow(db: Db, customerId: string) {
  const customer = await findCustomer(db, customerId);
  return customer ?? requireCustomer(db, customerId);
}

function nameOf(first: string | null, last: string | null) {
  const name = [first, last].filter(Boolean).join(' ');
  return name || null;
}
