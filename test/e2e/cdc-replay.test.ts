/**
 * The shipped Salesforce CDC examples, replayed with `herald replay` into a
 * running Herald with the demo data: a dry run first (nothing stored), then
 * for real with the command line the examples' README shows, run through
 * pnpm from the checkout's root, ending in the messages it promises.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  startTestHerald,
  type TestHerald,
} from '../../packages/server/test/test-herald.js';
import { repoRoot, spawnHerald } from '../support/herald-process.js';

const examples = path.join(repoRoot, 'examples', 'salesforce-cdc');
let herald: TestHerald;

beforeAll(async () => {
  herald = await startTestHerald({ demo: true });
});

afterAll(async () => {
  await herald?.stop();
});

async function replay(...extra: string[]) {
  const run = spawnHerald(
    [
      'replay',
      '--url',
      herald.url,
      '--token',
      herald.token,
      '--mappings',
      path.join(examples, 'mappings.json'),
      ...extra,
      path.join(examples, 'events.jsonl'),
    ],
    {},
  );
  const code = await new Promise<number | null>((resolve) =>
    run.child.once('exit', resolve),
  );
  return { code, output: run.output() };
}

/**
 * The README's command, verbatim after the environment, run by pnpm in the
 * checkout's root; HERALD_URL points it at the test instance.
 */
const documentedCommand = [
  'replay',
  '--mappings',
  'examples/salesforce-cdc/mappings.json',
  'examples/salesforce-cdc/events.jsonl',
];

/** pnpm as the test run was started with it, or the one on PATH. */
function pnpmCommand(): string[] {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath)
    ? [process.execPath, execPath]
    : ['pnpm'];
}

async function replayThroughPnpm() {
  const [file, ...prefix] = pnpmCommand();
  const child = spawn(file, [...prefix, ...documentedCommand], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HERALD_ADMIN_TOKEN: herald.token,
      HERALD_URL: herald.url,
      INIT_CWD: undefined,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const code = await new Promise<number | null>((resolve) =>
    child.once('exit', resolve),
  );
  return { code, output };
}

async function cdcChanges() {
  const row = await herald.db
    .selectFrom('changes')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('source', '=', 'salesforce-cdc')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe('replaying the Salesforce CDC examples', () => {
  it('a dry run reports what would be sent and stores nothing', async () => {
    const { code, output } = await replay('--dry-run');
    expect(output).toMatch(/would send/i);
    expect(output).toContain('via flow "Case in progress" v1');
    expect(code).toBe(0);
    expect(await cdcChanges()).toBe(0);
  });

  it('`pnpm replay` from the root records the changes and sends the promised messages', async () => {
    const { code, output } = await replayThroughPnpm();
    expect(code, output).toBe(0);
    expect(output).toContain('line(s) of examples/salesforce-cdc/events.jsonl');
    expect(output).not.toContain(herald.token);
    expect(await cdcChanges()).toBeGreaterThan(0);

    const gaps = await herald.api(
      '/api/connectors/salesforce-cdc/events?limit=10',
    );
    expect(gaps.body.items.length).toBeGreaterThanOrEqual(1);

    const sent = await eventually(async () => {
      const list = await herald.api('/api/deliveries?status=sent&limit=1000');
      const fromCdc = list.body.items.filter((item: any) =>
        /^[a-zA-Z0-9]{15,18}$/.test(item.recordId),
      );
      return fromCdc.length >= 3 ? fromCdc : undefined;
    });
    const flowsByName = await herald.api('/api/flows');
    const names = new Map(
      flowsByName.body.items.map((flow: any) => [flow.id, flow.name]),
    );
    const sentNames = sent.map((item: any) => names.get(item.flowId)).sort();
    expect(sentNames).toEqual([
      'Case in progress',
      'Case in progress',
      'Shipping update for VIP customers',
    ]);
  });
});
