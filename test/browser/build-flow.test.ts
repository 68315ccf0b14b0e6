/**
 * An admin builds the demo shipping Flow from an empty canvas in a real
 * browser, through the UI alone: creates the Flow, adds each Step from the
 * output before it, fills the inspectors, is refused an invalid connection
 * with the reason shown, undoes and redoes, publishes — and the Delivery a
 * record change then makes is found in the outbox.
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
const FLOW_NAME = 'Shipping update built by mouse';

describeInChromium('building a flow with the mouse', () => {
  const session = useBuilderSession({
    herald: { demo: true },
    viewport: { width: 1400, height: 900 },
  });

  const node = (id: string) =>
    session.page.locator(`.react-flow__node[data-id="${id}"]`);

  async function addAfter(source: string, handle: string, type: string) {
    await node(source).getByTestId(`add-after-${handle}`).click();
    await node(source).getByTestId(`add-step-${type}`).click();
  }

  it('creates a flow from the list and opens its trigger alone', async () => {
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page.getByTestId('flow-row').first().waitFor();
    await session.page.screenshot({
      path: path.join(screenshots, 'flows-list.png'),
    });
    await session.page.getByTestId('new-flow-name').fill(FLOW_NAME);
    await session.page.getByTestId('new-flow-create').click();
    await session.page.getByTestId('step-trigger').waitFor();
    expect(await session.page.locator('.react-flow__node').count()).toBe(1);
  });

  it('builds trigger → condition → rollout → template → channel', async () => {
    await session.page.getByTestId('step-trigger').click();
    await session.page
      .getByTestId('trigger-object-type')
      .selectOption('Shipment');

    await addAfter('trigger', 'next', 'condition');
    await session.page
      .getByTestId('condition-field')
      .selectOption('record:status');
    await session.page
      .getByTestId('condition-operator')
      .selectOption('changedTo');
    await session.page.getByTestId('condition-value').selectOption('Shipped');

    await addAfter('condition-1', 'true', 'rollout');
    await session.page.getByTestId('rollout-tier-VIP').check();
    await session.page.getByTestId('rollout-tier-Platinum').check();

    await addAfter('rollout-1', 'next', 'template');
    await session.page
      .getByTestId('template-select')
      .selectOption('shipping-update');

    await addAfter('template-1', 'next', 'channel');

    const titles = await session.page
      .getByTestId('step-title')
      .allTextContents();
    expect(titles).toEqual([
      'When Shipment is created or updated',
      'Status changes to Shipped',
      'Only VIP, Platinum',
      'Template: Shipping update',
      'Send on preferred channel',
    ]);
    expect(await session.page.getByTestId('step-problem').count()).toBe(0);
    await session.page.screenshot({
      path: path.join(screenshots, 'built-flow.png'),
    });
  });

  it('refuses connections into the trigger or making a loop', async () => {
    await session.page.getByTestId('canvas-fit').click();
    // Fit animates the view for 200 ms; a drag measured mid-way misses its
    // target on a loaded machine.
    await session.page.waitForTimeout(400);
    const output = (id: string) =>
      node(id).locator('.react-flow__handle.source');

    await output('template-1').dragTo(node('trigger'));
    await expect
      .poll(() => session.page.getByTestId('canvas-notice').innerText())
      .toContain('Nothing can lead into the Trigger');
    await session.page.screenshot({
      path: path.join(screenshots, 'refused.png'),
    });

    await output('rollout-1').dragTo(node('condition-1'));
    await expect
      .poll(() => session.page.getByTestId('canvas-notice').innerText())
      .toContain('would make a loop');
    expect(await session.page.locator('.react-flow__edge').count()).toBe(4);
  });

  it('adds a step from the palette, undoes and redoes it', async () => {
    await session.page.getByTestId('palette-wait').click();
    await expect
      .poll(() => session.page.getByTestId('step-wait').count())
      .toBe(1);
    await session.page.getByTestId('canvas-undo').click();
    await expect
      .poll(() => session.page.getByTestId('step-wait').count())
      .toBe(0);
    await session.page.getByTestId('canvas-redo').click();
    await expect
      .poll(() => session.page.getByTestId('step-wait').count())
      .toBe(1);
    await expect
      .poll(() => session.page.getByTestId('step-problem').count())
      .toBeGreaterThan(0);
    await session.page.getByTestId('problem').first().click();
    await expect
      .poll(() => node('wait-1').getAttribute('class'))
      .toContain('selected');
    await node('wait-1').click();
    await session.page.keyboard.press('Delete');
    await expect
      .poll(() => session.page.getByTestId('step-wait').count())
      .toBe(0);
  });

  it('saves the draft by itself and publishes version 1', async () => {
    await expect
      .poll(() =>
        session.page.getByTestId('autosave-status').getAttribute('data-state'),
      )
      .toBe('saved');
    await session.page.getByTestId('publish').click();
    await session.page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => session.page.getByTestId('publish-result').innerText())
      .toContain('Published version 1');
    await session.page.screenshot({
      path: path.join(screenshots, 'built-published.png'),
    });
  });

  it('sends the shipping update for a record change', async () => {
    const flows = await session.herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) => item.name === FLOW_NAME);
    expect(flow.activeVersion).toBe(1);
    await expectDeliveryInOutbox(session.herald, flow.id, 'mouse', eventually);
  });

  it('logged no errors or warnings', () => {
    expect(session.problems).toEqual([]);
  });
});
