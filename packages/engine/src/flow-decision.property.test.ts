/**
 * Property: for random small valid Flows and random Changes, the compiled
 * Rule set run by json-rules-engine fires exactly the paths that a direct
 * reading of the graph reaches. The reading below walks the graph itself
 * and imports nothing from the compiler or the evaluator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog, FieldType } from './catalog.js';
import { evaluateChange } from './change-evaluator.js';
import { compileFlow } from './flow-compiler.js';
import type {
  ConditionNode,
  FlowGraph,
  RolloutStep,
  Step,
  TriggerStep,
} from './flow-model.js';
import { evaluateOperator } from './operators.js';
import { rolloutBucket } from './rollout-bucket.js';
import type { Facts } from './rule-set.js';

const FLOW_ID = 'prop-flow';
const types: Record<string, FieldType> = {
  status: 'picklist',
  amount: 'number',
  note: 'text',
  flag: 'boolean',
};
const catalog: Catalog = {
  objectTypes: [
    {
      name: 'Thing',
      fields: [
        { name: 'status', type: 'picklist', values: ['A', 'B', 'C'] },
        { name: 'amount', type: 'number' },
        { name: 'note', type: 'text' },
        { name: 'flag', type: 'boolean' },
      ],
    },
  ],
  templates: [{ id: 'tpl', name: 'T', body: 'Hello' }],
};

// ---- generators -----------------------------------------------------------

const status = fc.constantFrom('A', 'B', 'C');
const leaf: fc.Arbitrary<ConditionNode> = fc.oneof(
  fc.record({
    fact: fc.constant('record' as const),
    path: fc.constant('status'),
    operator: fc.constantFrom('equal', 'changed', 'changedTo', 'changedFrom'),
    value: status,
  }),
  fc.record({
    fact: fc.constantFrom('record' as const, 'prior' as const),
    path: fc.constant('status'),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.subarray(['A', 'B', 'C']),
  }),
  fc.record({
    fact: fc.constant('record' as const),
    path: fc.constant('amount'),
    operator: fc.constantFrom('lessThan', 'greaterThanInclusive', 'equal'),
    value: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({
    fact: fc.constant('record' as const),
    path: fc.constant('note'),
    operator: fc.constantFrom('contains', 'isBlank', 'equals'),
    value: fc.constantFrom('x', 'X'),
    ignoreCase: fc.boolean(),
  }),
  fc.record({
    fact: fc.constant('record' as const),
    path: fc.constant('flag'),
    operator: fc.constantFrom('isTrue', 'isFalse', 'changed'),
  }),
  fc.record({
    fact: fc.constant('record' as const),
    path: fc.constant('amount'),
    operator: fc.constantFrom('changed', 'isNew', 'isBlank'),
  }),
  fc.record({
    fact: fc.constant('customer' as const),
    path: fc.constant('tier'),
    operator: fc.constant('in'),
    value: fc.subarray(['Standard', 'VIP']),
  }),
);
const conditionNode: fc.Arbitrary<ConditionNode> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  fc.record({ all: fc.array(leaf, { maxLength: 2 }) }),
  fc.record({ any: fc.array(leaf, { minLength: 1, maxLength: 2 }) }),
  fc.record({ not: leaf }),
);
const rollout: fc.Arbitrary<RolloutStep['data']> = fc.record(
  {
    tiers: fc.subarray(['Standard', 'VIP']),
    regions: fc.subarray(['north', 'South']),
    allowList: fc.subarray(['c1', 'c2']),
    percentage: fc.constantFrom(0, 50, 100),
  },
  { requiredKeys: [] },
);

type Branch =
  | { kind: 'end' }
  | { kind: 'rollout'; data: RolloutStep['data']; next: Branch }
  | {
      kind: 'condition';
      test: ConditionNode;
      onTrue?: Branch;
      onFalse?: Branch;
    };

const { branch } = fc.letrec<{ branch: Branch }>((tie) => ({
  branch: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ kind: 'end' as const }),
    fc.record({
      kind: fc.constant('rollout' as const),
      data: rollout,
      next: tie('branch'),
    }),
    fc
      .record({
        kind: fc.constant('condition' as const),
        test: conditionNode,
        onTrue: fc.option(tie('branch'), { nil: undefined }),
        onFalse: fc.option(tie('branch'), { nil: undefined }),
      })
      .map((c) =>
        c.onTrue || c.onFalse ? c : { ...c, onTrue: { kind: 'end' as const } },
      ),
  ),
}));

const triggerData = fc.record({
  objectType: fc.constant('Thing'),
  changeKinds: fc.subarray(['create', 'update'] as const, { minLength: 1 }),
  changedFields: fc.constantFrom<string[] | undefined>(
    undefined,
    ['status'],
    ['amount', 'note'],
  ),
  semantics: fc.constantFrom('state' as const, 'transition' as const),
});

const snapshot = fc.record(
  {
    status,
    amount: fc.oneof(
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom('2', '3.0'),
    ),
    note: fc.constantFrom('x', 'aXb', '', '  '),
    flag: fc.constantFrom(true, false, 'true'),
  },
  { requiredKeys: [] },
);

const facts: fc.Arbitrary<Facts> = fc
  .record({
    kind: fc.constantFrom('create' as const, 'update' as const),
    record: snapshot,
    prior: snapshot,
    changedFields: fc.subarray(['status', 'amount', 'note', 'flag']),
    customer: fc.record({
      id: fc.constantFrom('c1', 'c2', 'c3', 'c4', ''),
      tier: fc.constantFrom('Standard', 'VIP', undefined),
      region: fc.constantFrom('North', 'south', undefined),
    }),
  })
  .map((f) => ({
    record: f.record,
    prior: f.kind === 'create' ? null : f.prior,
    change: {
      kind: f.kind,
      objectType: 'Thing',
      recordId: 'r1',
      changedFields: f.changedFields,
    },
    customer: f.customer,
    now: '2024-06-01T10:00:00Z',
  }));

// ---- graph building --------------------------------------------------------

function buildGraph(trigger: TriggerStep['data'], root: Branch): FlowGraph {
  const steps: Step[] = [{ id: 't', type: 'trigger', data: trigger }];
  const edges: FlowGraph['edges'] = [];
  let counter = 0;
  const add = (branch: Branch, from: string, handle?: 'true' | 'false') => {
    const id = `s${String(++counter).padStart(2, '0')}`;
    edges.push({
      id: `e${id}`,
      source: from,
      target: id,
      sourceHandle: handle,
    });
    if (branch.kind === 'end') {
      steps.push({ id, type: 'template', data: { templateId: 'tpl' } });
      steps.push({
        id: `${id}c`,
        type: 'channel',
        data: { policy: 'preferred' },
      });
      edges.push({ id: `e${id}c`, source: id, target: `${id}c` });
    } else if (branch.kind === 'rollout') {
      steps.push({ id, type: 'rollout', data: branch.data });
      add(branch.next, id);
    } else {
      steps.push({ id, type: 'condition', data: { test: branch.test } });
      if (branch.onTrue) add(branch.onTrue, id, 'true');
      if (branch.onFalse) add(branch.onFalse, id, 'false');
    }
  };
  add(root, 't');

  return { schemaVersion: 1, steps, edges };
}

// ---- the direct reading ----------------------------------------------------

function holds(node: ConditionNode, f: Facts): boolean {
  if ('all' in node) return node.all.every((child) => holds(child, f));
  if ('any' in node) return node.any.some((child) => holds(child, f));
  if ('not' in node) return !holds(node.not, f);

  const source = (
    f as unknown as Record<string, Record<string, unknown> | null>
  )[node.fact];
  const type = node.fact === 'customer' ? 'picklist' : types[node.path];
  return evaluateOperator(type, node.operator, source?.[node.path], {
    value: node.value,
    ignoreCase: node.ignoreCase === true,
    now: f.now,
    timeZone: 'UTC',
    prior: f.prior?.[node.path],
    isNew: f.change.kind === 'create',
  });
}

function admits(
  data: RolloutStep['data'],
  customer: Facts['customer'],
): boolean {
  const id = typeof customer.id === 'string' ? customer.id : '';
  if (data.allowList?.includes(id)) return true;

  const region = String(customer.region ?? '').toLowerCase();
  const tierOk =
    !data.tiers?.length || data.tiers.includes(customer.tier as string);
  const regionOk =
    !data.regions?.length ||
    data.regions.some((r) => r.toLowerCase() === region);
  const share = data.percentage ?? 100;
  const shareOk =
    share >= 100 || (id !== '' && rolloutBucket(id, FLOW_ID) < share);
  return tierOk && regionOk && shareOk;
}

function reachedPaths(graph: FlowGraph, f: Facts): Set<string> {
  const byId = new Map(graph.steps.map((s) => [s.id, s]));
  const reached = new Set<string>();
  const walk = (step: Step, trail: string[]): void => {
    const here = [...trail, step.id];
    if (step.type === 'channel') return void reached.add(here.join('>'));

    let handle = 'next';
    if (step.type === 'condition')
      handle = holds(step.data.test, f) ? 'true' : 'false';
    if (step.type === 'rollout' && !admits(step.data, f.customer)) return;

    for (const edge of graph.edges) {
      if (edge.source === step.id && (edge.sourceHandle ?? 'next') === handle) {
        walk(byId.get(edge.target) as Step, here);
      }
    }
  };
  walk(graph.steps[0], []);

  return reached;
}

function directlyFired(graph: FlowGraph, f: Facts): string[] {
  const trigger = graph.steps[0] as TriggerStep;
  const { changeKinds, changedFields, semantics } = trigger.data;
  if (!changeKinds.includes(f.change.kind)) return [];
  if (
    changedFields &&
    !changedFields.some((x) => f.change.changedFields.includes(x))
  ) {
    return [];
  }

  const now = reachedPaths(graph, f);
  if (semantics !== 'transition' || f.change.kind === 'create' || !f.prior) {
    return [...now].sort();
  }

  const before = reachedPaths(graph, {
    ...f,
    record: f.prior,
    change: { ...f.change, changedFields: [] },
  });
  return [...now].filter((path) => !before.has(path)).sort();
}

describe('compiled rules decide as the graph reads', () => {
  it('fires exactly the paths a direct reading reaches', async () => {
    await fc.assert(
      fc.asyncProperty(triggerData, branch, facts, async (trigger, root, f) => {
        const graph = buildGraph(trigger, root);
        const compiled = compileFlow(
          graph,
          { flowId: FLOW_ID, version: 1 },
          catalog,
        );
        if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

        const evaluation = await evaluateChange([compiled.ruleSet], f);
        const fired = evaluation.fired.map((e) => e.pathId).sort();
        expect(fired).toEqual(directlyFired(graph, f));
      }),
      { numRuns: 300 },
    );
  });
});
