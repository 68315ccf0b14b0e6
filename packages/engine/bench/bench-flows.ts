/**
 * Builds the benchmark's published Flows: each has a Trigger on one of
 * the ten object types (create and/or update, often narrowed to changed
 * fields, in state or transition semantics), a first Condition with both
 * branches used, an optional Rollout and Wait, a compound second Condition
 * of several operators, and Template → Channel ends. Each is compiled and
 * stored as JSON, as publishing does.
 */
import type { ConditionLeaf, ConditionNode, Step } from '../src/flow-model.js';
import type { FlowGraph } from '../src/flow-model.js';
import { compileFlow } from '../src/flow-compiler.js';
import type { RuleSet } from '../src/rule-set.js';
import {
  benchCatalog,
  benchObjectTypeNames,
  benchSources,
  benchStatuses,
} from './bench-catalog.js';
import type { RandomSource } from './random-source.js';

type Edge = FlowGraph['edges'][number];

/** Compiles `count` random Flows; throws if one does not compile. */
export function buildPublishedRuleSets(
  count: number,
  random: RandomSource,
): RuleSet[] {
  const ruleSets: RuleSet[] = [];
  for (let i = 0; i < count; i += 1) {
    const flowId = `flow-${String(i).padStart(4, '0')}`;
    const compiled = compileFlow(
      buildFlowGraph(i, random),
      { flowId, version: 1 + (i % 3) },
      benchCatalog,
    );
    if (!compiled.ok) {
      throw new Error(`${flowId}: ${JSON.stringify(compiled.problems)}`);
    }

    ruleSets.push(JSON.parse(JSON.stringify(compiled.ruleSet)) as RuleSet);
  }

  return ruleSets;
}

function buildFlowGraph(index: number, random: RandomSource): FlowGraph {
  const steps: Step[] = [triggerStep(index, random)];
  const edges: Edge[] = [];
  const link = (
    source: string,
    target: string,
    handle?: Edge['sourceHandle'],
  ) =>
    edges.push({
      id: `${source}-${target}`,
      source,
      target,
      sourceHandle: handle,
    });

  steps.push({
    id: 'c1',
    type: 'condition',
    data: { test: firstTest(random) },
  });
  link('trigger', 'c1');
  let afterFirst = 'c1';
  if (random.chance(0.6)) {
    steps.push({ id: 'r1', type: 'rollout', data: rolloutData(random) });
    link('c1', 'r1', 'true');
    afterFirst = 'r1';
  }

  steps.push({
    id: 'c2',
    type: 'condition',
    data: { test: compoundTest(random) },
  });
  link(afterFirst, 'c2', afterFirst === 'c1' ? 'true' : undefined);
  addEnd(steps, link, 'c2', 'true', 'a', random.chance(0.2));
  if (random.chance(0.5)) addEnd(steps, link, 'c2', 'false', 'b', false);

  if (random.chance(0.4)) addEnd(steps, link, 'c1', 'false', 'z', false);

  return { schemaVersion: 1, steps, edges };
}

function triggerStep(index: number, random: RandomSource): Step {
  const kinds = random.pick([
    ['update'],
    ['update'],
    ['update'],
    ['create'],
    ['create', 'update'],
  ] as const);
  const changedFields = random.pick([
    undefined,
    ['status'],
    ['status'],
    ['status'],
    ['status', 'total'],
    ['dueDate'],
    ['subject', 'items'],
  ]);

  return {
    id: 'trigger',
    type: 'trigger',
    data: {
      objectType: benchObjectTypeNames[index % benchObjectTypeNames.length],
      changeKinds: [...kinds],
      changedFields,
      semantics: random.chance(0.5) ? 'transition' : 'state',
    },
  };
}

function addEnd(
  steps: Step[],
  link: (source: string, target: string, handle?: Edge['sourceHandle']) => void,
  from: string,
  handle: 'true' | 'false',
  suffix: string,
  withWait: boolean,
): void {
  let last = from;
  let lastHandle: Edge['sourceHandle'] = handle;
  if (withWait) {
    steps.push({
      id: `w${suffix}`,
      type: 'wait',
      data: {
        mode: 'relative',
        field: 'dueDate',
        offsetMinutes: -1440,
        whenPassed: 'skip',
      },
    });
    link(last, `w${suffix}`, lastHandle);
    last = `w${suffix}`;
    lastHandle = undefined;
  }

  const templateId = suffix === 'a' ? 'status-update' : 'reminder';
  steps.push({ id: `m${suffix}`, type: 'template', data: { templateId } });
  steps.push({
    id: `ch${suffix}`,
    type: 'channel',
    data:
      suffix === 'a'
        ? { policy: 'preferred' }
        : { policy: 'fallback', channels: ['whatsapp', 'sms'] },
  });
  link(last, `m${suffix}`, lastHandle);
  link(`m${suffix}`, `ch${suffix}`);
}

function firstTest(random: RandomSource): ConditionNode {
  const status = random.pick(benchStatuses);
  return random.pick<ConditionNode>([
    leaf('status', 'changedTo', status),
    leaf('status', 'changedTo', status),
    leaf('status', 'in', random.subset(benchStatuses, 0.3)),
    { any: [leaf('status', 'equal', status), leaf('urgent', 'isTrue')] },
  ]);
}

function compoundTest(random: RandomSource): ConditionNode {
  const pool: ConditionNode[] = [
    leaf('total', 'greaterThan', random.int(10, 400)),
    leaf('items', 'between', { min: random.int(0, 3), max: random.int(4, 9) }),
    leaf('subject', 'contains', random.pick(['late', 'refund', 'vip']), true),
    leaf('reference', 'startsWith', random.pick(['A', 'B', 'C'])),
    leaf('source', 'notIn', random.subset(benchSources, 0.4)),
    leaf('dueDate', 'withinNext', { amount: random.int(1, 10), unit: 'days' }),
    leaf('updatedAt', 'withinLast', {
      amount: random.int(1, 48),
      unit: 'hours',
    }),
    leaf('urgent', 'isFalse'),
    {
      ...leaf('items', 'lessThanInclusive'),
      valueFact: { fact: 'record', path: 'limit' },
    },
    { not: leaf('subject', 'isBlank') },
    { fact: 'customer', path: 'tier', operator: 'in', value: ['Gold', 'VIP'] },
  ];
  const chosen = random.subset(pool, 0.3).slice(0, 4);
  if (chosen.length === 0) chosen.push(random.pick(pool));

  return random.chance(0.6) ? { all: chosen } : { any: chosen };
}

function rolloutData(random: RandomSource) {
  return random.pick([
    { tiers: ['VIP', 'Platinum'] },
    { percentage: random.int(10, 90) },
    { regions: ['north', 'west'], percentage: 50 },
    { allowList: ['cus-1', 'cus-2'], tiers: ['Gold'] },
  ]);
}

function leaf(
  path: string,
  operator: string,
  value?: unknown,
  ignoreCase = false,
): ConditionLeaf {
  const node: ConditionLeaf = { fact: 'record', path, operator };
  if (value !== undefined) node.value = value;
  if (ignoreCase) node.ignoreCase = true;

  return node;
}
