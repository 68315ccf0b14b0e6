/**
 * A read-only view of a Flow graph for the validator and the compiler:
 * Steps by id, the usable outgoing edges of each Step, and the paths from
 * the Trigger to each Channel step.
 */
import type { Edge, FlowGraph, Step } from './flow-model.js';

/** Most paths from Trigger to Channel one Flow may have. */
export const MAX_FLOW_PATHS = 500;

/** One Step on a path, with the output it was left through. */
export interface PathStep {
  step: Step;
  /** Output taken out of this Step; undefined for the Channel at the end. */
  handle?: 'next' | 'true' | 'false';
}

/** Steps by id and the edges leaving each, in a fixed order. */
export interface FlowGraphView {
  steps: Map<string, Step>;
  triggers: Step[];
  /** Edges whose ends exist, sorted by handle then target id. */
  outgoing: Map<string, Edge[]>;
}

/** Indexes a graph; edges naming unknown Steps are left out. */
export function viewFlowGraph(graph: FlowGraph): FlowGraphView {
  const steps = new Map<string, Step>();
  for (const step of graph.steps) {
    if (!steps.has(step.id)) steps.set(step.id, step);
  }

  const outgoing = new Map<string, Edge[]>();
  for (const edge of graph.edges) {
    if (!steps.has(edge.source) || !steps.has(edge.target)) continue;

    const list = outgoing.get(edge.source) ?? [];
    list.push(edge);
    outgoing.set(edge.source, list);
  }
  for (const list of outgoing.values()) list.sort(compareEdges);

  const triggers = [...steps.values()].filter((s) => s.type === 'trigger');
  return { steps, triggers, outgoing };
}

/** The output an edge leaves through: its handle, else `next`. */
export function handleOf(edge: Edge): 'next' | 'true' | 'false' {
  return edge.sourceHandle ?? 'next';
}

/**
 * Every path from `start` to a Channel step, in a stable order. Assumes the
 * graph has no cycle; stops and returns undefined past MAX_FLOW_PATHS.
 */
export function enumeratePaths(
  view: FlowGraphView,
  start: Step,
): PathStep[][] | undefined {
  const reaching = countChannelPaths(view);
  if ((reaching.get(start.id) ?? 0) > MAX_FLOW_PATHS) {
    return undefined;
  }

  const paths: PathStep[][] = [];
  const walk = (step: Step, trail: PathStep[]) => {
    if (step.type === 'channel') {
      paths.push([...trail, { step }]);
      return;
    }

    for (const edge of view.outgoing.get(step.id) ?? []) {
      const next = view.steps.get(edge.target);
      // Branches that reach no Channel are skipped, so the walk costs no
      // more than the paths it returns, however the dead ends multiply.
      if (!next || next.type === 'trigger' || !reaching.get(next.id)) continue;

      walk(next, [...trail, { step, handle: handleOf(edge) }]);
    }
  };

  walk(start, []);
  return paths;
}

/**
 * How many paths lead from each Step to a Channel step, counted once per
 * Step (capped just past the limit). A Step on a cycle counts the paths
 * that avoid the cycle.
 */
function countChannelPaths(view: FlowGraphView): Map<string, number> {
  const counts = new Map<string, number>();
  const visiting = new Set<string>();
  const count = (step: Step): number => {
    const known = counts.get(step.id);
    if (known !== undefined) return known;
    if (step.type === 'channel') return remember(step.id, 1);
    if (visiting.has(step.id)) return 0;

    visiting.add(step.id);
    let total = 0;
    for (const edge of view.outgoing.get(step.id) ?? []) {
      const next = view.steps.get(edge.target);
      if (!next || next.type === 'trigger') continue;
      total = Math.min(total + count(next), MAX_FLOW_PATHS + 1);
    }
    visiting.delete(step.id);
    return remember(step.id, total);
  };
  const remember = (id: string, value: number) => {
    counts.set(id, value);
    return value;
  };

  for (const step of view.steps.values()) count(step);
  return counts;
}

/** The id of a path: its Step ids joined by '>'. */
export function pathIdOf(path: PathStep[]): string {
  return path.map((entry) => entry.step.id).join('>');
}

function compareEdges(a: Edge, b: Edge): number {
  return (
    compareText(handleOf(a), handleOf(b)) || compareText(a.target, b.target)
  );
}

/** Orders strings by code unit, the same in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
