/**
 * Whether two values of one field type are the same value: the test behind
 * equal, in, and the change operators (changed, changedFrom, changedTo).
 */
import type { FieldType } from './catalog.js';
import {
  currencyOf,
  isBlank,
  parseTemporal,
  toBoolean,
  toNumber,
  toText,
} from './field-value.js';
import { dayOfInstant } from './time-zone.js';

/** How equality reads text and calendar days. */
export interface EqualityOptions {
  ignoreCase: boolean;
  /** Time zone a datetime is read in when compared with a calendar day. */
  timeZone: string;
}

/**
 * Compares two values as `type` reads them. Two blanks are the same value;
 * a blank and a non-blank never are.
 */
export function sameValue(
  type: FieldType,
  left: unknown,
  right: unknown,
  options: EqualityOptions,
): boolean {
  const leftBlank = isBlank(left);
  const rightBlank = isBlank(right);
  if (leftBlank || rightBlank) return leftBlank && rightBlank;

  switch (type) {
    case 'number':
      return toNumber(left) !== undefined && toNumber(left) === toNumber(right);
    case 'money':
      return sameMoney(left, right);
    case 'boolean':
      return (
        toBoolean(left) !== undefined && toBoolean(left) === toBoolean(right)
      );
    case 'date':
    case 'datetime':
      return sameMoment(left, right, options.timeZone);
    default:
      return sameText(left, right, options.ignoreCase);
  }
}

/** Text equality, optionally without case. */
export function sameText(
  left: unknown,
  right: unknown,
  ignoreCase: boolean,
): boolean {
  return (
    foldCase(toText(left), ignoreCase) === foldCase(toText(right), ignoreCase)
  );
}

/** Lower-cases text when `ignoreCase` is set. */
export function foldCase(text: string, ignoreCase: boolean): string {
  return ignoreCase ? text.toLowerCase() : text;
}

/**
 * True unless both values name a currency and the currencies differ.
 * Limitation: amounts in different currencies are never converted.
 */
export function currenciesAgree(left: unknown, right: unknown): boolean {
  const leftCurrency = currencyOf(left);
  const rightCurrency = currencyOf(right);
  if (leftCurrency === undefined || rightCurrency === undefined) return true;

  return leftCurrency === rightCurrency;
}

function sameMoney(left: unknown, right: unknown): boolean {
  const amount = toNumber(left);
  if (amount === undefined || amount !== toNumber(right)) return false;

  return currenciesAgree(left, right);
}

function sameMoment(left: unknown, right: unknown, timeZone: string): boolean {
  const a = parseTemporal(left);
  const b = parseTemporal(right);
  if (!a || !b) return false;

  if (a.kind === 'instant' && b.kind === 'instant') return a.ms === b.ms;

  const dayA = a.kind === 'day' ? a.day : dayOfInstant(a.ms, timeZone);
  const dayB = b.kind === 'day' ? b.day : dayOfInstant(b.ms, timeZone);
  return dayA === dayB;
}
