import { describe, expect, it } from 'vitest';
import { evaluateChange } from './change-evaluator.js';
import { demoCatalog, demoFlow, shippedFacts } from './demo-flow.fixture.js';
import { compileFlow } from './flow-compiler.js';
import type { FlowGraph } from './flow-model.js';
import type { Facts, RuleSet } from './rule-set.js';

/** Trigger → weight > 10 → template → channel, in the given semantics. */
function heavyFlow(semantics: 'state' | 'transition'): RuleSet {
  const graph: FlowGraph = demoFlow();
  graph.steps[0].data = {
    objectType: 'Shipment',
    changeKinds: ['create', 'update'],
    semantics,
  };
  graph.steps[1].data = {
    test: {
      fact: 'record',
      path: 'weight',
      operator: 'greaterThan',
      value: 10,
    },
  };
  graph.steps = graph.steps.filter((step) => step.id !== 'vip');
  graph.edges = graph.edges.filter((edge) => edge.id !== 'e3');
  graph.edges[1].target = 'message';
  const compiled = compileFlow(
    graph,
    { flowId: 'heavy', version: 1 },
    demoCatalog,
  );
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

  return compiled.ruleSet;
}

function weightChange(
  prior: unknown,
  current: unknown,
  kind = 'update',
): Facts {
  const facts = shippedFacts('VIP');
  return {
    ...facts,
    record: { weight: current },
    prior: kind === 'create' ? null : { weight: prior },
    change: {
      ...facts.change,
      kind: kind as 'update',
      changedFields: ['weight'],
    },
  };
}

const cases: [string, 'state' | 'transition', Facts, boolean][] = [
  ['state fires while it holds', 'state', weightChange(12, 13), true],
  [
    'transition skips while it already held',
    'transition',
    weightChange(12, 13),
    false,
  ],
  [
    'transition fires when it becomes true',
    'transition',
    weightChange(5, 13),
    true,
  ],
  [
    'transition treats a create as failing before',
    'transition',
    weightChange(null, 13, 'create'),
    true,
  ],
  ['state does not fire when it fails', 'state', weightChange(12, 3), false],
  [
    'a number sent as text compares as a number',
    'state',
    weightChange(1, '12.5'),
    true,
  ],
  [
    'a missing field is blank, not an error',
    'state',
    weightChange(1, undefined),
    false,
  ],
];

describe('evaluateChange', () => {
  it.each(cases)('%s', async (_name, semantics, facts, fires) => {
    const evaluation = await evaluateChange([heavyFlow(semantics)], facts);

    expect(evaluation.fired.length).toBe(fires ? 1 : 0);
    expect(evaluation.trace[0].fired).toBe(fires);
  });

  it('explains a transition that held before with the prior trace', async () => {
    const evaluation = await evaluateChange(
      [heavyFlow('transition')],
      weightChange(12, 13),
    );

    const trace = evaluation.trace[0];
    expect(trace.note).toMatch(/already held/);
    expect(trace.priorConditions).toEqual([
      {
        fact: 'record',
        path: 'weight',
        operator: 'greaterThan',
        expected: 10,
        actual: 12,
        result: true,
        stepId: 'shipped',
      },
    ]);
  });

  it('never fires a rule set whose trigger does not match', async () => {
    const facts = weightChange(5, 13);
    facts.change.objectType = 'Order';

    const evaluation = await evaluateChange([heavyFlow('state')], facts);
    expect(evaluation.fired).toEqual([]);
    expect(evaluation.trace[0].conditions[0]).toMatchObject({
      fact: 'change',
      path: 'objectType',
      actual: 'Order',
      result: false,
    });
  });

  it('evaluates a valueFact against the other field', async () => {
    const graph = demoFlow();
    graph.steps[1].data = {
      test: {
        fact: 'record',
        path: 'shippedAt',
        operator: 'after',
        valueFact: { fact: 'prior', path: 'shippedAt' },
      },
    };
    graph.steps[0].data = { objectType: 'Shipment', changeKinds: ['update'] };
    const compiled = compileFlow(
      graph,
      { flowId: 'late', version: 1 },
      demoCatalog,
    );
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

    const facts = shippedFacts('VIP');
    facts.record.shippedAt = '2024-06-02T10:00:00Z';
    facts.prior = { shippedAt: '2024-06-01T10:00:00Z' };
    const evaluation = await evaluateChange([compiled.ruleSet], facts);

    expect(evaluation.fired).toHaveLength(1);
  });
});
