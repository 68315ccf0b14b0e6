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
import { beforeAll, expect, it } from 'vitest';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

const screenshots = screenshotsDir;
const PASSWORD = 'a long enough password';

describeInChromium('activity, test sends, variants', () => {
  const session = useBuilderSession({
    herald: { demo: true },
    viewport: { width: 1400, height: 1000 },
  });

  beforeAll(async () => {
    const created = await session.herald.api('/api/users', {
      body: {
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        role: 'admin',
        password: PASSWORD,
      },
    });
    expect(created.status).toBe(201);

    await session.page.goto(session.herald.url);
    await session.page.getByTestId('login-email').fill('ada@example.com');
    await session.page.getByTestId('login-password').fill(PASSWORD);
    await session.page.getByTestId('login-submit').click();
    await session.page.getByTestId('flow-row').first().waitFor();
  });

  const flowRow = (name: string) =>
    session.page.getByTestId('flow-row').filter({ hasText: name });

  it('shows who changed each flow and its last 24 hours', async () => {
    const shipping = flowRow('Shipping update for VIP customers');
    expect(await shipping.getByTestId('flow-changed-by').innerText()).toBe(
      'by Herald demo',
    );
    // The worker sends the demo's first messages in the background.
    await expect
      .poll(
        async () => {
          await session.page.getByTestId('flows-refresh').click();
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
    await session.page
      .getByTestId('rename-input')
      .fill('Case in progress (SMS)');
    await session.page.getByRole('button', { name: 'Save name' }).click();
    await expect
      .poll(() =>
        flowRow('Case in progress (SMS)')
          .getByTestId('flow-changed-by')
          .innerText(),
      )
      .toBe('by Ada Lovelace');
    await session.page.screenshot({
      path: path.join(screenshots, 'flows-activity.png'),
    });
  });

  it('asks for a test recipient, then sends a test to it', async () => {
    await flowRow('Shipping update for VIP customers')
      .getByRole('link')
      .click();
    await session.page.getByTestId('step-template').click();
    const send = session.page.getByTestId('test-send-button');
    await send.click();
    const error = session.page.getByTestId('test-send-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe(
      'HERALD_TEST_RECIPIENT_MISSING',
    );

    await session.page.getByTestId('test-send-profile').click();
    await session.page.getByTestId('test-recipient-form').waitFor();
    await session.page
      .getByTestId('test-recipient-channel')
      .selectOption('sms');
    await session.page.getByTestId('test-recipient-phone').fill('+1 555');
    await session.page.getByTestId('test-recipient-save').click();
    const refused = session.page.getByTestId('test-recipient-error');
    await refused.waitFor();
    expect(await refused.getAttribute('data-field')).toBe('phone');
    await session.page
      .getByTestId('test-recipient-phone')
      .fill('+1 415 555 0123');
    await session.page.getByTestId('test-recipient-save').click();
    await session.page.getByTestId('test-recipient-saved').waitFor();
    expect(
      await session.page.getByTestId('test-recipient-phone').inputValue(),
    ).toBe('+14155550123');
    await session.page.screenshot({
      path: path.join(screenshots, 'profile.png'),
    });

    await session.page.goBack();
    await session.page.getByTestId('step-template').click();
    const body = session.page.getByTestId('template-body');
    const saved = await body.inputValue();
    await body.fill('Hi {{ record.nope }}');
    await send.click();
    await expect
      .poll(() => error.getAttribute('data-code'))
      .toBe('HERALD_TEST_SEND_RENDER');
    expect(await error.getAttribute('data-field')).toBe('body');
    await session.page.screenshot({
      path: path.join(screenshots, 'inspector-test-send-error.png'),
    });

    await body.fill(saved);
    await send.click();
    const sent = session.page.getByTestId('test-send-sent');
    await sent.waitFor();
    expect(await sent.innerText()).toContain('+14155550123');
    const previewText = await session.page
      .getByTestId('template-preview-text')
      .innerText();
    await session.page.screenshot({
      path: path.join(screenshots, 'inspector-test-send.png'),
    });

    await session.page.getByTestId('nav-outbox').click();
    const testRow = session.page
      .getByTestId('outbox-row')
      .filter({ has: session.page.getByTestId('outbox-test') })
      .first();
    await testRow.waitFor();
    expect(await testRow.innerText()).toContain('+14155550123');
    expect(await testRow.getByTestId('outbox-body').innerText()).toBe(
      previewText,
    );
    await session.page.screenshot({
      path: path.join(screenshots, 'outbox-test.png'),
    });

    const audit = await session.herald.api(
      '/api/audit?action=template.test-send',
    );
    expect(audit.body.items[0]).toMatchObject({
      actor: { kind: 'user', name: 'ada@example.com' },
      subjectId: 'shipping-update',
    });
  });

  it('adds a locale variant in the inspector with its preview', async () => {
    await session.page.getByTestId('nav-flows').click();
    await flowRow('Shipping update for VIP customers')
      .getByRole('link')
      .click();
    await session.page.getByTestId('step-template').click();
    await session.page.getByTestId('locale-variant-new').fill('d e');
    expect(
      await session.page.getByTestId('locale-variant-problem').innerText(),
    ).toContain('like de');
    await session.page.getByTestId('locale-variant-new').fill('de');
    await session.page.getByTestId('locale-variant-add').click();
    const body = session.page.getByTestId('template-body');
    await body.fill('Hallo {{ customer.firstName }}, Ihr Paket ist unterwegs.');
    await expect
      .poll(() => session.page.getByTestId('template-preview-text').innerText())
      .toMatch(/^Hallo \S+, Ihr Paket ist unterwegs\.$/);
    const sms = session.page.locator(
      '[data-testid="template-measure"][data-channel="sms"]',
    );
    expect(await sms.innerText()).toContain('1 segment');
    await session.page.getByTestId('save-template').click();
    await session.page.getByTestId('template-saved').waitFor();
    await session.page.getByTestId('locale-variants').scrollIntoViewIfNeeded();
    await session.page.screenshot({
      path: path.join(screenshots, 'inspector-variant.png'),
    });

    const templates = await session.herald.api('/api/templates');
    const shipping = templates.body.items.find(
      (item: any) => item.id === 'shipping-update',
    );
    expect(shipping.variants).toEqual({
      de: 'Hallo {{ customer.firstName }}, Ihr Paket ist unterwegs.',
    });
  });

  it('adds and removes variants in the template library', async () => {
    await session.page.getByTestId('nav-templates').click();
    const row = session.page.locator(
      '[data-testid="template-row"][data-id="shipping-update"]',
    );
    await row.waitFor();
    // Trimmed: the space before it shows after the category badge.
    const locales = await row
      .getByTestId('template-variant-locales')
      .innerText();
    expect(locales.trim()).toBe('+ de');
    await row.getByRole('button').first().click();
    const form = session.page.getByTestId('template-form');
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
    await session.page.screenshot({
      path: path.join(screenshots, 'templates-variants.png'),
    });
    await form.getByTestId('library-template-save').click();
    await form.getByTestId('library-template-saved').waitFor();

    const templates = await session.herald.api('/api/templates');
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
    expect(
      session.problems.filter((problem) => !provoked.test(problem)),
    ).toEqual([]);
  });
});
