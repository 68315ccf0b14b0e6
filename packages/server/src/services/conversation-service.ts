/**
 * What Agents do with Conversations: start one with a Customer (from a
 * Case, an Order or the Customer alone), send a message in one, read and
 * close them. Every message is checked against the channel's rules (see
 * conversation-compose) and then goes out as a Delivery.
 */
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import {
  findCustomer,
  type CustomerRow,
} from '../repositories/customer-repository.js';
import {
  findConversation,
  insertConversation,
  lockOpenConversation,
  markConversationRead,
  updateConversation,
  type ConversationRow,
} from '../repositories/conversation-repository.js';
import {
  channelStates,
  composeMessage,
  requireRecord,
} from './conversation-compose.js';
import { queueOutboundMessage } from './conversation-outbound.js';
import type { Principal } from './principal.js';
import { routeWaitingConversations } from './waiting-conversation-routing.js';

/** What starting a Conversation takes. */
export interface StartConversationInput {
  customerId: string;
  /** Default: the preferred channel when usable, else the first usable. */
  channel?: string;
  objectType?: string | null;
  recordId?: string | null;
  templateId?: string | null;
  text?: string | null;
}

/** What a message in a Conversation takes: a Template or free text. */
export interface SendMessageInput {
  templateId?: string | null;
  text?: string | null;
}

/** The user id of a signed-in person; null for API tokens. */
export function userIdOf(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.id : null;
}

/**
 * Starts a Conversation, or continues the Customer's open one on that
 * channel; answers its id and the new message's ids.
 */
export async function startConversation(
  db: Db,
  principal: Principal,
  input: StartConversationInput,
) {
  return db.transaction().execute(async (trx) => {
    const customer = await requireCustomer(trx, input.customerId);
    const channel = input.channel ?? (await defaultChannel(trx, customer));
    const related = {
      customer,
      objectType: input.objectType ?? null,
      recordId: input.recordId ?? null,
    };
    await requireRecord(trx, related);
    const composed = await composeMessage(trx, {
      ...related,
      channel,
      templateId: input.templateId,
      text: input.text,
    });
    const conversation = await openFor(
      trx,
      principal,
      customer,
      channel,
      related,
    );
    const sent = await queueOutboundMessage(trx, conversation, {
      author: 'agent',
      authorUserId: userIdOf(principal),
      ...composed,
    });
    return { conversationId: conversation.id, ...sent };
  });
}

/** Sends an Agent's message in a Conversation; answers its ids. */
export async function sendConversationMessage(
  db: Db,
  principal: Principal,
  conversationId: string,
  input: SendMessageInput,
) {
  return db.transaction().execute(async (trx) => {
    const conversation = await requireOpen(trx, conversationId);
    const customer = await requireCustomer(trx, conversation.customer_id);
    const composed = await composeMessage(trx, {
      customer,
      channel: conversation.channel,
      objectType: conversation.object_type,
      recordId: conversation.record_id,
      templateId: input.templateId,
      text: input.text,
    });
    await claimIfUnassigned(trx, principal, conversation);
    return queueOutboundMessage(trx, conversation, {
      author: 'agent',
      authorUserId: userIdOf(principal),
      urgent: conversation.started_by === 'customer',
      ...composed,
    });
  });
}

/** Marks a Conversation read for the signed-in Agent. */
export async function readConversation(
  db: Db,
  principal: Principal,
  conversationId: string,
) {
  await requireConversation(db, conversationId);
  const userId = userIdOf(principal);
  if (userId) {
    await markConversationRead(db, conversationId, userId);
  }
}

/**
 * Closes a Conversation; the Customer's next message opens a new one.
 * An owner whose capacity it held gets a waiting Conversation instead.
 */
export async function closeConversation(db: Db, conversationId: string) {
  const freed = await db.transaction().execute(async (trx) => {
    const conversation = await requireConversation(trx, conversationId, true);
    if (conversation.status === 'closed') {
      return null;
    }

    await updateConversation(trx, conversationId, {
      status: 'closed',
      closed_at: new Date(),
      bot_state: null,
    });
    return conversation.counts_toward_capacity
      ? conversation.owner_user_id
      : null;
  });
  if (freed) {
    await routeWaitingConversations(db, freed);
  }
}

/** A Conversation, or HERALD_CONVERSATION_NOT_FOUND. */
export async function requireConversation(db: Db, id: string, lock = false) {
  const conversation = /^\d{1,18}$/.test(id)
    ? await findConversation(db, id, lock)
    : undefined;
  if (!conversation) {
    throw new HeraldError(
      'HERALD_CONVERSATION_NOT_FOUND',
      `no conversation ${id}`,
      { conversationId: id },
    );
  }

  return conversation;
}

async function requireOpen(db: Db, id: string) {
  const conversation = await requireConversation(db, id, true);
  if (conversation.status !== 'open') {
    throw new HeraldError(
      'HERALD_CONVERSATION_CLOSED',
      `conversation ${id} is closed`,
      { conversationId: id },
    );
  }

  return conversation;
}

/** A Customer (locked, so an opt-out in flight is seen), or 422. */
export async function requireCustomer(db: Db, customerId: string) {
  const customer = await findCustomer(db, customerId, true);
  if (!customer) {
    throw new HeraldError(
      'HERALD_UNKNOWN_CUSTOMER',
      `no customer ${customerId}`,
      { field: 'customerId' },
    );
  }

  return customer;
}

async function defaultChannel(db: Db, customer: CustomerRow) {
  const states = await channelStates(db, customer);
  const preferred = states.find(
    (state) => state.channel === customer.preferred_channel && state.usable,
  );
  return (
    preferred?.channel ??
    states.find((state) => state.usable)?.channel ??
    customer.preferred_channel ??
    'sms'
  );
}

/**
 * The open Conversation on the channel, else a new one the Agent owns;
 * an Agent-started Conversation never counts against capacity.
 */
async function openFor(
  db: Db,
  principal: Principal,
  customer: CustomerRow,
  channel: string,
  related: { objectType: string | null; recordId: string | null },
): Promise<ConversationRow> {
  const open = await lockOpenConversation(db, customer.id, channel);
  if (open) {
    await claimIfUnassigned(db, principal, open);
    if (related.objectType && related.recordId) {
      await updateConversation(db, open.id, {
        object_type: related.objectType,
        record_id: related.recordId,
      });
      return {
        ...open,
        object_type: related.objectType,
        record_id: related.recordId,
      };
    }

    return open;
  }

  const userId = userIdOf(principal);
  return insertConversation(db, {
    customerId: customer.id,
    channel,
    startedBy: 'agent',
    startedByUserId: userId,
    ownerUserId: userId,
    countsTowardCapacity: false,
    ...related,
  });
}

/** An Agent answering an unassigned Conversation takes it. */
async function claimIfUnassigned(
  db: Db,
  principal: Principal,
  conversation: ConversationRow,
) {
  const userId = userIdOf(principal);
  if (conversation.owner_user_id || !userId) {
    return;
  }

  await updateConversation(db, conversation.id, {
    owner_user_id: userId,
    counts_toward_capacity: conversation.started_by === 'customer',
  });
}
