/**
 * Building and publishing a Flow with the keyboard alone: Tab to move,
 * Enter to press, typing to fill fields and choose options. The Flow is
 * trigger → condition → template → channel on Shipments; a shipped record
 * then reaches the outbox.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { eventually } from '../../packages/server/test/test-herald.js';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';
import { expectDeliveryInOutbox } from '../support/shipping-change.js';

const screenshots = screenshotsDir;
const FLOW_NAME = 'Shipping update built by keyboard';

describeInChromium('building a flow with the keyboard', () => {
  const session = useBuilderSession({
    herald: { demo: true },
    viewport: { width: 1400, height: 900 },
  });

  /** Presses Tab until the element `selector` names has the focus. */
  async function tabTo(selector: string, limit = 200) {
    for (let presses = 0; presses < limit; presses += 1) {
      if ((await session.page.locator(`${selector}:focus`).count()) > 0) {
        return;
      }

      await session.page.keyboard.press('Tab');
    }

    throw new Error(`Tab never reached ${selector}`);
  }

  const testId = (id: string) => `[data-testid="${id}"]`;
  const inNode = (nodeId: string, id: string) =>
    `.react-flow__node[data-id="${nodeId}"] ${testId(id)}`;

  /** Chooses an option of the focused-by-Tab select by typing its text. */
  async function choose(selector: string, text: string) {
    await tabTo(selector);
    await session.page.keyboard.type(text);
  }

  async function addAfter(nodeId: string, handle: string, type: string) {
    await tabTo(inNode(nodeId, `add-after-${handle}`));
    await session.page.keyboard.press('Enter');
    await tabTo(inNode(nodeId, `add-step-${type}`));
    await session.page.keyboard.press('Enter');
  }

  it('creates the flow and fills the trigger', async () => {
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page.getByTestId('flow-row').first().waitFor();
    await tabTo(testId('new-flow-name'));
    await session.page.keyboard.type(FLOW_NAME);
    await session.page.keyboard.press('Enter');
    await session.page.getByTestId('step-trigger').waitFor();

    await tabTo('.react-flow__node[data-id="trigger"]');
    await session.page.keyboard.press('Enter');
    await session.page.getByTestId('inspector').waitFor();
    await choose(testId('trigger-object-type'), 'Shipment');
    await expect
      .poll(() => session.page.getByTestId('step-trigger').innerText())
      .toContain('Shipment');
  });

  it('adds a condition, a template and a channel from the + buttons', async () => {
    await addAfter('trigger', 'next', 'condition');
    await choose(testId('condition-field'), 'Status');
    await choose(testId('condition-value'), 'Shipped');

    await addAfter('condition-1', 'true', 'template');
    await choose(testId('template-select'), 'Shipping update');

    await addAfter('template-1', 'next', 'channel');

    const titles = await session.page
      .getByTestId('step-title')
      .allTextContents();
    expect(titles).toEqual([
      'When Shipment is created or updated',
      'Status is Shipped',
      'Template: Shipping update',
      'Send on preferred channel',
    ]);
    expect(await session.page.getByTestId('step-problem').count()).toBe(0);
    await session.page.screenshot({
      path: path.join(screenshots, 'keyboard-flow.png'),
    });
  });

  it('publishes from the keyboard through the publish dialog', async () => {
    await tabTo(testId('publish'));
    await session.page.keyboard.press('Enter');
    await session.page.getByTestId('publish-dialog').waitFor();
    await session.page.getByTestId('publish-diff').waitFor();
    await session.page.screenshot({
      path: path.join(screenshots, 'keyboard-publish.png'),
    });
    await session.page.keyboard.press('Enter');
    await expect
      .poll(() => session.page.getByTestId('publish-result').innerText())
      .toContain('Published version 1');
  });

  it('sends the shipping update for a record change', async () => {
    const flows = await session.herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) => item.name === FLOW_NAME);
    expect(flow.activeVersion).toBe(1);
    await expectDeliveryInOutbox(
      session.herald,
      flow.id,
      'keyboard',
      eventually,
    );
  });

  it('logged no errors or warnings', () => {
    expect(session.problems).toEqual([]);
  });
});
