/**
 * Sending one Delivery. Inside one transaction, with the Delivery and its
 * Customer locked (so an opt-out committed first always wins), it checks
 * the Flow is still active, defers into quiet hours' end unless urgent,
 * renders the Template, chooses the route, opens an Attempt and commits;
 * only then is the provider called. The answer settles the Attempt: sent,
 * retried later by the error's class, or failed over to the next channel
 * as a new Attempt. An Attempt left open by a dead worker is reconciled
 * with the provider, never sent again.
 */
import type { Logger } from 'pino';
import type {
  ChannelResolver,
  MessageForm,
  OutgoingMessage,
} from '../channels/channel-adapter.js';
import { ChannelError } from '../channels/channel-error.js';
import type { Db } from '../db/database.js';
import {
  findCustomer,
  type CustomerRow,
} from '../repositories/customer-repository.js';
import {
  closeAttempt,
  findOpenAttempt,
  lockDelivery,
  openAttempt,
  setDeliveryStatus,
  type DeliveryRow,
} from '../repositories/delivery-repository.js';
import { findFlow } from '../repositories/flow-repository.js';
import { addJob } from '../repositories/job-queue.js';
import { findTemplateForms } from '../repositories/template-form-repository.js';
import { isWorkerAlive } from '../repositories/worker-repository.js';
import { loadDeliveryPolicy } from './delivery-policy.js';
import { decideRetry } from './delivery-retry-policy.js';
import { chooseRoute } from './delivery-route.js';
import { renderAll, rendererFor } from './delivery-renderer.js';
import { nextAllowedMoment } from './quiet-hours.js';
import { recheckScheduled } from './wait-schedule-service.js';

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

type Plan =
  | { kind: 'done' }
  | { kind: 'send'; message: OutgoingMessage; startedAt: Date }
  | { kind: 'reconcile'; message: OutgoingMessage; startedAt: Date };

/** Sends Delivery `deliveryId` if it is still waiting to be sent. */
export async function sendDelivery(
  callerDeps: DeliveryDeps,
  deliveryId: string,
): Promise<void> {
  // Every line logged for this send names the Delivery, whoever called.
  const deps = { ...callerDeps, log: callerDeps.log.child({ deliveryId }) };
  for (let hop = 0; hop < MAX_FAILOVERS; hop += 1) {
    const plan = await deps.db
      .transaction()
      .execute((trx) => prepareSend(deps, trx, deliveryId));
    if (plan.kind === 'done') {
      return;
    }
    if (plan.kind === 'reconcile') {
      await reconcileInterrupted(deps, plan.message, plan.startedAt);
      return;
    }

    const next = await callProvider(deps, plan.message, plan.startedAt);
    if (next === 'done') {
      return;
    }
  }
}

async function prepareSend(
  deps: DeliveryDeps,
  db: Db,
  deliveryId: string,
): Promise<Plan> {
  const delivery = await lockDelivery(db, deliveryId);
  if (!delivery) {
    return { kind: 'done' };
  }
  if (delivery.status === 'sending') {
    return resumeInterrupted(deps, db, delivery);
  }
  const waiting = ['pending', 'deferred', 'scheduled'];
  if (!waiting.includes(delivery.status)) {
    return { kind: 'done' };
  }

  // A conversation message's Delivery belongs to no Flow.
  const flow = delivery.flow_id ? await findFlow(db, delivery.flow_id) : null;
  if (delivery.flow_id && flow?.status !== 'active') {
    await setDeliveryStatus(
      db,
      deliveryId,
      'cancelled',
      'HERALD_FLOW_DEACTIVATED: flow deactivated',
    );
    return { kind: 'done' };
  }

  // The Customer row lock orders this send after any opt-out in flight.
  const customer = await findCustomer(db, delivery.customer_id, true);
  if (!customer) {
    await setDeliveryStatus(db, deliveryId, 'blocked', 'customer not found');
    return { kind: 'done' };
  }
  if (delivery.status === 'scheduled') {
    const holds = await recheckScheduled(db, delivery, customer);
    if (!holds) {
      return { kind: 'done' };
    }
  }

  return planSend(deps, db, delivery, customer);
}

