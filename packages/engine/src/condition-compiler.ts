/**
 * Turns Condition tests and Rollout steps into json-rules-engine
 * conditions. Every leaf reads its operand from the operand fact, so
 * operators see the literal together with now, the Customer's time zone and
 * the prior value of the field.
 */
import type { ObjectTypeDef } from './catalog.js';
import { resolveFactField } from './fact-field.js';
import type {
  ConditionLeaf,
  ConditionNode,
  RolloutStep,
} from './flow-model.js';
import { findOperator } from './operators.js';
import {
  compiledOperatorName,
  OPERAND_FACT,
  ROLLOUT_OPERATOR,
  type OperandParams,
} from './reference-engine.js';

/** A json-rules-engine condition as Herald writes it. */
export type RuleCondition =
  | { all: RuleCondition[]; name?: string }
  | { any: RuleCondition[]; name?: string }
  | { not: RuleCondition; name?: string }
  | RuleLeaf;

/** One json-rules-engine leaf condition. */
export interface RuleLeaf {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  name?: string;
}

/** Compiles a Condition test; the Flow must already be valid. */
export function compileConditionNode(
  node: ConditionNode,
  objectType: ObjectTypeDef,
): RuleCondition {
  if ('all' in node) {
    return {
      all: node.all.map((child) => compileConditionNode(child, objectType)),
    };
  }

  if ('any' in node) {
    return {
      any: node.any.map((child) => compileConditionNode(child, objectType)),
    };
  }

  if ('not' in node) return { not: compileConditionNode(node.not, objectType) };

  return compileLeaf(node, objectType);
}

/**
 * Compiles a Rollout: allow-listed Customers are always in; everyone else
 * must match the tiers (when given), the regions (when given) and fall
 * within the percentage (when below 100). Empty lists narrow nothing.
 */
export function compileRollout(
  step: RolloutStep,
  flowId: string,
): RuleCondition {
  const { tiers, regions, allowList, percentage } = step.data;
  const audience: RuleCondition[] = [];
  if (tiers?.length) audience.push(customerLeaf('tier', 'picklist.in', tiers));

  if (regions?.length) {
    audience.push(customerLeaf('region', 'text.in', regions, true));
  }

  if (percentage !== undefined && percentage < 100) {
    audience.push(customerLeaf('id', ROLLOUT_OPERATOR, { flowId, percentage }));
  }

  if (!allowList?.length) return { all: audience };

  return {
    any: [customerLeaf('id', 'text.in', allowList), { all: audience }],
  };
}

/** The `{ fact, params }` reference a compiled leaf compares with. */
export function operandRef(params: OperandParams): {
  fact: string;
  params: OperandParams;
} {
  return { fact: OPERAND_FACT, params };
}

function compileLeaf(leaf: ConditionLeaf, objectType: ObjectTypeDef): RuleLeaf {
  if (leaf.operator === 'isNew') {
    return {
      fact: 'change',
      path: '$.kind',
      operator: compiledOperatorName('text', 'isNew'),
      value: operandRef({}),
    };
  }

  const field = resolveFactField(leaf.fact, leaf.path, objectType);
  const type = field?.type ?? 'text';
  const params: OperandParams = {};
  if (leaf.valueFact) {
    params.valueFact = {
      fact: leaf.valueFact.fact,
      path: `$.${leaf.valueFact.path}`,
    };
  } else if (leaf.value !== undefined) {
    params.value = leaf.value;
  }
  if (leaf.ignoreCase) params.ignoreCase = true;
  if (leaf.fact === 'record' && findOperator(type, leaf.operator)?.recordOnly) {
    params.priorPath = `$.${leaf.path}`;
  }

  const compiled: RuleLeaf = {
    fact: leaf.fact,
    operator: compiledOperatorName(type, leaf.operator),
    value: operandRef(params),
  };
  if (leaf.path !== '') compiled.path = `$.${leaf.path}`;

  return compiled;
}

function customerLeaf(
  field: string,
  operator: string,
  value: unknown,
  ignoreCase = false,
): RuleLeaf {
  const params: OperandParams = { value };
  if (ignoreCase) params.ignoreCase = true;

  return {
    fact: 'customer',
    path: `$.${field}`,
    operator,
    value: operandRef(params),
  };
}
