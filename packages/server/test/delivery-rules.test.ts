/**
 * The rules around a send: quiet hours defer (urgent ignores them, never
 * consent), the frequency cap blocks the excess, the 24-hour window
 * decides between text and the approved template, invalid numbers fail
 * without retry, and deactivating a Flow cancels what it has not sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ChannelAdapter,
  OutgoingMessage,
} from '../src/channels/channel-adapter.js';
import {
  deliveryOf,
  publishGraph,
  ship,
  shippingGraphWith,
  startChannelHerald,
} from './channel-test-kit.js';
import type { TestHerald } from './test-herald.js';
import type { DeliveryPolicy } from '../src/services/delivery-policy.js';

let herald: TestHerald | undefined;
let sent: OutgoingMessage[] = [];

afterEach(async () => {
  await herald?.stop();
  herald = undefined;
  sent = [];
});

function recorder(sessionWindowHours?: number): ChannelAdapter {
  return {
    name: 'recorder',
    sessionWindowHours,
    async send(message) {
      sent.push(message);
      return { providerMessageId: `rec-${sent.length}`, response: {} };
    },
    reconcile: async () => null,
  };
}

async function start(
  policy: Partial<DeliveryPolicy>,
  channelPolicy: Record<string, unknown>,
) {
  herald = await startChannelHerald({
    channels: { sms: recorder(), whatsapp: recorder(24), webhook: recorder() },
    deliveryPolicy: policy,
  });
  await herald.api('/api/customers/vip-1', {
    method: 'PUT',
    body: {
      whatsappId: '14155550100',
      consent: [{ channel: 'whatsapp', status: 'opt_in', source: 'web form' }],
    },
  });
  return publishGraph(herald, shippingGraphWith(channelPolicy));
}

/** Quiet hours that hold now in UTC. */
function quietNow() {
  const now = new Date();
  const clock = (date: Date) => date.toISOString().slice(11, 16);
  return {
    start: clock(new Date(now.getTime() - 3_600_000)),
    end: clock(new Date(now.getTime() + 3_600_000)),
  };
}

describe('quiet hours', () => {
  it('defers a Delivery to the end of quiet hours and deactivation cancels it', async () => {
    const flowId = await start(
      { quietHours: quietNow() },
      { policy: 'fixed', channel: 'sms' },
    );
    await ship(herald!, 'Q-1');
    const deferred = await deliveryOf(herald!, 'Q-1', ['deferred']);
    expect(deferred.statusReason).toMatch(/^quiet hours in UTC until /);
    const wait = new Date(deferred.sendAt).getTime() - Date.now();
    expect(wait).toBeGreaterThan(3_000_000);
    expect(sent).toEqual([]);

    await herald!.api(`/api/flows/${flowId}/deactivate`, { method: 'POST' });
    const cancelled = await deliveryOf(herald!, 'Q-1', ['cancelled']);
    expect(cancelled.statusReason).toContain('HERALD_FLOW_DEACTIVATED');
  });
});

describe('frequency cap', () => {
  it('blocks sends past the cap per customer and channel in 24 hours', async () => {
    await start({ frequencyCap: 2 }, { policy: 'fixed', channel: 'sms' });
    for (const id of ['C-1', 'C-2']) {
      await ship(herald!, id);
      await deliveryOf(herald!, id, ['sent']);
    }
    await ship(herald!, 'C-3');
    const blocked = await deliveryOf(herald!, 'C-3', ['blocked']);
    expect(blocked.statusReason).toBe('sms: HERALD_FREQUENCY_CAP');
  });
});

describe('the WhatsApp 24-hour window', () => {
  it('sends nothing outside the window without an approved template', async () => {
    await start({}, { policy: 'fixed', channel: 'whatsapp' });
    await ship(herald!, 'W-1');
    const blocked = await deliveryOf(herald!, 'W-1', ['blocked']);
    expect(blocked.statusReason).toBe('whatsapp: HERALD_WINDOW_CLOSED');
  });

  it('sends the approved template outside the window', async () => {
    await start({}, { policy: 'fixed', channel: 'whatsapp' });
    await herald!.api('/api/templates/shipping-update/channel-forms', {
      method: 'PUT',
      body: {
        whatsappTemplate: {
          name: 'shipping_update',
          language: 'en_US',
          parameters: [
            '{{ customer.firstName }}',
            '{{ record.trackingNumber }}',
          ],
        },
      },
    });
    await ship(herald!, 'W-2');
    await deliveryOf(herald!, 'W-2', ['sent']);
    expect(sent[0].form).toEqual({
      kind: 'whatsapp-template',
      name: 'shipping_update',
      language: 'en_US',
      parameters: ['Vera', 'W-2'],
    });
    expect(sent[0].to).toBe('+14155550100');
  });

  it('sends free-form text inside the window the customer opened', async () => {
    await start({}, { policy: 'fixed', channel: 'whatsapp' });
    await herald!.db
      .insertInto('inbound_messages')
      .values({
        customer_id: 'vip-1',
        channel: 'whatsapp',
        from_address: '14155550100',
        provider_message_id: 'wamid.in-1',
        body: 'hello',
        raw: '{}',
        received_at: new Date(Date.now() - 23 * 3_600_000),
      })
      .execute();
    await ship(herald!, 'W-3');
    await deliveryOf(herald!, 'W-3', ['sent']);
    expect(sent[0].form).toEqual({ kind: 'text' });
  });
});

describe('phone numbers', () => {
  it('normalizes to E.164 with the customer country and fails an invalid one', async () => {
    await start({}, { policy: 'fixed', channel: 'sms' });
    await herald!.api('/api/customers/vip-1', {
      method: 'PUT',
      body: { phone: '(415) 555-0100', country: 'US' },
    });
    await ship(herald!, 'P-1');
    await deliveryOf(herald!, 'P-1', ['sent']);
    expect(sent[0].to).toBe('+14155550100');

    await herald!.api('/api/customers/vip-1', {
      method: 'PUT',
      body: { phone: '12', country: 'US' },
    });
    await ship(herald!, 'P-2');
    const failed = await deliveryOf(herald!, 'P-2', ['failed']);
    expect(failed.statusReason).toBe('sms: HERALD_INVALID_ADDRESS');
    expect(
      failed.timeline.filter((entry: any) => entry.kind === 'attempt'),
    ).toEqual([]);
  });
});
