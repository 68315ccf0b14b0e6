/**
 * ISO 4217 currency codes, as the runtime's ICU data knows them.
 */

/** Codes of the currencies in use, e.g. EUR, USD, JPY. */
const currencyCodes = new Set(Intl.supportedValuesOf('currency'));

/** Whether `code` is an ISO 4217 code of a currency in use. */
export function isCurrencyCode(code: string): boolean {
  return currencyCodes.has(code);
}
