/**
 * The flows list: each Flow says who last changed it (a user's name, an
 * API token's name) and when, and counts its Runs and Deliveries, in all
 * and per status, over the last 24 hours only — for every Flow from one
 * grouped query, which the window's indexes can answer.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, TEST_PASSWORD } from './access-client.js';
import { expectOk, publishShippingFlow, seedBasics } from './fixtures.js';
import { eventually, startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;
let shippingId: string;

beforeAll(async () => {
  herald = await startTestHerald();
  await seedBasics(herald);
  shippingId = await publishShippingFlow(herald);
});

afterAll(async () => {
  await herald?.stop();
});

async function listed(flowId: string) {
  const list = await expectOk(herald.api('/api/flows'));
  return list.items.find((item: any) => item.id === flowId);
}

async function ship(customerId: string, recordId: string) {
  await expectOk(
    herald.api(`/api/records/Shipment/${recordId}`, {
      method: 'PUT',
      body: { customerId, fields: { status: 'Pending', carrier: 'DHL' } },
    }),
  );
  await expectOk(
    herald.api(`/api/records/Shipment/${recordId}`, {
      method: 'PUT',
      body: { fields: { status: 'Shipped', trackingNumber: 'T-1' } },
    }),
  );
}

describe('flows list', () => {
  it('names the user who last saved the draft, by their name', async () => {
    await expectOk(
      herald.api('/api/users', {
        body: {
          email: 'ada@example.com',
          name: 'Ada Lovelace',
          role: 'admin',
          password: TEST_PASSWORD,
        },
      }),
    );
    const ada = await signInAs(herald, 'ada@example.com');
    const created = await ada.call('/api/flows', {
      method: 'POST',
      body: { name: 'Ada flow' },
    });
    expect(created.status).toBe(201);

    const row = await listed(created.body.id);
    expect(row.changedBy).toEqual({ kind: 'user', name: 'Ada Lovelace' });
    expect(Date.parse(row.changedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(row.last24Hours).toEqual({
      runs: 0,
      deliveries: 0,
      deliveriesByStatus: {},
    });
  });

  it('names the API token that saved the draft last', async () => {
    const token = await expectOk(
      herald.api('/api/tokens', {
        body: { name: 'CI exporter', scope: 'admin' },
      }),
    );
    await expectOk(
      herald.api(`/api/flows/${shippingId}`, {
        method: 'PUT',
        body: { description: 'saved by a token' },
        token: token.token,
      }),
    );

    const row = await listed(shippingId);
    expect(row.changedBy).toEqual({ kind: 'token', name: 'CI exporter' });
  });

  it('counts runs and deliveries per status in the last 24 hours', async () => {
    await ship('vip-1', 'ACT-1');
    await ship('std-1', 'ACT-2');
    const deliveries = await eventually(async () => {
      const list = await herald.api(`/api/deliveries?flowId=${shippingId}`);
      const items = list.body.items;
      return items.length === 1 && items[0].status === 'sent' && items;
    });
    expect(deliveries).toHaveLength(1);

    // Four changes ran against the flow; only VIP's shipped one fired.
    const row = await eventually(async () => {
      const found = await listed(shippingId);
      return found.last24Hours.runs === 4 && found;
    });
    expect(row.last24Hours).toEqual({
      runs: 4,
      deliveries: 1,
      deliveriesByStatus: { sent: 1 },
    });
  });

  it('leaves out runs and deliveries older than 24 hours', async () => {
    const old = sql`now() - interval '25 hours'`;
    await sql`update deliveries set created_at = ${old}
      where flow_id = ${shippingId}`.execute(herald.db);
    await sql`update runs set finished_at = ${old}
      where id = (select min(id) from runs)`.execute(herald.db);

    const row = await listed(shippingId);
    expect(row.last24Hours).toEqual({
      runs: 3,
      deliveries: 0,
      deliveriesByStatus: {},
    });
  });

  it('reads the 24-hour window through its indexes', async () => {
    const plans = await herald.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const since = new Date(Date.now() - 86_400_000);
      const runs = await sql<{ 'QUERY PLAN': string }>`explain
        select flow_id, count(*) from runs, unnest(flow_ids) as flow_id
        where finished_at > ${since} and not dry_run
        group by flow_id`.execute(trx);
      const deliveries = await sql<{ 'QUERY PLAN': string }>`explain
        select flow_id, status, count(*) from deliveries
        where created_at > ${since} and flow_id is not null
        group by flow_id, status`.execute(trx);
      return [runs, deliveries].map((plan) =>
        plan.rows.map((line) => line['QUERY PLAN']).join('\n'),
      );
    });

    expect(plans[0]).toContain('runs_recent_idx');
    expect(plans[1]).toContain('deliveries_recent_idx');
  });
});
