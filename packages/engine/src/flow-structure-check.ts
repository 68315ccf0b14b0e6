/**
 * Checks of a Flow's shape, independent of the Catalog: ids, the Trigger,
 * edges, cycles, reachability, dead ends, and Templates before Channels.
 */
import {
  enumeratePaths,
  handleOf,
  MAX_FLOW_PATHS,
  viewFlowGraph,
  type FlowGraphView,
} from './flow-graph.js';
import type { Edge, FlowGraph, Step } from './flow-model.js';
import { flowProblem, type FlowProblem } from './flow-problem.js';

/** Every structural problem of a graph that already matches the schema. */
export function checkFlowStructure(graph: FlowGraph): FlowProblem[] {
  const view = viewFlowGraph(graph);
  const problems = [
    ...checkDuplicateIds(graph),
    ...checkTriggers(view),
    ...graph.edges.flatMap((edge, index) =>
      checkEdge(edge, view, graph.edges.slice(0, index)),
    ),
  ];

  const cycles = checkCycles(graph, view);
  problems.push(...cycles, ...checkDeadEnds(graph, view));

  const trigger = view.triggers[0];
  if (!trigger) return problems;

  problems.push(...checkReachable(graph, view, trigger));
  if (cycles.length === 0) problems.push(...checkPaths(view, trigger));

  return problems;
}

function checkDuplicateIds(graph: FlowGraph): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const stepIds = new Set<string>();
  for (const step of graph.steps) {
    if (stepIds.has(step.id)) {
      problems.push(
        flowProblem(
          'HERALD_FLOW_DUPLICATE_ID',
          step.id,
          'step id is used twice',
        ),
      );
    }
    stepIds.add(step.id);
  }

  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) {
      const message = 'edge id is used twice';
      problems.push(
        flowProblem('HERALD_FLOW_DUPLICATE_ID', null, message, {
          edgeId: edge.id,
        }),
      );
    }
    edgeIds.add(edge.id);
  }

  return problems;
}

function checkTriggers(view: FlowGraphView): FlowProblem[] {
  if (view.triggers.length === 0) {
    return [flowProblem('HERALD_FLOW_NO_TRIGGER', null, 'add a Trigger step')];
  }

  return view.triggers
    .slice(1)
    .map((step) =>
      flowProblem(
        'HERALD_FLOW_MULTIPLE_TRIGGERS',
        step.id,
        'a Flow has exactly one Trigger step',
      ),
    );
}

function checkEdge(
  edge: Edge,
  view: FlowGraphView,
  earlier: Edge[],
): FlowProblem[] {
  const reason = badEdgeReason(edge, view, earlier);
  if (!reason) return [];

  const stepId = view.steps.has(edge.source) ? edge.source : null;
  return [
    flowProblem('HERALD_FLOW_BAD_EDGE', stepId, reason, { edgeId: edge.id }),
  ];
}

function badEdgeReason(
  edge: Edge,
  view: FlowGraphView,
  earlier: Edge[],
): string | undefined {
  const source = view.steps.get(edge.source);
  const target = view.steps.get(edge.target);
  if (!source) return `edge leaves unknown step "${edge.source}"`;

  if (!target) return `edge enters unknown step "${edge.target}"`;

  if (target.type === 'trigger') return 'no edge may enter the Trigger';

  if (source.type === 'channel') return 'a Channel step ends its path';

  const handle = handleOf(edge);
  if (source.type === 'condition' && handle === 'next') {
    return 'a Condition leaves through its true or false output';
  }

  if (source.type !== 'condition' && handle !== 'next') {
    return `a ${source.type} step has no "${handle}" output`;
  }

  const repeats = earlier.some(
    (other) => other.source === edge.source && other.target === edge.target,
  );
  return repeats ? 'these two steps are already connected' : undefined;
}

function checkCycles(graph: FlowGraph, view: FlowGraphView): FlowProblem[] {
  const state = new Map<string, 'open' | 'done'>();
  const problems: FlowProblem[] = [];
  const visit = (stepId: string): void => {
    state.set(stepId, 'open');
    for (const edge of view.outgoing.get(stepId) ?? []) {
      const seen = state.get(edge.target);
      if (seen === 'open') {
        const message = 'this edge leads back to an earlier step';
        problems.push(
          flowProblem('HERALD_FLOW_CYCLE', edge.target, message, {
            edgeId: edge.id,
          }),
        );
      } else if (!seen) {
        visit(edge.target);
      }
    }
    state.set(stepId, 'done');
  };

  for (const step of graph.steps) {
    if (!state.has(step.id)) visit(step.id);
  }

  return problems;
}

function checkDeadEnds(graph: FlowGraph, view: FlowGraphView): FlowProblem[] {
  return graph.steps
    .filter((step) => step.type !== 'channel')
    .filter((step) => (view.outgoing.get(step.id) ?? []).length === 0)
    .map((step) =>
      flowProblem(
        'HERALD_FLOW_DANGLING_OUTPUT',
        step.id,
        'connect this step to the next one; only a Channel ends a path',
      ),
    );
}

function checkReachable(
  graph: FlowGraph,
  view: FlowGraphView,
  trigger: Step,
): FlowProblem[] {
  const reached = new Set([trigger.id]);
  const queue = [trigger.id];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of view.outgoing.get(id) ?? []) {
      if (reached.has(edge.target)) continue;

      reached.add(edge.target);
      queue.push(edge.target);
    }
  }

  return graph.steps
    .filter((step) => !reached.has(step.id) && step.type !== 'trigger')
    .map((step) =>
      flowProblem(
        'HERALD_FLOW_UNREACHABLE_STEP',
        step.id,
        'no path from the Trigger reaches this step',
      ),
    );
}

function checkPaths(view: FlowGraphView, trigger: Step): FlowProblem[] {
  const paths = enumeratePaths(view, trigger);
  if (!paths) {
    const message = `the Flow has more than ${MAX_FLOW_PATHS} paths`;
    return [flowProblem('HERALD_FLOW_TOO_MANY_PATHS', null, message)];
  }

  const blamed = new Set<string>();
  for (const path of paths) {
    const hasTemplate = path.some((entry) => entry.step.type === 'template');
    const channel = path[path.length - 1].step;
    if (!hasTemplate) blamed.add(channel.id);
  }

  return [...blamed]
    .sort()
    .map((stepId) =>
      flowProblem(
        'HERALD_FLOW_CHANNEL_WITHOUT_TEMPLATE',
        stepId,
        'add a Template step before this Channel step',
      ),
    );
}
