/**
 * The Template library.
 */
import type { Db } from '../db/database.js';

/** A library Template as the API shows it. */
export interface TemplateView {
  id: string;
  name: string;
  category: string | null;
  body: string;
  updatedAt: Date;
}

/** Every Template, by name. */
export async function listTemplates(db: Db): Promise<TemplateView[]> {
  const rows = await db
    .selectFrom('templates')
    .selectAll()
    .orderBy('name')
    .execute();
  return rows.map(toView);
}

/** Templates with the given ids. */
export async function findTemplates(db: Db, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }

  const rows = await db
    .selectFrom('templates')
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  return rows.map(toView);
}

/** Inserts or replaces a Template. */
export async function saveTemplate(
  db: Db,
  template: { id: string; name: string; category: string | null; body: string },
): Promise<TemplateView> {
  const now = new Date();
  const row = await db
    .insertInto('templates')
    .values({ ...template, updated_at: now })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({
        name: template.name,
        category: template.category,
        body: template.body,
        updated_at: now,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toView(row);
}

function toView(row: {
  id: string;
  name: string;
  category: string | null;
  body: string;
  updated_at: Date;
}): TemplateView {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    body: row.body,
    updatedAt: row.updated_at,
  };
}
