/**
 * An admin builds the demo shipping Flow from an empty canvas in a real
 * browser, through the UI alone: creates the Flow, adds each Step from the
 * output before it, fills the inspectors, is refused an invalid connection
 * with the reason shown, undoes and redoes, publishes — and the Delivery a
 * record change then makes is found in the outbox.
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
import { expectDeliveryInOutbox } from '../support/shipping-change.js';

const missing = ensureChromium();
if (missing) {
  reportMissingChromium(missing);
}

const screenshots = screenshotsDir;
const FLOW_NAME = 'Shipping update built by mouse';

describe.skipIf(missing !== null)('building a flow with the mouse', () => {
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

  const node = (id: string) =>
    page.locator(`.react-flow__node[data-id="${id}"]`);

  async function addAfter(source: string, handle: string, type: string) {
    await node(source).getByTestId(`add-after-${handle}`).click();
    await node(source).getByTestId(`add-step-${type}`).click();
  }

  it('creates a flow from the list and opens its trigger alone', async () => {
    await page.goto(`${herald.url}/#token=${herald.token}`);
    await page.getByTestId('flow-row').first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'flows-list.png') });
    await page.getByTestId('new-flow-name').fill(FLOW_NAME);
    await page.getByTestId('new-flow-create').click();
    await page.getByTestId('step-trigger').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(1);
  });

  it('builds trigger → condition → rollout → template → channel', async () => {
    await page.getByTestId('step-trigger').click();
    await page.getByTestId('trigger-object-type').selectOption('Shipment');

    await addAfter('trigger', 'next', 'condition');
    await page.getByTestId('condition-field').selectOption('record:status');
    await page.getByTestId('condition-operator').selectOption('changedTo');
    await page.getByTestId('condition-value').selectOption('Shipped');

    await addAfter('condition-1', 'true', 'rollout');
    await page.getByTestId('rollout-tier-VIP').check();
    await page.getByTestId('rollout-tier-Platinum').check();

    await addAfter('rollout-1', 'next', 'template');
    await page.getByTestId('template-select').selectOption('shipping-update');

    await addAfter('template-1', 'next', 'channel');

    const titles = await page.getByTestId('step-title').allTextContents();
    expect(titles).toEqual([
      'When Shipment is created or updated',
      'Status changes to Shipped',
      'Only VIP, Platinum',
      'Template: Shipping update',
      'Send on preferred channel',
    ]);
    expect(await page.getByTestId('step-problem').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshots, 'built-flow.png') });
  });

  it('refuses connections into the trigger or making a loop', async () => {
    await page.getByTestId('canvas-fit').click();
    // Fit animates the view for 200 ms; a drag measured mid-way misses its
    // target on a loaded machine.
    await page.waitForTimeout(400);
    const output = (id: string) =>
      node(id).locator('.react-flow__handle.source');

    await output('template-1').dragTo(node('trigger'));
    await expect
      .poll(() => page.getByTestId('canvas-notice').innerText())
      .toContain('Nothing can lead into the Trigger');
    await page.screenshot({ path: path.join(screenshots, 'refused.png') });

    await output('rollout-1').dragTo(node('condition-1'));
    await expect
      .poll(() => page.getByTestId('canvas-notice').innerText())
      .toContain('would make a loop');
    expect(await page.locator('.react-flow__edge').count()).toBe(4);
  });

  it('adds a step from the palette, undoes and redoes it', async () => {
    await page.getByTestId('palette-wait').click();
    await expect.poll(() => page.getByTestId('step-wait').count()).toBe(1);
    await page.getByTestId('canvas-undo').click();
    await expect.poll(() => page.getByTestId('step-wait').count()).toBe(0);
    await page.getByTestId('canvas-redo').click();
    await expect.poll(() => page.getByTestId('step-wait').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('step-problem').count())
      .toBeGreaterThan(0);
    await page.getByTestId('problem').first().click();
    await expect
      .poll(() => node('wait-1').getAttribute('class'))
      .toContain('selected');
    await node('wait-1').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('step-wait').count()).toBe(0);
  });

  it('saves the draft by itself and publishes version 1', async () => {
    await expect
      .poll(() =>
        page.getByTestId('autosave-status').getAttribute('data-state'),
      )
      .toBe('saved');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => page.getByTestId('publish-result').innerText())
      .toContain('Published version 1');
    await page.screenshot({
      path: path.join(screenshots, 'built-published.png'),
    });
  });

  it('sends the shipping update for a record change', async () => {
    const flows = await herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) => item.name === FLOW_NAME);
    expect(flow.activeVersion).toBe(1);
    await expectDeliveryInOutbox(herald, flow.id, 'mouse', eventually);
  });

  it('logged no errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
