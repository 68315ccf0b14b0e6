/**
 * When a Delivery behind Wait steps goes out. A `delay` Wait waits a fixed
 * number of minutes; a `relative` Wait aims at a moment relative to a date
 * or datetime field of the Record ("24 hours before Appointment.startsAt")
 * and says what happens when that moment has already passed: send at once
 * or skip. Pure: the server stores the result as the `deliver` job's
 * run_at, and computes it again when a Change moves the date.
 */
import { parseTemporal, isBlank } from './field-value.js';
import type { WaitStep } from './flow-model.js';
import { instantOfWallTime, safeTimeZone } from './time-zone.js';

/** A Wait step's data, as drawn. */
export type WaitData = WaitStep['data'];

/** A Wait step on a path, as a compiled path event carries it. */
export type PathWait = WaitData & { stepId: string };

/** A problem that stops a Wait from being scheduled. */
export interface WaitProblem {
  code: 'HERALD_WAIT_DATE_MISSING' | 'HERALD_WAIT_DATE_INVALID';
  message: string;
  /** The Record field the Wait reads. */
  field: string;
  /** The Wait step, when known. */
  stepId?: string;
}

/** When to send, that the moment has passed, or why it cannot be told. */
export type SendAtResult =
  | { sendAt: Date }
  | { passed: true; whenPassed: 'send' | 'skip'; stepId?: string }
  | { problem: WaitProblem };

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 1440;

/**
 * The moment one Wait ends, counted from `now`. A datetime field is an
 * instant, moved by the offset in minutes. A date-only field is read in
 * the Customer's `timeZone`: the offset counts from that day's midnight on
 * the wall clock, so +540 is 09:00 local and -1440 is the midnight before,
 * on daylight-saving days too. A moment earlier than `now` has passed.
 */
export function computeSendAt(
  wait: WaitData,
  record: Record<string, unknown>,
  now: Date,
  timeZone: string,
): SendAtResult {
  if (wait.mode === 'delay') {
    return { sendAt: new Date(now.getTime() + wait.minutes * MINUTE_MS) };
  }

  const value = Object.hasOwn(record, wait.field)
    ? record[wait.field]
    : undefined;
  const moment = parseTemporal(value);
  if (!moment) return { problem: dateProblem(wait.field, value) };

  const ms =
    moment.kind === 'instant'
      ? moment.ms + wait.offsetMinutes * MINUTE_MS
      : dayMoment(moment.day, wait.offsetMinutes, safeTimeZone(timeZone));
  if (ms < now.getTime()) return { passed: true, whenPassed: wait.whenPassed };

  return { sendAt: new Date(ms) };
}

/**
 * The moment a path's Waits end, one after another from `now`: each Wait
 * counts from the end of the one before. A passed Wait that says `send`
 * lets the next count from the same moment; one that says `skip` (or a
 * problem) ends the schedule there, naming the step. No Waits: `now`.
 */
export function computePathSendAt(
  waits: PathWait[],
  record: Record<string, unknown>,
  now: Date,
  timeZone: string,
): SendAtResult {
  let start = now;
  for (const wait of waits) {
    const result = computeSendAt(wait, record, start, timeZone);
    if ('problem' in result) {
      return { problem: { ...result.problem, stepId: wait.stepId } };
    }

    if ('sendAt' in result) {
      start = result.sendAt;
      continue;
    }

    if (result.whenPassed === 'skip') return { ...result, stepId: wait.stepId };
  }

  return { sendAt: start };
}

function dayMoment(day: number, offsetMinutes: number, timeZone: string) {
  const days = Math.floor(offsetMinutes / MINUTES_PER_DAY);
  const minutes = offsetMinutes - days * MINUTES_PER_DAY;
  const date = new Date((day + days) * MINUTES_PER_DAY * MINUTE_MS);

  return instantOfWallTime(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
      second: 0,
    },
    timeZone,
  );
}

function dateProblem(field: string, value: unknown): WaitProblem {
  if (isBlank(value)) {
    return {
      code: 'HERALD_WAIT_DATE_MISSING',
      message: `the record has no value for ${field}`,
      field,
    };
  }

  return {
    code: 'HERALD_WAIT_DATE_INVALID',
    message: `${field} is not a date YYYY-MM-DD or an ISO datetime with offset`,
    field,
  };
}
