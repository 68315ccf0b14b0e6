/**
 * The live stream of conversation events for an Agent's browser, as
 * server-sent events: new and re-routed Conversations, new messages and
 * message Delivery states, for Conversations the caller owns, just lost,
 * or that wait unassigned (admins get every one). While the stream is
 * open it is the Agent's heartbeat: their presence stays fresh.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/app-context.js';
import { touchPresence } from '../repositories/agent-presence-repository.js';
import {
  createConversationEventHub,
  type ConversationEvent,
  type ConversationEventHub,
} from '../services/conversation-event-hub.js';
import { userIdOf } from '../services/conversation-service.js';
import type { Principal } from '../services/principal.js';

/** A comment line this often keeps proxies from closing the stream. */
const KEEP_ALIVE_MS = 20_000;

/** Registers `GET /api/conversations/events`. */
export function conversationStreamRoutes(context: AppContext) {
  return async (app: FastifyInstance) => {
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
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const userId = userIdOf(principal);
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
        out.write(frame('ready', { userId }));

        const unsubscribe = hub?.subscribe((event) => {
          if (concerns(event, principal, userId)) {
            out.write(frame(event.kind, event));
          }
        });
        const beat = async () => {
          out.write(': keep-alive\n\n');
          if (userId) {
            await touchPresence(context.db, userId).catch(() => undefined);
          }
        };
        void beat();
        const timer = setInterval(() => void beat(), KEEP_ALIVE_MS);
        request.raw.on('close', () => {
          clearInterval(timer);
          unsubscribe?.();
        });
      },
    );
  };
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

function frame(event: string, data: unknown) {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
