/**
 * Names of the performance marks the canvas sets, so benchmarks and tests
 * can time it from outside the page (`performance.getEntriesByName`).
 * Plain strings only: the canvas benchmark imports this file in Node.
 */

/** Set once per page, after the first paint showing every Step node. */
export const CANVAS_RENDERED_MARK = 'herald:canvas-rendered';

/** Set when automatic layout is asked for (button or shortcut). */
export const CANVAS_LAYOUT_START_MARK = 'herald:canvas-layout-start';

/** Set after the first paint showing the Steps where layout put them. */
export const CANVAS_LAID_OUT_MARK = 'herald:canvas-laid-out';
