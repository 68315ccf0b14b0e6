/**
 * The step inspectors of the demo shipping Flow in a real browser: the
 * nested condition builder, the Trigger's changed-fields filter and plain
 * words, the Rollout's live audience count, the Template's merge fields,
 * preview and SMS counter, and what each Channel allows.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHerald } from '../../packages/server/test/test-herald.js';
import {
  openBuilderSession,
  screenshotsDir,
} from '../support/builder-session.js';
import { ensureChromium, reportMissingChromium } from '../support/chromium.js';

const missing = ensureChromium();
if (missing) {
  reportMissingChromium(missing);
}

const screenshots = screenshotsDir;

describe.skipIf(missing !== null)('step inspectors', () => {
  let herald: TestHerald;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ herald, browser, page } = await openBuilderSession({
      herald: { demo: true },
      viewport: { width: 1400, height: 1000 },
      problems,
    }));
    await page.goto(`${herald.url}/#token=${herald.token}`);
    await page
      .getByTestId('flow-row')
      .filter({ hasText: 'Shipping update for VIP customers' })
      .getByRole('link')
      .click();
    await page.getByTestId('step-channel').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  it('nests any-groups and negation in the condition builder', async () => {
    await page.getByTestId('step-condition').click();
    await page.getByTestId('condition-add-group').click();
    const group = page.getByTestId('condition-group').nth(1);
    await group.getByTestId('condition-add-leaf').click();
    await group
      .getByTestId('condition-field')
      .last()
      .selectOption('customer:tier');
    expect(await page.getByTestId('condition-leaf').count()).toBe(3);
    await group.getByTestId('condition-negate').first().click();
    await page.getByTestId('condition-not').waitFor();
    await expect
      .poll(() => page.getByTestId('step-condition').innerText())
      .toContain('not (');
    await page.screenshot({
      path: path.join(screenshots, 'inspector-condition.png'),
    });

    await page
      .getByTestId('condition-not')
      .getByTestId('condition-remove')
      .first()
      .click();
    expect(await page.getByTestId('condition-leaf').count()).toBe(1);
  });

  it('filters the trigger by changed fields and says it plainly', async () => {
    await page.getByTestId('step-trigger').click();
    const options = await page
      .getByTestId('trigger-semantics')
      .locator('option')
      .allInnerTexts();
    expect(options[0]).toBe(
      'every time the shipment is created or updated while the conditions hold',
    );
    expect(options[1]).toBe(
      'once, when a change makes the conditions become true',
    );
    await page.getByTestId('trigger-field-carrier').click();
    expect(await page.getByTestId('trigger-fields-hint').innerText()).toBe(
      'Only a change to status or carrier starts the flow.',
    );
  });

  it('counts the rollout audience live', async () => {
    await page.getByTestId('step-rollout').click();
    const count = () =>
      page.getByTestId('rollout-audience').getAttribute('data-count');
    await expect.poll(count).toBe('30');
    await page.getByTestId('rollout-tier-VIP').uncheck();
    await expect.poll(count).toBe('15');
    await page.getByTestId('rollout-region-London').click();
    // The server counts once edits pause; wait for that count.
    await expect
      .poll(() =>
        page.getByTestId('rollout-audience').getAttribute('data-counting'),
      )
      .toBe(null);
    const london = Number(await count());
    expect(london).toBeLessThan(15);
    await page.getByTestId('rollout-percentage').fill('0');
    await expect.poll(count).toBe('0');
    await page.screenshot({
      path: path.join(screenshots, 'inspector-rollout.png'),
    });
  });

  it('previews the template with merge fields and an SMS counter', async () => {
    await page.getByTestId('step-template').click();
    const body = page.getByTestId('template-body');
    await body.fill('Hi ');
    await page
      .getByTestId('merge-field-picker')
      .selectOption('customer.firstName');
    expect(await body.inputValue()).toBe('Hi {{ customer.firstName }}');
    await body.press('End');
    await body.pressSequentially(' ☀ {{ record.carrier }}');
    await expect
      .poll(() => page.getByTestId('template-preview-text').innerText())
      .toMatch(/^Hi \w+ ☀ [^{}]+$/);
    const sms = page.locator(
      '[data-testid="template-measure"][data-channel="sms"]',
    );
    expect(await sms.innerText()).toContain('UCS-2 · 1 segment');
    await page.screenshot({
      path: path.join(screenshots, 'inspector-template.png'),
    });
  });

  it('shows what each channel allows', async () => {
    await page.getByTestId('step-channel').click();
    const whatsapp = page.locator(
      '[data-testid="channel-allowance"][data-channel="whatsapp"]',
    );
    expect(await whatsapp.innerText()).toContain('approved WhatsApp template');
  });

  it('lists what changed before publishing and refuses problems', async () => {
    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByTestId('publish-diff').waitFor();
    const changes = await dialog
      .locator('[data-change]')
      .evaluateAll((items) => items.map((item) => item.dataset.change));
    expect(changes).toEqual(['changed', 'changed', 'changed', 'template']);
    expect(await dialog.getByTestId('publish-confirm').isEnabled()).toBe(true);
    await page.screenshot({
      path: path.join(screenshots, 'publish-dialog.png'),
    });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('step-template').click();
    await page.getByTestId('template-select').selectOption('case-in-progress');
    await page.getByTestId('step-template').click();
    await page.keyboard.press('Delete');
    await page.getByTestId('publish').click();
    await dialog.getByTestId('publish-blocked').waitFor();
    expect(await dialog.getByTestId('publish-confirm').isDisabled()).toBe(true);
    expect(
      await dialog.locator('[data-change="removed"]').innerText(),
    ).toContain('Removed');
    await dialog.getByTestId('publish-cancel').click();
  });

  it('restores version 1 as the draft', async () => {
    await page
      .locator('[data-testid="version-row"][data-version="1"]')
      .getByTestId('version-open')
      .click();
    await page.getByTestId('version-restore').click();
    await page.getByTestId('version-view').waitFor({ state: 'detached' });
    const titles = await page.getByTestId('step-title').allTextContents();
    expect(titles).toEqual([
      'When Shipment is created or updated',
      'Status is Shipped',
      'Only VIP, Platinum',
      'Template: Shipping update',
      'Send on preferred channel',
    ]);
  });

  it('logged no errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
