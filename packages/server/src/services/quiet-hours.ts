/**
 * Quiet hours in a Customer's time zone: whether an instant falls inside
 * them and the next moment they end. Wall-clock arithmetic goes through
 * Intl, so daylight-saving changes move the instant, not the local time.
 */

/** Quiet hours as local clock times, `HH:MM`; start after end spans midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

const MS_PER_MINUTE = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The first instant at or after `now` outside quiet hours in `timeZone`;
 * `now` itself when it is outside them.
 */
export function nextAllowedMoment(
  now: Date,
  timeZone: string,
  quiet: QuietHours,
): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const wall = wallTime(now.getTime(), timeZone);
  const minute = wall.hour * 60 + wall.minute;
  if (!isQuiet(minute, start, end)) {
    return now;
  }

  const endsTomorrow = start > end && minute >= start;
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  if (endsTomorrow) {
    day.setUTCDate(day.getUTCDate() + 1);
  }

  return new Date(
    instantOf(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour: Math.floor(end / 60),
        minute: end % 60,
      },
      timeZone,
    ),
  );
}

function isQuiet(minute: number, start: number, end: number) {
  if (start === end) {
    return false;
  }

  return start < end
    ? minute >= start && minute < end
    : minute >= start || minute < end;
}

function minutesOf(clock: string) {
  const [hour, minute] = clock.split(':').map(Number);
  return hour * 60 + minute;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The local clock reading of an instant in a time zone. */
export function wallTime(ms: number, timeZone: string): Wall {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }

  const parts = Object.fromEntries(
    format.formatToParts(ms).map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/**
 * The instant a local clock reading happens in a time zone. A reading
 * skipped by a spring-forward change resolves to the instant just after
 * the gap, which is the first allowed moment anyway.
 */
function instantOf(wall: Wall, timeZone: string): number {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
  );
  let guess = asUtc - offsetAt(asUtc, timeZone);
  guess = asUtc - offsetAt(guess, timeZone);
  const seen = wallTime(guess, timeZone);
  if (seen.hour === wall.hour && seen.minute === wall.minute) {
    return guess;
  }

  // In a gap: step forward to the first minute that exists.
  while (
    offsetAt(guess, timeZone) === offsetAt(guess - MS_PER_MINUTE, timeZone)
  ) {
    guess += MS_PER_MINUTE;
  }

  return guess;
}

function offsetAt(ms: number, timeZone: string) {
  const wall = wallTime(ms, timeZone);
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
  );
  return asUtc - Math.floor(ms / MS_PER_MINUTE) * MS_PER_MINUTE;
}
