/**
 * Herald's main path end to end: API and worker on an empty database, a
 * published Flow, record changes, Deliveries rendered and sent through the
 * sandbox, and a second worker process sharing the queue without ever
 * producing a second Delivery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  publishShippingFlow,
  seedBasics,
} from '../../packages/server/test/fixtures.js';
import {
  eventually,
  startTestHerald,
  type TestHerald,
} from '../../packages/server/test/test-herald.js';
import { spawnHerald, type HeraldProcess } from '../support/herald-process.js';

let herald: TestHerald;
let secondWorker: HeraldProcess;

beforeAll(async () => {
  herald = await startTestHerald();
  secondWorker = spawnHerald(['worker'], {
    DATABASE_URL: herald.databaseUrl,
    LOG_LEVEL: 'info',
  });
  await secondWorker.waitFor(/worker started/);
  await seedBasics(herald);
  await publishShippingFlow(herald);
});

afterAll(async () => {
  await secondWorker?.stop();
  await herald?.stop();
});

async function shipmentChange(recordId: string, customerId: string) {
  await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: {
      customerId,
      fields: {
        status: 'Pending',
        carrier: 'UPS',
        trackingNumber: `T-${recordId}`,
      },
    },
  });
  const shipped = await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: { fields: { status: 'Shipped' } },
  });
  expect(shipped.body.changedFields).toEqual(['status']);
  return shipped.body.changeId as string;
}

async function sentDeliveries(recordId: string) {
  const list = await herald.api(`/api/deliveries?recordId=${recordId}`);
  return list.body.items as any[];
}

describe('from a record change to a delivered message', () => {
  it('health sees both workers', async () => {
    const health = await eventually(async () => {
      const response = await herald.api('/api/health', { token: null });
      return response.body.worker.running >= 2 ? response.body : undefined;
    });
    expect(health.status).toBe('ok');
  });

  it('a VIP customer gets exactly one message with the rendered text', async () => {
    await shipmentChange('E2E-1', 'vip-1');
    const [delivery] = await eventually(async () => {
      const items = await sentDeliveries('E2E-1');
      return items[0]?.status === 'sent' ? items : undefined;
    });
    expect(delivery.body).toBe(
      'Hi Vera, your order shipped with UPS. Tracking: T-E2E-1.',
    );
    const outbox = await herald.api('/api/outbox?customerId=vip-1');
    expect(
      outbox.body.items.filter((item: any) => item.deliveryId === delivery.id),
    ).toHaveLength(1);
  });

  it('a Standard customer gets none', async () => {
    const changeId = await shipmentChange('E2E-2', 'std-1');
    await eventually(async () => {
      const runs = await herald.api(`/api/runs?changeId=${changeId}`);
      return runs.body.items.length > 0;
    });
    expect(await sentDeliveries('E2E-2')).toEqual([]);
  });

  it('one change evaluated many times by two workers makes one Delivery', async () => {
    const changeId = await shipmentChange('E2E-3', 'vip-1');
    await Promise.all(
      Array.from({ length: 8 }, (_, copy) =>
        sql`
          select graphile_worker.add_job('evaluate-change',
            json_build_object('changeId', ${changeId}::text),
            job_key => ${`copy-${copy}:${changeId}`})
        `.execute(herald.db),
      ),
    );
    await eventually(async () => {
      const runs = await herald.api(`/api/runs?changeId=${changeId}`);
      return runs.body.items.length === 9;
    }, 30_000);
    const items = await eventually(async () => {
      const list = await sentDeliveries('E2E-3');
      return list[0]?.status === 'sent' ? list : undefined;
    });
    expect(items).toHaveLength(1);
    const outbox = await herald.api('/api/outbox?customerId=vip-1');
    const copies = outbox.body.items.filter(
      (item: any) => item.deliveryId === items[0].id,
    );
    expect(copies).toHaveLength(1);
  });

  it('the second worker process took part', async () => {
    await eventually(async () =>
      /change evaluated/.test(secondWorker.output()),
    );
  });
});
