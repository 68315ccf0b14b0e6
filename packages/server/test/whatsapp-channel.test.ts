/**
 * WhatsApp through a fake Cloud API that validates every request against
 * Meta's OpenAPI description: the approved template outside the 24-hour
 * window and free text inside it, signed status and inbound webhooks and
 * the verification handshake, consent keywords, and retries by error
 * class with failover.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addChannelCustomer,
  attemptsOf,
  configureWhatsapp,
  deliveryOf,
  publishGraph,
  ship,
  shippingGraphWith,
  startChannelHerald,
} from './channel-test-kit.js';
import { eventually, type TestHerald } from './test-herald.js';
import {
  startFakeWhatsapp,
  WHATSAPP_ACCESS_TOKEN,
  WHATSAPP_APP_SECRET,
  WHATSAPP_PHONE_NUMBER_ID,
  WHATSAPP_VERIFY_TOKEN,
  type FakeWhatsapp,
} from './fake-providers/fake-whatsapp-cloud.js';

let herald: TestHerald;
let fake: FakeWhatsapp;

/** Customers by what the test needs: one never writes, one does. */
const SILENT = { id: 'wa-silent', number: '14155550120' };
const TALKER = { id: 'wa-talker', number: '14155550121' };
const QUITTER = { id: 'wa-quitter', number: '14155550122' };

beforeAll(async () => {
  fake = await startFakeWhatsapp();
  herald = await startChannelHerald({ deliveryPolicy: { retryMaxMs: 1000 } });
  fake.webhookUrl = `${herald.url}/webhooks/meta/whatsapp`;
  await configureWhatsapp(
    herald,
    fake.url,
    {
      accessToken: WHATSAPP_ACCESS_TOKEN,
      appSecret: WHATSAPP_APP_SECRET,
      verifyToken: WHATSAPP_VERIFY_TOKEN,
    },
    WHATSAPP_PHONE_NUMBER_ID,
  );
  for (const customer of [SILENT, TALKER, QUITTER]) {
    await addChannelCustomer(herald, customer.id, 'whatsapp', customer.number);
  }
  await herald.api('/api/templates/shipping-update/channel-forms', {
    method: 'PUT',
    body: {
      whatsappTemplate: {
        name: 'shipping_update',
        language: 'en_US',
        parameters: ['{{ customer.firstName }}', '{{ record.trackingNumber }}'],
      },
    },
  });
  await publishGraph(
    herald,
    shippingGraphWith({
      policy: 'fallback',
      channels: ['whatsapp', 'webhook'],
    }),
  );
});

afterAll(async () => {
  await herald?.stop();
  await fake?.close();
});

async function inboundRows(customerId: string) {
  return herald.db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('customer_id', '=', customerId)
    .execute();
}

describe('the 24-hour window', () => {
  it('sends the approved template to a customer who never wrote', async () => {
    await ship(herald, 'WA-OUT', SILENT.id);
    const sent = await deliveryOf(herald, 'WA-OUT', ['sent']);
    expect(sent.channel).toBe('whatsapp');
    const message = fake.accepted.find((item) => item.waId === SILENT.number);
    expect(message).toMatchObject({
      type: 'template',
      template: {
        name: 'shipping_update',
        language: 'en_US',
        parameters: ['Vera', 'WA-OUT'],
      },
      callbackData: `herald:${sent.id}:${attemptsOf(sent)[0].attemptId}`,
    });
    expect(fake.invalid).toEqual([]);
  });

  it('sends free text inside the window a signed inbound message opened', async () => {
    expect(await fake.receive(TALKER.number, 'Where is my parcel?')).toBe(200);
    expect(await inboundRows(TALKER.id)).toMatchObject([
      { channel: 'whatsapp', body: 'Where is my parcel?' },
    ]);

    await ship(herald, 'WA-IN', TALKER.id);
    await deliveryOf(herald, 'WA-IN', ['sent']);
    const message = fake.accepted.find((item) => item.waId === TALKER.number);
    expect(message).toMatchObject({ type: 'text', template: null });
    expect(message!.text).toContain('Tracking: WA-IN');
    expect(fake.invalid).toEqual([]);
  });
});

