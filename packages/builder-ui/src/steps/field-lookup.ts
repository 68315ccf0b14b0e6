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

/**
 * A field's display name: its label, else its name in words, the first
 * capitalised (`trackingNumber` → "Tracking number", `smsID` → "Sms ID").
 */
export function fieldLabel(field: FieldDef | undefined, path: string): string {
  if (field?.label) {
    return field.label;
  }

  const words = splitName(field?.name ?? path);
  const sentence = words.map((word, index) =>
    index === 0 || isAcronym(word) ? word : word.toLowerCase(),
  );
  const text = sentence.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A field's display name inside a sentence ("Previous tracking number"):
 * the first letter lowered unless the first word is an acronym.
 */
export function fieldLabelInSentence(
  field: FieldDef | undefined,
  path: string,
): string {
  const label = fieldLabel(field, path);
  const [first = ''] = label.split(' ');
  return isAcronym(first)
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);
}

// Splits camelCase, PascalCase, snake_case and dotted names into words,
// keeping runs of capitals ("PSID", "URL") whole.
function splitName(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter((word) => word !== '');
}

function isAcronym(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word);
}
