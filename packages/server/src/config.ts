/**
 * Herald's configuration, read once from the environment. Every variable is
 * listed in the README with its default.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HeraldConfig {
  /** HTTP port. Default 3000. */
  port: number;
  /** Address the HTTP server binds. Default 127.0.0.1. */
  host: string;
  /** Postgres URL; unset means start an embedded Postgres. */
  databaseUrl: string | undefined;
  /** Bootstrap admin token; unset means generate one at first start. */
  adminToken: string | undefined;
  /** Load demo data into an empty database at start. Default true. */
  demoData: boolean;
  /** Folder for the embedded Postgres data; default chosen per checkout. */
  dataDir: string | undefined;
  /** Port of the embedded Postgres. Default 54329. */
  embeddedPostgresPort: number;
  /** Jobs a worker runs at once. Default 8. */
  workerConcurrency: number;
  /** Run a worker inside `start`. Default true. */
  startWorker: boolean;
  /** Largest request body in bytes. Default 5 MiB. */
  bodyLimit: number;
  /** Pino log level. Default info. */
  logLevel: string;
  /** Key for channel secrets (32 bytes, hex or base64); unset: none. */
  secretKey: string | undefined;
  /**
   * How often a worker says it is alive and sweeps, in ms. Default 10000.
   * A worker silent for three of these counts as dead: its locked jobs go
   * back to the queue at the next sweep of a live worker.
   */
  workerHeartbeatMs: number;
  /** Proxies whose X-Forwarded-* headers are believed (IPs or CIDRs). */
  trustedProxies: string[];
  /** Email of an admin user created at start when none has it. */
  adminEmail: string | undefined;
  /** Password of that admin user; only used when it is created. */
  adminPassword: string | undefined;
  /** How long a sign-in lasts, in hours. Default 12. */
  sessionHours: number;
  /** Ingest and connector requests per minute per token and per address. */
  ingestRateLimit: number;
  /** Sign-in attempts per minute per address and per email. Default 10. */
  signInRateLimit: number;
}

/** Root of the Herald checkout (where package.json and migrations live). */
export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

/** Reads the configuration from `env` (default `process.env`). */
export function loadConfig(env = process.env): HeraldConfig {
  return {
    port: readInt(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.HERALD_ADMIN_TOKEN || undefined,
    demoData: readBool(env.HERALD_DEMO_DATA, true),
    dataDir: env.HERALD_DATA_DIR || undefined,
    embeddedPostgresPort: readInt(env.HERALD_EMBEDDED_PG_PORT, 54329),
    workerConcurrency: readInt(env.HERALD_WORKER_CONCURRENCY, 8),
    startWorker: readBool(env.HERALD_START_WORKER, true),
    bodyLimit: readInt(env.HERALD_BODY_LIMIT, 5 * 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? 'info',
    secretKey: env.HERALD_SECRET_KEY || undefined,
    workerHeartbeatMs: readInt(env.HERALD_WORKER_HEARTBEAT_MS, 10_000),
    trustedProxies: readList(env.HERALD_TRUSTED_PROXIES),
    adminEmail: env.HERALD_ADMIN_EMAIL || undefined,
    adminPassword: env.HERALD_ADMIN_PASSWORD || undefined,
    sessionHours: readInt(env.HERALD_SESSION_HOURS, 12),
    ingestRateLimit: readInt(env.HERALD_RATE_LIMIT_INGEST, 120_000),
    signInRateLimit: readInt(env.HERALD_RATE_LIMIT_SIGN_IN, 10),
  };
}

function readInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') {
    return fallback;
  }

  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed)) {
    throw new Error(`expected a whole number, got ${JSON.stringify(value)}`);
  }

  return parsed;
}

function readList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function readBool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') {
    return fallback;
  }

  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}
