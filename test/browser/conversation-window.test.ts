/**
 * The 24-hour rule in the agent console's composer, in Chromium against
 * the fake WhatsApp Cloud API and Messenger Send API. A customer whose
 * last WhatsApp message is 30 hours old, or who never wrote on
 * Messenger, gets no free-text box: the composer explains the closed
 * window and lists only the Templates with an approved form. Once the
 * customer writes (a signed webhook from the fake provider), the live
 * stream brings the text box back without a reload, and free text goes
 * out inside the window.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  configureMessenger,
  configureWhatsapp,
} from '../../packages/server/test/channel-test-kit.js';
import {
  MESSENGER_APP_SECRET,
  MESSENGER_PAGE_ID,
  MESSENGER_PAGE_TOKEN,
  MESSENGER_VERIFY_TOKEN,
  startFakeMessenger,
  type FakeMessenger,
} from '../../packages/server/test/fake-providers/fake-messenger.js';
import {
  startFakeWhatsapp,
  WHATSAPP_ACCESS_TOKEN,
  WHATSAPP_APP_SECRET,
  WHATSAPP_PHONE_NUMBER_ID,
  WHATSAPP_VERIFY_TOKEN,
  type FakeWhatsapp,
} from '../../packages/server/test/fake-providers/fake-whatsapp-cloud.js';
import { expectOk } from '../../packages/server/test/fixtures.js';
import {
  eventually,
  type TestHerald,
} from '../../packages/server/test/test-herald.js';
import { screenshotsDir } from '../support/builder-session.js';
import {
  describeInChromium,
  useBuilderSession,
} from '../support/browser-suite.js';

const PASSWORD = 'an agent password';
const WENDY = { id: 'wendy', waId: '14155550141' };
const MAX = { id: 'max', psid: '6100000000000091' };

describeInChromium('the 24-hour rule in the composer', () => {
  const session = useBuilderSession({
    herald: {
      config: { secretKey: 'ef'.repeat(32), signInRateLimit: 1000 },
    },
  });
  let whatsapp: FakeWhatsapp;
  let messenger: FakeMessenger;

  beforeAll(async () => {
    whatsapp = await startFakeWhatsapp();
    messenger = await startFakeMessenger();
    await seed(session.herald, whatsapp, messenger);
  });

  afterAll(async () => {
    await whatsapp?.close();
    await messenger?.close();
  });

  const composer = () => session.page.getByTestId('composer');
  const offeredTemplates = () =>
    session.page
      .getByTestId('template-picker')
      .locator('option:not([value=""])')
      .allInnerTexts();
  const shot = (name: string) =>
    session.page.screenshot({
      path: path.join(screenshotsDir, `conversation-window-${name}.png`),
      fullPage: true,
    });

  it('offers only approved templates, and says why, once the window has closed', async () => {
    await session.page.goto(`${session.herald.url}/#/conversations`);
    await session.page.getByTestId('login-email').fill('agent@example.com');
    await session.page.getByTestId('login-password').fill(PASSWORD);
    await session.page.getByTestId('login-submit').click();
    await session.page.getByTestId('stream-state').getByText('Live').waitFor();
    await session.page.getByTestId('presence-online').click();

    const row = session.page.locator(
      `[data-testid="conversation-row"][data-customer-id="${WENDY.id}"]`,
    );
    await row.click();
    await session.page.getByTestId('conversation-view').waitFor();

    const notice = composer().getByTestId('window-closed');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(
      'WhatsApp takes free text only within 24 hours',
    );
    expect(await notice.innerText()).toContain('The customer last wrote on');
    expect(await composer().getByTestId('composer-text').count()).toBe(0);
    expect(await composer().getByTestId('quick-phrase').count()).toBe(0);
    await expect.poll(offeredTemplates).toEqual(['Order follow-up']);
    expect(await composer().getByTestId('hidden-templates').innerText()).toBe(
      '1 template has no approved WhatsApp form and is not listed.',
    );
    await shot('whatsapp-closed');
  });

  it('sends the approved template as a WhatsApp template message', async () => {
    await session.page
      .getByTestId('template-picker')
      .selectOption('order-follow-up');
    expect(await session.page.getByTestId('template-preview').innerText()).toBe(
      'Hi Wendy, we have news about your order.',
    );
    await session.page.getByTestId('composer-send').click();

    const sent = await eventually(async () =>
      whatsapp.accepted.find((message) => message.waId === WENDY.waId),
    );
    expect(sent).toMatchObject({
      type: 'template',
      template: { name: 'order_follow_up', parameters: ['Wendy'] },
    });
    expect(await composer().getByTestId('composer-text').count()).toBe(0);
  });

  it('brings free text back without a reload when the customer writes', async () => {
    const loadedAt = await session.page.evaluate(() => performance.timeOrigin);
    expect(await whatsapp.receive(WENDY.waId, 'Yes please, tell me more')).toBe(
      200,
    );

    await composer().getByTestId('composer-text').waitFor();
    expect(await composer().getByTestId('window-closed').count()).toBe(0);
    await expect
      .poll(offeredTemplates)
      .toEqual(['Order follow-up', 'Quick hello']);
    expect(await session.page.getByTestId('thread').innerText()).toContain(
      'Yes please, tell me more',
    );
    expect(await session.page.evaluate(() => performance.timeOrigin)).toBe(
      loadedAt,
    );

    await composer()
      .getByTestId('composer-text')
      .fill('It ships tomorrow morning.');
    await session.page.getByTestId('composer-send').click();
    const text = await eventually(async () =>
      whatsapp.accepted.find(
        (message) => message.text === 'It ships tomorrow morning.',
      ),
    );
    expect(text).toMatchObject({ type: 'text', waId: WENDY.waId });
    await shot('whatsapp-open');
  });

  it('starts a Messenger conversation with a tagged template when the customer never wrote', async () => {
    await session.page.getByTestId('start-conversation').click();
    await session.page.getByTestId('start-customer').fill(MAX.id);
    await session.page.getByTestId('start-look-up').click();
    await expect
      .poll(() => session.page.getByTestId('start-channel').inputValue())
      .toBe('messenger');

    const notice = session.page
      .getByTestId('start-form')
      .getByTestId('window-closed');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(
      'The customer has not written on Messenger yet.',
    );
    await expect
      .poll(() => notice.innerText())
      .toContain('1 template has no Messenger message tag and is not listed.');
    expect(await session.page.getByTestId('composer-text').count()).toBe(0);
    await expect.poll(offeredTemplates).toEqual(['Order follow-up']);
    await shot('messenger-start');

    await session.page
      .getByTestId('template-picker')
      .selectOption('order-follow-up');
    await session.page.getByTestId('composer-send').click();
    await session.page.getByTestId('conversation-view').waitFor();
    const sent = await eventually(async () =>
      messenger.accepted.find((message) => message.psid === MAX.psid),
    );
    expect(sent).toMatchObject({
      messagingType: 'MESSAGE_TAG',
      tag: 'POST_PURCHASE_UPDATE',
    });
    await composer().getByTestId('window-closed').waitFor();
    expect(await composer().getByTestId('composer-text').count()).toBe(0);
  });

  it('lets the agent answer a Messenger reply with free text, live', async () => {
    expect(await messenger.receive(MAX.psid, 'What news?')).toBe(200);

    await composer().getByTestId('composer-text').waitFor();
    await composer()
      .getByTestId('composer-text')
      .fill('Your panels arrive on Friday.');
    await session.page.getByTestId('composer-send').click();
    const text = await eventually(async () =>
      messenger.accepted.find(
        (message) => message.text === 'Your panels arrive on Friday.',
      ),
    );
    expect(text).toMatchObject({ messagingType: 'UPDATE', tag: null });
    expect(whatsapp.invalid).toEqual([]);
    expect(messenger.invalid).toEqual([]);
  });

  it('raised no page errors or warnings', () => {
    // Before signing in, the builder asks for the session and gets 401.
    const signInProbe = /status of 401/;
    expect(
      session.problems.filter((problem) => !signInProbe.test(problem)),
    ).toEqual([]);
  });
});

async function seed(
  herald: TestHerald,
  whatsapp: FakeWhatsapp,
  messenger: FakeMessenger,
) {
  whatsapp.webhookUrl = `${herald.url}/webhooks/meta/whatsapp`;
  messenger.webhookUrl = `${herald.url}/webhooks/meta/messenger`;
  await configureWhatsapp(
    herald,
    whatsapp.url,
    {
      accessToken: WHATSAPP_ACCESS_TOKEN,
      appSecret: WHATSAPP_APP_SECRET,
      verifyToken: WHATSAPP_VERIFY_TOKEN,
    },
    WHATSAPP_PHONE_NUMBER_ID,
  );
  await configureMessenger(
    herald,
    messenger.url,
    {
      pageAccessToken: MESSENGER_PAGE_TOKEN,
      appSecret: MESSENGER_APP_SECRET,
      verifyToken: MESSENGER_VERIFY_TOKEN,
    },
    MESSENGER_PAGE_ID,
  );
  await expectOk(
    herald.api('/api/templates/order-follow-up', {
      method: 'PUT',
      body: {
        name: 'Order follow-up',
        body: 'Hi {{ customer.firstName }}, we have news about your order.',
      },
    }),
  );
  await expectOk(
    herald.api('/api/templates/order-follow-up/channel-forms', {
      method: 'PUT',
      body: {
        whatsappTemplate: {
          name: 'order_follow_up',
          language: 'en_US',
          parameters: ['{{ customer.firstName }}'],
        },
        messengerTag: 'POST_PURCHASE_UPDATE',
      },
    }),
  );
  await expectOk(
    herald.api('/api/templates/quick-hello', {
      method: 'PUT',
      body: {
        name: 'Quick hello',
        body: 'Hi {{ customer.firstName }}! Anything we can help with?',
      },
    }),
  );
  await expectOk(
    herald.api('/api/customers/wendy', {
      method: 'PUT',
      body: {
        firstName: 'Wendy',
        tier: 'VIP',
        whatsappId: WENDY.waId,
        preferredChannel: 'whatsapp',
        consent: [{ channel: 'whatsapp', status: 'opt_in', source: 'web' }],
      },
    }),
  );
  await expectOk(
    herald.api('/api/customers/max', {
      method: 'PUT',
      body: {
        firstName: 'Max',
        tier: 'VIP',
        messengerPsid: MAX.psid,
        preferredChannel: 'messenger',
        consent: [{ channel: 'messenger', status: 'opt_in', source: 'web' }],
      },
    }),
  );
  await expectOk(
    herald.api('/api/users', {
      body: { email: 'agent@example.com', role: 'agent', password: PASSWORD },
    }),
  );

  // Wendy wrote on WhatsApp 30 hours ago: her Conversation waits, and
  // the window her message opened has closed.
  expect(await whatsapp.receive(WENDY.waId, 'Is my order coming?')).toBe(200);
  await sql`
    update inbound_messages set received_at = now() - interval '30 hours'
    where customer_id = ${WENDY.id}
  `.execute(herald.db);
  await sql`
    update conversation_messages set created_at = now() - interval '30 hours'
    where conversation_id in
      (select id from conversations where customer_id = ${WENDY.id})
  `.execute(herald.db);
}
