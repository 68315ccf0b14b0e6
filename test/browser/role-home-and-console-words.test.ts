/**
 * What a newcomer meets first, by role and by sign-in: an Agent lands in
 * the Conversations console and sees only the pages their role can use; a
 * business user lands on Flows without the console. Signed in with the
 * printed token link, the console's live stream connects (it used to
 * fall back to a bare "polling"), a Conversation the token started is not
 * "waiting for an agent", and a Template the composer cannot send says
 * why in visible text. The Outbox shows a test send as a test to you, the
 * condition and simulator fields read as words, and the demo's versions
 * name the same author as the flows list.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectOk } from '../../packages/server/test/fixtures.js';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

const PASSWORD = 'a long enough password';
const FLOW_NAME = 'Shipping update for VIP customers';
const TEST_PHONE = '+14155550177';

describeInChromium('role homes and console words', () => {
  const session = useBuilderSession({
    herald: { demo: true, config: { signInRateLimit: 1000 } },
    viewport: { width: 1400, height: 1000 },
  });
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    for (const [email, role] of [
      ['agnes@example.com', 'agent'],
      ['bea@example.com', 'business'],
    ]) {
      await expectOk(
        session.herald.api('/api/users', {
          body: { email, role, password: PASSWORD },
        }),
      );
    }
    await expectOk(
      session.herald.api('/api/customers/newcomer', {
        method: 'PUT',
        body: {
          firstName: 'Nia',
          tier: 'VIP',
          phone: '+14155550176',
          preferredChannel: 'sms',
          consent: [{ channel: 'sms', status: 'opt_in', source: 'web form' }],
        },
      }),
    );
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
  });

  /** Signs `email` in on a fresh page; answers it and its 4xx API calls. */
  async function signIn(email: string) {
    const context = await session.browser.newContext({
      viewport: { width: 1400, height: 900 },
    });
    contexts.push(context);
    const fresh = await context.newPage();
    // Before signing in the session check answers 401, which Chromium
    // logs; only uncaught errors count here.
    fresh.on('pageerror', (error) =>
      session.problems.push(`${email}: ${error}`),
    );
    const refused: string[] = [];
    fresh.on('response', (response) => {
      if (response.url().includes('/api/') && response.status() === 403) {
        refused.push(response.url());
      }
    });
    await fresh.goto(session.herald.url);
    await fresh.getByTestId('login-email').fill(email);
    await fresh.getByTestId('login-password').fill(PASSWORD);
    await fresh.getByTestId('login-submit').click();
    await fresh.getByTestId('signed-in-as').waitFor();
    return { page: fresh, refused };
  }

  const navLinks = (on: Page) =>
    on.locator('nav[aria-label="Main"] a').allInnerTexts();

  it('lands an agent in the console with only the console linked', async () => {
    const agent = await signIn('agnes@example.com');

    await agent.page.getByTestId('console').waitFor();
    expect(await navLinks(agent.page)).toEqual(['Conversations']);
    await agent.page
      .locator('[data-testid="stream-state"][data-state="live"]')
      .waitFor();
    await agent.page.screenshot({
      path: path.join(screenshotsDir, 'agent-home.png'),
    });

    // An old bookmark to the flows list shows the console, not a 403.
    await agent.page.goto(`${session.herald.url}/#/flows`);
    await agent.page.getByTestId('console').waitFor();
    expect(agent.refused).toEqual([]);
  });

  it('lands a business user on the flows list without the console', async () => {
    const business = await signIn('bea@example.com');

    await business.page.getByTestId('flow-row').first().waitFor();
    expect(await navLinks(business.page)).toEqual([
      'Flows',
      'Outbox',
      'Templates',
      'Runs',
      'Deliveries',
    ]);
    await business.page.goto(`${session.herald.url}/#/conversations`);
    await business.page.getByTestId('flow-row').first().waitFor();
    expect(business.refused).toEqual([]);
  });

  it('streams live to a token sign-in and explains a refused template', async () => {
    await session.page.goto(
      `${session.herald.url}/#token=${session.herald.token}`,
    );
    await session.page.getByTestId('nav-conversations').click();
    await session.page
      .locator('[data-testid="stream-state"][data-state="live"]')
      .waitFor();
    expect(await session.page.getByTestId('stream-state').innerText()).toBe(
      'Live',
    );

    await session.page.getByTestId('start-conversation').click();
    await session.page.getByTestId('start-customer').fill('newcomer');
    await session.page.getByTestId('start-look-up').click();
    await session.page
      .getByTestId('composer-text')
      .fill('Hello Nia, a quick check-in.');
    await session.page.getByTestId('composer-send').click();
    await session.page.getByTestId('conversation-view').waitFor();

    const owner = await session.page
      .getByTestId('conversation-owner')
      .innerText();
    expect(owner).not.toMatch(/waiting/i);
    expect(owner).toContain('No owner (started with a token');

    const refusals = session.page.getByTestId('template-refusals');
    await refusals.waitFor();
    const refusal = session.page
      .getByTestId('template-refusal')
      .filter({ hasText: 'Shipping update' });
    expect(await refusal.innerText()).toContain(
      'this conversation is about no record',
    );
    const describedBy = await session.page
      .getByTestId('template-picker')
      .getAttribute('aria-describedby');
    expect(describedBy).toBe(await refusals.getAttribute('id'));
    await session.page.screenshot({
      path: path.join(screenshotsDir, 'console-token-refusals.png'),
    });
  });

  it('shows a test send in the outbox as a test to you', async () => {
    await expectOk(
      session.herald.api('/api/me/test-recipient', {
        method: 'PUT',
        body: { channel: 'sms', phone: TEST_PHONE },
      }),
    );
    await expectOk(
      session.herald.api('/api/templates/shipping-update/test-send', {
        body: {
          customerId: 'cust-001',
          objectType: 'Shipment',
          record: {
            status: 'Shipped',
            carrier: 'DHL',
            trackingNumber: 'T-1',
            orderId: 'SO-1',
          },
        },
      }),
    );

    await session.page.getByTestId('nav-outbox').click();
    const row = session.page
      .getByTestId('outbox-row')
      .filter({ has: session.page.getByTestId('outbox-test') })
      .first();
    await row.waitFor();
    expect(await row.getByTestId('outbox-customer').innerText()).toBe(
      'Test to you',
    );
    expect(await row.innerText()).toContain(TEST_PHONE);
    expect(await row.getByTestId('outbox-sample').innerText()).toContain(
      'cust-001',
    );
    await session.page.screenshot({
      path: path.join(screenshotsDir, 'outbox-test-to-you.png'),
    });
  });

  it('reads field names as words and names one demo author', async () => {
    await session.page.getByTestId('nav-flows').click();
    await session.page
      .getByTestId('flow-row')
      .filter({ hasText: FLOW_NAME })
      .getByRole('link')
      .click();
    await session.page.getByTestId('step-condition').first().click();
    const options = await session.page
      .getByTestId('condition-field')
      .locator('option')
      .allInnerTexts();
    expect(options).toContain('Tracking number');
    expect(options).toContain('Previous tracking number');
    expect(options).toContain('Customer preferred channel');

    expect(
      await session.page.getByTestId('version-row').first().innerText(),
    ).toContain('by Herald demo');

    await session.page.getByTestId('simulate-open').click();
    const label = session.page.locator(
      '[data-testid="simulate-panel"] tr[data-field="trackingNumber"] th',
    );
    expect(await label.innerText()).toBe('Tracking number');
    await session.page.getByTestId('simulate-panel').screenshot({
      path: path.join(screenshotsDir, 'simulate-field-words.png'),
    });
    expect(session.problems).toEqual([]);
  });

  it('labels the rollout regions as one field', async () => {
    await session.page
      .getByTestId('simulate-open')
      .click()
      .catch(() => undefined);
    await session.page.getByTestId('step-rollout').first().click();
    const regions = session.page.getByTestId('rollout-region-field');
    expect(await regions.locator('legend').innerText()).toBe('Regions');
    await regions.getByTestId('rollout-region-chips').waitFor();
    await regions.getByTestId('rollout-regions').waitFor();
    await session.page.screenshot({
      path: path.join(screenshotsDir, 'rollout-regions-field.png'),
    });
  });

  it('styles the new-user email box like the others', async () => {
    await session.page.goto(`${session.herald.url}/#/access`);
    const email = session.page.getByTestId('new-user-email');
    const password = session.page.getByTestId('new-user-password');
    await email.waitFor();
    const [emailBox, passwordBox] = [
      await email.boundingBox(),
      await password.boundingBox(),
    ];
    expect(emailBox?.height).toBe(passwordBox?.height);
    expect(
      await email.evaluate((node) => getComputedStyle(node).borderTopColor),
    ).toBe(
      await password.evaluate((node) => getComputedStyle(node).borderTopColor),
    );
    expect(
      await session.page.getByTestId('tokens-empty').innerText(),
    ).toContain('No API tokens yet');
    await session.page.screenshot({
      path: path.join(screenshotsDir, 'access-new-user.png'),
    });
    expect(session.problems).toEqual([]);
  });
});
