/**
 * Conversations waiting for an Agent (open, nobody owns them, the bot is
 * not handling them) and the Agent who may take them: claimed with row
 * locks, so two Agents coming online at once never take the same one.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** An online Agent's capacity and routed load, their presence locked. */
export interface LockedAgent {
  capacity: number;
  load: number;
}

/**
 * Locks the presence row of an Agent who is online within
 * `timeoutSeconds` (and not disabled); undefined otherwise. The load is
 * counted after the lock, so it includes whatever a routing that held
 * the lock before committed.
 */
export async function lockOnlineAgent(
  db: Db,
  userId: string,
  timeoutSeconds: number,
): Promise<LockedAgent | undefined> {
  const locked = await sql<{ capacity: number }>`
    select p.capacity
    from agent_presence p
    join users u on u.id = p.user_id and not u.disabled
    where p.user_id = ${userId}
      and p.status = 'online'
      and p.last_seen_at > now() - make_interval(secs => ${timeoutSeconds})
    for update of p
  `.execute(db);
  const row = locked.rows[0];
  if (!row) {
    return undefined;
  }

  const load = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('owner_user_id', '=', userId)
    .where('status', '=', 'open')
    .where('counts_toward_capacity', '=', true)
    .executeTakeFirstOrThrow();
  return { capacity: row.capacity, load: Number(load.n) };
}

/**
 * Gives `userId` the longest-waiting Conversations (at most `limit`;
 * only those they started when `startedByThem`), skipping rows another
 * transaction holds; answers their ids.
 */
export async function claimWaitingConversations(
  db: Db,
  input: {
    userId: string;
    limit: number | null;
    startedByThem: boolean;
    countsTowardCapacity: boolean;
  },
): Promise<string[]> {
  const starter = input.startedByThem
    ? sql`and started_by_user_id = ${input.userId}`
    : sql``;
  const limit = input.limit === null ? sql`` : sql`limit ${input.limit}`;
  const claimed = await sql<{ id: string }>`
    update conversations c
    set owner_user_id = ${input.userId},
        counts_toward_capacity = ${input.countsTowardCapacity}
    where c.id in (
      select id from conversations
      where status = 'open'
        and owner_user_id is null
        and (bot_state is null
          or (bot_state->>'stage' = 'done' and handover_note is not null))
        ${starter}
      order by last_message_at, id
      ${limit}
      for update skip locked
    )
    and c.owner_user_id is null
    returning c.id
  `.execute(db);
  return claimed.rows.map((row) => String(row.id));
}

/** Notes that an Agent was just routed Conversations (for tie-breaks). */
export async function markRouted(db: Db, userId: string) {
  await db
    .updateTable('agent_presence')
    .set({ last_routed_at: new Date() })
    .where('user_id', '=', userId)
    .execute();
}
