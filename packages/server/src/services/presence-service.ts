/**
 * Agents' presence: what each Agent set (online, away, offline), how
 * long it lasts without a heartbeat (the console's live stream beats
 * while it is open), and each Agent's load against capacity.
 */
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import {
  listAgentLoads,
  savePresence,
  type PresenceStatus,
} from '../repositories/agent-presence-repository.js';
import { loadConversationPolicy } from './conversation-policy.js';
import type { Principal } from './principal.js';
import { userIdOf } from './conversation-service.js';
import { routeWaitingConversations } from './waiting-conversation-routing.js';

/**
 * Sets the signed-in Agent's presence (and capacity, when given); an
 * online Agent then gets the Conversations waiting for one, as far as
 * their capacity allows.
 */
export async function setPresence(
  db: Db,
  principal: Principal,
  input: { status: PresenceStatus; capacity?: number },
) {
  const userId = userIdOf(principal);
  if (!userId) {
    throw new HeraldError(
      'HERALD_BAD_REQUEST',
      'presence belongs to a signed-in person, not an API token',
      { field: 'status' },
    );
  }

  const policy = await loadConversationPolicy(db);
  await savePresence(db, userId, input.status, {
    set: input.capacity,
    defaultCapacity: policy.defaultCapacity,
  });
  if (input.status === 'online') {
    await routeWaitingConversations(db, userId);
  }

  const all = await listPresence(db);
  return all.find((agent) => agent.userId === userId)!;
}

/** Every Agent with their effective presence, load and capacity. */
export async function listPresence(db: Db) {
  const policy = await loadConversationPolicy(db);
  const timeoutMs = policy.presenceTimeoutSeconds * 1000;
  const rows = await listAgentLoads(db);
  return rows.map((row) => {
    const seen = row.last_seen_at ? new Date(row.last_seen_at) : null;
    const stale = !seen || Date.now() - seen.getTime() > timeoutMs;
    const stored = (row.status ?? 'offline') as PresenceStatus;
    return {
      userId: row.id,
      email: row.email,
      name: row.name,
      /** What the Agent set. */
      status: stored,
      /** What routing uses: a stale presence is offline. */
      effectiveStatus: stale ? ('offline' as const) : stored,
      capacity: row.capacity ?? policy.defaultCapacity,
      load: Number(row.load ?? 0),
      lastSeenAt: seen,
    };
  });
}
