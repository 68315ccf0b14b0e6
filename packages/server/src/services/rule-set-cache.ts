/**
 * Published Rule sets kept in memory. A Flow version never changes once
 * published, so a Rule set is keyed by (flow id, version) and needs no
 * invalidation: which versions are active is still asked of the
 * database on every evaluation (through the trigger index), so a
 * publish or deactivation takes effect at once, in every process.
 */
import type { RuleSet } from '@herald/engine';
import type { Db } from '../db/database.js';
import {
  activeVersionKeysFor,
  findRuleSets,
} from '../repositories/flow-repository.js';

/** Versions kept at most; the oldest loaded is dropped first. */
const MAX_CACHED_VERSIONS = 2_000;

const cache = new Map<string, RuleSet>();

/** The active Rule sets whose Trigger listens to this object type and kind. */
export async function activeRuleSetsFor(
  db: Db,
  objectType: string,
  kind: string,
): Promise<RuleSet[]> {
  const keys = await activeVersionKeysFor(db, objectType, kind);
  const missing = keys.filter((key) => !cache.has(cacheKey(key)));
  for (const row of await findRuleSets(db, missing)) {
    remember(cacheKey(row), row.rule_set as RuleSet);
  }

  return keys.flatMap((key) => cache.get(cacheKey(key)) ?? []);
}

function remember(key: string, ruleSet: RuleSet) {
  if (cache.size >= MAX_CACHED_VERSIONS) {
    cache.delete(cache.keys().next().value!);
  }

  cache.set(key, ruleSet);
}

function cacheKey(key: { flow_id: string; version: number }) {
  return `${key.flow_id}:${key.version}`;
}
