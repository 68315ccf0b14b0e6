/**
 * Translating one Salesforce change event into Herald record changes, one
 * per record id, without touching the database. The rules:
 *
 * - CREATE and UNDELETE set every field the body carries; UNDELETE is an
 *   upsert, since Herald keeps no deleted snapshot to restore from.
 * - UPDATE sets the fields named in `changedFields` and clears those in
 *   `nulledFields`; a header without them falls back to the body (every
 *   field of a sparse body, the non-null ones of a full body).
 * - DELETE deletes each record.
 * - GAP_* events, and events whose record ids hold a wildcard (`001*`),
 *   name records without values: they are recorded, never guessed at.
 * - A compound field (`Name`, `BillingAddress`) is flattened into its
 *   components, `Name.FirstName`; the mapping names fields in that form.
 * - A source field becomes the Herald field its mapping names; unmapped,
 *   the object type's field of its default name (`defaultFieldNames`) when
 *   the mapping keeps unmapped fields; otherwise it is dropped and reported
 *   in `ignoredFields`, unless the mapping drops it on purpose (null).
 *
 * Limitation: a field sent as a diff (`diffFields`, large text) is not
 * patched into the stored value; it is reported in `ignoredFields`.
 */
import type { FieldDef, ObjectTypeDef } from '@herald/engine';
import { HeraldError } from '../errors.js';
import type { RecordChangeInput } from '../services/record-service.js';
import { epochMillisToIso } from './epoch-time.js';
import type { CdcEvent } from './salesforce-cdc-event.js';
import {
  defaultFieldNames,
  type CdcMapping,
} from './salesforce-cdc-mapping.js';

/** The `source` Herald records on Changes from this connector. */
export const CDC_SOURCE = 'salesforce-cdc';

/** What one event becomes. */
export type CdcTranslation =
  | {
      outcome: 'changes';
      changes: RecordChangeInput[];
      /** Source fields carrying a change that no Herald field received. */
      ignoredFields: string[];
    }
  | { outcome: 'recorded'; reason: 'gap' | 'wildcard' };

const heraldRecordId = /^[\w.:@+-]{1,128}$/;

/** Translates a parsed event with the entity's mapping and object type. */
export function translateCdcEvent(
  event: CdcEvent,
  mapping: CdcMapping,
  type: ObjectTypeDef,
): CdcTranslation {
  const { header } = event;
  if (header.changeType.startsWith('GAP_')) {
    return { outcome: 'recorded', reason: 'gap' };
  }
  if (header.recordIds.some((id) => id.includes('*'))) {
    return { outcome: 'recorded', reason: 'wildcard' };
  }

  const recordIds = checkRecordIds(header.recordIds);
  const meta = changeMeta(event);
  if (header.changeType === 'DELETE') {
    const changes = recordIds.map((recordId) => ({
      objectType: type.name,
      recordId,
      delete: true,
      ...meta,
    }));
    return { outcome: 'changes', changes, ignoredFields: [] };
  }

  const { values, diffed } = changedValues(event);
  const mapped = mapFields(values, mapping, type, header.changeType);
  const customerId = customerOf(event, mapping, type, mapped.fields);
  const changes = recordIds.map((recordId) => ({
    objectType: type.name,
    recordId,
    ...(customerId !== undefined ? { customerId } : {}),
    fields: { ...mapped.fields },
    ...meta,
  }));
  return {
    outcome: 'changes',
    changes,
    ignoredFields: [...mapped.ignored, ...diffed].sort(),
  };
}

/** Flattens compound fields: `{ Name: { FirstName } }` → `Name.FirstName`. */
export function flattenBody(
  body: Record<string, unknown>,
): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [name, value] of Object.entries(body)) {
    if (!isCompound(value)) {
      flat.set(name, value);
      continue;
    }

    for (const [component, inner] of Object.entries(value)) {
      flat.set(`${name}.${component}`, inner);
    }
  }

  return flat;
}

function checkRecordIds(ids: string[]): string[] {
  if (ids.length === 0) {
    throw new HeraldError(
      'HERALD_CONNECTOR_MALFORMED_EVENT',
      'ChangeEventHeader.recordIds is empty',
      { field: 'ChangeEventHeader.recordIds' },
    );
  }

  const bad = ids.find((id) => !heraldRecordId.test(id));
  if (bad !== undefined) {
    throw new HeraldError(
      'HERALD_CONNECTOR_MALFORMED_EVENT',
      `ChangeEventHeader.recordIds: ${JSON.stringify(bad)} is not a record id`,
      { field: 'ChangeEventHeader.recordIds', recordId: bad },
    );
  }

  return [...new Set(ids)];
}

