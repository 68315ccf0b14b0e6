/**
 * The record API: Changes computed from snapshots, and bad input refused
 * with a code and the field at fault, writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald({ worker: false });
  await seedBasics(herald);
});

afterAll(async () => {
  await herald?.stop();
});

const put = (id: string, body: unknown) =>
  herald.api(`/api/records/Shipment/${id}`, { method: 'PUT', body });

async function countChanges() {
  const row = await herald.db
    .selectFrom('changes')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe('PUT /api/records/:objectType/:recordId', () => {
  it('records a create, then an update with only the changed fields', async () => {
    const created = await put('S-1', {
      customerId: 'vip-1',
      fields: { status: 'Pending', carrier: 'UPS', weightKg: '12.5' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      kind: 'create',
      changedFields: ['carrier', 'status', 'weightKg'],
    });
    expect(created.body.changeId).toMatch(/^\d+$/);

    const updated = await put('S-1', {
      fields: { status: 'Shipped', carrier: 'UPS' },
    });
    expect(updated.body).toMatchObject({
      kind: 'update',
      changedFields: ['status'],
    });

    const change = await herald.db
      .selectFrom('changes')
      .selectAll()
      .where('id', '=', updated.body.changeId)
      .executeTakeFirstOrThrow();
    expect(change.prior).toMatchObject({ status: 'Pending', weightKg: 12.5 });
    expect(change.current).toMatchObject({ status: 'Shipped', carrier: 'UPS' });
  });

  it('answers changeId null and adds no job when nothing changed', async () => {
    await put('S-2', { customerId: 'vip-1', fields: { status: 'Pending' } });
    const before = await countChanges();
    const again = await put('S-2', { fields: { status: 'Pending' } });
    expect(again.body).toEqual({
      changeId: null,
      kind: 'update',
      changedFields: [],
    });
    expect(await countChanges()).toBe(before);
  });

  it('queues each change for evaluation and wakes a worker, in the same transaction', async () => {
    const made = await put('S-3', {
      customerId: 'std-1',
      fields: { status: 'Pending' },
    });
    const queued = await herald.pool.query(
      `select change_id from pending_evaluations where change_id = $1`,
      [made.body.changeId],
    );
    expect(queued.rows).toHaveLength(1);
    const wakeUps = await herald.pool.query(
      `select key from graphile_worker.jobs
       where task_identifier = 'evaluate-pending'`,
    );
    expect(wakeUps.rows.length).toBeGreaterThanOrEqual(1);
  });

  it('queues nothing when a refused change rolls back', async () => {
    const before = await herald.pool.query(
      `select count(*)::int as count from pending_evaluations`,
    );
    const refused = await put('S-4', {
      customerId: 'nobody',
      fields: { status: 'Pending' },
    });
    expect(refused.status).toBe(422);
    const after = await herald.pool.query(
      `select count(*)::int as count from pending_evaluations`,
    );
    expect(after.rows[0].count).toBe(before.rows[0].count);
  });

  it('stores money given as a bare number in the field currency', async () => {
    await put('S-4', { customerId: 'vip-1', fields: { value: 99.5 } });
    const record = await herald.api('/api/records/Shipment/S-4');
    expect(record.body.fields.value).toEqual({ amount: 99.5, currency: 'USD' });
  });

  it('refuses a delete of a missing record, naming recordId', async () => {
    const refused = await herald.api('/api/records/Shipment/NEVER-1', {
      method: 'DELETE',
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error).toMatchObject({
      code: 'HERALD_NOT_FOUND',
      details: { field: 'recordId', recordId: 'NEVER-1' },
    });
  });

  it('records a delete Change with the last snapshot as prior', async () => {
    await put('S-5', { customerId: 'vip-1', fields: { status: 'Pending' } });
    const deleted = await herald.api('/api/records/Shipment/S-5', {
      method: 'DELETE',
    });
    expect(deleted.body).toMatchObject({ kind: 'delete' });
    const gone = await herald.api('/api/records/Shipment/S-5');
    expect(gone.status).toBe(404);
  });

  it.each([
    [
      'an unknown field',
      { customerId: 'vip-1', fields: { colour: 'red' } },
      400,
      'HERALD_UNKNOWN_FIELD',
      'colour',
    ],
    [
      'a wrong field type',
      { customerId: 'vip-1', fields: { weightKg: 'heavy' } },
      400,
      'HERALD_FIELD_TYPE',
      'weightKg',
    ],
    [
      'a value outside the picklist',
      { customerId: 'vip-1', fields: { status: 'Lost' } },
      400,
      'HERALD_FIELD_TYPE',
      'status',
    ],
    [
      'an unknown customer',
      { customerId: 'nobody', fields: { status: 'Pending' } },
      422,
      'HERALD_UNKNOWN_CUSTOMER',
      'customerId',
    ],
    [
      'an unknown body property',
      { customerId: 'vip-1', fields: {}, extra: 1 },
      400,
      'HERALD_UNKNOWN_FIELD',
      'extra',
    ],
    [
      'a missing fields object',
      { customerId: 'vip-1' },
      400,
      'HERALD_BAD_REQUEST',
      'fields',
    ],
  ])(
    'refuses %s with its code and field',
    async (_, body, status, code, field) => {
      const before = await countChanges();
      const response = await put('S-bad', body);
      expect(response.status).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.details.field).toBe(field);
      expect(await countChanges()).toBe(before);
    },
  );

  it('refuses an unknown object type with 404', async () => {
    const response = await herald.api('/api/records/Spaceship/X-1', {
      method: 'PUT',
      body: { customerId: 'vip-1', fields: {} },
    });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('HERALD_UNKNOWN_OBJECT_TYPE');
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await herald.api('/api/records/Shipment/S-9', {
      method: 'PUT',
      body: '{"customerId": "vip-1", "fields": {',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('HERALD_MALFORMED_JSON');
  });

  it('refuses an oversized body with 413', async () => {
    const response = await herald.api('/api/records/Shipment/S-9', {
      method: 'PUT',
      body: {
        customerId: 'vip-1',
        fields: { trackingNumber: 'x'.repeat(6e6) },
      },
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('HERALD_BODY_TOO_LARGE');
  });

  it('needs a bearer token', async () => {
    const response = await herald.api('/api/records/Shipment/S-1', {
      token: null,
    });
    expect(response.status).toBe(401);
    const wrong = await herald.api('/api/records/Shipment/S-1', {
      token: 'nope',
    });
    expect(wrong.status).toBe(401);
  });
});

describe('POST /api/records/batch', () => {
  it('answers per item; a bad item does not stop the others', async () => {
    const response = await herald.api('/api/records/batch', {
      body: {
        items: [
          {
            objectType: 'Shipment',
            recordId: 'B-1',
            customerId: 'vip-1',
            fields: { status: 'Pending' },
          },
          {
            objectType: 'Shipment',
            recordId: 'B-2',
            customerId: 'vip-1',
            fields: { nope: 1 },
          },
          { objectType: 'Shipment', recordId: 'B-1', delete: true },
        ],
      },
    });
    expect(response.status).toBe(200);
    const [first, second, third] = response.body.items;
    expect(first).toMatchObject({ ok: true, kind: 'create' });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'HERALD_UNKNOWN_FIELD', details: { field: 'nope' } },
    });
    expect(third).toMatchObject({ ok: true, kind: 'delete' });
  });
});

describe('GET /api/health', () => {
  it('answers without a token and reports the database', async () => {
    const response = await herald.api('/api/health', { token: null });
    expect(response.status).toBe(200);
    expect(response.body.database.ok).toBe(true);
    expect(response.body.worker).toMatchObject({ running: 0 });
  });
});
