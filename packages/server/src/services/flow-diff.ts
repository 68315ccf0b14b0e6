/**
 * A readable summary of what changed between two Flow graphs, for the
 * audit log: steps added, removed or changed (and which of their parts),
 * and how many connections changed.
 */
import type { FlowGraph, Step } from '@herald/engine';

/** What changed between two graphs, step by step. */
export interface FlowDiff {
  added: string[];
  removed: string[];
  changed: string[];
  edgesAdded: number;
  edgesRemoved: number;
}

/** Compares `before` (null: an empty Flow) with `after`. */
export function diffFlowGraphs(
  before: FlowGraph | null,
  after: FlowGraph,
): FlowDiff {
  const old = new Map((before?.steps ?? []).map((step) => [step.id, step]));
  const now = new Map(after.steps.map((step) => [step.id, step]));
  const oldEdges = new Set((before?.edges ?? []).map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));

  return {
    added: after.steps.filter((s) => !old.has(s.id)).map(describeStep),
    removed: [...old.values()].filter((s) => !now.has(s.id)).map(describeStep),
    changed: after.steps.flatMap((step) => {
      const prior = old.get(step.id);
      const parts = prior ? changedParts(prior, step) : [];
      return parts.length > 0
        ? [`${describeStep(step)} (${parts.join(', ')})`]
        : [];
    }),
    edgesAdded: [...newEdges].filter((key) => !oldEdges.has(key)).length,
    edgesRemoved: [...oldEdges].filter((key) => !newEdges.has(key)).length,
  };
}

/** The diff in one line, e.g. `changed condition "Shipped" (test)`. */
export function summarizeFlowDiff(diff: FlowDiff): string {
  const parts = [
    diff.added.length > 0 ? `added ${diff.added.join(', ')}` : '',
    diff.removed.length > 0 ? `removed ${diff.removed.join(', ')}` : '',
    diff.changed.length > 0 ? `changed ${diff.changed.join(', ')}` : '',
    diff.edgesAdded + diff.edgesRemoved > 0
      ? `connections +${diff.edgesAdded} -${diff.edgesRemoved}`
      : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? parts.join('; ') : 'no step changes';
}

function describeStep(step: Step): string {
  return step.label
    ? `${step.type} "${step.label}"`
    : `${step.type} ${step.id}`;
}

function changedParts(before: Step, after: Step): string[] {
  if (before.type !== after.type) {
    return ['type'];
  }

  const parts: string[] = [];
  if ((before.label ?? '') !== (after.label ?? '')) {
    parts.push('label');
  }
  const oldData = before.data as Record<string, unknown>;
  const newData = after.data as Record<string, unknown>;
  const keys = new Set([...Object.keys(oldData), ...Object.keys(newData)]);
  for (const key of keys) {
    if (JSON.stringify(oldData[key]) !== JSON.stringify(newData[key])) {
      parts.push(key);
    }
  }

  return parts;
}

function edgeKey(edge: FlowGraph['edges'][number]) {
  return `${edge.source}|${edge.sourceHandle ?? 'next'}|${edge.target}`;
}
