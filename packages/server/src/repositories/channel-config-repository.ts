/**
 * Stored channel configuration: settings in clear, secrets sealed.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { ChannelConfigsTable } from '../db/schema.js';

export type ChannelConfigRow = Selectable<ChannelConfigsTable>;

/** One channel's configuration, if any. */
export async function findChannelConfig(db: Db, channel: string) {
  return db
    .selectFrom('channel_configs')
    .selectAll()
    .where('channel', '=', channel)
    .executeTakeFirst();
}

/** Every configured channel. */
export async function listChannelConfigs(db: Db) {
  return db
    .selectFrom('channel_configs')
    .selectAll()
    .orderBy('channel')
    .execute();
}

/** Inserts or replaces a channel's configuration. */
export async function saveChannelConfig(
  db: Db,
  config: {
    channel: string;
    provider: string;
    settings: Record<string, unknown>;
    secrets: string | null;
    secretNames: string[];
  },
) {
  const values = {
    provider: config.provider,
    settings: JSON.stringify(config.settings),
    secrets: config.secrets,
    secret_names: config.secretNames,
    updated_at: new Date(),
  };
  return db
    .insertInto('channel_configs')
    .values({ channel: config.channel, ...values })
    .onConflict((conflict) => conflict.column('channel').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}
