/**
 * Building and publishing a Flow with the keyboard alone: Tab to move,
 * Enter to press, typing to fill fields and choose options. The Flow is
 * trigger → condition → template → channel on Shipments; a shipped record
 * then reaches the outbox.
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
const FLOW_NAME = 'Shipping update built by keyboard';

describe.skipIf(missing !== null)('building a flow with the keyboard', () => {
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

  /** Presses Tab until the element `selector` names has the focus. */
  async function tabTo(selector: string, limit = 200) {
    for (let presses = 0; presses < limit; presses += 1) {
      if ((await page.locator(`${selector}:focus`).count()) > 0) {
        return;
      }

      await page.keyboard.press('Tab');
    }

    throw new Error(`Tab never reached ${selector}`);
  }

  const testId = (id: string) => `[data-testid="${id}"]`;
  const inNode = (nodeId: string, id: string) =>
    `.react-flow__node[data-id="${nodeId}"] ${testId(id)}`;

  /** Chooses an option of the focused-by-Tab select by typing its text. */
  async function choose(selector: string, text: string) {
    await tabTo(selector);
    await page.keyboard.type(text);
  }

  async function addAfter(nodeId: string, handle: string, type: string) {
    await tabTo(inNode(nodeId, `add-after-${handle}`));
    await page.keyboard.press('Enter');
    await tabTo(inNode(nodeId, `add-step-${type}`));
    await page.keyboard.press('Enter');
  }

  it('creates the flow and fills the trigger', async () => {
    await page.goto(`${herald.url}/#token=${herald.token}`);
    await page.getByTestId('flow-row').first().waitFor();
    await tabTo(testId('new-flow-name'));
    await page.keyboard.type(FLOW_NAME);
    await page.keyboard.press('Enter');
    await page.getByTestId('step-trigger').waitFor();

    await tabTo('.react-flow__node[data-id="trigger"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('inspector').waitFor();
    await choose(testId('trigger-object-type'), 'Shipment');
    await expect
      .poll(() => page.getByTestId('step-trigger').innerText())
      .toContain('Shipment');
  });

  it('adds a condition, a template and a channel from the + buttons', async () => {
    await addAfter('trigger', 'next', 'condition');
    await choose(testId('condition-field'), 'Status');
    await choose(testId('condition-value'), 'Shipped');

    await addAfter('condition-1', 'true', 'template');
    await choose(testId('template-select'), 'Shipping update');

    await addAfter('template-1', 'next', 'channel');

    const titles = await page.getByTestId('step-title').allTextContents();
    expect(titles).toEqual([
      'When Shipment is created or updated',
      'Status is Shipped',
      'Template: Shipping update',
      'Send on preferred channel',
    ]);
    expect(await page.getByTestId('step-problem').count()).toBe(0);
    await page.screenshot({
      path: path.join(screenshots, 'keyboard-flow.png'),
    });
  });

  it('publishes from the keyboard through the publish dialog', async () => {
    await tabTo(testId('publish'));
    await page.keyboard.press('Enter');
    await page.getByTestId('publish-dialog').waitFor();
    await page.getByTestId('publish-diff').waitFor();
    await page.screenshot({
      path: path.join(screenshots, 'keyboard-publish.png'),
    });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('publish-result').innerText())
      .toContain('Published version 1');
  });

  it('sends the shipping update for a record change', async () => {
    const flows = await herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) => item.name === FLOW_NAME);
    expect(flow.activeVersion).toBe(1);
    await expectDeliveryInOutbox(herald, flow.id, 'keyboard', eventually);
  });

  it('logged no errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
