/**
 * Where an inbound message goes once stored. In the transaction that
 * stored it (the Customer row locked): a channel limited to a pilot
 * audience answers everyone else politely and stops there; otherwise
 * the message joins the Customer's open Conversation on its channel, or
 * opens one. Then the bot takes it (a reply to a triggered message, or a
 * choice from the bot's menu) or it is routed to an Agent. Consent
 * keywords always beat the bot: they end its menu and never wake it.
 */
import type { Db } from '../db/database.js';
import type { CustomerRow } from '../repositories/customer-repository.js';
import {
  insertConversation,
  insertConversationMessage,
  lastSentDelivery,
  lockOpenConversation,
  updateConversation,
  type ConversationRow,
} from '../repositories/conversation-repository.js';
import { addJob } from '../repositories/job-queue.js';
import type { KeywordAction } from './consent-keyword.js';
import {
  inPilot,
  loadConversationPolicy,
  type ConversationPolicy,
} from './conversation-policy.js';
import { routeConversation } from './conversation-routing.js';

const MS_PER_HOUR = 3_600_000;

/** A stored inbound message, as the Conversation sees it. */
export interface InboundForConversation {
  inboundMessageId: string;
  channel: string;
  body: string;
  /** The consent keyword the message is, if any. */
  keywordAction: KeywordAction | null;
}

/** What happened to the message. */
export type ConversationOutcome =
  | { kind: 'not-a-conversation-channel' }
  | { kind: 'gated' }
  | {
      kind: 'joined';
      conversationId: string;
      opened: boolean;
      handledBy: 'bot' | 'agent' | 'keyword';
      ownerUserId: string | null;
    };

const CONVERSATION_CHANNELS = new Set(['sms', 'whatsapp', 'messenger']);

/** Files an inbound message of a known Customer into its Conversation. */
export async function fileInboundMessage(
  db: Db,
  customer: CustomerRow,
  inbound: InboundForConversation,
): Promise<ConversationOutcome> {
  if (!CONVERSATION_CHANNELS.has(inbound.channel)) {
    return { kind: 'not-a-conversation-channel' };
  }

  const policy = await loadConversationPolicy(db);
  const pilot = policy.pilots[inbound.channel as 'sms'];
  if (!inPilot(pilot, customer)) {
    await answerOutsidePilot(db, inbound);
    return { kind: 'gated' };
  }

  const existing = await lockOpenConversation(db, customer.id, inbound.channel);
  const conversation =
    existing ??
    (await insertConversation(db, {
      customerId: customer.id,
      channel: inbound.channel,
      startedBy: 'customer',
      startedByUserId: null,
      ownerUserId: null,
      countsTowardCapacity: false,
      objectType: null,
      recordId: null,
    }));
  const message = await insertConversationMessage(db, {
    conversationId: conversation.id,
    direction: 'inbound',
    author: 'customer',
    authorUserId: null,
    inboundMessageId: inbound.inboundMessageId,
    templateId: null,
    body: inbound.body,
  });
  await updateConversation(db, conversation.id, {
    last_message_at: new Date(),
  });
  const handledBy = await hand(db, conversation, {
    opened: !existing,
    inbound,
    messageId: message?.id ?? null,
    policy,
  });
  return {
    kind: 'joined',
    conversationId: conversation.id,
    opened: !existing,
    handledBy: handledBy.by,
    ownerUserId: handledBy.ownerUserId,
  };
}

async function hand(
  db: Db,
  conversation: ConversationRow,
  input: {
    opened: boolean;
    inbound: InboundForConversation;
    messageId: string | null;
    policy: ConversationPolicy;
  },
): Promise<{ by: 'bot' | 'agent' | 'keyword'; ownerUserId: string | null }> {
  const botWaiting = conversation.bot_state !== null;
  if (input.inbound.keywordAction) {
    if (botWaiting) {
      await updateConversation(db, conversation.id, { bot_state: null });
    }

    return { by: 'keyword', ownerUserId: conversation.owner_user_id };
  }

  const botMayAnswer =
    !conversation.agent_replied_at && input.policy.botEnabled;
  const wakesBot =
    botMayAnswer &&
    (botWaiting ||
      (input.opened &&
        (await answersTriggered(db, conversation, input.policy))));
  if (wakesBot && input.messageId) {
    if (!botWaiting) {
      await updateConversation(db, conversation.id, {
        bot_state: { stage: 'greet' },
      });
    }
    await addJob(
      db,
      'conversation-bot',
      { conversationId: conversation.id, messageId: input.messageId },
      { jobKey: `conversation-bot:${input.messageId}`, maxAttempts: 5 },
    );
    return { by: 'bot', ownerUserId: conversation.owner_user_id };
  }

  const routed = await routeConversation(db, conversation, input.policy);
  return { by: 'agent', ownerUserId: routed.ownerUserId };
}

/** Whether the last message the Customer got there was a triggered one. */
async function answersTriggered(
  db: Db,
  conversation: ConversationRow,
  policy: ConversationPolicy,
) {
  const last = await lastSentDelivery(
    db,
    conversation.customer_id,
    conversation.channel,
  );
  if (!last || last.change_id === null || !last.sent_at) {
    return false;
  }

  const age = Date.now() - new Date(last.sent_at).getTime();
  return age < policy.botReplyWindowHours * MS_PER_HOUR;
}

async function answerOutsidePilot(db: Db, inbound: InboundForConversation) {
  if (inbound.keywordAction) {
    return;
  }

  await addJob(
    db,
    'pilot-reply',
    { inboundMessageId: inbound.inboundMessageId },
    { jobKey: `pilot-reply:${inbound.inboundMessageId}`, maxAttempts: 3 },
  );
}