/** Source, reference and time every Change of the event carries. */
function changeMeta(event: CdcEvent) {
  const { transactionKey, sequenceNumber, commitTimestamp } = event.header;
  const sourceRef =
    transactionKey !== undefined
      ? `${transactionKey}:${sequenceNumber ?? 0}`
      : event.replayId;
  return {
    source: CDC_SOURCE,
    ...(sourceRef !== undefined ? { sourceRef } : {}),
    ...(commitTimestamp !== undefined
      ? { occurredAt: epochMillisToIso(commitTimestamp) }
      : {}),
  };
}

/** The source fields the event changes, with their new values. */
function changedValues(event: CdcEvent) {
  const flat = flattenBody(event.body);
  const { nulledFields, diffFields } = event.header;
  const diffed = new Set(expandAll(diffFields ?? [], flat));
  const nulled = new Set(expandAll(nulledFields ?? [], flat));
  const values = new Map<string, unknown>();
  for (const path of new Set([...changedPaths(event, flat), ...nulled])) {
    if (!diffed.has(path)) {
      values.set(path, nulled.has(path) ? null : (flat.get(path) ?? null));
    }
  }

  return { values, diffed: [...diffed] };
}

/** Paths the event sets; nulled paths are added by the caller. */
function changedPaths(event: CdcEvent, flat: Map<string, unknown>) {
  const { changeType, changedFields } = event.header;
  if (changeType === 'UPDATE' && changedFields && changedFields.length > 0) {
    return changedFields.flatMap((name) => expand(name, flat));
  }

  const every = changeType !== 'UPDATE' || event.bodyKind === 'sparse';
  return [...flat]
    .filter(([, value]) => every || value !== null)
    .map(([path]) => path);
}

/** The flattened paths a header field name stands for. */
function expand(name: string, flat: Map<string, unknown>): string[] {
  if (flat.has(name)) {
    return [name];
  }

  return [...flat.keys()].filter((path) => path.startsWith(`${name}.`));
}

function expandAll(names: string[], flat: Map<string, unknown>): string[] {
  return names.flatMap((name) => {
    const paths = expand(name, flat);
    return paths.length > 0 ? paths : [name];
  });
}

/** Source paths → Herald fields, with the paths no field received. */
function mapFields(
  values: Map<string, unknown>,
  mapping: CdcMapping,
  type: ObjectTypeDef,
  changeType: string,
) {
  const defs = new Map(type.fields.map((field) => [field.name, field]));
  const fields: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [path, value] of values) {
    const target = targetOf(path, mapping, defs);
    if (target === null) {
      continue;
    }
    if (target === undefined) {
      if (value !== null || changeType === 'UPDATE') {
        ignored.push(path);
      }
      continue;
    }

    fields[target.name] = coerceValue(target, value);
  }

  return { fields, ignored };
}

/** The Herald field for a source path; null when dropped on purpose. */
function targetOf(
  path: string,
  mapping: CdcMapping,
  defs: Map<string, FieldDef>,
): FieldDef | null | undefined {
  if (Object.hasOwn(mapping.fields, path)) {
    const name = mapping.fields[path];
    return name === null ? null : defs.get(name);
  }
  if (mapping.unmappedFields === 'ignore') {
    return undefined;
  }

  const name = defaultFieldNames(path).find((candidate) => defs.has(candidate));
  return name === undefined ? undefined : defs.get(name);
}

/**
 * Brings Pub/Sub values to what Herald's fields take: Salesforce sends
 * date-times as epoch milliseconds there, and dates as epoch days (the
 * Avro `date` type) or milliseconds. A number outside the years
 * 0001–9999 is left as it is, so the field type check refuses it. Everything
 * else passes as it is and is checked when the Change is applied.
 */
export function coerceValue(def: FieldDef, value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return value;
  }

  if (def.type === 'datetime') {
    return epochMillisToIso(value) ?? value;
  }
  if (def.type === 'date') {
    const millis = Math.abs(value) < 1_000_000 ? value * 86_400_000 : value;
    return epochMillisToIso(millis)?.slice(0, 10) ?? value;
  }
  if (def.type === 'text') {
    return String(value);
  }

  return value;
}

/**
 * The Customer's external id: the mapping's customer source field, else
 * the object type's customer field after mapping. Undefined when the
 * event does not carry it, as most updates do: the stored owner stays.
 */
function customerOf(
  event: CdcEvent,
  mapping: CdcMapping,
  type: ObjectTypeDef,
  fields: Record<string, unknown>,
): string | undefined {
  const value = mapping.customerField
    ? flattenBody(event.body).get(mapping.customerField)
    : type.customerField
      ? fields[type.customerField]
      : undefined;
  if (typeof value === 'string' && value !== '') {
    return value;
  }

  return typeof value === 'number' ? String(value) : undefined;
}

function isCompound(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
