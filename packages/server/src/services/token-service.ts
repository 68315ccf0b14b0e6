/**
 * The bootstrap admin token. It comes from HERALD_ADMIN_TOKEN, or is
 * generated at the first start, printed once and stored only as a hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.js';

const SETTING = 'admin_token_sha256';

/** Ensures an admin token exists; answers a newly generated one. */
export async function ensureAdminToken(
  db: Db,
  fromEnv: string | undefined,
): Promise<{ generated: string | null }> {
  if (fromEnv) {
    return { generated: null };
  }

  const token = `hrd_${randomBytes(24).toString('base64url')}`;
  const inserted = await db
    .insertInto('settings')
    .values({ key: SETTING, value: JSON.stringify({ sha256: hash(token) }) })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return { generated: inserted ? token : null };
}

/** Builds the check every authenticated request goes through. */
export function createTokenVerifier(db: Db, fromEnv: string | undefined) {
  let stored: Buffer | null = null;
  return async (presented: string): Promise<boolean> => {
    const digest = Buffer.from(hash(presented), 'hex');
    if (fromEnv && equal(digest, Buffer.from(hash(fromEnv), 'hex'))) {
      return true;
    }

    stored ??= await loadStoredHash(db);
    return stored !== null && equal(digest, stored);
  };
}

async function loadStoredHash(db: Db): Promise<Buffer | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SETTING)
    .executeTakeFirst();
  const value = row?.value as { sha256?: string } | undefined;
  return value?.sha256 ? Buffer.from(value.sha256, 'hex') : null;
}

function hash(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

function equal(a: Buffer, b: Buffer) {
  return a.length === b.length && timingSafeEqual(a, b);
}
