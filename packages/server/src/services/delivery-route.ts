/**
 * Choosing the channel a Delivery goes out on: the first channel of the
 * step's policy, not yet failed for good, where the Customer has a valid
 * address, a recorded opt-in, room under the frequency cap, and — on
 * channels with a 24-hour window — either an open window or a Template
 * form allowed outside it. Every refusal is kept, so a blocked Delivery
 * says why.
 */
import { resolveChannels, type ChannelPolicy } from '@herald/engine';
import type {
  ChannelAdapter,
  ChannelResolver,
  MessageForm,
} from '../channels/channel-adapter.js';
import type { Db } from '../db/database.js';
import type { DeliveryReasonCode } from '../errors.js';
import {
  currentConsents,
  type CurrentConsent,
  type CustomerRow,
} from '../repositories/customer-repository.js';
import {
  countSentSince,
  type DeliveryRow,
} from '../repositories/delivery-repository.js';
import { lastInboundAt } from '../repositories/inbound-message-repository.js';
import type { TemplateForms } from '../repositories/template-form-repository.js';
import { toCustomerFact } from './customer-service.js';
import type { DeliveryPolicy } from './delivery-policy.js';
import { toE164 } from './phone-number.js';

const MS_PER_HOUR = 3_600_000;

/** Why one channel was passed over. */
export interface Refusal {
  channel: string;
  code: DeliveryReasonCode;
}

/** The chosen channel, or why none could be used. */
export type Route =
  | {
      ok: true;
      channel: string;
      to: string;
      adapter: ChannelAdapter;
      form: MessageForm;
      refusals: Refusal[];
    }
  | { ok: false; status: 'blocked' | 'failed'; reason: string };

/** What route choice reads. */
export interface RouteInput {
  db: Db;
  channels: ChannelResolver;
  delivery: DeliveryRow;
  customer: CustomerRow;
  policy: DeliveryPolicy;
  forms: TemplateForms | null;
  /** Renders WhatsApp template parameters (Liquid) for this Delivery. */
  renderParameters(parameters: string[]): Promise<string[] | null>;
  now: Date;
  /** The Customer's current Consents; read from the ledger when absent. */
  consents?: CurrentConsent[];
  /** Sends to the Customer on a channel in the last 24 hours, if known. */
  sentToday?(channel: string): number;
}

/** Picks the channel, or explains why there is none. */
export async function chooseRoute(input: RouteInput): Promise<Route> {
  const { db, delivery, customer } = input;
  const policy = delivery.channel_policy as ChannelPolicy;
  const candidates = resolveChannels(policy, toCustomerFact(customer)).filter(
    (channel) => !delivery.failed_channels.includes(channel),
  );
  const consents =
    input.consents ??
    (await currentConsents(db, [customer.id])).get(customer.id) ??
    [];
  const refusals: Refusal[] = [];
  for (const channel of candidates) {
    const checked = await checkChannel(input, channel, consents);
    if ('code' in checked) {
      refusals.push({ channel, code: checked.code });
      continue;
    }

    return { ok: true, channel, ...checked, refusals };
  }

  return noRoute(delivery, refusals);
}

async function checkChannel(
  input: RouteInput,
  channel: string,
  consents: CurrentConsent[],
): Promise<
  | { code: DeliveryReasonCode }
  | { to: string; adapter: ChannelAdapter; form: MessageForm }
> {
  const raw = addressFor(channel, input.customer);
  if (!raw) {
    return { code: 'HERALD_NO_ADDRESS' };
  }

  const to = normalizeAddress(channel, raw, input.customer.country);
  if (!to) {
    return { code: 'HERALD_INVALID_ADDRESS' };
  }

  const consent = consentFor(consents, channel);
  if (consent !== 'opt_in') {
    return {
      code: consent ? 'HERALD_CONSENT_OPTED_OUT' : 'HERALD_NO_CONSENT',
    };
  }
  if (await overCap(input, channel)) {
    return { code: 'HERALD_FREQUENCY_CAP' };
  }

  const adapter = await input.channels.adapterFor(channel);
  if (!adapter) {
    return { code: 'HERALD_CHANNEL_NOT_CONFIGURED' };
  }

  const form = await formFor(input, channel, adapter);
  return form ? { to, adapter, form } : { code: 'HERALD_WINDOW_CLOSED' };
}

async function overCap(input: RouteInput, channel: string) {
  const cap = input.policy.frequencyCap;
  if (cap === null || channel === 'webhook' || channel === 'sandbox') {
    return false;
  }

  if (input.sentToday) {
    return input.sentToday(channel) >= cap;
  }

  const since = new Date(input.now.getTime() - 24 * MS_PER_HOUR);
  const sent = await countSentSince(
    input.db,
    input.customer.id,
    channel,
    since,
  );
  return sent >= cap;
}

/**
 * Text inside the window (or on channels without one); outside it, the
 * Template's WhatsApp template or Messenger tag; null when neither.
 */
async function formFor(
  input: RouteInput,
  channel: string,
  adapter: ChannelAdapter,
): Promise<MessageForm | null> {
  if (!adapter.sessionWindowHours) {
    return { kind: 'text' };
  }

  const last = await lastInboundAt(input.db, input.customer.id, channel);
  const windowMs = adapter.sessionWindowHours * MS_PER_HOUR;
  if (last && input.now.getTime() - last.getTime() < windowMs) {
    return { kind: 'text' };
  }

  const whatsapp = input.forms?.whatsappTemplate;
  if (channel === 'whatsapp' && whatsapp) {
    const parameters = await input.renderParameters(whatsapp.parameters);
    return parameters
      ? { kind: 'whatsapp-template', ...whatsapp, parameters }
      : null;
  }

  const tag = input.forms?.messengerTag;
  if (channel === 'messenger' && tag) {
    return { kind: 'messenger-tag', tag };
  }

  return null;
}

function noRoute(delivery: DeliveryRow, refusals: Refusal[]): Route {
  const reason =
    refusals
      .map((refusal) => `${refusal.channel}: ${refusal.code}`)
      .join('; ') ||
    (delivery.failed_channels.length > 0
      ? `no channel left after ${delivery.failed_channels.join(', ')} failed`
      : 'no channel in policy');
  const failed =
    delivery.failed_channels.length > 0 ||
    refusals.some((refusal) => refusal.code === 'HERALD_INVALID_ADDRESS');
  return { ok: false, status: failed ? 'failed' : 'blocked', reason };
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

/** Phone channels get E.164 with the Customer's country; others as they are. */
function normalizeAddress(
  channel: string,
  raw: string,
  country: string | null,
) {
  if (channel === 'sms') {
    return toE164(raw, country);
  }
  if (channel === 'whatsapp') {
    return toE164(/^\d+$/.test(raw) ? `+${raw}` : raw, country);
  }

  return raw;
}

/**
 * Consent for a channel; webhook and sandbox are not messages to the
 * customer's device and need none. An opt-out from any sender wins.
 * Limitation: consent per sender is recorded but not yet told apart.
 */
export function consentFor(consents: CurrentConsent[], channel: string) {
  if (channel === 'webhook' || channel === 'sandbox') {
    return 'opt_in';
  }

  const matching = consents.filter((consent) => consent.channel === channel);
  if (matching.some((consent) => consent.status === 'opt_out')) {
    return 'opt_out';
  }

  return matching.length > 0 ? 'opt_in' : undefined;
}
