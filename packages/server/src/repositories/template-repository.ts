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
  /** Bodies per locale, e.g. `{ "de": "Hallo …" }`; empty when none. */
  variants: Record<string, string>;
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
  template: {
    id: string;
    name: string;
    /** Omitted: keep the stored category (none for a new Template). */
    category?: string | null;
    body: string;
    /** Omitted: keep the stored variants. */
    variants?: Record<string, string>;
  },
): Promise<TemplateView> {
  const now = new Date();
  const variants =
    template.variants === undefined
      ? undefined
      : JSON.stringify(template.variants);
  const row = await db
    .insertInto('templates')
    .values({
      ...template,
      category: template.category ?? null,
      variants,
      updated_at: now,
    })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({
        name: template.name,
        ...(template.category === undefined
          ? {}
          : { category: template.category }),
        body: template.body,
        ...(variants === undefined ? {} : { variants }),
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
  variants: Record<string, string>;
  updated_at: Date;
}): TemplateView {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    body: row.body,
    variants: row.variants ?? {},
    updatedAt: row.updated_at,
  };
}
