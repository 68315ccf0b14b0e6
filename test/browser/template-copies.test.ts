/**
 * Library Templates and the copies published versions keep, in a real
 * browser: the library previews each Template with the object type it
 * fits; a Template saved from the flow inspector keeps its category and
 * says it reaches the Flow's sends only once published again; the Flow
 * page flags the changed Template, and the Publish dialog lists what
 * changed in it even when no Step did.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

const screenshots = screenshotsDir;

describeInChromium('template copies and previews', () => {
  const session = useBuilderSession({
    herald: { demo: true },
    viewport: { width: 1400, height: 1000 },
  });

  beforeAll(async () => {
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page.getByTestId('flow-row').first().waitFor();
  });

  async function openLibraryTemplate(id: string) {
    await session.page
      .locator(`[data-testid="template-row"][data-id="${id}"]`)
      .getByRole('button')
      .click();
    await session.page.getByTestId('template-preview-object-type').waitFor();
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
      await session.page.getByTestId('nav-templates').click();
      await openLibraryTemplate(id);

      await expect
        .poll(() =>
          session.page.getByTestId('template-preview-object-type').inputValue(),
        )
        .toBe(objectType);
      await expect
        .poll(() =>
          session.page.getByTestId('template-preview-text').innerText(),
        )
        .toMatch(text);
      expect(
        await session.page.getByTestId('template-preview-error').count(),
      ).toBe(0);
      if (id === 'payment-received') {
        await session.page.screenshot({
          path: path.join(screenshots, 'template-preview-invoice.png'),
        });
      }
    },
  );

  it('saves from the flow inspector without losing the category', async () => {
    await session.page.getByTestId('nav-flows').click();
    await session.page
      .getByTestId('flow-row')
      .filter({ hasText: 'Shipping update for VIP customers' })
      .getByRole('link')
      .click();
    await session.page.getByTestId('step-template').click();
    const hint = session.page.getByTestId('template-save-hint');
    expect(await hint.innerText()).toContain(
      'keeps sending the text it was published with until that flow is published again',
    );
    await session.page
      .getByTestId('template-body')
      .fill('Hi {{ customer.firstName }}, it left with {{ record.carrier }}.');
    await session.page.getByTestId('save-template').click();
    await session.page.getByTestId('template-saved').waitFor();

    const { body } = await session.herald.api('/api/templates');
    const saved = body.items.find((item: any) => item.id === 'shipping-update');
    expect(saved).toMatchObject({
      category: 'Orders',
      body: 'Hi {{ customer.firstName }}, it left with {{ record.carrier }}.',
    });
  });

  it('flags the template changed since publish on the flow page', async () => {
    const banner = session.page.getByTestId('stale-templates-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('“Shipping update”');
    await session.page.screenshot({
      path: path.join(screenshots, 'template-changed-since-publish.png'),
    });
  });

  it('lists the template change in the publish dialog and publishes it', async () => {
    await session.page.getByTestId('publish').click();
    const dialog = session.page.getByTestId('publish-dialog');
    await dialog.getByTestId('publish-diff').waitFor();
    const change = dialog.locator('[data-change="template"]');
    expect(await change.count()).toBe(1);
    expect(await change.innerText()).toContain(
      '“Shipping update” differs from the copy the active version sends: body',
    );
    expect(await dialog.getByTestId('publish-diff-empty').count()).toBe(0);
    await session.page.screenshot({
      path: path.join(screenshots, 'publish-dialog-template-change.png'),
    });

    await dialog.getByTestId('publish-confirm').click();
    await session.page.getByTestId('publish-result').waitFor();
    await session.page
      .getByTestId('stale-templates-banner')
      .waitFor({ state: 'detached' });
  });

  it('logged no errors or warnings', () => {
    expect(session.problems).toEqual([]);
  });
});
