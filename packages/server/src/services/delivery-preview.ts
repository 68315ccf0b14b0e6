/**
 * What a fired path would send, decided as the delivery service decides at
 * send time: the Template of the Flow version rendered strictly for the
 * Customer's locale and time zone, then the first channel of the step's
 * policy on which the Customer has an address and a recorded opt-in.
 *
 * NOTE: this mirrors `prepareSend` in delivery-service.ts step for step;
 * a change to how a Delivery renders or picks its channel belongs in both.
 */
import {
  renderTemplate,
  resolveChannels,
  type ChannelPolicy,
  type Evaluation,
  type Facts,
  type TemplateDef,
} from '@herald/engine';
import type { Db } from '../db/database.js';
import {
  currentConsents,
  type CustomerRow,
} from '../repositories/customer-repository.js';
import { findVersion } from '../repositories/flow-repository.js';
import { toCustomerFact } from './customer-service.js';
import { addressFor, consentFor } from './delivery-route.js';

type FiredPath = Evaluation['fired'][number];

/** One fired path's would-be Delivery. */
export type WouldSend = {
  flowId: string;
  version: number;
  pathId: string;
  templateId: string;
  /** Wait steps before the send; empty when it would go at once. */
  waitStepIds: string[];
} & (
  | { channel: string; body: string }
  | { channel: null; body: string | null; blocked: string }
);

/** Renders and routes one fired path without sending or storing it. */
export async function previewDelivery(
  db: Db,
  fired: FiredPath,
  facts: Facts,
  customer: CustomerRow,
): Promise<WouldSend> {
  const base = {
    flowId: fired.flowId,
    version: fired.version,
    pathId: fired.pathId,
    templateId: fired.templateId,
    waitStepIds: fired.waitStepIds ?? [],
  };
  const rendered = await renderFor(db, fired, facts, customer);
  if (!rendered.ok) {
    return { ...base, channel: null, body: null, blocked: rendered.reason };
  }

  const route = await chooseRoute(db, fired.channelPolicy, customer);
  if (!route.ok) {
    return {
      ...base,
      channel: null,
      body: rendered.text,
      blocked: route.reason,
    };
  }

  return { ...base, channel: route.channel, body: rendered.text };
}

async function renderFor(
  db: Db,
  fired: FiredPath,
  facts: Facts,
  customer: CustomerRow,
): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const version = await findVersion(db, fired.flowId, fired.version);
  const templates = (version?.templates ?? []) as TemplateDef[];
  const template = templates.find((item) => item.id === fired.templateId);
  if (!template) {
    return { ok: false, reason: 'HERALD_TEMPLATE_UNKNOWN: not in the version' };
  }

  const rendered = await renderTemplate(
    template.body,
    {
      record: facts.record,
      prior: facts.prior,
      customer: facts.customer,
      now: facts.now,
    },
    { locale: customer.locale, timeZone: customer.time_zone },
  );
  if (!rendered.ok) {
    return { ok: false, reason: `${rendered.code}: ${rendered.message}` };
  }

  return { ok: true, text: rendered.text };
}

type Route = { ok: true; channel: string } | { ok: false; reason: string };

async function chooseRoute(
  db: Db,
  policy: ChannelPolicy,
  customer: CustomerRow,
): Promise<Route> {
  const candidates = resolveChannels(policy, toCustomerFact(customer));
  const consents = (await currentConsents(db, [customer.id])).get(customer.id);
  const refusals: string[] = [];
  for (const channel of candidates) {
    if (!addressFor(channel, customer)) {
      refusals.push(`${channel}: HERALD_NO_ADDRESS`);
      continue;
    }

    const consent = consentFor(consents ?? [], channel);
    if (consent !== 'opt_in') {
      const code = consent ? 'HERALD_CONSENT_OPTED_OUT' : 'HERALD_NO_CONSENT';
      refusals.push(`${channel}: ${code}`);
      continue;
    }

    return { ok: true, channel };
  }

  return { ok: false, reason: refusals.join('; ') || 'no channel in policy' };
}
