/**
 * `herald replay <file>`: feeds a JSON-lines file of record changes and
 * Salesforce change events into a running Herald over its HTTP API, in
 * order and in batches, and sums up what happened. `--dry-run` reports
 * what would change and be sent, storing and sending nothing.
 *
 * Output to the user goes to stdout (the summary) and stderr (progress and
 * errors); this is a script, so it writes there directly.
 *
 * Limitation: the whole file is read into memory.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import {
  createHeraldClient,
  HeraldRequestError,
  type HeraldClient,
} from './herald-client.js';
import {
  MAX_BATCH,
  runsOf,
  sendBatch,
  type CdcLine,
  type RecordLine,
  type Sendable,
} from './replay-batches.js';
import { dryRun } from './replay-dry-run.js';
import { readReplayLine } from './replay-line.js';
import {
  localTranslator,
  readMappingsFile,
  serverTranslator,
  type EventTranslator,
} from './replay-translator.js';
import {
  ReplayTally,
  type CdcAnswer,
  type ItemAnswer,
} from './replay-tally.js';

const usage = `usage: herald replay [options] <file.jsonl | ->

Each line is a record change
  { "objectType", "recordId", "customerId"?, "fields"?, "delete"? }
or a Salesforce change event (CometD message or decoded Pub/Sub payload).

options:
  --url <url>          Herald's base URL (default $HERALD_URL, or
                       http://127.0.0.1:3000)
  --token <token>      admin token (default $HERALD_ADMIN_TOKEN, which
                       keeps the token out of the echoed command line)
  --batch-size <n>     lines per request, 1-1000 (default 100)
  --mappings <file>    Salesforce entity mappings to store first
                       ({ "<entity>": { objectType, fields, ... } })
  --dry-run            report what would change and be sent; store nothing
  --help               this text

Relative file names are read from the folder the command was run in
(pnpm's INIT_CWD when run through pnpm).

exit status: 0 all lines accepted, 1 some lines rejected or malformed,
2 bad usage (a missing file too), 3 Herald unreachable or refusing the token`;

interface ReplayOptions {
  /** The input's path, resolved, or `-` for stdin. */
  file: string;
  /** The input as the user named it, for the summary. */
  source: string;
  url: string;
  token: string;
  batchSize: number;
  mappings?: string;
  dryRun: boolean;
}

/** Runs `herald replay`; resolves to the process exit status. */
export async function runReplay(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (typeof options === 'number') {
    return options;
  }

  let text: string;
  try {
    text = await readInput(options.file);
  } catch (error) {
    process.stderr.write(`herald replay: ${(error as Error).message}\n`);
    return 2;
  }

  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') {
    lines.pop();
  }

  const client = createHeraldClient(options.url, options.token);
  const tally = new ReplayTally();
  const sendable: Sendable[] = [];
  for (const [index, line] of lines.entries()) {
    const read = readReplayLine(line, index + 1);
    if (read.kind === 'malformed') {
      tally.addMalformed(read.line, read.reason);
    } else if (read.kind !== 'blank') {
      sendable.push(read);
    }
  }

  let translator: EventTranslator;
  try {
    translator = await prepareMappings(client, options);
  } catch (error) {
    if (error instanceof HeraldRequestError) {
      process.stderr.write(`herald replay: ${error.message}\n`);
      return 3;
    }

    process.stderr.write(`herald replay: ${(error as Error).message}\n`);
    return 2;
  }

  try {
    const progress = startProgress(lines.length);
    const step = (count: number) => progress?.increment(count);
    step(lines.length - sendable.length);
    if (options.dryRun) {
      await dryRun(client, sendable, tally, translator, step);
    } else {
      await replay(client, sendable, tally, options.batchSize, step);
    }
    progress?.stop();
  } catch (error) {
    if (error instanceof HeraldRequestError) {
      process.stderr.write(`herald replay: ${error.message}\n`);
      return 3;
    }

    throw error;
  }

  tally.nameFlows(await flowNames(client, tally));
  const summary = tally.format({
    source: options.source,
    lines: lines.length,
    dryRun: options.dryRun,
  });
  process.stdout.write(`${summary}\n`);
  return tally.failures > 0 ? 1 : 0;
}

