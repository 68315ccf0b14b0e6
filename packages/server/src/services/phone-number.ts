/**
 * Phone numbers in E.164, read with the Customer's country as the
 * default region (libphonenumber's full metadata).
 */
import {
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';

/** The E.164 form of `raw`, or null when it is not a valid number. */
export function toE164(raw: string, country: string | null): string | null {
  const parsed = parsePhoneNumberFromString(
    raw.trim(),
    (country ?? undefined) as CountryCode | undefined,
  );
  if (!parsed || !parsed.isValid()) {
    return null;
  }

  return parsed.number;
}
