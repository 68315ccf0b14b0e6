/**
 * A simulation's result drawn on the canvas: the steps and joins on paths
 * that fired, and the steps that stopped every path through them.
 */
import type { Edge as CanvasEdge } from '@xyflow/react';
import type { SimulationMarks } from '../canvas/canvas-context';
import type { SimulationResult } from './run-simulation';

/** The step marks of a result; undefined when there is none to show. */
export function simulationMarks(
  result: SimulationResult | null,
): SimulationMarks | undefined {
  if (!result?.ok) {
    return undefined;
  }

  return { taken: result.takenSteps, failed: result.failedSteps };
}

/** `edges` with the joins of fired paths highlighted and animated. */
export function markSimulatedEdges(
  edges: CanvasEdge[],
  result: SimulationResult | null,
): CanvasEdge[] {
  if (!result?.ok) {
    return edges;
  }

  return edges.map((edge) => {
    if (!result.takenJoins.has(`${edge.source}>${edge.target}`)) {
      return edge;
    }

    return {
      ...edge,
      animated: true,
      className: `${edge.className ?? 'edge'} edge--taken`,
    };
  });
}
