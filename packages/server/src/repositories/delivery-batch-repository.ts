/**
 * Reads and writes for sending many Deliveries at once: each takes the
 * whole batch in one statement, so a batch of fifty costs about as many
 * round trips as one Delivery did.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { CustomerRow } from './customer-repository.js';
import type { DeliveryRow } from './delivery-repository.js';
import type { TemplateForms } from './template-form-repository.js';

/** The Deliveries of `ids` that exist, locked, in id order. */
export async function lockDeliveries(
  db: Db,
  ids: string[],
): Promise<DeliveryRow[]> {
  if (ids.length === 0) {
    return [];
  }

  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/**
 * The Customers of `ids`, locked in id order (so two batches never wait
 * on each other in a circle), keyed by id. The lock conflicts with every
 * consent change (they lock the row too) but not with rows that merely
 * reference the Customer, so Records keep arriving meanwhile.
 */
export async function lockCustomers(
  db: Db,
  ids: string[],
): Promise<Map<string, CustomerRow>> {
  if (ids.length === 0) {
    return new Map();
  }

  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Flows' statuses, keyed by id. */
export async function flowStatuses(
  db: Db,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }

  const rows = await db
    .selectFrom('flows')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.status]));
}

/** Library Templates' provider forms, keyed by Template id. */
export async function templateFormsOf(
  db: Db,
  ids: string[],
): Promise<Map<string, TemplateForms>> {
  if (ids.length === 0) {
    return new Map();
  }

  const rows = await db
    .selectFrom('templates')
    .select(['id', 'whatsapp_template', 'messenger_tag'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        whatsappTemplate: row.whatsapp_template,
        messengerTag: row.messenger_tag,
      },
    ]),
  );
}

/**
 * Messages sent since `since` per Customer and channel, keyed
 * `customerId channel`, for the frequency cap.
 */
export async function sentCountsSince(
  db: Db,
  customerIds: string[],
  since: Date,
): Promise<Map<string, number>> {
  if (customerIds.length === 0) {
    return new Map();
  }

  const rows = await db
    .selectFrom('deliveries')
    .select(['customer_id', 'channel'])
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('customer_id', 'in', customerIds)
    .where('sent_at', '>', since)
    .where('channel', 'is not', null)
    .groupBy(['customer_id', 'channel'])
    .execute();
  return new Map(
    rows.map((row) => [`${row.customer_id} ${row.channel}`, Number(row.count)]),
  );
}

/** A send about to start: its Attempt and the Delivery's new columns. */
export interface StartingSend {
  deliveryId: string;
  channel: string;
  request: unknown;
  body: string;
  toAddress: string;
  sentAt: Date;
  details: Record<string, unknown>;
}

/**
 * Opens one Attempt per send and moves each Delivery to `sending` with
 * its history entry; answers the Attempt ids keyed by Delivery id.
 */
export async function startSends(
  db: Db,
  sends: StartingSend[],
  workerId: string | null,
): Promise<Map<string, string>> {
  if (sends.length === 0) {
    return new Map();
  }

  const attempts = await db
    .insertInto('attempts')
    .values(
      sends.map((send) => ({
        delivery_id: send.deliveryId,
        channel: send.channel,
        request: JSON.stringify(send.request),
        worker_id: workerId,
      })),
    )
    .returning(['id', 'delivery_id'])
    .execute();
  const attemptIds = new Map(attempts.map((row) => [row.delivery_id, row.id]));

  await sql`
    update deliveries as d set
      status = 'sending', status_reason = null, updated_at = now(),
      channel = v.channel, body = v.body, to_address = v.to_address,
      sent_at = v.sent_at
    from unnest(
      ${sends.map((send) => send.deliveryId)}::uuid[],
      ${sends.map((send) => send.channel)}::text[],
      ${sends.map((send) => send.body)}::text[],
      ${sends.map((send) => send.toAddress)}::text[],
      ${sends.map((send) => send.sentAt)}::timestamptz[]
    ) as v(id, channel, body, to_address, sent_at)
    where d.id = v.id
  `.execute(db);
  await appendEvents(
    db,
    sends.map((send) => ({
      deliveryId: send.deliveryId,
      status: 'sending',
      reason: null,
      details: { attemptId: attemptIds.get(send.deliveryId), ...send.details },
    })),
  );
  return attemptIds;
}

/** A provider's acceptance of one Attempt. */
export interface AcceptedSend {
  deliveryId: string;
  attemptId: string;
  providerMessageId: string;
  response: unknown;
  reason: string;
}

/**
 * Settles accepted Attempts and moves their Deliveries to `sent` (only
 * from `sending` or `unknown`, so a faster status callback is kept).
 */
export async function settleAcceptedSends(db: Db, accepted: AcceptedSend[]) {
  if (accepted.length === 0) {
    return;
  }

  // Deliveries first, in id order, as status callbacks lock them: taking
  // the Attempts first could wait on a callback that waits on us.
  await lockDeliveries(
    db,
    accepted.map((item) => item.deliveryId),
  );
  await sql`
    update attempts as a set
      outcome = 'accepted', provider_message_id = v.provider_message_id,
      response = v.response, error_code = null, error_message = null,
      error_class = null, finished_at = now()
    from unnest(
      ${accepted.map((item) => item.attemptId)}::bigint[],
      ${accepted.map((item) => item.providerMessageId)}::text[],
      ${accepted.map((item) => JSON.stringify(item.response ?? null))}::jsonb[]
    ) as v(id, provider_message_id, response)
    where a.id = v.id
  `.execute(db);
  const moved = await sql<{ id: string }>`
    update deliveries as d set
      status = 'sent', status_reason = v.reason, updated_at = now()
    from unnest(
      ${accepted.map((item) => item.deliveryId)}::uuid[],
      ${accepted.map((item) => item.reason)}::text[]
    ) as v(id, reason)
    where d.id = v.id and d.status in ('sending', 'unknown')
    returning d.id
  `.execute(db);
  const movedIds = new Set(moved.rows.map((row) => row.id));
  await appendEvents(
    db,
    accepted
      .filter((item) => movedIds.has(item.deliveryId))
      .map((item) => ({
        deliveryId: item.deliveryId,
        status: 'sent',
        reason: item.reason,
        details: {
          attemptId: item.attemptId,
          providerMessageId: item.providerMessageId,
        },
      })),
  );
}

/** History entries, appended in one statement. */
export async function appendEvents(
  db: Db,
  events: {
    deliveryId: string;
    status: string;
    reason: string | null;
    details: Record<string, unknown> | null;
  }[],
) {
  if (events.length === 0) {
    return;
  }

  await db
    .insertInto('delivery_events')
    .values(
      events.map((event) => ({
        delivery_id: event.deliveryId,
        status: event.status,
        reason: event.reason,
        details: event.details ? JSON.stringify(event.details) : null,
      })),
    )
    .execute();
}
