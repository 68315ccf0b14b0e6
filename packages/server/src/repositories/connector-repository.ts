/**
 * Connector mappings and the source events connectors recorded instead of
 * applying (see migrations/0002_connector_events.sql).
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Db } from '../db/database.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ConnectorMappingsTable {
  connector: string;
  entity: string;
  object_type: string;
  fields: JSONColumnType<Record<string, string | null>, string, string>;
  customer_field: string | null;
  unmapped_fields: 'keep' | 'ignore';
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ConnectorEventsTable {
  id: ColumnType<string, never, never>;
  connector: string;
  entity: string;
  change_type: string;
  record_ids: string[];
  commit_timestamp: Date | string | null;
  replay_id: string | null;
  header: JSONColumnType<Record<string, unknown>, string, string>;
  received_at: Generated<Date>;
}

/** The connector tables, added to the shared schema for these queries. */
export type ConnectorTables = {
  connector_mappings: ConnectorMappingsTable;
  connector_events: ConnectorEventsTable;
};

/** A connector's mapping of one source entity. */
export interface ConnectorMapping {
  entity: string;
  objectType: string;
  fields: Record<string, string | null>;
  customerField?: string;
  unmappedFields: 'keep' | 'ignore';
  updatedAt: Date;
}

/** A source event kept without being applied. */
export interface NewConnectorEvent {
  connector: string;
  entity: string;
  changeType: string;
  recordIds: string[];
  commitTimestamp: string | null;
  replayId: string | null;
  header: Record<string, unknown>;
}

function connectorDb(db: Db) {
  return db.withTables<ConnectorTables>();
}

/** Inserts or replaces the mapping of `mapping.entity`. */
export async function saveConnectorMapping(
  db: Db,
  connector: string,
  mapping: Omit<ConnectorMapping, 'updatedAt'>,
) {
  const now = new Date();
  const values = {
    object_type: mapping.objectType,
    fields: JSON.stringify(mapping.fields),
    customer_field: mapping.customerField ?? null,
    unmapped_fields: mapping.unmappedFields,
    updated_at: now,
  };
  await connectorDb(db)
    .insertInto('connector_mappings')
    .values({ connector, entity: mapping.entity, ...values })
    .onConflict((conflict) =>
      conflict.columns(['connector', 'entity']).doUpdateSet(values),
    )
    .execute();
}

/** One entity's mapping, or undefined. */
export async function findConnectorMapping(
  db: Db,
  connector: string,
  entity: string,
): Promise<ConnectorMapping | undefined> {
  const row = await connectorDb(db)
    .selectFrom('connector_mappings')
    .selectAll()
    .where('connector', '=', connector)
    .where('entity', '=', entity)
    .executeTakeFirst();
  return row ? toMapping(row) : undefined;
}

/** Every mapping of a connector, by entity. */
export async function listConnectorMappings(
  db: Db,
  connector: string,
): Promise<ConnectorMapping[]> {
  const rows = await connectorDb(db)
    .selectFrom('connector_mappings')
    .selectAll()
    .where('connector', '=', connector)
    .orderBy('entity')
    .execute();
  return rows.map(toMapping);
}

/** Keeps a source event that was recorded, not applied; returns its id. */
export async function insertConnectorEvent(
  db: Db,
  event: NewConnectorEvent,
): Promise<string> {
  const row = await connectorDb(db)
    .insertInto('connector_events')
    .values({
      connector: event.connector,
      entity: event.entity,
      change_type: event.changeType,
      record_ids: event.recordIds,
      commit_timestamp: event.commitTimestamp,
      replay_id: event.replayId,
      header: JSON.stringify(event.header),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Recorded events of a connector, newest first. */
export async function listConnectorEvents(
  db: Db,
  connector: string,
  filter: { limit: number; entity?: string },
) {
  let query = connectorDb(db)
    .selectFrom('connector_events')
    .selectAll()
    .where('connector', '=', connector);
  if (filter.entity) {
    query = query.where('entity', '=', filter.entity);
  }

  return query
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

function toMapping(row: {
  entity: string;
  object_type: string;
  fields: Record<string, string | null>;
  customer_field: string | null;
  unmapped_fields: 'keep' | 'ignore';
  updated_at: Date;
}): ConnectorMapping {
  return {
    entity: row.entity,
    objectType: row.object_type,
    fields: row.fields,
    ...(row.customer_field ? { customerField: row.customer_field } : {}),
    unmappedFields: row.unmapped_fields,
    updatedAt: row.updated_at,
  };
}
