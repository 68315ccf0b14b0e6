/**
 * Checks the fields of an incoming Record against its object type and
 * brings them to their stored form: money as `{ amount, currency }`, dates
 * as `YYYY-MM-DD`, datetimes as ISO instants. `null` clears a field.
 */
import type { FieldDef, ObjectTypeDef } from '@herald/engine';
import { HeraldError } from '../errors.js';
import { isCalendarDate, isTimeOfDay } from './calendar-time.js';
import { isCurrencyCode } from './currency-code.js';

/** A number as text: decimal notation only, never hex, octal or binary. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** An ISO 8601 date-time with a zone, its parts captured. */
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))$/;

/** Returns the normalised fields, or throws naming every field at fault. */
export function normaliseRecordFields(
  type: ObjectTypeDef,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const defs = new Map(type.fields.map((field) => [field.name, field]));
  const unknown = Object.keys(fields).filter((name) => !defs.has(name));
  if (unknown.length > 0) {
    throw new HeraldError(
      'HERALD_UNKNOWN_FIELD',
      `${type.name} has no field ${unknown.join(', ')}`,
      { objectType: type.name, fields: unknown, field: unknown[0] },
    );
  }

  const normalised: Record<string, unknown> = {};
  const problems: { field: string; message: string }[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const result = normaliseValue(defs.get(name)!, value);
    if ('error' in result) {
      problems.push({ field: name, message: result.error });
      continue;
    }

    normalised[name] = result.value;
  }

  if (problems.length > 0) {
    const first = problems[0];
    throw new HeraldError(
      'HERALD_FIELD_TYPE',
      `${type.name}.${first.field}: ${first.message}`,
      { objectType: type.name, field: first.field, problems },
    );
  }

  return normalised;
}

type Normalised = { value: unknown } | { error: string };

function normaliseValue(def: FieldDef, value: unknown): Normalised {
  if (value === null) {
    return { value: null };
  }

  switch (def.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 100_000
        ? { value }
        : { error: 'expected text (at most 100,000 characters)' };
    case 'number':
      return normaliseNumber(value);
    case 'money':
      return normaliseMoney(def, value);
    case 'boolean':
      return typeof value === 'boolean'
        ? { value }
        : { error: 'expected true or false' };
    case 'date':
      return normaliseDate(value);
    case 'datetime':
      return normaliseDatetime(value);
    case 'picklist':
      return typeof value === 'string' && (def.values ?? []).includes(value)
        ? { value }
        : { error: `expected one of ${(def.values ?? []).join(', ')}` };
  }
}

/** A finite number, or decimal text of one; -0 becomes 0. */
function normaliseNumber(value: unknown): Normalised {
  if (typeof value === 'string' && !DECIMAL.test(value.trim())) {
    return { error: 'expected a number in decimal notation' };
  }

  const number = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    return { error: 'expected a number' };
  }

  // -0 is stored as 0; kept, it would differ from the stored 0 each time.
  return { value: number === 0 ? 0 : number };
}

function normaliseMoney(def: FieldDef, value: unknown): Normalised {
  if (typeof value === 'number' || typeof value === 'string') {
    const amount = normaliseNumber(value);
    if ('error' in amount) {
      return { error: 'expected an amount or { amount, currency }' };
    }
    if (!def.currency) {
      return { error: 'the field has no currency; send { amount, currency }' };
    }

    return { value: { amount: amount.value, currency: def.currency } };
  }

  const money = value as { amount?: unknown; currency?: unknown };
  const keys = typeof value === 'object' ? Object.keys(value as object) : [];
  const wellFormed =
    typeof value === 'object' &&
    keys.every((key) => key === 'amount' || key === 'currency') &&
    typeof money.amount === 'number' &&
    Number.isFinite(money.amount) &&
    typeof money.currency === 'string';
  if (!wellFormed) {
    return { error: 'expected an amount or { amount, currency }' };
  }
  if (!isCurrencyCode(money.currency as string)) {
    return { error: 'expected an ISO 4217 currency code' };
  }

  const amount = money.amount as number;
  return {
    value: { amount: amount === 0 ? 0 : amount, currency: money.currency },
  };
}

function normaliseDate(value: unknown): Normalised {
  const match =
    typeof value === 'string' && /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return { error: 'expected a date as YYYY-MM-DD' };
  }

  if (!isCalendarDate(+match[1], +match[2], +match[3])) {
    return { error: 'expected a real calendar date' };
  }

  return { value };
}

function normaliseDatetime(value: unknown): Normalised {
  const match = typeof value === 'string' && ISO_DATETIME.exec(value);
  if (!match) {
    return { error: 'expected an ISO 8601 date-time with a zone' };
  }

  const [, year, month, day, hour, minute, second] = match;
  const [offsetHours, offsetMinutes] = [match[9], match[10]];
  const real =
    isCalendarDate(+year, +month, +day) &&
    isTimeOfDay(+hour, +minute, +(second ?? 0)) &&
    isTimeOfDay(+(offsetHours ?? 0), +(offsetMinutes ?? 0), 0);
  const date = new Date(value as string);
  if (!real || Number.isNaN(date.getTime())) {
    return { error: 'expected a real date-time' };
  }

  return { value: date.toISOString() };
}
