/**
 * Sending Deliveries, one or a batch at a time. One transaction prepares
 * the batch (see delivery-prepare.ts: checks, rendering, routing, and an
 * Attempt opened for each send) and commits; only then are the providers
 * called. Accepted sends are settled together in one transaction; a
 * refused one on its own: retried later by the error's class, or failed
 * over to the next channel as a new Attempt. An Attempt left open by a
 * dead worker is reconciled with the provider, never sent again.
 */
import type { Logger } from 'pino';
import type {
  ChannelAdapter,
  ChannelResolver,
  OutgoingMessage,
  SendResult,
} from '../channels/channel-adapter.js';
import { ChannelError } from '../channels/channel-error.js';
import type { Db } from '../db/database.js';
import {
  settleAcceptedSends,
  type AcceptedSend,
} from '../repositories/delivery-batch-repository.js';
import {
  closeAttempt,
  lockDelivery,
  setDeliveryStatus,
} from '../repositories/delivery-repository.js';
import { addJob } from '../repositories/job-queue.js';
import { loadDeliveryPolicy } from './delivery-policy.js';
import { prepareDue, prepareSends, type Plan } from './delivery-prepare.js';
import { decideRetry } from './delivery-retry-policy.js';

export { addressFor } from './delivery-route.js';

/** What sending needs from the process. */
export interface DeliveryDeps {
  db: Db;
  channels: ChannelResolver;
  log: Logger;
  /** The worker running the send, recorded on its Attempts. */
  workerId?: string | null;
  /** A worker unseen for this long is dead. Default 30 s. */
  staleWorkerMs?: number;
}

/** At most this many channels are tried in one run (fallback lists ≤ 5). */
const MAX_FAILOVERS = 6;

/** Sends Delivery `deliveryId` if it is still waiting to be sent. */
export async function sendDelivery(
  deps: DeliveryDeps,
  deliveryId: string,
): Promise<void> {
  await sendDeliveries(deps, [deliveryId]);
}

/**
 * Sends every Delivery of `ids` still waiting to be sent: one transaction
 * prepares them all, the providers are called, and one transaction
 * settles every accepted send. A failed send is settled on its own and,
 * when it fails over, tried again on its next channel.
 */
export async function sendDeliveries(
  deps: DeliveryDeps,
  ids: string[],
): Promise<void> {
  let pending = [...new Set(ids)];
  for (let hop = 0; hop < MAX_FAILOVERS && pending.length > 0; hop += 1) {
    const plans = await deps.db
      .transaction()
      .execute((trx) => prepareSends(deps, trx, pending));
    pending = await carryOut(deps, plans);
  }
}

/** How much one drain of due Deliveries takes on. */
export interface DeliveryDrainLimits {
  /** Deliveries claimed per transaction. */
  batch: number;
  /** Stop claiming after this long (the wake-up is renewed). */
  budgetMs: number;
  signal?: AbortSignal;
}

/**
 * Sends due pending Deliveries, a claimed batch at a time, until none is
 * left or the budget is spent; answers whether work may be left.
 */
export async function deliverPending(
  deps: DeliveryDeps,
  limits: DeliveryDrainLimits,
): Promise<{ claimed: number; more: boolean }> {
  const until = Date.now() + limits.budgetMs;
  let total = 0;
  for (;;) {
    if (Date.now() > until || limits.signal?.aborted) {
      return { claimed: total, more: true };
    }

    const { plans, claimed } = await deps.db
      .transaction()
      .execute((trx) => prepareDue(deps, trx, limits.batch));
    const failover = await carryOut(deps, plans);
    if (failover.length > 0) {
      await sendDeliveries(deps, failover);
    }

    total += claimed;
    if (claimed < limits.batch) {
      return { claimed: total, more: false };
    }
  }
}

/** Calls the providers; answers the Deliveries that fail over. */
async function carryOut(deps: DeliveryDeps, plans: Plan[]): Promise<string[]> {
  const accepted: AcceptedSend[] = [];
  const failover: string[] = [];
  const sends = plans.filter((plan) => plan.kind === 'send');
  const results = await callProviders(deps, sends);
  await Promise.all(
    sends.map(async (plan, index) => {
      const scoped = logged(deps, plan.message);
      const outcome = await settleCall(scoped, plan, results[index]);
      if (outcome === 'failover') {
        failover.push(plan.message.deliveryId!);
      } else if (outcome !== 'done') {
        accepted.push(outcome);
      }
    }),
  );
  if (accepted.length > 0) {
    await deps.db
      .transaction()
      .execute((trx) => settleAcceptedSends(trx, accepted));
    for (const item of accepted) {
      deps.log.info(
        { deliveryId: item.deliveryId, attemptId: item.attemptId },
        'delivery sent',
      );
    }
  }

  for (const plan of plans.filter((item) => item.kind === 'reconcile')) {
    await reconcileInterrupted(
      logged(deps, plan.message),
      plan.message,
      plan.startedAt,
    );
  }

  return failover;
}

/** Every line logged for a send names its Delivery, whoever called. */
function logged(deps: DeliveryDeps, message: OutgoingMessage): DeliveryDeps {
  return { ...deps, log: deps.log.child({ deliveryId: message.deliveryId }) };
}

type CallResult = SendResult | ChannelError;

/**
 * Hands each message to its channel's adapter: all at once to an adapter
 * that takes a batch, else one call per message, side by side.
 */
