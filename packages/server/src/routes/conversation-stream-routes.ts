/**
 * The live stream of conversation events for an Agent's browser, as
 * server-sent events: new and re-routed Conversations, new messages and
 * message Delivery states, for Conversations the caller owns, just lost,
 * or that wait unassigned (admins get every one). Every event has an id;
 * a stream opened with `Last-Event-ID` (or `?lastEventId=`) first
 * replays the events it missed, then goes on live. While the stream is
 * open it is the Agent's heartbeat: their presence stays fresh, and
 * opening it gives an online Agent the Conversations waiting for one.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../http/app-context.js';
import { touchPresence } from '../repositories/agent-presence-repository.js';
import {
  createConversationEventHub,
  type ConversationEvent,
  type ConversationEventHub,
} from '../services/conversation-event-hub.js';
import {
  openConversationFeed,
  type ConversationFeed,
} from '../services/conversation-event-feed.js';
import { userIdOf } from '../services/conversation-service.js';
import { routeWaitingConversations } from '../services/waiting-conversation-routing.js';
import type { Principal } from '../services/principal.js';

/** A comment line this often keeps proxies from closing the stream. */
const KEEP_ALIVE_MS = 20_000;
/** How long a stream waits for the event hub's first connection. */
const HUB_READY_MS = 5_000;

const EVENT_ID = /^\d{1,18}$/;

const streamQuery = z
  .object({
    /** For clients that cannot send Last-Event-ID; the header wins. */
    lastEventId: z.string().regex(EVENT_ID).optional(),
  })
  .strict();

/** Registers `GET /api/conversations/events`. */
export function conversationStreamRoutes(
  context: AppContext,
): FastifyPluginAsyncZod {
  return async (app) => {
    // Limitation: without a pool in the context (tests building the app
    // by hand) the stream sends keep-alives only.
    const hub: ConversationEventHub | null = context.pool
      ? createConversationEventHub(context.pool, context.db, context.log)
      : null;
    app.addHook('onClose', async () => hub?.close());

    app.get(
      '/api/conversations/events',
      {
        config: { access: 'agent' },
        schema: {
          tags: ['conversations'],
          summary:
            'Server-sent events: conversations, messages, delivery states',
          querystring: streamQuery,
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const userId = userIdOf(principal);
        const resume = lastEventIdOf(request, request.query.lastEventId);
        const afterId = resume.unreadable ? null : resume.afterId;
        const feed = hub
          ? await openFeed(context, hub, afterId, (event) =>
              concerns(event, principal, userId),
            )
          : null;
        reply.hijack();
        const out = reply.raw;
        out.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'x-content-type-options': 'nosniff',
        });
        out.write('retry: 3000\n\n');
        out.write(
          frame(
            'ready',
            {
              userId,
              resumed: afterId !== null && !feed?.reset,
              // An id we cannot read is an id we cannot resume after.
              reset: resume.unreadable || (feed?.reset ?? false),
            },
            feed?.cursor,
          ),
        );
        for (const event of feed?.replay ?? []) {
          out.write(frame(event.kind, event, event.id));
        }
        feed?.listen((event) => out.write(frame(event.kind, event, event.id)));

        const beat = async () => {
          out.write(': keep-alive\n\n');
          if (userId) {
            await touchPresence(context.db, userId).catch(() => undefined);
          }
        };
        void beat().then(() => comeBack(context, userId));
        const timer = setInterval(() => void beat(), KEEP_ALIVE_MS);
        const end = () => {
          clearInterval(timer);
          feed?.close();
        };
        if (request.raw.destroyed) {
          end();
          return;
        }

        request.raw.on('close', end);
      },
    );
  };
}

/**
 * The id to resume after: the Last-Event-ID header, else the query. A
 * header the browser sent back that is not one of our ids is `unreadable`:
 * the client missed events it cannot name, so it must reload.
 */
function lastEventIdOf(request: FastifyRequest, query: string | undefined) {
  const header = request.headers['last-event-id'];
  const value = typeof header === 'string' ? header.trim() : query;
  if (!value) {
    return { afterId: null, unreadable: false };
  }

  return EVENT_ID.test(value)
    ? { afterId: value, unreadable: false }
    : { afterId: null, unreadable: true };
}

async function openFeed(
  context: AppContext,
  hub: ConversationEventHub,
  afterId: string | null,
  accepts: (event: ConversationEvent) => boolean,
): Promise<ConversationFeed> {
  await Promise.race([
    hub.ready(),
    new Promise((resolve) => setTimeout(resolve, HUB_READY_MS).unref()),
  ]);
  return openConversationFeed(context.db, hub, afterId, accepts);
}

/**
 * An online Agent whose presence had timed out is back once the stream
 * beats: the Conversations waiting for an Agent are routed to them.
 */
async function comeBack(context: AppContext, userId: string | null) {
  if (!userId) {
    return;
  }

  await routeWaitingConversations(context.db, userId).catch((error) =>
    context.log.warn(
      { err: error, userId },
      'waiting conversations not routed',
    ),
  );
}

function concerns(
  event: ConversationEvent,
  principal: Principal,
  userId: string | null,
) {
  if (principal.role === 'admin' || !userId) {
    return true;
  }

  return (
    event.ownerUserId === null ||
    event.ownerUserId === userId ||
    event.previousOwnerUserId === userId
  );
}

function frame(event: string, data: unknown, id?: string) {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return `${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
