/**
 * Stored conversation events (written by triggers, see migration 0008):
 * reading those after an id for a stream that resumes, the newest id,
 * and pruning old ones.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ConversationEventsTable } from '../db/schema.js';

export type ConversationEventRow = Selectable<ConversationEventsTable>;

/** Events with an id above `afterId`, oldest first, at most `limit`. */
export async function listConversationEventsAfter(
  db: Db,
  afterId: string,
  limit: number,
): Promise<ConversationEventRow[]> {
  return db
    .selectFrom('conversation_events')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The newest and oldest stored ids ('0' when there is none). */
export async function conversationEventBounds(
  db: Db,
): Promise<{ oldest: string; newest: string }> {
  const row = await db
    .selectFrom('conversation_events')
    .select((eb) => [
      eb.fn.min('id').as('oldest'),
      eb.fn.max('id').as('newest'),
    ])
    .executeTakeFirst();
  return {
    oldest: String(row?.oldest ?? '0'),
    newest: String(row?.newest ?? '0'),
  };
}

/**
 * Deletes events older than `before` but the newest one, which keeps
 * telling a resuming stream where the ids are; answers how many.
 */
export async function pruneConversationEvents(
  db: Db,
  before: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('conversation_events')
    .where('created_at', '<', before)
    .where('id', '<', (eb) =>
      eb.selectFrom('conversation_events').select(eb.fn.max('id').as('id')),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
