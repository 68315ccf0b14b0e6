/**
 * Calendar arithmetic in a Customer's time zone, done with Intl so that it
 * runs the same in Node and in the browser. A "day number" counts calendar
 * days since 1970-01-01 and carries no time zone of its own.
 */

const MS_PER_DAY = 86_400_000;

const MAX_CACHED_ZONES = 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

const checkedZones = new Map<string, string>();

// Wall times by zone, then instant: evaluations ask for the same few
// instants (now, a day's start) over and over, and Intl is slow.
const wallTimes = new Map<string, Map<number, WallTime>>();
const MAX_CACHED_WALL_TIMES = 5000;

/** The wall-clock reading of an instant in one time zone. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Returns `timeZone` when Intl knows it, else 'UTC'. */
export function safeTimeZone(timeZone: unknown): string {
  if (typeof timeZone !== 'string' || timeZone === '') return 'UTC';

  const checked = checkedZones.get(timeZone);
  if (checked !== undefined) return checked;

  let safe = 'UTC';
  try {
    createFormatter(timeZone);
    safe = timeZone;
  } catch {
    // An unknown zone reads as UTC.
  }
  // Zone names come from Customer data; keep the cache from growing unbounded.
  if (checkedZones.size >= MAX_CACHED_ZONES) checkedZones.clear();
  checkedZones.set(timeZone, safe);

  return safe;
}

/** The day number of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The calendar day an instant falls on in `timeZone`, as a day number. */
export function dayOfInstant(ms: number, timeZone: string): number {
  const wall = wallTime(ms, timeZone);

  return dayNumber(wall.year, wall.month, wall.day);
}

/** The instant a calendar day starts at in `timeZone`. */
export function startOfDay(day: number, timeZone: string): number {
  const date = new Date(day * MS_PER_DAY);

  return instantOfWallTime(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    },
    timeZone,
  );
}

/**
 * Moves an instant by whole calendar days, keeping its wall-clock time in
 * `timeZone`, so one day across a DST change is 23 or 25 hours.
 */
export function addCalendarDays(
  ms: number,
  days: number,
  timeZone: string,
): number {
  const wall = wallTime(ms, timeZone);
  const shifted = new Date(
    Date.UTC(wall.year, wall.month - 1, wall.day + days),
  );

  return instantOfWallTime(
    {
      ...wall,
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
    },
    timeZone,
  );
}

/** The wall-clock reading of an instant in `timeZone`; shared, read-only. */
export function wallTime(ms: number, timeZone: string): WallTime {
  let byInstant = wallTimes.get(timeZone);
  const cached = byInstant?.get(ms);
  if (cached) return cached;

  if (!byInstant || byInstant.size >= MAX_CACHED_WALL_TIMES) {
    if (wallTimes.size >= MAX_CACHED_ZONES) wallTimes.clear();
    byInstant = new Map();
    wallTimes.set(timeZone, byInstant);
  }
  const wall = readWallTime(ms, timeZone);
  byInstant.set(ms, wall);

  return wall;
}

function readWallTime(ms: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const read = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);

  return {
    year: read('year'),
    month: read('month'),
    day: read('day'),
    hour: read('hour') % 24,
    minute: read('minute'),
    second: read('second'),
  };
}

/**
 * The instant a wall-clock time names in `timeZone`. A time skipped by a DST
 * change resolves to the instant one offset later, as clocks do.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  const firstGuess = asUtc - offsetAt(asUtc, timeZone);

  return asUtc - offsetAt(firstGuess, timeZone);
}

function offsetAt(ms: number, timeZone: string): number {
  const wall = wallTime(ms, timeZone);
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );

  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** A cached formatter for the zone; an unknown zone reads as UTC. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;

  let formatter: Intl.DateTimeFormat;
  try {
    formatter = createFormatter(timeZone);
  } catch {
    formatter = createFormatter('UTC');
  }
  // Zone names come from Customer data; keep the cache from growing unbounded.
  if (formatters.size >= MAX_CACHED_ZONES) formatters.clear();
  formatters.set(timeZone, formatter);

  return formatter;
}

function createFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