async function callProviders(
  deps: DeliveryDeps,
  sends: Extract<Plan, { kind: 'send' }>[],
): Promise<CallResult[]> {
  const results: CallResult[] = new Array(sends.length);
  const byAdapter = new Map<ChannelAdapter, number[]>();
  for (const [index, plan] of sends.entries()) {
    const adapter = await deps.channels.adapterFor(plan.message.channel);
    if (!adapter) {
      results[index] = new ChannelError(
        'not_configured',
        `channel ${plan.message.channel} is not configured`,
      );
      continue;
    }

    byAdapter.set(adapter, [...(byAdapter.get(adapter) ?? []), index]);
  }

  for (const [adapter, indexes] of byAdapter) {
    const messages = indexes.map((index) => sends[index].message);
    const answers = adapter.sendMany
      ? await adapter
          .sendMany(messages)
          .catch((error) => messages.map(() => asChannelError(error)))
      : await Promise.all(
          messages.map((message) =>
            adapter.send(message).catch((error) => asChannelError(error)),
          ),
        );
    indexes.forEach((index, position) => {
      const answer = answers[position];
      results[index] =
        answer instanceof Error ? asChannelError(answer) : answer;
    });
  }

  return results;
}

/** Settles a failed call; an accepted one is answered for the batch. */
async function settleCall(
  deps: DeliveryDeps,
  plan: Extract<Plan, { kind: 'send' }>,
  result: CallResult,
): Promise<AcceptedSend | 'done' | 'failover'> {
  const { message, startedAt } = plan;
  if (!(result instanceof ChannelError)) {
    return acceptedOf(message, result, 'sent');
  }
  if (result.errorClass === 'timeout') {
    // The request may have arrived: ask before trying again.
    const adapter = await deps.channels.adapterFor(message.channel);
    const found = await adapter
      ?.reconcile(message, startedAt)
      .catch(() => null);
    if (found) {
      return acceptedOf(message, found, 'reconciled after timeout');
    }
  }

  return settleFailure(deps, message, result);
}

function acceptedOf(
  message: OutgoingMessage,
  result: SendResult,
  reason: string,
): AcceptedSend {
  return {
    deliveryId: message.deliveryId!,
    attemptId: message.attemptId!,
    providerMessageId: result.providerMessageId,
    response: result.response,
    reason,
  };
}

async function settleFailure(
  deps: DeliveryDeps,
  message: OutgoingMessage,
  failure: ChannelError,
): Promise<'done' | 'failover'> {
  return deps.db.transaction().execute(async (trx) => {
    const delivery = await lockDelivery(trx, message.deliveryId!);
    const policy = await loadDeliveryPolicy(trx);
    const decision = decideRetry(failure, delivery?.retries ?? 0, policy);
    await closeAttempt(trx, message.attemptId!, {
      outcome: 'failed',
      response: failure.response ?? undefined,
      errorCode: failure.providerCode,
      errorMessage: failure.message,
      errorClass: failure.errorClass,
    });
    if (!delivery || delivery.status !== 'sending') {
      return 'done';
    }

    if (decision.kind === 'retry') {
      const runAt = new Date(Date.now() + decision.delayMs);
      const retries = delivery.retries + 1;
      await setDeliveryStatus(
        trx,
        delivery.id,
        'pending',
        `retry ${retries} at ${runAt.toISOString()} after ${decision.reason}`,
        { retries, sendAt: runAt, details: { attemptId: message.attemptId } },
      );
      await addJob(
        trx,
        'deliver',
        { deliveryId: delivery.id },
        {
          jobKey: `delivery:${delivery.id}`,
          runAt,
        },
      );
      deps.log.warn(
        { channel: message.channel, retries },
        'delivery retry scheduled',
      );
      return 'done';
    }

    await setDeliveryStatus(
      trx,
      delivery.id,
      'pending',
      `${decision.code} on ${message.channel}: ${decision.reason}`,
      {
        retries: 0,
        failedChannels: [...delivery.failed_channels, message.channel],
        details: { attemptId: message.attemptId, failover: true },
      },
    );
    deps.log.warn(
      { channel: message.channel, code: decision.code },
      'delivery channel failed',
    );
    return 'failover';
  });
}

async function reconcileInterrupted(
  deps: DeliveryDeps,
  message: OutgoingMessage,
  startedAt: Date,
) {
  const adapter = await deps.channels.adapterFor(message.channel);
  const found = adapter ? await adapter.reconcile(message, startedAt) : null;
  if (found) {
    const accepted = acceptedOf(message, found, 'reconciled with the provider');
    await deps.db
      .transaction()
      .execute((trx) => settleAcceptedSends(trx, [accepted]));
    deps.log.info({ channel: message.channel }, 'delivery sent');
    return;
  }

  await deps.db.transaction().execute(async (trx) => {
    await closeAttempt(trx, message.attemptId!, { outcome: 'unknown' });
    await setDeliveryStatus(
      trx,
      message.deliveryId!,
      'unknown',
      'send interrupted; awaiting reconciliation by status callback',
      { onlyFrom: ['sending'], details: { attemptId: message.attemptId } },
    );
  });
  deps.log.warn('delivery outcome unknown');
}

function asChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) {
    return error;
  }

  return new ChannelError(
    'server',
    String((error as Error)?.message ?? error),
    {
      cause: error,
    },
  );
}
