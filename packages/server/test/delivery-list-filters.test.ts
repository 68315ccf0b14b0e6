/**
 * `GET /api/deliveries` filtered by channel and read page by page, newest
 * first: a channel lists the Deliveries that went (or tried to go) out on
 * it, an unknown channel is refused naming `channel`, and `before` (the
 * last Delivery id of a page) continues without overlap even when
 * Deliveries share one creation time.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, publishShippingFlow, seedBasics } from './fixtures.js';
import { eventually, startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;
let flowId: string;

beforeAll(async () => {
  herald = await startTestHerald();
  await seedBasics(herald);
  await addCustomer('wa-1', {
    whatsappId: '14155550111',
    preferredChannel: 'whatsapp',
    consent: [{ channel: 'whatsapp', status: 'opt_in', source: 'web form' }],
  });
  await addCustomer('no-consent-1', {
    phone: '+14155550122',
    preferredChannel: 'sms',
  });
  flowId = await publishShippingFlow(herald);

  await ship('vip-1', 'F-SMS');
  await ship('wa-1', 'F-WA');
  await ship('no-consent-1', 'F-BLOCKED');
  await eventually(async () => {
    const list = await listed(`flowId=${flowId}`);
    const settled = list.every((item: any) =>
      ['sent', 'blocked'].includes(item.status),
    );
    return list.length === 3 && settled;
  });
});

afterAll(async () => {
  await herald?.stop();
});

async function addCustomer(id: string, fields: Record<string, unknown>) {
  await expectOk(
    herald.api(`/api/customers/${id}`, {
      method: 'PUT',
      body: { firstName: id, tier: 'VIP', ...fields },
    }),
  );
}

async function ship(customerId: string, recordId: string) {
  await expectOk(
    herald.api(`/api/records/Shipment/${recordId}`, {
      method: 'PUT',
      body: {
        customerId,
        fields: { status: 'Shipped', carrier: 'UPS', trackingNumber: 'T' },
      },
    }),
  );
}

async function listed(query: string) {
  return (await expectOk(herald.api(`/api/deliveries?${query}`))).items;
}

describe('deliveries list filters', () => {
  it('lists only the deliveries on the asked channel', async () => {
    const whatsapp = await listed('channel=whatsapp');
    expect(whatsapp.map((item: any) => item.recordId)).toEqual(['F-WA']);

    const sms = await listed('channel=sms');
    expect(sms.map((item: any) => item.recordId)).toEqual(['F-SMS']);
    expect(sms[0].attempts[0].channel).toBe('sms');
  });

  it('combines channel with status', async () => {
    expect(await listed('channel=sms&status=blocked')).toEqual([]);

    const blocked = await listed('status=blocked');
    expect(blocked.map((item: any) => item.recordId)).toEqual(['F-BLOCKED']);
    expect(blocked[0].statusReason).toMatch(/^sms: HERALD_NO_CONSENT/);
  });

  it('refuses an unknown channel, naming the field', async () => {
    const answer = await herald.api('/api/deliveries?channel=fax');

    expect(answer.status).toBe(400);
    expect(answer.body.error.details.field).toBe('channel');
  });

  it('pages newest first with before, without overlap on equal times', async () => {
    await sql`update deliveries set created_at = now()`.execute(herald.db);
    const all = await listed('limit=10');
    expect(all).toHaveLength(3);

    const paged: string[] = [];
    let before = '';
    for (let page = 0; page < 4; page += 1) {
      const items = await listed(`limit=1${before}`);
      if (items.length === 0) {
        break;
      }

      paged.push(items[0].id);
      before = `&before=${items[0].id}`;
    }

    expect(paged).toEqual(all.map((item: any) => item.id));
  });

  it('refuses a before cursor naming no delivery', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const answer = await herald.api(`/api/deliveries?before=${unknown}`);

    expect(answer.status).toBe(400);
    expect(answer.body.error.details.field).toBe('before');
  });
});
