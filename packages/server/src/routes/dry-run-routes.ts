/**
 * Dry runs: what a batch of record changes would change and send, without
 * storing, queueing or sending anything.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app-context.js';
import { customerIdSchema } from '../services/customer-service.js';
import { DryRunSession } from '../services/dry-run-service.js';
import { settle } from '../services/batch-outcome.js';

// NOTE: the same item shape as POST /api/records/batch (record-routes.ts).
const dryRunItem = z
  .object({
    objectType: z.string().min(1).max(64),
    recordId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\w.:@+-]+$/, 'letters, digits and . _ : @ + -'),
    customerId: customerIdSchema.optional(),
    fields: z.record(z.string().max(64), z.unknown()).optional(),
    delete: z.boolean().optional(),
  })
  .strict();

const dryRunBody = z
  .object({ items: z.array(dryRunItem).min(1).max(1000) })
  .strict();

export function dryRunRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/records/dry-run',
      {
        config: { access: 'ingest' },
        schema: {
          tags: ['records'],
          summary:
            'What record changes would change and send; nothing is stored',
          body: dryRunBody,
        },
      },
      async (request) => {
        const session = new DryRunSession(context.db);
        return {
          items: await settle(
            request.body.items,
            (item) => session.simulate(item),
            request.log,
          ),
        };
      },
    );
  };
}
