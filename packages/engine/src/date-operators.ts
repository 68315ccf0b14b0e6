/**
 * The date and datetime tests: before, after, on, withinNext, withinLast.
 * Instants compare as instants; as soon as one side is a calendar day, the
 * other is read as the day it falls on in the Customer's time zone.
 */
import { parseTemporal, toNumber, type Temporal } from './field-value.js';
import { addCalendarDays, dayOfInstant, startOfDay } from './time-zone.js';

/** Units a relative window may be given in. */
export const durationUnits = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** A relative window such as `{ amount: 24, unit: 'hours' }`. */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const UNIT_MS: Record<'minutes' | 'hours', number> = {
  minutes: 60_000,
  hours: 3_600_000,
};

/** Reads a Duration; undefined unless the amount is a number >= 0. */
export function parseDuration(value: unknown): Duration | undefined {
  if (typeof value !== 'object' || value === null) return undefined;

  const { amount, unit } = value as { amount?: unknown; unit?: unknown };
  const parsed = toNumber(amount);
  if (parsed === undefined || parsed < 0) return undefined;

  if (!durationUnits.includes(unit as DurationUnit)) return undefined;

  return { amount: parsed, unit: unit as DurationUnit };
}

/**
 * Orders two moments: negative when `left` is earlier, 0 when the same,
 * positive when later; undefined when either does not parse.
 */
export function compareMoments(
  left: unknown,
  right: unknown,
  timeZone: string,
  sameDayOnly = false,
): number | undefined {
  const a = parseTemporal(left);
  const b = parseTemporal(right);
  if (!a || !b) return undefined;

  if (!sameDayOnly && a.kind === 'instant' && b.kind === 'instant') {
    return a.ms - b.ms;
  }

  return toDay(a, timeZone) - toDay(b, timeZone);
}

/** True when the moment lies between now and now + the window. */
export function withinNext(
  actual: unknown,
  window: unknown,
  now: string,
  timeZone: string,
): boolean {
  return withinWindow(actual, window, now, timeZone, 1);
}

/** True when the moment lies between now - the window and now. */
export function withinLast(
  actual: unknown,
  window: unknown,
  now: string,
  timeZone: string,
): boolean {
  return withinWindow(actual, window, now, timeZone, -1);
}

function withinWindow(
  actual: unknown,
  window: unknown,
  now: string,
  timeZone: string,
  direction: 1 | -1,
): boolean {
  const moment = parseTemporal(actual);
  const duration = parseDuration(window);
  const nowMs = parseNow(now);
  if (!moment || !duration || Number.isNaN(nowMs)) return false;

  const calendar = duration.unit === 'days' || duration.unit === 'weeks';
  const days = duration.amount * (duration.unit === 'weeks' ? 7 : 1);

  if (moment.kind === 'day' && calendar) {
    const today = dayOfInstant(nowMs, timeZone);
    const edge = today + direction * days;
    return between(moment.day, today, edge);
  }

  const edgeMs = calendar
    ? addCalendarDays(nowMs, direction * days, timeZone)
    : nowMs + direction * duration.amount * UNIT_MS[duration.unit as 'hours'];

  if (moment.kind === 'instant') return between(moment.ms, nowMs, edgeMs);

  const dayStart = startOfDay(moment.day, timeZone);
  const dayEnd = startOfDay(moment.day + 1, timeZone);
  return (
    dayStart <= Math.max(nowMs, edgeMs) && dayEnd > Math.min(nowMs, edgeMs)
  );
}

let lastNow = { text: '', ms: Number.NaN };

// One evaluation reads the same `now` in every window test.
function parseNow(now: string): number {
  if (now !== lastNow.text) lastNow = { text: now, ms: Date.parse(now) };

  return lastNow.ms;
}

function between(value: number, a: number, b: number): boolean {
  return value >= Math.min(a, b) && value <= Math.max(a, b);
}

function toDay(moment: Temporal, timeZone: string): number {
  return moment.kind === 'day' ? moment.day : dayOfInstant(moment.ms, timeZone);
}
