/**
 * Whether the demo is in the database, kept in `settings` as `demo_data`:
 * `loading` while the loader runs, `loaded` once it finished. A start that
 * finds `loading` (the last one was killed mid-load) loads it again; the
 * loader's steps are idempotent, so that completes it without duplicates.
 */
import type { Db } from '../db/database.js';
import { countCustomers } from '../repositories/customer-repository.js';
import {
  readSetting,
  writeSetting,
} from '../repositories/setting-repository.js';

/** Where the demo stands in one database. */
export type DemoState = 'loading' | 'loaded';

const KEY = 'demo_data';

/** The stored demo state; undefined when no start ever loaded it. */
export async function readDemoState(db: Db): Promise<DemoState | undefined> {
  const stored = (await readSetting(db, KEY)) as
    { state?: unknown } | undefined;
  const state = stored?.state;
  return state === 'loading' || state === 'loaded' ? state : undefined;
}

/** Records the demo state. */
export async function writeDemoState(db: Db, state: DemoState) {
  await writeSetting(db, KEY, { state, at: new Date().toISOString() });
}

/**
 * Whether a start should (re)load the demo: it was never finished, and
 * either it was started (`loading`) or the database has no Customers yet.
 * A database with Customers and no state (one filled by hand, or by a
 * version of Herald that kept no state) is left alone.
 */
export async function demoLoadIsDue(db: Db): Promise<boolean> {
  const state = await readDemoState(db);
  if (state === 'loaded') {
    return false;
  }
  if (state === 'loading') {
    return true;
  }

  return (await countCustomers(db)) === 0;
}
