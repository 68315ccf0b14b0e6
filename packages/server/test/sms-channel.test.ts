/**
 * SMS through a fake Twilio that checks every request against Twilio's
 * OpenAPI description: configuration with write-only secrets, sends,
 * retries by error class, failover, and signed status callbacks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureTwilio,
  deliveryOf,
  publishGraph,
  ship,
  shippingGraphWith,
  startChannelHerald,
} from './channel-test-kit.js';
import { startTestHerald, type TestHerald } from './test-herald.js';
import {
  startFakeTwilio,
  TWILIO_AUTH_TOKEN,
  type FakeTwilio,
} from './fake-providers/fake-twilio.js';

let herald: TestHerald;
let twilio: FakeTwilio;

beforeAll(async () => {
  twilio = await startFakeTwilio();
  herald = await startChannelHerald();
  await configureTwilio(herald, twilio.url, 500);
  await publishGraph(
    herald,
    shippingGraphWith({ policy: 'fallback', channels: ['sms', 'webhook'] }),
  );
});

afterAll(async () => {
  await herald?.stop();
  await twilio?.close();
});

describe('sms channel configuration', () => {
  it('never answers or stores the auth token in clear', async () => {
    const shown = await herald.api('/api/channels/sms');
    expect(shown.body).toMatchObject({
      provider: 'twilio',
      secretsSet: ['authToken'],
    });
    expect(JSON.stringify(shown.body)).not.toContain(TWILIO_AUTH_TOKEN);

    const row = await herald.db
      .selectFrom('channel_configs')
      .selectAll()
      .where('channel', '=', 'sms')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(TWILIO_AUTH_TOKEN);
  });

  it('refuses to store secrets without HERALD_SECRET_KEY', async () => {
    const keyless = await startTestHerald({ worker: false });
    try {
      const response = await keyless.api('/api/channels/sms', {
        method: 'PUT',
        body: {
          provider: 'twilio',
          settings: { accountSid: `AC${'0'.repeat(32)}`, from: '+14155550199' },
          secrets: { authToken: 'x' },
        },
      });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('HERALD_SECRET_KEY_MISSING');
    } finally {
      await keyless.stop();
    }
  });
});

describe('sending through Twilio', () => {
  it('sends a valid request and a status callback marks it delivered', async () => {
    await ship(herald, 'S-OK');
    const sent = await deliveryOf(herald, 'S-OK', ['sent']);
    const message = twilio.accepted.find((item) => item.body.includes('Vera'));
    expect(message).toMatchObject({ to: '+14155550100', from: '+14155550199' });
    expect(twilio.invalid).toEqual([]);
    const attempt = sent.timeline.find(
      (entry: any) => entry.kind === 'attempt',
    );
    expect(attempt).toMatchObject({
      channel: 'sms',
      outcome: 'accepted',
      providerMessageId: message!.sid,
    });

    expect(await twilio.sendStatus(message!.sid, 'delivered')).toBe(204);
    const delivered = await deliveryOf(herald, 'S-OK', ['delivered']);
    expect(delivered.timeline.at(-1)).toMatchObject({ status: 'delivered' });
  });

  it('refuses a mis-signed status callback with 403 and changes nothing', async () => {
    await ship(herald, 'S-SIG');
    const sent = await deliveryOf(herald, 'S-SIG', ['sent']);
    const attempt = sent.timeline.find(
      (entry: any) => entry.kind === 'attempt',
    );
    const url =
      `${herald.url}/webhooks/twilio/status?deliveryId=${sent.id}` +
      `&attemptId=${attempt.attemptId}`;
    const body = new URLSearchParams({
      MessageSid: attempt.providerMessageId,
      MessageStatus: 'delivered',
    }).toString();
    for (const signature of [undefined, 'bm90IGEgc2lnbmF0dXJl']) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(signature ? { 'x-twilio-signature': signature } : {}),
        },
        body,
      });
      expect(response.status).toBe(403);
    }

    const after = await herald.api(`/api/deliveries/${sent.id}`);
    expect(after.body.status).toBe('sent');
  });

  it('fails over at once on an invalid number, with Twilio code and message', async () => {
    twilio.plan.next('invalid-number');
    await ship(herald, 'S-BAD');
    const done = await deliveryOf(herald, 'S-BAD', ['sent']);
    const attempts = done.timeline.filter(
      (entry: any) => entry.kind === 'attempt',
    );
    expect(attempts).toMatchObject([
      {
        channel: 'sms',
        outcome: 'failed',
        errorCode: '21211',
        errorClass: 'invalid_address',
      },
      { channel: 'webhook', outcome: 'accepted' },
    ]);
    expect(done.failedChannels).toEqual(['sms']);
    const failover = done.timeline.find(
      (entry: any) =>
        entry.kind === 'status' && entry.reason?.includes('21211'),
    );
    expect(failover.reason).toContain('HERALD_INVALID_ADDRESS on sms');
  });

  it('retries a 5xx with backoff and then sends once', async () => {
    twilio.plan.next('server-error');
    await ship(herald, 'S-5XX');
    const done = await deliveryOf(herald, 'S-5XX', ['sent']);
    const attempts = done.timeline.filter(
      (entry: any) => entry.kind === 'attempt',
    );
    expect(
      attempts.map((entry: any) => [entry.outcome, entry.errorClass]),
    ).toEqual([
      ['failed', 'server'],
      ['accepted', null],
    ]);
    expect(done.retries).toBe(1);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    twilio.plan.next('rate-limit');
    await ship(herald, 'S-429');
    const done = await deliveryOf(herald, 'S-429', ['sent']);
    const attempts = done.timeline.filter(
      (entry: any) => entry.kind === 'attempt',
    );
    expect(attempts[0]).toMatchObject({ errorClass: 'rate_limited' });
    const gap =
      new Date(attempts[1].at).getTime() -
      new Date(attempts[0].finishedAt).getTime();
    expect(gap).toBeGreaterThanOrEqual(900);
  });

  it('retries a timeout only after asking Twilio whether it arrived', async () => {
    twilio.plan.next('timeout');
    await ship(herald, 'S-TIME');
    const done = await deliveryOf(herald, 'S-TIME', ['sent']);
    const attempts = done.timeline.filter(
      (entry: any) => entry.kind === 'attempt',
    );
    expect(attempts.map((entry: any) => entry.errorClass)).toEqual([
      'timeout',
      null,
    ]);
    expect(twilio.invalid).toEqual([]);
  });

  it('fails over after the retry limit of 5xx answers', async () => {
    twilio.plan.next('server-error', 'server-error', 'server-error');
    await ship(herald, 'S-DOWN');
    const done = await deliveryOf(herald, 'S-DOWN', ['sent']);
    const attempts = done.timeline.filter(
      (entry: any) => entry.kind === 'attempt',
    );
    expect(attempts.map((entry: any) => entry.channel)).toEqual([
      'sms',
      'sms',
      'sms',
      'webhook',
    ]);
    expect(done.failedChannels).toEqual(['sms']);
  });
});
