/**
 * A Shipment of a VIP Customer becoming Shipped, made through the API, and
 * the check that a given Flow's Delivery for it reached the sandbox outbox.
 */
import { expect } from 'vitest';
import type {
  TestHerald,
  eventually as eventuallyFn,
} from '../../packages/server/test/test-herald.js';

/**
 * Creates a VIP Customer and their Shipment named after `tag`, ships it,
 * and waits for `flowId`'s Delivery to be sent and listed in the outbox.
 */
export async function expectDeliveryInOutbox(
  herald: TestHerald,
  flowId: string,
  tag: string,
  eventually: typeof eventuallyFn,
) {
  const customerId = `browser-${tag}`;
  const recordId = `SHP-BROWSER-${tag}`;
  await herald.api(`/api/customers/${customerId}`, {
    method: 'PUT',
    body: {
      firstName: 'Vera',
      tier: 'VIP',
      phone: '+14155550100',
      preferredChannel: 'sms',
      consent: [{ channel: 'sms', status: 'opt_in', source: 'web form' }],
    },
  });
  await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: {
      customerId,
      fields: { status: 'Packed', carrier: 'UPS', trackingNumber: 'T-1' },
    },
  });
  const shipped = await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: { fields: { status: 'Shipped' } },
  });
  expect(shipped.status).toBeLessThan(300);

  const delivery = await eventually(async () => {
    const list = await herald.api(`/api/deliveries?flowId=${flowId}`);
    const found = (list.body.items as any[]).find(
      (item) => item.recordId === recordId && item.status === 'sent',
    );
    return found;
  });
  const outbox = await herald.api(`/api/outbox?customerId=${customerId}`);
  const message = (outbox.body.items as any[]).find(
    (item) => item.deliveryId === delivery.id,
  );
  expect(message?.body).toContain('UPS');
}
