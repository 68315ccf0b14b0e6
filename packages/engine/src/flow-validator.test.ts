import { describe, expect, it } from 'vitest';
import { demoCatalog, demoFlow } from './demo-flow.fixture.js';
import type { FlowGraph, Step } from './flow-model.js';
import { flowProblemCodes } from './flow-problem.js';
import { validateFlow } from './flow-validator.js';

type Edit = (graph: FlowGraph) => void;

function step(graph: FlowGraph, id: string): Step {
  const found = graph.steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no step ${id}`);

  return found;
}

const shippedLeaf = (graph: FlowGraph) =>
  (step(graph, 'shipped').data as { test: Record<string, unknown> }).test;

const cases: [string, Edit, { code: string; stepId: string | null }][] = [
  [
    'a step of unknown type',
    (g) => g.steps.push({ id: 'x', type: 'teleport' } as unknown as Step),
    { code: 'HERALD_FLOW_SCHEMA', stepId: 'x' },
  ],
  [
    'two steps with one id',
    (g) => g.steps.push({ ...step(g, 'send') }),
    { code: 'HERALD_FLOW_DUPLICATE_ID', stepId: 'send' },
  ],
  [
    'no trigger',
    (g) => {
      g.steps = g.steps.filter((s) => s.type !== 'trigger');
      g.edges = g.edges.filter((e) => e.source !== 'trigger');
    },
    { code: 'HERALD_FLOW_NO_TRIGGER', stepId: null },
  ],
  [
    'a second trigger',
    (g) => {
      g.steps.push({ ...step(g, 'trigger'), id: 't2' } as Step);
      g.edges.push({ id: 'e9', source: 't2', target: 'message' });
    },
    { code: 'HERALD_FLOW_MULTIPLE_TRIGGERS', stepId: 't2' },
  ],
  [
    'a step no path reaches',
    (g) => {
      g.steps.push({
        id: 'lonely',
        type: 'channel',
        data: { policy: 'preferred' },
      });
    },
    { code: 'HERALD_FLOW_UNREACHABLE_STEP', stepId: 'lonely' },
  ],
  [
    'an edge back to an earlier step',
    (g) => g.edges.push({ id: 'back', source: 'message', target: 'shipped' }),
    { code: 'HERALD_FLOW_CYCLE', stepId: 'shipped' },
  ],
  [
    'a template with no way out',
    (g) => (g.edges = g.edges.filter((e) => e.id !== 'e4')),
    { code: 'HERALD_FLOW_DANGLING_OUTPUT', stepId: 'message' },
  ],
  [
    'an edge into the trigger',
    (g) => g.edges.push({ id: 'in', source: 'vip', target: 'trigger' }),
    { code: 'HERALD_FLOW_BAD_EDGE', stepId: 'vip' },
  ],
  [
    'an edge to an unknown step',
    (g) => g.edges.push({ id: 'ghost', source: 'vip', target: 'nowhere' }),
    { code: 'HERALD_FLOW_BAD_EDGE', stepId: 'vip' },
  ],
  [
    'a condition left through next',
    (g) => (g.edges[1].sourceHandle = 'next'),
    { code: 'HERALD_FLOW_BAD_EDGE', stepId: 'shipped' },
  ],
  [
    'a rollout left through true',
    (g) => (g.edges[2].sourceHandle = 'true'),
    { code: 'HERALD_FLOW_BAD_EDGE', stepId: 'vip' },
  ],
  [
    'an unknown object type',
    (g) =>
      ((step(g, 'trigger').data as { objectType: string }).objectType = 'Boat'),
    { code: 'HERALD_FLOW_UNKNOWN_OBJECT_TYPE', stepId: 'trigger' },
  ],
  [
    'an unknown changed field on the trigger',
    (g) =>
      ((step(g, 'trigger').data as { changedFields?: string[] }).changedFields =
        ['nope']),
    { code: 'HERALD_FLOW_UNKNOWN_FIELD', stepId: 'trigger' },
  ],
  [
    'a condition on an unknown field',
    (g) => (shippedLeaf(g).path = 'colour'),
    { code: 'HERALD_FLOW_UNKNOWN_FIELD', stepId: 'shipped' },
  ],
  [
    'a text operator on a picklist',
    (g) => (shippedLeaf(g).operator = 'startsWith'),
    { code: 'HERALD_FLOW_OPERATOR_MISMATCH', stepId: 'shipped' },
  ],
  [
    'a change operator on the customer',
    (g) =>
      Object.assign(shippedLeaf(g), {
        fact: 'customer',
        path: 'tier',
        value: 'VIP',
      }),
    { code: 'HERALD_FLOW_OPERATOR_MISMATCH', stepId: 'shipped' },
  ],
  [
    'a value outside the picklist',
    (g) => (shippedLeaf(g).value = 'Teleported'),
    { code: 'HERALD_FLOW_BAD_VALUE', stepId: 'shipped' },
  ],
  [
    'a number that does not parse',
    (g) =>
      Object.assign(shippedLeaf(g), {
        path: 'weight',
        operator: 'greaterThan',
        value: 'heavy',
      }),
    { code: 'HERALD_FLOW_BAD_VALUE', stepId: 'shipped' },
  ],
  [
    'a window without a unit',
    (g) =>
      Object.assign(shippedLeaf(g), {
        path: 'deliveryDate',
        operator: 'withinNext',
        value: { amount: 2 },
      }),
    { code: 'HERALD_FLOW_BAD_VALUE', stepId: 'shipped' },
  ],
  [
    'a rollout to an unknown tier',
    (g) => ((step(g, 'vip').data as { tiers: string[] }).tiers = ['Diamond']),
    { code: 'HERALD_FLOW_BAD_VALUE', stepId: 'vip' },
  ],
  [
    'a channel reached without a template',
    (g) => {
      g.steps = g.steps.filter((s) => s.id !== 'message');
      g.edges = g.edges.filter((e) => e.id !== 'e4');
      g.edges[2].target = 'send';
    },
    { code: 'HERALD_FLOW_CHANNEL_WITHOUT_TEMPLATE', stepId: 'send' },
  ],
  [
    'an unknown template',
    (g) =>
      ((step(g, 'message').data as { templateId: string }).templateId = 'gone'),
    { code: 'HERALD_FLOW_UNKNOWN_TEMPLATE', stepId: 'message' },
  ],
  [
    'a wait counting from a text field',
    (g) => {
      g.steps.push({
        id: 'later',
        type: 'wait',
        data: {
          mode: 'relative',
          field: 'carrier',
          offsetMinutes: 60,
          whenPassed: 'send',
        },
      });
      g.edges[3].target = 'later';
      g.edges.push({ id: 'e5', source: 'later', target: 'send' });
    },
    { code: 'HERALD_FLOW_WAIT_FIELD_NOT_DATE', stepId: 'later' },
  ],
];

describe('validateFlow', () => {
  it('finds no problem in the demo flow', () => {
    expect(validateFlow(demoFlow(), demoCatalog)).toEqual([]);
  });

  it.each(cases)('reports %s', (_name, edit, expected) => {
    const graph = demoFlow();
    edit(graph);

    expect(validateFlow(graph, demoCatalog)).toContainEqual(
      expect.objectContaining(expected),
    );
  });

  it.each([
    [
      'an unknown merge field',
      '{{ record.nope }}',
      'HERALD_TEMPLATE_UNKNOWN_FIELD',
    ],
    ['broken Liquid', 'Hi {{ customer.firstName ', 'HERALD_TEMPLATE_SYNTAX'],
  ])('reports a template with %s', (_name, body, code) => {
    const catalog = {
      ...demoCatalog,
      templates: [{ id: 'shipping-update', name: 'Broken', body }],
    };

    expect(validateFlow(demoFlow(), catalog)).toContainEqual(
      expect.objectContaining({ code, stepId: 'message' }),
    );
  });

  it('reports every problem at once', () => {
    const graph = demoFlow();
    shippedLeaf(graph).value = 'Teleported';
    (step(graph, 'vip').data as { tiers: string[] }).tiers = ['Diamond'];

    const codes = validateFlow(graph, demoCatalog).map((p) => p.code);
    expect(codes).toEqual(['HERALD_FLOW_BAD_VALUE', 'HERALD_FLOW_BAD_VALUE']);
  });

  it('names the schema path of a malformed graph', () => {
    const problems = validateFlow(
      { schemaVersion: 1, steps: 'no' },
      demoCatalog,
    );

    expect(problems.map((p) => p.field)).toEqual(['steps', 'edges']);
  });

  it('describes every code it can report', () => {
    const described = Object.keys(flowProblemCodes);
    for (const [, , expected] of cases) {
      expect(described).toContain(expected.code);
    }
  });
});
