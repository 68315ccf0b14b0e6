/**
 * Signing in with an email and a password, and the sessions that follow.
 * The session cookie holds a random secret whose SHA-256 is the stored
 * key; each session has its own CSRF token for cookie-authenticated writes.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import { HeraldError } from '../errors.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  insertSession,
} from '../repositories/session-repository.js';
import {
  findUserByEmail,
  touchSignIn,
} from '../repositories/user-repository.js';
import { recordAudit } from './audit-service.js';
import { unmatchableHash, verifyPassword } from './password-hasher.js';
import type { Principal } from './principal.js';
import { sha256 } from './token-service.js';
import { toUserView } from './user-service.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'herald_session';

/**
 * Checks the password and opens a session. A wrong email and a wrong
 * password get the same answer after the same work; both are audited.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string },
  options: { sessionHours: number; address: string },
) {
  const user = await findUserByEmail(db, input.email);
  const hash = user && !user.disabled ? user.password_hash : unmatchableHash;
  const ok = await verifyPassword(input.password, hash);
  if (!user || user.disabled || !ok) {
    await recordAudit(
      db,
      { kind: 'system', id: null, name: null, address: options.address },
      {
        action: 'session.sign-in-failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
        summary: 'sign-in refused',
      },
    );
    throw new HeraldError('HERALD_SIGN_IN_FAILED', 'wrong email or password');
  }

  const secret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + options.sessionHours * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      idSha256: sha256(secret),
      userId: user.id,
      csrfToken,
      expiresAt,
    });
    await touchSignIn(trx, user.id);
    await recordAudit(
      trx,
      { kind: 'user', id: user.id, name: user.email, address: options.address },
      {
        action: 'session.sign-in',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.email} signed in`,
      },
    );
  });
  await deleteExpiredSessions(db);
  return { secret, csrfToken, expiresAt, user: toUserView(user) };
}

/** Ends the session whose cookie holds `secret`. */
export async function signOut(db: Db, secret: string): Promise<void> {
  await deleteSession(db, sha256(secret));
}

/** The principal of a session cookie, or null when it is not live. */
export async function authenticateSession(
  db: Db,
  secret: string,
): Promise<Principal | null> {
  const session = await findLiveSession(db, sha256(secret));
  if (!session) {
    return null;
  }

  return {
    kind: 'user',
    id: session.user.id,
    name: session.user.email,
    role: session.user.role,
    via: 'session',
    csrfToken: session.csrfToken,
  };
}
