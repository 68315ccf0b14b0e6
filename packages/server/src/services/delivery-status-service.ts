/**
 * Provider status callbacks: they settle an Attempt whose outcome was
 * open or unknown, and move its Delivery forward to sent, delivered or
 * read, or to failed — never backward.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import {
  acceptAttempt,
  findAttempt,
  findAttemptByProviderId,
  lockDelivery,
  setDeliveryStatus,
  type DeliveryStatus,
} from '../repositories/delivery-repository.js';
import { findCustomerIdByAddress } from '../repositories/inbound-message-repository.js';

/** A status a provider reported, in Herald's words. */
export type ProviderStatus = 'sent' | 'delivered' | 'read' | 'failed';

/** One status callback, naming the Attempt by ids or provider id. */
export interface StatusReport {
  channel: string;
  deliveryId?: string | null;
  attemptId?: string | null;
  providerMessageId?: string | null;
  status: ProviderStatus;
  errorCode?: string | null;
  errorMessage?: string | null;
}

const RANK: Partial<Record<DeliveryStatus, number>> = {
  sending: 0,
  unknown: 0,
  sent: 1,
  delivered: 2,
  read: 3,
};

/** Applies a status callback; answers whether a Delivery moved. */
export async function applyStatusReport(
  db: Db,
  report: StatusReport,
  log: Logger,
): Promise<boolean> {
  const moved = await db.transaction().execute(async (trx) => {
    const attempt = await attemptOf(trx, report);
    if (!attempt) {
      return false;
    }

    const delivery = await lockDelivery(trx, attempt.delivery_id);
    if (!delivery) {
      return false;
    }

    const providerId = report.providerMessageId ?? attempt.provider_message_id;
    await acceptAttempt(trx, attempt.id, providerId);
    const current = RANK[delivery.status as DeliveryStatus];
    if (current === undefined) {
      return false;
    }

    if (report.status === 'failed' && current <= RANK.sent!) {
      const why = [report.errorCode, report.errorMessage].filter(Boolean);
      return setDeliveryStatus(
        trx,
        delivery.id,
        'failed',
        `HERALD_PROVIDER_FAILED: ${why.join(' ') || 'reported by the provider'}`,
        { details: { attemptId: attempt.id, providerStatus: report.status } },
      );
    }
    if (report.status === 'failed' || RANK[report.status]! <= current) {
      return false;
    }

    return setDeliveryStatus(
      trx,
      delivery.id,
      report.status,
      `provider status ${report.status}`,
      { details: { attemptId: attempt.id, providerMessageId: providerId } },
    );
  });
  log.info({ ...report, moved }, 'delivery status received');
  return moved;
}

async function attemptOf(db: Db, report: StatusReport) {
  if (report.deliveryId && report.attemptId) {
    return findAttempt(db, report.deliveryId, report.attemptId);
  }
  if (report.providerMessageId) {
    return findAttemptByProviderId(
      db,
      report.channel,
      report.providerMessageId,
    );
  }

  return undefined;
}

/**
 * A Messenger read receipt names no message, only a moment: the person
 * has read everything the Page sent them up to `watermark`. Their
 * Messenger Deliveries sent by then move to read; answers how many moved.
 */
export async function applyReadWatermark(
  db: Db,
  read: { psid: string; watermark: Date },
  log: Logger,
): Promise<number> {
  const moved = await db.transaction().execute(async (trx) => {
    const customerId = await findCustomerIdByAddress(
      trx,
      'messenger',
      read.psid,
    );
    if (!customerId) {
      return 0;
    }

    const unread = await trx
      .selectFrom('deliveries')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('channel', '=', 'messenger')
      .where('status', 'in', ['sent', 'delivered'])
      .where('sent_at', '<=', read.watermark)
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const { id } of unread) {
      await setDeliveryStatus(trx, id, 'read', 'provider status read', {
        details: { watermark: read.watermark.toISOString() },
      });
    }

    return unread.length;
  });
  log.info({ channel: 'messenger', moved }, 'read receipt received');
  return moved;
}
