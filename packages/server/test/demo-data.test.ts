/**
 * Loading the demo is recoverable: a load killed part-way leaves the state
 * `loading`, and the next start finishes it; loading twice makes nothing
 * twice. The demo's delivery policy keeps quiet hours off.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, loadDemoDataIfDue } from '../src/demo/demo-data.js';
import { demoCustomers } from '../src/demo/demo-customers.js';
import { readDemoState, writeDemoState } from '../src/demo/demo-state.js';
import { upsertCustomer } from '../src/services/customer-service.js';
import {
  loadDeliveryPolicy,
  saveDeliveryPolicy,
} from '../src/services/delivery-policy.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

const log = pino({ level: 'silent' });
let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald({ demo: false, worker: false, api: false });
});

afterAll(async () => {
  await herald?.stop();
});

async function count(table: 'customers' | 'flows' | 'changes' | 'deliveries') {
  const row = await herald.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe('demo data loading', () => {
  it('finishes a load that was killed after three customers', async () => {
    await writeDemoState(herald.db, 'loading');
    for (const { id, input } of demoCustomers().slice(0, 3)) {
      await upsertCustomer(herald.db, id, input);
    }

    expect(await loadDemoDataIfDue(herald.db, log)).toBe(true);

    expect(await readDemoState(herald.db)).toBe('loaded');
    expect(await count('customers')).toBe(60);
    const flows = await herald.db.selectFrom('flows').selectAll().execute();
    expect(flows.map((flow) => [flow.status, flow.active_version])).toEqual([
      ['active', 1],
      ['active', 1],
      ['active', 1],
    ]);
    expect(await loadDemoDataIfDue(herald.db, log)).toBe(false);
  });

  it('loads twice without duplicating flows, versions or changes', async () => {
    const changes = await count('changes');

    await writeDemoState(herald.db, 'loading');
    await loadDemoData(herald.db, log);

    expect(await count('customers')).toBe(60);
    expect(await count('flows')).toBe(3);
    const versions = await herald.db
      .selectFrom('flow_versions')
      .select('version')
      .execute();
    expect(versions).toHaveLength(3);
    expect(await count('changes')).toBe(changes);
  });

  it('stores a delivery policy without quiet hours', async () => {
    const quietHours = { start: '21:00', end: '08:00' };
    await saveDeliveryPolicy(herald.db, { quietHours });

    await loadDemoData(herald.db, log);

    const policy = await loadDeliveryPolicy(herald.db);
    expect(policy.quietHours).toBeNull();
  });

  it('leaves a database with customers and no demo state alone', async () => {
    await herald.db
      .deleteFrom('settings')
      .where('key', '=', 'demo_data')
      .execute();
    expect(await loadDemoDataIfDue(herald.db, log)).toBe(false);
  });
});
