/**
 * Routing Conversations that wait for an Agent, when an Agent becomes
 * able to take them: on coming online (or back, once their presence had
 * timed out), on raising their capacity, and on closing a routed
 * Conversation. In one transaction, with the Agent's presence row
 * locked: first the waiting Conversations they started (these never
 * count against capacity), then the longest-waiting others up to their
 * free capacity. Rows another transaction holds are skipped, so two
 * Agents coming online at once split the waiting Conversations between
 * them. Each new owner is announced on the live stream by the
 * conversation triggers.
 */
import type { Db } from '../db/database.js';
import {
  claimWaitingConversations,
  lockOnlineAgent,
  markRouted,
} from '../repositories/waiting-conversation-repository.js';
import { loadConversationPolicy } from './conversation-policy.js';

// Limitation: the first Agent to come online takes as many waiting
// Conversations as their capacity allows; two Agents coming online
// together are not balanced against each other (the one who locks first
// may take them all).

/**
 * Gives an online Agent the Conversations waiting for one, as far as
 * their capacity allows; answers the ids routed (none when the Agent is
 * not online).
 */
export async function routeWaitingConversations(
  db: Db,
  userId: string,
): Promise<string[]> {
  const policy = await loadConversationPolicy(db);
  return db.transaction().execute(async (trx) => {
    const agent = await lockOnlineAgent(
      trx,
      userId,
      policy.presenceTimeoutSeconds,
    );
    if (!agent) {
      return [];
    }

    const theirs = await claimWaitingConversations(trx, {
      userId,
      limit: null,
      startedByThem: true,
      countsTowardCapacity: false,
    });
    const free = agent.capacity - agent.load;
    const routed =
      free > 0
        ? await claimWaitingConversations(trx, {
            userId,
            limit: free,
            startedByThem: false,
            countsTowardCapacity: true,
          })
        : [];
    if (routed.length > 0) {
      await markRouted(trx, userId);
    }

    return [...theirs, ...routed];
  });
}
