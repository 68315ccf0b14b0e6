import { MarkerType, type Edge as CanvasEdge } from '@xyflow/react';
import type { Edge, FlowGraph, Step } from '@herald/engine';
import { layoutSteps } from './layout-steps';
import type { StepNode } from './step-node';

/** Handle id of the single output of every Step but a Condition. */
export const NEXT_HANDLE = 'next';

/** React Flow nodes for a Flow graph's Steps, laid out where unplaced. */
export function stepsToNodes(graph: FlowGraph): StepNode[] {
  const positions = layoutSteps(graph);

  return graph.steps.map((step) => ({
    id: step.id,
    type: step.type,
    position: positions.get(step.id) ?? { x: 0, y: 0 },
    data: { step },
  }));
}

/**
 * React Flow edges for a Flow graph's edges. `true` and `false` edges are
 * labelled and coloured. An edge naming a handle its source Step lacks (a
 * Condition edge without a branch, say) is drawn from the Step's first
 * handle; validation reports it.
 */
export function edgesToCanvas(edges: Edge[], steps: Step[]): CanvasEdge[] {
  const stepTypes = new Map(steps.map((step) => [step.id, step.type]));

  return edges
    .filter((edge) => stepTypes.has(edge.source) && stepTypes.has(edge.target))
    .map((edge) => {
      const handle = edge.sourceHandle ?? NEXT_HANDLE;
      const isCondition = stepTypes.get(edge.source) === 'condition';
      const fits = isCondition
        ? handle !== NEXT_HANDLE
        : handle === NEXT_HANDLE;
      const branch = handle === NEXT_HANDLE ? null : handle;

      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        sourceHandle: fits ? handle : null,
        label: branch ?? undefined,
        className: branch ? `edge edge--${branch}` : 'edge',
        markerEnd: { type: MarkerType.ArrowClosed },
      };
    });
}
