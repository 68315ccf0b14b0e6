/**
 * The conversation settings page in Chromium. An admin opens it from the
 * console, sees the stored policy, gets the server's complaints under
 * the fields they are about (nothing is saved), then saves presence
 * time-out, capacity, the bot switch and a WhatsApp pilot audience and
 * finds them stored and audited. Agents get no way to it, and the API
 * refuses agents and business users alike.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import {
  createTestUser,
  signInAs,
  TEST_PASSWORD,
} from '../../packages/server/test/access-client.js';
import { expectOk } from '../../packages/server/test/fixtures.js';
import { screenshotsDir, watchPage } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

describeInChromium('conversation settings in Chromium', () => {
  const session = useBuilderSession({
    herald: { worker: false, config: { signInRateLimit: 1000 } },
  });

  beforeAll(async () => {
    await createTestUser(session.herald, 'ada@example.com', 'admin');
    await createTestUser(session.herald, 'abe@example.com', 'agent');
    await createTestUser(session.herald, 'bea@example.com', 'business');
  });

  async function signIn(on: Page, email: string, hash: string) {
    await on.goto(`${session.herald.url}/${hash}`);
    await on.getByTestId('login-email').fill(email);
    await on.getByTestId('login-password').fill(TEST_PASSWORD);
    await on.getByTestId('login-submit').click();
  }

  const field = (name: string) => session.page.getByTestId(`policy-${name}`);
  const errorUnder = (testId: string) =>
    session.page
      .locator('label', { has: session.page.getByTestId(testId) })
      .getByTestId('field-error');
  const shot = (name: string) =>
    session.page.screenshot({
      path: path.join(screenshotsDir, `conversation-policy-${name}.png`),
      fullPage: true,
    });

  it('opens from the console for an admin and shows the stored policy', async () => {
    await signIn(session.page, 'ada@example.com', '#/conversations');
    await session.page.getByTestId('conversation-settings').click();
    await session.page.getByTestId('conversation-policy-page').waitFor();

    expect(await field('presenceTimeoutSeconds').inputValue()).toBe('120');
    expect(await field('defaultCapacity').inputValue()).toBe('5');
    expect(await field('botEnabled').isChecked()).toBe(true);
    expect(await field('botReplyWindowHours').inputValue()).toBe('168');
    for (const channel of ['sms', 'whatsapp', 'messenger']) {
      expect(
        await session.page.getByTestId(`pilot-${channel}-enabled`).isChecked(),
      ).toBe(false);
    }
  });

  it('shows each refused value under its field and saves nothing', async () => {
    await field('presenceTimeoutSeconds').fill('2');
    await field('defaultCapacity').fill('101');
    await session.page.getByTestId('pilot-whatsapp-enabled').check();
    await session.page
      .getByTestId('pilot-whatsapp-tiers')
      .fill('VIP, Platinum');
    await session.page.getByTestId('pilot-whatsapp-reply').fill('   ');
    await session.page.getByTestId('policy-save').click();

    await session.page.getByTestId('policy-invalid').waitFor();
    expect(await errorUnder('policy-presenceTimeoutSeconds').innerText()).toBe(
      'at least 5 seconds',
    );
    expect(await errorUnder('policy-defaultCapacity').innerText()).toBe(
      'at most 100',
    );
    expect(await errorUnder('pilot-whatsapp-reply').innerText()).toBe(
      'write the answer people outside the pilot get',
    );
    expect(await errorUnder('policy-botReplyWindowHours').count()).toBe(0);
    expect(await errorUnder('pilot-whatsapp-tiers').count()).toBe(0);
    await shot('refused');

    const stored = await expectOk(
      session.herald.api('/api/conversation-policy'),
    );
    expect(stored).toMatchObject({
      presenceTimeoutSeconds: 120,
      defaultCapacity: 5,
      pilots: {},
    });
  });

  it('asks for a number before sending anything', async () => {
    await field('botReplyWindowHours').fill('');
    await session.page.getByTestId('policy-save').click();
    await expect
      .poll(() => errorUnder('policy-botReplyWindowHours').innerText())
      .toBe('enter a number');
  });

  it('saves the corrected policy and shows it again after a reload', async () => {
    await field('presenceTimeoutSeconds').fill('300');
    await field('defaultCapacity').fill('3');
    await field('botEnabled').uncheck();
    await field('botReplyWindowHours').fill('48');
    await session.page
      .getByTestId('pilot-whatsapp-reply')
      .fill('WhatsApp chat is in pilot; please text us instead.');
    await session.page.getByTestId('policy-save').click();

    await session.page.getByTestId('policy-saved').waitFor();
    expect(await session.page.getByTestId('field-error').count()).toBe(0);
    const stored = await expectOk(
      session.herald.api('/api/conversation-policy'),
    );
    expect(stored).toEqual({
      presenceTimeoutSeconds: 300,
      defaultCapacity: 3,
      botEnabled: false,
      botReplyWindowHours: 48,
      pilots: {
        whatsapp: {
          tiers: ['VIP', 'Platinum'],
          regions: [],
          reply: 'WhatsApp chat is in pilot; please text us instead.',
        },
      },
    });

    await session.page.reload();
    await session.page.getByTestId('conversation-policy-page').waitFor();
    await expect
      .poll(() => field('presenceTimeoutSeconds').inputValue())
      .toBe('300');
    expect(await field('botEnabled').isChecked()).toBe(false);
    expect(
      await session.page.getByTestId('pilot-whatsapp-tiers').inputValue(),
    ).toBe('VIP, Platinum');
    await shot('saved');

    const audit = await expectOk(session.herald.api('/api/audit'));
    expect(
      audit.items.some(
        (entry: any) =>
          entry.action === 'conversation-policy.change' &&
          entry.actor.name === 'ada@example.com',
      ),
    ).toBe(true);
  });

  it('gives an agent no way to the settings', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 1400, height: 900 },
    });
    const agentPage = await context.newPage();
    watchPage(agentPage, session.problems);
    await signIn(agentPage, 'abe@example.com', '#/conversations');
    await agentPage.getByTestId('console').waitFor();
    expect(await agentPage.getByTestId('conversation-settings').count()).toBe(
      0,
    );

    await agentPage.goto(`${session.herald.url}/#/conversation-policy`);
    await agentPage.getByTestId('signed-in-as').waitFor();
    expect(
      await agentPage.getByTestId('conversation-policy-page').count(),
    ).toBe(0);
    await context.close();
  });

  it('refuses agents and business users on the API', async () => {
    for (const email of ['abe@example.com', 'bea@example.com']) {
      const client = await signInAs(session.herald, email);
      const answer = await client.call('/api/conversation-policy', {
        method: 'PUT',
        body: { botEnabled: true },
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('HERALD_FORBIDDEN');
    }
    const stored = await expectOk(
      session.herald.api('/api/conversation-policy'),
    );
    expect(stored.botEnabled).toBe(false);
  });

  it('raised no page errors or warnings', () => {
    // Expected answers: 401 to the session check before signing in, 400
    // to the refused save.
    const expected = /status of (401|400)/;
    expect(
      session.problems.filter((problem) => !expected.test(problem)),
    ).toEqual([]);
  });
});
