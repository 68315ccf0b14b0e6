/**
 * What an Agent may send to a Customer on a channel, and the text it
 * becomes. A channel needs an address and a recorded opt-in. On channels
 * with a 24-hour window (WhatsApp, Messenger) free text goes only while
 * the Customer's last message is less than 24 hours old; outside it only
 * a library Template with an approved provider form (a WhatsApp template
 * or a Messenger tag) may go. Templates are rendered with the Customer
 * and the Conversation's Record.
 */
import type { Db } from '../db/database.js';
import { MESSENGER_WINDOW_HOURS } from '../channels/messenger-channel.js';
import { WHATSAPP_WINDOW_HOURS } from '../channels/whatsapp-cloud-channel.js';
import { HeraldError } from '../errors.js';
import {
  currentConsents,
  type CustomerRow,
} from '../repositories/customer-repository.js';
import { lastInboundAt } from '../repositories/inbound-message-repository.js';
import { findRecord } from '../repositories/record-repository.js';
import { findTemplateForms } from '../repositories/template-form-repository.js';
import {
  findTemplates,
  listTemplates,
} from '../repositories/template-repository.js';
import {
  conversationMergeContext,
  renderForConversation,
} from './conversation-renderer.js';
import { addressFor } from './delivery-route.js';

/** Channels a Conversation can be on. */
export const conversationChannels = ['sms', 'whatsapp', 'messenger'] as const;
export type ConversationChannel = (typeof conversationChannels)[number];

/** Hours of each channel's free-text window; absent: no window. */
const windowHours: Partial<Record<string, number>> = {
  whatsapp: WHATSAPP_WINDOW_HOURS,
  messenger: MESSENGER_WINDOW_HOURS,
};

const MS_PER_HOUR = 3_600_000;

/** Whether and until when a channel takes free text for a Customer. */
export interface ChannelState {
  channel: string;
  address: string | null;
  consent: 'opt_in' | 'opt_out' | 'none';
  /** The channel has a 24-hour window. */
  hasWindow: boolean;
  /** When the Customer last wrote on the channel; null: never. */
  lastInboundAt: Date | null;
  /** When the window closes; null when closed or there is none. */
  windowClosesAt: Date | null;
  /** Free text may go now. */
  freeText: boolean;
  /** Anything may go now (address and opt-in). */
  usable: boolean;
}

/** What one message is made of. */
export interface ComposeInput {
  customer: CustomerRow;
  channel: string;
  objectType: string | null;
  recordId: string | null;
  templateId?: string | null;
  text?: string | null;
}

/** The text an Agent's message becomes. */
export interface ComposedMessage {
  body: string;
  templateId: string | null;
}

/** The state of every conversation channel for a Customer. */
export async function channelStates(
  db: Db,
  customer: CustomerRow,
  now = new Date(),
): Promise<ChannelState[]> {
  const consents =
    (await currentConsents(db, [customer.id])).get(customer.id) ?? [];
  const states: ChannelState[] = [];
  for (const channel of conversationChannels) {
    const mine = consents.filter((consent) => consent.channel === channel);
    const consent = mine.some((item) => item.status === 'opt_out')
      ? 'opt_out'
      : mine.length > 0
        ? 'opt_in'
        : 'none';
    const address = addressFor(channel, customer);
    const lastInbound = await lastInboundAt(db, customer.id, channel);
    const closesAt = windowClosesAt(channel, lastInbound, now);
    const hasWindow = windowHours[channel] !== undefined;
    const usable = address !== null && consent === 'opt_in';
    states.push({
      channel,
      address,
      consent,
      hasWindow,
      lastInboundAt: lastInbound,
      windowClosesAt: closesAt,
      freeText: usable && (!hasWindow || closesAt !== null),
      usable,
    });
  }

  return states;
}

/**
 * Checks that the message may go and renders it; throws a HeraldError
 * naming the rule it breaks.
 */
export async function composeMessage(
  db: Db,
  input: ComposeInput,
): Promise<ComposedMessage> {
  const states = await channelStates(db, input.customer);
  const state = states.find((item) => item.channel === input.channel);
  requireUsable(state, input.channel);

  if (!input.templateId) {
    return composeFreeText(state!, input.text ?? '');
  }

  await requireRecord(db, input);
  return composeTemplate(db, state!, input, input.templateId);
}

function requireUsable(state: ChannelState | undefined, channel: string) {
  if (!state || !state.address) {
    throw new HeraldError(
      'HERALD_CONVERSATION_NO_ADDRESS',
      `the customer has no ${channel} address`,
      { field: 'channel', channel },
    );
  }
  if (state.consent !== 'opt_in') {
    throw new HeraldError(
      'HERALD_CONVERSATION_NO_CONSENT',
      `the customer has not opted in to ${channel}`,
      { field: 'channel', channel, consent: state.consent },
    );
  }
}

