/**
 * What route handlers may use: the database, the process's logger and the
 * access settings.
 */
import type { Logger } from 'pino';
import type pg from 'pg';
import type { Db } from '../db/database.js';
import type { ChannelResolver } from '../channels/channel-adapter.js';
import type { Principal } from '../services/principal.js';

/** Access and edge settings, from the configuration. */
export interface AccessSettings {
  /** Proxies whose X-Forwarded-* headers are believed. Default none. */
  trustedProxies: string[];
  /** How long a sign-in lasts, in hours. */
  sessionHours: number;
  /** Ingest and connector requests per minute per token and per address. */
  ingestRateLimit: number;
  /** Sign-in attempts per minute per address and per email. */
  signInRateLimit: number;
}

export interface AppContext {
  db: Db;
  /** The pool behind `db`; the conversation stream listens on it. */
  pool?: pg.Pool;
  log: Logger;
  /** The principal of a bearer token, or null when it is not valid. */
  authenticateBearer(token: string): Promise<Principal | null>;
  /** Folder of the built builder UI; absent means do not serve it. */
  uiDir?: string;
  /** Largest request body in bytes. */
  bodyLimit: number;
  /** Deepest object/array nesting a request may carry. Default 64. */
  maxInputDepth?: number;
  /** Key sealing channel secrets; absent: secrets cannot be stored. */
  secretKey?: Buffer;
  access: AccessSettings;
  /** The channel adapters test sends use; default: stored configuration. */
  channels?: ChannelResolver;
}
