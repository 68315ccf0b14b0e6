/**
 * Replaying a recent Delivery in the simulator: the demo shipping Flow's
 * recent Deliveries are listed with customer, record, time and status,
 * and choosing one loads that Change's prior and current values and its
 * Customer, ready to simulate. Nothing is sent.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type TestHerald,
} from '../../packages/server/test/test-herald.js';
import {
  openBuilderSession,
  screenshotsDir,
} from '../support/builder-session.js';
import { ensureChromium, reportMissingChromium } from '../support/chromium.js';

const missing = ensureChromium();
if (missing) {
  reportMissingChromium(missing);
}

const FLOW_NAME = 'Shipping update for VIP customers';

describe.skipIf(missing !== null)('replaying a recent delivery', () => {
  let herald: TestHerald;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const writes: string[] = [];

  beforeAll(async () => {
    ({ herald, browser, page } = await openBuilderSession({
      herald: { demo: true },
      viewport: { width: 1400, height: 1000 },
      problems,
    }));
    page.on('request', (request) => {
      if (request.method() !== 'GET' && request.url().includes('/api/')) {
        writes.push(`${request.method()} ${request.url()}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  it('lists the flow’s recent deliveries and replays one', async () => {
    const flows = await herald.api('/api/flows');
    const flow = flows.body.items.find(
      (item: { name: string }) => item.name === FLOW_NAME,
    );
    const delivery = await eventually(async () => {
      const found = await herald.api(
        `/api/deliveries?flowId=${flow.id}&recordId=SHP-1002`,
      );
      return found.body.items[0];
    }, 60_000);

    await page.goto(`${herald.url}/#token=${herald.token}`);
    await page
      .getByTestId('flow-row')
      .filter({ hasText: FLOW_NAME })
      .getByRole('link')
      .click();
    await page.getByTestId('step-channel').waitFor();
    await page.getByTestId('simulate-open').click();

    const item = page.locator(
      `[data-testid="simulate-recent-delivery"][data-change-id="${delivery.changeId}"]`,
    );
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('cust-002');
    expect(text).toContain('SHP-1002');
    // The status moves on as the worker sends; any Delivery state will do.
    expect(await item.locator('.badge').first().innerText()).toMatch(
      /^(scheduled|pending|deferred|blocked|sending|sent|delivered|read|failed|unknown|cancelled|skipped)$/,
    );

    await item.scrollIntoViewIfNeeded();
    await page.getByTestId('simulate-panel').screenshot({
      path: path.join(screenshotsDir, 'simulate-recent-deliveries.png'),
    });

    await item.click();
    await expect
      .poll(() => page.getByTestId('simulate-customer').inputValue())
      .toBe('cust-002');
    await expect
      .poll(() => page.getByTestId('simulate-prior-status').inputValue())
      .toBe('Packed');
    expect(await page.getByTestId('simulate-current-status').inputValue()).toBe(
      'Shipped',
    );

    await page.getByTestId('simulate-run').click();
    await expect
      .poll(() =>
        page.getByTestId('step-channel').getAttribute('data-simulated'),
      )
      .toBe('taken');
    await page.screenshot({
      path: path.join(screenshotsDir, 'simulate-recent-delivery.png'),
    });

    expect(writes).toEqual([]);
    expect(problems).toEqual([]);
  });
});
