/**
 * Object types: list, and define or extend one.
 */
import { objectTypeDefSchema } from '@herald/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listObjectTypes } from '../repositories/object-type-repository.js';
import { defineObjectType } from '../services/object-type-service.js';
import type { AppContext } from '../http/app-context.js';

const bodySchema = objectTypeDefSchema.omit({ name: true });

export function objectTypeRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/object-types',
      {
        config: { access: 'business-read' },
        schema: { tags: ['object types'], summary: 'List object types' },
      },
      async () => ({ items: await listObjectTypes(context.db) }),
    );

    app.put(
      '/api/object-types/:name',
      {
        config: { access: 'admin', audit: 'object-type.define' },
        schema: {
          tags: ['object types'],
          summary: 'Define or extend an object type',
          params: z.object({ name: objectTypeDefSchema.shape.name }),
          body: bodySchema,
        },
      },
      async (request) =>
        defineObjectType(context.db, {
          name: request.params.name,
          ...request.body,
        }),
    );
  };
}
