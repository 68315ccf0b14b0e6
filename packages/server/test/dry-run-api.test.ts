/**
 * POST /api/records/dry-run: Changes worked out and evaluated with the
 * engine, Templates rendered and channels chosen, nothing written; later
 * items see earlier items' effect on the same Record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishShippingFlow, seedBasics } from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald({ worker: false });
  await seedBasics(herald);
  await publishShippingFlow(herald);
});

afterAll(async () => {
  await herald?.stop();
});

const dryRun = (items: unknown[]) =>
  herald.api('/api/records/dry-run', { body: { items } });

async function countRows(table: 'changes' | 'records' | 'deliveries') {
  const row = await herald.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe('POST /api/records/dry-run', () => {
  it('simulates items in order and renders what would be sent', async () => {
    const answer = await dryRun([
      {
        objectType: 'Shipment',
        recordId: 'DRY-1',
        customerId: 'vip-1',
        fields: { status: 'Pending', carrier: 'UPS', trackingNumber: '1Z9' },
      },
      {
        objectType: 'Shipment',
        recordId: 'DRY-1',
        fields: { status: 'Shipped' },
      },
      {
        objectType: 'Shipment',
        recordId: 'DRY-1',
        fields: { status: 'Shipped' },
      },
    ]);

    expect(answer.status).toBe(200);
    expect(answer.body.items).toMatchObject([
      { ok: true, kind: 'create', wouldSend: [] },
      {
        ok: true,
        kind: 'update',
        changedFields: ['status'],
        wouldSend: [
          {
            templateId: 'shipping-update',
            channel: 'sms',
            body: 'Hi Vera, your order shipped with UPS. Tracking: 1Z9.',
          },
        ],
      },
      { ok: true, kind: 'update', unchanged: true, wouldSend: [] },
    ]);
    expect(await countRows('records')).toBe(0);
    expect(await countRows('changes')).toBe(0);
    expect(await countRows('deliveries')).toBe(0);
  });

  it('reports a blocked send with its reason', async () => {
    const answer = await dryRun([
      {
        objectType: 'Shipment',
        recordId: 'DRY-2',
        customerId: 'vip-1',
        fields: { status: 'Shipped', carrier: 'UPS' },
      },
    ]);

    expect(answer.body.items[0].wouldSend).toMatchObject([
      {
        channel: null,
        blocked: expect.stringContaining('HERALD_TEMPLATE_MISSING_VALUE'),
      },
    ]);
  });

  it('answers per item with the error a real write would give', async () => {
    const answer = await dryRun([
      { objectType: 'Shipment', recordId: 'DRY-3', fields: { status: 'Lost' } },
      { objectType: 'Parcel', recordId: 'DRY-3', fields: {} },
      { objectType: 'Shipment', recordId: 'DRY-4', delete: true },
      { objectType: 'Shipment', recordId: 'DRY-5', fields: {} },
    ]);

    expect(answer.body.items.map((item: any) => item.error?.code)).toEqual([
      'HERALD_FIELD_TYPE',
      'HERALD_UNKNOWN_OBJECT_TYPE',
      'HERALD_NOT_FOUND',
      'HERALD_BAD_REQUEST',
    ]);
  });
});
