/**
 * Herald's main path under load: one Herald process (API and worker) on
 * a fresh database, a Flow sending every shipped Shipment to the sandbox
 * channel, and N record changes sent through the HTTP API. Latency runs
 * from the Change's arrival to its Delivery's `sent` state, both as the
 * database recorded them.
 */
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { startHerald, type RunningHerald } from '../src/herald.js';
import { saveDeliveryPolicy } from '../src/services/delivery-policy.js';
import {
  shipmentType,
  shippingGraph,
  shippingTemplate,
} from '../test/fixtures.js';
import type { BenchOptions } from './bench-options.js';
import { apiCaller } from './api-caller.js';
import { percentile } from './latency-summary.js';

const TOKEN = 'bench-admin-token';
const CUSTOMERS = 100;

/** What the Herald run measured. */
export interface PipelineFigures {
  deliveredPerSecond: number;
  seconds: number;
  p50Ms: number;
  p95Ms: number;
}

/** Runs the pipeline over `databaseUrl`; Herald stops afterwards. */
export async function measurePipeline(
  databaseUrl: string,
  options: BenchOptions,
): Promise<PipelineFigures> {
  const herald = await startHerald(
    {
      ...loadConfig({}),
      databaseUrl,
      port: 0,
      adminToken: TOKEN,
      demoData: false,
      logLevel: 'silent',
      workerConcurrency: options.concurrency,
    },
    { api: true, worker: true, log: pino({ level: 'silent' }) },
  );
  try {
    await seed(herald);
    await sendChanges(herald, 'W', options.warmup, options);
    await untilSent(herald, 'W', options.warmup, options.timeoutMs);

    await sendChanges(herald, 'B', options.changes, options);
    await untilSent(herald, 'B', options.changes, options.timeoutMs);
    return await figures(herald, options.changes);
  } finally {
    await herald.stop();
  }
}

async function seed(herald: RunningHerald) {
  await saveDeliveryPolicy(herald.db, { quietHours: null, frequencyCap: null });
  await call(herald, 'PUT', '/api/object-types/Shipment', shipmentType);
  await call(herald, 'PUT', '/api/templates/shipping-update', shippingTemplate);
  for (let index = 0; index < CUSTOMERS; index += 1) {
    await call(herald, 'PUT', `/api/customers/bench-${index}`, {
      firstName: `Customer ${index}`,
      tier: 'VIP',
    });
  }

  const graph = shippingGraph();
  graph.steps = graph.steps.map((step) =>
    step.id === 'send'
      ? ({
          ...step,
          data: { policy: 'fixed', channel: 'sandbox' },
        } as typeof step)
      : step,
  );
  const flow = await call(herald, 'POST', '/api/flows', {
    name: 'Bench',
    graph,
  });
  await call(herald, 'POST', `/api/flows/${flow.id}/publish`);
}

/**
 * Creates `count` shipped Shipments, `inFlight` requests at a time: one
 * PUT per change when `batchSize` is 1, else POST /api/records/batch with
 * `batchSize` changes per request, as a connector or `herald replay` does.
 */
async function sendChanges(
  herald: RunningHerald,
  prefix: string,
  count: number,
  options: BenchOptions,
) {
  const change = (index: number) => ({
    objectType: 'Shipment',
    recordId: `${prefix}-${index}`,
    customerId: `bench-${index % CUSTOMERS}`,
    fields: {
      status: 'Shipped',
      carrier: 'UPS',
      trackingNumber: `${prefix}${index}`,
    },
  });
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const first = next;
      next = Math.min(count, next + options.batchSize);
      if (options.batchSize === 1) {
        const { objectType, recordId, ...body } = change(first);
        await call(
          herald,
          'PUT',
          `/api/records/${objectType}/${recordId}`,
          body,
        );
        continue;
      }

      const items = [];
      for (let index = first; index < next; index += 1) {
        items.push(change(index));
      }
      const answer = await call(herald, 'POST', '/api/records/batch', {
        items,
      });
      const refused = answer.items.filter((item: { ok: boolean }) => !item.ok);
      if (refused.length > 0) {
        throw new Error(`batch refused items: ${JSON.stringify(refused[0])}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, lane));
}

async function untilSent(
  herald: RunningHerald,
  prefix: string,
  count: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sent = await countSent(herald, prefix);
    if (sent >= count) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`only ${sent} of ${count} Deliveries sent in time`);
    }

    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function countSent(herald: RunningHerald, prefix: string) {
  const result = await sql<{ count: string }>`
    select count(*) as count from deliveries
    where record_id like ${`${prefix}-%`} and status = 'sent'
  `.execute(herald.db);
  return Number(result.rows[0].count);
}

async function figures(
  herald: RunningHerald,
  count: number,
): Promise<PipelineFigures> {
  const result = await sql<{ latency_ms: number; arrived: Date; sent: Date }>`
    select
      extract(epoch from (e.at - c.received_at)) * 1000 as latency_ms,
      c.received_at as arrived,
      e.at as sent
    from deliveries d
    join changes c on c.id = d.change_id
    join delivery_events e on e.delivery_id = d.id and e.status = 'sent'
    where d.record_id like 'B-%'
  `.execute(herald.db);
  const latencies = result.rows.map((row) => Number(row.latency_ms));
  const first = Math.min(...result.rows.map((row) => row.arrived.getTime()));
  const last = Math.max(...result.rows.map((row) => row.sent.getTime()));
  const seconds = (last - first) / 1000;
  return {
    deliveredPerSecond: count / seconds,
    seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
  };
}

function call(
  herald: RunningHerald,
  method: string,
  path: string,
  body?: unknown,
) {
  return apiCaller(herald.url!, TOKEN)(method, path, body);
}
