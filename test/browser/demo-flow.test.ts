/**
 * The builder in a real browser: open the demo shipping Flow, read its
 * steps, change its condition, publish through the UI, and find version 2
 * on the server; publish a template edit that was never saved (Publish
 * saves it first); open a version read-only; sign in by opening a
 * `#token=` link in a tab already open — with no error logged by the page.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

const screenshots = screenshotsDir;

describeInChromium('builder UI in Chromium', () => {
  const session = useBuilderSession({
    herald: { demo: true },
    viewport: { width: 1400, height: 900 },
  });

  it('opens the demo shipping flow with its steps in order', async () => {
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page
      .getByTestId('flow-row')
      .filter({ hasText: 'Shipping update for VIP customers' })
      .getByRole('link')
      .click();
    await session.page.getByTestId('step-channel').waitFor();

    const titles = await session.page
      .getByTestId('step-title')
      .allTextContents();
    expect(titles).toEqual([
      'When Shipment is created or updated',
      'Status is Shipped',
      'Only VIP, Platinum',
      'Template: Shipping update',
      'Send on preferred channel',
    ]);
    const kinds = await session.page
      .locator('[data-testid^="step-"][data-step-id]')
      .evaluateAll((nodes) => nodes.map((node) => node.dataset.testid));
    expect(kinds).toEqual([
      'step-trigger',
      'step-condition',
      'step-rollout',
      'step-template',
      'step-channel',
    ]);
    await session.page.screenshot({
      path: path.join(screenshots, 'demo-flow.png'),
    });
  });

  it('edits the condition and publishes version 2 from the canvas', async () => {
    await session.page.getByTestId('step-condition').click();
    await session.page
      .getByTestId('condition-value')
      .selectOption('In Transit');
    await expect
      .poll(() => session.page.getByTestId('step-condition').innerText())
      .toContain('Status is In Transit');

    await session.page.getByTestId('publish').click();

    await session.page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => session.page.getByTestId('publish-result').innerText())
      .toContain('Published version 2');
    await session.page.screenshot({
      path: path.join(screenshots, 'published.png'),
    });

    const flows = await session.herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) =>
      item.name.startsWith('Shipping update'),
    );
    expect(flow.activeVersion).toBe(2);
    const version = await session.herald.api(
      `/api/flows/${flow.id}/versions/2`,
    );
    const condition = version.body.graph.steps.find(
      (step: any) => step.type === 'condition',
    );
    expect(condition.data.test.value).toBe('In Transit');
    await expect
      .poll(() => session.page.getByTestId('version-row').count())
      .toBe(2);
  });

  it('edits the template text and publishes it as version 3', async () => {
    const text =
      'Hello {{ customer.firstName }}, {{ record.carrier }} has your ' +
      'panels: {{ record.trackingNumber }}.';
    await session.page.getByTestId('step-template').click();
    await session.page.getByTestId('template-body').fill(text);
    await session.page.getByTestId('save-template').click();
    await session.page.getByTestId('template-saved').waitFor();
    await session.page.getByTestId('publish').click();
    await session.page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => session.page.getByTestId('publish-result').innerText())
      .toContain('Published version 3');

    const flows = await session.herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) =>
      item.name.startsWith('Shipping update'),
    );
    const version = await session.herald.api(
      `/api/flows/${flow.id}/versions/3`,
    );
    expect(version.body.templates).toEqual([
      expect.objectContaining({ id: 'shipping-update', body: text }),
    ]);
  });

  it('publishes an unsaved template edit, saving the template first', async () => {
    const text =
      'Good news {{ customer.firstName }}: tracking ' +
      '{{ record.trackingNumber }} with {{ record.carrier }}.';
    await session.page.getByTestId('step-template').click();
    await session.page.getByTestId('template-body').fill(text);
    await session.page.getByTestId('template-unsaved').waitFor();
    await session.page.getByTestId('publish').click();
    await session.page.getByTestId('publish-confirm').click();
    await expect
      .poll(() => session.page.getByTestId('publish-result').innerText())
      .toContain('Published version 4');

    const flows = await session.herald.api('/api/flows');
    const flow = flows.body.items.find((item: any) =>
      item.name.startsWith('Shipping update'),
    );
    const version = await session.herald.api(
      `/api/flows/${flow.id}/versions/4`,
    );
    expect(version.body.templates).toEqual([
      expect.objectContaining({ id: 'shipping-update', body: text }),
    ]);
    const templates = await session.herald.api('/api/templates');
    const stored = (templates.body.items ?? templates.body).find(
      (item: any) => item.id === 'shipping-update',
    );
    expect(stored.body).toBe(text);
    expect(await session.page.getByTestId('unsaved-changes').count()).toBe(0);
  });

  it('opens a published version read-only', async () => {
    await session.page
      .locator('[data-testid="version-row"][data-version="1"]')
      .getByTestId('version-open')
      .click();
    const view = session.page.getByTestId('version-view');
    await view.getByTestId('step-condition').waitFor();
    expect(await view.getByTestId('step-condition').innerText()).toContain(
      'Status is Shipped',
    );
    // Version 1 shows the template text it was published with, not the
    // library's text edited since.
    expect(await view.getByTestId('step-template').innerText()).toContain(
      'your solar kit is on its way',
    );
    await session.page.screenshot({
      path: path.join(screenshots, 'version-1.png'),
    });
    await view.getByTestId('version-view-close').click();
    await view.waitFor({ state: 'detached' });
  });

  it('signs in from a #token= link opened in a tab already open', async () => {
    const other = await session.browser.newPage();
    other.on('pageerror', (error) =>
      session.problems.push(`page: ${error.message}`),
    );
    await other.goto(`${session.herald.url}/`);
    await other.getByRole('button').first().waitFor();
    expect(await other.getByTestId('flow-row').count()).toBe(0);

    await other.evaluate((token) => {
      window.location.hash = `#token=${token}`;
    }, session.herald.token);
    await other.getByTestId('flow-row').first().waitFor();
    expect(other.url()).not.toContain(session.herald.token);
    await other.close();
  });

  it('shows the sandbox outbox', async () => {
    await session.page.getByTestId('nav-outbox').click();
    await session.page.getByTestId('outbox-row').first().waitFor();
    await session.page.screenshot({
      path: path.join(screenshots, 'outbox.png'),
    });
  });

  it('logged no errors or warnings', () => {
    expect(session.problems).toEqual([]);
  });
});
