/**
 * What a Flow may refer to: object types with their typed fields, the
 * Customer's fields, and the Template library. The server loads it from
 * Postgres; the builder fetches it over the API. Both hand it to the engine.
 */
import { z } from 'zod';

/** Field types a Record may carry. */
export const fieldTypes = [
  'text',
  'number',
  'money',
  'boolean',
  'date',
  'datetime',
  'picklist',
] as const;
export type FieldType = (typeof fieldTypes)[number];

export const fieldDefSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'letters, digits and _'),
    type: z.enum(fieldTypes),
    label: z.string().max(200).optional(),
    /** Allowed values of a picklist, in display order. */
    values: z.array(z.string().min(1).max(200)).max(500).optional(),
    /** ISO 4217 code a bare number in a money field is taken in. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  })
  .strict();
export type FieldDef = z.infer<typeof fieldDefSchema>;

export const objectTypeDefSchema = z
  .object({
    name: z.string().regex(/^[A-Z][A-Za-z0-9_]{0,63}$/, 'starts upper-case'),
    label: z.string().max(200).optional(),
    fields: z.array(fieldDefSchema).max(500),
    /** The field holding the Customer's external id, for connectors. */
    customerField: z.string().max(64).optional(),
  })
  .strict();
export type ObjectTypeDef = z.infer<typeof objectTypeDefSchema>;

/**
 * A money value as stored on a Record. A bare number sent for a money field
 * is stored as `{ amount, currency }` with the field's currency.
 */
export interface Money {
  amount: number;
  currency: string;
}

/** The Customer fields a Condition or Template may read. */
export const customerFields: FieldDef[] = [
  { name: 'id', type: 'text' },
  { name: 'firstName', type: 'text' },
  { name: 'lastName', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'phone', type: 'text' },
  {
    name: 'preferredChannel',
    type: 'picklist',
    values: ['sms', 'whatsapp', 'messenger'],
  },
  {
    name: 'tier',
    type: 'picklist',
    values: ['Standard', 'Gold', 'VIP', 'Platinum'],
  },
  { name: 'region', type: 'text' },
  { name: 'country', type: 'text' },
  { name: 'timeZone', type: 'text' },
  { name: 'locale', type: 'text' },
];

/** A Template from the library, as the engine needs it. */
export interface TemplateDef {
  id: string;
  name: string;
  /** The default body, used when no variant fits the Customer's locale. */
  body: string;
  /**
   * Bodies per locale, keyed by a locale (`de-AT`) or a language (`de`);
   * see `selectTemplateVariant`. Optional; none means `body` for everyone.
   */
  variants?: Record<string, string>;
}

/** Everything a Flow is checked against when it is validated or compiled. */
export interface Catalog {
  objectTypes: ObjectTypeDef[];
  templates: TemplateDef[];
}
