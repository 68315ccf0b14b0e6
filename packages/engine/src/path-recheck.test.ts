import { describe, expect, it } from 'vitest';
import { demoCatalog, demoFlow, shippedFacts } from './demo-flow.fixture.js';
import { compileFlow } from './flow-compiler.js';
import type { FlowGraph } from './flow-model.js';
import { recheckPath } from './path-recheck.js';
import type { RuleSet } from './rule-set.js';

/** The demo Flow with a Wait of one day between the Rollout and the Template. */
function delayedRuleSet(): RuleSet {
  const graph: FlowGraph = demoFlow();
  graph.steps.push({
    id: 'wait',
    type: 'wait',
    data: { mode: 'delay', minutes: 1440 },
  });
  graph.edges = graph.edges.filter((edge) => edge.id !== 'e3');
  graph.edges.push(
    { id: 'e3a', source: 'vip', target: 'wait' },
    { id: 'e3b', source: 'wait', target: 'message' },
  );
  const compiled = compileFlow(
    graph,
    { flowId: 'late', version: 2 },
    demoCatalog,
  );
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

  return JSON.parse(JSON.stringify(compiled.ruleSet)) as RuleSet;
}

const pathId = 'trigger>shipped>vip>wait>message>send';

describe('the compiled path event', () => {
  it('carries the wait steps with their data', () => {
    const params = delayedRuleSet().rules[0].event.params;

    expect(params.waitStepIds).toEqual(['wait']);
    expect(params.waits).toEqual([
      { stepId: 'wait', mode: 'delay', minutes: 1440 },
    ]);
  });
});

describe('recheckPath', () => {
  it('holds while the conditions still hold, tracing only the path part', async () => {
    const recheck = await recheckPath(
      delayedRuleSet(),
      pathId,
      shippedFacts('VIP'),
    );

    expect(recheck).toMatchObject({ holds: true });
    const steps = 'conditions' in recheck ? recheck.conditions : [];
    expect(steps.map((trace) => trace.stepId)).toEqual(['shipped', 'vip']);
  });

  it('fails when the customer left the rollout since', async () => {
    const recheck = await recheckPath(
      delayedRuleSet(),
      pathId,
      shippedFacts('Standard'),
    );

    expect(recheck).toMatchObject({
      holds: false,
      conditions: [
        { stepId: 'shipped', result: true },
        { stepId: 'vip', actual: 'Standard', result: false },
      ],
    });
  });

  it('fails when the record moved on', async () => {
    const facts = shippedFacts('VIP');
    facts.record.status = 'Delivered';

    const recheck = await recheckPath(delayedRuleSet(), pathId, facts);
    expect(recheck).toMatchObject({ holds: false });
  });

  it('ignores the trigger, which matched when the change arrived', async () => {
    const facts = shippedFacts('VIP');
    facts.change = { ...facts.change, kind: 'create', changedFields: [] };
    facts.prior = { status: 'Pending' };

    const recheck = await recheckPath(delayedRuleSet(), pathId, facts);
    expect(recheck).toMatchObject({ holds: true });
  });

  it('explains like json-rules-engine when the rules need it', async () => {
    const compiled = delayedRuleSet();
    const referenceOnly = structuredClone(compiled);
    Object.assign(referenceOnly.rules[0].conditions, { priority: 1 });
    const facts = shippedFacts('Standard');

    expect(await recheckPath(referenceOnly, pathId, facts)).toEqual(
      await recheckPath(compiled, pathId, facts),
    );
  });

  it('reports a path the rule set does not have', async () => {
    const recheck = await recheckPath(
      delayedRuleSet(),
      'nope',
      shippedFacts('VIP'),
    );

    expect(recheck).toMatchObject({ problem: { code: 'HERALD_PATH_UNKNOWN' } });
  });
});
