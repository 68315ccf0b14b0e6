import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { demoCatalog, demoFlow } from './demo-flow.fixture.js';
import { compileFlow } from './flow-compiler.js';
import type { FlowGraph } from './flow-model.js';
import { createReferenceEngine } from './reference-engine.js';

const meta = { flowId: 'flow-ship', version: 1 };

function branchingFlow(): FlowGraph {
  const graph = demoFlow();
  graph.steps.push(
    { id: 'a-sms', type: 'channel', data: { policy: 'fixed', channel: 'sms' } },
    { id: 'a-note', type: 'template', data: { templateId: 'shipping-update' } },
  );
  graph.edges.push(
    { id: 'e5', source: 'shipped', target: 'a-note', sourceHandle: 'false' },
    { id: 'e6', source: 'a-note', target: 'a-sms' },
  );

  return graph;
}

describe('compileFlow', () => {
  it('compiles the same graph to byte-identical JSON', () => {
    const first = compileFlow(branchingFlow(), meta, demoCatalog);
    const shuffled = branchingFlow();
    shuffled.steps.reverse();
    shuffled.edges.reverse();
    const second = compileFlow(shuffled, meta, demoCatalog);

    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('orders rules by path id and wraps a false branch in not', () => {
    const compiled = compileFlow(branchingFlow(), meta, demoCatalog);
    if (!compiled.ok) throw new Error('expected a rule set');

    const names = compiled.ruleSet.rules.map((rule) => rule.name);
    expect(names).toEqual([
      'trigger>shipped>a-note>a-sms',
      'trigger>shipped>vip>message>send',
    ]);
    const pathPart = JSON.stringify(compiled.ruleSet.rules[0].conditions);
    expect(pathPart).toContain('"name":"step:shipped","not"');
  });

  it('returns the problems instead of a rule set for an invalid flow', () => {
    const graph = demoFlow();
    graph.edges.pop();

    const compiled = compileFlow(graph, meta, demoCatalog);
    expect(compiled.ok).toBe(false);
  });

  it('stores rules json-rules-engine loads as they are', () => {
    const compiled = compileFlow(demoFlow(), meta, demoCatalog);
    if (!compiled.ok) throw new Error('expected a rule set');

    const stored = JSON.parse(JSON.stringify(compiled.ruleSet));
    expect(() => createReferenceEngine(stored)).not.toThrow();
    expect(() => new Engine(stored.rules)).not.toThrow();
  });
});
