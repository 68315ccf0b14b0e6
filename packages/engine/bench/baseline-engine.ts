/**
 * The benchmark's baseline: every stored rule of every Rule set loaded
 * into one json-rules-engine Engine (with Herald's operators and operand
 * fact, which the rules need), run on each Change as it comes. For
 * transition semantics the rules that passed are run again, path part
 * only, on the prior snapshot in a small Engine of just those rules, as
 * the reference evaluator does.
 */
import type { RuleProperties } from 'json-rules-engine';
import { createReferenceEngine } from '../src/reference-engine.js';
import { pathOnly, priorFacts } from '../src/reference-evaluator.js';
import type { Facts, PathEvent, RuleSet } from '../src/rule-set.js';

type StoredRule = RuleSet['rules'][number];

/** Runs Changes through the one baseline Engine. */
export interface BaselineEngine {
  /** The fired paths of one Change, as `flowId@version#pathId` keys. */
  firedPaths(facts: Facts): Promise<string[]>;
}

/** A key naming one path of one Flow version. */
export function pathKey(params: PathEvent['params']): string {
  return `${params.flowId}@${params.version}#${params.pathId}`;
}

/** Loads every rule of every Rule set into one Engine. */
export function createBaselineEngine(ruleSets: RuleSet[]): BaselineEngine {
  const transitionRules = new Map<string, StoredRule>();
  const rules: StoredRule[] = [];
  for (const ruleSet of ruleSets) {
    for (const rule of ruleSet.rules) {
      // Rule names are path ids, which repeat across Flows; name them apart.
      const key = pathKey(rule.event.params);
      rules.push({ ...rule, name: key });
      if (ruleSet.trigger.semantics === 'transition') {
        transitionRules.set(key, { ...pathOnly(rule), name: key });
      }
    }
  }
  const engine = createReferenceEngine({ rules });

  return {
    async firedPaths(facts) {
      const outcome = await engine.run({ ...facts });
      const passed = outcome.results.map((result) => result.name as string);
      const recheck = passed
        .map((key) => transitionRules.get(key))
        .filter((rule): rule is StoredRule => rule !== undefined);
      const held = await heldBefore(recheck, facts);

      return passed.filter((key) => !held.has(key)).sort();
    },
  };
}

async function heldBefore(
  rules: StoredRule[],
  facts: Facts,
): Promise<Set<string>> {
  const before = priorFacts(facts);
  if (!before || rules.length === 0) return new Set();

  const engine = createReferenceEngine({
    rules: rules as (RuleProperties & StoredRule)[],
  });
  const outcome = await engine.run({ ...before });

  return new Set(outcome.results.map((result) => result.name as string));
}
