/**
 * The Template library and the run history in a real browser: search and
 * filter the library, see which Flows use a Template, create one with a
 * live preview; open a demo Run with its explain trace and Delivery.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

const screenshots = screenshotsDir;

describeInChromium('template library and run history', () => {
  const session = useBuilderSession({
    herald: { demo: true },
    viewport: { width: 1400, height: 900 },
  });

  beforeAll(async () => {
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page.getByTestId('flow-row').first().waitFor();
  });

  const row = (id: string) =>
    session.page.locator(`[data-testid="template-row"][data-id="${id}"]`);

  it('lists templates with the flows that use them', async () => {
    await session.page.getByTestId('nav-templates').click();
    await row('shipping-update').waitFor();
    await expect
      .poll(() =>
        row('shipping-update').getByTestId('template-used-by').innerText(),
      )
      .toContain('Shipping update for VIP customers');

    await session.page.getByTestId('template-search').fill('invoice');
    await expect.poll(() => row('shipping-update').count()).toBe(0);
    await session.page.getByTestId('template-search').fill('');
    await session.page
      .getByTestId('template-category')
      .filter({ hasText: 'Orders' })
      .click();
    expect(await row('shipping-update').count()).toBe(1);
  });

  it('creates a template with a live preview', async () => {
    await session.page.getByTestId('template-new').click();
    await session.page
      .getByTestId('library-template-id')
      .fill('delivery-window');
    await session.page
      .getByTestId('library-template-name')
      .fill('Delivery window');
    await session.page.getByTestId('library-template-category').fill('Orders');
    await session.page
      .getByTestId('library-template-body')
      .fill('Hello {{ customer.firstName }}, we deliver tomorrow.');
    await expect
      .poll(() => session.page.getByTestId('template-preview-text').innerText())
      .toMatch(/^Hello \w+, we deliver tomorrow\.$/);
    await session.page.getByTestId('library-template-save').click();
    await row('delivery-window').waitFor();
    await expect
      .poll(() =>
        session.page.getByTestId('template-form').locator('h2').innerText(),
      )
      .toBe('Edit “Delivery window”');
    await session.page.screenshot({
      path: path.join(screenshots, 'templates.png'),
    });

    const stored = await session.herald.api('/api/templates');
    const created = stored.body.items.find(
      (item: any) => item.id === 'delivery-window',
    );
    expect(created).toMatchObject({
      name: 'Delivery window',
      category: 'Orders',
    });
  });

  it('opens a run with its explain trace and delivery', async () => {
    await session.page.getByTestId('nav-runs').click();
    const shipped = session.page
      .locator('[data-testid="run-row"][data-record-id="SHP-1002"]')
      .filter({ hasText: 'status' })
      .first();
    // The worker evaluates the demo's changes in the background.
    await expect
      .poll(
        async () => {
          await session.page.getByTestId('runs-refresh').click();
          return shipped.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await shipped.getByTestId('run-open').click();
    const detail = session.page.getByTestId('run-detail');
    await detail.getByTestId('run-path').first().waitFor();
    const fired = detail.locator('[data-testid="run-path"][data-fired="true"]');
    expect(await fired.innerText()).toContain(
      'Shipping update for VIP customers',
    );
    await detail.getByTestId('run-delivery').first().waitFor();
    await session.page.screenshot({ path: path.join(screenshots, 'runs.png') });
  });

  it('logged no errors or warnings', () => {
    expect(session.problems).toEqual([]);
  });
});
