/**
 * Messenger through a fake Send API that checks every request as Meta's
 * Send API reference documents it: a standard UPDATE inside 24 hours of
 * the person's last message, only an allowed message tag outside it,
 * signed delivery, read and inbound webhooks and the verification handshake,
 * and retries by error class with failover.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addChannelCustomer,
  attemptsOf,
  configureMessenger,
  deliveryOf,
  publishGraph,
  ship,
  shippingGraphWith,
  startChannelHerald,
} from './channel-test-kit.js';
import type { TestHerald } from './test-herald.js';
import {
  MESSENGER_APP_SECRET,
  MESSENGER_PAGE_ID,
  MESSENGER_PAGE_TOKEN,
  MESSENGER_VERIFY_TOKEN,
  startFakeMessenger,
  type FakeMessenger,
} from './fake-providers/fake-messenger.js';

let herald: TestHerald;
let fake: FakeMessenger;

const SILENT = { id: 'fb-silent', psid: '6100000000000001' };
const TALKER = { id: 'fb-talker', psid: '6100000000000002' };

beforeAll(async () => {
  fake = await startFakeMessenger();
  herald = await startChannelHerald({ deliveryPolicy: { retryMaxMs: 1000 } });
  fake.webhookUrl = `${herald.url}/webhooks/meta/messenger`;
  await configureMessenger(
    herald,
    fake.url,
    {
      pageAccessToken: MESSENGER_PAGE_TOKEN,
      appSecret: MESSENGER_APP_SECRET,
      verifyToken: MESSENGER_VERIFY_TOKEN,
    },
    MESSENGER_PAGE_ID,
  );
  for (const customer of [SILENT, TALKER]) {
    await addChannelCustomer(herald, customer.id, 'messenger', customer.psid);
  }
  await publishGraph(
    herald,
    shippingGraphWith({
      policy: 'fallback',
      channels: ['messenger', 'webhook'],
    }),
  );
});

afterAll(async () => {
  await herald?.stop();
  await fake?.close();
});

function setMessengerTag(tag: string | null) {
  return herald.api('/api/templates/shipping-update/channel-forms', {
    method: 'PUT',
    body: { messengerTag: tag },
  });
}

function sentTo(psid: string) {
  return fake.accepted.filter((item) => item.psid === psid);
}

describe('the 24-hour window', () => {
  it('sends nothing to Messenger outside the window when the template has no tag', async () => {
    await ship(herald, 'FB-NOTAG', SILENT.id);
    const done = await deliveryOf(herald, 'FB-NOTAG', ['sent']);
    expect(done.channel).toBe('webhook');
    const sending = done.timeline.find(
      (entry: any) => entry.status === 'sending',
    );
    expect(sending.details.passedOver).toEqual([
      { channel: 'messenger', code: 'HERALD_WINDOW_CLOSED' },
    ]);
    expect(sentTo(SILENT.psid)).toEqual([]);
  });

  it("sends outside the window with the template's message tag", async () => {
    expect((await setMessengerTag('POST_PURCHASE_UPDATE')).status).toBe(200);
    await ship(herald, 'FB-TAG', SILENT.id);
    const done = await deliveryOf(herald, 'FB-TAG', ['sent']);
    expect(done.channel).toBe('messenger');
    expect(sentTo(SILENT.psid)).toMatchObject([
      {
        messagingType: 'MESSAGE_TAG',
        tag: 'POST_PURCHASE_UPDATE',
        metadata: `herald:${done.id}:${attemptsOf(done)[0].attemptId}`,
      },
    ]);
    expect(fake.invalid).toEqual([]);
    await setMessengerTag(null);
  });

  it('sends a standard UPDATE inside the window a signed inbound message opened', async () => {
    expect(await fake.receive(TALKER.psid, 'Is my order on its way?')).toBe(
      200,
    );
    const stored = await herald.db
      .selectFrom('inbound_messages')
      .selectAll()
      .where('customer_id', '=', TALKER.id)
      .execute();
    expect(stored).toMatchObject([
      { channel: 'messenger', body: 'Is my order on its way?' },
    ]);

    await ship(herald, 'FB-IN', TALKER.id);
    await deliveryOf(herald, 'FB-IN', ['sent']);
    const [message] = sentTo(TALKER.psid);
    expect(message).toMatchObject({ messagingType: 'UPDATE', tag: null });
    expect(message.text).toContain('Tracking: FB-IN');
    expect(fake.invalid).toEqual([]);
  });
});

describe('Meta webhooks', () => {
  it('moves a Delivery to delivered from a signed message_deliveries event', async () => {
    await ship(herald, 'FB-DLV', TALKER.id);
    const sent = await deliveryOf(herald, 'FB-DLV', ['sent']);
    const mid = attemptsOf(sent)[0].providerMessageId;

    expect(await fake.sendDelivery([mid], { unsigned: true })).toBe(403);
    expect(await fake.sendDelivery([mid], { appSecret: 'wrong' })).toBe(403);
    expect((await herald.api(`/api/deliveries/${sent.id}`)).body.status).toBe(
      'sent',
    );

    expect(await fake.sendDelivery([mid])).toBe(200);
    const delivered = await deliveryOf(herald, 'FB-DLV', ['delivered']);
    expect(delivered.timeline.at(-1)).toMatchObject({ status: 'delivered' });
  });

  it('moves Deliveries sent before a signed read watermark to read', async () => {
    await ship(herald, 'FB-READ-1', TALKER.id);
    const first = await deliveryOf(herald, 'FB-READ-1', ['sent']);
    const watermark = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await ship(herald, 'FB-READ-2', TALKER.id);
    const second = await deliveryOf(herald, 'FB-READ-2', ['sent']);

    expect(
      await fake.sendRead(TALKER.psid, watermark, { unsigned: true }),
    ).toBe(403);
    expect(await fake.sendRead(TALKER.psid, watermark)).toBe(200);
    const read = await deliveryOf(herald, 'FB-READ-1', ['read']);
    expect(read.timeline.at(-1)).toMatchObject({ status: 'read' });
    expect((await herald.api(`/api/deliveries/${second.id}`)).body.status).toBe(
      'sent',
    );
    expect(first.id).not.toBe(second.id);
  });

  it('refuses a mis-signed inbound message with 403 and stores nothing', async () => {
    const forged = { header: `sha256=${'f'.repeat(64)}` };
    expect(await fake.receive(SILENT.psid, 'STOP', forged)).toBe(403);
    const stored = await herald.db
      .selectFrom('inbound_messages')
      .selectAll()
      .where('customer_id', '=', SILENT.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('answers the verification handshake only for the verify token', async () => {
    const handshake = (token: string) =>
      fetch(
        `${fake.webhookUrl}?hub.mode=subscribe&hub.challenge=CHALLENGE_ACCEPTED` +
          `&hub.verify_token=${token}`,
      );
    const good = await handshake(MESSENGER_VERIFY_TOKEN);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('CHALLENGE_ACCEPTED');
    expect((await handshake(MESSENGER_APP_SECRET)).status).toBe(403);
  });
});

describe('errors by class', () => {
  it('retries a 5xx and then sends once', async () => {
    fake.plan.next('server-error');
    await ship(herald, 'FB-5XX', TALKER.id);
    const done = await deliveryOf(herald, 'FB-5XX', ['sent']);
    expect(
      attemptsOf(done).map((entry: any) => [entry.outcome, entry.errorClass]),
    ).toEqual([
      ['failed', 'server'],
      ['accepted', null],
    ]);
  });

  it('waits after a rate-limit error and then sends', async () => {
    fake.plan.next('rate-limit');
    await ship(herald, 'FB-429', TALKER.id);
    const done = await deliveryOf(herald, 'FB-429', ['sent']);
    const [limited, accepted] = attemptsOf(done);
    expect(limited).toMatchObject({
      errorClass: 'rate_limited',
      errorCode: '4',
    });
    const gap =
      new Date(accepted.at).getTime() - new Date(limited.finishedAt).getTime();
    expect(gap).toBeGreaterThanOrEqual(900);
  });

  it('fails over at once when no person matches the PSID', async () => {
    fake.plan.next('invalid-number');
    await ship(herald, 'FB-BAD', TALKER.id);
    const done = await deliveryOf(herald, 'FB-BAD', ['sent']);
    expect(attemptsOf(done)).toMatchObject([
      {
        channel: 'messenger',
        outcome: 'failed',
        errorCode: '100',
        errorClass: 'invalid_address',
      },
      { channel: 'webhook', outcome: 'accepted' },
    ]);
    expect(done.failedChannels).toEqual(['messenger']);
    expect(fake.invalid).toEqual([]);
  });
});
