/**
 * Edits of the canvas as pure functions from one CanvasState to the next:
 * adding, connecting, deleting, pasting and laying out Steps. Each either
 * answers the new state or says in plain words why it was refused.
 */
import type { Edge, Step } from '@herald/engine';
import { refuseConnection, type ProposedConnection } from './connection-check';
import { canvasSteps, stepNode, type CanvasState } from './canvas-state';
import { layoutAllSteps, STEP_NODE_WIDTH } from './layout-steps';

/** An edit's outcome: the next state, or why the edit was refused. */
export type CanvasEdit =
  { ok: true; state: CanvasState } | { ok: false; reason: string };

/** Steps and the edges between them, as copied to the clipboard. */
export interface CopiedSteps {
  steps: Step[];
  positions: Map<string, { x: number; y: number }>;
  edges: Edge[];
}

// Vertical gap between a Step and one added below its output.
const ADD_BELOW_GAP = 170;
// How far a paste lands from what was copied.
const PASTE_OFFSET = 40;

/**
 * Adds `step` at `position`, selected alone; when `from` is given it is
 * also joined from that output. A second Trigger is refused.
 */
export function addStep(
  state: CanvasState,
  step: Step,
  position: { x: number; y: number } | null,
  from?: { source: string; sourceHandle: ProposedConnection['sourceHandle'] },
): CanvasEdit {
  if (step.type === 'trigger' && hasTrigger(state)) {
    return { ok: false, reason: 'A Flow has exactly one Trigger.' };
  }

  const origin = from ? state.nodes.find((n) => n.id === from.source) : null;
  const place = position ?? belowOf(origin?.position, from?.sourceHandle);
  const nodes = [
    ...state.nodes.map((node) => ({ ...node, selected: false })),
    stepNode(step, place, true),
  ];
  if (!from) {
    return { ok: true, state: { nodes, edges: state.edges } };
  }

  const edge = edgeFor({ ...from, target: step.id }, state.edges);
  return { ok: true, state: { nodes, edges: [...state.edges, edge] } };
}

/** Joins an output to a Step, unless the connection is not allowed. */
export function connectSteps(
  state: CanvasState,
  connection: ProposedConnection,
): CanvasEdit {
  const reason = refuseConnection(connection, canvasSteps(state), state.edges);
  if (reason) {
    return { ok: false, reason };
  }

  const edge = edgeFor(connection, state.edges);
  return { ok: true, state: { ...state, edges: [...state.edges, edge] } };
}

/** Removes the selected Steps with their edges, and the selected edges. */
export function deleteSelection(
  state: CanvasState,
  selectedEdgeIds: ReadonlySet<string>,
): CanvasState {
  const removed = new Set(
    state.nodes.filter((node) => node.selected).map((node) => node.id),
  );

  return {
    nodes: state.nodes.filter((node) => !removed.has(node.id)),
    edges: state.edges.filter(
      (edge) =>
        !selectedEdgeIds.has(edge.id) &&
        !removed.has(edge.source) &&
        !removed.has(edge.target),
    ),
  };
}

/** The selected Steps and the edges joining two of them. */
export function copySelection(state: CanvasState): CopiedSteps | null {
  const chosen = state.nodes.filter((node) => node.selected);
  if (chosen.length === 0) {
    return null;
  }

  const ids = new Set(chosen.map((node) => node.id));
  return {
    steps: chosen.map((node) => node.data.step),
    positions: new Map(chosen.map((node) => [node.id, node.position])),
    edges: state.edges.filter(
      (edge) => ids.has(edge.source) && ids.has(edge.target),
    ),
  };
}

/**
 * Adds copies of `copied` under fresh ids, offset from the originals and
 * selected. A copied Trigger is left out when the Flow has one.
 */
export function pasteSteps(
  state: CanvasState,
  copied: CopiedSteps,
  freshId: (step: Step, taken: Set<string>) => string,
): CanvasEdit {
  const taken = new Set(state.nodes.map((node) => node.id));
  const renamed = new Map<string, string>();
  const skipTrigger = hasTrigger(state);
  const added = [];
  for (const step of copied.steps) {
    if (step.type === 'trigger' && skipTrigger) {
      continue;
    }

    const id = freshId(step, taken);
    taken.add(id);
    renamed.set(step.id, id);
    const from = copied.positions.get(step.id) ?? { x: 0, y: 0 };
    const position = { x: from.x + PASTE_OFFSET, y: from.y + PASTE_OFFSET };
    added.push(stepNode({ ...step, id }, position, true));
  }

  if (added.length === 0) {
    return { ok: false, reason: 'A Flow has exactly one Trigger.' };
  }

  const edges = [...state.edges];
  for (const edge of copied.edges) {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (source && target) {
      edges.push(edgeFor({ ...edge, source, target } as never, edges));
    }
  }

  const nodes = state.nodes.map((node) => ({ ...node, selected: false }));
  return { ok: true, state: { nodes: [...nodes, ...added], edges } };
}

/** Every Step moved to a fresh top-to-bottom layout. */
export function layOut(state: CanvasState): CanvasState {
  const positions = layoutAllSteps(canvasSteps(state), state.edges);

  return {
    ...state,
    nodes: state.nodes.map((node) => ({
      ...node,
      position: positions.get(node.id) ?? node.position,
    })),
  };
}

function hasTrigger(state: CanvasState): boolean {
  return state.nodes.some((node) => node.data.step.type === 'trigger');
}

function belowOf(
  origin: { x: number; y: number } | undefined,
  handle: ProposedConnection['sourceHandle'] | undefined,
) {
  if (!origin) {
    return { x: 0, y: 0 };
  }

  const shift =
    handle === 'true'
      ? -STEP_NODE_WIDTH / 2 - 20
      : handle === 'false'
        ? STEP_NODE_WIDTH / 2 + 20
        : 0;
  return { x: origin.x + shift, y: origin.y + ADD_BELOW_GAP };
}

function edgeFor(
  connection: {
    source: string;
    target: string;
    sourceHandle?: ProposedConnection['sourceHandle'];
  },
  edges: readonly Edge[],
): Edge {
  const handle = connection.sourceHandle ?? 'next';
  const base = `${connection.source}-${handle}-${connection.target}`;
  const taken = new Set(edges.map((edge) => edge.id));
  let id = base;
  for (let index = 2; taken.has(id); index += 1) {
    id = `${base}-${index}`;
  }

  const edge: Edge = {
    id,
    source: connection.source,
    target: connection.target,
  };
  if (handle !== 'next') {
    edge.sourceHandle = handle;
  }

  return edge;
}
