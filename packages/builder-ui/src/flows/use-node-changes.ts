import { useCallback, useRef } from 'react';
import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { StepNode } from '../canvas/step-node';
import type { CanvasDraft } from './use-canvas-draft';

/**
 * React Flow's node changes applied to the draft. A drag is one undoable
 * edit, remembered when it starts and counted when it ends; a keyboard
 * move is one edit; selection and measured sizes are not edits at all.
 */
export function useNodeChanges(
  draft: CanvasDraft,
): (changes: NodeChange<StepNode>[]) => void {
  const dragging = useRef(false);
  const { current, show, commit, remember } = draft;

  return useCallback(
    (changes: NodeChange<StepNode>[]) => {
      const next = applyNodeChanges(changes, current().nodes);
      const moves = changes.filter((change) => change.type === 'position');
      if (moves.length === 0) {
        show({ ...current(), nodes: next });
        return;
      }

      const started = moves.some((move) => move.dragging) && !dragging.current;
      const ended = moves.some((move) => !move.dragging);
      if (started) {
        dragging.current = true;
        remember();
      }

      if (ended) {
        const keyboardMove = !dragging.current;
        dragging.current = false;
        commit({ ...current(), nodes: next }, keyboardMove);
        return;
      }

      show({ ...current(), nodes: next });
    },
    [current, show, commit, remember],
  );
}
