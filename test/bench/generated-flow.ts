/**
 * A large, valid Flow for the canvas benchmark: one Trigger, then a ladder
 * of Conditions whose `true` branch goes through a Rollout and a second
 * Condition to two paths (one with a Wait), each ending in a Template and
 * a Channel, and whose `false` branch tries the next rung. The last rung's
 * `false` branch ends in a catch-all Wait, Template and Channel.
 */
import type { Edge, FlowGraph, Step } from '@herald/engine';

/** The object type the generated Flow triggers on. */
export const benchObjectType = {
  label: 'Shipment',
  customerField: 'customerId',
  fields: [
    {
      name: 'status',
      type: 'picklist',
      values: ['Pending', 'Packed', 'Shipped', 'Delayed', 'Delivered'],
    },
    { name: 'carrier', type: 'picklist', values: ['UPS', 'DHL', 'FedEx'] },
    { name: 'trackingNumber', type: 'text' },
    { name: 'weightKg', type: 'number' },
    { name: 'value', type: 'money', currency: 'USD' },
  ],
};

/** Library Templates the generated Flow's Template steps use. */
export const benchTemplates = ['shipped', 'delayed', 'delivered'].map(
  (kind) => ({
    id: `bench-${kind}`,
    body: {
      name: `Shipment ${kind}`,
      body:
        `Hi {{ customer.firstName }}, your shipment is ${kind}. ` +
        'Tracking: {{ record.trackingNumber }}.',
    },
  }),
);

const STEPS_PER_RUNG = 8;
const TAIL_STEPS = 3;
const statuses = ['Shipped', 'Delayed', 'Delivered', 'Packed'];
const carriers = ['UPS', 'DHL', 'FedEx'];
const regions = ['North', 'South', 'East', 'West'];

/**
 * A Flow graph of exactly `size` Steps (at least 12), placed on a grid
 * (as a saved draft would be), that validates without problems.
 */
export function generateFlow(size: number): FlowGraph {
  if (size < 1 + STEPS_PER_RUNG + TAIL_STEPS) {
    throw new Error(`a generated flow needs at least 12 steps, not ${size}`);
  }

  const builder = new GraphBuilder();
  builder.add({
    id: 'trigger',
    type: 'trigger',
    data: {
      objectType: 'Shipment',
      changeKinds: ['create', 'update'],
      semantics: 'transition',
    },
  });
  const rungs = Math.floor((size - 1 - TAIL_STEPS) / STEPS_PER_RUNG);
  let from: Output = { source: 'trigger', handle: 'next' };
  for (let rung = 0; rung < rungs; rung += 1) {
    from = addRung(builder, rung, from);
  }

  addTail(builder, from, size - builder.count);
  return builder.graph();
}

type Output = { source: string; handle: 'next' | 'true' | 'false' };

// One rung: a status test; its true branch narrows the audience and splits
// by carrier into an immediate and a delayed message.
function addRung(builder: GraphBuilder, rung: number, from: Output): Output {
  const status = statuses[rung % statuses.length];
  const test = builder.add(
    {
      id: `status-${rung}`,
      type: 'condition',
      label: `Rung ${rung + 1}`,
      data: {
        test: {
          all: [
            {
              fact: 'record',
              path: 'status',
              operator: 'equal',
              value: status,
            },
            {
              fact: 'record',
              path: 'weightKg',
              operator: 'greaterThan',
              value: rung,
            },
          ],
        },
      },
    },
    from,
  );
  const rollout = builder.add(
    {
      id: `audience-${rung}`,
      type: 'rollout',
      data: {
        tiers: rung % 2 === 0 ? ['VIP', 'Platinum'] : ['Gold'],
        regions: [regions[rung % regions.length]],
        percentage: 10 + ((rung * 7) % 90),
      },
    },
    { source: test, handle: 'true' },
  );
  const carrier = builder.add(
    {
      id: `carrier-${rung}`,
      type: 'condition',
      data: {
        test: {
          fact: 'record',
          path: 'carrier',
          operator: 'in',
          value: [carriers[rung % carriers.length]],
        },
      },
    },
    { source: rollout, handle: 'next' },
  );
  addMessage(builder, `now-${rung}`, rung, { source: carrier, handle: 'true' });
  const wait = builder.add(
    {
      id: `wait-${rung}`,
      type: 'wait',
      data: { mode: 'delay', minutes: 30 + rung },
    },
    { source: carrier, handle: 'false' },
  );
  addMessage(builder, `later-${rung}`, rung, { source: wait, handle: 'next' });

  return { source: test, handle: 'false' };
}

// The catch-all after the last rung: Waits (as many as the size needs),
// then a Template and a Channel.
function addTail(builder: GraphBuilder, from: Output, steps: number) {
  let output = from;
  for (let index = 0; index < steps - 2; index += 1) {
    const wait = builder.add(
      {
        id: `tail-wait-${index}`,
        type: 'wait',
        data: { mode: 'delay', minutes: 60 * (index + 1) },
      },
      output,
    );
    output = { source: wait, handle: 'next' };
  }

  addMessage(builder, 'tail', 0, output);
}

function addMessage(
  builder: GraphBuilder,
  name: string,
  rung: number,
  from: Output,
) {
  const template = builder.add(
    {
      id: `message-${name}`,
      type: 'template',
      data: { templateId: benchTemplates[rung % benchTemplates.length].id },
    },
    from,
  );
  builder.add(
    {
      id: `send-${name}`,
      type: 'channel',
      data:
        rung % 3 === 0
          ? { policy: 'preferred' }
          : { policy: 'fallback', channels: ['whatsapp', 'sms'] },
    },
    { source: template, handle: 'next' },
  );
}

// Collects Steps and edges; places each Step on a grid in the order added.
class GraphBuilder {
  private readonly steps: Step[] = [];
  private readonly edges: Edge[] = [];

  get count() {
    return this.steps.length;
  }

  add(
    step: Omit<Step, 'position'> & Partial<Pick<Step, 'position'>>,
    from?: Output,
  ) {
    const index = this.steps.length;
    const position = { x: (index % 12) * 300, y: Math.floor(index / 12) * 180 };
    this.steps.push({ ...step, position } as Step);
    if (from) {
      const sourceHandle = from.handle === 'next' ? undefined : from.handle;
      this.edges.push({
        id: `e-${from.source}-${from.handle}-${step.id}`,
        source: from.source,
        target: step.id,
        ...(sourceHandle ? { sourceHandle } : {}),
      });
    }

    return step.id;
  }

  graph(): FlowGraph {
    return { schemaVersion: 1, steps: this.steps, edges: this.edges };
  }
}
