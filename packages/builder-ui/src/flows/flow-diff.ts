/**
 * What changed between two versions of a Flow graph: Steps added, removed
 * and changed (compared by id, ignoring where they sit on the canvas), and
 * joins added and removed.
 */
import type { Edge, FlowGraph, Step } from '@herald/engine';

/** The difference from one graph to another. */
export interface FlowDiff {
  added: Step[];
  removed: Step[];
  changed: { before: Step; after: Step }[];
  joinsAdded: number;
  joinsRemoved: number;
}

/** How `after` differs from `before`; everything is added when no before. */
export function diffFlows(
  before: FlowGraph | null,
  after: FlowGraph,
): FlowDiff {
  const old = new Map((before?.steps ?? []).map((step) => [step.id, step]));
  const now = new Map(after.steps.map((step) => [step.id, step]));
  const changed = after.steps.flatMap((step) => {
    const previous = old.get(step.id);
    return previous && contentOf(previous) !== contentOf(step)
      ? [{ before: previous, after: step }]
      : [];
  });
  const oldJoins = new Set((before?.edges ?? []).map(joinKey));
  const newJoins = new Set(after.edges.map(joinKey));

  return {
    added: after.steps.filter((step) => !old.has(step.id)),
    removed: (before?.steps ?? []).filter((step) => !now.has(step.id)),
    changed,
    joinsAdded: [...newJoins].filter((key) => !oldJoins.has(key)).length,
    joinsRemoved: [...oldJoins].filter((key) => !newJoins.has(key)).length,
  };
}

/** Whether the diff holds no change at all. */
export function isEmptyDiff(diff: FlowDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.joinsAdded === 0 &&
    diff.joinsRemoved === 0
  );
}

function contentOf(step: Step): string {
  const { position: _position, ...content } = step;
  return JSON.stringify(content);
}

function joinKey(edge: Edge): string {
  return `${edge.source}>${edge.target}:${edge.sourceHandle ?? 'next'}`;
}
