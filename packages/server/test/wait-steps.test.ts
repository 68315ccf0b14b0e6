/**
 * Wait steps: "24 hours before Appointment.startsAt". The Delivery is
 * scheduled for that moment, moves when the date moves, is skipped when
 * the moment has passed, and at send time is cancelled when the record was
 * deleted or the path's conditions no longer hold.
 */
import type { FlowGraph } from '@herald/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from './fixtures.js';
import { eventually, startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;
const DAY = 24 * 3600_000;

const reminderGraph: FlowGraph = {
  schemaVersion: 1,
  steps: [
    {
      id: 'trigger',
      type: 'trigger',
      data: { objectType: 'Appointment', changeKinds: ['create', 'update'] },
    },
    {
      id: 'booked',
      type: 'condition',
      data: {
        test: {
          fact: 'record',
          path: 'status',
          operator: 'equal',
          value: 'Booked',
        },
      },
    },
    {
      id: 'day-before',
      type: 'wait',
      data: {
        mode: 'relative',
        field: 'startsAt',
        offsetMinutes: -1440,
        whenPassed: 'skip',
      },
    },
    { id: 'message', type: 'template', data: { templateId: 'reminder' } },
    { id: 'send', type: 'channel', data: { policy: 'fixed', channel: 'sms' } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'booked' },
    { id: 'e2', source: 'booked', target: 'day-before', sourceHandle: 'true' },
    { id: 'e3', source: 'day-before', target: 'message' },
    { id: 'e4', source: 'message', target: 'send' },
  ],
};

beforeAll(async () => {
  herald = await startTestHerald();
  await expectOk(
    herald.api('/api/object-types/Appointment', {
      method: 'PUT',
      body: {
        fields: [
          { name: 'startsAt', type: 'datetime' },
          {
            name: 'status',
            type: 'picklist',
            values: ['Booked', 'Cancelled'],
          },
        ],
      },
    }),
  );
  await expectOk(
    herald.api('/api/templates/reminder', {
      method: 'PUT',
      body: {
        name: 'Reminder',
        body: 'See you tomorrow, {{ customer.firstName }}!',
      },
    }),
  );
  await expectOk(
    herald.api('/api/customers/c-1', {
      method: 'PUT',
      body: {
        firstName: 'Ines',
        phone: '+14155550123',
        country: 'US',
        consent: [{ channel: 'sms', status: 'opt_in' }],
      },
    }),
  );
  const flow = await expectOk(
    herald.api('/api/flows', {
      body: { name: 'Reminder', graph: reminderGraph },
    }),
  );
  await expectOk(
    herald.api(`/api/flows/${flow.id}/publish`, { method: 'POST' }),
  );
});

afterAll(async () => {
  await herald?.stop();
});

function book(id: string, startsAt: Date, status = 'Booked') {
  return expectOk(
    herald.api(`/api/records/Appointment/${id}`, {
      method: 'PUT',
      body: {
        customerId: 'c-1',
        fields: { startsAt: startsAt.toISOString(), status },
      },
    }),
  );
}

async function deliveryOf(recordId: string, status: string) {
  return eventually(async () => {
    const list = await herald.api(`/api/deliveries?recordId=${recordId}`);
    const [item] = list.body.items;
    return item?.status === status ? item : undefined;
  });
}

async function sendAtOf(id: string) {
  const row = await herald.db
    .selectFrom('deliveries')
    .select('send_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return new Date(row.send_at).getTime();
}

describe('a Wait relative to a date field', () => {
  it('schedules the Delivery 24 hours before the appointment', async () => {
    const startsAt = new Date(Date.now() + 3 * DAY);
    await book('A-1', startsAt);
    const delivery = await deliveryOf('A-1', 'scheduled');
    expect(await sendAtOf(delivery.id)).toBe(startsAt.getTime() - DAY);
  });

  it('moves the pending send when the date moves', async () => {
    const startsAt = new Date(Date.now() + 3 * DAY);
    await book('A-2', startsAt);
    const delivery = await deliveryOf('A-2', 'scheduled');
    const later = new Date(startsAt.getTime() + DAY);
    await book('A-2', later);
    await eventually(
      async () => (await sendAtOf(delivery.id)) === later.getTime() - DAY,
    );
    const { rows } = await herald.pool.query(
      `select run_at from graphile_worker._private_jobs where key = $1`,
      [`delivery:${delivery.id}`],
    );
    expect(new Date(rows[0].run_at).getTime()).toBe(later.getTime() - DAY);
  });

  it('skips the send when the moment has already passed', async () => {
    await book('A-3', new Date(Date.now() + 3600_000));
    const delivery = await deliveryOf('A-3', 'skipped');
    expect(delivery.statusReason).toContain('passed');
  });

  it('sends when the moment comes and the path still holds', async () => {
    await book('A-4', new Date(Date.now() + DAY + 1500));
    const sent = await deliveryOf('A-4', 'sent');
    expect(sent.body).toBe('See you tomorrow, Ines!');
  });

  it('cancels at send time when the conditions no longer hold', async () => {
    const startsAt = new Date(Date.now() + DAY + 2500);
    await book('A-5', startsAt);
    await deliveryOf('A-5', 'scheduled');
    await book('A-5', startsAt, 'Cancelled');
    const cancelled = await deliveryOf('A-5', 'cancelled');
    expect(cancelled.statusReason).toContain('HERALD_PATH_NO_LONGER_HOLDS');
  });

  it('cancels when the record is deleted', async () => {
    await book('A-6', new Date(Date.now() + 3 * DAY));
    await deliveryOf('A-6', 'scheduled');
    await expectOk(
      herald.api('/api/records/Appointment/A-6', { method: 'DELETE' }),
    );
    const cancelled = await deliveryOf('A-6', 'cancelled');
    expect(cancelled.statusReason).toContain('HERALD_RECORD_DELETED');
  });
});
