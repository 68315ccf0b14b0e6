/**
 * Test fixture: fast-check generators of small valid Flows over one object
 * type, and of Changes to run them on. Imported by property tests only;
 * not part of the package's API.
 */
import fc from 'fast-check';
import type { Catalog, FieldType } from './catalog.js';
import type {
  ConditionNode,
  FlowGraph,
  RolloutStep,
  Step,
  TriggerStep,
} from './flow-model.js';
import type { Facts } from './rule-set.js';

/** The Flow id every generated Flow compiles under. */
export const PROPERTY_FLOW_ID = 'prop-flow';

/** Field types of the generated object type, `Thing`. */
export const thingFieldTypes: Record<string, FieldType> = {
  status: 'picklist',
  amount: 'number',
  limit: 'number',
  note: 'text',
  flag: 'boolean',
  due: 'date',
  at: 'datetime',
  price: 'money',
};

/** A Catalog with `Thing` and one template. */
export const propertyCatalog: Catalog = {
  objectTypes: [
    {
      name: 'Thing',
      fields: Object.entries(thingFieldTypes).map(([name, type]) =>
        name === 'status'
          ? { name, type, values: ['A', 'B', 'C'] }
          : type === 'money'
            ? { name, type, currency: 'EUR' }
            : { name, type },
      ),
    },
  ],
  templates: [{ id: 'tpl', name: 'T', body: 'Hello' }],
};

const status = fc.constantFrom('A', 'B', 'C');
const window = fc.record({
  amount: fc.constantFrom(1, 2, 30),
  unit: fc.constantFrom('hours', 'days', 'minutes'),
});

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
    path: fc.constant('amount'),
    operator: fc.constantFrom('greaterThan', 'equal', 'lessThanInclusive'),
    valueFact: fc.record({
      fact: fc.constantFrom('record' as const, 'prior' as const),
      path: fc.constantFrom('limit', 'amount'),
    }),
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
    fact: fc.constant('record' as const),
    path: fc.constantFrom('due', 'at'),
    operator: fc.constantFrom('before', 'after', 'on'),
    value: fc.constantFrom('2024-06-01', '2024-06-01T22:30:00Z'),
  }),
  fc.record({
    fact: fc.constant('record' as const),
    path: fc.constantFrom('due', 'at'),
    operator: fc.constantFrom('withinNext', 'withinLast'),
    value: window,
  }),
  fc.record({
    fact: fc.constant('record' as const),
    path: fc.constant('at'),
    operator: fc.constantFrom('after', 'before', 'on'),
    valueFact: fc.constant({ fact: 'prior' as const, path: 'at' }),
  }),
  fc.record({
    fact: fc.constant('record' as const),
    path: fc.constant('price'),
    operator: fc.constantFrom('greaterThan', 'equal'),
    value: fc.constantFrom(3, { amount: 4, currency: 'EUR' }),
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

/** The shape of a generated Flow below its Trigger. */
export type Branch =
  | { kind: 'end' }
  | { kind: 'rollout'; data: RolloutStep['data']; next: Branch }
  | {
      kind: 'condition';
      test: ConditionNode;
      onTrue?: Branch;
      onFalse?: Branch;
    };

/** Trees of Conditions and Rollouts ending in Template → Channel. */
export const branchArbitrary = fc.letrec<{ branch: Branch }>((tie) => ({
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
})).branch;

/** Trigger data over `Thing`, in either semantics. */
export const triggerArbitrary = fc.record({
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
    limit: fc.integer({ min: 0, max: 4 }),
    note: fc.constantFrom('x', 'aXb', '', '  '),
    flag: fc.constantFrom(true, false, 'true'),
    due: fc.constantFrom('2024-06-01', '2024-06-02', '2024-05-31', 'bad'),
    at: fc.constantFrom(
      '2024-06-01T08:00:00Z',
      '2024-06-01T23:30:00-04:00',
      '2024-05-31T12:00:00+02:00',
    ),
    price: fc.constantFrom<unknown>(
      3,
      '5',
      { amount: 4, currency: 'EUR' },
      { amount: 4, currency: 'USD' },
    ),
  },
  { requiredKeys: [] },
);

/** Creates and updates of a `Thing`, with a Customer and a moment. */
export const factsArbitrary: fc.Arbitrary<Facts> = fc
  .record({
    kind: fc.constantFrom('create' as const, 'update' as const),
    record: snapshot,
    prior: snapshot,
    changedFields: fc.subarray(['status', 'amount', 'note', 'flag']),
    customer: fc.record({
      id: fc.constantFrom('c1', 'c2', 'c3', 'c4', ''),
      tier: fc.constantFrom('Standard', 'VIP', undefined),
      region: fc.constantFrom('North', 'south', undefined),
      timeZone: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York'),
    }),
    now: fc.constantFrom('2024-06-01T10:00:00Z', '2024-06-01T23:00:00Z'),
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
    now: f.now,
  }));

/** Draws the graph of a Trigger and a Branch, with stable step ids. */
export function buildGraph(
  trigger: TriggerStep['data'],
  root: Branch,
): FlowGraph {
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
