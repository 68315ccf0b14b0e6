/**
 * Object types: their typed fields and the field naming the Customer.
 */
import type { FieldDef, ObjectTypeDef } from '@herald/engine';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Every object type, by name. */
export async function listObjectTypes(db: Db): Promise<ObjectTypeDef[]> {
  const rows = await db
    .selectFrom('object_types')
    .selectAll()
    .orderBy('name')
    .execute();
  return rows.map(toObjectType);
}

/** One object type, or undefined. */
export async function findObjectType(
  db: Db,
  name: string,
): Promise<ObjectTypeDef | undefined> {
  const row = await db
    .selectFrom('object_types')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? toObjectType(row) : undefined;
}

/** Object types by name, keyed by name; unknown names are left out. */
export async function findObjectTypes(
  db: Db,
  names: string[],
): Promise<Map<string, ObjectTypeDef>> {
  if (names.length === 0) {
    return new Map();
  }

  const rows = await db
    .selectFrom('object_types')
    .selectAll()
    .where('name', 'in', names)
    .execute();
  return new Map(rows.map((row) => [row.name, toObjectType(row)]));
}

/**
 * Holds, until the transaction ends, a lock on the name `name`, whether or
 * not the type exists yet: `select … for update` locks no row that is
 * missing, so two first definitions would otherwise both see none.
 */
export async function lockObjectTypeName(trx: Db, name: string) {
  await sql`
    select pg_advisory_xact_lock(hashtextextended(${`object-type:${name}`}, 0))
  `.execute(trx);
}

/** Inserts or replaces an object type's definition. */
export async function saveObjectType(db: Db, type: ObjectTypeDef) {
  const values = {
    name: type.name,
    label: type.label ?? null,
    fields: JSON.stringify(type.fields),
    customer_field: type.customerField ?? null,
    updated_at: new Date(),
  };
  await db
    .insertInto('object_types')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('name').doUpdateSet({
        label: values.label,
        fields: values.fields,
        customer_field: values.customer_field,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}

function toObjectType(row: {
  name: string;
  label: string | null;
  fields: unknown;
  customer_field: string | null;
}): ObjectTypeDef {
  return {
    name: row.name,
    ...(row.label ? { label: row.label } : {}),
    fields: row.fields as FieldDef[],
    ...(row.customer_field ? { customerField: row.customer_field } : {}),
  };
}
