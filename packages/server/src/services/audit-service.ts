/**
 * Writes the audit log. Entries name people and things by id, carry a
 * one-line summary people can read, and never hold secrets or a
 * Customer's personal data (callers pass ids and field names, not values).
 */
import type { Db } from '../db/database.js';
import {
  insertAuditEntry,
  listAuditEntries,
  type AuditQuery,
  type AuditRow,
} from '../repositories/audit-repository.js';
import type { Actor } from './principal.js';

/** One thing to record. */
export interface AuditEvent {
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  summary: string;
  details?: Record<string, unknown>;
}

/** Appends an entry for `event`, done by `actor`. */
export async function recordAudit(
  db: Db,
  actor: Actor,
  event: AuditEvent,
): Promise<void> {
  await insertAuditEntry(db, {
    actor_kind: actor.kind,
    actor_id: actor.id,
    actor_name: actor.name,
    address: actor.address ?? null,
    action: event.action,
    subject_type: event.subjectType ?? null,
    subject_id: event.subjectId ?? null,
    summary: event.summary,
    details: event.details ?? {},
  });
}

/** Entries matching `query`, as the API shows them. */
export async function queryAudit(db: Db, query: AuditQuery) {
  const rows = await listAuditEntries(db, query);
  return { items: rows.map(toAuditView) };
}

function toAuditView(row: AuditRow) {
  return {
    id: row.id,
    at: row.at,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    address: row.address,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    summary: row.summary,
    details: row.details,
  };
}
