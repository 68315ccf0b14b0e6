/**
 * Record field values as the simulator's text boxes show them, and back:
 * text stays text, numbers and money are typed as plain numbers, other
 * values are shown as JSON. An empty box means the field is absent.
 */
import type { FieldDef } from '@herald/engine';

/** A field value as editable text. */
export function toFieldText(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }

  if (typeof value === 'string') {
    return value;
  }

  if (isMoney(value)) {
    return String(value.amount);
  }

  return JSON.stringify(value);
}

/**
 * The value typed for `field`; undefined for an empty box. A money field
 * typed as a number takes the field's currency (USD when it has none).
 */
export function fromFieldText(
  text: string,
  field: FieldDef | undefined,
): unknown {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }

  if (field?.type === 'number' && Number.isFinite(Number(trimmed))) {
    return Number(trimmed);
  }

  if (field?.type === 'money' && Number.isFinite(Number(trimmed))) {
    return { amount: Number(trimmed), currency: field.currency ?? 'USD' };
  }

  if (
    field?.type === 'boolean' &&
    (trimmed === 'true' || trimmed === 'false')
  ) {
    return trimmed === 'true';
  }

  if (!field || field.type === 'text' || field.type === 'picklist') {
    return text;
  }

  return parseJsonOr(trimmed);
}

/** Field values from text boxes, without the empty ones. */
export function fieldsFromText(
  texts: Record<string, string>,
  fields: FieldDef[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(texts)) {
    const field = fields.find((candidate) => candidate.name === name);
    const value = fromFieldText(text, field);
    if (value !== undefined) {
      values[name] = value;
    }
  }

  return values;
}

/** Text boxes for every field of `fields` and `record`. */
export function fieldsToText(
  record: Record<string, unknown>,
  fields: FieldDef[],
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const field of fields) {
    texts[field.name] = toFieldText(record[field.name]);
  }

  for (const [name, value] of Object.entries(record)) {
    texts[name] = toFieldText(value);
  }

  return texts;
}

function isMoney(value: unknown): value is { amount: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { amount?: unknown }).amount === 'number' &&
    typeof (value as { currency?: unknown }).currency === 'string'
  );
}

// Dates and datetimes are ISO text; anything else that is not JSON stays
// text, so a half-typed value never throws.
function parseJsonOr(text: string): unknown {
  if (
    !/^[[{"\d-]|^true$|^false$|^null$/.test(text) ||
    /^\d{4}-\d\d/.test(text)
  ) {
    return text;
  }

  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
