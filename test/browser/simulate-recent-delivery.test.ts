/**
 * Replaying a recent Delivery in the simulator: the demo shipping Flow's
 * recent Deliveries are listed with customer, record, time and status,
 * and choosing one loads that Change's prior and current values and its
 * Customer, ready to simulate. Nothing is sent.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { eventually } from '../../packages/server/test/test-herald.js';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  recordApiWrites,
  useBuilderSession,
} from '../support/browser-suite.js';

const FLOW_NAME = 'Shipping update for VIP customers';

describeInChromium('replaying a recent delivery', () => {
  const session = useBuilderSession({
    herald: { demo: true },
    viewport: { width: 1400, height: 1000 },
  });
  let writes: string[];

  beforeAll(async () => {
    writes = recordApiWrites(session.page);
  });

  it('lists the flow’s recent deliveries and replays one', async () => {
    const flows = await session.herald.api('/api/flows');
    const flow = flows.body.items.find(
      (item: { name: string }) => item.name === FLOW_NAME,
    );
    const delivery = await eventually(async () => {
      const found = await session.herald.api(
        `/api/deliveries?flowId=${flow.id}&recordId=SHP-1002`,
      );
      return found.body.items[0];
    }, 60_000);

    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page
      .getByTestId('flow-row')
      .filter({ hasText: FLOW_NAME })
      .getByRole('link')
      .click();
    await session.page.getByTestId('step-channel').waitFor();
    await session.page.getByTestId('simulate-open').click();

    const item = session.page.locator(
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
    await session.page.getByTestId('simulate-panel').screenshot({
      path: path.join(screenshotsDir, 'simulate-recent-deliveries.png'),
    });

    await item.click();
    await expect
      .poll(() => session.page.getByTestId('simulate-customer').inputValue())
      .toBe('cust-002');
    await expect
      .poll(() =>
        session.page.getByTestId('simulate-prior-status').inputValue(),
      )
      .toBe('Packed');
    expect(
      await session.page.getByTestId('simulate-current-status').inputValue(),
    ).toBe('Shipped');

    await session.page.getByTestId('simulate-run').click();
    await expect
      .poll(() =>
        session.page.getByTestId('step-channel').getAttribute('data-simulated'),
      )
      .toBe('taken');
    await session.page.screenshot({
      path: path.join(screenshotsDir, 'simulate-recent-delivery.png'),
    });

    expect(writes).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
