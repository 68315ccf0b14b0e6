/**
 * Users: people who sign in with an email and a password.
 */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { UsersTable } from '../db/schema.js';

/** A stored user, password hash included. */
export type UserRow = Selectable<UsersTable>;

/** The user with this email, compared without case. */
export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** The user with this id. */
export async function findUser(
  db: Db,
  id: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every user, oldest first. */
export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at').execute();
}

/** Inserts a user; answers undefined when the email is taken. */
export async function insertUser(
  db: Db,
  user: Pick<UserRow, 'email' | 'name' | 'role' | 'password_hash'>,
): Promise<UserRow | undefined> {
  return db
    .insertInto('users')
    .values(user)
    .onConflict((conflict) =>
      conflict.expression(sql`lower(email)`).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Changes a user's name, role, password hash or disabled flag. */
export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<UserRow, 'name' | 'role' | 'password_hash' | 'disabled'>>,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Notes a successful sign-in. */
export async function touchSignIn(db: Db, id: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_sign_in_at: new Date() })
    .where('id', '=', id)
    .execute();
}
