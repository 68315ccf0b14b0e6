/**
 * Reading Record values leniently: a missing value is blank, numbers may
 * arrive as strings, money may arrive as a bare amount, and dates are
 * parsed, never compared as text.
 */
import { dayNumber } from './time-zone.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

// Parsed text by its value; the same dates recur across many conditions.
const parsedTexts = new Map<string, Temporal | null>();
const MAX_PARSED_TEXTS = 10_000;

/** A parsed date or datetime: a calendar day or an exact instant. */
export type Temporal =
  | { readonly kind: 'day'; readonly day: number }
  | { readonly kind: 'instant'; readonly ms: number };

/** True for undefined, null, and strings of only whitespace. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;

  return typeof value === 'string' && value.trim() === '';
}

/**
 * The number a value stands for: a finite number, a numeric string, or the
 * amount of a money value; undefined otherwise.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }

  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return undefined;

    const parsed = Number(trimmed);
    return Number.isFinite(parsed) ? parsed : undefined;
  }

  if (isMoneyLike(value)) return toNumber(value.amount);

  return undefined;
}

/** The currency of a money-like value, when it carries one. */
export function currencyOf(value: unknown): string | undefined {
  if (!isMoneyLike(value)) return undefined;

  return typeof value.currency === 'string' ? value.currency : undefined;
}

/** True for an object with an `amount` property. */
export function isMoneyLike(
  value: unknown,
): value is { amount: unknown; currency?: unknown } {
  return typeof value === 'object' && value !== null && 'amount' in value;
}

/** A boolean read from true/false or 'true'/'false'; undefined otherwise. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;

  if (typeof value !== 'string') return undefined;

  const lowered = value.trim().toLowerCase();
  if (lowered === 'true') return true;
  if (lowered === 'false') return false;

  return undefined;
}

/** Text a value reads as; blank and non-scalar values read as ''. */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;

  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }

  return '';
}

/**
 * Parses 'YYYY-MM-DD' as a calendar day and an ISO 8601 datetime with an
 * offset as an instant. Anything else, including impossible dates, is
 * undefined.
 */
export function parseTemporal(value: unknown): Temporal | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : { kind: 'instant', ms };
  }

  if (typeof value !== 'string') return undefined;

  const cached = parsedTexts.get(value);
  if (cached !== undefined) return cached ?? undefined;

  const parsed = parseTemporalText(value.trim());
  if (parsedTexts.size >= MAX_PARSED_TEXTS) parsedTexts.clear();
  parsedTexts.set(value, parsed ?? null);

  return parsed;
}

function parseTemporalText(text: string): Temporal | undefined {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) return parseDay(dateOnly);

  if (!DATE_TIME.test(text)) return undefined;

  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : { kind: 'instant', ms };
}

function parseDay(match: RegExpExecArray): Temporal | undefined {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  const valid =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day;
  if (!valid) return undefined;

  return { kind: 'day', day: dayNumber(year, month, day) };
}
