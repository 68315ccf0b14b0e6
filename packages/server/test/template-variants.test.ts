/**
 * Locale variants of a library Template: the Customer's locale picks the
 * body (exact locale, then language, then the default), the published
 * version keeps the variants it was checked with, and a variant with bad
 * Liquid is refused naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectOk,
  publishShippingFlow,
  seedBasics,
  shippingTemplate,
} from './fixtures.js';
import { eventually, startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald();
  await seedBasics(herald);
  await expectOk(
    herald.api('/api/templates/shipping-update', {
      method: 'PUT',
      body: {
        ...shippingTemplate,
        variants: {
          de: 'Hallo {{ customer.firstName }}, Ihr Paket ist mit {{ record.carrier }} unterwegs.',
          'pt-BR': 'Olá {{ customer.firstName }}, seu pedido foi enviado.',
        },
      },
    }),
  );
  await publishShippingFlow(herald);
});

afterAll(async () => {
  await herald?.stop();
});

async function bodySentTo(
  customerId: string,
  locale: string,
  recordId: string,
) {
  await expectOk(
    herald.api(`/api/customers/${customerId}`, {
      method: 'PUT',
      body: {
        firstName: 'Lea',
        tier: 'VIP',
        locale,
        phone: '+14155550177',
        consent: [{ channel: 'sms', status: 'opt_in' }],
        preferredChannel: 'sms',
      },
    }),
  );
  await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: { customerId, fields: { status: 'Pending', carrier: 'DHL' } },
  });
  await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: { fields: { status: 'Shipped', trackingNumber: 'T-9' } },
  });
  const delivery = await eventually(async () => {
    const list = await herald.api(`/api/deliveries?recordId=${recordId}`);
    const [item] = list.body.items;
    return item?.status === 'sent' ? item : undefined;
  });
  return delivery.body as string;
}

describe('template locale variants', () => {
  it('sends the language variant to a de-AT customer', async () => {
    expect(await bodySentTo('de-1', 'de-AT', 'V-1')).toBe(
      'Hallo Lea, Ihr Paket ist mit DHL unterwegs.',
    );
  });

  it('sends the exact variant to a pt-BR customer', async () => {
    expect(await bodySentTo('pt-1', 'pt-BR', 'V-2')).toBe(
      'Olá Lea, seu pedido foi enviado.',
    );
  });

  it('sends the default body to a customer with no variant', async () => {
    expect(await bodySentTo('fr-1', 'fr-FR', 'V-3')).toBe(
      'Hi Lea, your order shipped with DHL. Tracking: T-9.',
    );
  });

  it('refuses a variant whose Liquid does not parse, naming it', async () => {
    const response = await herald.api('/api/templates/broken', {
      method: 'PUT',
      body: { name: 'Broken', body: 'ok', variants: { de: 'Hallo {{' } },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details.field).toBe('variants.de');
  });

  it('lists the variants with the template', async () => {
    const list = await herald.api('/api/templates');
    const template = list.body.items.find(
      (item: any) => item.id === 'shipping-update',
    );
    expect(Object.keys(template.variants).sort()).toEqual(['de', 'pt-BR']);
  });
});
