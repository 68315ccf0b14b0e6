import type { Edge, FlowGraph, Step } from '@herald/engine';
import type { StepNode } from './step-node';

/** What the canvas holds: one node per Step, and the Flow's edges. */
export interface CanvasState {
  nodes: StepNode[];
  edges: Edge[];
}

/** A canvas node drawing `step` at `position`. */
export function stepNode(
  step: Step,
  position: { x: number; y: number },
  selected = false,
): StepNode {
  return { id: step.id, type: step.type, position, data: { step }, selected };
}

/** The canvas as a Flow graph, with each Step at its node's position. */
export function canvasToGraph(
  state: CanvasState,
  schemaVersion: FlowGraph['schemaVersion'],
): FlowGraph {
  return {
    schemaVersion,
    steps: state.nodes.map((node) => ({
      ...node.data.step,
      position: {
        x: Math.round(node.position.x),
        y: Math.round(node.position.y),
      },
    })),
    edges: state.edges,
  };
}

/** The Steps drawn on the canvas, in node order. */
export function canvasSteps(state: CanvasState): Step[] {
  return state.nodes.map((node) => node.data.step);
}
