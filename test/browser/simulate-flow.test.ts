/**
 * Simulating the demo shipping Flow in a real browser: load a demo
 * Shipment and its VIP Customer, edit the change by hand so the status
 * becomes Shipped, and see the path taken on the canvas, each condition's
 * result with the values it saw, and the message rendered for the
 * Customer's channel — then a Gold Customer stopped by the Rollout.
 * Nothing is sent: the page makes no write request at all.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  recordApiWrites,
  useBuilderSession,
} from '../support/browser-suite.js';

const screenshots = screenshotsDir;

describeInChromium('simulating a flow in the browser', () => {
  const session = useBuilderSession({
    herald: { demo: true },
    viewport: { width: 1400, height: 900 },
  });
  let writes: string[];

  beforeAll(async () => {
    writes = recordApiWrites(session.page);
  });

  const stepState = (type: string) =>
    session.page.getByTestId(`step-${type}`).getAttribute('data-simulated');

  it('loads a demo shipment and its customer into the simulator', async () => {
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page
      .getByTestId('flow-row')
      .filter({ hasText: 'Shipping update for VIP customers' })
      .getByRole('link')
      .click();
    await session.page.getByTestId('step-channel').waitFor();

    await session.page.getByTestId('simulate-open').click();
    await session.page.getByTestId('simulate-record-id').fill('SHP-1002');
    await session.page.getByTestId('simulate-load').click();
    await expect
      .poll(() => session.page.getByTestId('simulate-customer').inputValue())
      .toBe('cust-002');
    expect(
      await session.page.getByTestId('simulate-customer-summary').innerText(),
    ).toContain('VIP');
    expect(
      await session.page.getByTestId('simulate-current-status').inputValue(),
    ).toBe('Shipped');
  });

  it('shows the path taken, each condition and the rendered text', async () => {
    await session.page
      .getByTestId('simulate-prior-status')
      .selectOption('Packed');
    await session.page.getByTestId('simulate-run').click();
    await expect
      .poll(() => session.page.getByTestId('simulate-summary').innerText())
      .toContain('Would send on 1 of 1 path');

    for (const type of ['trigger', 'condition', 'rollout', 'template']) {
      expect(await stepState(type)).toBe('taken');
    }
    expect(await stepState('channel')).toBe('taken');
    const leaves = session.page.getByTestId('simulate-leaf');
    expect(await leaves.count()).toBeGreaterThanOrEqual(4);
    const results = await leaves.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-result')),
    );
    expect(results.every((result) => result === 'pass')).toBe(true);
    const texts = await leaves.allInnerTexts();
    expect(texts.join('\n')).toContain(
      'record.status equal Shipped — saw Shipped',
    );
    expect(texts.join('\n')).toContain(
      'customer.tier in VIP, Platinum — saw VIP',
    );

    const before = session.page.getByTestId('simulate-prior-leaf');
    expect(await before.first().getAttribute('data-result')).toBe('fail');
    expect(await before.first().innerText()).toContain('saw Packed');

    const message = session.page.getByTestId('simulate-message-text').first();
    expect(await message.innerText()).toBe(
      'Hi Maya, your solar kit is on its way with DHL. Tracking number: ' +
        '1Z48213074.',
    );
    expect(
      await session.page.getByTestId('simulate-measure').first().innerText(),
    ).toMatch(/\d+ characters/);
    await session.page.screenshot({
      path: path.join(screenshots, 'simulate-fired.png'),
    });
    await session.page.getByTestId('simulate-report').screenshot({
      path: path.join(screenshots, 'simulate-report.png'),
    });
  });

  it('marks the rollout that stops a Gold customer', async () => {
    await session.page.getByTestId('simulate-customer').fill('cust-001');
    await session.page.getByTestId('simulate-run').click();
    await expect
      .poll(() => session.page.getByTestId('simulate-summary').innerText())
      .toContain('Would send nothing');
    expect(await stepState('condition')).toBe('skipped');
    expect(await stepState('rollout')).toBe('failed');
    const rollout = session.page.locator(
      '[data-testid="simulate-step"][data-outcome="fail"]',
    );
    expect(await rollout.innerText()).toContain('saw Gold');
    expect(await session.page.getByTestId('simulate-message').count()).toBe(0);
    await session.page.screenshot({
      path: path.join(screenshots, 'simulate-stopped.png'),
    });
  });

  it('asked the server for nothing but reads', () => {
    expect(writes).toEqual([]);
  });

  it('logged no errors or warnings', () => {
    expect(session.problems).toEqual([]);
  });
});
