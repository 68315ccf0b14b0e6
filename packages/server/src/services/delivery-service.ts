/**
 * Sending one Delivery. At send time it checks the Flow is still active,
 * renders the Template strictly, picks the first channel of the step's
 * policy on which the Customer has an address and a recorded opt-in, opens
 * an Attempt, and only then calls the adapter. An Attempt left open by a
 * worker that died mid-send is settled by asking the adapter, never by
 * sending again.
 */
import {
  renderTemplate,
  resolveChannels,
  type ChannelPolicy,
  type TemplateDef,
} from '@herald/engine';
import type { Logger } from 'pino';
import type { ChannelRegistry } from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import {
  currentConsents,
  findCustomer,
  type CurrentConsent,
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
import { findFlow, findVersion } from '../repositories/flow-repository.js';
import { findChange } from '../repositories/record-repository.js';
import { toCustomerFact } from './customer-service.js';

/** What the send step decided; `send` carries the prepared message. */
type Plan =
  | { kind: 'done' }
  | { kind: 'send'; message: PreparedMessage }
  | { kind: 'reconcile'; message: PreparedMessage };

interface PreparedMessage {
  deliveryId: string;
  attemptId: string;
  channel: string;
  customerId: string;
  to: string;
  body: string;
}

/** Sends Delivery `deliveryId` if it is still waiting to be sent. */
export async function sendDelivery(
  db: Db,
  channels: ChannelRegistry,
  deliveryId: string,
  log: Logger,
): Promise<void> {
  const plan = await db
    .transaction()
    .execute((trx) => prepareSend(trx, deliveryId));
  if (plan.kind === 'done') {
    return;
  }

  const { message } = plan;
  const adapter = channels[message.channel];
  const result =
    plan.kind === 'send'
      ? await adapter.send(message)
      : await adapter.reconcile(message);

  await db.transaction().execute(async (trx) => {
    if (!result) {
      await closeAttempt(trx, message.attemptId, { outcome: 'unknown' });
      await setDeliveryStatus(
        trx,
        deliveryId,
        'unknown',
        'send interrupted; the provider has no trace of it',
      );
      return;
    }

    await closeAttempt(trx, message.attemptId, {
      outcome: 'accepted',
      providerMessageId: result.providerMessageId,
      response: result.response,
    });
    await setDeliveryStatus(trx, deliveryId, 'sent', null);
  });
  log.info(
    { channel: message.channel, reconciled: plan.kind !== 'send' },
    'delivery sent',
  );
}

async function prepareSend(db: Db, deliveryId: string): Promise<Plan> {
  const delivery = await lockDelivery(db, deliveryId);
  if (!delivery) {
    return { kind: 'done' };
  }
  if (delivery.status === 'sending') {
    return resumeInterrupted(db, delivery);
  }
  if (delivery.status !== 'pending') {
    return { kind: 'done' };
  }

  const flow = await findFlow(db, delivery.flow_id);
  if (flow?.status !== 'active') {
    await setDeliveryStatus(db, deliveryId, 'cancelled', 'flow deactivated');
    return { kind: 'done' };
  }

  const customer = await findCustomer(db, delivery.customer_id);
  if (!customer) {
    await setDeliveryStatus(db, deliveryId, 'blocked', 'customer not found');
    return { kind: 'done' };
  }

  const rendered = await renderFor(db, delivery, customer);
  if (!rendered.ok) {
    await setDeliveryStatus(db, deliveryId, 'blocked', rendered.reason);
    return { kind: 'done' };
  }

  const route = await chooseRoute(db, delivery, customer);
  if (!route.ok) {
    await setDeliveryStatus(db, deliveryId, 'blocked', route.reason, {
      body: rendered.text,
    });
    return { kind: 'done' };
  }

  const request = { channel: route.channel, to: route.to, body: rendered.text };
  const attemptId = await openAttempt(db, {
    deliveryId,
    channel: route.channel,
    request,
  });
  await setDeliveryStatus(db, deliveryId, 'sending', null, {
    channel: route.channel,
    body: rendered.text,
  });
  return {
    kind: 'send',
    message: { deliveryId, attemptId, customerId: customer.id, ...request },
  };
}

/** A worker died between opening the Attempt and recording its outcome. */
async function resumeInterrupted(
  db: Db,
  delivery: DeliveryRow,
): Promise<Plan> {
  const attempt = await findOpenAttempt(db, delivery.id);
  if (!attempt) {
    await setDeliveryStatus(db, delivery.id, 'unknown', 'no open attempt');
    return { kind: 'done' };
  }

  const request = attempt.request as { to: string; body: string };
  return {
    kind: 'reconcile',
    message: {
      deliveryId: delivery.id,
      attemptId: attempt.id,
      channel: attempt.channel,
      customerId: delivery.customer_id,
      to: request.to,
      body: request.body,
    },
  };
}

async function renderFor(
  db: Db,
  delivery: DeliveryRow,
  customer: CustomerRow,
): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const version = await findVersion(db, delivery.flow_id, delivery.flow_version);
  const templates = (version?.templates ?? []) as TemplateDef[];
  const template = templates.find((item) => item.id === delivery.template_id);
  if (!template) {
    return { ok: false, reason: 'HERALD_TEMPLATE_UNKNOWN: not in the version' };
  }

  const change = await findChange(db, delivery.change_id);
  const rendered = await renderTemplate(
    template.body,
    {
      record: change?.current ?? change?.prior ?? {},
      prior: change?.prior ?? null,
      customer: toCustomerFact(customer),
      now: new Date().toISOString(),
    },
    { locale: customer.locale, timeZone: customer.time_zone },
  );
  if (!rendered.ok) {
    return { ok: false, reason: `${rendered.code}: ${rendered.message}` };
  }

  return { ok: true, text: rendered.text };
}

