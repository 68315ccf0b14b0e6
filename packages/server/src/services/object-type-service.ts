/**
 * Defining and extending object types. Extending keeps existing fields:
 * a field may gain a label, picklist values or a currency, never change
 * its type, so stored Records and published Flows stay meaningful.
 */
import type { FieldDef, ObjectTypeDef } from '@herald/engine';
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import {
  findObjectType,
  lockObjectTypeName,
  saveObjectType,
} from '../repositories/object-type-repository.js';
import { isCurrencyCode } from './currency-code.js';

/** Defines `input.name`, or merges `input`'s fields into the stored one. */
export async function defineObjectType(
  db: Db,
  input: ObjectTypeDef,
): Promise<ObjectTypeDef> {
  checkFields(input);

  return db.transaction().execute(async (trx) => {
    await lockObjectTypeName(trx, input.name);
    const existing = await findObjectType(trx, input.name);
    const merged = existing ? mergeObjectType(existing, input) : input;

    await saveObjectType(trx, merged);
    return merged;
  });
}

/** Refuses a field named twice and a currency that is not ISO 4217. */
function checkFields(input: ObjectTypeDef) {
  const seen = new Set<string>();
  for (const [index, field] of input.fields.entries()) {
    if (seen.has(field.name)) {
      throw new HeraldError(
        'HERALD_BAD_REQUEST',
        `${input.name} names the field ${field.name} twice`,
        { field: `fields.${index}.name`, name: field.name },
      );
    }
    if (field.currency !== undefined && !isCurrencyCode(field.currency)) {
      throw new HeraldError(
        'HERALD_BAD_REQUEST',
        `${input.name}.${field.name}: ${field.currency} is not an ISO 4217 ` +
          'currency code',
        { field: `fields.${index}.currency`, currency: field.currency },
      );
    }

    seen.add(field.name);
  }
}

/** Merges `update` into `existing`; refuses a field changing its type. */
export function mergeObjectType(
  existing: ObjectTypeDef,
  update: ObjectTypeDef,
): ObjectTypeDef {
  const fields = existing.fields.map((field) => ({ ...field }));
  for (const incoming of update.fields) {
    const index = fields.findIndex((field) => field.name === incoming.name);
    if (index === -1) {
      fields.push(incoming);
      continue;
    }

    fields[index] = mergeField(existing.name, fields[index], incoming);
  }

  return {
    name: existing.name,
    label: update.label ?? existing.label,
    fields,
    customerField: update.customerField ?? existing.customerField,
  };
}

function mergeField(type: string, stored: FieldDef, incoming: FieldDef) {
  if (stored.type !== incoming.type) {
    throw new HeraldError(
      'HERALD_OBJECT_TYPE_FIELD_CONFLICT',
      `${type}.${stored.name} is ${stored.type}; it cannot become ` +
        incoming.type,
      { field: stored.name, stored: stored.type, requested: incoming.type },
    );
  }

  const values = [...(stored.values ?? [])];
  for (const value of incoming.values ?? []) {
    if (!values.includes(value)) {
      values.push(value);
    }
  }

  return {
    ...stored,
    ...incoming,
    ...(values.length > 0 ? { values } : {}),
  };
}
