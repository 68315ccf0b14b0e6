/**
 * Whether each Condition and Rollout step on a path held, read back from
 * the explain trace. The trace lists leaves in rule order, tagged with
 * their step; the step's own all / any / not shape says how they combine.
 */
import type {
  ConditionNode,
  ConditionTrace,
  RolloutStep,
  Step,
} from '@herald/engine';
import { isLeaf } from '../steps/condition-tree';

/** How a step fared in one run: held, did not hold, or could not be told. */
export type StepOutcome = 'pass' | 'fail' | 'unknown';

/**
 * Whether a Condition's test or a Rollout's audience held, given the
 * step's traced leaves; `unknown` when the trace does not hold one result
 * per leaf (a Rule set compiled differently, say).
 */
export function stepOutcome(step: Step, leaves: ConditionTrace[]): StepOutcome {
  const shape = shapeOf(step);
  if (!shape || leaves.length !== countLeaves(shape)) {
    return 'unknown';
  }

  const results = leaves.map((leaf) => leaf.result);
  return evaluateShape(shape, results) ? 'pass' : 'fail';
}

type Shape =
  { leaf: true } | { all: Shape[] } | { any: Shape[] } | { not: Shape };

function shapeOf(step: Step): Shape | null {
  if (step.type === 'condition') {
    return conditionShape(step.data.test);
  }

  if (step.type === 'rollout') {
    return rolloutShape(step.data);
  }

  return null;
}

function conditionShape(node: ConditionNode): Shape {
  if (isLeaf(node)) {
    return { leaf: true };
  }

  if ('not' in node) {
    return { not: conditionShape(node.not) };
  }

  if ('all' in node) {
    return { all: node.all.map(conditionShape) };
  }

  return { any: node.any.map(conditionShape) };
}

// Mirrors the engine's rollout compile: the allow-list admits anyone on
// it; everyone else must match every audience limit that is set.
function rolloutShape(data: RolloutStep['data']): Shape {
  const audience: Shape[] = [];
  if (data.tiers?.length) audience.push({ leaf: true });
  if (data.regions?.length) audience.push({ leaf: true });
  if (data.percentage !== undefined && data.percentage < 100) {
    audience.push({ leaf: true });
  }

  if (!data.allowList?.length) {
    return { all: audience };
  }

  return { any: [{ leaf: true }, { all: audience }] };
}

function countLeaves(shape: Shape): number {
  if ('leaf' in shape) return 1;
  if ('not' in shape) return countLeaves(shape.not);

  const children = 'all' in shape ? shape.all : shape.any;
  return children.reduce((sum, child) => sum + countLeaves(child), 0);
}

// Consumes `results` in reading order, as the trace lists them.
function evaluateShape(shape: Shape, results: boolean[]): boolean {
  if ('leaf' in shape) {
    return results.shift() === true;
  }

  if ('not' in shape) {
    return !evaluateShape(shape.not, results);
  }

  const children = 'all' in shape ? shape.all : shape.any;
  const values = children.map((child) => evaluateShape(child, results));
  return 'all' in shape ? values.every(Boolean) : values.some(Boolean);
}
