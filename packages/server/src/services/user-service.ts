/**
 * People who sign in: created and changed by admins (or once at start from
 * HERALD_ADMIN_EMAIL and HERALD_ADMIN_PASSWORD), each change audited.
 */
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { isUuid } from '../db/uuid.js';
import { HeraldError } from '../errors.js';
import { userRoles } from '../http/access-policy.js';
import { deleteUserSessions } from '../repositories/session-repository.js';
import {
  findUser,
  findUserByEmail,
  insertUser,
  listUsers,
  updateUser,
  type UserRow,
} from '../repositories/user-repository.js';
import { recordAudit } from './audit-service.js';
import { hashPassword } from './password-hasher.js';
import { systemActor, type Actor } from './principal.js';

/** A password: long enough to resist guessing, short enough to hash. */
export const passwordSchema = z.string().min(12).max(256);

/** What `POST /api/users` takes. */
export const userInputSchema = z
  .object({
    email: z.email().max(320),
    name: z.string().min(1).max(200).nullish(),
    role: z.enum(userRoles),
    password: passwordSchema,
  })
  .strict();

/** What `PATCH /api/users/:id` takes; omitted fields stay. */
export const userPatchSchema = z
  .object({
    name: z.string().min(1).max(200).nullish(),
    role: z.enum(userRoles).optional(),
    password: passwordSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

/** Creates a user. */
export async function createUser(
  db: Db,
  input: z.infer<typeof userInputSchema>,
  actor: Actor,
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const row = await insertUser(trx, {
      email: input.email,
      name: input.name ?? null,
      role: input.role,
      password_hash: passwordHash,
    });
    if (!row) {
      throw new HeraldError('HERALD_USER_EXISTS', `${input.email} exists`, {
        field: 'email',
      });
    }

    await recordAudit(trx, actor, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: row.id,
      summary: `created ${row.role} user ${row.email}`,
      details: { role: row.role },
    });
    return toUserView(row);
  });
}

/** Changes a user; a new role, password or disabling ends their sessions. */
export async function changeUser(
  db: Db,
  id: string,
  patch: z.infer<typeof userPatchSchema>,
  actor: Actor,
) {
  const passwordHash = patch.password
    ? await hashPassword(patch.password)
    : undefined;
  return db.transaction().execute(async (trx) => {
    const before = isUuid(id) ? await findUser(trx, id) : undefined;
    if (!before) {
      throw new HeraldError('HERALD_NOT_FOUND', `no user ${id}`, {
        userId: id,
      });
    }

    const row = (await updateUser(trx, id, {
      name: patch.name,
      role: patch.role,
      disabled: patch.disabled,
      password_hash: passwordHash,
    }))!;
    const changed = changedUserFields(before, row, patch.password);
    if (changed.some((field) => field !== 'name')) {
      await deleteUserSessions(trx, id);
    }

    await recordAudit(trx, actor, {
      action: 'user.update',
      subjectType: 'user',
      subjectId: id,
      summary: `changed user ${row.email}: ${changed.join(', ') || 'nothing'}`,
      details: { changed, role: row.role, disabled: row.disabled },
    });
    return toUserView(row);
  });
}

/** Every user, without password hashes. */
export async function listAllUsers(db: Db) {
  return { items: (await listUsers(db)).map(toUserView) };
}

/**
 * Creates the admin user named by the environment when no user has that
 * email. An existing user is left as it is, password included.
 */
export async function ensureAdminUser(
  db: Db,
  email: string | undefined,
  password: string | undefined,
): Promise<boolean> {
  if (!email || !password) {
    return false;
  }
  if (await findUserByEmail(db, email)) {
    return false;
  }

  const parsed = userInputSchema.parse({ email, password, role: 'admin' });
  await createUser(db, parsed, systemActor).catch((error: unknown) => {
    if (!(
      error instanceof HeraldError && error.code === 'HERALD_USER_EXISTS'
    )) {
      throw error;
    }
  });
  return true;
}

/** A user as the API shows them: never the password hash. */
export function toUserView(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function changedUserFields(
  before: UserRow,
  after: UserRow,
  password: string | undefined,
): string[] {
  const fields = (['name', 'role', 'disabled'] as const).filter(
    (field) => before[field] !== after[field],
  );
  return password ? [...fields, 'password'] : fields;
}