function readOptions(argv: string[]): ReplayOptions | number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: {
          type: 'string',
          default: process.env.HERALD_URL || 'http://127.0.0.1:3000',
        },
        token: { type: 'string' },
        'batch-size': { type: 'string', default: '100' },
        mappings: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }

  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }

  const batchSize = Number(values['batch-size']);
  const token = values.token || process.env.HERALD_ADMIN_TOKEN;
  const problem =
    positionals.length !== 1
      ? 'give exactly one file (or - for stdin)'
      : !Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH
        ? `--batch-size must be a whole number from 1 to ${MAX_BATCH}`
        : !token
          ? 'no token: pass --token or set HERALD_ADMIN_TOKEN'
          : undefined;
  if (problem) {
    process.stderr.write(`herald replay: ${problem}\n\n${usage}\n`);
    return 2;
  }

  const file = positionals[0] === '-' ? '-' : fromUserFolder(positionals[0]);
  const mappings = values.mappings && fromUserFolder(values.mappings);
  const missing = [file, mappings].find(
    (name) => name && name !== '-' && !existsSync(name),
  );
  if (missing) {
    process.stderr.write(`herald replay: no such file: ${missing}\n`);
    return 2;
  }

  return {
    file,
    source: file === '-' ? 'stdin' : positionals[0],
    url: values.url!,
    token: token!,
    batchSize,
    mappings: mappings || undefined,
    dryRun: values['dry-run']!,
  };
}

/**
 * A file name as the user meant it: relative to the folder they ran the
 * command in. pnpm runs scripts in the package's folder and says where
 * the user was in INIT_CWD.
 */
function fromUserFolder(name: string): string {
  return path.resolve(process.env.INIT_CWD || process.cwd(), name);
}

/**
 * The names of the Flows the summary mentions, by id; none when Herald
 * will not list them (the summary then shows ids).
 */
async function flowNames(
  client: HeraldClient,
  tally: ReplayTally,
): Promise<Map<string, string>> {
  if (tally.sends.length === 0 && tally.blocked.length === 0) {
    return new Map();
  }

  try {
    const { items } = await client.send<{
      items: { id: string; name: string }[];
    }>('GET', '/api/flows');
    return new Map(items.map((flow) => [flow.id, flow.name]));
  } catch {
    return new Map();
  }
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') {
    return fs.readFile(file, 'utf8');
  }

  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Stores the mappings file's entity mappings before a replay. A dry run
 * stores nothing: it translates events here with the file's mappings, or
 * without a file, by Herald with the mappings it has.
 */
async function prepareMappings(
  client: HeraldClient,
  options: ReplayOptions,
): Promise<EventTranslator> {
  if (!options.mappings) {
    return serverTranslator(client);
  }
  if (options.dryRun) {
    return localTranslator(client, options.mappings);
  }

  const mappings = await readMappingsFile(options.mappings);
  for (const { entity, ...mapping } of mappings.values()) {
    const name = encodeURIComponent(entity);
    await client.send(
      'PUT',
      `/api/connectors/salesforce-cdc/mappings/${name}`,
      mapping,
    );
  }

  return serverTranslator(client);
}

/** The progress bar on stderr, when stderr is a terminal. */
function startProgress(total: number) {
  if (!process.stderr.isTTY) {
    return undefined;
  }

  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'replay {bar} {value}/{total} lines' },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

/** Sends lines in order: consecutive lines of one kind share a request. */
async function replay(
  client: HeraldClient,
  lines: Sendable[],
  tally: ReplayTally,
  batchSize: number,
  step: (count: number) => void,
) {
  for (const batch of runsOf(lines, batchSize)) {
    if (batch[0].kind === 'record') {
      await sendRecords(client, batch as RecordLine[], tally);
    } else {
      await sendEvents(client, batch as CdcLine[], tally);
    }
    step(batch.length);
  }
}
async function sendRecords(
  client: HeraldClient,
  batch: RecordLine[],
  tally: ReplayTally,
) {
  const answers = await sendBatch<ItemAnswer<{ changeId: string | null }>>(
    client,
    '/api/records/batch',
    batch.map((line) => line.item),
    'items',
  );
  answers.forEach((answer, i) => tally.addRecordAnswer(batch[i].line, answer));
}

async function sendEvents(
  client: HeraldClient,
  batch: CdcLine[],
  tally: ReplayTally,
) {
  const answers = await sendBatch<CdcAnswer>(
    client,
    '/api/connectors/salesforce-cdc',
    batch.map((line) => line.event),
    'events',
  );
  answers.forEach((answer, i) => tally.addCdcAnswer(batch[i].line, answer));
}
