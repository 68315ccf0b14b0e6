/**
 * API tokens for integrations, stored by the SHA-256 of the secret.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ApiTokensTable } from '../db/schema.js';

/** A stored API token (its hash, never the token). */
export type ApiTokenRow = Selectable<ApiTokensTable>;

/** Stores a new token. */
export async function insertApiToken(
  db: Db,
  token: Pick<ApiTokenRow, 'name' | 'scope' | 'token_sha256' | 'prefix'> & {
    created_by: string | null;
  },
): Promise<ApiTokenRow> {
  return db
    .insertInto('api_tokens')
    .values(token)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The unrevoked token with this hash. */
export async function findLiveApiToken(
  db: Db,
  sha256: string,
): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_sha256', '=', sha256)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Every token, newest first. */
export async function listApiTokens(db: Db): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes a token; answers it, or undefined when there is none. */
export async function revokeApiToken(
  db: Db,
  id: string,
): Promise<ApiTokenRow | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Notes when a token was last used. */
export async function touchApiToken(db: Db, id: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: new Date() })
    .where('id', '=', id)
    .execute();
}
