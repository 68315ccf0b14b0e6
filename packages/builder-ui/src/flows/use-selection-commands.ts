import { useCallback } from 'react';
import {
  copySelection,
  deleteSelection,
  pasteSteps,
  type CopiedSteps,
} from '../canvas/canvas-edits';
import { freshStepId } from '../canvas/new-step';
import type { CanvasDraft } from './use-canvas-draft';
import type { EdgeSelection } from './use-edge-selection';

/** Commands over what is selected on the canvas. */
export interface SelectionCommands {
  /** Selects one Step, or none with null. */
  selectStep: (stepId: string | null) => void;
  deleteSelected: () => void;
  copySelected: () => void;
  paste: () => void;
}

// Copies survive moving between Flows in the same tab.
let clipboard: CopiedSteps | null = null;

/** Select, delete, copy and paste on a draft. */
export function useSelectionCommands(
  draft: CanvasDraft,
  edges: EdgeSelection,
): SelectionCommands {
  const { current, show, commit, apply } = draft;
  const { selectedEdges, clearEdgeSelection } = edges;

  const selectStep = useCallback(
    (stepId: string | null) => {
      const nodes = current().nodes.map((node) => {
        const selected = node.id === stepId;
        return node.selected === selected ? node : { ...node, selected };
      });
      show({ ...current(), nodes });
      clearEdgeSelection();
    },
    [current, show, clearEdgeSelection],
  );

  const deleteSelected = useCallback(() => {
    const state = current();
    const anything =
      state.nodes.some((node) => node.selected) || selectedEdges.size > 0;
    if (!anything) {
      return;
    }

    commit(deleteSelection(state, selectedEdges));
    clearEdgeSelection();
  }, [current, commit, selectedEdges, clearEdgeSelection]);

  const copySelected = useCallback(() => {
    clipboard = copySelection(current()) ?? clipboard;
  }, [current]);

  const paste = useCallback(() => {
    if (!clipboard) {
      return;
    }

    apply(
      pasteSteps(current(), clipboard, (step, taken) =>
        freshStepId(step.type, taken),
      ),
    );
  }, [current, apply]);

  return { selectStep, deleteSelected, copySelected, paste };
}
