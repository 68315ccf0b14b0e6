/**
 * `pnpm bench:canvas [--quick]`: how long the builder takes to show a
 * generated 300-step Flow, and to lay it out automatically, in headless
 * Chromium, next to the same page with an empty Flow in the same run.
 * Each page is opened several times in fresh tabs (after one unmeasured
 * opening of each, to warm the server and the HTTP cache); the figures
 * are medians. Ends with one JSON line of the figures. Uses DATABASE_URL's
 * server when set, else an embedded Postgres; needs the built UI
 * (`pnpm bench:canvas` builds it first).
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, ensureChromium } from '../support/chromium.js';
import {
  createTestDatabase,
  dropTestDatabase,
  startTestPostgresServer,
} from '../../packages/server/test/test-postgres.js';
import { ensureBuilderBuilt } from '../support/builder-dist.js';
import {
  BENCH_TOKEN,
  startCanvasBenchHerald,
  type CanvasBenchHerald,
} from './canvas-bench-herald.js';
import { timeCanvasOpening, type CanvasTiming } from './canvas-page-timing.js';

const STEPS = 300;

async function main() {
  const quick = process.argv.includes('--quick');
  const repetitions = quick ? 3 : 9;
  const missing = ensureChromium();
  if (missing) {
    throw new Error(`Chromium is needed: ${missing}`);
  }

  ensureBuilderBuilt();
  const server = await startTestPostgresServer();
  const databaseUrl = await createTestDatabase(server.adminUrl);
  let herald: CanvasBenchHerald | null = null;
  let browser: Browser | null = null;
  try {
    herald = await startCanvasBenchHerald(databaseUrl, STEPS);
    browser = await launchBenchChromium();
    print(
      `Herald canvas bench: a ${STEPS}-step flow and an empty flow, ` +
        `${repetitions} openings each, medians`,
    );
    const { large, empty } = await measure(browser, herald, repetitions);
    report(large, empty, repetitions);
  } finally {
    await browser?.close();
    await herald?.stop();
    await dropTestDatabase(server.adminUrl, databaseUrl);
    await server.stop();
  }
}

function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-background-networking'],
  });
}

// Alternates the two pages so both see the same machine load.
async function measure(
  browser: Browser,
  herald: CanvasBenchHerald,
  repetitions: number,
) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  });
  await signIn(context, herald.url);
  const large: CanvasTiming[] = [];
  const empty: CanvasTiming[] = [];
  for (let round = 0; round <= repetitions; round += 1) {
    const largeRun = await timeCanvasOpening(
      context,
      herald.url,
      herald.largeFlowId,
      STEPS,
    );
    const emptyRun = await timeCanvasOpening(
      context,
      herald.url,
      herald.emptyFlowId,
      0,
    );
    if (round > 0) {
      large.push(largeRun);
      empty.push(emptyRun);
    }
  }

  await context.close();
  return { large, empty };
}

// The start link stores the token; later tabs of the context reuse it.
async function signIn(
  context: Awaited<ReturnType<Browser['newContext']>>,
  url: string,
) {
  const page = await context.newPage();
  await page.goto(`${url}/#token=${BENCH_TOKEN}`);
  await page.getByTestId('flow-row').first().waitFor();
  await page.close();
}

function report(
  large: CanvasTiming[],
  empty: CanvasTiming[],
  repetitions: number,
) {
  const figures = {
    steps: STEPS,
    repetitions,
    largeFirstRenderMs: median(large.map((run) => run.firstRenderMs)),
    emptyFirstRenderMs: median(empty.map((run) => run.firstRenderMs)),
    largeLayoutMs: median(large.map((run) => run.layoutMs)),
    emptyLayoutMs: median(empty.map((run) => run.layoutMs)),
  };
  const renderRatio = figures.largeFirstRenderMs / figures.emptyFirstRenderMs;
  const layoutRatio = figures.largeLayoutMs / figures.emptyLayoutMs;
  print(
    `first render  ${STEPS} steps ${ms(figures.largeFirstRenderMs)}, ` +
      `empty ${ms(figures.emptyFirstRenderMs)}, ratio ${renderRatio.toFixed(2)}`,
  );
  print(
    `layout        ${STEPS} steps ${ms(figures.largeLayoutMs)}, ` +
      `empty ${ms(figures.emptyLayoutMs)}, ratio ${layoutRatio.toFixed(2)}`,
  );
  print(
    JSON.stringify({
      ...roundAll(figures),
      firstRenderRatio: round(renderRatio),
      layoutRatio: round(layoutRatio),
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ms(value: number) {
  return `${value.toFixed(0)} ms`;
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}

function roundAll<T extends Record<string, number>>(figures: T): T {
  return Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, round(value)]),
  ) as T;
}

function print(line: string) {
  process.stdout.write(`${line}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench:canvas failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
