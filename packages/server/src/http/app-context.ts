/**
 * What route handlers may use: the database and the process's logger.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';

export interface AppContext {
  db: Db;
  log: Logger;
  /** Checks a bearer token. */
  verifyToken(token: string): Promise<boolean>;
  /** Folder of the built builder UI; absent means do not serve it. */
  uiDir?: string;
  /** Largest request body in bytes. */
  bodyLimit: number;
}