type Route =
  | { ok: true; channel: string; to: string }
  | { ok: false; reason: string };

/** The first channel of the policy with an address and an opt-in. */
async function chooseRoute(
  db: Db,
  delivery: DeliveryRow,
  customer: CustomerRow,
): Promise<Route> {
  const policy = delivery.channel_policy as ChannelPolicy;
  const candidates = resolveChannels(policy, toCustomerFact(customer));
  const consents = (await currentConsents(db, [customer.id])).get(customer.id);
  const refusals: string[] = [];
  for (const channel of candidates) {
    const to = addressFor(channel, customer);
    if (!to) {
      refusals.push(`${channel}: HERALD_NO_ADDRESS`);
      continue;
    }

    const consent = consentFor(consents ?? [], channel);
    if (consent !== 'opt_in') {
      const code = consent ? 'HERALD_CONSENT_OPTED_OUT' : 'HERALD_NO_CONSENT';
      refusals.push(`${channel}: ${code}`);
      continue;
    }

    return { ok: true, channel, to };
  }

  return { ok: false, reason: refusals.join('; ') || 'no channel in policy' };
}

/** The Customer's address on a channel; webhook and sandbox need none. */
export function addressFor(channel: string, customer: CustomerRow) {
  switch (channel) {
    case 'sms':
      return customer.phone;
    case 'whatsapp':
      return customer.whatsapp_id ?? customer.phone;
    case 'messenger':
      return customer.messenger_psid;
    default:
      return customer.id;
  }
}

/**
 * Consent for a channel; webhook and sandbox are not messages to the
 * customer's device and need none. Limitation: consent per sender is
 * recorded but not yet told apart when sending.
 */
function consentFor(consents: CurrentConsent[], channel: string) {
  if (channel === 'webhook' || channel === 'sandbox') {
    return 'opt_in';
  }

  const matching = consents.filter((consent) => consent.channel === channel);
  if (matching.some((consent) => consent.status === 'opt_out')) {
    return 'opt_out';
  }

  return matching.length > 0 ? 'opt_in' : undefined;
}
