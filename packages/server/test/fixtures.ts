/**
 * Small, readable fixtures for server tests: one object type, customers of
 * two tiers, a template and a shipping Flow.
 */
import type { FlowGraph } from '@herald/engine';
import type { TestHerald } from './test-herald.js';

export const shipmentType = {
  label: 'Shipment',
  customerField: 'customerId',
  fields: [
    {
      name: 'status',
      type: 'picklist',
      values: ['Pending', 'Shipped', 'Delivered'],
    },
    { name: 'trackingNumber', type: 'text' },
    { name: 'carrier', type: 'picklist', values: ['UPS', 'DHL'] },
    { name: 'weightKg', type: 'number' },
    { name: 'shippedAt', type: 'datetime' },
    { name: 'value', type: 'money', currency: 'USD' },
  ],
};

export const shippingTemplate = {
  name: 'Shipping update',
  body:
    'Hi {{ customer.firstName }}, your order shipped with ' +
    '{{ record.carrier }}. Tracking: {{ record.trackingNumber }}.',
};

/** Trigger → status equals Shipped (transition) → VIP only → template → channel. */
export function shippingGraph(): FlowGraph {
  return {
    schemaVersion: 1,
    steps: [
      {
        id: 'trigger',
        type: 'trigger',
        data: {
          objectType: 'Shipment',
          changeKinds: ['create', 'update'],
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
            operator: 'equal',
            value: 'Shipped',
          },
        },
      },
      {
        id: 'vip-only',
        type: 'rollout',
        data: { tiers: ['VIP', 'Platinum'] },
      },
      {
        id: 'message',
        type: 'template',
        data: { templateId: 'shipping-update' },
      },
      { id: 'send', type: 'channel', data: { policy: 'preferred' } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: 'shipped' },
      { id: 'e2', source: 'shipped', target: 'vip-only', sourceHandle: 'true' },
      { id: 'e3', source: 'vip-only', target: 'message' },
      { id: 'e4', source: 'message', target: 'send' },
    ],
  };
}

/** Defines the Shipment type, the template and two customers. */
export async function seedBasics(herald: TestHerald) {
  await expectOk(
    herald.api('/api/object-types/Shipment', {
      method: 'PUT',
      body: shipmentType,
    }),
  );
  await expectOk(
    herald.api('/api/templates/shipping-update', {
      method: 'PUT',
      body: shippingTemplate,
    }),
  );
  for (const [id, tier, firstName] of [
    ['vip-1', 'VIP', 'Vera'],
    ['std-1', 'Standard', 'Sam'],
  ]) {
    await expectOk(
      herald.api(`/api/customers/${id}`, {
        method: 'PUT',
        body: {
          firstName,
          tier,
          phone: '+14155550100',
          preferredChannel: 'sms',
          consent: [{ channel: 'sms', status: 'opt_in', source: 'web form' }],
        },
      }),
    );
  }
}

/** Creates and publishes the shipping Flow; answers its id. */
export async function publishShippingFlow(herald: TestHerald) {
  const created = await expectOk(
    herald.api('/api/flows', {
      body: { name: 'Shipping update', graph: shippingGraph() },
    }),
  );
  await expectOk(
    herald.api(`/api/flows/${created.id}/publish`, { method: 'POST' }),
  );
  return created.id as string;
}

/** Awaits a response and fails loudly unless it is a 2xx. */
export async function expectOk(
  pending: Promise<{ status: number; body: any }>,
) {
  const response = await pending;
  if (response.status >= 300) {
    throw new Error(
      `expected success, got ${response.status}: ` +
        JSON.stringify(response.body),
    );
  }

  return response.body;
}
