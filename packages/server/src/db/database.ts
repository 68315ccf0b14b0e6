/**
 * The one pg pool a process uses, shared by kysely and graphile-worker.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './schema.js';

// bigint ids come back as strings; timestamps as Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export type Db = Kysely<Database>;

/** SQLSTATE of a connection ended by a server shutting down. */
const ADMIN_SHUTDOWN = '57P01';

/** Creates the shared pool. Default size 20. */
export function createPool(
  databaseUrl: string,
  log: Logger,
  max = 20,
): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // An idle client losing its connection must not crash the process. A
  // server shutting down (Ctrl-C reaches the embedded Postgres too) is
  // expected, not worth a warning.
  const report = (what: string) => (error: Error & { code?: string }) =>
    error.code === ADMIN_SHUTDOWN
      ? log.debug({ err: error }, `${what}: database shutting down`)
      : log.warn({ err: error }, what);
  pool.on('error', report('idle client error'));
  pool.on('connect', (client) => {
    client.on('error', report('database client error'));
  });
  return pool;
}

/** Wraps a pool in kysely; destroying the Kysely ends the pool. */
export function createDb(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
