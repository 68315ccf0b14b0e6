/**
 * Picks the Rule sets a Change may fire by object type and change kind
 * through a map lookup, then by the Trigger's changed fields; the worker
 * never scans every Flow.
 */
import type { ChangeKind } from './flow-model.js';
import type { ChangeFacts, RuleSet } from './rule-set.js';

/** Rule sets keyed by the Changes their Trigger listens to. */
export interface TriggerIndex {
  /** The Rule sets whose Trigger matches the Change, in index order. */
  select(change: ChangeFacts): RuleSet[];
}

/** Indexes Rule sets by object type and change kind. */
export function buildTriggerIndex(ruleSets: RuleSet[]): TriggerIndex {
  const byKey = new Map<string, RuleSet[]>();
  for (const ruleSet of ruleSets) {
    const { objectType, changeKinds } = ruleSet.trigger;
    for (const kind of new Set(changeKinds)) {
      const key = indexKey(objectType, kind);
      byKey.set(key, [...(byKey.get(key) ?? []), ruleSet]);
    }
  }

  return {
    select(change) {
      const candidates = byKey.get(indexKey(change.objectType, change.kind));

      return (candidates ?? []).filter((ruleSet) =>
        fieldsMatch(ruleSet.trigger.changedFields, change.changedFields),
      );
    },
  };
}

function indexKey(objectType: string, kind: ChangeKind): string {
  return `${objectType}\u0000${kind}`;
}

function fieldsMatch(wanted: string[], changed: string[]): boolean {
  if (wanted.length === 0) return true;

  return wanted.some((field) => changed.includes(field));
}
