/**
 * Two agents in the console, each in their own browser context. Agent A
 * sends an outbound SMS; the fake Twilio delivers the customer's reply
 * through Herald's signed webhook and A sees it arrive without reloading
 * (the live stream). A goes offline; the next reply goes to agent B. A
 * reply to a triggered shipping message gets the bot's menu built from
 * that customer's products; choosing "talk to a person" hands it to an
 * agent with the choice attached.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startFakeTwilio,
  TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN,
  type FakeTwilio,
} from '../../packages/server/test/fake-providers/fake-twilio.js';
import { postTwilioInbound } from '../../packages/server/test/fake-providers/twilio-inbound.js';
import {
  expectOk,
  publishShippingFlow,
  shipmentType,
  shippingTemplate,
} from '../../packages/server/test/fixtures.js';
import {
  eventually,
  startTestHerald,
  type TestHerald,
} from '../../packages/server/test/test-herald.js';
import { ensureBuilderBuilt } from '../support/builder-dist.js';
import { describeInChromium } from '../support/browser-suite.js';
import { launchChromium } from '../support/chromium.js';

const PASSWORD = 'an agent password';
const ALICE_PHONE = '+14155550131';
const BRUNO_PHONE = '+14155550132';

describeInChromium('agent console in Chromium', () => {
  let herald: TestHerald;
  let fake: FakeTwilio;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let pageA: Page;
  let pageB: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureBuilderBuilt();
    fake = await startFakeTwilio();
    herald = await startTestHerald({
      config: { secretKey: 'cd'.repeat(32), signInRateLimit: 1000 },
    });
    await seed(herald, fake);
    browser = await launchChromium();
    pageA = await signedInConsole('agent-a@example.com');
    pageB = await signedInConsole('agent-b@example.com');
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await herald?.stop();
    await fake?.close();
  });

  async function signedInConsole(email: string) {
    await expectOk(
      herald.api('/api/users', {
        body: { email, role: 'agent', password: PASSWORD },
      }),
    );
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) =>
      problems.push(`${email}: ${error.message}`),
    );
    await page.goto(`${herald.url}/`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-conversations').click();
    await page.getByTestId('stream-state').getByText('Live').waitFor();
    await page.getByTestId('presence-online').click();
    await page
      .locator('[data-testid="presence-online"][aria-pressed="true"]')
      .waitFor();
    return page;
  }

  async function ownerOf(customerId: string) {
    const list = await expectOk(herald.api('/api/conversations?scope=all'));
    const item = list.items.find((c: any) => c.customerId === customerId);
    return item?.ownerEmail ?? null;
  }

  it('agent A sends an outbound message and sees its delivery state', async () => {
    await pageA.getByTestId('start-conversation').click();
    await pageA.getByTestId('start-customer').fill('alice');
    await pageA.getByTestId('start-look-up').click();
    await pageA
      .getByTestId('composer-text')
      .fill('Hi Alice, how is the new inverter?');
    await pageA.getByTestId('composer-send').click();

    await pageA.getByTestId('conversation-view').waitFor();
    await expect
      .poll(() => pageA.getByTestId('delivery-state').first().innerText())
      .toBe('sent');
    expect(fake.accepted.some((m) => m.to === ALICE_PHONE)).toBe(true);
  });

  it('shows the customer’s reply to A without reloading', async () => {
    const before = await pageA.evaluate(() => performance.timeOrigin);
    expect(
      await postTwilioInbound(herald.url, ALICE_PHONE, 'All good, thanks!'),
    ).toBe(200);

    await expect
      .poll(() => pageA.getByTestId('thread').innerText())
      .toContain('All good, thanks!');
    expect(await pageA.evaluate(() => performance.timeOrigin)).toBe(before);
    expect(await ownerOf('alice')).toBe('agent-a@example.com');
  });

  it('routes the next reply to agent B once A is offline', async () => {
    await pageA.getByTestId('presence-offline').click();
    await expect
      .poll(() =>
        pageA.getByTestId('presence-offline').getAttribute('aria-pressed'),
      )
      .toBe('true');

    await postTwilioInbound(herald.url, ALICE_PHONE, 'One more question');
    await eventually(async () =>
      (await ownerOf('alice')) === 'agent-b@example.com' ? true : undefined,
    );
    const row = pageB.locator(
      '[data-testid="conversation-row"][data-customer-id="alice"]',
    );
    await expect.poll(() => row.count()).toBe(1);
    await expect
      .poll(() => row.getByTestId('unread-count').innerText())
      .toBe('2');
    await row.click();
    await expect
      .poll(() => pageB.getByTestId('thread').innerText())
      .toContain('One more question');
    await expect.poll(() => row.getByTestId('unread-count').count()).toBe(0);
  });

  it('answers a reply to a triggered message with the bot menu of the customer’s products', async () => {
    for (const status of ['Pending', 'Shipped']) {
      await expectOk(
        herald.api('/api/records/Shipment/SHP-BRUNO', {
          method: 'PUT',
          body: {
            customerId: 'bruno',
            fields: { status, carrier: 'DHL', trackingNumber: 'T-9' },
          },
        }),
      );
    }
    await eventually(async () =>
      fake.accepted.find(
        (m) => m.to === BRUNO_PHONE && m.body.includes('shipped'),
      ),
    );

    await postTwilioInbound(herald.url, BRUNO_PHONE, 'Thanks!');
    const menu = await eventually(async () =>
      fake.accepted.find(
        (m) => m.to === BRUNO_PHONE && m.body.includes('Reply with a number'),
      ),
    );
    expect(menu.body).toContain('1 Helios 8 kW inverter support');
    expect(menu.body).toContain('2 Panel cleaning plan support');
    expect(menu.body).toContain('3 talk to a person');
  });

  it('hands the conversation to an agent when the customer chooses talk to a person', async () => {
    await postTwilioInbound(herald.url, BRUNO_PHONE, '3');
    await eventually(async () =>
      (await ownerOf('bruno')) === 'agent-b@example.com' ? true : undefined,
    );
    const row = pageB.locator(
      '[data-testid="conversation-row"][data-customer-id="bruno"]',
    );
    await expect.poll(() => row.count()).toBe(1);
    await row.click();
    await expect
      .poll(() => pageB.getByTestId('handover-note').innerText())
      .toContain('3 talk to a person');
    const botLines = await pageB
      .locator('[data-testid="thread-message"][data-author="bot"]')
      .allInnerTexts();
    expect(botLines.join('\n')).toContain('connecting you with a person');
  });

  it('raised no page errors', () => {
    expect(problems).toEqual([]);
  });
});

async function seed(herald: TestHerald, fake: FakeTwilio) {
  await expectOk(
    herald.api('/api/channels/sms', {
      method: 'PUT',
      body: {
        provider: 'twilio',
        settings: {
          baseUrl: fake.url,
          accountSid: TWILIO_ACCOUNT_SID,
          from: '+14155550199',
          publicUrl: herald.url,
          timeoutMs: 2000,
        },
        secrets: { authToken: TWILIO_AUTH_TOKEN },
      },
    }),
  );
  const orderType = {
    label: 'Sales order',
    customerField: 'customerId',
    fields: [
      { name: 'number', type: 'text' },
      { name: 'product', type: 'text' },
    ],
  };
  for (const [name, type] of [
    ['Shipment', shipmentType],
    ['Order', orderType],
  ] as const) {
    await expectOk(
      herald.api(`/api/object-types/${name}`, { method: 'PUT', body: type }),
    );
  }
  await expectOk(
    herald.api('/api/templates/shipping-update', {
      method: 'PUT',
      body: shippingTemplate,
    }),
  );
  for (const [id, phone] of [
    ['alice', ALICE_PHONE],
    ['bruno', BRUNO_PHONE],
  ]) {
    await expectOk(
      herald.api(`/api/customers/${id}`, {
        method: 'PUT',
        body: {
          firstName: id,
          tier: 'VIP',
          phone,
          preferredChannel: 'sms',
          consent: [{ channel: 'sms', status: 'opt_in', source: 'web form' }],
        },
      }),
    );
  }
  for (const [n, product] of [
    'Helios 8 kW inverter',
    'Panel cleaning plan',
  ].entries()) {
    await expectOk(
      herald.api(`/api/records/Order/SO-BRUNO-${n}`, {
        method: 'PUT',
        body: { customerId: 'bruno', fields: { number: `SO-${n}`, product } },
      }),
    );
  }
  await publishShippingFlow(herald);
}
