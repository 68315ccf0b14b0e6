/**
 * Bearer tokens. The bootstrap admin token comes from HERALD_ADMIN_TOKEN,
 * or is generated at the first start, printed once and stored only as a
 * hash. API tokens for integrations are created by admins with a scope
 * (admin, business, agent or ingest), shown once, stored as a SHA-256 and
 * revocable. Both are random enough that a fast hash is safe.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.js';
import { isUuid } from '../db/uuid.js';
import { HeraldError } from '../errors.js';
import type { Role } from '../http/access-policy.js';
import {
  findLiveApiToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
  type ApiTokenRow,
} from '../repositories/api-token-repository.js';
import { recordAudit } from './audit-service.js';
import type { Actor, Principal } from './principal.js';

const SETTING = 'admin_token_sha256';

/** How often a token's last use is written back, at most. */
const TOUCH_INTERVAL_MS = 60_000;

/** Ensures an admin token exists; answers a newly generated one. */
export async function ensureAdminToken(
  db: Db,
  fromEnv: string | undefined,
): Promise<{ generated: string | null }> {
  if (fromEnv) {
    return { generated: null };
  }

  const token = newSecret();
  const inserted = await db
    .insertInto('settings')
    .values({ key: SETTING, value: JSON.stringify({ sha256: sha256(token) }) })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return { generated: inserted ? token : null };
}

/**
 * Builds the check every bearer token goes through: the bootstrap token
 * first, then the stored API tokens. Answers the principal, or null.
 */
export function createBearerAuthenticator(db: Db, fromEnv: string | undefined) {
  let stored: Buffer | null = null;
  const touched = new Map<string, number>();
  return async (presented: string): Promise<Principal | null> => {
    const digest = Buffer.from(sha256(presented), 'hex');
    stored ??= fromEnv
      ? Buffer.from(sha256(fromEnv), 'hex')
      : await loadStoredHash(db);
    if (stored !== null && equal(digest, stored)) {
      return bootstrapPrincipal;
    }

    const row = await findLiveApiToken(db, digest.toString('hex'));
    if (!row) {
      return null;
    }

    await touchSometimes(db, row.id, touched);
    return {
      kind: 'token',
      id: row.id,
      name: row.name,
      role: row.scope,
      via: 'bearer',
    };
  };
}

/** The principal of the bootstrap admin token. */
export const bootstrapPrincipal: Principal = {
  kind: 'token',
  id: 'bootstrap',
  name: 'bootstrap admin token',
  role: 'admin',
  via: 'bearer',
};

/** Creates an API token; the answer is the only place the token appears. */
export async function createApiToken(
  db: Db,
  input: { name: string; scope: Role },
  actor: Actor,
) {
  const token = newSecret();
  return db.transaction().execute(async (trx) => {
    const row = await insertApiToken(trx, {
      name: input.name,
      scope: input.scope,
      token_sha256: sha256(token),
      prefix: token.slice(0, 8),
      created_by: actor.name,
    });
    await recordAudit(trx, actor, {
      action: 'token.create',
      subjectType: 'token',
      subjectId: row.id,
      summary: `created ${row.scope} token "${row.name}"`,
      details: { scope: row.scope, prefix: row.prefix },
    });
    return { ...toTokenView(row), token };
  });
}

/** Every API token, without secrets. */
export async function listTokens(db: Db) {
  return { items: (await listApiTokens(db)).map(toTokenView) };
}

/** Revokes an API token at once. */
export async function revokeToken(db: Db, id: string, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const row = isUuid(id) ? await revokeApiToken(trx, id) : undefined;
    if (!row) {
      throw new HeraldError('HERALD_NOT_FOUND', `no live token ${id}`, {
        tokenId: id,
      });
    }

    await recordAudit(trx, actor, {
      action: 'token.revoke',
      subjectType: 'token',
      subjectId: row.id,
      summary: `revoked ${row.scope} token "${row.name}"`,
    });
    return toTokenView(row);
  });
}

/** SHA-256 of a secret, as hex. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function toTokenView(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

async function touchSometimes(
  db: Db,
  id: string,
  touched: Map<string, number>,
) {
  const now = Date.now();
  if (now - (touched.get(id) ?? 0) < TOUCH_INTERVAL_MS) {
    return;
  }

  touched.set(id, now);
  await touchApiToken(db, id);
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

function newSecret() {
  return `hrd_${randomBytes(24).toString('base64url')}`;
}

function equal(a: Buffer, b: Buffer) {
  return a.length === b.length && timingSafeEqual(a, b);
}
