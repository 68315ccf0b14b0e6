/**
 * Test sends as Deliveries: a library Template rendered for a sample
 * Customer and sent to a person's own test recipient. Each is stored
 * already `sending`, with its address, text and open Attempt, so no
 * worker ever picks it up as work to route to the Customer; an
 * interrupted one is only ever reconciled with the test address.
 */
import type { Db } from '../db/database.js';
import { openAttempt } from './delivery-repository.js';

/** A test send about to be handed to its channel's adapter. */
export interface NewTestDelivery {
  templateId: string;
  /** The sample Customer whose data the text carries (never the recipient). */
  customerId: string;
  objectType: string | null;
  channel: string;
  toAddress: string;
  body: string;
  /** Who asked, as the outbox shows it. */
  requestedBy: string;
  /** The adapter's name, kept on the Attempt. */
  adapter: string;
}

/** Stores the test Delivery and its open Attempt; answers both ids. */
export async function insertTestDelivery(db: Db, test: NewTestDelivery) {
  const reason = `test send requested by ${test.requestedBy}`;
  const row = await db
    .insertInto('deliveries')
    .values({
      is_test: true,
      test_requested_by: test.requestedBy,
      template_id: test.templateId,
      customer_id: test.customerId,
      object_type: test.objectType,
      urgent: true,
      channel_policy: JSON.stringify({
        policy: 'fixed',
        channel: test.channel,
      }),
      channel: test.channel,
      to_address: test.toAddress,
      body: test.body,
      status: 'sending',
      status_reason: reason,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const request = {
    to: test.toAddress,
    body: test.body,
    form: { kind: 'text' },
  };
  const attemptId = await openAttempt(db, {
    deliveryId: row.id,
    channel: test.channel,
    request: { ...request, adapter: test.adapter },
  });
  await db
    .insertInto('delivery_events')
    .values({
      delivery_id: row.id,
      status: 'sending',
      reason,
      details: JSON.stringify({ attemptId, adapter: test.adapter, test: true }),
    })
    .execute();
  return { deliveryId: row.id, attemptId };
}
