import type { KeyboardEvent } from 'react';

/** What the canvas's keyboard shortcuts call. */
export interface CanvasShortcutActions {
  deleteSelected: () => void;
  copySelected: () => void;
  paste: () => void;
  undo: () => void;
  redo: () => void;
  fit: () => void;
  layout: () => void;
}

/**
 * Handles a key press on the canvas: Delete or Backspace removes the
 * selection; Ctrl/⌘ with C, V, Z, Shift+Z or Y copies, pastes, undoes and
 * redoes; Shift+F fits the Flow in view and Shift+L lays it out again.
 * Keys typed into a form field are left alone. True when handled.
 */
export function handleCanvasKey(
  event: KeyboardEvent,
  actions: CanvasShortcutActions,
): boolean {
  if (isTyping(event.target)) {
    return false;
  }

  const action = actionFor(event, actions);
  if (!action) {
    return false;
  }

  event.preventDefault();
  action();
  return true;
}

function actionFor(
  event: KeyboardEvent,
  actions: CanvasShortcutActions,
): (() => void) | null {
  const key = event.key.toLowerCase();
  const mod = event.ctrlKey || event.metaKey;
  if (!mod) {
    if (key === 'delete' || key === 'backspace') return actions.deleteSelected;
    if (event.shiftKey && key === 'f') return actions.fit;
    if (event.shiftKey && key === 'l') return actions.layout;
    return null;
  }

  if (key === 'c') return actions.copySelected;
  if (key === 'v') return actions.paste;
  if (key === 'y' || (key === 'z' && event.shiftKey)) return actions.redo;
  if (key === 'z') return actions.undo;
  return null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }

  const tag = target.tagName;
  return (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    target.isContentEditable
  );
}
