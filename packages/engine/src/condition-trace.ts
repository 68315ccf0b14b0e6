/**
 * Reads the explain trace out of a json-rules-engine rule result: every
 * leaf with the fact value it saw, the operator, the expected value and
 * the outcome.
 */
import type { RuleResult } from 'json-rules-engine';
import { STEP_CONDITION_PREFIX } from './flow-compiler.js';
import type { Operand } from './operators.js';
import { OPERAND_FACT } from './reference-engine.js';
import type { ConditionTrace } from './rule-set.js';

interface ResultNode {
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
  name?: string;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/** The leaves of a rule result, in rule order. */
export function traceRuleResult(result: RuleResult): ConditionTrace[] {
  const traces: ConditionTrace[] = [];
  collectLeaves(result.conditions as ResultNode, undefined, traces);

  return traces;
}

function collectLeaves(
  node: ResultNode,
  stepId: string | undefined,
  traces: ConditionTrace[],
): void {
  const named = node.name?.startsWith(STEP_CONDITION_PREFIX)
    ? node.name.slice(STEP_CONDITION_PREFIX.length)
    : stepId;
  const children = node.all ?? node.any ?? (node.not ? [node.not] : undefined);
  if (children) {
    for (const child of children) collectLeaves(child, named, traces);
    return;
  }

  traces.push(traceLeaf(node, named));
}

function traceLeaf(
  node: ResultNode,
  stepId: string | undefined,
): ConditionTrace {
  const operand = readOperand(node);
  const trace: ConditionTrace = {
    fact: node.fact ?? '',
    path: (node.path ?? '').replace(/^\$\.?/, ''),
    operator: (node.operator ?? '').replace(/^[a-z]+\./, ''),
    expected: operand ? operand.value : node.value,
    actual: node.factResult,
    result: node.result === true,
  };
  if (stepId !== undefined) trace.stepId = stepId;

  if (operand && operand.prior !== undefined) trace.prior = operand.prior;

  const valueFact = operand ? readValueFact(node) : undefined;
  if (valueFact) trace.expectedFact = valueFact;

  return trace;
}

/** The `valueFact` a Herald operand names, with its path as traced. */
export function tracedValueFact(
  params: unknown,
): { fact: string; path: string } | undefined {
  const valueFact = (params as { valueFact?: unknown } | undefined)?.valueFact;
  if (typeof valueFact !== 'object' || valueFact === null) return undefined;

  const { fact, path } = valueFact as { fact?: unknown; path?: unknown };
  if (typeof fact !== 'string') return undefined;

  const text = typeof path === 'string' ? path : '';
  return { fact, path: text.replace(/^\$\.?/, '') };
}

function readValueFact(node: ResultNode) {
  return tracedValueFact((node.value as { params?: unknown }).params);
}

function readOperand(node: ResultNode): Operand | undefined {
  const value = node.value as { fact?: unknown } | undefined;
  if (value?.fact !== OPERAND_FACT) return undefined;

  return node.valueResult as Operand | undefined;
}
