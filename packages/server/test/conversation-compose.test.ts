/**
 * Agent messages: the 24-hour rule on WhatsApp (free text only inside
 * the window, otherwise approved templates only), consent, merge fields
 * from the related record, delivery state per message, and one Delivery
 * per conversation message beside the triggered ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConversation } from '../src/repositories/conversation-repository.js';
import { insertConversationDelivery } from '../src/repositories/delivery-repository.js';
import { queueOutboundMessage } from '../src/services/conversation-outbound.js';
import {
  addAgent,
  addCustomer,
  inbound,
  startConversationHerald,
  threadWhen,
  type RecordingChannel,
} from './conversation-test-kit.js';
import { expectOk } from './fixtures.js';
import { eventually, type TestHerald } from './test-herald.js';

let herald: TestHerald;
let whatsapp: RecordingChannel;
let agent: Awaited<ReturnType<typeof addAgent>>;

beforeAll(async () => {
  ({ herald, whatsapp } = await startConversationHerald());
  agent = await addAgent(herald, 'cora@example.com');
});

afterAll(async () => {
  await herald?.stop();
});

function start(body: Record<string, unknown>) {
  return agent.call('/api/conversations', { method: 'POST', body });
}

describe('the 24-hour rule on WhatsApp', () => {
  it('refuses free text outside the window and offers only approved templates', async () => {
    const customer = await addCustomer(herald, 'wa-1', { products: ['Kit'] });
    const refused = await start({
      customerId: customer.id,
      channel: 'whatsapp',
      text: 'Hello!',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HERALD_CONVERSATION_WINDOW_CLOSED');

    const unapproved = await start({
      customerId: customer.id,
      channel: 'whatsapp',
      templateId: 'order-follow-up',
      objectType: 'Order',
      recordId: 'wa-1-order-1',
    });
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.error.code).toBe(
      'HERALD_CONVERSATION_TEMPLATE_NOT_APPROVED',
    );

    const options = await agent.call(
      '/api/conversation-options?customerId=wa-1&channel=whatsapp',
    );
    const state = options.body.channels.find(
      (c: any) => c.channel === 'whatsapp',
    );
    expect(state).toMatchObject({
      usable: true,
      freeText: false,
      windowClosesAt: null,
    });
    expect(
      options.body.templates.find((t: any) => t.id === 'order-follow-up')
        .allowed,
    ).toBe(false);
  });

  it('sends an approved template outside the window with merge fields from the record', async () => {
    await expectOk(
      herald.api('/api/templates/order-follow-up/channel-forms', {
        method: 'PUT',
        body: {
          whatsappTemplate: {
            name: 'order_follow_up',
            language: 'en_US',
            parameters: ['{{ record.number }}'],
          },
        },
      }),
    );
    const sent = await start({
      customerId: 'wa-1',
      channel: 'whatsapp',
      templateId: 'order-follow-up',
      objectType: 'Order',
      recordId: 'wa-1-order-1',
    });
    expect(sent.status).toBe(201);
    const message = await eventually(async () =>
      whatsapp.sent.find((m) => m.customerId === 'wa-1'),
    );
    expect(message.body).toBe('Hi wa-1, about order SO-1.');
    expect(message.form).toEqual({
      kind: 'whatsapp-template',
      name: 'order_follow_up',
      language: 'en_US',
      parameters: ['SO-1'],
    });
    const thread = await threadWhen(
      herald,
      sent.body.conversationId,
      (t) => t.messages[0].delivery?.status === 'sent',
    );
    expect(thread.record).toMatchObject({
      objectType: 'Order',
      recordId: 'wa-1-order-1',
    });
  });

  it('allows free text once the customer has written within 24 hours', async () => {
    const customer = await addCustomer(herald, 'wa-2');
    await inbound(herald, 'whatsapp', customer.phone.slice(1), 'Hi there');
    const options = await agent.call(
      '/api/conversation-options?customerId=wa-2&channel=whatsapp',
    );
    const state = options.body.channels.find(
      (c: any) => c.channel === 'whatsapp',
    );
    expect(state.freeText).toBe(true);
    expect(new Date(state.windowClosesAt).getTime()).toBeGreaterThan(
      Date.now(),
    );

    const list = await agent.call('/api/conversations');
    const conversation = list.body.items.find(
      (c: any) => c.customerId === 'wa-2',
    );
    const sent = await agent.call(
      `/api/conversations/${conversation.id}/messages`,
      {
        method: 'POST',
        body: { text: 'Happy to help 🙂' },
      },
    );
    expect(sent.status).toBe(201);
    const message = await eventually(async () =>
      whatsapp.sent.find((m) => m.body === 'Happy to help 🙂'),
    );
    expect(message.form).toEqual({ kind: 'text' });
  });
});

describe('consent and deliveries', () => {
  it('refuses a channel the customer has not opted in to', async () => {
    const customer = await addCustomer(herald, 'no-wa', { whatsapp: false });
    const refused = await start({
      customerId: customer.id,
      channel: 'whatsapp',
      templateId: 'order-follow-up',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HERALD_CONVERSATION_NO_CONSENT');
  });

  it('refuses after an opt-out, and the pipeline blocks a message queued anyway', async () => {
    const customer = await addCustomer(herald, 'late-stop');
    const sent = await start({
      customerId: customer.id,
      text: 'Are you there?',
    });
    expect(sent.status).toBe(201);
    await threadWhen(herald, sent.body.conversationId, (t) =>
      t.messages.some((m: any) => m.delivery?.status === 'sent'),
    );
    await inbound(herald, 'sms', customer.phone, 'STOP');

    const refused = await agent.call(
      `/api/conversations/${sent.body.conversationId}/messages`,
      { method: 'POST', body: { text: 'Hello again' } },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HERALD_CONVERSATION_NO_CONSENT');

    const conversation = await findConversation(
      herald.db,
      sent.body.conversationId,
    );
    const queued = await queueOutboundMessage(herald.db, conversation!, {
      author: 'agent',
      authorUserId: agent.id,
      body: 'Sneaked past the API',
      templateId: null,
    });
    const thread = await threadWhen(herald, sent.body.conversationId, (t) =>
      t.messages.some(
        (m: any) =>
          m.id === queued.messageId && m.delivery?.status === 'blocked',
      ),
    );
    const blocked = thread.messages.find((m: any) => m.id === queued.messageId);
    expect(blocked.delivery.reason).toContain('HERALD_CONSENT_OPTED_OUT');
    const row = await herald.db
      .selectFrom('deliveries')
      .select(['change_id', 'conversation_message_id'])
      .where('id', '=', queued.deliveryId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      change_id: null,
      conversation_message_id: queued.messageId,
    });
  });

  it('keeps one Delivery per conversation message', async () => {
    const row = await herald.db
      .selectFrom('conversation_messages')
      .select(['id', 'conversation_id'])
      .where('direction', '=', 'outbound')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await expect(
      insertConversationDelivery(herald.db, {
        conversationMessageId: row.id,
        customerId: 'wa-1',
        channel: 'whatsapp',
        templateId: null,
        objectType: null,
        recordId: null,
        body: 'again',
        urgent: false,
      }),
    ).rejects.toThrow(/unique/);
  });
});
