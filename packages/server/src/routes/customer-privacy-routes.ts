/**
 * A Customer's privacy rights, for admins: export everything Herald holds
 * about them, or erase their personal data.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app-context.js';
import {
  eraseCustomer,
  exportCustomer,
} from '../services/customer-privacy-service.js';
import { customerIdSchema } from '../services/customer-service.js';
import { actorOf } from '../services/principal.js';

const params = z.object({ id: customerIdSchema }).strict();

export function customerPrivacyRoutes(
  context: AppContext,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/customers/:id/export',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['customers'],
          summary: 'Everything Herald holds about one customer',
          params,
        },
      },
      async (request) =>
        exportCustomer(
          context.db,
          request.params.id,
          actorOf(request.principal!, request.ip),
        ),
    );

    app.post(
      '/api/customers/:id/erase',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['customers'],
          summary: 'Erase the personal data of one customer',
          params,
        },
      },
      async (request) =>
        eraseCustomer(
          context.db,
          request.params.id,
          actorOf(request.principal!, request.ip),
        ),
    );
  };
}
