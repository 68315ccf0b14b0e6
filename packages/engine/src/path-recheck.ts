/**
 * The check a delayed Delivery makes when its Wait ends: do the path's
 * Conditions and Rollouts (not its Trigger) still hold for the Record as
 * it is now? Runs the stored rule's path part, compiled when it can be and
 * with json-rules-engine otherwise, and explains the outcome like a Run.
 */
import { traceRuleResult } from './condition-trace.js';
import { explainCondition } from './condition-program.js';
import { createEvaluationScope } from './evaluation-scope.js';
import { pathOnly, runReferenceRules } from './reference-evaluator.js';
import type { ConditionTrace, Facts, RuleSet } from './rule-set.js';
import { ruleSetProgramOf } from './rule-set-program.js';

/** The outcome of a recheck, or why there is none. */
export type PathRecheck =
  | { holds: boolean; conditions: ConditionTrace[] }
  | { problem: { code: 'HERALD_PATH_UNKNOWN'; message: string } };

/**
 * Re-evaluates the path `pathId` of a Rule set against `facts` in state
 * semantics: whether its conditions hold now, whatever held before. The
 * facts should be the Record as it is at send time (`record`), the
 * original Change's `prior` and `change`, the Customer now, and `now`.
 */
export async function recheckPath(
  ruleSet: RuleSet,
  pathId: string,
  facts: Facts,
): Promise<PathRecheck> {
  const index = ruleSet.rules.findIndex(
    (rule) => rule.event.params.pathId === pathId,
  );
  if (index < 0) {
    const message = `flow ${ruleSet.flowId} version ${ruleSet.version} has no path ${pathId}`;
    return { problem: { code: 'HERALD_PATH_UNKNOWN', message } };
  }

  const program = ruleSetProgramOf(ruleSet);
  const scope = createEvaluationScope(facts);
  if (program && scope) {
    const conditions: ConditionTrace[] = [];
    const holds = explainCondition(
      program.rules[index].path,
      scope,
      conditions,
    );
    return { holds, conditions };
  }

  const rule = pathOnly(ruleSet.rules[index]);
  const result = (await runReferenceRules([rule], facts)).get(rule.name);
  return {
    holds: result?.result === true,
    conditions: result ? traceRuleResult(result) : [],
  };
}
