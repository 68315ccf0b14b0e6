/**
 * What happened and why: Deliveries with their history and Attempts, Runs
 * with their explain traces, and the sandbox outbox.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { channelNames, deliveryStatuses } from '@herald/engine';
import { z } from 'zod';
import { HeraldError } from '../errors.js';
import {
  deliveryExists,
  listAttempts,
  listDeliveries,
  listDeliveryEvents,
  listOutbox,
  listRuns,
} from '../repositories/activity-repository.js';
import type { AppContext } from '../http/app-context.js';

const limit = z.coerce.number().int().min(1).max(1000).default(100);
const numericId = z.string().regex(/^\d{1,18}$/, 'a numeric id');
const uuid = z.uuid();
const deliveryStatus = z.enum(deliveryStatuses);

const deliveryQuery = z
  .object({
    recordId: z.string().max(128).optional(),
    objectType: z.string().max(64).optional(),
    customerId: z.string().max(128).optional(),
    flowId: uuid.optional(),
    status: deliveryStatus.optional(),
    changeId: numericId.optional(),
    channel: z.enum(channelNames).optional(),
    before: uuid.optional(),
    limit,
  })
  .strict();

export function activityRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context;
  return async (app) => {
    app.get(
      '/api/deliveries',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['activity'],
          summary:
            'Deliveries by record, customer, flow, status or channel, ' +
            'newest first',
          querystring: deliveryQuery,
        },
      },
      async (request) => {
        const { before } = request.query;
        if (before && !(await deliveryExists(db, before))) {
          throw new HeraldError(
            'HERALD_BAD_REQUEST',
            `querystring before: no delivery ${before}`,
            { in: 'querystring', field: 'before' },
          );
        }

        const rows = await listDeliveries(db, request.query);
        const ids = rows.map((row) => row.id);
        const [events, attempts] = await Promise.all([
          listDeliveryEvents(db, ids),
          listAttempts(db, ids),
        ]);
        return {
          items: rows.map((row) => ({
            id: row.id,
            changeId: row.change_id,
            flowId: row.flow_id,
            flowVersion: row.flow_version,
            pathId: row.path_id,
            channelStepId: row.channel_step_id,
            templateId: row.template_id,
            objectType: row.object_type,
            recordId: row.record_id,
            customerId: row.customer_id,
            channel: row.channel,
            status: row.status,
            statusReason: row.status_reason,
            body: row.body,
            isTest: row.is_test,
            createdAt: row.created_at,
            updatedAt: row.updated_at,
            history: events
              .filter((event) => event.delivery_id === row.id)
              .map((event) => ({
                status: event.status,
                reason: event.reason,
                at: event.at,
              })),
            attempts: attempts
              .filter((attempt) => attempt.delivery_id === row.id)
              .map((attempt) => ({
                id: attempt.id,
                channel: attempt.channel,
                outcome: attempt.outcome,
                providerMessageId: attempt.provider_message_id,
                errorCode: attempt.error_code,
                startedAt: attempt.started_at,
                finishedAt: attempt.finished_at,
              })),
          })),
        };
      },
    );

    app.get(
      '/api/runs',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['activity'],
          summary: 'Runs with their explain traces',
          querystring: z
            .object({ changeId: numericId.optional(), limit })
            .strict(),
        },
      },
      async (request) => ({
        items: (await listRuns(db, request.query)).map((row) => ({
          id: row.id,
          changeId: row.change_id,
          objectType: row.object_type,
          recordId: row.record_id,
          customerId: row.customer_id,
          kind: row.kind,
          changedFields: row.changed_fields,
          ruleSetsEvaluated: row.rule_sets_evaluated,
          fired: row.fired,
          trace: row.trace,
          startedAt: row.started_at,
          finishedAt: row.finished_at,
        })),
      }),
    );

    app.get(
      '/api/outbox',
      {
        config: { access: 'business-read' },
        schema: {
          tags: ['activity'],
          summary: 'Messages the sandbox channel stored',
          querystring: z
            .object({ customerId: z.string().max(128).optional(), limit })
            .strict(),
        },
      },
      async (request) => ({
        items: (await listOutbox(db, request.query)).map((row) => ({
          id: row.id,
          deliveryId: row.delivery_id,
          customerId: row.customer_id,
          channel: row.channel,
          toAddress: row.to_address,
          body: row.body,
          createdAt: row.created_at,
          isTest: row.is_test === true,
          testRequestedBy: row.test_requested_by,
        })),
      }),
    );
  };
}
