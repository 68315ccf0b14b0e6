/**
 * Live conversation events for Agents' browsers. Triggers in Postgres
 * store every new or re-routed Conversation, new message and message
 * Delivery state in `conversation_events` with a commit-ordered id and
 * announce it on one channel (`herald_conversations`), whichever process
 * made the change. Each API process listens once and fans the events out
 * to its open streams, in id order; after its listening connection
 * drops, it reads what it missed from the table before going on. It
 * also prunes events older than a day.
 */
import type { Logger } from 'pino';
import type pg from 'pg';
import type { Db } from '../db/database.js';
import {
  conversationEventBounds,
  listConversationEventsAfter,
  pruneConversationEvents,
  type ConversationEventRow,
} from '../repositories/conversation-event-repository.js';

/** The Postgres notification channel the triggers use. */
export const CONVERSATION_NOTIFY_CHANNEL = 'herald_conversations';

/** How long stored events are kept for streams that resume. 24 h. */
export const CONVERSATION_EVENT_RETENTION_MS = 24 * 3_600_000;

/** One event, as streams send it. */
export interface ConversationEvent {
  /** Commit-ordered; a stream resumes after the last one it saw. */
  id: string;
  kind: 'conversation' | 'message' | 'delivery';
  conversationId: string;
  messageId?: string;
  direction?: string;
  status?: string;
  /** The Conversation's owner when the event was committed. */
  ownerUserId: string | null;
  previousOwnerUserId?: string | null;
}

/** A listener of one open stream. */
export type ConversationListener = (event: ConversationEvent) => void;

/** Fans stored conversation events out to streams, in id order. */
export interface ConversationEventHub {
  /** Resolves once the hub listens and knows the newest id. */
  ready(): Promise<void>;
  /** The id of the last event handed to listeners ('0': none yet). */
  lastId(): string;
  subscribe(listener: ConversationListener): () => void;
  close(): Promise<void>;
}

const RECONNECT_MS = 2_000;
const CATCH_UP_PAGE = 500;
const PRUNE_EVERY_MS = 3_600_000;

/** Starts listening on a dedicated connection from `pool`. */
export function createConversationEventHub(
  pool: pg.Pool,
  db: Db,
  log: Logger,
): ConversationEventHub {
  const listeners = new Set<ConversationListener>();
  let current: {
    client: pg.PoolClient;
    release(destroy: boolean): void;
  } | null = null;
  let closed = false;
  // Null until the first connection has read the newest id.
  let last: bigint | null = null;
  // Notifications that arrive while missed events are read back.
  let held: ConversationEvent[] | null = [];
  let markReady = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const deliver = (event: ConversationEvent) => {
    const id = BigInt(event.id);
    if (last !== null && id <= last) {
      return;
    }

    last = id;
    for (const listener of listeners) {
      listener(event);
    }
  };

  const receive = (payload: string | undefined) => {
    const event = parseNotification(payload);
    if (!event) {
      return;
    }
    if (held) {
      held.push(event);
      return;
    }

    deliver(event);
  };

  const catchUp = async () => {
    if (last === null) {
      last = BigInt((await conversationEventBounds(db)).newest);
    } else {
      for (;;) {
        const rows = await listConversationEventsAfter(
          db,
          String(last),
          CATCH_UP_PAGE,
        );
        rows.map(toConversationEvent).forEach(deliver);
        if (rows.length < CATCH_UP_PAGE) {
          break;
        }
      }
    }

    const waiting = held ?? [];
    held = null;
    waiting.forEach(deliver);
    markReady();
  };

  const connect = async () => {
    if (closed) {
      return;
    }

    held = [];
    try {
      const next = await pool.connect();
      // A dying connection may report several errors, also while close()
      // releases it; the client goes back to the pool exactly once.
      let released = false;
      const release = (destroy: boolean) => {
        if (released) {
          return;
        }

        released = true;
        next.release(destroy);
      };
      next.on('notification', (message) => receive(message.payload));
      next.on('error', (error) => {
        if (released) {
          return;
        }

        release(true);
        current = null;
        if (closed) {
          return;
        }

        log.warn({ err: error }, 'conversation listener lost');
        setTimeout(() => void connect(), RECONNECT_MS).unref();
      });
      await next.query(`listen ${CONVERSATION_NOTIFY_CHANNEL}`);
      if (closed) {
        release(false);
        return;
      }

      current = { client: next, release };
      await catchUp();
    } catch (error) {
      log.warn({ err: error }, 'conversation listener failed to start');
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    }
  };
  void connect();

  const prune = async () => {
    const before = new Date(Date.now() - CONVERSATION_EVENT_RETENTION_MS);
    const pruned = await pruneConversationEvents(db, before).catch(() => 0);
    if (pruned > 0) {
      log.info({ pruned }, 'conversation events pruned');
    }
  };
  void prune();
  const pruning = setInterval(() => void prune(), PRUNE_EVERY_MS);
  pruning.unref();

  return {
    ready: () => readyPromise,
    lastId: () => String(last ?? 0n),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearInterval(pruning);
      listeners.clear();
      const listening = current;
      current = null;
      if (listening) {
        await listening.client
          .query(`unlisten ${CONVERSATION_NOTIFY_CHANNEL}`)
          .catch(() => undefined);
        listening.release(false);
      }
    },
  };
}

/** A stored event row as streams send it. */
export function toConversationEvent(
  row: ConversationEventRow,
): ConversationEvent {
  return {
    id: String(row.id),
    kind: row.kind,
    conversationId: String(row.conversation_id),
    ...(row.message_id === null ? {} : { messageId: String(row.message_id) }),
    ...(row.direction === null ? {} : { direction: row.direction }),
    ...(row.status === null ? {} : { status: row.status }),
    ownerUserId: row.owner_user_id,
    previousOwnerUserId: row.previous_owner_user_id,
  };
}

function parseNotification(
  payload: string | undefined,
): ConversationEvent | null {
  let raw: Record<string, unknown> | null;
  try {
    raw = JSON.parse(payload ?? 'null') as Record<string, unknown> | null;
  } catch {
    return null;
  }
  if (!raw || raw.id === undefined || raw.conversationId === undefined) {
    return null;
  }

  const text = (value: unknown) =>
    value === null || value === undefined ? null : String(value);
  return toConversationEvent({
    id: String(raw.id),
    kind: raw.kind as ConversationEvent['kind'],
    conversation_id: String(raw.conversationId),
    message_id: text(raw.messageId),
    direction: text(raw.direction),
    status: text(raw.status),
    owner_user_id: text(raw.ownerUserId),
    previous_owner_user_id: text(raw.previousOwnerUserId),
    created_at: new Date(),
  });
}
