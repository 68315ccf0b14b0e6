/**
 * Preparing a batch of sends, inside one transaction: with the Deliveries
 * and their Customers locked (so an opt-out committed first always wins),
 * each Delivery is checked — Flow still active, quiet hours, the path of a
 * scheduled Delivery still holding —, rendered and routed; every send that
 * goes ahead gets its Attempt opened and its Delivery moved to `sending`
 * before the transaction commits and before any provider is called.
 */
import type {
  MessageForm,
  OutgoingMessage,
} from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import type { CustomerRow } from '../repositories/customer-repository.js';
import {
  lockDeliveries,
  startSends,
  type StartingSend,
} from '../repositories/delivery-batch-repository.js';
import {
  findOpenAttempt,
  setDeliveryStatus,
  type DeliveryRow,
} from '../repositories/delivery-repository.js';
import { addJob } from '../repositories/job-queue.js';
import { claimDueDeliveries } from '../repositories/work-queue-repository.js';
import {
  isWorkerAlive,
  ORPHANED_AFTER_MS,
} from '../repositories/worker-repository.js';
import { chooseRoute } from './delivery-route.js';
import { renderAll, rendererFor } from './delivery-renderer.js';
import type { DeliveryDeps } from './delivery-service.js';
import { nextAllowedMoment } from './quiet-hours.js';
import { loadSendContext, type SendContext } from './send-context.js';
import { recheckScheduled } from './wait-schedule-service.js';

/** What to do with one Delivery once the preparing transaction commits. */
export type Plan =
  | { kind: 'send'; message: OutgoingMessage; startedAt: Date }
  | { kind: 'reconcile'; message: OutgoingMessage; startedAt: Date };

/** A send decided, waiting for its Attempt. */
interface Decided extends StartingSend {
  customerId: string;
  form: MessageForm;
}

const WAITING = ['pending', 'deferred', 'scheduled'];

/** Prepares the Deliveries of `ids`; answers what to do after commit. */
export async function prepareSends(
  deps: DeliveryDeps,
  db: Db,
  ids: string[],
): Promise<Plan[]> {
  return prepareLocked(deps, db, await lockDeliveries(db, ids));
}

/**
 * Claims up to `limit` due pending Deliveries that no other worker holds
 * and prepares them; answers the plans and how many were claimed.
 */
export async function prepareDue(
  deps: DeliveryDeps,
  db: Db,
  limit: number,
): Promise<{ plans: Plan[]; claimed: number }> {
  const deliveries = await claimDueDeliveries(db, limit);
  const plans = await prepareLocked(deps, db, deliveries);
  return { plans, claimed: deliveries.length };
}

async function prepareLocked(
  deps: DeliveryDeps,
  db: Db,
  deliveries: DeliveryRow[],
): Promise<Plan[]> {
  const context = await loadSendContext(db, deliveries, new Date());
  const plans: Plan[] = [];
  const decided: Decided[] = [];
  for (const delivery of deliveries) {
    if (delivery.status === 'sending') {
      const plan = await resumeInterrupted(deps, db, delivery);
      if (plan) {
        plans.push(plan);
      }
    } else if (WAITING.includes(delivery.status)) {
      const send = await decide(deps, db, context, delivery);
      if (send) {
        decided.push(send);
        context.noteSend(send.customerId, send.channel);
      }
    }
  }

  const attemptIds = await startSends(db, decided, deps.workerId ?? null);
  for (const send of decided) {
    plans.push({
      kind: 'send',
      startedAt: send.sentAt,
      message: {
        deliveryId: send.deliveryId,
        attemptId: attemptIds.get(send.deliveryId)!,
        channel: send.channel,
        customerId: send.customerId,
        to: send.toAddress,
        body: send.body,
        form: send.form,
      },
    });
  }

  return plans;
}

/** Checks one waiting Delivery; answers the send, or null when settled. */
async function decide(
  deps: DeliveryDeps,
  db: Db,
  context: SendContext,
  delivery: DeliveryRow,
): Promise<Decided | null> {
  // A conversation message's Delivery belongs to no Flow.
  if (delivery.flow_id && context.flowStatus(delivery.flow_id) !== 'active') {
    await setDeliveryStatus(
      db,
      delivery.id,
      'cancelled',
      'HERALD_FLOW_DEACTIVATED: flow deactivated',
    );
    return null;
  }

  const customer = context.customer(delivery.customer_id);
  if (!customer) {
    await setDeliveryStatus(db, delivery.id, 'blocked', 'customer not found');
    return null;
  }
  if (delivery.status === 'scheduled') {
    const holds = await recheckScheduled(db, delivery, customer);
    if (!holds) {
      return null;
    }
  }

  return planSend(deps, db, context, delivery, customer);
}

async function planSend(
  deps: DeliveryDeps,
  db: Db,
  context: SendContext,
  delivery: DeliveryRow,
  customer: CustomerRow,
): Promise<Decided | null> {
  const { policy } = context;
  const now = new Date(Math.max(Date.now(), delivery.send_at.getTime()));
  if (!delivery.urgent && policy.quietHours) {
    const allowed = nextAllowedMoment(
      now,
      customer.time_zone,
      policy.quietHours,
    );
    if (allowed > now) {
      await deferUntil(db, delivery, customer, allowed);
      return null;
    }
  }

  const renderer = await rendererFor(db, delivery, customer, context.sources);
  const rendered = renderer.ok ? await renderer.renderBody() : renderer;
  if (!rendered.ok) {
    await setDeliveryStatus(db, delivery.id, 'blocked', rendered.reason);
    return null;
  }

  const route = await chooseRoute({
    db,
    channels: deps.channels,
    delivery,
    customer,
    policy,
    forms: delivery.template_id ? context.forms(delivery.template_id) : null,
    renderParameters: (parameters) => renderAll(renderer, parameters),
    now,
    consents: context.consents(customer.id),
    sentToday: (channel) => context.sentToday(customer.id, channel),
  });
  if (!route.ok) {
    await setDeliveryStatus(db, delivery.id, route.status, route.reason, {
      body: rendered.text,
    });
    return null;
  }

  const request = { to: route.to, body: rendered.text, form: route.form };
  return {
    deliveryId: delivery.id,
    customerId: customer.id,
    channel: route.channel,
    request: { ...request, adapter: route.adapter.name },
    body: rendered.text,
    toAddress: route.to,
    form: route.form,
    sentAt: now,
    details: {
      adapter: route.adapter.name,
      form: route.form.kind,
      ...(route.refusals.length > 0 ? { passedOver: route.refusals } : {}),
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

/** A send that was under way when its worker stopped: ask, never resend. */
async function resumeInterrupted(
  deps: DeliveryDeps,
  db: Db,
  delivery: DeliveryRow,
): Promise<Plan | null> {
  const attempt = await findOpenAttempt(db, delivery.id);
  if (!attempt) {
    await setDeliveryStatus(db, delivery.id, 'unknown', 'no open attempt');
    return null;
  }

  const owner = attempt.worker_id;
  const openMs = Date.now() - attempt.started_at.getTime();
  if (
    owner &&
    owner !== deps.workerId &&
    openMs < ORPHANED_AFTER_MS &&
    (await isWorkerAlive(db, owner, deps.staleWorkerMs ?? 30_000))
  ) {
    return null;
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
