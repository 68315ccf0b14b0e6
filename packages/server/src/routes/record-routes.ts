/**
 * Records: upsert one, delete one, many at once, read one.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HeraldError } from '../errors.js';
import { findRecord } from '../repositories/record-repository.js';
import { customerIdSchema } from '../services/customer-service.js';
import {
  applyRecordChange,
  applyRecordChanges,
} from '../services/record-service.js';
import type { AppContext } from '../http/app-context.js';

const objectTypeName = z.string().min(1).max(64);
const recordIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w.:@+-]+$/, 'letters, digits and . _ : @ + -');
const fieldsSchema = z.record(z.string().max(64), z.unknown());

const params = z.object({
  objectType: objectTypeName,
  recordId: recordIdSchema,
});

const upsertBody = z
  .object({
    customerId: customerIdSchema.optional(),
    fields: fieldsSchema,
  })
  .strict();

const batchItem = z
  .object({
    objectType: objectTypeName,
    recordId: recordIdSchema,
    customerId: customerIdSchema.optional(),
    fields: fieldsSchema.optional(),
    delete: z.boolean().optional(),
  })
  .strict();

const batchBody = z
  .object({ items: z.array(batchItem).min(1).max(1000) })
  .strict();

export function recordRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/records/:objectType/:recordId',
      {
        config: { access: 'ingest' },
        schema: {
          tags: ['records'],
          summary: 'Upsert a record; answers the Change it made',
          params,
          body: upsertBody,
        },
      },
      async (request) =>
        applyRecordChange(context.db, {
          ...request.params,
          customerId: request.body.customerId,
          fields: request.body.fields,
        }),
    );

    app.delete(
      '/api/records/:objectType/:recordId',
      {
        config: { access: 'ingest' },
        schema: {
          tags: ['records'],
          summary: 'Record a delete Change',
          params,
        },
      },
      async (request) =>
        applyRecordChange(context.db, { ...request.params, delete: true }),
    );

    app.post(
      '/api/records/batch',
      {
        config: { access: 'ingest' },
        schema: {
          tags: ['records'],
          summary: 'Many record changes; each atomic, answered per item',
          body: batchBody,
        },
      },
      async (request) => ({
        items: await applyRecordChanges(
          context.db,
          request.body.items,
          request.log,
        ),
      }),
    );

    app.get(
      '/api/records/:objectType/:recordId',
      {
        config: { access: 'ingest' },
        schema: { tags: ['records'], summary: 'Read a record', params },
      },
      async (request) => {
        const { objectType, recordId } = request.params;
        const row = await findRecord(context.db, objectType, recordId);
        if (!row || row.deleted) {
          throw new HeraldError(
            'HERALD_NOT_FOUND',
            `${objectType} ${recordId} does not exist`,
            { objectType, recordId },
          );
        }

        return {
          objectType: row.object_type,
          recordId: row.record_id,
          customerId: row.customer_id,
          fields: row.fields,
          version: row.version,
          updatedAt: row.updated_at,
        };
      },
    );
  };
}