describe('Meta webhooks', () => {
  it('moves a Delivery to delivered, then read, from signed status webhooks', async () => {
    await ship(herald, 'WA-ST', SILENT.id);
    const sent = await deliveryOf(herald, 'WA-ST', ['sent']);
    const wamid = attemptsOf(sent)[0].providerMessageId;

    expect(await fake.sendStatus(wamid, 'delivered')).toBe(200);
    await deliveryOf(herald, 'WA-ST', ['delivered']);
    expect(await fake.sendStatus(wamid, 'read')).toBe(200);
    const read = await deliveryOf(herald, 'WA-ST', ['read']);
    expect(read.timeline.at(-1)).toMatchObject({ status: 'read' });
  });

  it('moves a Delivery to failed with the provider error of a failed status', async () => {
    await ship(herald, 'WA-FAIL', SILENT.id);
    const sent = await deliveryOf(herald, 'WA-FAIL', ['sent']);
    expect(
      await fake.sendStatus(attemptsOf(sent)[0].providerMessageId, 'failed'),
    ).toBe(200);
    const failed = await deliveryOf(herald, 'WA-FAIL', ['failed']);
    expect(failed.statusReason).toContain('HERALD_PROVIDER_FAILED: 131026');
  });

  it('refuses unsigned and mis-signed webhooks with 403 and stores nothing', async () => {
    await ship(herald, 'WA-SIG', SILENT.id);
    const sent = await deliveryOf(herald, 'WA-SIG', ['sent']);
    const wamid = attemptsOf(sent)[0].providerMessageId;
    const forgeries = [
      { unsigned: true as const },
      { header: `sha256=${'0'.repeat(64)}` },
      { appSecret: 'not-the-app-secret' },
    ];
    for (const signing of forgeries) {
      expect(await fake.sendStatus(wamid, 'delivered', signing)).toBe(403);
      expect(await fake.receive(SILENT.number, 'STOP', signing)).toBe(403);
    }

    const after = await herald.api(`/api/deliveries/${sent.id}`);
    expect(after.body.status).toBe('sent');
    expect(await inboundRows(SILENT.id)).toEqual([]);
  });

  it('answers the verification handshake only for the verify token', async () => {
    const handshake = (token: string) =>
      fetch(
        `${fake.webhookUrl}?hub.mode=subscribe&hub.challenge=1158201444` +
          `&hub.verify_token=${token}`,
      );
    const good = await handshake(WHATSAPP_VERIFY_TOKEN);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    expect((await handshake('guess')).status).toBe(403);
  });
});

describe('consent keywords on WhatsApp', () => {
  it('STOP opts out of WhatsApp at once with one confirmation; nothing more goes there', async () => {
    expect(await fake.receive(QUITTER.number, '  Stop ')).toBe(200);
    const replies = await eventually(async () => {
      const found = fake.accepted.filter(
        (item) => item.waId === QUITTER.number,
      );
      return found.length === 1 ? found : undefined;
    });
    expect(replies[0]).toMatchObject({ type: 'text' });
    expect(replies[0].text).toContain('unsubscribed');

    await ship(herald, 'WA-STOP', QUITTER.id);
    const done = await deliveryOf(herald, 'WA-STOP', ['sent']);
    expect(done.channel).toBe('webhook');
    const sending = done.timeline.find(
      (entry: any) => entry.status === 'sending',
    );
    expect(sending.details.passedOver).toEqual([
      { channel: 'whatsapp', code: 'HERALD_CONSENT_OPTED_OUT' },
    ]);
    expect(
      fake.accepted.filter((item) => item.waId === QUITTER.number),
    ).toHaveLength(1);

    expect(await fake.receive(QUITTER.number, 'START')).toBe(200);
    await eventually(
      async () =>
        fake.accepted.filter((item) => item.waId === QUITTER.number).length ===
        2,
    );
  });
});

describe('errors by class', () => {
  it('retries a 5xx and then sends once', async () => {
    fake.plan.next('server-error');
    await ship(herald, 'WA-5XX', SILENT.id);
    const done = await deliveryOf(herald, 'WA-5XX', ['sent']);
    expect(
      attemptsOf(done).map((entry: any) => [entry.outcome, entry.errorClass]),
    ).toEqual([
      ['failed', 'server'],
      ['accepted', null],
    ]);
    expect(done.retries).toBe(1);
  });

  it('waits after a rate-limit error and then sends', async () => {
    fake.plan.next('rate-limit');
    await ship(herald, 'WA-429', SILENT.id);
    const done = await deliveryOf(herald, 'WA-429', ['sent']);
    const [limited, accepted] = attemptsOf(done);
    expect(limited).toMatchObject({
      errorClass: 'rate_limited',
      errorCode: '130429',
    });
    const gap =
      new Date(accepted.at).getTime() - new Date(limited.finishedAt).getTime();
    expect(gap).toBeGreaterThanOrEqual(900);
  });

  it('fails over at once when Meta says the number cannot be reached', async () => {
    fake.plan.next('invalid-number');
    await ship(herald, 'WA-BAD', SILENT.id);
    const done = await deliveryOf(herald, 'WA-BAD', ['sent']);
    expect(attemptsOf(done)).toMatchObject([
      {
        channel: 'whatsapp',
        outcome: 'failed',
        errorCode: '131026',
        errorClass: 'invalid_address',
      },
      { channel: 'webhook', outcome: 'accepted' },
    ]);
    expect(done.failedChannels).toEqual(['whatsapp']);
    expect(fake.invalid).toEqual([]);
  });
});
