/**
 * POST /api/flows/:id/rollout-publish: the business publish of Rollout
 * changes on top of the active version. POST /api/flows/:id/rollout-audience:
 * how many current Customers a Rollout of the Flow would admit.
 */
import { flowGraphSchema, rolloutStepSchema } from '@herald/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app-context.js';
import { actorOf } from '../services/principal.js';
import { countRolloutAudience } from '../services/rollout-audience-service.js';
import { publishRolloutChange } from '../services/rollout-publish-service.js';

const params = z.object({ id: z.string().min(1).max(64) }).strict();
const body = z.object({ graph: flowGraphSchema }).strict();
const audienceBody = rolloutStepSchema.shape.data;

export function rolloutRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/flows/:id/rollout-publish',
      {
        config: { access: 'rollout-publish' },
        schema: {
          tags: ['flows'],
          summary:
            'Publish the active version with Rollout steps added, edited ' +
            'or removed, and nothing else changed',
          params,
          body,
        },
      },
      async (request, reply) => {
        reply.status(201);
        const actor = actorOf(request.principal!, request.ip);
        return publishRolloutChange(
          context.db,
          request.params.id,
          request.body.graph,
          actor,
        );
      },
    );

    app.post(
      '/api/flows/:id/rollout-audience',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['flows'],
          summary:
            'Count the current Customers a Rollout of this flow would admit ' +
            '(tiers, regions, allow-list, percentage), out of all of them',
          params,
          body: audienceBody,
        },
      },
      async (request, reply) => {
        // A count nobody waits for any more stops early.
        const gone = new AbortController();
        reply.raw.once('close', () => {
          if (!reply.raw.writableEnded) gone.abort();
        });
        return countRolloutAudience(
          context.db,
          request.params.id,
          request.body,
          gone.signal,
        );
      },
    );
  };
}
