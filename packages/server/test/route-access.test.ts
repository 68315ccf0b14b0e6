/**
 * Every route of the live router, called by every kind of caller: no
 * credentials, and an admin, business and agent user signed in by cookie,
 * and an ingest token. Callers the route's access rule admits get through
 * (and succeed, where the route has a sample request below); the others
 * get 401 or 403 and change nothing in the database. A route that declares
 * no access rule fails this test: it would be admin-only by default, and
 * that should be a decision, not an accident.
 */
import type { FlowGraph } from '@herald/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRule } from '../src/http/access-policy.js';
import {
  createTestToken,
  createTestUser,
  signInAs,
  TEST_PASSWORD,
  type SessionClient,
} from './access-client.js';
import { snapshotDatabase } from './db-snapshot.js';
import {
  expectOk,
  publishShippingFlow,
  seedBasics,
  shippingGraph,
  shippingTemplate,
  shipmentType,
} from './fixtures.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

type Caller = 'none' | 'admin' | 'business' | 'agent' | 'ingest';
const callers: Caller[] = ['none', 'admin', 'business', 'agent', 'ingest'];

/**
 * Which callers each access rule admits. Written out here, not read from
 * access-policy.ts, so changing who may do what changes this test too.
 */
const admitted: Record<AccessRule, Caller[]> = {
  public: ['none', 'admin', 'business', 'agent', 'ingest'],
  'signed-in': ['admin', 'business', 'agent', 'ingest'],
  admin: ['admin'],
  'business-read': ['admin', 'business'],
  'rollout-publish': ['admin', 'business'],
  'template-read': ['admin', 'business', 'agent'],
  'test-send': ['admin', 'business'],
  agent: ['admin', 'agent'],
  'customer-read': ['admin', 'business', 'agent', 'ingest'],
  ingest: ['admin', 'ingest'],
};

/** Routes served by plugins, whose options Herald does not write. */
const frameworkPrefixes = ['/api/docs'];

const AUTH_CODES = ['HERALD_UNAUTHORIZED', 'HERALD_FORBIDDEN', 'HERALD_CSRF'];

interface Sample {
  path: string;
  body?: unknown;
}

