/**
 * Loads the demo business through the same services the API uses: its
 * delivery policy, object types, Customers with Consent, the Template
 * library, three published Flows, and Records whose Changes the worker
 * then evaluates like any other.
 *
 * Every step is idempotent (upserts; Flows found by name; a Record created
 * only when missing, and updates that change nothing record no Change), so
 * a load cut short by a kill is finished by the next start; demo-state.ts
 * decides when that is.
 *
 * Limitation: two starts loading the demo into one database at the same
 * moment could each create the Flows.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { listFlows } from '../repositories/flow-repository.js';
import { findRecord } from '../repositories/record-repository.js';
import { saveTemplate } from '../repositories/template-repository.js';
import { upsertCustomer } from '../services/customer-service.js';
import { saveDeliveryPolicy } from '../services/delivery-policy.js';
import { createFlow, publishFlow } from '../services/flow-service.js';
import { defineObjectType } from '../services/object-type-service.js';
import {
  applyRecordChange,
  type RecordChangeInput,
} from '../services/record-service.js';
import { demoObjectTypes, demoTemplates } from './demo-catalog.js';
import { loadDemoConversations } from './demo-conversations.js';
import {
  DEMO_CUSTOMER_COUNT,
  demoCustomerId,
  demoCustomers,
} from './demo-customers.js';
import { demoFlows, type DemoFlow } from './demo-flows.js';
import { demoLoadIsDue, writeDemoState } from './demo-state.js';

/**
 * The demo's delivery policy: quiet hours off, so the demo's first
 * Changes reach the outbox whatever the hour; every other rule keeps its
 * default. `PUT /api/delivery-policy` turns quiet hours back on.
 */
export const demoDeliveryPolicy = { quietHours: null };

/** Loads the demo when demo-state.ts says it is due; answers whether it did. */
export async function loadDemoDataIfDue(db: Db, log: Logger) {
  if (!(await demoLoadIsDue(db))) {
    return false;
  }

  await loadDemoData(db, log);
  return true;
}

/** Loads (or finishes loading) the demo, marking it loading, then loaded. */
export async function loadDemoData(db: Db, log: Logger): Promise<void> {
  await writeDemoState(db, 'loading');
  await saveDeliveryPolicy(db, demoDeliveryPolicy);
  for (const type of demoObjectTypes) {
    await defineObjectType(db, type);
  }
  for (const { id, input } of demoCustomers()) {
    await upsertCustomer(db, id, input);
  }
  for (const template of demoTemplates) {
    await saveTemplate(db, template);
  }
  await loadDemoConversations(db);
  for (const flow of demoFlows) {
    await ensurePublishedFlow(db, flow);
  }

  const changes = await applyDemoChanges(db);
  await writeDemoState(db, 'loaded');
  log.info(
    { customers: DEMO_CUSTOMER_COUNT, flows: demoFlows.length, changes },
    'demo data loaded',
  );
}

/** Who the flows list says made the demo's Flows. */
const demoAuthor = { kind: 'system', id: null, name: 'Herald demo' } as const;

/** Creates the Flow unless one has its name, and publishes it once. */
async function ensurePublishedFlow(db: Db, flow: DemoFlow) {
  const flows = await listFlows(db);
  const found = flows.find((row) => row.name === flow.name);
  if (found?.active_version != null) {
    return;
  }

  const id = found?.id ?? (await createFlow(db, flow, demoAuthor)).id;
  await publishFlow(db, id, demoAuthor.name);
}

/**
 * Creates the Records not there yet, then applies the updates; answers
 * how many Changes were recorded.
 */
async function applyDemoChanges(db: Db): Promise<number> {
  let recorded = 0;
  for (const change of demoRecords()) {
    if (await findRecord(db, change.objectType, change.recordId)) {
      continue;
    }

    const outcome = await applyRecordChange(db, { ...change, source: 'demo' });
    recorded += outcome.changeId ? 1 : 0;
  }
  for (const change of demoUpdates()) {
    const outcome = await applyRecordChange(db, { ...change, source: 'demo' });
    recorded += outcome.changeId ? 1 : 0;
  }

  return recorded;
}

const products = [
  'SunMax 400 W panel kit',
  'Helios 8 kW inverter',
  'PowerWall battery 13 kWh',
  'Panel cleaning plan',
];
const carriers = ['UPS', 'FedEx', 'DHL', 'USPS'];

/** One of each object type per Customer, in states no Flow reacts to. */
function demoRecords(): RecordChangeInput[] {
  const records: RecordChangeInput[] = [];
  for (let n = 1; n <= DEMO_CUSTOMER_COUNT; n += 1) {
    const customerId = demoCustomerId(n);
    const product = products[n % products.length];
    const base = { customerId };
    records.push(
      record('Order', `ORD-${1000 + n}`, base, {
        number: `ORD-${1000 + n}`,
        status: 'Confirmed',
        total: { amount: 2400 + n * 75, currency: 'USD' },
        product,
        customerId,
      }),
      record('Shipment', `SHP-${1000 + n}`, base, {
        status: 'Packed',
        trackingNumber: `1Z${String(48213000 + n * 37)}`,
        carrier: carriers[n % carriers.length],
        orderId: `ORD-${1000 + n}`,
        customerId,
      }),
      record('Invoice', `INV-${2000 + n}`, base, {
        number: `INV-${2000 + n}`,
        status: 'Sent',
        amount: { amount: 2400 + n * 75, currency: 'USD' },
        dueDate: `2027-01-${String((n % 28) + 1).padStart(2, '0')}`,
        customerId,
      }),
    );
    if (n % 2 === 0) {
      records.push(
        record('Case', `CASE-${3000 + n}`, base, {
          subject: `Question about my ${product}`,
          status: 'New',
          priority: n % 6 === 0 ? 'High' : 'Medium',
          product,
          customerId,
        }),
      );
    }
    if (n % 3 === 0) {
      records.push(
        record('Appointment', `APT-${4000 + n}`, base, {
          startsAt: new Date(Date.UTC(2027, 0, 5 + (n % 20), 15)).toISOString(),
          status: 'Booked',
          kind: n % 2 === 0 ? 'Installation' : 'Site survey',
          address: `${100 + n} Sunny Lane`,
          customerId,
        }),
      );
    }
  }

  return records;
}

/** A few changes the demo Flows react to, so the outbox is not empty. */
function demoUpdates(): RecordChangeInput[] {
  const shipped = [2, 3, 6, 7, 1, 4].map((n) =>
    record(
      'Shipment',
      `SHP-${1000 + n}`,
      {},
      {
        status: 'Shipped',
        shippedAt: new Date(Date.UTC(2026, 11, 1, 9 + n)).toISOString(),
      },
    ),
  );
  const cases = [2, 4].map((n) =>
    record('Case', `CASE-${3000 + n}`, {}, { status: 'In Progress' }),
  );
  const invoices = [1, 2].map((n) =>
    record('Invoice', `INV-${2000 + n}`, {}, { status: 'Paid' }),
  );
  return [...shipped, ...cases, ...invoices];
}

function record(
  objectType: string,
  recordId: string,
  owner: { customerId?: string },
  fields: Record<string, unknown>,
): RecordChangeInput {
  return { objectType, recordId, ...owner, fields };
}
