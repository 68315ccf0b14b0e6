/**
 * One Delivery with its timeline — every state with its reason, every
 * Attempt with its request and the provider's answer, in order — and
 * Delivery counts per Flow and status.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HeraldError } from '../errors.js';
import type { AppContext } from '../http/app-context.js';
import {
  countDeliveriesByFlow,
  findDeliveryTimeline,
} from '../repositories/delivery-timeline-repository.js';

export function deliveryRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      '/api/deliveries/:id',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['activity'],
          summary: 'A Delivery with its timeline',
          params: z.object({ id: z.uuid() }),
        },
      },
      async (request) => {
        const found = await findDeliveryTimeline(db, request.params.id);
        if (!found) {
          throw new HeraldError(
            'HERALD_DELIVERY_NOT_FOUND',
            `no delivery ${request.params.id}`,
          );
        }

        return found;
      },
    );

    app.get(
      '/api/delivery-counts',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['activity'],
          summary: 'Deliveries per flow and status',
        },
      },
      async () => ({ items: await countDeliveriesByFlow(db) }),
    );
  };
}
