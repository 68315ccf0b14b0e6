import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateChange } from './change-evaluator.js';
import { demoCatalog, demoFlow, shippedFacts } from './demo-flow.fixture.js';
import { compileFlow } from './flow-compiler.js';
import type { RolloutStep } from './flow-model.js';
import { isInRolloutPercentage } from './operators.js';
import { rolloutBucket } from './rollout-bucket.js';

async function admitted(
  rollout: RolloutStep['data'],
  customer: Record<string, unknown>,
): Promise<boolean> {
  const graph = demoFlow();
  graph.steps[2].data = rollout;
  const compiled = compileFlow(graph, { flowId: 'f', version: 1 }, demoCatalog);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

  const facts = shippedFacts('Standard');
  facts.customer = { ...facts.customer, ...customer };
  const evaluation = await evaluateChange([compiled.ruleSet], facts);
  return evaluation.fired.length === 1;
}

describe('rolloutBucket', () => {
  it('is stable and within [0, 100)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (customerId, flowId) => {
        const bucket = rolloutBucket(customerId, flowId);

        expect(bucket).toBe(rolloutBucket(customerId, flowId));
        expect(bucket).toBeGreaterThanOrEqual(0);
        expect(bucket).toBeLessThan(100);
      }),
    );
  });

  it('never drops a customer when the percentage is raised', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (customerId, flowId, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const inLow = isInRolloutPercentage(customerId, {
            flowId,
            percentage: low,
          });
          const inHigh = isInRolloutPercentage(customerId, {
            flowId,
            percentage: high,
          });

          expect(!inLow || inHigh).toBe(true);
        },
      ),
    );
  });

  it('spreads customers roughly evenly', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `customer-${i}`);
    const inTen = ids.filter((id) => rolloutBucket(id, 'flow-1') < 10).length;

    expect(inTen).toBeGreaterThan(300);
    expect(inTen).toBeLessThan(500);
  });
});

describe('rollout membership', () => {
  const outside = ids().find((id) => rolloutBucket(id, 'f') >= 50) as string;
  const inside = ids().find((id) => rolloutBucket(id, 'f') < 50) as string;

  it.each([
    ['nothing narrows an empty rollout', {}, { id: outside }, true],
    [
      'a tier outside the list is out',
      { tiers: ['VIP'] },
      { id: inside },
      false,
    ],
    ['a matching tier is in', { tiers: ['Standard'] }, { id: inside }, true],
    [
      'regions compare without case',
      { regions: ['north'] },
      { region: 'North' },
      true,
    ],
    [
      'a bucket above the percentage is out',
      { percentage: 50 },
      { id: outside },
      false,
    ],
    [
      'a bucket below the percentage is in',
      { percentage: 50 },
      { id: inside },
      true,
    ],
    [
      'the allow-list overrides tiers and percentage',
      { tiers: ['VIP'], percentage: 0, allowList: [outside] },
      { id: outside },
      true,
    ],
    [
      'a customer without an id is out of a percentage',
      { percentage: 99 },
      { id: '' },
      false,
    ],
  ] as const)('%s', async (_name, rollout, customer, expected) => {
    expect(
      await admitted({ ...rollout } as RolloutStep['data'], customer),
    ).toBe(expected);
  });
});

function ids(): string[] {
  return Array.from({ length: 50 }, (_, i) => `cus-${i}`);
}

describe('rolloutBucket hashing', () => {
  it('hashes the UTF-8 bytes TextEncoder writes, lone surrogates included', () => {
    const viaEncoder = (customerId: string, flowId: string) => {
      let hash = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(`${flowId}:${customerId}`)) {
        hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
      }
      return (hash % 10_000) / 100;
    };

    for (const odd of ['\ud800x', 'a\udc00', '\u{1f600}', 'é€']) {
      expect(rolloutBucket(odd, 'f')).toBe(viaEncoder(odd, 'f'));
    }
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'grapheme' }),
        (customerId, flowId) => {
          expect(rolloutBucket(customerId, flowId)).toBe(
            viaEncoder(customerId, flowId),
          );
        },
      ),
    );
  });
});
