/**
 * Deliveries, their state history and their Attempts.
 */
import type { DeliveryStatus } from '@herald/engine';
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { AttemptsTable, DeliveriesTable } from '../db/schema.js';

export type DeliveryRow = Selectable<DeliveriesTable>;
export type AttemptRow = Selectable<AttemptsTable>;

/** Every state a Delivery can be in. */
export type { DeliveryStatus };

/** A Delivery decided by a Run, before it has an id. */
export interface NewDelivery {
  changeId: string;
  flowId: string;
  flowVersion: number;
  pathId: string;
  channelStepId: string;
  templateId: string;
  urgent: boolean;
  customerId: string;
  objectType: string;
  recordId: string;
  channelPolicy: unknown;
  status: DeliveryStatus;
  sendAt: Date;
}

/** One Delivery, locked for the rest of the transaction. */
export async function lockDelivery(db: Db, id: string) {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Columns a state change may also set. */
export interface DeliveryStatusExtra {
  channel?: string;
  body?: string;
  toAddress?: string;
  sentAt?: Date;
  retries?: number;
  sendAt?: Date;
  failedChannels?: string[];
  /** Details kept on the history entry (provider status, fallbacks). */
  details?: Record<string, unknown>;
  /** Only move when the Delivery is in one of these states. */
  onlyFrom?: DeliveryStatus[];
}

/**
 * Moves a Delivery to a state and appends that to its history; answers
 * false (and changes nothing) when `onlyFrom` does not match.
 */
export async function setDeliveryStatus(
  db: Db,
  id: string,
  status: DeliveryStatus,
  reason: string | null,
  extra: DeliveryStatusExtra = {},
): Promise<boolean> {
  let query = db
    .updateTable('deliveries')
    .set({
      status,
      status_reason: reason,
      updated_at: new Date(),
      ...(extra.channel === undefined ? {} : { channel: extra.channel }),
      ...(extra.body === undefined ? {} : { body: extra.body }),
      ...(extra.toAddress === undefined ? {} : { to_address: extra.toAddress }),
      ...(extra.sentAt === undefined ? {} : { sent_at: extra.sentAt }),
      ...(extra.retries === undefined ? {} : { retries: extra.retries }),
      ...(extra.sendAt === undefined ? {} : { send_at: extra.sendAt }),
      ...(extra.failedChannels === undefined
        ? {}
        : { failed_channels: extra.failedChannels }),
    })
    .where('id', '=', id);
  if (extra.onlyFrom) {
    query = query.where('status', 'in', extra.onlyFrom);
  }

  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    return false;
  }

  await db
    .insertInto('delivery_events')
    .values({
      delivery_id: id,
      status,
      reason,
      details: extra.details ? JSON.stringify(extra.details) : null,
    })
    .execute();
  return true;
}

/** Opens an Attempt before the provider is called. */
export async function openAttempt(
  db: Db,
  attempt: {
    deliveryId: string;
    channel: string;
    request: unknown;
    workerId?: string | null;
  },
) {
  const row = await db
    .insertInto('attempts')
    .values({
      delivery_id: attempt.deliveryId,
      channel: attempt.channel,
      request: JSON.stringify(attempt.request),
      worker_id: attempt.workerId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Settles an Attempt with what the provider answered. */
export async function closeAttempt(
  db: Db,
  id: string,
  result: {
    outcome: 'accepted' | 'failed' | 'unknown';
    providerMessageId?: string;
    response?: unknown;
    errorCode?: string | null;
    errorMessage?: string | null;
    errorClass?: string | null;
  },
) {
  await db
    .updateTable('attempts')
    .set({
      outcome: result.outcome,
      provider_message_id: result.providerMessageId ?? null,
      response:
        result.response === undefined ? null : JSON.stringify(result.response),
      error_code: result.errorCode ?? null,
      error_message: result.errorMessage ?? null,
      error_class: result.errorClass ?? null,
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** The open Attempt of a Delivery, if a send was interrupted. */
export async function findOpenAttempt(db: Db, deliveryId: string) {
  return db
    .selectFrom('attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .where('outcome', '=', 'open')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** One Attempt of one Delivery. */
export async function findAttempt(
  db: Db,
  deliveryId: string,
  attemptId: string,
) {
  return db
    .selectFrom('attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .where('id', '=', attemptId)
    .executeTakeFirst();
}

/** The Attempt a provider message id belongs to, on a channel. */
export async function findAttemptByProviderId(
  db: Db,
  channel: string,
  providerMessageId: string,
) {
  return db
    .selectFrom('attempts')
    .selectAll()
    .where('channel', '=', channel)
    .where('provider_message_id', '=', providerMessageId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Records the provider message id of an Attempt a webhook settled. */
export async function acceptAttempt(
  db: Db,
  id: string,
  providerMessageId: string | null,
) {
  await db
    .updateTable('attempts')
    .set({
      outcome: 'accepted',
      provider_message_id: providerMessageId,
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .where('outcome', 'in', ['open', 'unknown'])
    .execute();
}

/** Deliveries on a channel handed to a provider since `since`. */
export async function countSentSince(
  db: Db,
  customerId: string,
  channel: string,
  since: Date,
) {
  const row = await db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('customer_id', '=', customerId)
    .where('channel', '=', channel)
    .where('sent_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Cancels a Flow's Deliveries that have not been sent yet; answers their
 * ids.
 */
export async function cancelUnsentDeliveries(db: Db, flowId: string) {
  const rows = await db
    .updateTable('deliveries')
    .set({
      status: 'cancelled',
      status_reason: 'HERALD_FLOW_DEACTIVATED: flow deactivated',
      updated_at: new Date(),
    })
    .where('flow_id', '=', flowId)
    .where('status', 'in', ['scheduled', 'pending', 'deferred'])
    .returning('id')
    .execute();
  const ids = rows.map((row) => row.id);
  if (ids.length > 0) {
    await db
      .insertInto('delivery_events')
      .values(
        ids.map((id) => ({
          delivery_id: id,
          status: 'cancelled',
          reason: 'HERALD_FLOW_DEACTIVATED: flow deactivated',
        })),
      )
      .execute();
  }

  return ids;
}

/**
 * Inserts the Delivery of a conversation message (one per message):
 * fixed to the Conversation's channel, pending, with its text settled.
 */
export async function insertConversationDelivery(
  db: Db,
  delivery: {
    conversationMessageId: string;
    customerId: string;
    channel: string;
    templateId: string | null;
    objectType: string | null;
    recordId: string | null;
    body: string;
    urgent: boolean;
  },
) {
  const row = await db
    .insertInto('deliveries')
    .values({
      conversation_message_id: delivery.conversationMessageId,
      customer_id: delivery.customerId,
      template_id: delivery.templateId,
      object_type: delivery.objectType,
      record_id: delivery.recordId,
      urgent: delivery.urgent,
      channel_policy: JSON.stringify({
        policy: 'fixed',
        channel: delivery.channel,
      }),
      body: delivery.body,
      status: 'pending',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('delivery_events')
    .values({
      delivery_id: row.id,
      status: 'pending',
      reason: 'conversation message',
    })
    .execute();
  return row.id;
}
