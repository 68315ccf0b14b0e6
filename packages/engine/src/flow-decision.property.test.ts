/**
 * Property: for random small valid Flows and random Changes, the compiled
 * Rule set run by json-rules-engine fires exactly the paths that a direct
 * reading of the graph reaches. The reading below walks the graph itself
 * and imports nothing from the compiler or the evaluator. A second test
 * shows the property has teeth: with every compiled `not` dropped from the
 * Rule set, it finds a counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateChange } from './change-evaluator.js';
import {
  branchArbitrary,
  buildGraph,
  factsArbitrary,
  propertyCatalog,
  PROPERTY_FLOW_ID,
  thingFieldTypes,
  triggerArbitrary,
} from './flow-arbitraries.fixture.js';
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
import type { Facts, RuleSet } from './rule-set.js';
import { safeTimeZone } from './time-zone.js';

// ---- the direct reading ----------------------------------------------------

type FactSource = Record<string, unknown> | null | undefined;

function sourceOf(f: Facts, fact: string): FactSource {
  return (f as unknown as Record<string, FactSource>)[fact];
}

function holds(node: ConditionNode, f: Facts): boolean {
  if ('all' in node) return node.all.every((child) => holds(child, f));
  if ('any' in node) return node.any.some((child) => holds(child, f));
  if ('not' in node) return !holds(node.not, f);

  const type =
    node.fact === 'customer' ? 'picklist' : thingFieldTypes[node.path];
  const value = node.valueFact
    ? sourceOf(f, node.valueFact.fact)?.[node.valueFact.path]
    : node.value;
  return evaluateOperator(
    type,
    node.operator,
    sourceOf(f, node.fact)?.[node.path],
    {
      value,
      ignoreCase: node.ignoreCase === true,
      now: f.now,
      timeZone: safeTimeZone(f.customer.timeZone),
      prior: f.prior?.[node.path],
      isNew: f.change.kind === 'create',
    },
  );
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
    share >= 100 || (id !== '' && rolloutBucket(id, PROPERTY_FLOW_ID) < share);
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

// ---- the property ------------------------------------------------------------

type Mutation = (ruleSet: RuleSet) => RuleSet;

function compiledDecidesAsGraphReads(mutate: Mutation) {
  return fc.asyncProperty(
    triggerArbitrary,
    branchArbitrary,
    factsArbitrary,
    async (trigger, root, f) => {
      const graph = buildGraph(trigger, root);
      const compiled = compileFlow(
        graph,
        { flowId: PROPERTY_FLOW_ID, version: 1 },
        propertyCatalog,
      );
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

      const ruleSet = mutate(compiled.ruleSet);
      const evaluation = await evaluateChange([ruleSet], f, {
        evaluator: 'reference',
      });
      const fired = evaluation.fired.map((e) => e.pathId).sort();
      expect(fired).toEqual(directlyFired(graph, f));
    },
  );
}

/** Replaces every `{ not: x }` in the stored rules with `{ all: [x] }`. */
function dropNots(ruleSet: RuleSet): RuleSet {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);

    if (typeof node !== 'object' || node === null) return node;

    const { not, ...rest } = node as Record<string, unknown>;
    const copy = Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [key, strip(value)]),
    );
    return not === undefined ? copy : { ...copy, all: [strip(not)] };
  };

  return {
    ...ruleSet,
    rules: ruleSet.rules.map((rule) => ({
      ...rule,
      conditions: strip(rule.conditions) as typeof rule.conditions,
    })),
  };
}

describe('compiled rules decide as the graph reads', () => {
  it('fires exactly the paths a direct reading reaches', async () => {
    await fc.assert(
      compiledDecidesAsGraphReads((ruleSet) => ruleSet),
      {
        numRuns: 300,
      },
    );
  });

  it('finds a counterexample when every compiled not is dropped', async () => {
    const outcome = await fc.check(compiledDecidesAsGraphReads(dropNots), {
      numRuns: 300,
      seed: 7,
      endOnFailure: true,
    });

    expect(outcome.failed).toBe(true);
  });
});
