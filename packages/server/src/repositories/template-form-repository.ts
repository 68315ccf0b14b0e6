/**
 * A library Template's provider forms: its approved WhatsApp template and
 * its Messenger message tag.
 */
import type { Db } from '../db/database.js';
import type { WhatsappTemplateForm } from '../db/schema.js';

/** The forms a Template carries for channels with a 24-hour window. */
export interface TemplateForms {
  whatsappTemplate: WhatsappTemplateForm | null;
  messengerTag: string | null;
}

/** A Template's forms; null when the Template does not exist. */
export async function findTemplateForms(
  db: Db,
  templateId: string,
): Promise<TemplateForms | null> {
  const row = await db
    .selectFrom('templates')
    .select(['whatsapp_template', 'messenger_tag'])
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (!row) {
    return null;
  }

  return {
    whatsappTemplate: row.whatsapp_template,
    messengerTag: row.messenger_tag,
  };
}

/** Replaces a Template's forms; answers false when it does not exist. */
export async function saveTemplateForms(
  db: Db,
  templateId: string,
  forms: TemplateForms,
) {
  const result = await db
    .updateTable('templates')
    .set({
      whatsapp_template: forms.whatsappTemplate
        ? JSON.stringify(forms.whatsappTemplate)
        : null,
      messenger_tag: forms.messengerTag,
      updated_at: new Date(),
    })
    .where('id', '=', templateId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
