/**
 * The polite answer to a Customer who wrote on a channel still limited
 * to a pilot audience. Their message is stored like any other; it just
 * joins no Conversation.
 */
import type { Logger } from 'pino';
import type { ChannelResolver } from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import {
  findInboundMessage,
  recordInboundReply,
} from '../repositories/inbound-message-repository.js';
import { loadConversationPolicy } from './conversation-policy.js';

/** Sends the pilot answer to an inbound message once. */
export async function sendPilotReply(
  deps: { db: Db; channels: ChannelResolver; log: Logger },
  inboundMessageId: string,
) {
  const inbound = await findInboundMessage(deps.db, inboundMessageId);
  if (!inbound || inbound.replied_at) {
    return;
  }

  const policy = await loadConversationPolicy(deps.db);
  const pilot = policy.pilots[inbound.channel as 'sms'];
  const adapter = await deps.channels.adapterFor(inbound.channel);
  if (!pilot || !adapter) {
    return;
  }

  // Limitation: like keyword replies, a worker dying between this send
  // and the record below lets the job's retry send the answer twice.
  await adapter.send({
    deliveryId: null,
    attemptId: null,
    channel: inbound.channel,
    customerId: inbound.customer_id,
    to: inbound.from_address,
    body: pilot.reply,
    form: { kind: 'text' },
  });
  await recordInboundReply(deps.db, inboundMessageId, pilot.reply);
  deps.log.info(
    { inboundMessageId, channel: inbound.channel },
    'pilot reply sent',
  );
}
