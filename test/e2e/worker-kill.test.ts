/**
 * A worker process killed with SIGKILL in the middle of 2,000 sends to a
 * slow fake Twilio (at least 500 accepted and 50 Attempts open at the
 * kill): after a new worker takes over, no message reached the provider
 * twice, nothing is left pending or sending, every message the provider
 * accepted ends delivered through its status callback, and every other
 * Delivery waits, explicitly, in `unknown`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  configureTwilio,
  publishGraph,
  shippingGraphWith,
  TEST_SECRET_KEY,
} from '../../packages/server/test/channel-test-kit.js';
import { expectOk, seedBasics } from '../../packages/server/test/fixtures.js';
import {
  eventually,
  startTestHerald,
  type TestHerald,
} from '../../packages/server/test/test-herald.js';
import {
  startFakeTwilio,
  type FakeTwilio,
} from '../../packages/server/test/fake-providers/fake-twilio.js';
import { spawnHerald, type HeraldProcess } from '../support/herald-process.js';

const DELIVERIES = 2000;
const CUSTOMERS = 100;

let herald: TestHerald;
let twilio: FakeTwilio;
const workers: HeraldProcess[] = [];

/** Starts a worker process; resolves once it announced itself. */
async function startWorker() {
  const before = await herald.db.selectFrom('workers').select('id').execute();
  const worker = spawnHerald(['worker'], {
    DATABASE_URL: herald.databaseUrl,
    HERALD_SECRET_KEY: TEST_SECRET_KEY,
    HERALD_WORKER_CONCURRENCY: '64',
    HERALD_WORKER_HEARTBEAT_MS: '1000',
    LOG_LEVEL: 'warn',
  });
  workers.push(worker);
  await eventually(async () => {
    const now = await herald.db.selectFrom('workers').select('id').execute();
    return now.length > before.length;
  }, 60_000);
  return worker;
}

beforeAll(async () => {
  twilio = await startFakeTwilio();
  twilio.latencyMs = 500;
  twilio.autoStatus = { status: 'delivered', delayMs: 200 };
  herald = await startTestHerald({
    worker: false,
    config: { secretKey: TEST_SECRET_KEY },
  });
  await seedBasics(herald);
  await configureTwilio(herald, twilio.url, 10_000);
  for (let index = 0; index < CUSTOMERS; index += 1) {
    await expectOk(
      herald.api(`/api/customers/kill-${index}`, {
        method: 'PUT',
        body: {
          firstName: `K${index}`,
          tier: 'VIP',
          phone: `+1415555${2000 + index}`,
          consent: [{ channel: 'sms', status: 'opt_in', source: 'import' }],
        },
      }),
    );
  }
  await publishGraph(
    herald,
    shippingGraphWith({ policy: 'fixed', channel: 'sms' }),
  );
});

afterAll(async () => {
  for (const worker of workers) {
    await worker.stop();
  }
  await herald?.stop();
  await twilio?.close();
});

async function shipAll() {
  for (let start = 0; start < DELIVERIES; start += 1000) {
    const items = Array.from({ length: 1000 }, (_, offset) => {
      const index = start + offset;
      return {
        objectType: 'Shipment',
        recordId: `KILL-${index}`,
        customerId: `kill-${index % CUSTOMERS}`,
        fields: {
          status: 'Shipped',
          carrier: 'UPS',
          trackingNumber: `KT${index}`,
        },
      };
    });
    await expectOk(herald.api('/api/records/batch', { body: { items } }));
  }
}

async function countBy(
  column: 'status' | 'outcome',
  table: 'deliveries' | 'attempts',
) {
  const result = await sql<{ key: string; count: string }>`
    select ${sql.ref(column)} as key, count(*) as count
    from ${sql.table(table)} group by 1
  `.execute(herald.db);
  return Object.fromEntries(
    result.rows.map((row) => [row.key, Number(row.count)]),
  );
}

describe('a worker killed in the middle of sending', () => {
  it('loses nothing and sends nothing twice', async () => {
    const first = await startWorker();
    await shipAll();

    const atKill = await eventually(async () => {
      const open = (await countBy('outcome', 'attempts')).open ?? 0;
      const accepted = twilio.accepted.length;
      return accepted >= 500 && open >= 50 ? { open, accepted } : undefined;
    }, 60_000);
    first.child.kill('SIGKILL');
    await first.stop();
    expect(atKill.accepted).toBeGreaterThanOrEqual(500);
    expect(atKill.open).toBeGreaterThanOrEqual(50);
    expect(atKill.accepted).toBeLessThan(DELIVERIES);

    await startWorker();
    let last: unknown;
    const statuses = await eventually(async () => {
      const counts = await countBy('status', 'deliveries');
      last = { counts, callbacksPending: twilio.callbacksPending, atKill };
      const unsettled =
        (counts.pending ?? 0) + (counts.sending ?? 0) + (counts.sent ?? 0);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return total === DELIVERIES &&
        unsettled === 0 &&
        twilio.callbacksPending === 0
        ? counts
        : undefined;
    }, 90_000).catch((error) => {
      throw new Error(`not settled: ${JSON.stringify(last)}`, { cause: error });
    });

    const seen = new Map<string, number>();
    for (const message of twilio.accepted) {
      seen.set(message.deliveryId!, (seen.get(message.deliveryId!) ?? 0) + 1);
    }
    expect([...seen.values()].filter((count) => count > 1)).toEqual([]);
    expect(twilio.invalid).toEqual([]);
    expect(twilio.sendRequests).toBe(twilio.accepted.length);

    const rows = await herald.db
      .selectFrom('deliveries')
      .select(['id', 'status', 'status_reason'])
      .execute();
    const wrong = rows.filter((row) =>
      seen.has(row.id) ? row.status !== 'delivered' : row.status !== 'unknown',
    );
    expect(wrong).toEqual([]);
    expect(statuses.delivered).toBe(seen.size);
    // The figures of this run, for the CI log.
    console.info(
      `worker-kill: at the kill ${JSON.stringify(atKill)}; ` +
        `afterwards ${JSON.stringify(statuses)}`,
    );
    const waiting = rows.filter((row) => row.status === 'unknown');
    for (const row of waiting) {
      expect(row.status_reason).toContain('awaiting reconciliation');
    }
  });
});
