import { useCallback, useEffect, useRef } from 'react';
import { useNodesInitialized } from '@xyflow/react';
import {
  CANVAS_LAID_OUT_MARK,
  CANVAS_LAYOUT_START_MARK,
  CANVAS_RENDERED_MARK,
} from './canvas-marks';

/**
 * Sets the rendered mark once, after the first paint in which every Step
 * node is in the page and measured (at once for an empty Flow). Must be
 * called inside the React Flow provider.
 */
export function useRenderedMark(nodeCount: number) {
  const initialized = useNodesInitialized();
  const marked = useRef(false);

  useEffect(() => {
    if (marked.current || (nodeCount > 0 && !initialized)) {
      return;
    }

    marked.current = true;
    afterPaint(() => performance.mark(CANVAS_RENDERED_MARK));
  }, [initialized, nodeCount]);
}

/**
 * Times automatic layout: the returned function sets the start mark and
 * must be called just before the layout edit; the laid-out mark follows
 * the first paint after `nodes` next changes.
 */
export function useLayoutMarks(nodes: unknown): () => void {
  const pending = useRef(false);

  useEffect(() => {
    if (!pending.current) {
      return;
    }

    pending.current = false;
    afterPaint(() => performance.mark(CANVAS_LAID_OUT_MARK));
  }, [nodes]);

  return useCallback(() => {
    performance.mark(CANVAS_LAYOUT_START_MARK);
    pending.current = true;
  }, []);
}

// A frame callback runs before the browser paints; a task queued from it
// runs after that paint.
function afterPaint(callback: () => void) {
  window.requestAnimationFrame(() => window.setTimeout(callback, 0));
}
