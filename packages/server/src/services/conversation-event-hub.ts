/**
 * Live conversation events for Agents' browsers. Triggers in Postgres
 * announce every new or re-routed Conversation, new message and message
 * Delivery state on one channel (`herald_conversations`), whichever
 * process made the change; each API process listens once and fans the
 * events out to its open streams. Events carry ids only; the browser
 * reads what changed through the API.
 */
import type { Logger } from 'pino';
import type pg from 'pg';
import type { Db } from '../db/database.js';
import { findConversation } from '../repositories/conversation-repository.js';

/** The Postgres notification channel the triggers use. */
export const CONVERSATION_NOTIFY_CHANNEL = 'herald_conversations';

/** One event, with the Conversation's owner filled in. */
export interface ConversationEvent {
  kind: 'conversation' | 'message' | 'delivery';
  conversationId: string;
  messageId?: string;
  direction?: string;
  status?: string;
  ownerUserId: string | null;
  previousOwnerUserId?: string | null;
}

/** A listener of one open stream. */
export type ConversationListener = (event: ConversationEvent) => void;

/** Fans Postgres notifications out to streams. */
export interface ConversationEventHub {
  subscribe(listener: ConversationListener): () => void;
  close(): Promise<void>;
}

const RECONNECT_MS = 2_000;

// Limitation: events raised while the listening connection is being
// re-established are lost; an open console catches up on its next event
// or reload.

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

  const dispatch = async (payload: string | undefined) => {
    const event = await enrich(db, payload).catch(() => null);
    if (!event) {
      return;
    }

    for (const listener of listeners) {
      listener(event);
    }
  };

  const connect = async () => {
    if (closed) {
      return;
    }

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
      next.on('notification', (message) => void dispatch(message.payload));
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
    } catch (error) {
      log.warn({ err: error }, 'conversation listener failed to start');
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    }
  };
  void connect();

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
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

/** Reads a notification and adds the Conversation's current owner. */
async function enrich(
  db: Db,
  payload: string | undefined,
): Promise<ConversationEvent | null> {
  const raw = JSON.parse(payload ?? 'null') as Record<string, unknown> | null;
  if (!raw || raw.conversationId === null || raw.conversationId === undefined) {
    return null;
  }

  const conversationId = String(raw.conversationId);
  const conversation = await findConversation(db, conversationId);
  if (!conversation) {
    return null;
  }

  return {
    kind: raw.kind as ConversationEvent['kind'],
    conversationId,
    ...(raw.messageId === undefined
      ? {}
      : { messageId: String(raw.messageId) }),
    ...(typeof raw.direction === 'string' ? { direction: raw.direction } : {}),
    ...(typeof raw.status === 'string' ? { status: raw.status } : {}),
    ownerUserId: conversation.owner_user_id,
    previousOwnerUserId: (raw.previousOwnerUserId as string | null) ?? null,
  };
}
