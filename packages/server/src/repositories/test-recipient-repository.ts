/**
 * Each person's (or API token's) own test recipient: where their test
 * sends go.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { TestRecipientsTable } from '../db/schema.js';

export type TestRecipientRow = Selectable<TestRecipientsTable>;

/** Whose test recipient: a user or an API token (or the bootstrap token). */
export interface TestRecipientOwner {
  kind: 'user' | 'token';
  id: string;
}

/** The owner's test recipient, if they set one. */
export async function findTestRecipient(
  db: Db,
  owner: TestRecipientOwner,
): Promise<TestRecipientRow | undefined> {
  return db
    .selectFrom('test_recipients')
    .selectAll()
    .where('actor_kind', '=', owner.kind)
    .where('actor_id', '=', owner.id)
    .executeTakeFirst();
}

/** Sets the owner's test recipient, replacing the one before. */
export async function saveTestRecipient(
  db: Db,
  owner: TestRecipientOwner,
  recipient: {
    channel: TestRecipientRow['channel'];
    phone: string | null;
    messengerPsid: string | null;
  },
): Promise<TestRecipientRow> {
  const values = {
    channel: recipient.channel,
    phone: recipient.phone,
    messenger_psid: recipient.messengerPsid,
    updated_at: new Date(),
  };
  return db
    .insertInto('test_recipients')
    .values({ actor_kind: owner.kind, actor_id: owner.id, ...values })
    .onConflict((conflict) =>
      conflict.columns(['actor_kind', 'actor_id']).doUpdateSet(values),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
