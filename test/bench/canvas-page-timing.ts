/**
 * Times one opening of a Flow's canvas in a Chromium page: from the page's
 * navigation to the canvas's rendered mark, and from the layout button's
 * click to the laid-out mark (marks the canvas sets; see canvas-marks.ts).
 */
import type { BrowserContext } from 'playwright-core';
import {
  CANVAS_LAID_OUT_MARK,
  CANVAS_LAYOUT_START_MARK,
  CANVAS_RENDERED_MARK,
} from '../../packages/builder-ui/src/canvas/canvas-marks.js';

/** What one opening measured, in milliseconds. */
export interface CanvasTiming {
  /** Navigation start to the first paint with every Step node. */
  firstRenderMs: number;
  /** Layout asked for to the first paint with the new positions. */
  layoutMs: number;
  /** Step nodes found in the page. */
  nodes: number;
}

const MARK_TIMEOUT_MS = 60_000;

/**
 * Opens `flowId` in a new page of `context` (already signed in), waits for
 * the canvas, clicks Layout and reads the marks. Fails when the page does
 * not show `steps` nodes. Layout makes the draft dirty, so autosave keeps
 * the laid-out positions: later openings draw the Flow as laid out.
 */
export async function timeCanvasOpening(
  context: BrowserContext,
  baseUrl: string,
  flowId: string,
  steps: number,
): Promise<CanvasTiming> {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/#/flows/${encodeURIComponent(flowId)}`);
    const firstRenderMs = await markTime(page, CANVAS_RENDERED_MARK);
    const nodes = await page.locator('.react-flow__node').count();
    if (nodes !== steps) {
      throw new Error(`flow ${flowId} shows ${nodes} nodes, not ${steps}`);
    }

    await page.getByTestId('canvas-layout').click();
    await markTime(page, CANVAS_LAID_OUT_MARK);
    const layoutMs = await page.evaluate(
      ([start, end]) => performance.measure('layout', start, end).duration,
      [CANVAS_LAYOUT_START_MARK, CANVAS_LAID_OUT_MARK],
    );
    return { firstRenderMs, layoutMs, nodes };
  } finally {
    await page.close();
  }
}

type Page = Awaited<ReturnType<BrowserContext['newPage']>>;

// Waits for a mark and answers its time since navigation start.
async function markTime(page: Page, name: string): Promise<number> {
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark, 'mark').length > 0,
    name,
    { timeout: MARK_TIMEOUT_MS },
  );
  return page.evaluate(
    (mark) => performance.getEntriesByName(mark, 'mark')[0].startTime,
    name,
  );
}
