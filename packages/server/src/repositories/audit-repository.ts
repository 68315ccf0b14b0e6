/**
 * The audit log: append and query. There is no update or delete here, and
 * the table's trigger refuses both.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { AuditLogTable } from '../db/schema.js';

/** One stored audit entry. */
export type AuditRow = Selectable<AuditLogTable>;

/** Appends one entry. */
export async function insertAuditEntry(
  db: Db,
  entry: Insertable<AuditLogTable>,
): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
}

/** Filters of the audit log; all optional. */
export interface AuditQuery {
  action?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  since?: string;
  until?: string;
  before?: string;
  limit: number;
}

/** Entries newest first; `before` is the id to continue after. */
export async function listAuditEntries(
  db: Db,
  query: AuditQuery,
): Promise<AuditRow[]> {
  let select = db.selectFrom('audit_log').selectAll();
  if (query.action) {
    select = query.action.endsWith('.')
      ? select.where('action', 'like', `${escapeLike(query.action)}%`)
      : select.where('action', '=', query.action);
  }
  if (query.actorId) {
    select = select.where('actor_id', '=', query.actorId);
  }
  if (query.subjectType) {
    select = select.where('subject_type', '=', query.subjectType);
  }
  if (query.subjectId) {
    select = select.where('subject_id', '=', query.subjectId);
  }
  if (query.since) {
    select = select.where('at', '>=', new Date(query.since));
  }
  if (query.until) {
    select = select.where('at', '<', new Date(query.until));
  }
  if (query.before) {
    select = select.where('id', '<', query.before as never);
  }

  return select.orderBy('id', 'desc').limit(query.limit).execute();
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
