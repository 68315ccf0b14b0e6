/**
 * Sessions: signed-in browsers, stored by the SHA-256 of their cookie.
 */
import type { Db } from '../db/database.js';
import type { UserRow } from './user-repository.js';

/** A live session with its user. */
export interface SessionWithUser {
  csrfToken: string;
  expiresAt: Date;
  user: Pick<UserRow, 'id' | 'email' | 'name' | 'role'>;
}

/** Stores a new session. */
export async function insertSession(
  db: Db,
  session: {
    idSha256: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_sha256: session.idSha256,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The unexpired session of an enabled user with this id hash. */
export async function findLiveSession(
  db: Db,
  idSha256: string,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
    ])
    .where('sessions.id_sha256', '=', idSha256)
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled', '=', false)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }

  return {
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
  };
}

/** Ends one session. */
export async function deleteSession(db: Db, idSha256: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_sha256', '=', idSha256).execute();
}

/** Ends every session of a user (disabled, demoted, new password). */
export async function deleteUserSessions(db: Db, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Drops sessions that have expired. */
export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', new Date())
    .execute();
}
