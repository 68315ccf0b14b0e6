import { describe, expect, it } from 'vitest';
import { nextAllowedMoment } from './quiet-hours.js';

const quiet = { start: '21:00', end: '08:00' };

describe('nextAllowedMoment', () => {
  it.each([
    // [now (UTC), time zone, expected (UTC)]
    ['2025-06-10T12:00:00Z', 'UTC', '2025-06-10T12:00:00Z'],
    ['2025-06-10T22:30:00Z', 'UTC', '2025-06-11T08:00:00Z'],
    ['2025-06-10T03:00:00Z', 'UTC', '2025-06-10T08:00:00Z'],
    // 23:00 in New York (EDT, UTC-4) waits for 08:00 EDT.
    ['2025-06-11T03:00:00Z', 'America/New_York', '2025-06-11T12:00:00Z'],
    // Spring forward: 22:00 EST on 8 March 2025, end at 08:00 EDT (UTC-4).
    ['2025-03-09T03:00:00Z', 'America/New_York', '2025-03-09T12:00:00Z'],
    // Fall back: 22:00 EDT on 1 November 2025, end at 08:00 EST (UTC-5).
    ['2025-11-02T02:00:00Z', 'America/New_York', '2025-11-02T13:00:00Z'],
    // Berlin's spring forward (30 March 2025, 02:00 → 03:00).
    ['2025-03-29T21:30:00Z', 'Europe/Berlin', '2025-03-30T06:00:00Z'],
    // Sydney is already in quiet hours at 21:00 local.
    ['2025-06-10T11:00:00Z', 'Australia/Sydney', '2025-06-10T22:00:00Z'],
  ])('from %s in %s the next allowed moment is %s', (now, zone, expected) => {
    expect(nextAllowedMoment(new Date(now), zone, quiet).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });

  it('handles quiet hours within one day', () => {
    const lunch = { start: '12:00', end: '13:30' };
    const at = new Date('2025-06-10T12:15:00Z');
    expect(nextAllowedMoment(at, 'UTC', lunch).toISOString()).toBe(
      '2025-06-10T13:30:00.000Z',
    );
  });

  it('resolves an end time skipped by spring forward to just after the gap', () => {
    const gap = { start: '01:00', end: '02:30' };
    const at = new Date('2025-03-09T06:30:00Z'); // 01:30 EST
    expect(nextAllowedMoment(at, 'America/New_York', gap).toISOString()).toBe(
      '2025-03-09T07:00:00.000Z', // 03:00 EDT
    );
  });
});
