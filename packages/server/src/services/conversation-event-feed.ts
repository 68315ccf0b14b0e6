/**
 * One stream's view of the conversation events: where it starts, the
 * stored events it missed (when it resumes after an id it saw), then the
 * live ones, each exactly once and in id order. Resuming reads the
 * stored events after that id; live events that arrive meanwhile are
 * held and passed on only when newer than the last one sent.
 */
import type { Db } from '../db/database.js';
import {
  conversationEventBounds,
  listConversationEventsAfter,
} from '../repositories/conversation-event-repository.js';
import {
  toConversationEvent,
  type ConversationEvent,
  type ConversationEventHub,
} from './conversation-event-hub.js';

/** Missed events a stream may replay; past that it starts over. */
export const MAX_REPLAYED_EVENTS = 2_000;

const PAGE = 500;

/** An open feed: its start, the missed events, then live ones. */
export interface ConversationFeed {
  /** The id the stream stands at before `replay`. */
  cursor: string;
  /**
   * The id to resume after was unknown, pruned or too far behind: the
   * stream starts from now and the reader should reload what it shows.
   */
  reset: boolean;
  /** Missed events the reader is concerned by, oldest first. */
  replay: ConversationEvent[];
  /** Starts passing live events (held ones first) to `emit`. */
  listen(emit: (event: ConversationEvent) => void): void;
  close(): void;
}

/**
 * Opens a feed on `hub` for a reader concerned by `accepts`, resuming
 * after `afterId` when given.
 */
export async function openConversationFeed(
  db: Db,
  hub: ConversationEventHub,
  afterId: string | null,
  accepts: (event: ConversationEvent) => boolean,
): Promise<ConversationFeed> {
  const held: ConversationEvent[] = [];
  let emit: ((event: ConversationEvent) => void) | null = null;
  let sent = BigInt(hub.lastId());
  const cursorNow = String(sent);

  const pass = (event: ConversationEvent) => {
    const id = BigInt(event.id);
    if (id <= sent) {
      return;
    }

    sent = id;
    if (accepts(event)) {
      emit!(event);
    }
  };
  const unsubscribe = hub.subscribe((event) =>
    emit ? pass(event) : held.push(event),
  );

  const missed =
    afterId === null ? null : await readMissed(db, BigInt(afterId));
  const start =
    missed === null
      ? { cursor: cursorNow, reset: afterId !== null, replay: [] }
      : { cursor: afterId!, reset: false, replay: missed.events };
  if (missed) {
    sent = missed.through;
  }

  return {
    ...start,
    replay: start.replay.filter(accepts),
    listen(next) {
      emit = next;
      held.splice(0).forEach(pass);
    },
    close: () => {
      unsubscribe();
    },
  };
}

/**
 * The stored events after `afterId` and the id they run through; null
 * when the id is ahead of every stored event, older than the oldest
 * kept, or more than MAX_REPLAYED_EVENTS behind.
 */
async function readMissed(db: Db, afterId: bigint) {
  const bounds = await conversationEventBounds(db);
  if (afterId > BigInt(bounds.newest) || afterId < BigInt(bounds.oldest) - 1n) {
    return null;
  }

  const events: ConversationEvent[] = [];
  let through = afterId;
  for (;;) {
    const rows = await listConversationEventsAfter(db, String(through), PAGE);
    events.push(...rows.map(toConversationEvent));
    if (events.length > MAX_REPLAYED_EVENTS) {
      return null;
    }
    if (rows.length > 0) {
      through = BigInt(rows[rows.length - 1].id);
    }
    if (rows.length < PAGE) {
      return { events, through };
    }
  }
}
