/**
 * Agents' presence and the load routing reads: how many routed inbound
 * Conversations each Agent has open.
 */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { AgentPresenceTable } from '../db/schema.js';

export type PresenceRow = Selectable<AgentPresenceTable>;
/** What an Agent says about being there. */
export type PresenceStatus = 'online' | 'away' | 'offline';

/**
 * Sets an Agent's presence and heartbeat; capacity only when given (a
 * first presence takes `defaultCapacity`).
 */
export async function savePresence(
  db: Db,
  userId: string,
  status: PresenceStatus,
  capacity: { set?: number; defaultCapacity: number },
) {
  const now = new Date();
  const values = {
    status,
    last_seen_at: now,
    updated_at: now,
    ...(capacity.set === undefined ? {} : { capacity: capacity.set }),
  };
  return db
    .insertInto('agent_presence')
    .values({
      user_id: userId,
      capacity: capacity.defaultCapacity,
      ...values,
    })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Moves an Agent's heartbeat to now, keeping the status. */
export async function touchPresence(db: Db, userId: string) {
  await db
    .updateTable('agent_presence')
    .set({ last_seen_at: new Date() })
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Every Agent (and admin) with their stored presence and the routed
 * inbound Conversations they have open.
 */
export async function listAgentLoads(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('agent_presence as p', 'p.user_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'p.status',
      'p.capacity',
      'p.last_seen_at',
      'p.last_routed_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('conversations as c')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('c.owner_user_id', '=', 'users.id')
        .where('c.status', '=', 'open')
        .where('c.counts_toward_capacity', '=', true)
        .as('load'),
    )
    .where('users.role', 'in', ['agent', 'admin'])
    .where('users.disabled', '=', false)
    .orderBy('users.email')
    .execute();
}

/**
 * The available Agent with the least load (ties: routed to longest ago),
 * online within `timeoutSeconds` and under capacity; its presence row is
 * locked so two routings cannot both take its last free place.
 */
export async function claimAvailableAgent(
  db: Db,
  timeoutSeconds: number,
): Promise<string | null> {
  const row = await sql<{ user_id: string }>`
    select p.user_id
    from agent_presence p
    join users u on u.id = p.user_id and not u.disabled
    where p.status = 'online'
      and p.last_seen_at > now() - make_interval(secs => ${timeoutSeconds})
      and p.capacity > (
        select count(*) from conversations c
        where c.owner_user_id = p.user_id and c.status = 'open'
          and c.counts_toward_capacity)
    order by (
        select count(*) from conversations c
        where c.owner_user_id = p.user_id and c.status = 'open'
          and c.counts_toward_capacity),
      p.last_routed_at asc nulls first, p.user_id
    limit 1
    for update of p
  `.execute(db);
  const userId = row.rows[0]?.user_id ?? null;
  if (userId) {
    await db
      .updateTable('agent_presence')
      .set({ last_routed_at: new Date() })
      .where('user_id', '=', userId)
      .execute();
  }

  return userId;
}

/** Whether an Agent is online with a heartbeat within `timeoutSeconds`. */
export async function isAgentOnline(
  db: Db,
  userId: string,
  timeoutSeconds: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('agent_presence')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('status', '=', 'online')
    .where('last_seen_at', '>', new Date(Date.now() - timeoutSeconds * 1000))
    .executeTakeFirst();
  return row !== undefined;
}
