/**
 * GET /api/changes/:id: one Change as it was recorded (prior and current
 * snapshots, changed fields), for the builder's simulator to replay.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HeraldError } from '../errors.js';
import type { AppContext } from '../http/app-context.js';
import { findChange } from '../repositories/record-repository.js';

const params = z
  .object({ id: z.string().regex(/^\d{1,18}$/, 'a numeric id') })
  .strict();

export function changeRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      '/api/changes/:id',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['activity'],
          summary: 'One Change: kind, prior and current snapshots',
          params,
        },
      },
      async (request) => {
        const row = await findChange(db, request.params.id);
        if (!row) {
          throw new HeraldError(
            'HERALD_CHANGE_NOT_FOUND',
            `change ${request.params.id} not found`,
            { changeId: request.params.id },
          );
        }

        return {
          id: row.id,
          objectType: row.object_type,
          recordId: row.record_id,
          customerId: row.customer_id,
          kind: row.kind,
          prior: row.prior,
          current: row.current,
          changedFields: row.changed_fields,
          receivedAt: row.received_at,
        };
      },
    );
  };
}
