/**
 * Decides whether a proposed graph differs from the active one only in its
 * Rollout steps: Rollouts added into a path, edited, or removed from one.
 * Every other Step must be unchanged (positions aside), and the paths
 * between non-Rollout steps must be the same once Rollouts are skipped.
 */
import type { FlowGraph, Step } from '@herald/engine';

/** One thing a business publish may not change. */
export interface RolloutOnlyProblem {
  stepId: string;
  reason: 'added' | 'removed' | 'changed' | 'connections';
  message: string;
}

/** Every non-Rollout difference between `active` and `proposed`. */
export function findNonRolloutChanges(
  active: FlowGraph,
  proposed: FlowGraph,
): RolloutOnlyProblem[] {
  return [
    ...stepProblems(active, proposed),
    ...connectionProblems(active, proposed),
  ];
}

function stepProblems(active: FlowGraph, proposed: FlowGraph) {
  const before = otherSteps(active);
  const after = otherSteps(proposed);
  const problems: RolloutOnlyProblem[] = [];
  for (const [id, step] of before) {
    const now = after.get(id);
    if (!now) {
      problems.push(problem(id, 'removed', `${step.type} ${id} was removed`));
    } else if (comparable(step) !== comparable(now)) {
      problems.push(problem(id, 'changed', `${step.type} ${id} was changed`));
    }
  }
  for (const [id, step] of after) {
    if (!before.has(id)) {
      problems.push(problem(id, 'added', `${step.type} ${id} was added`));
    }
  }

  return problems;
}

function connectionProblems(active: FlowGraph, proposed: FlowGraph) {
  const before = skippingRollouts(active);
  const after = skippingRollouts(proposed);
  const sources = new Set<string>();
  for (const key of [...before, ...after]) {
    if (before.has(key) !== after.has(key)) {
      sources.add(key.split('|')[0]);
    }
  }

  return [...sources].map((id) =>
    problem(id, 'connections', `the steps after ${id} were changed`),
  );
}

/**
 * The graph's connections between non-Rollout steps, each as
 * `source|output|target`, following edges through any Rollouts between.
 */
function skippingRollouts(graph: FlowGraph): Set<string> {
  const rollouts = new Set(
    graph.steps.filter((step) => step.type === 'rollout').map((s) => s.id),
  );
  const outgoing = new Map<string, string[]>();
  for (const edge of graph.edges) {
    outgoing.set(edge.source, [
      ...(outgoing.get(edge.source) ?? []),
      edge.target,
    ]);
  }

  const keys = new Set<string>();
  for (const edge of graph.edges) {
    if (rollouts.has(edge.source)) {
      continue;
    }

    for (const target of beyondRollouts(edge.target, rollouts, outgoing)) {
      keys.add(`${edge.source}|${edge.sourceHandle ?? 'next'}|${target}`);
    }
  }

  return keys;
}

function beyondRollouts(
  start: string,
  rollouts: Set<string>,
  outgoing: Map<string, string[]>,
): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) {
      continue;
    }

    seen.add(id);
    if (!rollouts.has(id)) {
      found.push(id);
    } else {
      queue.push(...(outgoing.get(id) ?? []));
    }
  }

  return found;
}

function otherSteps(graph: FlowGraph): Map<string, Step> {
  return new Map(
    graph.steps
      .filter((step) => step.type !== 'rollout')
      .map((step) => [step.id, step]),
  );
}

/** A step as compared: without its position, keys in a stable order. */
function comparable(step: Step): string {
  const { position: _position, ...rest } = step;
  return stableJson(rest);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }

  return JSON.stringify(value);
}

function problem(
  stepId: string,
  reason: RolloutOnlyProblem['reason'],
  message: string,
): RolloutOnlyProblem {
  return { stepId, reason, message };
}
