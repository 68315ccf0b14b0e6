/**
 * Keeps one object per published Flow version, so that Rule sets loaded
 * again and again from storage compile to a fast program once: compiled
 * programs are cached per Rule set object. Safe only because a published
 * version never changes; a builder simulating drafts must not use it.
 */
import type { RuleSet } from './rule-set.js';

/** Published Rule sets by (flow id, version). */
export interface PublishedRuleSetCache {
  /** The object already held for this flow version, else this one, held. */
  intern(ruleSet: RuleSet): RuleSet;
}

/** A cache of at most `limit` versions (default 10,000), oldest dropped. */
export function createPublishedRuleSetCache(
  limit = 10_000,
): PublishedRuleSetCache {
  const held = new Map<string, RuleSet>();

  return {
    intern(ruleSet) {
      const key = `${ruleSet.flowId}\u0000${ruleSet.version}`;
      const known = held.get(key);
      if (known) return known;

      if (held.size >= limit) held.delete(held.keys().next().value as string);
      held.set(key, ruleSet);

      return ruleSet;
    },
  };
}
