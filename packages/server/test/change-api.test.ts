/**
 * GET /api/changes/:id answers a Change as it was recorded: its kind, the
 * prior and current snapshots and the changed fields, for the simulator
 * to replay; an unknown id is HERALD_CHANGE_NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, seedBasics } from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

describe('GET /api/changes/:id', () => {
  let herald: TestHerald;

  beforeAll(async () => {
    herald = await startTestHerald({ worker: false });
    await seedBasics(herald);
  });

  afterAll(async () => {
    await herald?.stop();
  });

  it('answers an update with its prior and current snapshots', async () => {
    const put = (status: string) =>
      expectOk(
        herald.api('/api/records/Shipment/SHP-77', {
          method: 'PUT',
          body: { customerId: 'vip-1', fields: { status, carrier: 'UPS' } },
        }),
      );
    await put('Pending');
    const update = await put('Shipped');

    const change = await expectOk(
      herald.api(`/api/changes/${update.changeId}`),
    );

    expect(change).toMatchObject({
      id: update.changeId,
      objectType: 'Shipment',
      recordId: 'SHP-77',
      customerId: 'vip-1',
      kind: 'update',
      prior: { status: 'Pending', carrier: 'UPS' },
      current: { status: 'Shipped', carrier: 'UPS' },
      changedFields: ['status'],
    });
  });

  it('refuses an unknown or malformed id', async () => {
    const unknown = await herald.api('/api/changes/999999999');
    const malformed = await herald.api('/api/changes/abc');

    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('HERALD_CHANGE_NOT_FOUND');
    expect(malformed.status).toBe(400);
  });
});
