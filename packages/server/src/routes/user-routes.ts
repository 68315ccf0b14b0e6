/**
 * Users and API tokens, managed by admins. A token is answered once, at
 * creation; afterwards only its prefix is shown.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../http/access-policy.js';
import type { AppContext } from '../http/app-context.js';
import { actorOf } from '../services/principal.js';
import {
  createApiToken,
  listTokens,
  revokeToken,
} from '../services/token-service.js';
import {
  changeUser,
  createUser,
  listAllUsers,
  userInputSchema,
  userPatchSchema,
} from '../services/user-service.js';

const idParams = z.object({ id: z.string().min(1).max(64) }).strict();

const tokenBody = z
  .object({
    name: z.string().min(1).max(200),
    scope: z.enum(roles as ['admin', 'business', 'agent', 'ingest']),
  })
  .strict();

export function userRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      '/api/users',
      {
        config: { access: 'admin' },
        schema: { tags: ['access'], summary: 'List users' },
      },
      async () => listAllUsers(db),
    );

    app.post(
      '/api/users',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access'],
          summary: 'Create a user with a role and a password',
          body: userInputSchema,
        },
      },
      async (request, reply) => {
        reply.status(201);
        const actor = actorOf(request.principal!, request.ip);
        return createUser(db, request.body, actor);
      },
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access'],
          summary: 'Change a user: name, role, password, disabled',
          params: idParams,
          body: userPatchSchema,
        },
      },
      async (request) => {
        const actor = actorOf(request.principal!, request.ip);
        return changeUser(db, request.params.id, request.body, actor);
      },
    );

    app.get(
      '/api/tokens',
      {
        config: { access: 'admin' },
        schema: { tags: ['access'], summary: 'List API tokens (no secrets)' },
      },
      async () => listTokens(db),
    );

    app.post(
      '/api/tokens',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access'],
          summary: 'Create an API token; the answer is the only time it shows',
          body: tokenBody,
        },
      },
      async (request, reply) => {
        reply.status(201);
        const actor = actorOf(request.principal!, request.ip);
        return createApiToken(db, request.body, actor);
      },
    );

    app.delete(
      '/api/tokens/:id',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['access'],
          summary: 'Revoke an API token',
          params: idParams,
        },
      },
      async (request) => {
        const actor = actorOf(request.principal!, request.ip);
        return revokeToken(db, request.params.id, actor);
      },
    );
  };
}