async function planSend(
  deps: DeliveryDeps,
  db: Db,
  delivery: DeliveryRow,
  customer: CustomerRow,
): Promise<Plan> {
  const policy = await loadDeliveryPolicy(db);
  const now = new Date(Math.max(Date.now(), delivery.send_at.getTime()));
  if (!delivery.urgent && policy.quietHours) {
    const allowed = nextAllowedMoment(
      now,
      customer.time_zone,
      policy.quietHours,
    );
    if (allowed > now) {
      await deferUntil(db, delivery, customer, allowed);
      return { kind: 'done' };
    }
  }

  const renderer = await rendererFor(db, delivery, customer);
  const rendered = renderer.ok ? await renderer.renderBody() : renderer;
  if (!rendered.ok) {
    await setDeliveryStatus(db, delivery.id, 'blocked', rendered.reason);
    return { kind: 'done' };
  }

  const route = await chooseRoute({
    db,
    channels: deps.channels,
    delivery,
    customer,
    policy,
    forms: delivery.template_id
      ? await findTemplateForms(db, delivery.template_id)
      : null,
    renderParameters: (parameters) => renderAll(renderer, parameters),
    now,
  });
  if (!route.ok) {
    await setDeliveryStatus(db, delivery.id, route.status, route.reason, {
      body: rendered.text,
    });
    return { kind: 'done' };
  }

  const request = { to: route.to, body: rendered.text, form: route.form };
  const attemptId = await openAttempt(db, {
    deliveryId: delivery.id,
    channel: route.channel,
    request: { ...request, adapter: route.adapter.name },
    workerId: deps.workerId,
  });
  await setDeliveryStatus(db, delivery.id, 'sending', null, {
    channel: route.channel,
    body: rendered.text,
    toAddress: route.to,
    sentAt: now,
    details: {
      attemptId,
      adapter: route.adapter.name,
      form: route.form.kind,
      ...(route.refusals.length > 0 ? { passedOver: route.refusals } : {}),
    },
  });
  return {
    kind: 'send',
    startedAt: now,
    message: {
      deliveryId: delivery.id,
      attemptId,
      channel: route.channel,
      customerId: customer.id,
      ...request,
    },
  };
}

async function deferUntil(
  db: Db,
  delivery: DeliveryRow,
  customer: CustomerRow,
  allowed: Date,
) {
  await setDeliveryStatus(
    db,
    delivery.id,
    'deferred',
    `quiet hours in ${customer.time_zone} until ${allowed.toISOString()}`,
    { sendAt: allowed },
  );
  await addJob(
    db,
    'deliver',
    { deliveryId: delivery.id },
    {
      jobKey: `delivery:${delivery.id}`,
      runAt: allowed,
    },
  );
}

/** Calls the adapter and settles; 'failover' asks for the next channel. */
async function callProvider(
  deps: DeliveryDeps,
  message: OutgoingMessage,
  startedAt: Date,
): Promise<'done' | 'failover'> {
  const adapter = await deps.channels.adapterFor(message.channel);
  try {
    const result = await adapter!.send(message);
    await settleAccepted(deps, message, result, 'sent');
    return 'done';
  } catch (error) {
    const failure = asChannelError(error);
    if (failure.errorClass === 'timeout') {
      // The request may have arrived: ask before trying again.
      const found = await adapter!
        .reconcile(message, startedAt)
        .catch(() => null);
      if (found) {
        await settleAccepted(deps, message, found, 'reconciled after timeout');
        return 'done';
      }
    }

    return settleFailure(deps, message, failure);
  }
}

async function settleAccepted(
  deps: DeliveryDeps,
  message: OutgoingMessage,
  result: { providerMessageId: string; response: Record<string, unknown> },
  how: string,
) {
  await deps.db.transaction().execute(async (trx) => {
    await closeAttempt(trx, message.attemptId!, {
      outcome: 'accepted',
      providerMessageId: result.providerMessageId,
      response: result.response,
    });
    await setDeliveryStatus(trx, message.deliveryId!, 'sent', how, {
      onlyFrom: ['sending', 'unknown'],
      details: {
        attemptId: message.attemptId,
        providerMessageId: result.providerMessageId,
      },
    });
  });
  deps.log.info({ channel: message.channel }, 'delivery sent');
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

/** A send that was under way when its worker stopped: ask, never resend. */
async function resumeInterrupted(
  deps: DeliveryDeps,
  db: Db,
  delivery: DeliveryRow,
): Promise<Plan> {
  const attempt = await findOpenAttempt(db, delivery.id);
  if (!attempt) {
    await setDeliveryStatus(db, delivery.id, 'unknown', 'no open attempt');
    return { kind: 'done' };
  }

  const owner = attempt.worker_id;
  if (
    owner &&
    owner !== deps.workerId &&
    (await isWorkerAlive(db, owner, deps.staleWorkerMs ?? 30_000))
  ) {
    return { kind: 'done' };
  }

  const request = attempt.request as {
    to: string;
    body: string;
    form: MessageForm;
  };
  return {
    kind: 'reconcile',
    startedAt: attempt.started_at,
    message: {
      deliveryId: delivery.id,
      attemptId: attempt.id,
      channel: attempt.channel,
      customerId: delivery.customer_id,
      to: request.to,
      body: request.body,
      form: request.form ?? { kind: 'text' },
    },
  };
}

async function reconcileInterrupted(
  deps: DeliveryDeps,
  message: OutgoingMessage,
  startedAt: Date,
) {
  const adapter = await deps.channels.adapterFor(message.channel);
  const found = adapter ? await adapter.reconcile(message, startedAt) : null;
  if (found) {
    await settleAccepted(deps, message, found, 'reconciled with the provider');
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
