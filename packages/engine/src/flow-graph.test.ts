import { describe, expect, it } from 'vitest';
import { demoCatalog } from './demo-flow.fixture.js';
import type { FlowGraph, Step } from './flow-model.js';
import { validateFlow } from './flow-validator.js';

/**
 * Regression: a chain of 40 "diamonds" (each step forks to two steps that
 * join again) ending in a dangling step has 2^40 dead-end paths. Walking
 * them all froze the server; pruning branches that reach no Channel makes
 * validation answer at once.
 */
function diamondChain(diamonds: number): FlowGraph {
  const rollout = (id: string): Step => ({
    id,
    type: 'rollout',
    data: { percentage: 50 },
  });
  const steps: Step[] = [
    {
      id: 'trigger',
      type: 'trigger',
      data: { objectType: 'Shipment', changeKinds: ['update'] },
    },
  ];
  const edges: FlowGraph['edges'] = [];
  const link = (source: string, target: string) =>
    edges.push({ id: `${source}-${target}`, source, target });

  link('trigger', 'r0');
  for (let i = 0; i < diamonds; i += 1) {
    steps.push(rollout(`r${i}`), rollout(`a${i}`), rollout(`b${i}`));
    link(`r${i}`, `a${i}`);
    link(`r${i}`, `b${i}`);
    link(`a${i}`, `r${i + 1}`);
    link(`b${i}`, `r${i + 1}`);
  }
  steps.push(rollout(`r${diamonds}`));
  return { schemaVersion: 1, steps, edges };
}

describe('path enumeration', () => {
  it('validates a flow of 2^40 dead-end paths without walking them', () => {
    const codes = validateFlow(diamondChain(40), demoCatalog).map(
      (problem) => problem.code,
    );
    expect(codes).toContain('HERALD_FLOW_DANGLING_OUTPUT');
  });
});
