/**
 * Every write route of the live router, fed random and hostile bodies made
 * from its own schema and hostile path parameters: nothing answers 5xx,
 * the server stays up, a refused request stores nothing, and no prototype
 * is polluted.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDatabase } from './db-snapshot.js';
import {
  hostileBodyFor,
  hostileStrings,
  hostileTexts,
} from './hostile-input.js';
import { publishShippingFlow, seedBasics } from './fixtures.js';
import { startTestHerald, type TestHerald, TEST_TOKEN } from './test-herald.js';

const RUNS_PER_ROUTE = Number(process.env.HERALD_HOSTILE_RUNS ?? 12);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refused sign-ins are audited on purpose; that is not a stored change. */
const auditsRefusals = new Set(['POST /api/session']);

describe('hostile input on every write route', () => {
  let herald: TestHerald;
  let flowId: string;

  beforeAll(async () => {
    herald = await startTestHerald({
      worker: false,
      config: { signInRateLimit: 100_000 },
    });
    await seedBasics(herald);
    flowId = await publishShippingFlow(herald);
  });

  afterAll(async () => {
    await herald?.stop();
  });

  it('answers no 5xx and stores nothing from refused requests', async () => {
    const failures: string[] = [];
    let last = await snapshotDatabase(herald.db);
    const routes = herald.app!.routeAccess.filter(
      (route) =>
        route.url.startsWith('/api/') && WRITE_METHODS.has(route.method),
    );
    expect(routes.length).toBeGreaterThan(15);

    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const schema = route.schema as { body?: unknown } | undefined;
      const bodies = fc
        .sample(hostileBodyFor(schema?.body), RUNS_PER_ROUTE)
        .map((body) => JSON.stringify(body) ?? 'null')
        .concat(hostileTexts());
      for (const [index, text] of bodies.entries()) {
        const path = pathFor(route.url, index, flowId);
        const status = await send(herald.url, route.method, path, text);
        const now = await snapshotDatabase(herald.db);
        if (status >= 500 || status === 0) {
          failures.push(`${key} ${path}: ${status} for ${text.slice(0, 120)}`);
        } else if (
          status >= 400 &&
          changed(last, now, auditsRefusals.has(key))
        ) {
          failures.push(`${key} ${path}: refused with ${status} but stored`);
        }
        last = now;
      }
    }

    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    const health = await herald.api('/api/health');
    expect(health.status).toBe(200);
  });
});

/** Path parameters: a valid id sometimes, a hostile string otherwise. */
function pathFor(url: string, index: number, flowId: string) {
  const valid: Record<string, string> = {
    id: index % 2 === 0 ? flowId : 'vip-1',
    objectType: 'Shipment',
    recordId: 'SHP-1',
    name: 'Shipment',
  };
  return url.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const hostile = hostileStrings[index % hostileStrings.length];
    const value = index % 3 === 0 ? (valid[name] ?? hostile) : hostile;
    return encodeURIComponent(value);
  });
}

async function send(url: string, method: string, path: string, text: string) {
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TEST_TOKEN}`,
        'content-type': 'application/json',
      },
      body: text,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

function changed(
  before: Record<string, string>,
  after: Record<string, string>,
  ignoreAudit: boolean,
) {
  const keys = Object.keys({ ...before, ...after }).filter(
    (key) => !(ignoreAudit && key === 'audit_log'),
  );
  return keys.some((key) => before[key] !== after[key]);
}
