/**
 * The Salesforce Change Data Capture connector: receive change events (one,
 * or `{ events: [...] }` answered per event), preview their translation,
 * configure entity mappings, and list the events recorded as gaps.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countRecordIds } from '../connectors/salesforce-cdc-event.js';
import {
  cdcMappingInputSchema,
  entityNameSchema,
} from '../connectors/salesforce-cdc-mapping.js';
import { HeraldError } from '../errors.js';
import type { AppContext } from '../http/app-context.js';
import { listConnectorEvents } from '../repositories/connector-repository.js';
import {
  listCdcMappings,
  previewCdcEvent,
  receiveCdcEvent,
  saveCdcMapping,
  SALESFORCE_CDC,
} from '../services/connector-service.js';
import { settle } from '../services/batch-outcome.js';

/** Most events one request may carry. */
const MAX_EVENTS = 1000;

/** Most record ids all events of one request may name together. */
const MAX_RECORD_IDS_PER_REQUEST = 5000;

const eventsBody = z
  .record(z.string(), z.unknown())
  .describe(
    'One change event (CometD message or decoded Pub/Sub payload), ' +
      'or { "events": [ ... ] }',
  );

const eventsQuery = z
  .object({
    entity: entityNameSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export function connectorRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, log } = context;
  return async (app) => {
    app.post(
      '/api/connectors/salesforce-cdc',
      {
        config: { access: 'ingest' },
        schema: {
          tags: ['connectors'],
          summary: 'Salesforce change events; a batch is answered per event',
          body: eventsBody,
        },
      },
      async (request) => {
        const batch = batchOf(request.body);
        if (!batch) {
          return receiveCdcEvent(db, request.body, log);
        }

        return {
          items: await settle(
            batch,
            (raw) => receiveCdcEvent(db, raw, log),
            request.log,
          ),
        };
      },
    );

    app.post(
      '/api/connectors/salesforce-cdc/translate',
      {
        config: { access: 'ingest' },
        schema: {
          tags: ['connectors'],
          summary: 'The record changes events would make, without applying',
          body: eventsBody,
        },
      },
      async (request) => {
        const batch = batchOf(request.body);
        if (!batch) {
          return previewCdcEvent(db, request.body);
        }

        return {
          items: await settle(
            batch,
            (raw) => previewCdcEvent(db, raw),
            request.log,
          ),
        };
      },
    );

    app.put(
      '/api/connectors/salesforce-cdc/mappings/:entity',
      {
        config: { access: 'admin', audit: 'connector.mapping' },
        schema: {
          tags: ['connectors'],
          summary: 'Map a Salesforce entity onto an object type',
          params: z.object({ entity: entityNameSchema }),
          body: cdcMappingInputSchema,
        },
      },
      async (request) =>
        saveCdcMapping(db, request.params.entity, request.body),
    );

    app.get(
      '/api/connectors/salesforce-cdc/mappings',
      {
        config: { access: 'ingest' },
        schema: {
          tags: ['connectors'],
          summary: 'Salesforce entity mappings',
        },
      },
      async () => ({ items: await listCdcMappings(db) }),
    );

    app.get(
      '/api/connectors/salesforce-cdc/events',
      {
        config: { access: 'ingest' },
        schema: {
          tags: ['connectors'],
          summary: 'Gap events recorded instead of applied, newest first',
          querystring: eventsQuery,
        },
      },
      async (request) => {
        const rows = await listConnectorEvents(
          db,
          SALESFORCE_CDC,
          request.query,
        );
        return {
          items: rows.map((row) => ({
            id: row.id,
            entity: row.entity,
            changeType: row.change_type,
            recordIds: row.record_ids,
            commitTimestamp: row.commit_timestamp,
            replayId: row.replay_id,
            header: row.header,
            receivedAt: row.received_at,
          })),
        };
      },
    );
  };
}

/** The events of a batch body, or undefined when the body is one event. */
function batchOf(body: Record<string, unknown>): unknown[] | undefined {
  if (!('events' in body)) {
    return undefined;
  }

  const { events } = body;
  if (!Array.isArray(events) || events.length === 0) {
    throw new HeraldError(
      'HERALD_CONNECTOR_MALFORMED_EVENT',
      'events must be a non-empty array of change events',
      { field: 'events' },
    );
  }
  if (events.length > MAX_EVENTS) {
    throw new HeraldError(
      'HERALD_CONNECTOR_MALFORMED_EVENT',
      `at most ${MAX_EVENTS} events per request`,
      { field: 'events', count: events.length },
    );
  }

  const recordIds = events.reduce<number>(
    (sum, event) => sum + countRecordIds(event),
    0,
  );
  if (recordIds > MAX_RECORD_IDS_PER_REQUEST) {
    throw new HeraldError(
      'HERALD_CONNECTOR_MALFORMED_EVENT',
      `at most ${MAX_RECORD_IDS_PER_REQUEST} record ids per request`,
      { field: 'events', recordIds },
    );
  }

  return events;
}
