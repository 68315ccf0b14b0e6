/**
 * Rendering for Deliveries of conversation messages. The message's text
 * was settled when the Agent (or the bot) wrote it, so the body goes out
 * as stored; only a provider form's parameters (a WhatsApp template used
 * outside the 24-hour window) are rendered, with the Conversation's
 * related Record as `record`.
 */
import { renderTemplate } from '@herald/engine';
import type { Db } from '../db/database.js';
import type { CustomerRow } from '../repositories/customer-repository.js';
import type { DeliveryRow } from '../repositories/delivery-repository.js';
import { findRecord } from '../repositories/record-repository.js';
import { toCustomerFact } from './customer-service.js';
import type { Renderer, Rendered } from './delivery-renderer.js';

/** What a conversation Template is rendered with. */
export interface MergeContext {
  record: Record<string, unknown>;
  prior: null;
  customer: Record<string, unknown>;
  now: string;
}

/**
 * The merge context of a conversation: the Customer and, when the
 * conversation is about one, the Record's current fields.
 */
export async function conversationMergeContext(
  db: Db,
  customer: CustomerRow,
  objectType: string | null,
  recordId: string | null,
): Promise<MergeContext> {
  const record =
    objectType && recordId
      ? await findRecord(db, objectType, recordId)
      : undefined;
  return {
    record: (record && !record.deleted ? record.fields : {}) as Record<
      string,
      unknown
    >,
    prior: null,
    customer: toCustomerFact(customer),
    now: new Date().toISOString(),
  };
}

/** Renders Liquid `text` in a conversation's merge context. */
export async function renderForConversation(
  text: string,
  context: MergeContext,
  customer: CustomerRow,
): Promise<Rendered> {
  const rendered = await renderTemplate(text, context, {
    locale: customer.locale,
    timeZone: customer.time_zone,
  });
  return rendered.ok
    ? { ok: true, text: rendered.text }
    : { ok: false, reason: `${rendered.code}: ${rendered.message}` };
}

/** The renderer of a conversation message's Delivery. */
export async function conversationRenderer(
  db: Db,
  delivery: DeliveryRow,
  customer: CustomerRow,
): Promise<Renderer> {
  const body = delivery.body;
  if (body === null) {
    return { ok: false, reason: 'HERALD_TEMPLATE_RENDER: no message text' };
  }

  const context = await conversationMergeContext(
    db,
    customer,
    delivery.object_type,
    delivery.record_id,
  );
  return {
    ok: true,
    renderBody: async () => ({ ok: true, text: body }),
    render: (text) => renderForConversation(text, context, customer),
  };
}
