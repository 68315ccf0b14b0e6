/**
 * An admin exports everything Herald holds about one Customer, and erases
 * their personal data: the customer's identities, records' fields, change
 * snapshots, run traces, delivery bodies, sandbox messages and conversation
 * text go; the rows
 * (so counts) and the audit log stay, and the erasure is audited.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestHerald, type TestHerald } from './test-herald.js';
import { expectOk, publishShippingFlow, seedBasics } from './fixtures.js';

describe('customer export and erasure', () => {
  let herald: TestHerald;

  beforeAll(async () => {
    herald = await startTestHerald();
    await seedBasics(herald);
    await publishShippingFlow(herald);
    await expectOk(
      herald.api('/api/records/Shipment/SHP-9', {
        method: 'PUT',
        body: {
          customerId: 'vip-1',
          fields: {
            status: 'Shipped',
            carrier: 'UPS',
            trackingNumber: 'TRK-77',
          },
        },
      }),
    );
    await eventually(async () => {
      const outbox = await herald.api('/api/outbox?customerId=vip-1');
      return outbox.body.items.length > 0;
    });
    await sql`
      with conversation as (
        insert into conversations (customer_id, channel, started_by,
          handover_note)
        values ('vip-1', 'sms', 'customer', 'wants 12 Secret Lane checked')
        returning id
      )
      insert into conversation_messages (conversation_id, direction, author,
        body)
      select id, 'inbound', 'customer', 'I live at 12 Secret Lane'
      from conversation
    `.execute(herald.db);
  });

  afterAll(async () => {
    await herald?.stop();
  });

  it('exports the customer with records, changes, deliveries and messages', async () => {
    const answer = await herald.api('/api/customers/vip-1/export');
    expect(answer.status).toBe(200);
    const text = JSON.stringify(answer.body);
    expect(answer.body.customer).toMatchObject({
      id: 'vip-1',
      firstName: 'Vera',
    });
    expect(answer.body.records).toHaveLength(1);
    expect(answer.body.deliveries.length).toBeGreaterThan(0);
    expect(answer.body.sandboxMessages.length).toBeGreaterThan(0);
    expect(text).toContain('TRK-77');
    expect(answer.body.conversationMessages).toMatchObject([
      { body: 'I live at 12 Secret Lane' },
    ]);
    expect(text).not.toContain('std-1');
  });

  it('erases personal data, keeps counts, and audits the erasure', async () => {
    const before = await counts(herald);
    const answer = await herald.api('/api/customers/vip-1/erase', {
      method: 'POST',
    });
    expect(answer.status).toBe(200);
    expect(await counts(herald)).toEqual(before);

    const exported = await herald.api('/api/customers/vip-1/export');
    const text = JSON.stringify(exported.body);
    for (const personal of ['Vera', '+14155550100', 'TRK-77', 'Secret']) {
      expect(text).not.toContain(personal);
    }
    const other = await herald.api('/api/customers/std-1/export');
    expect(JSON.stringify(other.body)).toContain('Sam');

    const audit = await herald.api('/api/audit?action=customer.erase');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].subjectId).toBe('vip-1');
    expect(JSON.stringify(audit.body)).not.toContain('Vera');
  });

  it('answers 404 for an unknown customer', async () => {
    const answer = await herald.api('/api/customers/nobody/erase', {
      method: 'POST',
    });
    expect(answer.status).toBe(404);
  });
});

async function counts(herald: TestHerald) {
  const tables = [
    'customers',
    'records',
    'changes',
    'deliveries',
    'sandbox_messages',
    'consents',
  ] as const;
  const result: Record<string, number> = {};
  for (const table of tables) {
    const row = await herald.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}
