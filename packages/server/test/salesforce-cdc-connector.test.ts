/**
 * The Salesforce CDC connector end to end: mappings, the shipped example
 * events replayed in order, per-event answers, gap recording, and refusals
 * naming the entity or field at fault.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { expectOk } from './fixtures.js';
import { eventually, startTestHerald, type TestHerald } from './test-herald.js';

const examplesDir = path.join(repoRoot, 'examples', 'salesforce-cdc');
const example = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(examplesDir, name), 'utf8'));

let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald({ demo: true });
  const mappings = example('mappings.json') as Record<string, unknown>;
  for (const [entity, mapping] of Object.entries(mappings)) {
    await expectOk(
      herald.api(`/api/connectors/salesforce-cdc/mappings/${entity}`, {
        method: 'PUT',
        body: mapping,
      }),
    );
  }
});

afterAll(async () => {
  await herald?.stop();
});

const post = (body: unknown) =>
  herald.api('/api/connectors/salesforce-cdc', { body });

describe('mappings', () => {
  it('lists the stored mappings by entity', async () => {
    const { body } = await herald.api(
      '/api/connectors/salesforce-cdc/mappings',
    );
    expect(body.items.map((item: any) => item.entity)).toEqual([
      'Case',
      'Order',
      'ServiceAppointment',
      'Shipment__c',
    ]);
    expect(body.items[3]).toMatchObject({
      objectType: 'Shipment',
      customerField: 'Herald_Customer_Id__c',
      unmappedFields: 'ignore',
    });
  });

  it('refuses a target field the object type lacks', async () => {
    const answer = await herald.api(
      '/api/connectors/salesforce-cdc/mappings/Order',
      {
        method: 'PUT',
        body: { objectType: 'Order', fields: { Foo__c: 'nope' } },
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_UNKNOWN_FIELD',
      details: { fields: ['nope'] },
    });
  });
});

describe('POST /api/connectors/salesforce-cdc', () => {
  it('replays the example events into Changes and demo Deliveries', async () => {
    const created = await post(example('02-shipment-create.cometd.json'));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      outcome: 'applied',
      objectType: 'Shipment',
      records: [{ recordId: 'a0B5g00000Hq7TbEAJ', ok: true, kind: 'create' }],
      ignoredFields: expect.arrayContaining(['Warehouse__c']),
    });

    const shipped = await post(example('03-shipment-shipped.pubsub.json'));
    expect(shipped.body.records).toEqual([
      {
        recordId: 'a0B5g00000Hq7TbEAJ',
        ok: true,
        changeId: expect.any(String),
        kind: 'update',
        changedFields: ['shippedAt', 'status'],
      },
    ]);

    const record = await herald.api('/api/records/Shipment/a0B5g00000Hq7TbEAJ');
    expect(record.body).toMatchObject({
      customerId: 'cust-010',
      fields: {
        status: 'Shipped',
        carrier: 'UPS',
        shippedAt: new Date(1780045200000).toISOString(),
      },
    });

    const delivery = await eventually(async () => {
      const { body } = await herald.api(
        '/api/deliveries?recordId=a0B5g00000Hq7TbEAJ',
      );
      return body.items.find((item: any) => item.status === 'sent');
    });
    expect(delivery.body).toContain('1Z48213999');
  });

  it('answers a batch per event and applies one Change per record id', async () => {
    const created = await post(example('04-cases-create.cometd.json'));
    expect(created.body.items).toHaveLength(2);
    expect(created.body.items.every((item: any) => item.ok)).toBe(true);

    const updated = await post(example('05-cases-in-progress.cometd.json'));
    expect(updated.body.records).toMatchObject([
      { recordId: '5005g00000RtY1aAAF', ok: true, changedFields: ['status'] },
      { recordId: '5005g00000RtY1bAAF', ok: true, changedFields: ['status'] },
    ]);
  });

  it('answers a repeated event as unchanged', async () => {
    const again = await post(example('05-cases-in-progress.cometd.json'));
    expect(again.body.records).toMatchObject([
      { ok: true, changeId: null },
      { ok: true, changeId: null },
    ]);
  });

  it('clears nulled fields and flattens compound fields', async () => {
    await expectOk(post(example('06-appointment-create.pubsub.json')));
    await expectOk(post(example('07-appointment-rescheduled.pubsub.json')));
    const record = await herald.api(
      '/api/records/Appointment/08p5g000001XkQzAAK',
    );
    expect(record.body.fields).toEqual({
      status: 'Rescheduled',
      kind: 'Installation',
      address: '112 Sunny Lane',
      customerId: 'cust-010',
    });
  });

  it('records a gap event without touching records', async () => {
    const gap = await post(example('08-shipment-gap-update.pubsub.json'));
    expect(gap.body).toMatchObject({
      outcome: 'recorded',
      reason: 'gap',
      recordIds: ['a0B5g00000Hq7TbEAJ', 'a0B5g00000Hq7TcEAJ'],
    });

    const { body } = await herald.api('/api/connectors/salesforce-cdc/events');
    expect(body.items[0]).toMatchObject({
      entity: 'Shipment__c',
      changeType: 'GAP_UPDATE',
      commitTimestamp: new Date(1780070400000).toISOString(),
    });
  });

  it('deletes, and answers a repeated delete as unchanged', async () => {
    await expectOk(post(example('01-order-create.cometd.json')));
    const deleted = await post(example('09-order-delete.cometd.json'));
    expect(deleted.body.records).toMatchObject([{ ok: true, kind: 'delete' }]);
    expect(deleted.body.records[0].changeId).toEqual(expect.any(String));

    const again = await post(example('09-order-delete.cometd.json'));
    expect(again.body.records).toMatchObject([{ ok: true, changeId: null }]);
  });

  it('refuses an unmapped entity with 422 naming it', async () => {
    const event = example('09-order-delete.cometd.json');
    event.data.payload.ChangeEventHeader.entityName = 'Lead';
    const answer = await post(event);
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_CONNECTOR_UNKNOWN_ENTITY',
      details: { entity: 'Lead' },
    });
  });

  it('refuses a malformed event with 400 naming the field', async () => {
    const event = example('03-shipment-shipped.pubsub.json');
    event.ChangeEventHeader.changeType = 'MERGE';
    const answer = await post(event);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_CONNECTOR_MALFORMED_EVENT',
      details: { field: 'ChangeEventHeader.changeType' },
    });
  });

  it('answers per record when one record of an event is refused', async () => {
    const event = example('05-cases-in-progress.cometd.json');
    event.data.payload.ChangeEventHeader.recordIds = [
      '5005g00000RtY1aAAF',
      '5005g00000Unknown',
    ];
    event.data.payload.Status = 'Closed';
    const answer = await post({ events: [event, { nope: true }] });
    expect(answer.status).toBe(200);
    expect(answer.body.items[0].records).toMatchObject([
      { recordId: '5005g00000RtY1aAAF', ok: true },
      { recordId: '5005g00000Unknown', ok: false },
    ]);
    expect(answer.body.items[1]).toMatchObject({
      ok: false,
      error: { code: 'HERALD_CONNECTOR_MALFORMED_EVENT' },
    });
  });
});

describe('out-of-range times and oversized events', () => {
  const shipped = () => example('03-shipment-shipped.pubsub.json');

  it('refuses commitTimestamp 9000000000000000 for that event only', async () => {
    const late = shipped();
    late.ChangeEventHeader.commitTimestamp = 9_000_000_000_000_000;
    const answer = await post({ events: [shipped(), late] });
    expect(answer.status).toBe(200);
    expect(answer.body.items[0]).toMatchObject({ ok: true });
    expect(answer.body.items[1]).toMatchObject({
      ok: false,
      error: {
        code: 'HERALD_CONNECTOR_MALFORMED_EVENT',
        details: { field: 'ChangeEventHeader.commitTimestamp' },
      },
    });
  });

  it.each([-1e17, 1e300])(
    'refuses a datetime field sent as epoch %d as HERALD_FIELD_TYPE',
    async (epoch) => {
      const event = shipped();
      event.Shipped_At__c = epoch;
      const answer = await post({ events: [shipped(), event] });
      expect(answer.status).toBe(200);
      expect(answer.body.items[0]).toMatchObject({ ok: true });
      expect(answer.body.items[1].records).toMatchObject([
        {
          ok: false,
          error: { code: 'HERALD_FIELD_TYPE', details: { field: 'shippedAt' } },
        },
      ]);
    },
  );

  it('refuses an event naming 1,001 record ids', async () => {
    const event = shipped();
    event.ChangeEventHeader.recordIds = Array.from(
      { length: 1001 },
      (_, index) => `a0B5g00000X${String(index).padStart(5, '0')}`,
    );
    const answer = await post(event);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_CONNECTOR_MALFORMED_EVENT',
      details: { field: 'ChangeEventHeader.recordIds' },
    });
  });

  it('refuses a batch naming 6,000 record ids in all, applying none', async () => {
    const events = Array.from({ length: 6 }, (_, batch) => {
      const event = shipped();
      event.ChangeEventHeader.recordIds = Array.from(
        { length: 1000 },
        (_, index) => `a0B5g0000${batch}X${String(index).padStart(5, '0')}`,
      );
      return event;
    });
    const answer = await post({ events });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'HERALD_CONNECTOR_MALFORMED_EVENT',
      details: { field: 'events', recordIds: 6000 },
    });
    const record = await herald.api('/api/records/Shipment/a0B5g00000X00000');
    expect(record.status).toBe(404);
  });
});
