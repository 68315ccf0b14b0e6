/**
 * A Rule set compiled for fast evaluation: every stored rule, and its path
 * part for the transition check, turned into condition programs once. It
 * is derived from the stored Rule set alone and explains each path exactly
 * as the reference evaluator does, without json-rules-engine's promises,
 * almanac or per-run engine.
 */
import {
  compileConditionProgram,
  explainCondition,
  isGroupCondition,
  type ConditionProgram,
} from './condition-program.js';
import type { EvaluationScope } from './evaluation-scope.js';
import { HELD_BEFORE_NOTE, pathConditionOf } from './reference-evaluator.js';
import type { ConditionTrace, PathTrace, RuleSet } from './rule-set.js';

/** One stored rule, compiled. */
export interface RuleProgram {
  pathId: string;
  /** The whole rule: Trigger part and path part. */
  whole: ConditionProgram;
  /** The path part alone, as the transition check runs it. */
  path: ConditionProgram;
}

/** A Rule set whose rules are all compiled. */
export interface RuleSetProgram {
  ruleSet: RuleSet;
  rules: RuleProgram[];
}

/** The prior scope of an evaluation, built on first use. */
export type PriorScope = () => EvaluationScope | undefined;

const programs = new WeakMap<RuleSet, RuleSetProgram | null>();

/**
 * The compiled program of a Rule set, cached per Rule set object, or
 * undefined when some rule needs the reference engine. Rule sets are read
 * once: changing one after its first evaluation is not seen.
 */
export function ruleSetProgramOf(ruleSet: RuleSet): RuleSetProgram | undefined {
  const cached = programs.get(ruleSet);
  if (cached !== undefined) return cached ?? undefined;

  const program = compileRuleSetProgram(ruleSet);
  programs.set(ruleSet, program ?? null);

  return program;
}

/** Compiles every rule of a Rule set; undefined if any cannot be. */
export function compileRuleSetProgram(
  ruleSet: RuleSet,
): RuleSetProgram | undefined {
  const names = new Set<unknown>();
  const rules: RuleProgram[] = [];
  for (const rule of ruleSet.rules) {
    if (typeof rule.name !== 'string' || names.has(rule.name)) return undefined;

    names.add(rule.name);
    const compiled = compileRule(rule);
    if (!compiled) return undefined;

    rules.push(compiled);
  }

  return { ruleSet, rules };
}

/** Explains every path of a compiled Rule set, as the reference does. */
export function explainRuleSetProgram(
  program: RuleSetProgram,
  scope: EvaluationScope,
  priorScope: PriorScope,
): PathTrace[] {
  const { ruleSet } = program;
  const current = program.rules.map((rule) => {
    const conditions: ConditionTrace[] = [];
    const passed = explainCondition(rule.whole, scope, conditions);

    return { rule, passed, conditions };
  });
  const checkBefore =
    ruleSet.trigger.semantics === 'transition' &&
    current.some((entry) => entry.passed);
  const before = checkBefore ? priorScope() : undefined;

  return current.map(({ rule, passed, conditions }) => {
    const priorConditions: ConditionTrace[] = [];
    const checked = before !== undefined && passed;
    const heldBefore =
      checked && explainCondition(rule.path, before, priorConditions);
    const trace: PathTrace = {
      flowId: ruleSet.flowId,
      version: ruleSet.version,
      pathId: rule.pathId,
      fired: passed && !heldBefore,
      conditions,
    };
    if (heldBefore) trace.note = HELD_BEFORE_NOTE;

    if (checked) trace.priorConditions = priorConditions;

    return trace;
  });
}

function compileRule(rule: RuleSet['rules'][number]): RuleProgram | undefined {
  if (!isGroupCondition(rule.conditions)) return undefined;

  const pathPart = pathConditionOf(rule);
  if (pathPart !== undefined && !isGroupCondition(pathPart)) return undefined;

  const compiled = new Map<unknown, ConditionProgram>();
  const whole = compileConditionProgram(rule.conditions, undefined, compiled);
  const path = pathPart === undefined ? whole : compiled.get(pathPart);
  const pathId = rule.event?.params?.pathId;
  if (!whole || !path || typeof pathId !== 'string') return undefined;

  return { pathId, whole, path };
}
