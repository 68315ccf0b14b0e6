/**
 * From a record change to a sent Delivery: the worker evaluates the
 * Change against the published Rule set, records the Run, creates one
 * Delivery per path and sends it through the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { publishShippingFlow, seedBasics, shippingGraph } from './fixtures.js';
import { eventually, startTestHerald, type TestHerald } from './test-herald.js';

let herald: TestHerald;
let flowId: string;

beforeAll(async () => {
  herald = await startTestHerald();
  await seedBasics(herald);
  flowId = await publishShippingFlow(herald);
});

afterAll(async () => {
  await herald?.stop();
});

async function ship(recordId: string, customerId: string) {
  await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: {
      customerId,
      fields: { status: 'Pending', carrier: 'DHL', trackingNumber: 'TN-77' },
    },
  });
  const shipped = await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: { fields: { status: 'Shipped' } },
  });
  return shipped.body.changeId as string;
}

async function runsOf(changeId: string) {
  return eventually(async () => {
    const runs = await herald.api(`/api/runs?changeId=${changeId}`);
    return runs.body.items.length > 0 ? runs.body.items : undefined;
  });
}

describe('the delivery pipeline', () => {
  it('sends a VIP customer one rendered message on the preferred channel', async () => {
    const changeId = await ship('P-1', 'vip-1');
    const delivery = await eventually(async () => {
      const list = await herald.api(`/api/deliveries?recordId=P-1`);
      const [item] = list.body.items;
      return item?.status === 'sent' ? item : undefined;
    });
    expect(delivery).toMatchObject({
      flowId,
      recordId: 'P-1',
      customerId: 'vip-1',
      channel: 'sms',
      status: 'sent',
      changeId,
      body: 'Hi Vera, your order shipped with DHL. Tracking: TN-77.',
    });
    expect(delivery.history.map((event: any) => event.status)).toEqual([
      'pending',
      'sending',
      'sent',
    ]);
    expect(delivery.attempts).toMatchObject([
      { channel: 'sms', outcome: 'accepted' },
    ]);

    const outbox = await herald.api('/api/outbox?customerId=vip-1');
    expect(outbox.body.items[0]).toMatchObject({
      deliveryId: delivery.id,
      channel: 'sms',
      toAddress: '+14155550100',
      body: delivery.body,
    });
  });

  it('sends a Standard customer nothing, and the Run says why', async () => {
    const changeId = await ship('P-2', 'std-1');
    const [run] = await runsOf(changeId);
    expect(run.fired).toBe(0);
    expect(run.ruleSetsEvaluated).toBe(1);
    const deliveries = await herald.api('/api/deliveries?recordId=P-2');
    expect(deliveries.body.items).toEqual([]);
    expect(JSON.stringify(run.trace)).toContain('Standard');
  });

  it('keeps one Delivery when the evaluation job runs twice', async () => {
    const changeId = await ship('P-3', 'vip-1');
    await runsOf(changeId);
    await sql`
      select graphile_worker.add_job('evaluate-change',
        json_build_object('changeId', ${changeId}::text),
        job_key => ${`again:${changeId}`})
    `.execute(herald.db);
    await eventually(async () => {
      const runs = await herald.api(`/api/runs?changeId=${changeId}`);
      return runs.body.items.length === 2;
    });
    const deliveries = await herald.api('/api/deliveries?recordId=P-3');
    expect(deliveries.body.items).toHaveLength(1);
  });

  it('does not send again for a change that keeps the status', async () => {
    await ship('P-4', 'vip-1');
    const note = await herald.api('/api/records/Shipment/P-4', {
      method: 'PUT',
      body: { fields: { trackingNumber: 'TN-78' } },
    });
    await runsOf(note.body.changeId);
    const deliveries = await herald.api('/api/deliveries?recordId=P-4');
    expect(deliveries.body.items).toHaveLength(1);
  });

  it('blocks a Delivery when the customer has no opt-in', async () => {
    await herald.api('/api/customers/vip-2', {
      method: 'PUT',
      body: {
        firstName: 'Val',
        tier: 'VIP',
        phone: '+14155550101',
        preferredChannel: 'sms',
      },
    });
    await ship('P-5', 'vip-2');
    const delivery = await eventually(async () => {
      const list = await herald.api('/api/deliveries?recordId=P-5');
      const [item] = list.body.items;
      return item?.status === 'blocked' ? item : undefined;
    });
    expect(delivery.statusReason).toContain('HERALD_NO_CONSENT');
  });
});

describe('publishing', () => {
  it('refuses an invalid graph with the steps at fault and changes nothing', async () => {
    const graph = shippingGraph();
    graph.edges = graph.edges.filter((edge) => edge.target !== 'send');
    const created = await herald.api('/api/flows', {
      body: { name: 'Broken', graph },
    });
    const refused = await herald.api(`/api/flows/${created.body.id}/publish`, {
      method: 'POST',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('HERALD_FLOW_INVALID');
    const stepIds = refused.body.error.details.problems.map(
      (problem: any) => problem.stepId,
    );
    expect(stepIds).toContain('send');

    const flow = await herald.api(`/api/flows/${created.body.id}`);
    expect(flow.body).toMatchObject({ status: 'draft', activeVersion: null });
    expect(flow.body.versions).toEqual([]);
  });

  it('stores each version with its readable Rule set', async () => {
    const again = await herald.api(`/api/flows/${flowId}/publish`, {
      method: 'POST',
    });
    expect(again.status).toBe(201);
    expect(again.body.version).toBe(2);
    const version = await herald.api(`/api/flows/${flowId}/versions/2`);
    expect(version.body.ruleSet.rules.length).toBeGreaterThan(0);
    expect(version.body.templates[0].id).toBe('shipping-update');
    const first = await herald.api(`/api/flows/${flowId}/versions/1`);
    expect(first.status).toBe(200);
  });

  it('refuses a draft whose graph breaks the schema, naming the path', async () => {
    const response = await herald.api(`/api/flows/${flowId}`, {
      method: 'PUT',
      body: { graph: { schemaVersion: 1, steps: [{ id: 'x' }], edges: [] } },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.field).toMatch(/^graph\.steps\.0/);
  });
});
