import { graphlib, layout } from '@dagrejs/dagre';
import type { Edge, FlowGraph, Step } from '@herald/engine';

/** Width every step node is drawn at, in canvas pixels. */
export const STEP_NODE_WIDTH = 260;

// Dagre needs a size before React Flow has measured the nodes; this is a
// step node with a title and two lines of details, the common tall case.
const ESTIMATED_NODE_HEIGHT = 120;

/** A position for a Step: top-left corner in canvas coordinates. */
export interface StepPosition {
  x: number;
  y: number;
}

/**
 * Positions for every Step. Steps saved with a position keep it; the others
 * get one from a top-to-bottom dagre layout of the whole graph.
 */
export function layoutSteps(graph: FlowGraph): Map<string, StepPosition> {
  const positions = new Map<string, StepPosition>();
  for (const step of graph.steps) {
    if (step.position) {
      positions.set(step.id, step.position);
    }
  }

  if (positions.size === graph.steps.length) {
    return positions;
  }

  const laidOut = runDagre(graph.steps, graph.edges);
  for (const step of graph.steps) {
    if (!positions.has(step.id)) {
      positions.set(step.id, laidOut.get(step.id) ?? { x: 0, y: 0 });
    }
  }

  return positions;
}

/**
 * Fresh positions for every Step, ignoring where they were: a
 * top-to-bottom layout that follows the edges, so a Flow reads trigger →
 * conditions → template → channel.
 */
export function layoutAllSteps(
  steps: readonly Step[],
  edges: readonly Edge[],
): Map<string, StepPosition> {
  return runDagre(steps, edges);
}

function runDagre(
  steps: readonly Step[],
  edges: readonly Edge[],
): Map<string, StepPosition> {
  const graph = { steps, edges };
  const layoutGraph = new graphlib.Graph();
  layoutGraph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60 });
  layoutGraph.setDefaultEdgeLabel(() => ({}));

  const stepIds = new Set(graph.steps.map((step) => step.id));
  for (const step of graph.steps) {
    layoutGraph.setNode(step.id, {
      width: STEP_NODE_WIDTH,
      height: ESTIMATED_NODE_HEIGHT,
    });
  }

  for (const edge of graph.edges) {
    if (stepIds.has(edge.source) && stepIds.has(edge.target)) {
      layoutGraph.setEdge(edge.source, edge.target);
    }
  }

  layout(layoutGraph);

  // Dagre answers node centres; React Flow places nodes by their corner.
  const positions = new Map<string, StepPosition>();
  for (const step of graph.steps) {
    const node = layoutGraph.node(step.id);
    positions.set(step.id, {
      x: Math.round(node.x - STEP_NODE_WIDTH / 2),
      y: Math.round(node.y - ESTIMATED_NODE_HEIGHT / 2),
    });
  }

  return positions;
}
