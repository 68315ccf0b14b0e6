import { describe, expect, it } from 'vitest';
import { resolveChannels } from './channel-resolver.js';
import { evaluateChange } from './change-evaluator.js';
import { demoCatalog, demoFlow, shippedFacts } from './demo-flow.fixture.js';
import { compileFlow } from './flow-compiler.js';
import { renderTemplate } from './template-renderer.js';
import type { RuleSet } from './rule-set.js';

function compileDemo(): RuleSet {
  const compiled = compileFlow(
    demoFlow(),
    { flowId: 'flow-ship', version: 3 },
    demoCatalog,
  );
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

  return compiled.ruleSet;
}

describe('the Shipment demo flow end to end', () => {
  it('compiles to one rule for its one path', () => {
    const ruleSet = compileDemo();

    expect(ruleSet.rules.map((rule) => rule.name)).toEqual([
      'trigger>shipped>vip>message>send',
    ]);
    expect(ruleSet.trigger).toEqual({
      objectType: 'Shipment',
      changeKinds: ['update'],
      changedFields: [],
      semantics: 'transition',
    });
  });

  it('fires for a VIP customer whose shipment ships, and explains why', async () => {
    const facts = shippedFacts('VIP');
    const evaluation = await evaluateChange([compileDemo()], facts);

    expect(evaluation.fired).toHaveLength(1);
    const fired = evaluation.fired[0];
    expect(fired).toMatchObject({
      flowId: 'flow-ship',
      version: 3,
      templateId: 'shipping-update',
      channelStepId: 'send',
      channelPolicy: { policy: 'preferred' },
      waitStepIds: [],
    });
    expect(resolveChannels(fired.channelPolicy, facts.customer)).toEqual([
      'whatsapp',
    ]);

    const trace = evaluation.trace[0];
    expect(trace.fired).toBe(true);
    expect(trace.conditions).toContainEqual({
      fact: 'record',
      path: 'status',
      operator: 'changedTo',
      expected: 'Shipped',
      actual: 'Shipped',
      prior: 'Pending',
      result: true,
      stepId: 'shipped',
    });
    expect(trace.conditions).toContainEqual({
      fact: 'customer',
      path: 'tier',
      operator: 'in',
      expected: ['VIP', 'Platinum'],
      actual: 'VIP',
      result: true,
      stepId: 'vip',
    });

    const text = await renderTemplate(demoCatalog.templates[0].body, facts);
    expect(text).toEqual({
      ok: true,
      text: 'Hi Ada, your parcel is on its way with UPS: 1Z999.',
    });
  });

  it('does not fire for a Standard customer, and the trace says so', async () => {
    const evaluation = await evaluateChange(
      [compileDemo()],
      shippedFacts('Standard'),
    );

    expect(evaluation.fired).toEqual([]);
    const tierLeaf = evaluation.trace[0].conditions.find(
      (leaf) => leaf.path === 'tier',
    );
    expect(tierLeaf).toMatchObject({ actual: 'Standard', result: false });
  });

  it('does not fire when the status was already Shipped', async () => {
    const evaluation = await evaluateChange(
      [compileDemo()],
      shippedFacts('VIP', 'Shipped'),
    );

    expect(evaluation.fired).toEqual([]);
  });
});
