import { describe, expect, it } from 'vitest';
import type { FieldType } from './catalog.js';
import {
  evaluateOperator,
  operatorNames,
  operatorsForFieldType,
  type Operand,
} from './operators.js';

const NOW = '2024-03-09T17:00:00Z'; // 12:00 in New York, the day before DST

function operand(value: unknown, extra: Partial<Operand> = {}): Operand {
  return {
    value,
    ignoreCase: false,
    now: NOW,
    timeZone: 'UTC',
    prior: undefined,
    isNew: false,
    ...extra,
  };
}

type Case = [FieldType, string, unknown, unknown, boolean, Partial<Operand>?];

const cases: Case[] = [
  // text
  ['text', 'equals', 'Paris', 'Paris', true],
  ['text', 'equals', 'paris', 'Paris', false],
  ['text', 'equals', 'paris', 'Paris', true, { ignoreCase: true }],
  ['text', 'equals', undefined, '', true],
  ['text', 'notEquals', undefined, 'Closed', true],
  ['text', 'contains', 'Express delivery', 'press', true],
  ['text', 'contains', undefined, 'press', false],
  ['text', 'startsWith', 'UPS-123', 'ups', true, { ignoreCase: true }],
  ['text', 'endsWith', 'UPS-123', '123', true],
  ['text', 'isBlank', '   ', undefined, true],
  ['text', 'isBlank', null, undefined, true],
  ['text', 'isNotBlank', 'x', undefined, true],
  ['text', 'in', 'b', ['a', 'b'], true],
  ['text', 'in', 'b', [], false],
  ['text', 'notIn', 'b', [], true],
  ['text', 'in', 12, ['12'], true],
  // number and money
  ['number', 'equal', '12.5', 12.5, true],
  ['number', 'greaterThan', '12.5', '9', true],
  ['number', 'lessThan', undefined, 5, false],
  ['number', 'notEqual', undefined, 5, true],
  ['number', 'lessThanInclusive', 5, 5, true],
  ['number', 'greaterThanInclusive', 4.99, 5, false],
  ['number', 'between', 5, { min: 1, max: 5 }, true],
  ['number', 'between', 5, [10, 1], true],
  ['number', 'between', 'abc', [1, 10], false],
  ['money', 'greaterThan', { amount: 120, currency: 'EUR' }, 100, true],
  ['money', 'greaterThan', { amount: '120', currency: 'EUR' }, 100, true],
  ['money', 'equal', 100, { amount: 100, currency: 'EUR' }, true],
  [
    'money',
    'equal',
    { amount: 100, currency: 'USD' },
    { amount: 100, currency: 'EUR' },
    false,
  ],
  // boolean
  ['boolean', 'isTrue', true, undefined, true],
  ['boolean', 'isTrue', 'TRUE', undefined, true],
  ['boolean', 'isFalse', undefined, undefined, false],
  ['boolean', 'isFalse', 'false', undefined, true],
  // picklist
  ['picklist', 'equal', 'Shipped', 'Shipped', true],
  ['picklist', 'in', 'VIP', ['VIP', 'Platinum'], true],
  ['picklist', 'notIn', undefined, ['VIP'], true],
  // date fields compare calendar days, never strings
  ['date', 'before', '2024-03-09', '2024-03-10', true],
  ['date', 'before', '2024-3-9', '2024-03-10', false],
  ['date', 'after', '2024-12-01', '2024-02-01', true],
  ['date', 'on', '2024-03-09', '2024-03-09', true],
  ['date', 'before', undefined, '2024-03-10', false],
  ['date', 'withinNext', '2024-03-10', { amount: 1, unit: 'days' }, true],
  ['date', 'withinNext', '2024-03-11', { amount: 1, unit: 'days' }, false],
  ['date', 'withinLast', '2024-03-02', { amount: 1, unit: 'weeks' }, true],
  ['date', 'withinLast', '2024-03-01', { amount: 1, unit: 'weeks' }, false],
  ['date', 'withinNext', '2024-03-09', { amount: 2, unit: 'hours' }, true],
  // datetime fields compare instants; days are read in the time zone
  ['datetime', 'before', '2024-03-09T10:00:00Z', '2024-03-09T10:00:01Z', true],
  [
    'datetime',
    'after',
    '2024-03-09T12:00:00+02:00',
    '2024-03-09T11:00:00Z',
    false,
  ],
  [
    'datetime',
    'on',
    '2024-03-10T04:30:00Z',
    '2024-03-09',
    true,
    { timeZone: 'America/New_York' },
  ],
  [
    'datetime',
    'on',
    '2024-03-10T05:30:00Z',
    '2024-03-10',
    true,
    { timeZone: 'America/New_York' },
  ],
  ['datetime', 'on', '2024-03-10T04:30:00Z', '2024-03-09', false],
  // one calendar day across the DST change is 23 hours in New York
  [
    'datetime',
    'withinNext',
    '2024-03-10T15:30:00Z',
    { amount: 1, unit: 'days' },
    true,
    { timeZone: 'America/New_York' },
  ],
  [
    'datetime',
    'withinNext',
    '2024-03-10T16:30:00Z',
    { amount: 1, unit: 'days' },
    false,
    { timeZone: 'America/New_York' },
  ],
  [
    'datetime',
    'withinNext',
    '2024-03-10T16:30:00Z',
    { amount: 24, unit: 'hours' },
    true,
    { timeZone: 'America/New_York' },
  ],
  [
    'datetime',
    'withinLast',
    '2024-03-09T16:00:00Z',
    { amount: 90, unit: 'minutes' },
    true,
  ],
  [
    'datetime',
    'withinLast',
    '2024-03-09T18:00:00Z',
    { amount: 90, unit: 'minutes' },
    false,
  ],
  ['datetime', 'before', 'not a date', '2024-03-10', false],
  // an unknown time zone reads as UTC instead of throwing
  [
    'datetime',
    'on',
    '2024-03-09T23:30:00Z',
    '2024-03-10',
    false,
    {
      timeZone: 'Nonsense/Zone',
    },
  ],
  [
    'datetime',
    'on',
    '2024-03-09T23:30:00Z',
    '2024-03-09',
    true,
    {
      timeZone: 'Nonsense/Zone',
    },
  ],
  // change operators
  ['picklist', 'changed', 'Shipped', undefined, true, { prior: 'Pending' }],
  ['picklist', 'changed', 'Shipped', undefined, false, { prior: 'Shipped' }],
  ['picklist', 'changedTo', 'Shipped', 'Shipped', true, { prior: 'Pending' }],
  ['picklist', 'changedTo', 'Shipped', 'Shipped', true, { prior: undefined }],
  ['picklist', 'changedFrom', 'Shipped', 'Pending', true, { prior: 'Pending' }],
  ['picklist', 'changedFrom', 'Shipped', 'Pending', false, { prior: 'Draft' }],
  ['number', 'changed', '12.50', undefined, false, { prior: 12.5 }],
  [
    'money',
    'changed',
    { amount: 5, currency: 'EUR' },
    undefined,
    false,
    {
      prior: { amount: 5, currency: 'EUR' },
    },
  ],
  ['text', 'changed', '', undefined, false, { prior: null }],
  ['text', 'isNew', 'x', undefined, true, { isNew: true }],
  ['text', 'isNew', 'x', undefined, false],
  // unknown operators never throw
  ['text', 'noSuchOperator', 'x', 'x', false],
];

describe('evaluateOperator', () => {
  it.each(cases)(
    '%s %s: %j vs %j is %s',
    (type, name, actual, value, expected, extra) => {
      expect(evaluateOperator(type, name, actual, operand(value, extra))).toBe(
        expected,
      );
    },
  );
});

describe('operatorsForFieldType', () => {
  it('labels every operator and offers only what fits the type', () => {
    const date = operatorsForFieldType('date').map((op) => op.name);

    expect(date).toContain('withinNext');
    expect(date).not.toContain('contains');
    for (const op of operatorsForFieldType('money')) {
      expect(op.label.length).toBeGreaterThan(0);
    }
  });

  it('marks the change operators as reading the record only', () => {
    const changeOps = operatorsForFieldType('text').filter(
      (op) => op.recordOnly,
    );

    expect(changeOps.map((op) => op.name)).toEqual([
      'changed',
      'changedFrom',
      'changedTo',
      'isNew',
    ]);
  });

  it('lists every operator name once', () => {
    expect(new Set(operatorNames).size).toBe(operatorNames.length);
    expect(operatorNames).toContain('between');
  });
});
