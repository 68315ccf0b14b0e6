/**
 * Who answers a Conversation. A reply stays with its owner while the
 * owner is online; otherwise it goes to the Agent who started the
 * Conversation when that Agent is online; otherwise to the available
 * Agent (online, under capacity) with the least load. Only routed
 * Conversations count against capacity: ones an Agent started do not,
 * even when the reply comes back to them. With nobody available the
 * Conversation waits unassigned, where every Agent sees it.
 */
import type { Db } from '../db/database.js';
import {
  claimAvailableAgent,
  isAgentOnline,
} from '../repositories/agent-presence-repository.js';
import {
  updateConversation,
  type ConversationRow,
} from '../repositories/conversation-repository.js';
import type { ConversationPolicy } from './conversation-policy.js';

/** Where a Conversation went. */
export interface RoutingOutcome {
  ownerUserId: string | null;
  reason: 'owner-online' | 'starter-online' | 'routed' | 'unassigned';
}

/**
 * Routes a Conversation (locked by the caller) after a reply. One left
 * unassigned is routed again on the Customer's next message, when an
 * Agent answers it, or when an Agent can take it (see
 * waiting-conversation-routing).
 */
export async function routeConversation(
  db: Db,
  conversation: ConversationRow,
  policy: ConversationPolicy,
): Promise<RoutingOutcome> {
  const timeout = policy.presenceTimeoutSeconds;
  const owner = conversation.owner_user_id;
  if (owner && (await isAgentOnline(db, owner, timeout))) {
    return { ownerUserId: owner, reason: 'owner-online' };
  }

  const starter = conversation.started_by_user_id;
  if (starter && (await isAgentOnline(db, starter, timeout))) {
    await assign(db, conversation, starter, false);
    return { ownerUserId: starter, reason: 'starter-online' };
  }

  const available = await claimAvailableAgent(db, timeout);
  if (available) {
    await assign(db, conversation, available, true);
    return { ownerUserId: available, reason: 'routed' };
  }

  await assign(db, conversation, null, false);
  return { ownerUserId: null, reason: 'unassigned' };
}

async function assign(
  db: Db,
  conversation: ConversationRow,
  ownerUserId: string | null,
  countsTowardCapacity: boolean,
) {
  if (
    conversation.owner_user_id === ownerUserId &&
    conversation.counts_toward_capacity === countsTowardCapacity
  ) {
    return;
  }

  await updateConversation(db, conversation.id, {
    owner_user_id: ownerUserId,
    counts_toward_capacity: countsTowardCapacity,
  });
}
