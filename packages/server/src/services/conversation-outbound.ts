/**
 * Outbound conversation messages, from an Agent or the bot: each is
 * stored in its Conversation with one Delivery and a `deliver` job, all
 * in the caller's transaction, so the message goes through the same
 * pipeline as triggered ones (consent, caps, windows, retries).
 */
import type { Db } from '../db/database.js';
import {
  insertConversationMessage,
  updateConversation,
  type ConversationRow,
} from '../repositories/conversation-repository.js';
import { insertConversationDelivery } from '../repositories/delivery-repository.js';
import { addJob } from '../repositories/job-queue.js';

/** One outbound message of a Conversation. */
export interface OutboundMessage {
  author: 'agent' | 'bot';
  authorUserId: string | null;
  body: string;
  templateId: string | null;
  /**
   * Skip quiet hours: answers to a Customer who just wrote go at once.
   * Default false.
   */
  urgent?: boolean;
}

/** Stores the message and queues its Delivery; answers their ids. */
export async function queueOutboundMessage(
  db: Db,
  conversation: ConversationRow,
  message: OutboundMessage,
) {
  const stored = await insertConversationMessage(db, {
    conversationId: conversation.id,
    direction: 'outbound',
    author: message.author,
    authorUserId: message.authorUserId,
    inboundMessageId: null,
    templateId: message.templateId,
    body: message.body,
  });
  const deliveryId = await insertConversationDelivery(db, {
    conversationMessageId: stored!.id,
    customerId: conversation.customer_id,
    channel: conversation.channel,
    templateId: message.templateId,
    objectType: conversation.object_type,
    recordId: conversation.record_id,
    body: message.body,
    urgent: message.urgent ?? false,
  });
  await addJob(
    db,
    'deliver',
    { deliveryId },
    {
      jobKey: `delivery:${deliveryId}`,
    },
  );
  await updateConversation(db, conversation.id, {
    last_message_at: new Date(),
    ...(message.author === 'agent' ? { agent_replied_at: new Date() } : {}),
  });
  return { messageId: stored!.id, deliveryId };
}
