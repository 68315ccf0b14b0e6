/**
 * The Salesforce Change Data Capture connector: its entity mappings, and
 * turning received change events into Changes. Each record id of an event
 * is applied on its own (one transaction each) and answered on its own;
 * gap events are recorded for an operator and touch no record.
 */
import type { ObjectTypeDef } from '@herald/engine';
import type { Logger } from 'pino';
import {
  parseCdcEvent,
  type CdcEvent,
} from '../connectors/salesforce-cdc-event.js';
import type {
  CdcMapping,
  CdcMappingInput,
} from '../connectors/salesforce-cdc-mapping.js';
import { epochMillisToIso } from '../connectors/epoch-time.js';
import {
  translateCdcEvent,
  type CdcTranslation,
} from '../connectors/salesforce-cdc-translator.js';
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import {
  findConnectorMapping,
  insertConnectorEvent,
  listConnectorMappings,
  saveConnectorMapping,
  type ConnectorMapping,
} from '../repositories/connector-repository.js';
import { findObjectType } from '../repositories/object-type-repository.js';
import { settle } from './batch-outcome.js';
import {
  applyRecordChange,
  type ChangeOutcome,
  type RecordChangeInput,
} from './record-service.js';

/** The connector's name in mappings, recorded events and Change sources. */
export const SALESFORCE_CDC = 'salesforce-cdc';

/** One record id's answer within an event. */
export type CdcRecordOutcome =
  | ({ recordId: string; ok: true } & ChangeOutcome)
  | {
      recordId: string;
      ok: false;
      error: { code: string; message: string; details: unknown };
    };

/** What one received event did. */
export type CdcEventOutcome =
  | {
      outcome: 'applied';
      entity: string;
      changeType: string;
      objectType: string;
      records: CdcRecordOutcome[];
      ignoredFields: string[];
    }
  | {
      outcome: 'recorded';
      entity: string;
      changeType: string;
      reason: 'gap' | 'wildcard';
      recordIds: string[];
      connectorEventId: string;
    };

/** What one event would become, without applying it. */
export type CdcTranslationView = {
  entity: string;
  changeType: string;
} & CdcTranslation;

/** Saves the mapping of `entity` after checking it against the object type. */
export async function saveCdcMapping(
  db: Db,
  entity: string,
  input: CdcMappingInput,
): Promise<ConnectorMapping> {
  const type = await requireObjectType(db, input.objectType);
  checkMappingTargets(type, input);

  await saveConnectorMapping(db, SALESFORCE_CDC, { entity, ...input });
  const saved = await findConnectorMapping(db, SALESFORCE_CDC, entity);
  return saved!;
}

/** Every Salesforce entity mapping. */
export async function listCdcMappings(db: Db): Promise<ConnectorMapping[]> {
  return listConnectorMappings(db, SALESFORCE_CDC);
}

/** Receives one raw event; throws a HeraldError when the event is refused. */
export async function receiveCdcEvent(
  db: Db,
  raw: unknown,
  log: Logger,
): Promise<CdcEventOutcome> {
  const { event, translation, type } = await translateRaw(db, raw);
  const { entityName: entity, changeType, recordIds } = event.header;
  if (translation.outcome === 'recorded') {
    const connectorEventId = await recordEvent(db, event);
    log.warn(
      { entity, changeType, recordIds, connectorEventId },
      'connector event recorded, not applied',
    );
    return {
      outcome: 'recorded',
      entity,
      changeType,
      reason: translation.reason,
      recordIds,
      connectorEventId,
    };
  }

  const { changes } = translation;
  const settled = await settle(changes, (change) => applyOne(db, change), log);
  const records: CdcRecordOutcome[] = settled.map((outcome, index) => ({
    recordId: changes[index].recordId,
    ...outcome,
  }));

  log.info(
    {
      entity,
      changeType,
      changeIds: records.map((item) => (item.ok ? item.changeId : null)),
    },
    'connector event applied',
  );
  return {
    outcome: 'applied',
    entity,
    changeType,
    objectType: type.name,
    records,
    ignoredFields: translation.ignoredFields,
  };
}

/** Translates one raw event the way `receiveCdcEvent` would. */
export async function previewCdcEvent(
  db: Db,
  raw: unknown,
): Promise<CdcTranslationView> {
  const { event, translation } = await translateRaw(db, raw);
  return {
    entity: event.header.entityName,
    changeType: event.header.changeType,
    ...translation,
  };
}

async function translateRaw(db: Db, raw: unknown) {
  const event = parseCdcEvent(raw);
  const entity = event.header.entityName;
  const stored = await findConnectorMapping(db, SALESFORCE_CDC, entity);
  if (!stored) {
    throw new HeraldError(
      'HERALD_CONNECTOR_UNKNOWN_ENTITY',
      `no mapping for Salesforce entity ${entity}`,
      { entity, field: 'ChangeEventHeader.entityName' },
    );
  }

  const type = await requireObjectType(db, stored.objectType);
  const mapping: CdcMapping = stored;
  return { event, translation: translateCdcEvent(event, mapping, type), type };
}

/** Applies one record's Change; a delete seen twice changes nothing. */
async function applyOne(
  db: Db,
  change: RecordChangeInput,
): Promise<ChangeOutcome> {
  try {
    return await applyRecordChange(db, change);
  } catch (error) {
    // Salesforce delivers at least once: a delete seen twice is not an error.
    const gone =
      error instanceof HeraldError && error.code === 'HERALD_NOT_FOUND';
    if (!change.delete || !gone) {
      throw error;
    }

    return { changeId: null, kind: 'delete', changedFields: [] };
  }
}

async function recordEvent(db: Db, event: CdcEvent): Promise<string> {
  const { header } = event;
  return insertConnectorEvent(db, {
    connector: SALESFORCE_CDC,
    entity: header.entityName,
    changeType: header.changeType,
    recordIds: header.recordIds,
    commitTimestamp:
      header.commitTimestamp !== undefined
        ? (epochMillisToIso(header.commitTimestamp) ?? null)
        : null,
    replayId: event.replayId ?? null,
    header,
  });
}

async function requireObjectType(db: Db, name: string) {
  const type = await findObjectType(db, name);
  if (!type) {
    throw new HeraldError(
      'HERALD_UNKNOWN_OBJECT_TYPE',
      `object type ${name} is not defined`,
      { objectType: name, field: 'objectType' },
    );
  }

  return type;
}

/** Every target must be a field of the type, and receive one source only. */
function checkMappingTargets(type: ObjectTypeDef, input: CdcMappingInput) {
  const names = new Set(type.fields.map((field) => field.name));
  const targets = Object.values(input.fields).filter(
    (target): target is string => target !== null,
  );
  const unknown = targets.filter((target) => !names.has(target));
  if (unknown.length > 0) {
    throw new HeraldError(
      'HERALD_UNKNOWN_FIELD',
      `${type.name} has no field ${unknown.join(', ')}`,
      { objectType: type.name, fields: unknown, field: 'fields' },
    );
  }

  const repeated = targets.filter((target, i) => targets.indexOf(target) !== i);
  if (repeated.length > 0) {
    throw new HeraldError(
      'HERALD_BAD_REQUEST',
      `several source fields map to ${repeated.join(', ')}`,
      { fields: [...new Set(repeated)], field: 'fields' },
    );
  }
}
