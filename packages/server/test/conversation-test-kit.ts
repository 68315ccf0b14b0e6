/**
 * Shared set-up for conversation tests: channels that record what they
 * send (WhatsApp with its 24-hour window), customers with orders, agents
 * signed in by cookie, and inbound messages stored as a webhook would.
 */
import type {
  ChannelAdapter,
  OutgoingMessage,
} from '../src/channels/channel-adapter.js';
import { receiveInbound } from '../src/services/inbound-message-service.js';
import {
  createTestUser,
  signInAs,
  type SessionClient,
} from './access-client.js';
import { expectOk, shippingTemplate, shipmentType } from './fixtures.js';
import { eventually, startTestHerald, type TestHerald } from './test-herald.js';

/** An adapter that accepts everything and keeps what it was given. */
export interface RecordingChannel extends ChannelAdapter {
  sent: OutgoingMessage[];
}

/** A recording adapter; `windowHours` gives it a 24-hour window. */
export function recordingChannel(
  name: string,
  windowHours?: number,
): RecordingChannel {
  const sent: OutgoingMessage[] = [];
  return {
    name,
    sent,
    ...(windowHours ? { sessionWindowHours: windowHours } : {}),
    async send(message) {
      sent.push(message);
      return { providerMessageId: `${name}-${sent.length}`, response: {} };
    },
    async reconcile() {
      return null;
    },
  };
}

/** A Herald whose sms and whatsapp channels record. */
export async function startConversationHerald() {
  const sms = recordingChannel('sms');
  const whatsapp = recordingChannel('whatsapp', 24);
  const herald = await startTestHerald({
    channels: { sms, whatsapp },
    config: { signInRateLimit: 1000 },
  });
  await seedConversationBasics(herald);
  return { herald, sms, whatsapp };
}

const orderType = {
  label: 'Sales order',
  customerField: 'customerId',
  fields: [
    { name: 'number', type: 'text' },
    { name: 'product', type: 'text' },
  ],
};

const caseType = {
  label: 'Support case',
  customerField: 'customerId',
  fields: [
    { name: 'subject', type: 'text' },
    { name: 'status', type: 'picklist', values: ['New', 'Closed'] },
    { name: 'product', type: 'text' },
  ],
};

/** Object types, the shipping and help Templates. */
async function seedConversationBasics(herald: TestHerald) {
  for (const [name, type] of [
    ['Shipment', shipmentType],
    ['Order', orderType],
    ['Case', caseType],
  ] as const) {
    await expectOk(
      herald.api(`/api/object-types/${name}`, { method: 'PUT', body: type }),
    );
  }
  await expectOk(
    herald.api('/api/templates/shipping-update', {
      method: 'PUT',
      body: shippingTemplate,
    }),
  );
  await expectOk(
    herald.api('/api/templates/help-panel-cleaning-plan', {
      method: 'PUT',
      body: {
        name: 'panel cleaning',
        body: 'Hi {{ customer.firstName }}, your plan covers two visits a year.',
      },
    }),
  );
  await expectOk(
    herald.api('/api/templates/order-follow-up', {
      method: 'PUT',
      body: {
        name: 'Order follow-up',
        body: 'Hi {{ customer.firstName }}, about order {{ record.number }}.',
      },
    }),
  );
}

let phoneSerial = 100;

/** A Customer with sms and whatsapp opt-in and orders of `products`. */
export async function addCustomer(
  herald: TestHerald,
  id: string,
  options: { tier?: string; products?: string[]; whatsapp?: boolean } = {},
) {
  phoneSerial += 1;
  const phone = `+1415555${String(phoneSerial).padStart(4, '0')}`;
  await expectOk(
    herald.api(`/api/customers/${id}`, {
      method: 'PUT',
      body: {
        firstName: id,
        tier: options.tier ?? 'VIP',
        phone,
        whatsappId: phone.slice(1),
        preferredChannel: 'sms',
        consent: [
          { channel: 'sms', status: 'opt_in', source: 'web form' },
          ...(options.whatsapp === false
            ? []
            : [{ channel: 'whatsapp', status: 'opt_in', source: 'web form' }]),
        ],
      },
    }),
  );
  for (const [index, product] of (options.products ?? []).entries()) {
    await expectOk(
      herald.api(`/api/records/Order/${id}-order-${index + 1}`, {
        method: 'PUT',
        body: {
          customerId: id,
          fields: { number: `SO-${index + 1}`, product },
        },
      }),
    );
  }
  return { id, phone };
}

/** Creates an agent, signs them in and sets them online. */
export async function addAgent(
  herald: TestHerald,
  email: string,
  capacity = 5,
): Promise<SessionClient & { id: string }> {
  const user = await createTestUser(herald, email, 'agent');
  const session = await signInAs(herald, email);
  await setPresence(session, 'online', capacity);
  return Object.assign(session, { id: user.id });
}

/** Sets an agent's presence; fails loudly when refused. */
export async function setPresence(
  session: SessionClient,
  status: 'online' | 'away' | 'offline',
  capacity?: number,
) {
  const answer = await session.call('/api/agents/me/presence', {
    method: 'PUT',
    body: capacity === undefined ? { status } : { status, capacity },
  });
  if (answer.status !== 200) {
    throw new Error(`presence refused: ${JSON.stringify(answer.body)}`);
  }

  return answer.body;
}

let inboundSerial = 0;

/** Stores an inbound message from `from` as a webhook would. */
export async function inbound(
  herald: TestHerald,
  channel: string,
  from: string,
  body: string,
) {
  inboundSerial += 1;
  return receiveInbound(
    herald.db,
    {
      channel,
      from,
      to: null,
      providerMessageId: `in-${Date.now()}-${inboundSerial}`,
      body,
      raw: {},
    },
    herald.log,
  );
}

/** The thread of a Conversation, read with the admin token. */
export async function threadOf(herald: TestHerald, conversationId: string) {
  return expectOk(herald.api(`/api/conversations/${conversationId}`));
}

/** Waits until a Conversation's thread satisfies `check`. */
export async function threadWhen(
  herald: TestHerald,
  conversationId: string,
  check: (thread: any) => boolean,
) {
  return eventually(async () => {
    const thread = await threadOf(herald, conversationId);
    return check(thread) ? thread : undefined;
  });
}

/** The bodies of messages the bot sent in a thread. */
export function botBodies(thread: any): string[] {
  return thread.messages
    .filter((message: any) => message.author === 'bot')
    .map((message: any) => message.body);
}
