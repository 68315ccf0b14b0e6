/**
 * The set-up every browser test file shares: whether Chromium is here
 * (said loudly when it is not, and a failure under CI=true), a builder
 * session opened before the enclosing describe's tests and closed after
 * them, and a record of the page's write requests to the API.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import type {
  TestHerald,
  TestHeraldOptions,
} from '../../packages/server/test/test-herald.js';
import { openBuilderSession } from './builder-session.js';
import { ensureChromium, reportMissingChromium } from './chromium.js';

/**
 * Why Chromium cannot be had here, or null when it is ready; worked out
 * once, on import, and reported then.
 */
export const chromiumMissing: string | null = (() => {
  const missing = ensureChromium();
  if (missing) {
    reportMissingChromium(missing);
  }

  return missing;
})();

/** A describe that skips (loudly; failing under CI=true) without Chromium. */
export const describeInChromium = describe.skipIf(chromiumMissing !== null);

/** A builder session whose fields are filled once it is open. */
export interface OpenBuilderSession {
  herald: TestHerald;
  browser: Browser;
  page: Page;
  /** The page's console errors and warnings and uncaught errors. */
  problems: string[];
}

/**
 * Opens a builder session (Herald, Chromium, a watched page) in a
 * beforeAll of the enclosing describe and closes it in an afterAll. The
 * describe's own beforeAll hooks run after it, its afterAll hooks before.
 */
export function useBuilderSession(
  options: {
    herald?: TestHeraldOptions;
    viewport?: { width: number; height: number };
  } = {},
): OpenBuilderSession {
  const session = { problems: [] as string[] } as OpenBuilderSession;

  beforeAll(async () => {
    Object.assign(
      session,
      await openBuilderSession({ ...options, problems: session.problems }),
    );
  });

  afterAll(async () => {
    await session.browser?.close();
    await session.herald?.stop();
  });

  return session;
}

/** Records `page`'s non-GET requests to the API as "METHOD url". */
export function recordApiWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes('/api/')) {
      writes.push(`${request.method()} ${request.url()}`);
    }
  });
  return writes;
}
