/**
 * Compiles a stored json-rules-engine condition (the JSON of a Rule set,
 * never the Flow graph) into a small tree that decides exactly as
 * json-rules-engine does with Herald's operators and operand fact: empty
 * groups pass, a group of one passes through its child's result, and
 * explaining evaluates every leaf, as the reference engine does when no
 * condition carries a priority. Anything the program would not reproduce
 * exactly (priorities, condition references, unknown or decorated
 * operators, odd shapes) makes the compile return undefined, and the
 * caller falls back to the reference engine.
 */
import type { EvaluationScope } from './evaluation-scope.js';
import { STEP_CONDITION_PREFIX } from './flow-compiler.js';
import { compileLeafProgram, type LeafProgram } from './leaf-program.js';
import type { Operand } from './operators.js';
import type { ConditionTrace } from './rule-set.js';

/** A compiled condition node. */
export type ConditionProgram =
  | { kind: 'all' | 'any'; children: ConditionProgram[] }
  | { kind: 'not'; child: ConditionProgram }
  | { kind: 'pass' }
  | { kind: 'leaf'; leaf: LeafProgram; stepId: string | undefined };

type Node = Record<string, unknown>;

const GROUP_KEYS = ['all', 'any', 'not'] as const;
const PASS: ConditionProgram = { kind: 'pass' };

/**
 * Compiles a condition node; `stepId` is the Condition or Rollout step the
 * node sits in, when an enclosing node named one. `compiled` collects the
 * program of every group node by its stored object, so a part of a rule
 * can be run on its own without compiling it twice.
 */
export function compileConditionProgram(
  condition: unknown,
  stepId?: string,
  compiled?: Map<unknown, ConditionProgram>,
): ConditionProgram | undefined {
  if (!isNode(condition) || !hasPlainShape(condition)) return undefined;

  const named = stepIdOf(condition.name, stepId);
  const groups = GROUP_KEYS.filter((key) => Object.hasOwn(condition, key));
  if (groups.length > 1) return undefined;

  if (groups.length === 0) {
    const leaf = compileLeafProgram(condition);
    return leaf && { kind: 'leaf', leaf, stepId: named };
  }

  const program =
    groups[0] === 'not'
      ? compileNot(condition.not, named, compiled)
      : compileGroup(groups[0], condition[groups[0]], named, compiled);
  if (program) compiled?.set(condition, program);

  return program;
}

/** True for a condition json-rules-engine accepts as a rule's root. */
export function isGroupCondition(condition: unknown): boolean {
  return (
    isNode(condition) && GROUP_KEYS.some((key) => Object.hasOwn(condition, key))
  );
}

/** The outcome alone, stopping early where it is already known. */
export function decideCondition(
  program: ConditionProgram,
  scope: EvaluationScope,
): boolean {
  switch (program.kind) {
    case 'leaf':
      return program.leaf.evaluate(scope).result;
    case 'all':
      return program.children.every((child) => decideCondition(child, scope));
    case 'any':
      return program.children.some((child) => decideCondition(child, scope));
    case 'not':
      return !decideCondition(program.child, scope);
    default:
      return true;
  }
}

/** The outcome, appending one trace per leaf in rule order. */
export function explainCondition(
  program: ConditionProgram,
  scope: EvaluationScope,
  traces: ConditionTrace[],
): boolean {
  switch (program.kind) {
    case 'leaf':
      return explainLeaf(program.leaf, program.stepId, scope, traces);
    case 'all': {
      let passes = true;
      for (const child of program.children) {
        if (!explainCondition(child, scope, traces)) passes = false;
      }
      return passes;
    }
    case 'any': {
      let passes = false;
      for (const child of program.children) {
        if (explainCondition(child, scope, traces)) passes = true;
      }
      return passes;
    }
    case 'not':
      return !explainCondition(program.child, scope, traces);
    default:
      return true;
  }
}

function explainLeaf(
  leaf: LeafProgram,
  stepId: string | undefined,
  scope: EvaluationScope,
  traces: ConditionTrace[],
): boolean {
  const { actual, expected, result } = leaf.evaluate(scope);
  const operand = leaf.isOperand ? (expected as Operand) : undefined;
  const trace: ConditionTrace = {
    fact: leaf.traceFact,
    path: leaf.tracePath,
    operator: leaf.traceOperator,
    expected: operand ? operand.value : leaf.literal,
    actual,
    result,
  };
  if (stepId !== undefined) trace.stepId = stepId;

  if (operand && operand.prior !== undefined) trace.prior = operand.prior;

  if (leaf.expectedFact) trace.expectedFact = { ...leaf.expectedFact };

  traces.push(trace);
  return result;
}

function compileGroup(
  kind: 'all' | 'any',
  members: unknown,
  stepId: string | undefined,
  compiled: Map<unknown, ConditionProgram> | undefined,
): ConditionProgram | undefined {
  if (!Array.isArray(members)) return undefined;

  const children: ConditionProgram[] = [];
  for (const member of members) {
    const child = compileConditionProgram(member, stepId, compiled);
    if (!child) return undefined;

    children.push(child);
  }

  if (children.length === 0) return PASS;

  if (children.length === 1) return children[0];

  return { kind, children };
}

function compileNot(
  member: unknown,
  stepId: string | undefined,
  compiled: Map<unknown, ConditionProgram> | undefined,
): ConditionProgram | undefined {
  if (Array.isArray(member)) return undefined;

  const child = compileConditionProgram(member, stepId, compiled);
  return child && { kind: 'not', child };
}

function stepIdOf(
  name: unknown,
  inherited: string | undefined,
): string | undefined {
  if (typeof name !== 'string' || !name.startsWith(STEP_CONDITION_PREFIX)) {
    return inherited;
  }

  return name.slice(STEP_CONDITION_PREFIX.length);
}

// Priorities, condition references and non-text names or paths change how
// json-rules-engine evaluates or reports a node; leave those to it.
function hasPlainShape(node: Node): boolean {
  if (Object.hasOwn(node, 'priority') || Object.hasOwn(node, 'condition')) {
    return false;
  }

  const textOrAbsent = (value: unknown) =>
    value === undefined || value === null || typeof value === 'string';
  return textOrAbsent(node.name) && textOrAbsent(node.path);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
