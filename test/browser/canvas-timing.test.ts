/**
 * The canvas benchmark's measurements work: a generated 300-step Flow
 * validates without problems, opens with every Step drawn, and the canvas
 * sets its rendered, layout-start and laid-out performance marks, for
 * the large Flow and for an empty one.
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createFlows } from '../bench/canvas-bench-herald.js';
import { timeCanvasOpening } from '../bench/canvas-page-timing.js';
import { screenshotsDir, watchPage } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

describeInChromium('canvas timing marks', () => {
  const session = useBuilderSession({ herald: { worker: false } });
  let context: BrowserContext;

  beforeAll(async () => {
    // Pages of one context share the token the start link stores.
    context = await session.browser.newContext({
      viewport: { width: 1400, height: 900 },
    });
    context.on('page', (opened) => watchPage(opened, session.problems));
    const page = await context.newPage();
    await page.goto(`${session.herald.url}/#token=${session.herald.token}`);
    await page.getByRole('main').waitFor();
  });

  it('times a generated 300-step flow and an empty one', async () => {
    // createFlows fails unless the generated Flow has no problems.
    const flows = await createFlows(session.herald, 300, session.herald.token);

    const large = await timeCanvasOpening(
      context,
      session.herald.url,
      flows.largeFlowId,
      300,
    );
    const empty = await timeCanvasOpening(
      context,
      session.herald.url,
      flows.emptyFlowId,
      0,
    );

    expect(large.nodes).toBe(300);
    expect(large.firstRenderMs).toBeGreaterThan(0);
    expect(large.layoutMs).toBeGreaterThan(0);
    expect(empty.firstRenderMs).toBeGreaterThan(0);
    expect(empty.layoutMs).toBeGreaterThanOrEqual(0);

    const page = await context.newPage();
    await page.goto(`${session.herald.url}/#/flows/${flows.largeFlowId}`);
    await page.getByTestId('canvas-layout').click();
    await page.waitForTimeout(500);
    await page.screenshot({
      path: path.join(screenshotsDir, 'canvas-300-steps.png'),
    });
    expect(session.problems).toEqual([]);
  });
});
