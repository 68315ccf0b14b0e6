/**
 * "Send a test" of a library Template: rendered strictly in the chosen
 * locale variant for the sample Customer and Record, sent through the
 * channel's adapter (the sandbox when the channel is not configured) to
 * the caller's own test recipient and never to the Customer, stored as a
 * Delivery marked as a test, audited; bad input names the field at fault.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signInAs,
  TEST_PASSWORD,
  type SessionClient,
} from './access-client.js';
import { configureTwilio, startChannelHerald } from './channel-test-kit.js';
import {
  startFakeTwilio,
  type FakeTwilio,
} from './fake-providers/fake-twilio.js';
import { expectOk, shippingTemplate } from './fixtures.js';
import type { TestHerald } from './test-herald.js';

let herald: TestHerald;
let twilio: FakeTwilio;

const sample = {
  customerId: 'vip-1',
  objectType: 'Shipment',
  record: { status: 'Shipped', carrier: 'DHL', trackingNumber: 'T-42' },
};

beforeAll(async () => {
  twilio = await startFakeTwilio();
  herald = await startChannelHerald({ worker: false });
  await expectOk(
    herald.api('/api/templates/shipping-update', {
      method: 'PUT',
      body: {
        ...shippingTemplate,
        variants: {
          de: 'Hallo {{ customer.firstName }}, {{ record.carrier }}.',
        },
      },
    }),
  );
});

afterAll(async () => {
  await herald?.stop();
  await twilio?.close();
});

function testSend(body: unknown, token?: string) {
  return herald.api('/api/templates/shipping-update/test-send', {
    body,
    token,
  });
}

function setRecipient(body: unknown) {
  return herald.api('/api/me/test-recipient', { method: 'PUT', body });
}

describe('test recipient', () => {
  it('refuses a test send before a test recipient is set', async () => {
    expect((await herald.api('/api/me/test-recipient')).body).toEqual({
      testRecipient: null,
    });

    const response = await testSend(sample);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: 'HERALD_TEST_RECIPIENT_MISSING',
      details: { field: 'testRecipient' },
    });
  });

  it('refuses a number that cannot exist, naming the field', async () => {
    const response = await setRecipient({ channel: 'sms', phone: '+1 555' });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'HERALD_TEST_RECIPIENT_INVALID',
      details: { field: 'phone' },
    });
  });

  it('refuses Messenger without a PSID', async () => {
    const response = await setRecipient({
      channel: 'messenger',
      phone: '+14155550123',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details.field).toBe('messengerPsid');
  });

  it('stores the number in E.164', async () => {
    const stored = await expectOk(
      setRecipient({ channel: 'whatsapp', phone: '+1 (415) 555-0123' }),
    );
    expect(stored.testRecipient).toEqual({
      channel: 'whatsapp',
      phone: '+14155550123',
      messengerPsid: null,
    });
  });
});

describe('send a test through the sandbox', () => {
  it('sends the de variant to the test number, never the customer', async () => {
    const sent = await expectOk(testSend({ ...sample, locale: 'de' }));
    expect(sent).toMatchObject({
      channel: 'whatsapp',
      adapter: 'sandbox',
      to: '+14155550123',
      body: 'Hallo Vera, DHL.',
      status: 'sent',
    });

    const outbox = await expectOk(herald.api('/api/outbox'));
    const message = outbox.items.find(
      (item: any) => item.deliveryId === sent.deliveryId,
    );
    expect(message).toMatchObject({
      toAddress: '+14155550123',
      body: 'Hallo Vera, DHL.',
      isTest: true,
      testRequestedBy: 'bootstrap admin token',
    });
    // The sample customer's own number got nothing.
    const toCustomer = outbox.items.filter(
      (item: any) => item.toAddress === '+14155550100',
    );
    expect(toCustomer).toEqual([]);

    const deliveries = await expectOk(
      herald.api('/api/deliveries?customerId=vip-1'),
    );
    const delivery = deliveries.items.find(
      (item: any) => item.id === sent.deliveryId,
    );
    expect(delivery).toMatchObject({ isTest: true, status: 'sent' });
    expect(delivery.attempts).toHaveLength(1);
  });

  it('lets the customer locale pick the variant when none is named', async () => {
    const sent = await expectOk(testSend(sample));
    expect(sent.body).toBe(
      'Hi Vera, your order shipped with DHL. Tracking: T-42.',
    );
  });

  it('audits the test send', async () => {
    const audit = await expectOk(
      herald.api('/api/audit?action=template.test-send'),
    );
    expect(audit.items.length).toBeGreaterThanOrEqual(2);
    expect(audit.items[0]).toMatchObject({
      action: 'template.test-send',
      subjectType: 'template',
      subjectId: 'shipping-update',
    });
    expect(JSON.stringify(audit.items)).not.toContain('+14155550123');
  });

  it('refuses text that does not render, naming the field', async () => {
    const response = await testSend({
      ...sample,
      body: 'Hi {{ record.nope }}',
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'HERALD_TEST_SEND_RENDER',
      details: { field: 'body' },
    });
  });

  it('refuses an unknown objectType, naming the field', async () => {
    const response = await testSend({ ...sample, objectType: 'Spaceship' });
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({
      code: 'HERALD_UNKNOWN_OBJECT_TYPE',
      details: { field: 'objectType', objectType: 'Spaceship' },
    });
  });

  it('refuses a record field holding an object instead of "[object Object]"', async () => {
    const response = await testSend({
      ...sample,
      record: { ...sample.record, carrier: { name: 'DHL' } },
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'HERALD_TEST_SEND_RENDER',
      details: { field: 'body', mergeField: 'record.carrier' },
    });
    expect(response.body.error.message).toContain('record.carrier');
  });

  it('refuses an unknown customer and variant, naming each', async () => {
    const customer = await testSend({ ...sample, customerId: 'nobody' });
    expect(customer.status).toBe(422);
    expect(customer.body.error.details.field).toBe('customerId');

    const variant = await testSend({ ...sample, locale: 'fr' });
    expect(variant.status).toBe(404);
    expect(variant.body.error.details.field).toBe('locale');
  });
});

describe('who may send a test', () => {
  let business: SessionClient;

  beforeAll(async () => {
    for (const [email, role] of [
      ['biz@example.com', 'business'],
      ['agent@example.com', 'agent'],
    ]) {
      await expectOk(
        herald.api('/api/users', {
          body: { email, role, password: TEST_PASSWORD },
        }),
      );
    }
    business = await signInAs(herald, 'biz@example.com');
    await business.call('/api/me/test-recipient', {
      method: 'PUT',
      body: { channel: 'sms', phone: '+14155550124' },
    });
  });

  it('lets a business user test the library text to themselves', async () => {
    const sent = await business.call(
      '/api/templates/shipping-update/test-send',
      { method: 'POST', body: sample },
    );
    expect(sent.status).toBe(201);
    expect(sent.body.to).toBe('+14155550124');
  });

  it('refuses a business user text of their own', async () => {
    const sent = await business.call(
      '/api/templates/shipping-update/test-send',
      { method: 'POST', body: { ...sample, body: 'Buy now!' } },
    );
    expect(sent.status).toBe(403);
    expect(sent.body.error.details.field).toBe('body');
  });

  it('refuses agents', async () => {
    const agent = await signInAs(herald, 'agent@example.com');
    const sent = await agent.call('/api/templates/shipping-update/test-send', {
      method: 'POST',
      body: sample,
    });
    expect(sent.status).toBe(403);
  });
});

describe('send a test through a configured provider', () => {
  beforeAll(async () => {
    await configureTwilio(herald, twilio.url, 500);
    await expectOk(setRecipient({ channel: 'sms', phone: '+14155550123' }));
    // The API checks stored channel configuration every 2 s.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
  });

  it('hands the message to Twilio for the test number', async () => {
    const sent = await expectOk(testSend({ ...sample, locale: null }));
    expect(sent).toMatchObject({ adapter: 'twilio', to: '+14155550123' });
    const accepted = twilio.accepted.at(-1)!;
    expect(accepted).toMatchObject({
      to: '+14155550123',
      body: 'Hi Vera, your order shipped with DHL. Tracking: T-42.',
      deliveryId: sent.deliveryId,
    });
    expect(twilio.invalid).toEqual([]);
  });

  it('answers the provider refusal with its code, and fails the delivery', async () => {
    twilio.plan.next('invalid-number');
    const response = await testSend(sample);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'HERALD_TEST_SEND_REJECTED',
      details: { field: 'phone', providerCode: '21211' },
    });

    const failed = await herald.db
      .selectFrom('deliveries')
      .select(['status', 'status_reason'])
      .where('is_test', '=', true)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(failed.status_reason).toContain('HERALD_INVALID_ADDRESS');
  });
});
