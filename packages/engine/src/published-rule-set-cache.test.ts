import { describe, expect, it } from 'vitest';
import { createPublishedRuleSetCache } from './published-rule-set-cache.js';
import type { RuleSet } from './rule-set.js';

const version = (flowId: string, n: number) =>
  ({ flowId, version: n, rules: [] }) as unknown as RuleSet;

describe('createPublishedRuleSetCache', () => {
  it('returns the first object loaded for a flow version', () => {
    const cache = createPublishedRuleSetCache();
    const first = cache.intern(version('f', 1));

    expect(cache.intern(version('f', 1))).toBe(first);
    expect(cache.intern(version('f', 2))).not.toBe(first);
  });

  it('drops the oldest version past its limit', () => {
    const cache = createPublishedRuleSetCache(2);
    const first = cache.intern(version('a', 1));
    cache.intern(version('b', 1));
    cache.intern(version('c', 1));

    expect(cache.intern(version('a', 1))).not.toBe(first);
  });
});
