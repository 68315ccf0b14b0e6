/**
 * The audience test against json-rules-engine running the compiled Flow:
 * for every Rollout and Customer in the tables, the test admits exactly
 * the Customers for whom the published path fires.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog.js';
import { evaluateChange } from './change-evaluator.js';
import { compileFlow } from './flow-compiler.js';
import type { FlowGraph, RolloutStep } from './flow-model.js';
import {
  rolloutAudienceTest,
  type AudienceCustomer,
} from './rollout-audience.js';

const FLOW_ID = 'audience-flow';

const catalog: Catalog = {
  objectTypes: [{ name: 'Order', fields: [{ name: 'status', type: 'text' }] }],
  templates: [{ id: 'hello', name: 'Hello', body: 'Hello' }],
};

const rollouts: [string, RolloutStep['data']][] = [
  ['no limits', {}],
  ['tiers', { tiers: ['VIP', 'Platinum'] }],
  ['regions, any case', { regions: ['north', 'East'] }],
  ['percentage', { percentage: 35 }],
  ['zero percent', { percentage: 0 }],
  ['fractional percentage', { percentage: 12.5 }],
  ['allow-list alone', { allowList: ['c-7', 'nobody'], percentage: 0 }],
  [
    'everything',
    {
      tiers: ['VIP'],
      regions: ['North'],
      percentage: 60,
      allowList: ['c-3'],
    },
  ],
  ['empty lists', { tiers: [], regions: [], allowList: [] }],
];

const tiers = ['VIP', 'Platinum', 'Standard', '', 'vip'];
const regions = ['North', 'north', 'EAST', 'South', '', ' ', null];
const customers: AudienceCustomer[] = Array.from({ length: 140 }, (_, i) => ({
  id: `c-${i}`,
  tier: tiers[i % tiers.length],
  region: regions[i % regions.length],
}));

describe('rolloutAudienceTest', () => {
  it.each(rollouts)(
    'admits whom the compiled flow sends to: %s',
    async (_name, data) => {
      const ruleSet = compiledRuleSet(data);
      const test = rolloutAudienceTest(data, FLOW_ID);
      for (const customer of customers) {
        const evaluation = await evaluateChange(
          [ruleSet],
          {
            record: { status: 'x' },
            prior: null,
            change: {
              kind: 'create',
              objectType: 'Order',
              recordId: 'O-1',
              changedFields: ['status'],
            },
            customer: { ...customer },
            now: '2030-01-01T00:00:00.000Z',
          },
          { evaluator: 'reference' },
        );
        expect(test(customer), `${customer.id} ${JSON.stringify(data)}`).toBe(
          evaluation.fired.length > 0,
        );
      }
    },
  );

  it('admits the allow-list whatever the other limits say', () => {
    const test = rolloutAudienceTest(
      { tiers: ['VIP'], percentage: 0, allowList: ['c-1'] },
      FLOW_ID,
    );

    expect(test({ id: 'c-1', tier: 'Standard', region: null })).toBe(true);
    expect(test({ id: 'c-2', tier: 'VIP', region: null })).toBe(false);
  });
});

function compiledRuleSet(data: RolloutStep['data']) {
  const graph: FlowGraph = {
    schemaVersion: 1,
    steps: [
      {
        id: 'trigger',
        type: 'trigger',
        data: { objectType: 'Order', changeKinds: ['create', 'update'] },
      },
      { id: 'audience', type: 'rollout', data },
      { id: 'message', type: 'template', data: { templateId: 'hello' } },
      { id: 'send', type: 'channel', data: { policy: 'preferred' } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'audience' },
      { id: 'e2', source: 'audience', target: 'message' },
      { id: 'e3', source: 'message', target: 'send' },
    ],
  };
  const compiled = compileFlow(graph, { flowId: FLOW_ID, version: 1 }, catalog);
  if (!compiled.ok) {
    throw new Error(JSON.stringify(compiled.problems));
  }

  return compiled.ruleSet;
}
