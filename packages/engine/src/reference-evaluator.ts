/**
 * Evaluates one Rule set with json-rules-engine, the reference every
 * faster evaluator must match. Under transition semantics a path fires
 * only when its conditions hold now and did not hold before the Change:
 * the path part of the rule (never the Trigger part) is run again with the
 * prior snapshot as both `record` and `prior`, today's Customer and the
 * same `now`. A create, or a Change without a prior snapshot, counts as not
 * holding before.
 */
import type { RuleProperties, RuleResult } from 'json-rules-engine';
import { traceRuleResult } from './condition-trace.js';
import { PATH_CONDITION } from './flow-compiler.js';
import { createReferenceEngine } from './reference-engine.js';
import type { Facts, PathTrace, RuleSet } from './rule-set.js';

/** The note a transition path carries when it held before the Change. */
export const HELD_BEFORE_NOTE =
  'the conditions already held before this change (transition semantics)';

type StoredRule = RuleSet['rules'][number];

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

/** The rule reduced to its path part: what must hold apart from the Trigger. */
export function pathOnly(rule: StoredRule): StoredRule {
  const path = pathConditionOf(rule);
  if (!path) return rule;

  return { ...rule, conditions: path as RuleProperties['conditions'] };
}

/** The named path part of a rule's conditions, if the rule has one. */
export function pathConditionOf(rule: StoredRule): unknown {
  const root = rule.conditions as { all?: { name?: string }[] };

  return root.all?.find((part) => part.name === PATH_CONDITION);
}

/** Explains every path of one Rule set with json-rules-engine. */
export async function explainRuleSetByReference(
  ruleSet: RuleSet,
  facts: Facts,
): Promise<PathTrace[]> {
  const current = await runReferenceRules(ruleSet.rules, facts);
  const passed = ruleSet.rules.filter((rule) => current.get(rule.name)?.result);
  const before = priorFacts(facts);
  const checkBefore =
    ruleSet.trigger.semantics === 'transition' && before && passed.length > 0;
  const prior = checkBefore
    ? await runReferenceRules(passed.map(pathOnly), before)
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

/** Runs rules once with json-rules-engine; results by rule name. */
export async function runReferenceRules(
  rules: RuleSet['rules'],
  facts: Facts,
): Promise<Map<string, RuleResult>> {
  const engine = createReferenceEngine({ rules });
  const outcome = await engine.run({ ...facts });
  const results = [...outcome.results, ...outcome.failureResults];

  return new Map(results.map((result) => [result.name, result]));
}
