/**
 * Epoch milliseconds as ISO instants, within the years an ISO 8601
 * date-time writes with four digits (0001–9999). Outside that range a
 * value is not a real moment of a Salesforce record, and `Date` would
 * either throw or write a six-digit year no field accepts.
 */

/** The first millisecond of the year 1. */
export const MIN_EPOCH_MILLIS = -62_135_596_800_000;

/** The last millisecond of the year 9999. */
export const MAX_EPOCH_MILLIS = 253_402_300_799_999;

/** The ISO instant of `millis`, or undefined when it is out of range. */
export function epochMillisToIso(millis: number): string | undefined {
  if (
    !Number.isFinite(millis) ||
    millis < MIN_EPOCH_MILLIS ||
    millis > MAX_EPOCH_MILLIS
  ) {
    return undefined;
  }

  return new Date(millis).toISOString();
}
