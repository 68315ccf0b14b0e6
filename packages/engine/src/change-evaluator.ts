/**
 * Evaluates one Change against Rule sets and explains every path. By
 * default each Rule set runs as a compiled program derived from its stored
 * rules (see rule-set-program.ts); a Rule set the program cannot reproduce
 * exactly runs in json-rules-engine, the reference, which can also be
 * chosen outright. Both give the same decisions and the same traces.
 */
import {
  createEvaluationScope,
  type EvaluationScope,
} from './evaluation-scope.js';
import { compareText } from './flow-graph.js';
import {
  explainRuleSetByReference,
  priorFacts,
} from './reference-evaluator.js';
import {
  explainRuleSetProgram,
  ruleSetProgramOf,
  type PriorScope,
} from './rule-set-program.js';
import type { Evaluation, Facts, PathTrace, RuleSet } from './rule-set.js';

export { priorFacts } from './reference-evaluator.js';

/** How `evaluateChange` runs the Rule sets. */
export interface EvaluateOptions {
  /**
   * `compiled` (the default) runs compiled programs and falls back to the
   * reference per Rule set; `reference` runs json-rules-engine only.
   */
  evaluator?: 'compiled' | 'reference';
}

/** Runs every Rule set on the facts and gathers fired paths and traces. */
export async function evaluateChange(
  ruleSets: RuleSet[],
  facts: Facts,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const ordered = [...ruleSets].sort(
    (a, b) => compareText(a.flowId, b.flowId) || a.version - b.version,
  );
  const compiled = options.evaluator !== 'reference';
  const scope = compiled ? createEvaluationScope(facts) : undefined;
  const priorScope = lazyPriorScope(facts);
  const evaluation: Evaluation = { fired: [], trace: [] };
  for (const ruleSet of ordered) {
    const program = scope && ruleSetProgramOf(ruleSet);
    const traces = program
      ? explainRuleSetProgram(program, scope, priorScope)
      : await explainRuleSetByReference(ruleSet, facts);
    for (const trace of traces) evaluation.trace.push(trace);
  }

  for (const trace of evaluation.trace) {
    if (!trace.fired) continue;

    const rule = findRule(ordered, trace);
    if (rule) evaluation.fired.push(rule.event.params);
  }

  return evaluation;
}

function lazyPriorScope(facts: Facts): PriorScope {
  let scope: EvaluationScope | undefined | null = null;

  return () => {
    if (scope !== null) return scope;

    const before = priorFacts(facts);
    scope = before && createEvaluationScope(before);
    return scope;
  };
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
