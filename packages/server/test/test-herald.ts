/**
 * Starts Herald for a test on a fresh database: API on a free port, a
 * worker unless told otherwise, a known admin token, no demo data unless
 * asked for.
 */
import { inject } from 'vitest';
import pino from 'pino';
import { loadConfig, type HeraldConfig } from '../src/config.js';
import { startHerald, type RunningHerald } from '../src/herald.js';
import type { ChannelRegistry } from '../src/channels/channel-adapter.js';
import {
  saveDeliveryPolicy,
  type DeliveryPolicy,
} from '../src/services/delivery-policy.js';
import { createTestDatabase, dropTestDatabase } from './test-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the run's Postgres server (see global-setup.ts). */
    pgAdminUrl: string;
  }
}

/** The admin token test instances accept. */
export const TEST_TOKEN = 'test-admin-token';

export interface TestHerald extends RunningHerald {
  url: string;
  token: string;
  /** fetch against the API with the admin token and JSON. */
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string | null },
  ): Promise<{ status: number; body: any }>;
}

/** Options for startTestHerald. */
export interface TestHeraldOptions {
  worker?: boolean;
  demo?: boolean;
  databaseUrl?: string;
  channels?: ChannelRegistry;
  api?: boolean;
  /** Configuration overrides (rate limits, trusted proxies …). */
  config?: Partial<HeraldConfig>;
  /**
   * Delivery policy to store at start. Default: no quiet hours and no
   * cap, so tests do not depend on the time of day.
   */
  deliveryPolicy?: Partial<DeliveryPolicy>;
}

/** Starts an instance; `stop()` also drops its database when it made one. */
export async function startTestHerald(
  options: TestHeraldOptions = {},
): Promise<TestHerald> {
  const adminUrl = inject('pgAdminUrl');
  const databaseUrl =
    options.databaseUrl ?? (await createTestDatabase(adminUrl));
  const config = {
    ...loadConfig({}),
    databaseUrl,
    port: 0,
    adminToken: TEST_TOKEN,
    demoData: options.demo ?? false,
    workerConcurrency: 4,
    logLevel: process.env.HERALD_TEST_LOG ?? 'silent',
    ...options.config,
  };
  const herald = await startHerald(config, {
    api: options.api ?? true,
    worker: options.worker ?? true,
    channels: options.channels,
    log: pino({ level: config.logLevel }),
  });
  await saveDeliveryPolicy(
    herald.db,
    options.deliveryPolicy ?? { quietHours: null, frequencyCap: null },
  );
  const url = herald.url ?? '';
  return {
    ...herald,
    url,
    token: TEST_TOKEN,
    api: (path, init) => callApi(url, path, init),
    async stop() {
      await herald.stop();
      if (!options.databaseUrl) {
        await dropTestDatabase(adminUrl, databaseUrl);
      }
    },
  };
}

async function callApi(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null } = {},
) {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? TEST_TOKEN : init.token;
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
  }

  const response = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text.
  }

  return { status: response.status, body: body as any };
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }

    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
