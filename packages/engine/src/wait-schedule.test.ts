import { describe, expect, it } from 'vitest';
import {
  computePathSendAt,
  computeSendAt,
  type PathWait,
  type WaitData,
} from './wait-schedule.js';

const now = new Date('2024-06-01T10:00:00Z');
const before = (field: string, minutes: number): WaitData => ({
  mode: 'relative',
  field,
  offsetMinutes: -minutes,
  whenPassed: 'skip',
});

describe('computeSendAt', () => {
  it('waits a fixed delay', () => {
    expect(
      computeSendAt({ mode: 'delay', minutes: 90 }, {}, now, 'UTC'),
    ).toEqual({ sendAt: new Date('2024-06-01T11:30:00Z') });
  });

  it.each([
    [
      '24 h before a datetime',
      { startsAt: '2024-06-03T09:00:00+02:00' },
      before('startsAt', 1440),
      'UTC',
      '2024-06-02T07:00:00.000Z',
    ],
    [
      '24 h before a date-only field, from midnight in the customer zone',
      { startsAt: '2024-06-03' },
      before('startsAt', 1440),
      'America/New_York',
      '2024-06-02T04:00:00.000Z',
    ],
    [
      '09:00 local on a date-only field',
      { startsAt: '2024-06-03' },
      { ...before('startsAt', -540) },
      'Asia/Tokyo',
      '2024-06-03T00:00:00.000Z',
    ],
    [
      '09:00 local on the day clocks go forward',
      { startsAt: '2024-03-31' },
      { ...before('startsAt', -540) },
      'Europe/Paris',
      '2024-03-31T07:00:00.000Z',
    ],
    [
      'one day before a date-only field across the autumn change',
      { startsAt: '2024-10-28' },
      before('startsAt', 1440),
      'Europe/Paris',
      '2024-10-26T22:00:00.000Z',
    ],
  ])('aims at %s', (_name, record, wait, zone, expected) => {
    const soon = new Date('2024-01-01T00:00:00Z');
    const result = computeSendAt(wait, record, soon, zone);

    expect(result).toEqual({ sendAt: new Date(expected) });
  });

  it.each(['send', 'skip'] as const)(
    'says the moment passed and to %s',
    (whenPassed) => {
      const wait = { ...before('startsAt', 1440), whenPassed };
      const result = computeSendAt(
        wait,
        { startsAt: '2024-06-02T09:00:00Z' },
        now,
        'UTC',
      );

      expect(result).toEqual({ passed: true, whenPassed });
    },
  );

  it.each([
    ['a missing date', {}, 'HERALD_WAIT_DATE_MISSING'],
    ['a blank date', { startsAt: ' ' }, 'HERALD_WAIT_DATE_MISSING'],
    [
      'a date that does not parse',
      { startsAt: '03/06/2024' },
      'HERALD_WAIT_DATE_INVALID',
    ],
    [
      'an impossible date',
      { startsAt: '2024-02-30' },
      'HERALD_WAIT_DATE_INVALID',
    ],
  ])('reports %s', (_name, record, code) => {
    const result = computeSendAt(before('startsAt', 60), record, now, 'UTC');

    expect(result).toMatchObject({ problem: { code, field: 'startsAt' } });
  });
});

describe('computePathSendAt', () => {
  const record = { startsAt: '2024-06-03T09:00:00Z' };
  const delay = (stepId: string, minutes: number): PathWait => ({
    stepId,
    mode: 'delay',
    minutes,
  });

  it('sends at once without waits', () => {
    expect(computePathSendAt([], record, now, 'UTC')).toEqual({ sendAt: now });
  });

  it('chains waits, each from the end of the one before', () => {
    const waits = [
      delay('w1', 60),
      { stepId: 'w2', ...before('startsAt', 60) },
      delay('w3', 30),
    ];

    expect(computePathSendAt(waits, record, now, 'UTC')).toEqual({
      sendAt: new Date('2024-06-03T08:30:00Z'),
    });
  });

  it('goes on from the same moment after a passed wait that sends', () => {
    const waits = [
      {
        stepId: 'w1',
        ...before('startsAt', 4320),
        whenPassed: 'send' as const,
      },
      delay('w2', 15),
    ];

    expect(computePathSendAt(waits, record, now, 'UTC')).toEqual({
      sendAt: new Date('2024-06-01T10:15:00Z'),
    });
  });

  it('stops at a passed wait that skips, naming it', () => {
    const waits = [
      delay('w1', 60),
      { stepId: 'w2', ...before('startsAt', 4320) },
    ];

    expect(computePathSendAt(waits, record, now, 'UTC')).toEqual({
      passed: true,
      whenPassed: 'skip',
      stepId: 'w2',
    });
  });

  it('names the wait whose date is missing', () => {
    const waits = [{ stepId: 'w1', ...before('endsAt', 60) }];

    expect(computePathSendAt(waits, record, now, 'UTC')).toMatchObject({
      problem: { code: 'HERALD_WAIT_DATE_MISSING', stepId: 'w1' },
    });
  });
});
