/**
 * Test fixture: the Shipment demo Flow and a Catalog to check it against.
 * Imported by tests only; not part of the package's API.
 */
import type { Catalog } from './catalog.js';
import type { FlowGraph } from './flow-model.js';
import type { Facts } from './rule-set.js';

/** A Catalog with a Shipment object type and the shipping template. */
export const demoCatalog: Catalog = {
  objectTypes: [
    {
      name: 'Shipment',
      fields: [
        {
          name: 'status',
          type: 'picklist',
          values: ['Pending', 'Shipped', 'Delivered'],
        },
        { name: 'trackingNumber', type: 'text' },
        { name: 'carrier', type: 'text' },
        { name: 'weight', type: 'number' },
        { name: 'value', type: 'money', currency: 'EUR' },
        { name: 'fragile', type: 'boolean' },
        { name: 'deliveryDate', type: 'date' },
        { name: 'shippedAt', type: 'datetime' },
      ],
    },
  ],
  templates: [
    {
      id: 'shipping-update',
      name: 'Shipping update',
      body:
        'Hi {{ customer.firstName }}, your parcel is on its way with ' +
        '{{ record.carrier }}: {{ record.trackingNumber }}.',
    },
  ],
};

/** Trigger → status changedTo Shipped → VIP/Platinum rollout → template. */
export function demoFlow(): FlowGraph {
  return {
    schemaVersion: 1,
    steps: [
      {
        id: 'trigger',
        type: 'trigger',
        data: {
          objectType: 'Shipment',
          changeKinds: ['update'],
          semantics: 'transition',
        },
      },
      {
        id: 'shipped',
        type: 'condition',
        data: {
          test: {
            fact: 'record',
            path: 'status',
            operator: 'changedTo',
            value: 'Shipped',
          },
        },
      },
      { id: 'vip', type: 'rollout', data: { tiers: ['VIP', 'Platinum'] } },
      {
        id: 'message',
        type: 'template',
        data: { templateId: 'shipping-update' },
      },
      { id: 'send', type: 'channel', data: { policy: 'preferred' } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'shipped' },
      { id: 'e2', source: 'shipped', target: 'vip', sourceHandle: 'true' },
      { id: 'e3', source: 'vip', target: 'message' },
      { id: 'e4', source: 'message', target: 'send' },
    ],
  };
}

/** Facts of a Shipment update from Pending to Shipped for a given tier. */
export function shippedFacts(tier: string, from = 'Pending'): Facts {
  return {
    record: {
      status: 'Shipped',
      trackingNumber: '1Z999',
      carrier: 'UPS',
    },
    prior: { status: from, trackingNumber: '1Z999', carrier: 'UPS' },
    change: {
      kind: 'update',
      objectType: 'Shipment',
      recordId: 'shp-1',
      changedFields: ['status'],
    },
    customer: {
      id: 'cus-1',
      firstName: 'Ada',
      tier,
      preferredChannel: 'whatsapp',
      timeZone: 'Europe/Paris',
    },
    now: '2024-06-01T10:00:00Z',
  };
}
