/**
 * An opt-out racing a send: one that commits before the send is prepared
 * always wins, even when the worker had already claimed the Delivery and
 * was waiting on the Customer's row; and under concurrent opt-outs and
 * sends, no Attempt is ever opened after its Customer's opt-out.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ChannelAdapter,
  OutgoingMessage,
} from '../src/channels/channel-adapter.js';
import {
  publishGraph,
  shippingGraphWith,
  startChannelHerald,
} from './channel-test-kit.js';
import { expectOk } from './fixtures.js';
import { eventually, type TestHerald } from './test-herald.js';

const CUSTOMERS = 20;

let herald: TestHerald | undefined;
let blocker: pg.Client | undefined;
let sent: OutgoingMessage[] = [];

afterEach(async () => {
  await blocker?.end().catch(() => undefined);
  blocker = undefined;
  await herald?.stop();
  herald = undefined;
  sent = [];
});

function recorder(latencyMs: number): ChannelAdapter {
  return {
    name: 'recorder',
    async send(message) {
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      sent.push(message);
      return { providerMessageId: `rec-${sent.length}`, response: {} };
    },
    reconcile: async () => null,
  };
}

async function start(latencyMs = 0) {
  herald = await startChannelHerald({ channels: { sms: recorder(latencyMs) } });
  const ids = Array.from({ length: CUSTOMERS }, (_, index) => `race-${index}`);
  for (const [index, id] of ids.entries()) {
    await expectOk(
      herald.api(`/api/customers/${id}`, {
        method: 'PUT',
        body: {
          firstName: `R${index}`,
          tier: 'VIP',
          phone: `+1415555${3000 + index}`,
          consent: [{ channel: 'sms', status: 'opt_in', source: 'import' }],
        },
      }),
    );
  }
  await publishGraph(
    herald,
    shippingGraphWith({ policy: 'fixed', channel: 'sms' }),
  );
  return ids;
}

async function shipTo(customerIds: string[], prefix: string) {
  const items = customerIds.map((customerId, index) => ({
    objectType: 'Shipment',
    recordId: `${prefix}-${index}`,
    customerId,
    fields: { status: 'Shipped', carrier: 'UPS', trackingNumber: `T${index}` },
  }));
  await expectOk(herald!.api('/api/records/batch', { body: { items } }));
}

async function finalStatuses(prefix: string, count: number) {
  return eventually(async () => {
    const rows = await herald!.db
      .selectFrom('deliveries')
      .select(['customer_id', 'status', 'status_reason'])
      .where('record_id', 'like', `${prefix}-%`)
      .execute();
    const settled = rows.filter((row) =>
      ['sent', 'blocked', 'failed'].includes(row.status),
    );
    return settled.length === count ? rows : undefined;
  });
}

describe('an opt-out racing a send', () => {
  it('wins when it commits while the worker waits on the customer', async () => {
    const ids = await start();
    const optedOut = ids.filter((_, index) => index % 2 === 0);

    // The opt-out in flight: its transaction holds the Customers' rows,
    // as every consent change does, and records the opt-outs.
    blocker = new pg.Client({ connectionString: herald!.databaseUrl });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query(
      'select id from customers where id = any($1) order by id for no key update',
      [optedOut],
    );
    for (const id of optedOut) {
      await blocker.query(
        `insert into consents (customer_id, channel, sender, status, source,
           evidence, recorded_at)
         values ($1, 'sms', '', 'opt_out', 'keyword', 'STOP', clock_timestamp())`,
        [id],
      );
    }

    await shipTo(ids, 'WAIT');
    // The worker has claimed the Deliveries and waits on the rows.
    await eventually(async () => {
      const waiting = await sql<{ count: string }>`
        select count(*) as count from pg_stat_activity
        where wait_event_type = 'Lock' and query like '%from "customers"%'
      `.execute(herald!.db);
      return Number(waiting.rows[0].count) > 0;
    });
    const claimed = await herald!.db
      .selectFrom('deliveries')
      .select('id')
      .where('record_id', 'like', 'WAIT-%')
      .where('status', '=', 'pending')
      .execute();
    expect(claimed).toHaveLength(CUSTOMERS);
    expect(sent).toEqual([]);

    await blocker.query('commit');
    const rows = await finalStatuses('WAIT', CUSTOMERS);

    for (const row of rows) {
      if (optedOut.includes(row.customer_id)) {
        expect(row).toMatchObject({
          status: 'blocked',
          status_reason: 'sms: HERALD_CONSENT_OPTED_OUT',
        });
      } else {
        expect(row.status).toBe('sent');
      }
    }
    const reached = new Set(sent.map((message) => message.customerId));
    expect(optedOut.filter((id) => reached.has(id))).toEqual([]);
    expect(sent).toHaveLength(CUSTOMERS - optedOut.length);
  });

  it('never opens an Attempt after the opt-out under concurrent load', async () => {
    const ids = await start(20);
    const rounds = 5;
    const optOuts: Promise<unknown>[] = [];
    for (let round = 0; round < rounds; round += 1) {
      await shipTo(ids, `LOAD${round}`);
      // Opt a few Customers out through the API while sends are in flight.
      for (const id of ids.slice(round * 4, round * 4 + 4)) {
        optOuts.push(
          expectOk(
            herald!.api(`/api/customers/${id}`, {
              method: 'PUT',
              body: {
                consent: [
                  { channel: 'sms', status: 'opt_out', source: 'agent' },
                ],
              },
            }),
          ),
        );
      }
    }
    await Promise.all(optOuts);
    for (let round = 0; round < rounds; round += 1) {
      await finalStatuses(`LOAD${round}`, CUSTOMERS);
    }

    const late = await sql<{ delivery_id: string }>`
      select a.delivery_id
      from attempts a
      join deliveries d on d.id = a.delivery_id
      join consents c on c.customer_id = d.customer_id
        and c.channel = 'sms' and c.status = 'opt_out'
      where a.started_at >= c.recorded_at
    `.execute(herald!.db);
    expect(late.rows).toEqual([]);
    const optedOut = await herald!.db
      .selectFrom('consents')
      .select('customer_id')
      .where('status', '=', 'opt_out')
      .execute();
    expect(optedOut).toHaveLength(rounds * 4);
  });
});
