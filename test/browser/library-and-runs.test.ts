/**
 * The Template library and the run history in a real browser: search and
 * filter the library, see which Flows use a Template, create one with a
 * live preview; open a demo Run with its explain trace and Delivery.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHerald } from '../../packages/server/test/test-herald.js';
import {
  openBuilderSession,
  screenshotsDir,
} from '../support/builder-session.js';
import { ensureChromium, reportMissingChromium } from '../support/chromium.js';

const missing = ensureChromium();
if (missing) {
  reportMissingChromium(missing);
}

const screenshots = screenshotsDir;

describe.skipIf(missing !== null)('template library and run history', () => {
  let herald: TestHerald;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ herald, browser, page } = await openBuilderSession({
      herald: { demo: true },
      viewport: { width: 1400, height: 900 },
      problems,
    }));
    await page.goto(`${herald.url}/#token=${herald.token}`);
    await page.getByTestId('flow-row').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  const row = (id: string) =>
    page.locator(`[data-testid="template-row"][data-id="${id}"]`);

  it('lists templates with the flows that use them', async () => {
    await page.getByTestId('nav-templates').click();
    await row('shipping-update').waitFor();
    await expect
      .poll(() =>
        row('shipping-update').getByTestId('template-used-by').innerText(),
      )
      .toContain('Shipping update for VIP customers');

    await page.getByTestId('template-search').fill('invoice');
    await expect.poll(() => row('shipping-update').count()).toBe(0);
    await page.getByTestId('template-search').fill('');
    await page
      .getByTestId('template-category')
      .filter({ hasText: 'Orders' })
      .click();
    expect(await row('shipping-update').count()).toBe(1);
  });

  it('creates a template with a live preview', async () => {
    await page.getByTestId('template-new').click();
    await page.getByTestId('library-template-id').fill('delivery-window');
    await page.getByTestId('library-template-name').fill('Delivery window');
    await page.getByTestId('library-template-category').fill('Orders');
    await page
      .getByTestId('library-template-body')
      .fill('Hello {{ customer.firstName }}, we deliver tomorrow.');
    await expect
      .poll(() => page.getByTestId('template-preview-text').innerText())
      .toMatch(/^Hello \w+, we deliver tomorrow\.$/);
    await page.getByTestId('library-template-save').click();
    await row('delivery-window').waitFor();
    await expect
      .poll(() => page.getByTestId('template-form').locator('h2').innerText())
      .toBe('Edit “Delivery window”');
    await page.screenshot({ path: path.join(screenshots, 'templates.png') });

    const stored = await herald.api('/api/templates');
    const created = stored.body.items.find(
      (item: any) => item.id === 'delivery-window',
    );
    expect(created).toMatchObject({
      name: 'Delivery window',
      category: 'Orders',
    });
  });

  it('opens a run with its explain trace and delivery', async () => {
    await page.getByTestId('nav-runs').click();
    const shipped = page
      .locator('[data-testid="run-row"][data-record-id="SHP-1002"]')
      .filter({ hasText: 'status' })
      .first();
    // The worker evaluates the demo's changes in the background.
    await expect
      .poll(
        async () => {
          await page.getByTestId('runs-refresh').click();
          return shipped.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await shipped.getByTestId('run-open').click();
    const detail = page.getByTestId('run-detail');
    await detail.getByTestId('run-path').first().waitFor();
    const fired = detail.locator('[data-testid="run-path"][data-fired="true"]');
    expect(await fired.innerText()).toContain(
      'Shipping update for VIP customers',
    );
    await detail.getByTestId('run-delivery').first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'runs.png') });
  });

  it('logged no errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
