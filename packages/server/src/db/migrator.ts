/**
 * Applies the numbered SQL files in migrations/ with kysely's Migrator
 * (ordered, locked, recorded), then graphile-worker's own schema.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { runMigrations } from 'graphile-worker';
import type pg from 'pg';
import { repoRoot } from '../config.js';
import type { Db } from './database.js';

/** Folder holding the numbered migrations. */
export const migrationsDir = path.join(repoRoot, 'migrations');

class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const names = (await fs.readdir(this.dir))
      .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const name of names) {
      const text = await fs.readFile(path.join(this.dir, name), 'utf8');
      migrations[name.replace(/\.sql$/, '')] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }

    return migrations;
  }
}

/** Brings the database up to date; throws when a migration fails. */
export async function migrate(db: Db, pool: pg.Pool): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new SqlFileMigrationProvider(migrationsDir),
    migrationTableName: 'herald_migrations',
    migrationLockTableName: 'herald_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new Error('migration failed', { cause: error });
  }

  await runMigrations({ pgPool: pool });
  return (results ?? []).map((result) => result.migrationName);
}
