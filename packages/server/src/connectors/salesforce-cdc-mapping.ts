/**
 * How one Salesforce entity maps onto a Herald object type. A source field
 * is named as Salesforce names it in the change event; a component of a
 * compound field (Name, an Address) as `Compound.Component`, the same form
 * Salesforce uses in `changedFields`.
 */
import { z } from 'zod';

/** Salesforce API names: `Order`, `Shipment__c`, `ns__Thing__c`. */
export const entityNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, 'a Salesforce object API name');

const sourceFieldSchema = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]{0,79}(\.[A-Za-z][A-Za-z0-9_]{0,79})?$/,
    'a field API name, or Compound.Component',
  );

/** What `PUT /api/connectors/salesforce-cdc/mappings/:entity` takes. */
export const cdcMappingInputSchema = z
  .object({
    /** The Herald object type the entity's records become. */
    objectType: z.string().min(1).max(64),
    /**
     * Source field → Herald field. A null target drops the source field
     * without reporting it. Default: no explicit mappings.
     */
    fields: z
      .record(sourceFieldSchema, z.string().min(1).max(64).nullable())
      .default({}),
    /**
     * The source field whose value is the Customer's external id. Default:
     * the object type's `customerField`, read after mapping.
     */
    customerField: sourceFieldSchema.optional(),
    /**
     * What to do with a source field that has no mapping: `keep` it when the
     * object type has a field of its default name (see
     * `defaultFieldNames`), or `ignore` it. Default `keep`.
     */
    unmappedFields: z.enum(['keep', 'ignore']).default('keep'),
  })
  .strict();
export type CdcMappingInput = z.infer<typeof cdcMappingInputSchema>;

/** A stored mapping: the input with the entity it belongs to. */
export interface CdcMapping extends CdcMappingInput {
  entity: string;
}

/**
 * Herald field names tried, in order, for an unmapped source field: the
 * source path without its dot (`BillingAddress.City` →
 * `BillingAddressCity`), then the same with a lower-case first letter
 * (`billingAddressCity`), so Salesforce's `Status` lands on `status`.
 */
export function defaultFieldNames(sourcePath: string): string[] {
  const joined = sourcePath.replace('.', '');
  const lowered = joined.charAt(0).toLowerCase() + joined.slice(1);
  return joined === lowered ? [joined] : [joined, lowered];
}
