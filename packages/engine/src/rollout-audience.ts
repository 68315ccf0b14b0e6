/**
 * Who a Rollout admits, decided by the Rollout's own compiled condition:
 * the builder's audience count and the worker decide with the same code,
 * so a count can never disagree with what production sends.
 */
import {
  compileConditionProgram,
  decideCondition,
} from './condition-program.js';
import { compileRollout } from './condition-compiler.js';
import { createEvaluationScope } from './evaluation-scope.js';
import type { RolloutStep } from './flow-model.js';

/** What a Rollout reads from a Customer. */
export interface AudienceCustomer {
  id: string;
  tier: string | null;
  region: string | null;
}

/** Decides, for one Customer at a time, whether a Rollout admits them. */
export type AudienceTest = (customer: AudienceCustomer) => boolean;

/**
 * The audience test of a Rollout of Flow `flowId`: anyone on the
 * allow-list, else a Customer matching every limit set (tiers, regions
 * without case, the stable percentage bucket). Compile once, then call
 * for each Customer.
 */
export function rolloutAudienceTest(
  data: RolloutStep['data'],
  flowId: string,
): AudienceTest {
  const condition = compileRollout(
    { id: 'rollout', type: 'rollout', data },
    flowId,
  );
  const program = compileConditionProgram(condition);
  if (!program) {
    // compileRollout writes only shapes the program compiles.
    throw new Error('a rollout condition did not compile');
  }

  return (customer) => {
    const scope = createEvaluationScope({ customer });
    return scope !== undefined && decideCondition(program, scope);
  };
}
