import { changeFields, customerFields } from '@herald/engine';
import type { FactName, FieldDef, ObjectTypeDef } from '@herald/engine';

const nowField: FieldDef = { name: 'now', type: 'datetime' };

/**
 * The typed field a fact path names: a field of the Trigger's object type
 * for `record` and `prior`, a Customer field, a field of the Change, or the
 * evaluation instant for `now` with an empty path. Undefined when the
 * catalog does not know it.
 */
export function fieldOfFact(
  fact: FactName,
  path: string,
  objectType: ObjectTypeDef | undefined,
): FieldDef | undefined {
  if (fact === 'now') {
    return path === '' ? nowField : undefined;
  }

  const fields =
    fact === 'customer'
      ? customerFields
      : fact === 'change'
        ? changeFields
        : (objectType?.fields ?? []);
  return fields.find((field) => field.name === path);
}

/** A field's display name: its label, else its name with a capital. */
export function fieldLabel(field: FieldDef | undefined, path: string): string {
  if (field?.label) {
    return field.label;
  }

  const name = field?.name ?? path;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
