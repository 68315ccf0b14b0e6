/**
 * The quick-phrase library: short phrases and emoji an Agent drops into
 * the composer.
 */
import type { Db } from '../db/database.js';

/** A quick phrase as the API shows it. */
export interface QuickPhrase {
  id: string;
  label: string;
  body: string;
  position: number;
}

/** Every quick phrase, in order. */
export async function listQuickPhrases(db: Db): Promise<QuickPhrase[]> {
  return db
    .selectFrom('quick_phrases')
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Inserts or replaces a quick phrase. */
export async function saveQuickPhrase(db: Db, phrase: QuickPhrase) {
  await db
    .insertInto('quick_phrases')
    .values(phrase)
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({
        label: phrase.label,
        body: phrase.body,
        position: phrase.position,
      }),
    )
    .execute();
}
