/**
 * The canvas edits a business user may make: a Rollout spliced into an
 * existing edge, and a Rollout taken out of its path with the Steps before
 * it joined to the Step after it. Every other Step and path stays as is.
 */
import type { Edge, Step } from '@herald/engine';
import type { CanvasEdit } from './canvas-edits';
import { stepNode, type CanvasState } from './canvas-state';

/**
 * Puts `rollout` on the edge `edgeId`: the edge's source then leads, on
 * the same output, to the Rollout, and the Rollout to the edge's target.
 */
export function insertRollout(
  state: CanvasState,
  edgeId: string,
  rollout: Step,
): CanvasEdit {
  const edge = state.edges.find((candidate) => candidate.id === edgeId);
  if (!edge || rollout.type !== 'rollout') {
    return { ok: false, reason: 'That path is no longer on the canvas.' };
  }

  const position = between(state, edge.source, edge.target);
  const into: Edge = {
    ...edge,
    id: `${edge.source}->${rollout.id}`,
    target: rollout.id,
  };
  const out: Edge = {
    id: `${rollout.id}->${edge.target}`,
    source: rollout.id,
    target: edge.target,
  };
  const nodes = [
    ...state.nodes.map((node) => ({ ...node, selected: false })),
    stepNode(rollout, position, true),
  ];
  const edges = state.edges.flatMap((candidate) =>
    candidate.id === edgeId ? [into, out] : [candidate],
  );

  return { ok: true, state: { nodes, edges } };
}

/**
 * Removes the Rollout `stepId`; each edge into it then leads straight to
 * the Step after it. Refused for any other Step type.
 */
export function removeRollout(state: CanvasState, stepId: string): CanvasEdit {
  const node = state.nodes.find((candidate) => candidate.id === stepId);
  if (node?.data.step.type !== 'rollout') {
    return { ok: false, reason: 'Only Rollout steps can be removed here.' };
  }

  const next = state.edges.find((edge) => edge.source === stepId)?.target;
  const taken = new Set(state.edges.map((edge) => edge.id));
  const edges = state.edges.flatMap((edge) => {
    if (edge.source === stepId) {
      return [];
    }
    if (edge.target !== stepId) {
      return [edge];
    }

    if (!next) {
      return [];
    }

    const id = `${edge.source}->${next}`;
    return [{ ...edge, id: taken.has(id) ? edge.id : id, target: next }];
  });

  return {
    ok: true,
    state: {
      nodes: state.nodes.filter((candidate) => candidate.id !== stepId),
      edges,
    },
  };
}

function between(state: CanvasState, source: string, target: string) {
  const from = state.nodes.find((node) => node.id === source)?.position;
  const to = state.nodes.find((node) => node.id === target)?.position;
  if (!from || !to) {
    return from ?? to ?? { x: 0, y: 0 };
  }

  return { x: (from.x + to.x) / 2 + 40, y: (from.y + to.y) / 2 };
}
