/**
 * Which typed field a fact reference names: `record` and `prior` read the
 * Trigger's object type, `customer` the Customer fields, `change` a few
 * facts about the Change itself, and `now` (with an empty path) the
 * evaluation instant.
 */
import {
  customerFields,
  type FieldDef,
  type ObjectTypeDef,
} from './catalog.js';
import { changeKinds, type FactName } from './flow-model.js';

/** Fields of the `change` fact a Condition may read. */
export const changeFields: FieldDef[] = [
  { name: 'kind', type: 'picklist', values: [...changeKinds] },
  { name: 'objectType', type: 'text' },
  { name: 'recordId', type: 'text' },
];

const nowField: FieldDef = { name: 'now', type: 'datetime' };

/**
 * The field a fact path names, or undefined when there is none. Paths are a
 * single field name; `now` takes the empty path.
 */
export function resolveFactField(
  fact: FactName,
  path: string,
  objectType: ObjectTypeDef | undefined,
): FieldDef | undefined {
  if (fact === 'now') return path === '' ? nowField : undefined;

  const fields = fieldsOfFact(fact, objectType);
  return fields.find((field) => field.name === path);
}

/** The fields a fact carries; empty when the object type is unknown. */
export function fieldsOfFact(
  fact: FactName,
  objectType: ObjectTypeDef | undefined,
): FieldDef[] {
  if (fact === 'customer') return customerFields;

  if (fact === 'change') return changeFields;

  if (fact === 'now') return [nowField];

  return objectType?.fields ?? [];
}
