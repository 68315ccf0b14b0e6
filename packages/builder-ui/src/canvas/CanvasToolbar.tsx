import type { ReactNode } from 'react';
import type { FlowEditor } from '../flows/use-flow-editor';

/** Props of {@link CanvasToolbar}. */
export interface CanvasToolbarProps {
  editor: FlowEditor;
  editable: boolean;
  onFit: () => void;
  onLayout: () => void;
  /** Shown after the buttons. */
  children?: ReactNode;
}

/**
 * Buttons over the canvas for what the keyboard shortcuts also do: undo,
 * redo, copy, paste, delete, automatic layout and zoom to fit.
 */
export function CanvasToolbar({
  editor,
  editable,
  onFit,
  onLayout,
  children,
}: CanvasToolbarProps) {
  const anySelected =
    editor.nodes.some((node) => node.selected) ||
    editor.edges.some((edge) => edge.selected);

  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      {editable && (
        <>
          <button
            type="button"
            onClick={editor.undo}
            disabled={!editor.canUndo}
            title="Undo (Ctrl+Z)"
            data-testid="canvas-undo"
          >
            Undo
          </button>
          <button
            type="button"
            onClick={editor.redo}
            disabled={!editor.canRedo}
            title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
            data-testid="canvas-redo"
          >
            Redo
          </button>
          <button
            type="button"
            onClick={editor.copySelected}
            disabled={!anySelected}
            title="Copy the selected steps (Ctrl+C)"
            data-testid="canvas-copy"
          >
            Copy
          </button>
          <button
            type="button"
            onClick={editor.paste}
            title="Paste copied steps (Ctrl+V)"
            data-testid="canvas-paste"
          >
            Paste
          </button>
          <button
            type="button"
            onClick={editor.deleteSelected}
            disabled={!anySelected}
            title="Delete the selection (Delete)"
            data-testid="canvas-delete"
          >
            Delete
          </button>
          <button
            type="button"
            onClick={onLayout}
            title="Lay the flow out top to bottom (Shift+L)"
            data-testid="canvas-layout"
          >
            Tidy up
          </button>
        </>
      )}
      <button
        type="button"
        onClick={onFit}
        title="Zoom to fit (Shift+F)"
        data-testid="canvas-fit"
      >
        Fit
      </button>
      {children}
    </div>
  );
}
