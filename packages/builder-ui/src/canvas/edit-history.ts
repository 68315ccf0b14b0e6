/**
 * Undo and redo over snapshots of the canvas. Each edit pushes the state
 * it replaced; undo swaps the present with the last snapshot.
 */

/** Most snapshots kept; older edits cannot be undone. */
export const HISTORY_LIMIT = 100;

/** Past and future snapshots around the present one. */
export interface EditHistory<T> {
  past: T[];
  future: T[];
}

/** A history with nothing to undo or redo. */
export function emptyHistory<T>(): EditHistory<T> {
  return { past: [], future: [] };
}

/** The history after an edit that replaced `previous`. */
export function recordEdit<T>(
  history: EditHistory<T>,
  previous: T,
): EditHistory<T> {
  return {
    past: [...history.past, previous].slice(-HISTORY_LIMIT),
    future: [],
  };
}

/** Undo: the snapshot to restore and the history after it, or null. */
export function undoEdit<T>(
  history: EditHistory<T>,
  present: T,
): { state: T; history: EditHistory<T> } | null {
  const state = history.past.at(-1);
  if (state === undefined) {
    return null;
  }

  return {
    state,
    history: {
      past: history.past.slice(0, -1),
      future: [present, ...history.future],
    },
  };
}

/** Redo: the snapshot to restore and the history after it, or null. */
export function redoEdit<T>(
  history: EditHistory<T>,
  present: T,
): { state: T; history: EditHistory<T> } | null {
  const [state, ...future] = history.future;
  if (state === undefined) {
    return null;
  }

  return { state, history: { past: [...history.past, present], future } };
}
