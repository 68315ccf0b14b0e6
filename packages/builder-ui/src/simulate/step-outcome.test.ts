import type { ConditionTrace, Step } from '@herald/engine';
import { describe, expect, it } from 'vitest';
import { stepOutcome } from './step-outcome';

const leaf = { fact: 'record' as const, path: 'status', operator: 'equal' };

function traced(...results: boolean[]): ConditionTrace[] {
  return results.map((result) => ({
    fact: 'record',
    path: 'status',
    operator: 'equal',
    expected: 'Shipped',
    actual: 'Shipped',
    result,
  }));
}

const anyOfNot: Step = {
  id: 'c',
  type: 'condition',
  data: { test: { any: [leaf, { not: leaf }] } },
};

const rollout: Step = {
  id: 'r',
  type: 'rollout',
  data: { tiers: ['VIP'], percentage: 50, allowList: ['cust-1'] },
};

describe('stepOutcome', () => {
  const cases: [string, Step, ConditionTrace[], string][] = [
    [
      'any holds when its negated part fails',
      anyOfNot,
      traced(false, false),
      'pass',
    ],
    ['any fails when no part holds', anyOfNot, traced(false, true), 'fail'],
    [
      'the allow-list admits on its own',
      rollout,
      traced(true, false, false),
      'pass',
    ],
    [
      'otherwise every audience limit must hold',
      rollout,
      traced(false, true, false),
      'fail',
    ],
    [
      'a trace that does not fit the step is unknown',
      rollout,
      traced(true),
      'unknown',
    ],
  ];

  for (const [name, step, leaves, expected] of cases) {
    it(name, () => {
      expect(stepOutcome(step, leaves)).toBe(expected);
    });
  }
});
