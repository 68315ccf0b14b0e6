/**
 * `herald replay` against a running Herald: record changes and Salesforce
 * change events sent in order, the summary, and the dry run that stores
 * and sends nothing.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runReplay } from '../src/cli/replay-command.js';
import { repoRoot } from '../src/config.js';
import { startTestHerald, type TestHerald } from './test-herald.js';

const examples = path.join(repoRoot, 'examples');
let herald: TestHerald;
let scratch: string;

beforeAll(async () => {
  herald = await startTestHerald({ demo: true, worker: false });
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'herald-replay-'));
});

afterAll(async () => {
  await herald?.stop();
  await fs.rm(scratch, { recursive: true, force: true });
});

/** Runs the command, answering its exit status and what it printed. */
async function replay(...args: string[]) {
  const printed: string[] = [];
  const capture = (chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    const base = ['--url', herald.url, '--token', herald.token];
    const status = await runReplay([...base, ...args]);
    return { status, output: printed.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function countChanges() {
  const row = await herald.db
    .selectFrom('changes')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe('herald replay --dry-run', () => {
  it('reports what the demo changes would send, storing nothing', async () => {
    const before = await countChanges();
    const { status, output } = await replay(
      '--dry-run',
      path.join(examples, 'changes.jsonl'),
    );

    expect(status).toBe(0);
    expect(output).toMatch(/would change\s+6/);
    expect(output).toMatch(/would send\s+3/);
    expect(output).toContain(
      'line 1 Shipment SHP-1010 via flow "Shipping update for VIP customers" v1',
    );
    expect(output).toContain('on sms: Hi');
    expect(await countChanges()).toBe(before);
  });
});

describe('herald replay --dry-run --mappings', () => {
  it('tries a mappings file on change events without storing it', async () => {
    const { status, output } = await replay(
      '--dry-run',
      '--mappings',
      path.join(examples, 'salesforce-cdc', 'mappings.json'),
      path.join(examples, 'salesforce-cdc', 'events.jsonl'),
    );

    expect(status).toBe(0);
    expect(output).toMatch(/would change\s+10/);
    expect(output).toMatch(/recorded\s+1/);
    expect(output).toMatch(/would send\s+3/);
    const { body } = await herald.api(
      '/api/connectors/salesforce-cdc/mappings',
    );
    expect(body.items).toEqual([]);
  });
});

describe('herald replay', () => {
  it('sends the Salesforce examples with their mappings', async () => {
    const { status, output } = await replay(
      '--mappings',
      path.join(examples, 'salesforce-cdc', 'mappings.json'),
      '--batch-size',
      '3',
      path.join(examples, 'salesforce-cdc', 'events.jsonl'),
    );

    expect(output).toMatch(/accepted\s+10/);
    expect(output).toMatch(/recorded\s+1/);
    expect(output).toContain('Warehouse__c: line(s) 2');
    expect(status).toBe(0);
  });

  it('groups rejections by code with their lines, and counts malformed lines', async () => {
    const file = path.join(scratch, 'mixed.jsonl');
    const lines = [
      { objectType: 'Case', recordId: 'CASE-3010', fields: { status: 'New' } },
      { objectType: 'Case', recordId: 'CASE-9001', fields: { status: 'New' } },
      { objectType: 'Case', recordId: 'CASE-9002', customerId: 'nobody' },
      '{ not json',
      { objectType: 'Case', recordId: 'CASE-3012', colour: 'red' },
      {
        objectType: 'Case',
        recordId: 'CASE-3012',
        fields: { status: 'Closed' },
      },
    ];
    await fs.writeFile(
      file,
      lines
        .map((line) => (typeof line === 'string' ? line : JSON.stringify(line)))
        .join('\n'),
    );

    const { status, output } = await replay(file);

    expect(status).toBe(1);
    expect(output).toMatch(/accepted\s+1/);
    expect(output).toMatch(/unchanged\s+1/);
    expect(output).toMatch(/HERALD_BAD_REQUEST ×1: .*line\(s\) 2/);
    expect(output).toMatch(/HERALD_UNKNOWN_CUSTOMER ×1: .*line\(s\) 3/);
    expect(output).toMatch(/malformed\s+2/);
    expect(output).toContain('line 5: unknown key colour');
  });

  it('accepts a UTF-8 byte order mark on line 1', async () => {
    const file = path.join(scratch, 'bom.jsonl');
    const line = { objectType: 'Case', recordId: 'CASE-3014' };
    await fs.writeFile(file, `\uFEFF${JSON.stringify(line)}\n`);

    const { status, output } = await replay(file);

    expect(output).toMatch(/malformed\s+0/);
    expect(status).toBe(0);
  });

  it('reports a line nested 100,000 deep as that line, and goes on', async () => {
    const file = path.join(scratch, 'deep.jsonl');
    const deep =
      '{"objectType":"Case","recordId":"CASE-3016","fields":{"subject":' +
      '['.repeat(100_000) +
      ']'.repeat(100_000) +
      '}}';
    const fine = { objectType: 'Case', recordId: 'CASE-3018' };
    await fs.writeFile(file, `${deep}\n${JSON.stringify(fine)}\n`);

    const { status, output } = await replay(file);

    expect(output).toContain('line 1: nested deeper than 64 levels');
    expect(output).toMatch(/malformed\s+1/);
    expect(output).toMatch(/(accepted|unchanged)\s+1/);
    expect(status).toBe(1);
  });

  it('exits 2 with one line when a file is missing', async () => {
    for (const args of [
      ['no-such-file.jsonl'],
      [
        '--mappings',
        'no-such-mappings.json',
        path.join(examples, 'changes.jsonl'),
      ],
    ]) {
      const { status, output } = await replay(...args);
      expect(status).toBe(2);
      expect(output).toMatch(/^herald replay: no such file: \S+\n$/);
    }
  });

  it('reads relative names from INIT_CWD, where pnpm was run', async () => {
    const before = process.env.INIT_CWD;
    process.env.INIT_CWD = examples;
    try {
      const { status, output } = await replay('--dry-run', 'changes.jsonl');
      expect(output).toContain('of changes.jsonl (dry run');
      expect(status).toBe(0);
    } finally {
      if (before === undefined) {
        delete process.env.INIT_CWD;
      } else {
        process.env.INIT_CWD = before;
      }
    }
  });

  it('exits 3 when the token is refused', async () => {
    const file = path.join(examples, 'changes.jsonl');
    const { status, output } = await replay('--token', 'wrong', file);
    expect(status).toBe(3);
    expect(output).toContain('401');
  });
});
