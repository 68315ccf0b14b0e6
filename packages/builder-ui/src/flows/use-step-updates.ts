import { useCallback, useRef } from 'react';
import type { FlowGraph, Step } from '@herald/engine';
import { layOut } from '../canvas/canvas-edits';
import { stepsToNodes } from '../canvas/graph-to-canvas';
import type { CanvasDraft } from './use-canvas-draft';

/** Edits that rewrite Steps already on the canvas. */
export interface StepUpdates {
  /** Replaces a Step's content (matched by id); marks the draft dirty. */
  updateStep: (step: Step) => void;
  /** Lays every Step out again, top to bottom. */
  layout: () => void;
  /** Replaces the whole draft, e.g. with a published version; undoable. */
  replaceGraph: (graph: FlowGraph) => void;
}

// Inspector edits of one Step within this many ms undo together.
const COALESCE_MS = 1000;

/** Inspector edits, automatic layout and restoring a version. */
export function useStepUpdates(draft: CanvasDraft): StepUpdates {
  const { current, commit } = draft;
  const lastStepEdit = useRef({ stepId: '', at: 0 });

  const updateStep = useCallback(
    (step: Step) => {
      const now = Date.now();
      const last = lastStepEdit.current;
      const record = last.stepId !== step.id || now - last.at > COALESCE_MS;
      lastStepEdit.current = { stepId: step.id, at: now };
      const nodes = current().nodes.map((node) =>
        node.id === step.id ? { ...node, data: { step } } : node,
      );
      commit({ ...current(), nodes }, record);
    },
    [current, commit],
  );

  // Limitation: dagre lays out on the main thread; for a 300-step Flow
  // the page ignores input for about a quarter of a second meanwhile.
  const layout = useCallback(
    () => commit(layOut(current())),
    [current, commit],
  );

  const replaceGraph = useCallback(
    (graph: FlowGraph) =>
      commit({ nodes: stepsToNodes(graph), edges: graph.edges }),
    [commit],
  );

  return { updateStep, layout, replaceGraph };
}
