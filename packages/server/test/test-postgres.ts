/**
 * The Postgres server tests run against: DATABASE_URL's server when it is
 * set, else one embedded Postgres started for the whole test run. Each
 * test file gets a database of its own, so files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';

/** A running server: an admin URL and a way to stop what was started. */
export interface TestPostgresServer {
  adminUrl: string;
  stop(): Promise<void>;
}

/** Starts (or borrows) the server for a test run. */
export async function startTestPostgresServer(): Promise<TestPostgresServer> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  }

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'herald-test-pg-'));
  await fs.chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({
    checkoutDir: process.cwd(),
    dataDir: path.join(dataDir, 'data'),
    port: await freePort(),
    log: pino({ level: 'warn' }),
  });
  return {
    adminUrl: embedded.databaseUrl,
    async stop() {
      await embedded.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates an empty database on the server; answers its URL. */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `herald_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase. */
export async function dropTestDatabase(adminUrl: string, databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^herald_test_[0-9a-f]+$/.test(name)) {
    throw new Error(`refusing to drop ${name}`);
  }

  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
