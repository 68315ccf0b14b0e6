/**
 * Evaluates one Change against Rule sets with the reference engine and
 * explains every path. Under transition semantics a path fires only when
 * its conditions hold now and did not hold before the Change: the path
 * part of the rule (never the Trigger part) is run again with the prior
 * snapshot as both `record` and `prior`, today's Customer and the same
 * `now`. A create, or a Change without a prior snapshot, counts as not
 * holding before.
 */
import type { RuleProperties, RuleResult } from 'json-rules-engine';
import { traceRuleResult } from './condition-trace.js';
import { PATH_CONDITION } from './flow-compiler.js';
import { compareText } from './flow-graph.js';
import { createReferenceEngine } from './reference-engine.js';
import type { Evaluation, Facts, PathTrace, RuleSet } from './rule-set.js';

const HELD_BEFORE_NOTE =
  'the conditions already held before this change (transition semantics)';

/** Runs every Rule set on the facts and gathers fired paths and traces. */
export async function evaluateChange(
  ruleSets: RuleSet[],
  facts: Facts,
): Promise<Evaluation> {
  const ordered = [...ruleSets].sort(
    (a, b) => compareText(a.flowId, b.flowId) || a.version - b.version,
  );
  const evaluation: Evaluation = { fired: [], trace: [] };
  for (const ruleSet of ordered) {
    const traces = await evaluateRuleSet(ruleSet, facts);
    evaluation.trace.push(...traces);
  }

  for (const trace of evaluation.trace) {
    if (!trace.fired) continue;

    const rule = findRule(ordered, trace);
    if (rule) evaluation.fired.push(rule.event.params);
  }

  return evaluation;
}

/** The facts a transition rule is checked against for "before". */
export function priorFacts(facts: Facts): Facts | undefined {
  if (facts.change.kind === 'create' || facts.prior === null) return undefined;

  return {
    record: facts.prior,
    prior: facts.prior,
    change: { ...facts.change, changedFields: [] },
    customer: facts.customer,
    now: facts.now,
  };
}

async function evaluateRuleSet(
  ruleSet: RuleSet,
  facts: Facts,
): Promise<PathTrace[]> {
  const current = await runRules(ruleSet.rules, facts);
  const passed = ruleSet.rules.filter((rule) => current.get(rule.name)?.result);
  const before = priorFacts(facts);
  const checkBefore =
    ruleSet.trigger.semantics === 'transition' && before && passed.length > 0;
  const prior = checkBefore
    ? await runRules(passed.map(pathOnly), before)
    : new Map<string, RuleResult>();

  return ruleSet.rules.map((rule) => {
    const result = current.get(rule.name);
    const priorResult = prior.get(rule.name);
    const heldBefore = priorResult?.result === true;
    const trace: PathTrace = {
      flowId: ruleSet.flowId,
      version: ruleSet.version,
      pathId: rule.event.params.pathId,
      fired: result?.result === true && !heldBefore,
      conditions: result ? traceRuleResult(result) : [],
    };
    if (heldBefore) trace.note = HELD_BEFORE_NOTE;

    if (priorResult) trace.priorConditions = traceRuleResult(priorResult);

    return trace;
  });
}

async function runRules(
  rules: RuleSet['rules'],
  facts: Facts,
): Promise<Map<string, RuleResult>> {
  const engine = createReferenceEngine({ rules });
  const outcome = await engine.run({ ...facts });
  const results = [...outcome.results, ...outcome.failureResults];

  return new Map(results.map((result) => [result.name, result]));
}

function pathOnly(rule: RuleSet['rules'][number]): RuleSet['rules'][number] {
  const root = rule.conditions as { all?: { name?: string }[] };
  const path = root.all?.find((part) => part.name === PATH_CONDITION);
  if (!path) return rule;

  return { ...rule, conditions: path as RuleProperties['conditions'] };
}

function findRule(ruleSets: RuleSet[], trace: PathTrace) {
  const ruleSet = ruleSets.find(
    (candidate) =>
      candidate.flowId === trace.flowId && candidate.version === trace.version,
  );

  return ruleSet?.rules.find(
    (rule) => rule.event.params.pathId === trace.pathId,
  );
}
