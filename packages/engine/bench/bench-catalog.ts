/**
 * The benchmark's Catalog: ten object types sharing a realistic field set
 * (status, money, numbers, text, boolean, date, datetime, picklist), and
 * a few Templates.
 */
import type { Catalog, FieldDef, ObjectTypeDef } from '../src/catalog.js';

/** The ten object types the benchmark's Flows and Changes use. */
export const benchObjectTypeNames = [
  'Order',
  'Shipment',
  'Case',
  'Appointment',
  'Invoice',
  'Payment',
  'Subscription',
  'Return',
  'Ticket',
  'Booking',
] as const;

/** Status values every benchmark object type shares. */
export const benchStatuses = [
  'New',
  'Open',
  'InProgress',
  'Waiting',
  'Done',
  'Cancelled',
];

/** Values of the `channel` picklist. */
export const benchSources = ['web', 'phone', 'store', 'partner'];

const fields: FieldDef[] = [
  { name: 'status', type: 'picklist', values: benchStatuses },
  { name: 'source', type: 'picklist', values: benchSources },
  { name: 'total', type: 'money', currency: 'EUR' },
  { name: 'items', type: 'number' },
  { name: 'limit', type: 'number' },
  { name: 'subject', type: 'text' },
  { name: 'reference', type: 'text' },
  { name: 'urgent', type: 'boolean' },
  { name: 'dueDate', type: 'date' },
  { name: 'updatedAt', type: 'datetime' },
];

const objectTypes: ObjectTypeDef[] = benchObjectTypeNames.map((name) => ({
  name,
  fields,
}));

/** The benchmark Catalog. */
export const benchCatalog: Catalog = {
  objectTypes,
  templates: [
    {
      id: 'status-update',
      name: 'Status update',
      body: 'Hi {{ customer.firstName }}, {{ record.reference }} is now {{ record.status }}.',
    },
    {
      id: 'reminder',
      name: 'Reminder',
      body: 'Reminder: {{ record.subject | default: "your request" }}.',
    },
  ],
};
