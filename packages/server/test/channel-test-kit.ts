/**
 * Shared set-up for channel tests: a secret key, a Herald whose retries
 * are fast, the shipping fixtures, and helpers to ship a record and wait
 * for its Delivery to settle.
 */
import type { FlowGraph } from '@herald/engine';
import { expectOk, seedBasics, shippingGraph } from './fixtures.js';
import {
  eventually,
  startTestHerald,
  type TestHerald,
  type TestHeraldOptions,
} from './test-herald.js';
import {
  TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN,
} from './fake-providers/fake-twilio.js';

/** A test-only key for channel secrets. */
export const TEST_SECRET_KEY = 'ab'.repeat(32);

/** Starts Herald with a secret key and fast retries. */
export async function startChannelHerald(options: TestHeraldOptions = {}) {
  const herald = await startTestHerald({
    ...options,
    config: { secretKey: TEST_SECRET_KEY, ...options.config },
    deliveryPolicy: {
      quietHours: null,
      frequencyCap: null,
      retryBaseMs: 100,
      maxRetries: 2,
      ...options.deliveryPolicy,
    },
  });
  await seedBasics(herald);
  return herald;
}

/** Points the sms channel at a fake Twilio. */
export async function configureTwilio(
  herald: TestHerald,
  fakeUrl: string,
  timeoutMs = 2000,
) {
  return expectOk(
    herald.api('/api/channels/sms', {
      method: 'PUT',
      body: {
        provider: 'twilio',
        settings: {
          baseUrl: fakeUrl,
          accountSid: TWILIO_ACCOUNT_SID,
          from: '+14155550199',
          publicUrl: herald.url,
          timeoutMs,
        },
        secrets: { authToken: TWILIO_AUTH_TOKEN },
      },
    }),
  );
}

/** The shipping Flow with another Channel step policy. */
export function shippingGraphWith(
  policy: Record<string, unknown>,
  templateData: Record<string, unknown> = { templateId: 'shipping-update' },
): FlowGraph {
  const graph = shippingGraph();
  return {
    ...graph,
    steps: graph.steps.map((step) => {
      if (step.id === 'send') {
        return { ...step, data: policy } as FlowGraph['steps'][number];
      }
      if (step.id === 'message') {
        return { ...step, data: templateData } as FlowGraph['steps'][number];
      }
      return step;
    }),
  };
}

/** Creates and publishes a Flow; answers its id. */
export async function publishGraph(herald: TestHerald, graph: FlowGraph) {
  const created = await expectOk(
    herald.api('/api/flows', { body: { name: 'Shipping', graph } }),
  );
  await expectOk(
    herald.api(`/api/flows/${created.id}/publish`, { method: 'POST' }),
  );
  return created.id as string;
}

/** Ships record `recordId` of `customerId`; answers the Change id. */
export async function ship(
  herald: TestHerald,
  recordId: string,
  customerId = 'vip-1',
) {
  await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: {
      customerId,
      fields: { status: 'Pending', carrier: 'DHL', trackingNumber: recordId },
    },
  });
  const shipped = await herald.api(`/api/records/Shipment/${recordId}`, {
    method: 'PUT',
    body: { fields: { status: 'Shipped' } },
  });
  return shipped.body.changeId as string;
}

/** Waits until the record's Delivery is in one of `statuses`; its timeline. */
export async function deliveryOf(
  herald: TestHerald,
  recordId: string,
  statuses: string[],
  timeoutMs = 20_000,
) {
  return eventually(async () => {
    const list = await herald.api(`/api/deliveries?recordId=${recordId}`);
    const [item] = list.body.items;
    if (!item || !statuses.includes(item.status)) {
      return undefined;
    }

    const detail = await herald.api(`/api/deliveries/${item.id}`);
    return detail.body;
  }, timeoutMs);
}

/** Points the whatsapp channel at a fake Cloud API, with webhook secrets. */
export async function configureWhatsapp(
  herald: TestHerald,
  fakeUrl: string,
  secrets: { accessToken: string; appSecret: string; verifyToken: string },
  phoneNumberId: string,
) {
  return expectOk(
    herald.api('/api/channels/whatsapp', {
      method: 'PUT',
      body: {
        provider: 'whatsapp-cloud',
        settings: { baseUrl: fakeUrl, phoneNumberId, timeoutMs: 2000 },
        secrets,
      },
    }),
  );
}

/** Points the messenger channel at a fake Send API, with webhook secrets. */
export async function configureMessenger(
  herald: TestHerald,
  fakeUrl: string,
  secrets: { pageAccessToken: string; appSecret: string; verifyToken: string },
  pageId: string,
) {
  return expectOk(
    herald.api('/api/channels/messenger', {
      method: 'PUT',
      body: {
        provider: 'messenger',
        settings: { baseUrl: fakeUrl, pageId, timeoutMs: 2000 },
        secrets,
      },
    }),
  );
}

/** A VIP Customer reachable on `channel`, opted in there. */
export async function addChannelCustomer(
  herald: TestHerald,
  id: string,
  channel: 'whatsapp' | 'messenger',
  address: string,
) {
  const addressField =
    channel === 'whatsapp'
      ? { whatsappId: address }
      : { messengerPsid: address };
  return expectOk(
    herald.api(`/api/customers/${id}`, {
      method: 'PUT',
      body: {
        firstName: 'Vera',
        tier: 'VIP',
        preferredChannel: channel,
        ...addressField,
        consent: [{ channel, status: 'opt_in', source: 'web form' }],
      },
    }),
  );
}

/** The Attempts of a Delivery's timeline, in order. */
export function attemptsOf(delivery: { timeline: any[] }) {
  return delivery.timeline.filter((entry) => entry.kind === 'attempt');
}
