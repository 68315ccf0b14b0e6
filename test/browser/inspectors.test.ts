/**
 * The step inspectors of the demo shipping Flow in a real browser: the
 * nested condition builder, the Trigger's changed-fields filter and plain
 * words, the Rollout's live audience count, the Template's merge fields,
 * preview and SMS counter, and what each Channel allows.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

const screenshots = screenshotsDir;

describeInChromium('step inspectors', () => {
  const session = useBuilderSession({
    herald: { demo: true },
    viewport: { width: 1400, height: 1000 },
  });

  beforeAll(async () => {
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page
      .getByTestId('flow-row')
      .filter({ hasText: 'Shipping update for VIP customers' })
      .getByRole('link')
      .click();
    await session.page.getByTestId('step-channel').waitFor();
  });

  it('nests any-groups and negation in the condition builder', async () => {
    await session.page.getByTestId('step-condition').click();
    await session.page.getByTestId('condition-add-group').click();
    const group = session.page.getByTestId('condition-group').nth(1);
    await group.getByTestId('condition-add-leaf').click();
    await group
      .getByTestId('condition-field')
      .last()
      .selectOption('customer:tier');
    expect(await session.page.getByTestId('condition-leaf').count()).toBe(3);
    await group.getByTestId('condition-negate').first().click();
    await session.page.getByTestId('condition-not').waitFor();
    await expect
      .poll(() => session.page.getByTestId('step-condition').innerText())
      .toContain('not (');
    await session.page.screenshot({
      path: path.join(screenshots, 'inspector-condition.png'),
    });

    await session.page
      .getByTestId('condition-not')
      .getByTestId('condition-remove')
      .first()
      .click();
    expect(await session.page.getByTestId('condition-leaf').count()).toBe(1);
  });

  it('filters the trigger by changed fields and says it plainly', async () => {
    await session.page.getByTestId('step-trigger').click();
    const options = await session.page
      .getByTestId('trigger-semantics')
      .locator('option')
      .allInnerTexts();
    expect(options[0]).toBe(
      'every time the shipment is created or updated while the conditions hold',
    );
    expect(options[1]).toBe(
      'once, when a change makes the conditions become true',
    );
    await session.page.getByTestId('trigger-field-carrier').click();
    expect(
      await session.page.getByTestId('trigger-fields-hint').innerText(),
    ).toBe('Only a change to status or carrier starts the flow.');
  });

  it('counts the rollout audience live', async () => {
    await session.page.getByTestId('step-rollout').click();
    const count = () =>
      session.page.getByTestId('rollout-audience').getAttribute('data-count');
    await expect.poll(count).toBe('30');
    await session.page.getByTestId('rollout-tier-VIP').uncheck();
    await expect.poll(count).toBe('15');
    await session.page.getByTestId('rollout-region-London').click();
    // The server counts once edits pause; wait for that count.
    await expect
      .poll(() =>
        session.page
          .getByTestId('rollout-audience')
          .getAttribute('data-counting'),
      )
      .toBe(null);
    const london = Number(await count());
    expect(london).toBeLessThan(15);
    await session.page.getByTestId('rollout-percentage').fill('0');
    await expect.poll(count).toBe('0');
    await session.page.screenshot({
      path: path.join(screenshots, 'inspector-rollout.png'),
    });
  });

  it('previews the template with merge fields and an SMS counter', async () => {
    await session.page.getByTestId('step-template').click();
    const body = session.page.getByTestId('template-body');
    await body.fill('Hi ');
    await session.page
      .getByTestId('merge-field-picker')
      .selectOption('customer.firstName');
    expect(await body.inputValue()).toBe('Hi {{ customer.firstName }}');
    await body.press('End');
    await body.pressSequentially(' ☀ {{ record.carrier }}');
    await expect
      .poll(() => session.page.getByTestId('template-preview-text').innerText())
      .toMatch(/^Hi \w+ ☀ [^{}]+$/);
    const sms = session.page.locator(
      '[data-testid="template-measure"][data-channel="sms"]',
    );
    expect(await sms.innerText()).toContain('UCS-2 · 1 segment');
    await session.page.screenshot({
      path: path.join(screenshots, 'inspector-template.png'),
    });
  });

  it('shows what each channel allows', async () => {
    await session.page.getByTestId('step-channel').click();
    const whatsapp = session.page.locator(
      '[data-testid="channel-allowance"][data-channel="whatsapp"]',
    );
    expect(await whatsapp.innerText()).toContain('approved WhatsApp template');
  });

  it('lists what changed before publishing and refuses problems', async () => {
    await session.page.getByTestId('publish').click();
    const dialog = session.page.getByTestId('publish-dialog');
    await dialog.getByTestId('publish-diff').waitFor();
    const changes = await dialog
      .locator('[data-change]')
      .evaluateAll((items) => items.map((item) => item.dataset.change));
    expect(changes).toEqual(['changed', 'changed', 'changed', 'template']);
    expect(await dialog.getByTestId('publish-confirm').isEnabled()).toBe(true);
    await session.page.screenshot({
      path: path.join(screenshots, 'publish-dialog.png'),
    });
    await session.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await session.page.getByTestId('step-template').click();
    await session.page
      .getByTestId('template-select')
      .selectOption('case-in-progress');
    await session.page.getByTestId('step-template').click();
    await session.page.keyboard.press('Delete');
    await session.page.getByTestId('publish').click();
    await dialog.getByTestId('publish-blocked').waitFor();
    expect(await dialog.getByTestId('publish-confirm').isDisabled()).toBe(true);
    expect(
      await dialog.locator('[data-change="removed"]').innerText(),
    ).toContain('Removed');
    await dialog.getByTestId('publish-cancel').click();
  });

  it('restores version 1 as the draft', async () => {
    await session.page
      .locator('[data-testid="version-row"][data-version="1"]')
      .getByTestId('version-open')
      .click();
    await session.page.getByTestId('version-restore').click();
    await session.page
      .getByTestId('version-view')
      .waitFor({ state: 'detached' });
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
  });

  it('logged no errors or warnings', () => {
    expect(session.problems).toEqual([]);
  });
});
