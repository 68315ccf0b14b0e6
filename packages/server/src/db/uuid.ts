/**
 * Ids of `uuid` columns. Postgres refuses a comparison of a uuid column
 * with text that is no uuid, so a lookup by a caller's id checks it first
 * and finds nothing instead of failing.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` is a UUID, so lookups never hand Postgres bad input. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
