/**
 * Which object type the library editor previews a Template with: the one
 * whose fields the Template's record merge fields name (so an Invoice
 * Template opens with an Invoice, not a missing value), then the object
 * type of the first Flow using it, then one named like its category, then
 * the first object type.
 */
import type { ObjectTypeDef } from '@herald/engine';

/** The parts of a Template the choice reads. */
export interface PreviewedTemplate {
  body: string;
  variants?: Record<string, string>;
  category?: string | null;
}

/** The object type name to preview with; '' when there are none. */
export function previewObjectType(
  template: PreviewedTemplate | null,
  objectTypes: ObjectTypeDef[],
  /** Trigger object types of the Flows using the Template, in order. */
  usedBy: string[] = [],
): string {
  if (objectTypes.length === 0) {
    return '';
  }
  if (!template) {
    return objectTypes[0].name;
  }

  const candidates = bestCoverage(recordFieldsOf(template), objectTypes);
  const byFlow = usedBy.find((name) =>
    candidates.some((type) => type.name === name),
  );
  const byCategory = candidates.find((type) =>
    namedLike(type, template.category ?? ''),
  );
  return byFlow ?? byCategory?.name ?? candidates[0].name;
}

// `record.x` and `prior.x` in the body and every variant.
function recordFieldsOf(template: PreviewedTemplate): Set<string> {
  const texts = [template.body, ...Object.values(template.variants ?? {})];
  const fields = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/\b(?:record|prior)\.(\w+)/g)) {
      fields.add(match[1]);
    }
  }

  return fields;
}

// The object types that have the most of the fields; all when none has any.
function bestCoverage(
  fields: Set<string>,
  objectTypes: ObjectTypeDef[],
): ObjectTypeDef[] {
  const covered = (type: ObjectTypeDef) =>
    type.fields.filter((field) => fields.has(field.name)).length;
  const best = Math.max(...objectTypes.map(covered));
  return objectTypes.filter((type) => covered(type) === best);
}

// "Orders" and "Order", "Invoices" and "Invoice" name the same thing.
function namedLike(type: ObjectTypeDef, category: string): boolean {
  const singular = category.trim().toLowerCase().replace(/s$/, '');
  const names = [type.name, type.label ?? ''].map((name) => name.toLowerCase());
  return singular !== '' && names.includes(singular);
}
