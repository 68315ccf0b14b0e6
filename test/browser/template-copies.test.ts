/**
 * Library Templates and the copies published versions keep, in a real
 * browser: the library previews each Template with the object type it
 * fits; a Template saved from the flow inspector keeps its category and
 * says it reaches the Flow's sends only once published again; the Flow
 * page flags the changed Template, and the Publish dialog lists what
 * changed in it even when no Step did.
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

describe.skipIf(missing !== null)('template copies and previews', () => {
  let herald: TestHerald;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ herald, browser, page } = await openBuilderSession({
      herald: { demo: true },
      viewport: { width: 1400, height: 1000 },
      problems,
    }));
    await page.goto(`${herald.url}/#token=${herald.token}`);
    await page.getByTestId('flow-row').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  async function openLibraryTemplate(id: string) {
    await page
      .locator(`[data-testid="template-row"][data-id="${id}"]`)
      .getByRole('button')
      .click();
    await page.getByTestId('template-preview-object-type').waitFor();
  }

  it.each([
    [
      'payment-received',
      'Invoice',
      /We received your payment of .+ for invoice/,
    ],
    ['case-in-progress', 'Case', /we are working on your case "[^"]+"/],
    ['appointment-reminder', 'Appointment', /^Reminder: your /],
  ])(
    'previews %s with a %s record, not a missing value',
    async (id, objectType, text) => {
      await page.getByTestId('nav-templates').click();
      await openLibraryTemplate(id);

      await expect
        .poll(() =>
          page.getByTestId('template-preview-object-type').inputValue(),
        )
        .toBe(objectType);
      await expect
        .poll(() => page.getByTestId('template-preview-text').innerText())
        .toMatch(text);
      expect(await page.getByTestId('template-preview-error').count()).toBe(0);
      if (id === 'payment-received') {
        await page.screenshot({
          path: path.join(screenshots, 'template-preview-invoice.png'),
        });
      }
    },
  );

  it('saves from the flow inspector without losing the category', async () => {
    await page.getByTestId('nav-flows').click();
    await page
      .getByTestId('flow-row')
      .filter({ hasText: 'Shipping update for VIP customers' })
      .getByRole('link')
      .click();
    await page.getByTestId('step-template').click();
    const hint = page.getByTestId('template-save-hint');
    expect(await hint.innerText()).toContain(
      'keeps sending the text it was published with until that flow is published again',
    );
    await page
      .getByTestId('template-body')
      .fill('Hi {{ customer.firstName }}, it left with {{ record.carrier }}.');
    await page.getByTestId('save-template').click();
    await page.getByTestId('template-saved').waitFor();

    const { body } = await herald.api('/api/templates');
    const saved = body.items.find((item: any) => item.id === 'shipping-update');
    expect(saved).toMatchObject({
      category: 'Orders',
      body: 'Hi {{ customer.firstName }}, it left with {{ record.carrier }}.',
    });
  });

  it('flags the template changed since publish on the flow page', async () => {
    const banner = page.getByTestId('stale-templates-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('“Shipping update”');
    await page.screenshot({
      path: path.join(screenshots, 'template-changed-since-publish.png'),
    });
  });

  it('lists the template change in the publish dialog and publishes it', async () => {
    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByTestId('publish-diff').waitFor();
    const change = dialog.locator('[data-change="template"]');
    expect(await change.count()).toBe(1);
    expect(await change.innerText()).toContain(
      '“Shipping update” differs from the copy the active version sends: body',
    );
    expect(await dialog.getByTestId('publish-diff-empty').count()).toBe(0);
    await page.screenshot({
      path: path.join(screenshots, 'publish-dialog-template-change.png'),
    });

    await dialog.getByTestId('publish-confirm').click();
    await page.getByTestId('publish-result').waitFor();
    await page
      .getByTestId('stale-templates-banner')
      .waitFor({ state: 'detached' });
  });

  it('logged no errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