function composeFreeText(state: ChannelState, text: string): ComposedMessage {
  const body = text.trim();
  if (!body) {
    throw new HeraldError(
      'HERALD_BAD_REQUEST',
      'write a message or pick a template',
      {
        field: 'text',
      },
    );
  }
  if (!state.freeText) {
    throw new HeraldError(
      'HERALD_CONVERSATION_WINDOW_CLOSED',
      `the customer has not written on ${state.channel} in the last 24 ` +
        'hours; send an approved template instead',
      { field: 'text', channel: state.channel },
    );
  }

  return { body, templateId: null };
}

async function composeTemplate(
  db: Db,
  state: ChannelState,
  input: ComposeInput,
  templateId: string,
): Promise<ComposedMessage> {
  const [template] = await findTemplates(db, [templateId]);
  if (!template) {
    throw new HeraldError(
      'HERALD_TEMPLATE_NOT_FOUND',
      `no template ${templateId}`,
      { field: 'templateId', templateId },
    );
  }
  if (
    !state.freeText &&
    !(await hasApprovedForm(db, state.channel, templateId))
  ) {
    throw new HeraldError(
      'HERALD_CONVERSATION_TEMPLATE_NOT_APPROVED',
      `outside the 24-hour window ${template.name} needs an approved ` +
        `${state.channel} form`,
      { field: 'templateId', templateId, channel: state.channel },
    );
  }

  const context = await conversationMergeContext(
    db,
    input.customer,
    input.objectType,
    input.recordId,
  );
  const rendered = await renderForConversation(
    template.body,
    context,
    input.customer,
  );
  if (!rendered.ok) {
    throw new HeraldError('HERALD_CONVERSATION_RENDER', rendered.reason, {
      field: 'templateId',
      templateId,
    });
  }

  return { body: rendered.text, templateId };
}

/** Whether a Template carries the form a window-less send needs. */
async function hasApprovedForm(db: Db, channel: string, templateId: string) {
  const forms = await findTemplateForms(db, templateId);
  if (channel === 'whatsapp') {
    return Boolean(forms?.whatsappTemplate);
  }
  if (channel === 'messenger') {
    return Boolean(forms?.messengerTag);
  }

  return true;
}

/** The related Record must exist and belong to the Customer. */
export async function requireRecord(
  db: Db,
  input: {
    customer: CustomerRow;
    objectType: string | null;
    recordId: string | null;
  },
) {
  if (!input.objectType || !input.recordId) {
    return;
  }

  const record = await findRecord(db, input.objectType, input.recordId);
  if (!record || record.deleted || record.customer_id !== input.customer.id) {
    throw new HeraldError(
      'HERALD_RECORD_NOT_FOUND',
      `no ${input.objectType} ${input.recordId} of this customer`,
      { field: 'recordId' },
    );
  }
}

/** Templates an Agent may send on a channel now, with their previews. */
export async function templateChoices(
  db: Db,
  input: Omit<ComposeInput, 'templateId' | 'text'>,
) {
  const states = await channelStates(db, input.customer);
  const state = states.find((item) => item.channel === input.channel);
  const context = await conversationMergeContext(
    db,
    input.customer,
    input.objectType,
    input.recordId,
  );
  const choices = [];
  for (const template of await listTemplates(db)) {
    const approved =
      state?.freeText ||
      (await hasApprovedForm(db, input.channel, template.id));
    const rendered = await renderForConversation(
      template.body,
      context,
      input.customer,
    );
    choices.push({
      id: template.id,
      name: template.name,
      category: template.category,
      allowed: Boolean(state?.usable && approved && rendered.ok),
      reason: !approved
        ? 'HERALD_CONVERSATION_TEMPLATE_NOT_APPROVED'
        : rendered.ok
          ? null
          : 'HERALD_CONVERSATION_RENDER',
      // What the render lacked (e.g. "no value for record.trackingNumber"),
      // so the composer can say why a Template is refused.
      detail: rendered.ok ? null : rendered.reason,
      preview: rendered.ok ? rendered.text : null,
    });
  }

  return choices;
}

function windowClosesAt(
  channel: string,
  last: Date | null,
  now: Date,
): Date | null {
  const hours = windowHours[channel];
  if (hours === undefined || !last) {
    return null;
  }

  const closes = new Date(last.getTime() + hours * MS_PER_HOUR);
  return closes > now ? closes : null;
}
