/**
 * In a real browser, signed in as a named admin: the flows list says who
 * changed each Flow and counts its last 24 hours; "Send a test" in the
 * Template inspector goes to the admin's own test recipient (set on the
 * profile page) and lands in the outbox marked as a test, with clear
 * errors for a missing recipient, a bad number and text that does not
 * render; locale variants are added in the inspector and removed in the
 * library's form.
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
const PASSWORD = 'a long enough password';

describe.skipIf(missing !== null)('activity, test sends, variants', () => {
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
    const created = await herald.api('/api/users', {
      body: {
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        role: 'admin',
        password: PASSWORD,
      },
    });
    expect(created.status).toBe(201);

    await page.goto(herald.url);
    await page.getByTestId('login-email').fill('ada@example.com');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('flow-row').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  const flowRow = (name: string) =>
    page.getByTestId('flow-row').filter({ hasText: name });

  it('shows who changed each flow and its last 24 hours', async () => {
    const shipping = flowRow('Shipping update for VIP customers');
    expect(await shipping.getByTestId('flow-changed-by').innerText()).toBe(
      'by Herald demo',
    );
    // The worker sends the demo's first messages in the background.
    await expect
      .poll(
        async () => {
          await page.getByTestId('flows-refresh').click();
          return shipping.getByTestId('flow-delivery-status').count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    expect(await shipping.getByTestId('flow-runs').innerText()).toMatch(
      /^[1-9]\d* runs?$/,
    );

    const caseFlow = flowRow('Case in progress').first();
    await caseFlow.getByTestId('flow-rename').click();
    await page.getByTestId('rename-input').fill('Case in progress (SMS)');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect
      .poll(() =>
        flowRow('Case in progress (SMS)')
          .getByTestId('flow-changed-by')
          .innerText(),
      )
      .toBe('by Ada Lovelace');
    await page.screenshot({
      path: path.join(screenshots, 'flows-activity.png'),
    });
  });

  it('asks for a test recipient, then sends a test to it', async () => {
    await flowRow('Shipping update for VIP customers')
      .getByRole('link')
      .click();
    await page.getByTestId('step-template').click();
    const send = page.getByTestId('test-send-button');
    await send.click();
    const error = page.getByTestId('test-send-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe(
      'HERALD_TEST_RECIPIENT_MISSING',
    );

    await page.getByTestId('test-send-profile').click();
    await page.getByTestId('test-recipient-form').waitFor();
    await page.getByTestId('test-recipient-channel').selectOption('sms');
    await page.getByTestId('test-recipient-phone').fill('+1 555');
    await page.getByTestId('test-recipient-save').click();
    const refused = page.getByTestId('test-recipient-error');
    await refused.waitFor();
    expect(await refused.getAttribute('data-field')).toBe('phone');
    await page.getByTestId('test-recipient-phone').fill('+1 415 555 0123');
    await page.getByTestId('test-recipient-save').click();
    await page.getByTestId('test-recipient-saved').waitFor();
    expect(await page.getByTestId('test-recipient-phone').inputValue()).toBe(
      '+14155550123',
    );
    await page.screenshot({ path: path.join(screenshots, 'profile.png') });

    await page.goBack();
    await page.getByTestId('step-template').click();
    const body = page.getByTestId('template-body');
    const saved = await body.inputValue();
    await body.fill('Hi {{ record.nope }}');
    await send.click();
    await expect
      .poll(() => error.getAttribute('data-code'))
      .toBe('HERALD_TEST_SEND_RENDER');
    expect(await error.getAttribute('data-field')).toBe('body');
    await page.screenshot({
      path: path.join(screenshots, 'inspector-test-send-error.png'),
    });

    await body.fill(saved);
    await send.click();
    const sent = page.getByTestId('test-send-sent');
    await sent.waitFor();
    expect(await sent.innerText()).toContain('+14155550123');
    const previewText = await page
      .getByTestId('template-preview-text')
      .innerText();
    await page.screenshot({
      path: path.join(screenshots, 'inspector-test-send.png'),
    });

    await page.getByTestId('nav-outbox').click();
    const testRow = page
      .getByTestId('outbox-row')
      .filter({ has: page.getByTestId('outbox-test') })
      .first();
    await testRow.waitFor();
    expect(await testRow.innerText()).toContain('+14155550123');
    expect(await testRow.getByTestId('outbox-body').innerText()).toBe(
      previewText,
    );
    await page.screenshot({ path: path.join(screenshots, 'outbox-test.png') });

    const audit = await herald.api('/api/audit?action=template.test-send');
    expect(audit.body.items[0]).toMatchObject({
      actor: { kind: 'user', name: 'ada@example.com' },
      subjectId: 'shipping-update',
    });
  });

  it('adds a locale variant in the inspector with its preview', async () => {
    await page.getByTestId('nav-flows').click();
    await flowRow('Shipping update for VIP customers')
      .getByRole('link')
      .click();
    await page.getByTestId('step-template').click();
    await page.getByTestId('locale-variant-new').fill('d e');
    expect(
      await page.getByTestId('locale-variant-problem').innerText(),
    ).toContain('like de');
    await page.getByTestId('locale-variant-new').fill('de');
    await page.getByTestId('locale-variant-add').click();
    const body = page.getByTestId('template-body');
    await body.fill('Hallo {{ customer.firstName }}, Ihr Paket ist unterwegs.');
    await expect
      .poll(() => page.getByTestId('template-preview-text').innerText())
      .toMatch(/^Hallo \S+, Ihr Paket ist unterwegs\.$/);
    const sms = page.locator(
      '[data-testid="template-measure"][data-channel="sms"]',
    );
    expect(await sms.innerText()).toContain('1 segment');
    await page.getByTestId('save-template').click();
    await page.getByTestId('template-saved').waitFor();
    await page.getByTestId('locale-variants').scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(screenshots, 'inspector-variant.png'),
    });

    const templates = await herald.api('/api/templates');
    const shipping = templates.body.items.find(
      (item: any) => item.id === 'shipping-update',
    );
    expect(shipping.variants).toEqual({
      de: 'Hallo {{ customer.firstName }}, Ihr Paket ist unterwegs.',
    });
  });

  it('adds and removes variants in the template library', async () => {
    await page.getByTestId('nav-templates').click();
    const row = page.locator(
      '[data-testid="template-row"][data-id="shipping-update"]',
    );
    await row.waitFor();
    // Trimmed: the space before it shows after the category badge.
    const locales = await row
      .getByTestId('template-variant-locales')
      .innerText();
    expect(locales.trim()).toBe('+ de');
    await row.getByRole('button').first().click();
    const form = page.getByTestId('template-form');
    await form.getByTestId('locale-variant-new').fill('fr-CA');
    await form.getByTestId('locale-variant-add').click();
    await form
      .getByTestId('library-template-body')
      .fill('Bonjour {{ customer.firstName }}, votre colis est en route.');
    await expect
      .poll(() => form.getByTestId('template-preview-text').innerText())
      .toMatch(/^Bonjour \S+, votre colis est en route\.$/);
    await form
      .locator('[data-testid="locale-variant"][data-locale="de"]')
      .click();
    await form.getByTestId('locale-variant-remove').click();
    await page.screenshot({
      path: path.join(screenshots, 'templates-variants.png'),
    });
    await form.getByTestId('library-template-save').click();
    await form.getByTestId('library-template-saved').waitFor();

    const templates = await herald.api('/api/templates');
    const shipping = templates.body.items.find(
      (item: any) => item.id === 'shipping-update',
    );
    expect(shipping.variants).toEqual({
      'fr-CA': 'Bonjour {{ customer.firstName }}, votre colis est en route.',
    });
  });

  it('logged no errors or warnings but the refusals it provoked', () => {
    // Chromium logs every 4xx answer: the session check before sign-in
    // (401), the missing recipient (409), the bad number and the bad
    // merge field (422).
    const provoked = /status of (401|409|422) /;
    expect(problems.filter((problem) => !provoked.test(problem))).toEqual([]);
  });
});
