/**
 * The run history lists Runs newest Change first, whatever order the
 * workers evaluated the Changes in (batches run side by side, so a later
 * Change's Run can be written first).
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateStoredChanges } from '../src/services/evaluation-service.js';
import { expectOk, publishShippingFlow, seedBasics } from './fixtures.js';
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

describe('the run history', () => {
  it('lists the newest Change first even when its Run was written first', async () => {
    const changeIds: string[] = [];
    for (const recordId of ['ORDER-1', 'ORDER-2']) {
      const made = await expectOk(
        herald.api(`/api/records/Shipment/${recordId}`, {
          method: 'PUT',
          body: { customerId: 'vip-1', fields: { status: 'Shipped' } },
        }),
      );
      changeIds.push(made.changeId);
    }
    const log = pino({ level: 'silent' });
    await evaluateStoredChanges(herald.db, [changeIds[1]], log);
    await evaluateStoredChanges(herald.db, [changeIds[0]], log);

    const runs = await expectOk(herald.api('/api/runs?limit=2'));
    expect(runs.items.map((run: { changeId: string }) => run.changeId)).toEqual(
      [changeIds[1], changeIds[0]],
    );
  });
});
