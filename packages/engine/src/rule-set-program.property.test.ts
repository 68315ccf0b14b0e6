/**
 * Property: the compiled evaluator decides and explains exactly as
 * json-rules-engine does, both for Rule sets the compiler wrote and for
 * hand-written stored rules over json-rules-engine's own operators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateChange } from './change-evaluator.js';
import {
  branchArbitrary,
  buildGraph,
  factsArbitrary,
  propertyCatalog,
  triggerArbitrary,
} from './flow-arbitraries.fixture.js';
import { compileFlow } from './flow-compiler.js';
import { OPERAND_FACT } from './reference-engine.js';
import type { Facts, RuleSet } from './rule-set.js';
import { ruleSetProgramOf } from './rule-set-program.js';

async function expectSameEvaluation(ruleSets: RuleSet[], facts: Facts) {
  for (const ruleSet of ruleSets) {
    expect(ruleSetProgramOf(ruleSet)).toBeDefined();
  }

  const fast = await settle(evaluateChange(ruleSets, facts));
  const reference = await settle(
    evaluateChange(ruleSets, facts, { evaluator: 'reference' }),
  );
  expect(fast).toStrictEqual(reference);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
}

/** The evaluation, or that it failed: both evaluators must fail alike. */
async function settle(evaluation: Promise<unknown>) {
  try {
    return { value: await evaluation };
  } catch (error) {
    return { failed: error instanceof TypeError ? 'TypeError' : 'other' };
  }
}

const compiledFlow = fc
  .tuple(triggerArbitrary, branchArbitrary, fc.constantFrom('f1', 'f2'))
  .map(([trigger, root, flowId]) => {
    const graph = buildGraph(trigger, root);
    const compiled = compileFlow(
      graph,
      { flowId, version: 1 },
      propertyCatalog,
    );
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));

    // As stored in Postgres and read back.
    return JSON.parse(JSON.stringify(compiled.ruleSet)) as RuleSet;
  });

const record = (path: string) => ({ fact: 'record', path: `$.${path}` });
const recordLeaf = (path: string) => ({
  fact: fc.constant('record'),
  path: fc.constant(`$.${path}`),
});
const rawLeaf = fc.oneof(
  fc.record({
    ...recordLeaf('amount'),
    operator: fc.constantFrom(
      'equal',
      'notEqual',
      'lessThan',
      'greaterThanInclusive',
    ),
    value: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant('2')),
  }),
  fc.record({
    ...recordLeaf('status'),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.subarray(['A', 'B', 'C']),
  }),
  fc.record({
    fact: fc.constant('change'),
    path: fc.constant('$.changedFields'),
    operator: fc.constantFrom('contains', 'doesNotContain'),
    value: fc.constantFrom('status', 'note'),
  }),
  fc.record({
    ...recordLeaf('amount'),
    operator: fc.constantFrom('equal', 'lessThan', 'number.equal'),
    value: fc.constantFrom(
      { fact: 'prior', path: '$.amount' },
      { fact: 'record', path: '$.limit' },
      { fact: OPERAND_FACT, params: { valueFact: record('limit') } },
      { fact: OPERAND_FACT },
    ),
  }),
  fc.record({
    fact: fc.constantFrom('now', 'prior', 'missing'),
    operator: fc.constantFrom('equal', 'datetime.after'),
    value: fc.constant({
      fact: OPERAND_FACT,
      params: { value: '2024-06-01T09:00:00Z' },
    }),
  }),
);
const rawCondition = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    rawLeaf,
    fc.record({
      name: fc.constantFrom('step:a', 'other'),
      all: fc.array(tie('node'), { maxLength: 3 }),
    }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

const handWritten = fc
  .record({
    trigger: fc.array(rawCondition, { maxLength: 2 }),
    paths: fc.array(fc.array(rawCondition, { maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
    semantics: fc.constantFrom('state' as const, 'transition' as const),
  })
  .map(({ trigger, paths, semantics }): RuleSet => ({
    schemaVersion: 1,
    flowId: 'raw',
    version: 2,
    trigger: {
      objectType: 'Thing',
      changeKinds: ['create', 'update'],
      changedFields: [],
      semantics,
    },
    rules: paths.map((path, i) => ({
      name: `p${i}`,
      conditions: {
        all: [
          { name: 'trigger', all: trigger },
          { name: 'path', all: path },
        ],
      } as RuleSet['rules'][number]['conditions'],
      event: {
        type: 'deliver',
        params: {
          flowId: 'raw',
          version: 2,
          pathId: `p${i}`,
          templateStepId: 'm',
          templateId: 'tpl',
          urgent: false,
          channelStepId: 'c',
          channelPolicy: { policy: 'preferred' },
          waitStepIds: [],
        },
      },
    })),
  }));

describe('the compiled evaluator', () => {
  it('decides and explains compiled Flows as the reference does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(compiledFlow, { minLength: 1, maxLength: 2 }),
        factsArbitrary,
        expectSameEvaluation,
      ),
      { numRuns: 300 },
    );
  });

  it('decides and explains hand-written rules as the reference does', async () => {
    await fc.assert(
      fc.asyncProperty(handWritten, factsArbitrary, async (ruleSet, facts) =>
        expectSameEvaluation([ruleSet], facts),
      ),
      { numRuns: 300 },
    );
  });

  it('leaves rules it cannot reproduce to the reference', async () => {
    const [ruleSet] = fc.sample(handWritten, { numRuns: 1, seed: 1 });
    const prioritised = structuredClone(ruleSet);
    Object.assign(prioritised.rules[0].conditions, { priority: 5 });
    const decorated = structuredClone(ruleSet);
    decorated.rules[0].conditions = {
      all: [{ fact: 'record', operator: 'not:equal', value: 1 }],
    };

    expect(ruleSetProgramOf(prioritised)).toBeUndefined();
    expect(ruleSetProgramOf(decorated)).toBeUndefined();
    const [facts] = fc.sample(factsArbitrary, { numRuns: 1, seed: 1 });
    const evaluation = await evaluateChange([decorated], facts);
    expect(evaluation.trace[0].conditions[0].operator).toBe('not:equal');
  });
});
