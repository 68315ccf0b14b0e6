/**
 * Loads the demo business into an empty database through the same
 * services the API uses: object types, Customers with Consent, the
 * Template library, three published Flows, and Records whose Changes the
 * worker then evaluates like any other.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { upsertCustomer } from '../services/customer-service.js';
import { defineObjectType } from '../services/object-type-service.js';
import { createFlow, publishFlow } from '../services/flow-service.js';
import {
  applyRecordChange,
  type RecordChangeInput,
} from '../services/record-service.js';
import { saveTemplate } from '../repositories/template-repository.js';
import { demoObjectTypes, demoTemplates } from './demo-catalog.js';
import {
  DEMO_CUSTOMER_COUNT,
  demoCustomerId,
  demoCustomers,
} from './demo-customers.js';
import { demoFlows } from './demo-flows.js';

/** Loads the demo; call only on an empty database. */
export async function loadDemoData(db: Db, log: Logger): Promise<void> {
  for (const type of demoObjectTypes) {
    await defineObjectType(db, type);
  }
  for (const { id, input } of demoCustomers()) {
    await upsertCustomer(db, id, input);
  }
  for (const template of demoTemplates) {
    await saveTemplate(db, template);
  }
  for (const flow of demoFlows) {
    const created = await createFlow(db, flow);
    await publishFlow(db, created.id, 'demo');
  }

  const changes = [...demoRecords(), ...demoUpdates()];
  for (const change of changes) {
    await applyRecordChange(db, { ...change, source: 'demo' });
  }

  log.info(
    {
      customers: DEMO_CUSTOMER_COUNT,
      flows: demoFlows.length,
      changes: changes.length,
    },
    'demo data loaded',
  );
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
    record('Shipment', `SHP-${1000 + n}`, {}, {
      status: 'Shipped',
      shippedAt: new Date(Date.UTC(2026, 11, 1, 9 + n)).toISOString(),
    }),
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
