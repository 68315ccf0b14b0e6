/**
 * Flows: create, list, read, save the draft, validate, publish,
 * deactivate, and read a published version.
 */
import { flowGraphSchema } from '@herald/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  createFlow,
  deactivateFlow,
  getFlow,
  getVersion,
  listFlowSummaries,
  publishFlow,
  saveDraft,
  validateDraft,
} from '../services/flow-service.js';
import { actorOf } from '../services/principal.js';
import type { AppContext } from '../http/app-context.js';

const flowParams = z.object({ id: z.string().min(1).max(64) });
/** A version number; the column is a 32-bit integer. */
const versionSchema = z.coerce.number().int().min(1).max(2_147_483_647);
const name = z.string().min(1).max(200);
const description = z.string().max(2000).nullish();

const createBody = z
  .object({ name, description, graph: flowGraphSchema.optional() })
  .strict();
const draftBody = z
  .object({
    name: name.optional(),
    description,
    graph: flowGraphSchema.optional(),
  })
  .strict();
const validateBody = z
  .object({ graph: flowGraphSchema.optional() })
  .strict()
  .optional();

export function flowRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.post(
      '/api/flows',
      {
        config: { access: 'admin', audit: 'flow.create' },
        schema: { tags: ['flows'], summary: 'Create a flow', body: createBody },
      },
      async (request, reply) => {
        reply.status(201);
        return createFlow(db, request.body, changerOf(request));
      },
    );

    app.get(
      '/api/flows',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['flows'],
          summary: 'List flows, who changed each, and its last 24 hours',
        },
      },
      async () => ({ items: await listFlowSummaries(db) }),
    );

    app.get(
      '/api/flows/:id',
      {
        config: { access: 'business-read' },
        schema: { tags: ['flows'], summary: 'Read a flow', params: flowParams },
      },
      async (request) => getFlow(db, request.params.id),
    );

    app.put(
      '/api/flows/:id',
      {
        config: { access: 'admin', audit: 'flow.edit' },
        schema: {
          tags: ['flows'],
          summary: 'Save the draft',
          params: flowParams,
          body: draftBody,
        },
      },
      async (request) =>
        saveDraft(db, request.params.id, request.body, changerOf(request)),
    );

    app.post(
      '/api/flows/:id/validate',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['flows'],
          summary: 'Problems of the draft, or of a posted graph',
          params: flowParams,
          body: validateBody,
        },
      },
      async (request) => ({
        problems: await validateDraft(
          db,
          request.params.id,
          request.body?.graph,
        ),
      }),
    );

    app.post(
      '/api/flows/:id/publish',
      {
        config: { access: 'admin', audit: 'flow.publish' },
        schema: {
          tags: ['flows'],
          summary: 'Validate, compile and activate the draft as a version',
          params: flowParams,
        },
      },
      async (request, reply) => {
        reply.status(201);
        return publishFlow(db, request.params.id, null, changerOf(request));
      },
    );

    app.post(
      '/api/flows/:id/deactivate',
      {
        config: { access: 'admin', audit: 'flow.deactivate' },
        schema: {
          tags: ['flows'],
          summary: 'Stop the flow from sending',
          params: flowParams,
        },
      },
      async (request) =>
        deactivateFlow(db, request.params.id, changerOf(request)),
    );

    app.get(
      '/api/flows/:id/versions/:version',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['flows'],
          summary: 'A version with its graph and Rule set',
          params: flowParams.extend({ version: versionSchema }),
        },
      },
      async (request) =>
        getVersion(db, request.params.id, request.params.version),
    );
  };
}

/** Who is changing a Flow: the signed-in user or the API token. */
function changerOf(request: FastifyRequest) {
  return actorOf(request.principal!, request.ip);
}
