/**
 * Conditions that compare a fact with another fact (`valueFact`), end to
 * end: validation, compilation, both evaluators and the explain trace.
 */
import { describe, expect, it } from 'vitest';
import { evaluateChange } from './change-evaluator.js';
import { demoCatalog, demoFlow, shippedFacts } from './demo-flow.fixture.js';
import { compileFlow } from './flow-compiler.js';
import type { ConditionLeaf, FactRef } from './flow-model.js';
import { validateFlow } from './flow-validator.js';
import type { Facts } from './rule-set.js';

function flowComparing(leaf: ConditionLeaf) {
  const graph = demoFlow();
  graph.steps[0].data = { objectType: 'Shipment', changeKinds: ['update'] };
  graph.steps[1].data = { test: leaf };

  return graph;
}

function facts(record: Record<string, unknown>, prior = {}): Facts {
  const base = shippedFacts('VIP');
  return {
    ...base,
    record,
    prior,
    customer: { ...base.customer, region: 'UPS', timeZone: 'America/New_York' },
  };
}

const compare = (
  path: string,
  operator: string,
  valueFact: FactRef,
  extra: Partial<ConditionLeaf> = {},
): ConditionLeaf => ({ fact: 'record', path, operator, valueFact, ...extra });

const cases: [string, ConditionLeaf, Facts, boolean][] = [
  [
    'a number above another field',
    compare('weight', 'greaterThan', { fact: 'record', path: 'value' }),
    facts({ weight: 12, value: { amount: 10, currency: 'EUR' } }),
    true,
  ],
  [
    'a number read from text against the prior value',
    compare('weight', 'lessThan', { fact: 'prior', path: 'weight' }),
    facts({ weight: '9.5' }, { weight: 10 }),
    true,
  ],
  [
    'text against a customer field, without case',
    compare(
      'carrier',
      'equals',
      { fact: 'customer', path: 'region' },
      { ignoreCase: true },
    ),
    facts({ carrier: 'ups' }),
    true,
  ],
  [
    'a date on the day of a datetime in the customer zone',
    compare('deliveryDate', 'on', { fact: 'record', path: 'shippedAt' }),
    facts({ deliveryDate: '2024-06-01', shippedAt: '2024-06-02T02:00:00Z' }),
    true,
  ],
  [
    'a datetime before now',
    compare('shippedAt', 'before', { fact: 'now', path: '' }),
    facts({ shippedAt: '2024-06-01T09:59:00Z' }),
    true,
  ],
  [
    'a change to the value of another field',
    compare('carrier', 'changedTo', { fact: 'customer', path: 'region' }),
    facts({ carrier: 'UPS' }, { carrier: 'DHL' }),
    true,
  ],
  [
    'a missing other field, read as blank',
    compare('weight', 'equal', { fact: 'record', path: 'value' }),
    facts({ weight: 3 }),
    false,
  ],
];

describe('valueFact comparisons', () => {
  it.each(cases)('decide %s', async (_name, leaf, input, fires) => {
    const graph = flowComparing(leaf);
    const compiled = compileFlow(
      graph,
      { flowId: 'vf', version: 1 },
      demoCatalog,
    );
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

    const fast = await evaluateChange([compiled.ruleSet], input);
    const reference = await evaluateChange([compiled.ruleSet], input, {
      evaluator: 'reference',
    });
    expect(fast).toStrictEqual(reference);
    expect(fast.trace[0].conditions[2]).toMatchObject({
      stepId: 'shipped',
      expectedFact: { fact: leaf.valueFact?.fact, path: leaf.valueFact?.path },
    });
    expect(fast.trace.filter((trace) => trace.fired)).toHaveLength(
      fires ? 1 : 0,
    );
  });

  it.each([
    [
      'a list operator',
      compare('status', 'in', { fact: 'prior', path: 'status' }),
    ],
    [
      'a text field against a number',
      compare('carrier', 'equals', { fact: 'record', path: 'weight' }),
    ],
    [
      'an unknown other field',
      compare('weight', 'equal', { fact: 'record', path: 'nope' }),
    ],
  ])('reject %s', (_name, leaf) => {
    const problems = validateFlow(flowComparing(leaf), demoCatalog);

    expect(problems.map((problem) => problem.code)).toEqual([
      'HERALD_FLOW_BAD_VALUE',
    ]);
  });
});
