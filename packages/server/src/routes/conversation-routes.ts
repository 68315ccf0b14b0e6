/**
 * Conversations for Agents: the list with unread counts, one thread,
 * starting a Conversation and sending in one, reading and closing;
 * presence; the quick-phrase library; and the conversation policy.
 */
import { patchSchema } from '../services/schema-patch.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app-context.js';
import { listQuickPhrases } from '../repositories/quick-phrase-repository.js';
import { conversationChannels } from '../services/conversation-compose.js';
import {
  conversationPolicySchema,
  loadConversationPolicy,
  saveConversationPolicy,
} from '../services/conversation-policy.js';
import {
  closeConversation,
  readConversation,
  sendConversationMessage,
  startConversation,
  userIdOf,
} from '../services/conversation-service.js';
import {
  composeOptions,
  conversationList,
  conversationThread,
} from '../services/conversation-view.js';
import { listPresence, setPresence } from '../services/presence-service.js';

const idParams = z.object({ id: z.string().min(1).max(20) }).strict();
const channel = z.enum(conversationChannels);
const text = z.string().max(1600).nullable().optional();
const templateId = z.string().min(1).max(128).nullable().optional();

const listQuery = z
  .object({
    scope: z.enum(['mine', 'all']).default('mine'),
    status: z.enum(['open', 'closed']).default('open'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

const startBody = z
  .object({
    customerId: z.string().min(1).max(128),
    channel: channel.optional(),
    objectType: z.string().min(1).max(64).nullable().optional(),
    recordId: z.string().min(1).max(128).nullable().optional(),
    templateId,
    text,
  })
  .strict();

const messageBody = z.object({ templateId, text }).strict();

const optionsQuery = z
  .object({
    customerId: z.string().min(1).max(128),
    channel: channel.optional(),
    objectType: z.string().min(1).max(64).optional(),
    recordId: z.string().min(1).max(128).optional(),
  })
  .strict();

const presenceBody = z
  .object({
    status: z.enum(['online', 'away', 'offline']),
    capacity: z.number().int().min(0).max(100).optional(),
  })
  .strict();

const AGENT = { access: 'agent' as const };

/** Registers the conversation routes. */
export function conversationRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      '/api/conversations',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary:
            "Conversations (mine and unassigned, or all), with the caller's unread counts",
          querystring: listQuery,
        },
      },
      async (request) => ({
        items: await conversationList(db, {
          ...request.query,
          userId: userIdOf(request.principal!),
        }),
      }),
    );

    app.post(
      '/api/conversations',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary: 'Start a conversation with a template or free text',
          body: startBody,
        },
      },
      async (request, reply) => {
        const started = await startConversation(
          db,
          request.principal!,
          request.body,
        );
        reply.status(201);
        return started;
      },
    );

    app.get(
      '/api/conversations/:id',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary:
            'One conversation: messages with delivery state, consent, record',
          params: idParams,
        },
      },
      async (request) => conversationThread(db, request.params.id),
    );

    app.post(
      '/api/conversations/:id/messages',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary: 'Send a template or free text in a conversation',
          params: idParams,
          body: messageBody,
        },
      },
      async (request, reply) => {
        const sent = await sendConversationMessage(
          db,
          request.principal!,
          request.params.id,
          request.body,
        );
        reply.status(201);
        return sent;
      },
    );

    app.post(
      '/api/conversations/:id/read',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary: 'Mark a conversation read for the caller',
          params: idParams,
        },
      },
      async (request) => {
        await readConversation(db, request.principal!, request.params.id);
        return { ok: true };
      },
    );

    app.post(
      '/api/conversations/:id/close',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary: 'Close a conversation',
          params: idParams,
        },
      },
      async (request) => {
        await closeConversation(db, request.params.id);
        return { ok: true };
      },
    );

    app.get(
      '/api/conversation-options',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary: 'Channels, templates and records an agent may start from',
          querystring: optionsQuery,
        },
      },
      async (request) => composeOptions(db, request.query),
    );

    app.get(
      '/api/agents/presence',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary: 'Agents with presence, load and capacity',
        },
      },
      async () => ({ items: await listPresence(db) }),
    );

    app.put(
      '/api/agents/me/presence',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary: "Set the caller's presence (and capacity)",
          body: presenceBody,
        },
      },
      async (request) => setPresence(db, request.principal!, request.body),
    );

    app.get(
      '/api/quick-phrases',
      {
        config: AGENT,
        schema: {
          tags: ['conversations'],
          summary: 'The quick-phrase library',
        },
      },
      async () => ({ items: await listQuickPhrases(db) }),
    );

    app.get(
      '/api/conversation-policy',
      {
        config: { access: 'admin' },
        schema: { tags: ['conversations'], summary: 'The conversation policy' },
      },
      async () => loadConversationPolicy(db),
    );

    app.put(
      '/api/conversation-policy',
      {
        config: { access: 'admin', audit: 'conversation-policy.change' },
        schema: {
          tags: ['conversations'],
          summary: 'Change presence time-out, capacity, bot and pilots',
          body: patchSchema(conversationPolicySchema),
        },
      },
      async (request) => saveConversationPolicy(db, request.body),
    );
  };
}
