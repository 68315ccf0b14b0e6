/**
 * A made-up Record of an object type, for previews when no real Record is
 * chosen: each field gets a plausible value of its type.
 */
import type { FieldDef, ObjectTypeDef } from '@herald/engine';

/** A sample value for every field of `objectType`. */
export function sampleRecord(
  objectType: ObjectTypeDef | undefined,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of objectType?.fields ?? []) {
    record[field.name] = sampleValue(field);
  }

  return record;
}

function sampleValue(field: FieldDef): unknown {
  switch (field.type) {
    case 'picklist':
      return field.values?.[0] ?? 'Value';
    case 'number':
      return 42;
    case 'money':
      return { amount: 199.5, currency: field.currency ?? 'USD' };
    case 'boolean':
      return true;
    case 'date':
      return '2026-06-01';
    case 'datetime':
      return '2026-06-01T09:30:00.000Z';
    case 'text':
      return `Sample ${field.label ?? field.name}`;
  }
}
