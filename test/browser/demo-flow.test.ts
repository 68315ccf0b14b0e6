/**
 * The builder in a real browser: open the demo shipping Flow, read its
 * steps, change its condition, publish through the UI, and find version 2
 * on the server; publish a template edit that was never saved (Publish
 * saves it first); open a version read-only; sign in by opening a
 * `#token=` link in a tab already open — with no error logged by the page.
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

describe.skipIf(missing !== null)('builder UI in Chromium', () => {
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
  });

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  it('opens the demo shipping flow with its steps in order', async () => {
    await page.goto(`${herald.url}/#token=${herald.token}`);
    await page
      .getByTestId('flow-row')
      .filter({ hasText: 'Shipping update for VIP customers' })
      .getByRole('link')
      .click();
    await page.getByTestId('step-channel').waitFor();

    const titles = await page.getByTestId('step-title').allTextContents();
    expect(titles).toEqual([
      'When Shipment is created or updated',
      'Status is Shipped',
      'Only VIP, Platinum',
      'Template: Shipping update',
      'Send on preferred channel',
    ]);
    const kinds = await page
      .locator('[data-testid^="step-"][data-step-id]')
      .evaluateAll((nodes) => nodes.map((node) => node.dataset.testid));
    expect(kinds).toEqual([
      'step-trigger',
      'step-condition',
      'step-rollout',
      'step-template',
      'step-channel',
    ]);
    await page.screenshot({ path: path.join(screenshots, 'demo-flow.png') });
  });

  it('edits the condition and publishes version 2 from the canvas', async () => {
    await page.getByTestId('step-condition').click();
    await page.getByTestId('condition-value').selectOption('In Transit');
    await expect
      .poll(() => page.getByTestId('step-condition').innerText())
      .toContain('Status is In Transit');

    await page.getByTestId('publish').click();

    await page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => page.getByTestId('publish-result').innerText())
      .toContain('Published version 2');
    await page.screenshot({ path: path.join(screenshots, 'published.png') });

    const flows = await herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) =>
      item.name.startsWith('Shipping update'),
    );
    expect(flow.activeVersion).toBe(2);
    const version = await herald.api(`/api/flows/${flow.id}/versions/2`);
    const condition = version.body.graph.steps.find(
      (step: any) => step.type === 'condition',
    );
    expect(condition.data.test.value).toBe('In Transit');
    await expect.poll(() => page.getByTestId('version-row').count()).toBe(2);
  });

  it('edits the template text and publishes it as version 3', async () => {
    const text =
      'Hello {{ customer.firstName }}, {{ record.carrier }} has your ' +
      'panels: {{ record.trackingNumber }}.';
    await page.getByTestId('step-template').click();
    await page.getByTestId('template-body').fill(text);
    await page.getByTestId('save-template').click();
    await page.getByTestId('template-saved').waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => page.getByTestId('publish-result').innerText())
      .toContain('Published version 3');

    const flows = await herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) =>
      item.name.startsWith('Shipping update'),
    );
    const version = await herald.api(`/api/flows/${flow.id}/versions/3`);
    expect(version.body.templates).toEqual([
      expect.objectContaining({ id: 'shipping-update', body: text }),
    ]);
  });

  it('publishes an unsaved template edit, saving the template first', async () => {
    const text =
      'Good news {{ customer.firstName }}: tracking ' +
      '{{ record.trackingNumber }} with {{ record.carrier }}.';
    await page.getByTestId('step-template').click();
    await page.getByTestId('template-body').fill(text);
    await page.getByTestId('template-unsaved').waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => page.getByTestId('publish-result').innerText())
      .toContain('Published version 4');

    const flows = await herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) =>
      item.name.startsWith('Shipping update'),
    );
    const version = await herald.api(`/api/flows/${flow.id}/versions/4`);
    expect(version.body.templates).toEqual([
      expect.objectContaining({ id: 'shipping-update', body: text }),
    ]);
    const templates = await herald.api('/api/templates');
    const stored = (templates.body.items ?? templates.body).find(
      (item: any) => item.id === 'shipping-update',
    );
    expect(stored.body).toBe(text);
    expect(await page.getByTestId('unsaved-changes').count()).toBe(0);
  });

  it('opens a published version read-only', async () => {
    await page
      .locator('[data-testid="version-row"][data-version="1"]')
      .getByTestId('version-open')
      .click();
    const view = page.getByTestId('version-view');
    await view.getByTestId('step-condition').waitFor();
    expect(await view.getByTestId('step-condition').innerText()).toContain(
      'Status is Shipped',
    );
    // Version 1 shows the template text it was published with, not the
    // library's text edited since.
    expect(await view.getByTestId('step-template').innerText()).toContain(
      'your solar kit is on its way',
    );
    await page.screenshot({ path: path.join(screenshots, 'version-1.png') });
    await view.getByTestId('version-view-close').click();
    await view.waitFor({ state: 'detached' });
  });

  it('signs in from a #token= link opened in a tab already open', async () => {
    const other = await browser.newPage();
    other.on('pageerror', (error) => problems.push(`page: ${error.message}`));
    await other.goto(`${herald.url}/`);
    await other.getByRole('button').first().waitFor();
    expect(await other.getByTestId('flow-row').count()).toBe(0);

    await other.evaluate((token) => {
      window.location.hash = `#token=${token}`;
    }, herald.token);
    await other.getByTestId('flow-row').first().waitFor();
    expect(other.url()).not.toContain(herald.token);
    await other.close();
  });

  it('shows the sandbox outbox', async () => {
    await page.getByTestId('nav-outbox').click();
    await page.getByTestId('outbox-row').first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'outbox.png') });
  });

  it('logged no errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
