/**
 * Inbound messages: stored once against the Customer whose address sent
 * them; consent keywords change the Consent ledger in the same
 * transaction (with the Customer row locked, like sends) and queue one
 * confirmation; HELP and INFO queue the help text.
 */
import type { Logger } from 'pino';
import type { ChannelResolver } from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import {
  appendConsents,
  currentConsents,
  findCustomer,
  type ConsentEntry,
} from '../repositories/customer-repository.js';
import {
  findCustomerIdByAddress,
  findInboundMessage,
  insertInboundMessage,
  recordInboundReply,
} from '../repositories/inbound-message-repository.js';
import { addJob } from '../repositories/job-queue.js';
import { readKeyword, type KeywordAction } from './consent-keyword.js';
import { fileInboundMessage } from './conversation-inbound.js';
import { loadDeliveryPolicy } from './delivery-policy.js';

/** Channels STOPALL opts out of. */
const MESSAGING_CHANNELS = ['sms', 'whatsapp', 'messenger'];

/** An inbound message as a webhook read it. */
export interface InboundInput {
  channel: string;
  from: string;
  to: string | null;
  providerMessageId: string;
  body: string;
  raw: unknown;
  receivedAt?: Date;
}

/** What storing an inbound message did. */
export interface InboundOutcome {
  inboundMessageId: string | null;
  customerId: string | null;
  keyword: string | null;
  consentChanged: boolean;
  /** What the Conversation made of it; null when none was involved. */
  conversation?: string | null;
}

/** Stores an inbound message and applies its keyword; safe to repeat. */
export async function receiveInbound(
  db: Db,
  input: InboundInput,
  log: Logger,
): Promise<InboundOutcome> {
  const outcome = await db.transaction().execute(async (trx) => {
    const customerId = await findCustomerIdByAddress(
      trx,
      input.channel,
      input.from,
    );
    const customer = customerId
      ? await findCustomer(trx, customerId, true)
      : undefined;

    const keyword = readKeyword(input.body);
    const id = await insertInboundMessage(trx, {
      ...input,
      customerId,
      fromAddress: input.from,
      toAddress: input.to,
      keyword: keyword?.keyword ?? null,
    });
    if (!id) {
      return {
        inboundMessageId: null,
        customerId,
        keyword: null,
        consentChanged: false,
      };
    }

    const consentChanged =
      customerId && keyword && keyword.action !== 'help'
        ? await applyKeyword(trx, customerId, input, keyword)
        : false;
    if (keyword && (keyword.action === 'help' || consentChanged)) {
      await addJob(
        trx,
        'keyword-reply',
        { inboundMessageId: id },
        {
          jobKey: `keyword-reply:${id}`,
          maxAttempts: 3,
        },
      );
    }
    const conversation = customer
      ? await fileInboundMessage(trx, customer, {
          inboundMessageId: id,
          channel: input.channel,
          body: input.body,
          keywordAction: keyword?.action ?? null,
        })
      : null;

    return {
      inboundMessageId: id,
      customerId,
      keyword: keyword?.keyword ?? null,
      consentChanged,
      conversation: conversation?.kind ?? null,
    };
  });
  log.info({ channel: input.channel, ...outcome }, 'inbound message received');
  return outcome;
}

async function applyKeyword(
  db: Db,
  customerId: string,
  input: InboundInput,
  keyword: { keyword: string; action: KeywordAction },
) {
  const status = keyword.action === 'opt_out' ? 'opt_out' : 'opt_in';
  const channels =
    keyword.keyword === 'STOPALL' ? MESSAGING_CHANNELS : [input.channel];
  const current =
    (await currentConsents(db, [customerId])).get(customerId) ?? [];
  const entries: ConsentEntry[] = channels
    .filter((channel) => {
      const mine = current.filter((consent) => consent.channel === channel);
      return status === 'opt_out'
        ? mine.length === 0 ||
            mine.some((consent) => consent.status === 'opt_in')
        : mine.length === 0 ||
            mine.some((consent) => consent.status === 'opt_out');
    })
    .map((channel) => ({
      channel,
      sender: '',
      status,
      source: 'keyword',
      evidence: `${keyword.keyword} in ${input.channel} message ${input.providerMessageId}`,
    }));
  await appendConsents(db, customerId, entries);
  return entries.length > 0;
}

/** Sends the one reply a keyword asked for; skips when already sent. */
export async function sendKeywordReply(
  deps: { db: Db; channels: ChannelResolver; log: Logger },
  inboundMessageId: string,
) {
  const inbound = await findInboundMessage(deps.db, inboundMessageId);
  if (!inbound || inbound.replied_at || !inbound.keyword) {
    return;
  }

  const policy = await loadDeliveryPolicy(deps.db);
  const action = readKeyword(inbound.keyword)?.action;
  const body =
    action === 'help'
      ? policy.helpText
      : action === 'opt_out'
        ? policy.optOutReply
        : policy.optInReply;
  const adapter = await deps.channels.adapterFor(inbound.channel);
  if (!adapter) {
    return;
  }

  // Limitation: a worker dying between this send and the record below
  // lets the job's retry send the confirmation a second time.
  await adapter.send({
    deliveryId: null,
    attemptId: null,
    channel: inbound.channel,
    customerId: inbound.customer_id,
    to: inbound.from_address,
    body,
    form: { kind: 'text' },
  });
  await recordInboundReply(deps.db, inboundMessageId, body);
  deps.log.info(
    { inboundMessageId, channel: inbound.channel, keyword: inbound.keyword },
    'keyword reply sent',
  );
}
