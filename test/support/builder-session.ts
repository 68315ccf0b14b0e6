/**
 * A browser test's setup in one call: the built UI, a Herald on a fresh
 * database, headless Chromium and a page whose console errors, warnings
 * and uncaught exceptions are collected for the test to assert on.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  startTestHerald,
  type TestHerald,
  type TestHeraldOptions,
} from '../../packages/server/test/test-herald.js';
import { ensureBuilderBuilt } from './builder-dist.js';
import { launchChromium } from './chromium.js';
import { repoRoot } from './herald-process.js';

/** Where browser tests save their screenshots. */
export const screenshotsDir = path.join(
  repoRoot,
  'test-results',
  'screenshots',
);

export interface BuilderSession {
  herald: TestHerald;
  browser: Browser;
  page: Page;
}

/** Starts Herald and Chromium; page problems are pushed onto `problems`. */
export async function openBuilderSession(options: {
  herald?: TestHeraldOptions;
  viewport?: { width: number; height: number };
  problems: string[];
}): Promise<BuilderSession> {
  ensureBuilderBuilt();
  await fs.mkdir(screenshotsDir, { recursive: true });
  const herald = await startTestHerald(options.herald);
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1400, height: 900 },
  });
  watchPage(page, options.problems);
  return { herald, browser, page };
}

/** Collects a page's console errors and warnings and uncaught errors. */
export function watchPage(page: Page, problems: string[]) {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
}
