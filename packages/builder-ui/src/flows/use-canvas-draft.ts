import { useCallback, useRef, useState } from 'react';
import type { FlowGraph } from '@herald/engine';
import type { CanvasEdit } from '../canvas/canvas-edits';
import type { CanvasState } from '../canvas/canvas-state';
import {
  emptyHistory,
  recordEdit,
  redoEdit,
  undoEdit,
} from '../canvas/edit-history';
import { stepsToNodes } from '../canvas/graph-to-canvas';

/**
 * The canvas state of a draft with its undo history, edit revision and
 * the notice of the last refused edit. Edits read the latest state with
 * `current()`, never a stale render's copy.
 */
export interface CanvasDraft {
  canvas: CanvasState;
  /** The state as of the last change, even before React re-renders. */
  current: () => CanvasState;
  /** Shows a state without counting it as an edit (selection, sizes). */
  show: (state: CanvasState) => void;
  /** Makes `state` the draft; `record` (default true) makes it undoable. */
  commit: (state: CanvasState, record?: boolean) => void;
  /** Commits an edit's state, or shows why the edit was refused. */
  apply: (edit: CanvasEdit) => void;
  /** Saves the present state as an undo step without changing it. */
  remember: () => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Counts edits; a save is current when it saved this revision. */
  revision: number;
  /** True once the draft differs from what was last saved. */
  dirty: boolean;
  /** Marks `revision` (default: the current one) as saved. */
  markSaved: (revision?: number) => void;
  notice: string | null;
  setNotice: (notice: string | null) => void;
}

/** Holds a draft's canvas state, starting from `initial`. */
export function useCanvasDraft(initial: FlowGraph): CanvasDraft {
  const { canvas, current, show } = useShownCanvas(initial);
  const edits = useEditHistory(current);
  const { remember } = edits;
  const [notice, setNotice] = useState<string | null>(null);
  const revisions = useRevisions();

  const commit = useCallback(
    (state: CanvasState, record = true) => {
      if (record) {
        remember();
      }

      show(state);
      revisions.count();
      setNotice(null);
    },
    [remember, show, revisions.count],
  );

  const apply = useCallback(
    (edit: CanvasEdit) => {
      if (!edit.ok) {
        setNotice(edit.reason);
        return;
      }

      commit(edit.state);
    },
    [commit],
  );

  const undo = useCallback(
    () => edits.travel(undoEdit, (state) => commit(state, false)),
    [edits.travel, commit],
  );
  const redo = useCallback(
    () => edits.travel(redoEdit, (state) => commit(state, false)),
    [edits.travel, commit],
  );

  return {
    canvas,
    current,
    show,
    commit,
    apply,
    remember,
    undo,
    redo,
    canUndo: edits.history.past.length > 0,
    canRedo: edits.history.future.length > 0,
    revision: revisions.revision,
    dirty: revisions.revision !== revisions.saved,
    markSaved: revisions.markSaved,
    notice,
    setNotice,
  };
}

// The state on screen; `current` reads it before React re-renders.
function useShownCanvas(initial: FlowGraph) {
  const [canvas, setCanvas] = useState<CanvasState>(() => ({
    nodes: stepsToNodes(initial),
    edges: initial.edges,
  }));
  const canvasRef = useRef(canvas);

  const current = useCallback(() => canvasRef.current, []);
  const show = useCallback((state: CanvasState) => {
    canvasRef.current = state;
    setCanvas(state);
  }, []);

  return { canvas, current, show };
}

// Undo snapshots: `remember` saves the present one; `travel` moves through
// them and hands the state arrived at to `arrive`.
function useEditHistory(current: () => CanvasState) {
  const [history, setHistory] = useState(emptyHistory<CanvasState>);
  const historyRef = useRef(history);

  const remember = useCallback(() => {
    historyRef.current = recordEdit(historyRef.current, current());
    setHistory(historyRef.current);
  }, [current]);

  const travel = useCallback(
    (move: typeof undoEdit, arrive: (state: CanvasState) => void) => {
      const moved = move(historyRef.current, current());
      if (!moved) {
        return;
      }

      historyRef.current = moved.history;
      setHistory(moved.history);
      arrive(moved.state);
    },
    [current],
  );

  return { history, remember, travel };
}

// Edits counted, and the count last saved.
function useRevisions() {
  const [revision, setRevision] = useState(0);
  const [saved, setSaved] = useState(0);
  const revisionRef = useRef(0);

  const count = useCallback(() => {
    revisionRef.current += 1;
    setRevision(revisionRef.current);
  }, []);

  const markSaved = useCallback((savedRevision?: number) => {
    setSaved(savedRevision ?? revisionRef.current);
  }, []);

  return { revision, saved, count, markSaved };
}