interface Fixture {
  herald: TestHerald;
  flowId: string;
  userId: string;
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${(serial += 1)}`;

/**
 * A request that succeeds for every admitted caller, per route. Routes
 * without one are still checked for access, with placeholder input.
 */
const samples: Record<string, (f: Fixture) => Promise<Sample>> = {
  'GET /api/health': async () => ({ path: '/api/health' }),
  'GET /api/object-types': async () => ({ path: '/api/object-types' }),
  'PUT /api/object-types/:name': async () => ({
    path: '/api/object-types/Shipment',
    body: shipmentType,
  }),
  'PUT /api/customers/:id': async () => ({
    path: '/api/customers/vip-1',
    body: { tier: 'VIP' },
  }),
  'POST /api/customers/batch': async () => ({
    path: '/api/customers/batch',
    body: { items: [{ id: 'std-2', tier: 'Standard' }] },
  }),
  'GET /api/customers': async () => ({ path: '/api/customers' }),
  'GET /api/customers/:id/export': async () => ({
    path: '/api/customers/vip-1/export',
  }),
  'POST /api/customers/:id/erase': async () => ({
    path: '/api/customers/erase-me/erase',
  }),
  'PUT /api/records/:objectType/:recordId': async () => ({
    path: '/api/records/Shipment/SHP-1',
    body: { customerId: 'vip-1', fields: { status: 'Pending' } },
  }),
  'DELETE /api/records/:objectType/:recordId': async ({ herald }) => {
    const recordId = `SHP-${unique()}`;
    await expectOk(
      herald.api(`/api/records/Shipment/${recordId}`, {
        method: 'PUT',
        body: { customerId: 'vip-1', fields: { status: 'Pending' } },
      }),
    );
    return { path: `/api/records/Shipment/${recordId}` };
  },
  'POST /api/records/batch': async () => ({
    path: '/api/records/batch',
    body: {
      items: [
        {
          objectType: 'Shipment',
          recordId: 'SHP-3',
          customerId: 'vip-1',
          fields: { status: 'Pending' },
        },
      ],
    },
  }),
  'GET /api/records/:objectType/:recordId': async () => ({
    path: '/api/records/Shipment/SHP-1',
  }),
  'POST /api/records/dry-run': async () => ({
    path: '/api/records/dry-run',
    body: {
      items: [
        {
          objectType: 'Shipment',
          recordId: 'SHP-1',
          fields: { status: 'Shipped' },
        },
      ],
    },
  }),
  'GET /api/connectors/salesforce-cdc/mappings': async () => ({
    path: '/api/connectors/salesforce-cdc/mappings',
  }),
  'GET /api/connectors/salesforce-cdc/events': async () => ({
    path: '/api/connectors/salesforce-cdc/events',
  }),
  'GET /api/templates': async () => ({ path: '/api/templates' }),
  'PUT /api/templates/:id': async () => ({
    path: '/api/templates/shipping-update',
    body: shippingTemplate,
  }),
  'GET /api/catalog': async () => ({ path: '/api/catalog' }),
  'GET /api/me/test-recipient': async () => ({
    path: '/api/me/test-recipient',
  }),
  // Runs for each admitted caller before the test send below, so each has
  // a test recipient of their own by then.
  'PUT /api/me/test-recipient': async () => ({
    path: '/api/me/test-recipient',
    body: { channel: 'sms', phone: '+14155550100' },
  }),
  'POST /api/templates/:id/test-send': async () => ({
    path: '/api/templates/shipping-update/test-send',
    body: {
      customerId: 'vip-1',
      objectType: 'Shipment',
      record: { status: 'Shipped', carrier: 'DHL', trackingNumber: 'T-1' },
    },
  }),
  'POST /api/flows': async () => ({
    path: '/api/flows',
    body: { name: `Flow ${unique()}` },
  }),
  'GET /api/flows': async () => ({ path: '/api/flows' }),
  'GET /api/flows/:id': async ({ flowId }) => ({
    path: `/api/flows/${flowId}`,
  }),
  'PUT /api/flows/:id': async ({ flowId }) => ({
    path: `/api/flows/${flowId}`,
    body: { name: 'Shipping update' },
  }),
  'POST /api/flows/:id/validate': async ({ flowId }) => ({
    path: `/api/flows/${flowId}/validate`,
    body: {},
  }),
  'POST /api/flows/:id/publish': async ({ flowId }) => ({
    path: `/api/flows/${flowId}/publish`,
    body: {},
  }),
  'POST /api/flows/:id/rollout-publish': async ({ flowId }) => ({
    path: `/api/flows/${flowId}/rollout-publish`,
    body: { graph: withRolloutPercentage(shippingGraph(), 50) },
  }),
  'POST /api/flows/:id/rollout-audience': async ({ flowId }) => ({
    path: `/api/flows/${flowId}/rollout-audience`,
    body: { tiers: ['VIP'], percentage: 50 },
  }),
  'POST /api/flows/:id/deactivate': async ({ herald }) => {
    const id = await publishShippingFlow(herald);
    return { path: `/api/flows/${id}/deactivate`, body: {} };
  },
  'GET /api/flows/:id/versions/:version': async ({ flowId }) => ({
    path: `/api/flows/${flowId}/versions/1`,
  }),
  'GET /api/deliveries': async () => ({ path: '/api/deliveries' }),
  'GET /api/runs': async () => ({ path: '/api/runs' }),
  'GET /api/changes/:id': async ({ herald }) => {
    const change = await expectOk(
      herald.api(`/api/records/Shipment/SHP-${unique()}`, {
        method: 'PUT',
        body: { customerId: 'vip-1', fields: { status: 'Pending' } },
      }),
    );
    return { path: `/api/changes/${change.changeId}` };
  },
  'GET /api/outbox': async () => ({ path: '/api/outbox' }),
  'POST /api/session': async () => ({
    path: '/api/session',
    body: { email: 'admin@example.com', password: TEST_PASSWORD },
  }),
  'GET /api/session': async () => ({ path: '/api/session' }),
  'GET /api/users': async () => ({ path: '/api/users' }),
  'POST /api/users': async () => ({
    path: '/api/users',
    body: {
      email: `new-${unique()}@example.com`,
      role: 'agent',
      password: TEST_PASSWORD,
    },
  }),
  'PATCH /api/users/:id': async ({ userId }) => ({
    path: `/api/users/${userId}`,
    body: { name: `Renamed ${unique()}` },
  }),
  'GET /api/tokens': async () => ({ path: '/api/tokens' }),
  'POST /api/tokens': async () => ({
    path: '/api/tokens',
    body: { name: `token ${unique()}`, scope: 'ingest' },
  }),
  'DELETE /api/tokens/:id': async ({ herald }) => {
    const created = await expectOk(
      herald.api('/api/tokens', { body: { name: 'doomed', scope: 'agent' } }),
    );
    return { path: `/api/tokens/${created.id}` };
  },
  'GET /api/audit': async () => ({ path: '/api/audit' }),
  'GET /api/conversations': async () => ({ path: '/api/conversations' }),
  'POST /api/conversations': async () => ({
    path: '/api/conversations',
    body: { customerId: 'vip-1', text: 'Hello from the team' },
  }),
  'GET /api/conversations/:id': async ({ herald }) => ({
    path: `/api/conversations/${await startConversation(herald)}`,
  }),
  'POST /api/conversations/:id/messages': async ({ herald }) => ({
    path: `/api/conversations/${await startConversation(herald)}/messages`,
    body: { text: 'Anything else?' },
  }),
  'POST /api/conversations/:id/read': async ({ herald }) => ({
    path: `/api/conversations/${await startConversation(herald)}/read`,
    body: {},
  }),
  'POST /api/conversations/:id/close': async ({ herald }) => ({
    path: `/api/conversations/${await startConversation(herald)}/close`,
    body: {},
  }),
  'GET /api/conversations/events': async () => ({
    path: '/api/conversations/events',
  }),
  'GET /api/conversation-options': async () => ({
    path: '/api/conversation-options?customerId=vip-1',
  }),
  'GET /api/agents/presence': async () => ({ path: '/api/agents/presence' }),
  'PUT /api/agents/me/presence': async () => ({
    path: '/api/agents/me/presence',
    body: { status: 'online' },
  }),
  'GET /api/quick-phrases': async () => ({ path: '/api/quick-phrases' }),
  'GET /api/conversation-policy': async () => ({
    path: '/api/conversation-policy',
  }),
  'PUT /api/conversation-policy': async () => ({
    path: '/api/conversation-policy',
    body: { botEnabled: true },
  }),
};

/** Routes that answer with a never-ending stream: only the status is read. */
const streams = new Set(['GET /api/conversations/events']);

/** Starts a conversation with vip-1 as the admin token; answers its id. */
async function startConversation(herald: TestHerald) {
  const started = await expectOk(
    herald.api('/api/conversations', {
      body: { customerId: 'vip-1', text: 'Hello' },
    }),
  );
  return started.conversationId as string;
}

/** Routes whose call ends the caller's session: each gets a fresh one. */
const endsSession = new Set(['DELETE /api/session']);

describe('access to every route of the live router', () => {
  let fixture: Fixture;
  let sessions: Record<'admin' | 'business' | 'agent', SessionClient>;
  let ingestToken: string;

  beforeAll(async () => {
    const herald = await startTestHerald({
      worker: false,
      config: { signInRateLimit: 1000 },
    });
    await seedBasics(herald);
    await expectOk(
      herald.api('/api/customers/erase-me', {
        method: 'PUT',
        body: { firstName: 'Eve' },
      }),
    );
    const flowId = await publishShippingFlow(herald);
    for (const role of ['admin', 'business', 'agent'] as const) {
      await createTestUser(herald, `${role}@example.com`, role);
    }
    const spare = await createTestUser(herald, 'spare@example.com', 'agent');
    sessions = await signInAll(herald);
    ingestToken = await createTestToken(herald, 'ingest');
    fixture = { herald, flowId, userId: spare.id };
  });

  afterAll(async () => {
    await fixture?.herald.stop();
  });

  async function call(caller: Caller, method: string, sample: Sample) {
    const { herald } = fixture;
    if (streams.has(`${method} ${routeOf(sample.path)}`)) {
      return callStream(caller, sample);
    }

    if (caller === 'none' || caller === 'ingest') {
      const token = caller === 'none' ? null : ingestToken;
      return herald.api(sample.path, { method, body: sample.body, token });
    }

    const session = endsSession.has(`${method} ${sample.path}`)
      ? (await signInAll(herald))[caller]
      : sessions[caller];
    return session.call(sample.path, { method, body: sample.body });
  }

  it('finds every /api route with a declared access rule', () => {
    expect(routes().length).toBeGreaterThan(40);
    const undeclared = routes().filter((route) => !route.declared);
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('has a sample request for every route Herald had when it was written', () => {
    const known = new Set(routes().map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(samples).filter((key) => !known.has(key))).toEqual([]);
  });

  it('lets admitted callers through and refuses the rest, changing nothing', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      const key = `${route.method} ${route.url}`;
      for (const caller of callers) {
        const sample = await sampleFor(key, route.url);
        const allowed = admitted[route.access].includes(caller);
        const before = allowed
          ? null
          : await snapshotDatabase(fixture.herald.db);
        const answer = await call(caller, route.method, sample);
        const code = answer.body?.error?.code;
        const label = `${key} as ${caller}: ${answer.status} ${code ?? ''}`;
        if (allowed && AUTH_CODES.includes(code)) {
          failures.push(`${label} (should be admitted)`);
        } else if (allowed && samples[key] && answer.status >= 300) {
          failures.push(`${label} (sample should succeed)`);
        } else if (!allowed) {
          const status = caller === 'none' ? 401 : 403;
          if (answer.status !== status) {
            failures.push(`${label} (should be ${status})`);
          }
          const after = await snapshotDatabase(fixture.herald.db);
          if (JSON.stringify(after) !== JSON.stringify(before)) {
            failures.push(`${label} (changed the database)`);
          }
        }
      }
    }

    expect(failures).toEqual([]);
  });

  /** Opens a stream, reads the status (and a JSON refusal), then hangs up. */
  async function callStream(caller: Caller, sample: Sample) {
    const headers: Record<string, string> = {};
    if (caller === 'ingest') {
      headers.authorization = `Bearer ${ingestToken}`;
    } else if (caller !== 'none') {
      headers.cookie = sessions[caller].cookie;
    }

    const controller = new AbortController();
    const response = await fetch(`${fixture.herald.url}${sample.path}`, {
      headers,
      signal: controller.signal,
    });
    const json = response.headers.get('content-type')?.includes('json');
    const body = json ? await response.json() : null;
    controller.abort();
    return { status: response.status, body };
  }

  function routes() {
    return fixture.herald
      .app!.routeAccess.filter((route) => route.url.startsWith('/api/'))
      .filter((route) => route.method !== 'HEAD')
      .filter(
        (route) => !frameworkPrefixes.some((p) => route.url.startsWith(p)),
      );
  }

  async function sampleFor(key: string, url: string): Promise<Sample> {
    const make = samples[key];
    if (make) {
      return make(fixture);
    }

    const path = url.replace(/:[A-Za-z]+/g, 'placeholder');
    return key.startsWith('GET ') ? { path } : { path, body: {} };
  }
});

function routeOf(path: string) {
  return path.split('?')[0];
}

async function signInAll(herald: TestHerald) {
  return {
    admin: await signInAs(herald, 'admin@example.com'),
    business: await signInAs(herald, 'business@example.com'),
    agent: await signInAs(herald, 'agent@example.com'),
  };
}

function withRolloutPercentage(graph: FlowGraph, percentage: number) {
  return {
    ...graph,
    steps: graph.steps.map((step) =>
      step.type === 'rollout'
        ? { ...step, data: { ...step.data, percentage } }
        : step,
    ),
  };
}
