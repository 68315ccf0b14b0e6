/**
 * The canvas benchmark's measurements work: a generated 300-step Flow
 * validates without problems, opens with every Step drawn, and the canvas
 * sets its rendered, layout-start and laid-out performance marks, for
 * the large Flow and for an empty one.
 */
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHerald } from '../../packages/server/test/test-herald.js';
import { createFlows } from '../bench/canvas-bench-herald.js';
import { timeCanvasOpening } from '../bench/canvas-page-timing.js';
import {
  openBuilderSession,
  screenshotsDir,
  watchPage,
} from '../support/builder-session.js';
import { ensureChromium, reportMissingChromium } from '../support/chromium.js';

const missing = ensureChromium();
if (missing) {
  reportMissingChromium(missing);
}

describe.skipIf(missing !== null)('canvas timing marks', () => {
  let herald: TestHerald;
  let browser: Browser;
  let context: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ herald, browser } = await openBuilderSession({
      herald: { worker: false },
      problems,
    }));
    // Pages of one context share the token the start link stores.
    context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
    });
    context.on('page', (opened) => watchPage(opened, problems));
    const page = await context.newPage();
    await page.goto(`${herald.url}/#token=${herald.token}`);
    await page.getByRole('main').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  it('times a generated 300-step flow and an empty one', async () => {
    // createFlows fails unless the generated Flow has no problems.
    const flows = await createFlows(herald, 300, herald.token);

    const large = await timeCanvasOpening(
      context,
      herald.url,
      flows.largeFlowId,
      300,
    );
    const empty = await timeCanvasOpening(
      context,
      herald.url,
      flows.emptyFlowId,
      0,
    );

    expect(large.nodes).toBe(300);
    expect(large.firstRenderMs).toBeGreaterThan(0);
    expect(large.layoutMs).toBeGreaterThan(0);
    expect(empty.firstRenderMs).toBeGreaterThan(0);
    expect(empty.layoutMs).toBeGreaterThanOrEqual(0);

    const page = await context.newPage();
    await page.goto(`${herald.url}/#/flows/${flows.largeFlowId}`);
    await page.getByTestId('canvas-layout').click();
    await page.waitForTimeout(500);
    await page.screenshot({
      path: path.join(screenshotsDir, 'canvas-300-steps.png'),
    });
    expect(problems).toEqual([]);
  });
});
