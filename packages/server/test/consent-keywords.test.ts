/**
 * Inbound SMS through Twilio's signed webhook: every consent keyword
 * changes Consent at once with one confirmation, HELP answers the help
 * text, and an opt-out blocks the next Delivery.
 */
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureTwilio,
  deliveryOf,
  publishGraph,
  ship,
  shippingGraphWith,
  startChannelHerald,
} from './channel-test-kit.js';
import { eventually, type TestHerald } from './test-herald.js';
import {
  startFakeTwilio,
  TWILIO_AUTH_TOKEN,
  type FakeTwilio,
} from './fake-providers/fake-twilio.js';
import {
  OPT_IN_KEYWORDS,
  OPT_OUT_KEYWORDS,
} from '../src/services/consent-keyword.js';

let herald: TestHerald;
let fake: FakeTwilio;
let sequence = 0;

beforeAll(async () => {
  fake = await startFakeTwilio();
  herald = await startChannelHerald();
  await configureTwilio(herald, fake.url);
  await herald.api('/api/customers/kw-1', {
    method: 'PUT',
    body: {
      firstName: 'Kim',
      tier: 'VIP',
      phone: '+14155550111',
      consent: [{ channel: 'sms', status: 'opt_in', source: 'web form' }],
    },
  });
  await publishGraph(
    herald,
    shippingGraphWith({ policy: 'fixed', channel: 'sms' }),
  );
});

afterAll(async () => {
  await herald?.stop();
  await fake?.close();
});

async function inbound(from: string, body: string, sign = true) {
  sequence += 1;
  const url = `${herald.url}/webhooks/twilio/inbound`;
  const params = {
    MessageSid: `SM${String(sequence).padStart(32, '0')}`,
    AccountSid: `AC${'a1'.repeat(16)}`,
    From: from,
    To: '+14155550199',
    Body: body,
  };
  const signature = twilio.getExpectedTwilioSignature(
    TWILIO_AUTH_TOKEN,
    url,
    params,
  );
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(sign ? { 'x-twilio-signature': signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}

async function smsConsent(customerId: string) {
  const list = await herald.api('/api/customers?limit=100');
  const customer = list.body.items.find((item: any) => item.id === customerId);
  return customer.consent.find((item: any) => item.channel === 'sms')?.status;
}

function repliesTo(number: string) {
  return fake.accepted.filter((message) => message.to === number);
}

describe('consent keywords', () => {
  it.each(OPT_OUT_KEYWORDS.map((word) => [word]))(
    '%s opts out at once with one confirmation, START opts back in',
    async (word) => {
      const before = repliesTo('+14155550111').length;
      const mixed = `  ${word.toLowerCase()} `;
      expect((await inbound('+14155550111', mixed)).status).toBe(200);
      expect(await smsConsent('kw-1')).toBe('opt_out');
      await eventually(
        async () => repliesTo('+14155550111').length === before + 1,
      );

      expect((await inbound('+14155550111', 'START')).status).toBe(200);
      expect(await smsConsent('kw-1')).toBe('opt_in');
      await eventually(
        async () => repliesTo('+14155550111').length === before + 2,
      );
    },
  );

  it.each(OPT_IN_KEYWORDS.map((word) => [word]))(
    '%s opts back in',
    async (word) => {
      await inbound('+14155550111', 'STOP');
      expect(await smsConsent('kw-1')).toBe('opt_out');
      await inbound('+14155550111', word.toLowerCase());
      expect(await smsConsent('kw-1')).toBe('opt_in');
    },
  );

  it('sends no second confirmation for a repeated STOP', async () => {
    await inbound('+14155550111', 'STOP');
    await eventually(async () => {
      const replies = repliesTo('+14155550111');
      return replies.at(-1)?.body.includes('unsubscribed');
    });
    const count = repliesTo('+14155550111').length;
    await inbound('+14155550111', 'STOP');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(repliesTo('+14155550111').length).toBe(count);
    await inbound('+14155550111', 'START');
  });

  it.each([['HELP'], ['info']])('%s answers the help text', async (word) => {
    const before = repliesTo('+14155550111').length;
    await inbound('+14155550111', word);
    const reply = await eventually(
      async () => repliesTo('+14155550111')[before],
    );
    expect(reply.body).toContain('Reply STOP');
  });

  it('stores the inbound message and refuses unsigned ones with 403', async () => {
    expect((await inbound('+14155550111', 'STOP', false)).status).toBe(403);
    expect(await smsConsent('kw-1')).toBe('opt_in');
    const rows = await herald.db
      .selectFrom('inbound_messages')
      .selectAll()
      .where('customer_id', '=', 'kw-1')
      .execute();
    expect(rows.length).toBeGreaterThan(5);
  });

  it('blocks the next Delivery after an opt-out, saying why', async () => {
    await inbound('+14155550111', 'STOP');
    await ship(herald, 'K-1', 'kw-1');
    const blocked = await deliveryOf(herald, 'K-1', ['blocked']);
    expect(blocked.statusReason).toBe('sms: HERALD_CONSENT_OPTED_OUT');
    await inbound('+14155550111', 'START');
  });
});
