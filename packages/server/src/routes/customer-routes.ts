/**
 * Customers: upsert one, upsert many, list.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  currentConsents,
  listCustomers,
} from '../repositories/customer-repository.js';
import {
  customerIdSchema,
  customerInputSchema,
  toCustomerView,
  upsertCustomer,
} from '../services/customer-service.js';
import type { AppContext } from '../http/app-context.js';
import { settle } from '../services/batch-outcome.js';

const batchSchema = z
  .object({
    items: z
      .array(customerInputSchema.extend({ id: customerIdSchema }))
      .min(1)
      .max(1000),
  })
  .strict();

const listQuery = z
  .object({
    tier: z.string().max(64).optional(),
    region: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    after: z.string().max(128).optional(),
  })
  .strict();

export function customerRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/customers/:id',
      {
        config: { access: 'ingest', audit: 'consent.change' },
        schema: {
          tags: ['customers'],
          summary: 'Upsert a customer with identities and consent',
          params: z.object({ id: customerIdSchema }),
          body: customerInputSchema,
        },
      },
      async (request) =>
        upsertCustomer(context.db, request.params.id, request.body),
    );

    app.post(
      '/api/customers/batch',
      {
        config: { access: 'ingest' },
        schema: {
          tags: ['customers'],
          summary: 'Upsert many customers; answered per item',
          body: batchSchema,
        },
      },
      async (request) => ({
        items: await settle(
          request.body.items,
          ({ id, ...input }) => upsertCustomer(context.db, id, input),
          request.log,
        ),
      }),
    );

    app.get(
      '/api/customers',
      {
        config: { access: 'customer-read' },
        schema: {
          tags: ['customers'],
          summary: 'List customers, by tier and region',
          querystring: listQuery,
        },
      },
      async (request) => {
        const rows = await listCustomers(context.db, request.query);
        const consents = await currentConsents(
          context.db,
          rows.map((row) => row.id),
        );
        return {
          items: rows.map((row) =>
            toCustomerView(row, consents.get(row.id) ?? []),
          ),
        };
      },
    );
  };
}
