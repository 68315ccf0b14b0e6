/**
 * The demo's three Flows, as an admin would draw them on the canvas.
 */
import {
  FLOW_SCHEMA_VERSION,
  type ChannelPolicy,
  type FlowGraph,
  type Step,
} from '@herald/engine';

export interface DemoFlow {
  name: string;
  description: string;
  graph: FlowGraph;
}

/** Shipment → Shipped, VIP and Platinum only, on the preferred channel. */
export const shippingUpdateFlow: DemoFlow = {
  name: 'Shipping update for VIP customers',
  description:
    'Tells VIP and Platinum customers once, when their shipment ships.',
  graph: statusFlow({
    objectType: 'Shipment',
    status: 'Shipped',
    rollout: { tiers: ['VIP', 'Platinum'] },
    templateId: 'shipping-update',
    channel: { policy: 'preferred' },
  }),
};

/** Case → In Progress, by SMS. */
export const caseInProgressFlow: DemoFlow = {
  name: 'Case in progress',
  description: 'Lets the customer know someone is working on their case.',
  graph: statusFlow({
    objectType: 'Case',
    status: 'In Progress',
    templateId: 'case-in-progress',
    channel: { policy: 'fixed', channel: 'sms' },
  }),
};

/** Invoice → Paid, on WhatsApp. */
export const paymentReceivedFlow: DemoFlow = {
  name: 'Payment received',
  description: 'Thanks the customer when an invoice is paid.',
  graph: statusFlow({
    objectType: 'Invoice',
    status: 'Paid',
    templateId: 'payment-received',
    channel: { policy: 'fixed', channel: 'whatsapp' },
  }),
};

/** Every demo Flow, in the order they are published. */
export const demoFlows = [
  shippingUpdateFlow,
  caseInProgressFlow,
  paymentReceivedFlow,
];

/**
 * Trigger on the object type's `status` → condition "status changes to
 * X" → optional Rollout → Template → Channel, laid out top to bottom.
 */
function statusFlow(options: {
  objectType: string;
  status: string;
  rollout?: { tiers?: string[]; regions?: string[]; percentage?: number };
  templateId: string;
  channel: ChannelPolicy;
}): FlowGraph {
  const steps: Step[] = [
    {
      id: 'trigger',
      type: 'trigger',
      position: { x: 0, y: 0 },
      data: {
        objectType: options.objectType,
        changeKinds: ['create', 'update'],
        changedFields: ['status'],
        semantics: 'transition',
      },
    },
    {
      id: 'status-check',
      type: 'condition',
      position: { x: 0, y: 190 },
      data: {
        test: {
          fact: 'record',
          path: 'status',
          operator: 'equal',
          value: options.status,
        },
      },
    },
  ];
  if (options.rollout) {
    steps.push({
      id: 'pilot',
      type: 'rollout',
      position: { x: 0, y: 340 },
      data: options.rollout,
    });
  }
  steps.push(
    {
      id: 'message',
      type: 'template',
      position: { x: 0, y: options.rollout ? 480 : 340 },
      data: { templateId: options.templateId },
    },
    {
      id: 'send',
      type: 'channel',
      position: { x: 0, y: options.rollout ? 640 : 500 },
      data: options.channel,
    },
  );
  return { schemaVersion: FLOW_SCHEMA_VERSION, steps, edges: chain(steps) };
}

/** Connects steps in order; a Condition continues on its true output. */
function chain(steps: Step[]): FlowGraph['edges'] {
  return steps.slice(1).map((step, index) => {
    const source = steps[index];
    return {
      id: `${source.id}->${step.id}`,
      source: source.id,
      target: step.id,
      sourceHandle: source.type === 'condition' ? 'true' : 'next',
    };
  });
}
