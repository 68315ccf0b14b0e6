/**
 * The bot: a reply to a triggered message is thanked with a numbered
 * menu built from the products on the customer's orders; the choice
 * sends the help template, opens a case, or hands over to an agent with
 * the choice attached. Opt-out words beat the bot, and the bot never
 * answers once an agent has replied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAgent,
  addCustomer,
  botBodies,
  inbound,
  startConversationHerald,
  threadOf,
  threadWhen,
  type RecordingChannel,
} from './conversation-test-kit.js';
import { expectOk, publishShippingFlow } from './fixtures.js';
import { eventually, type TestHerald } from './test-herald.js';

const PRODUCTS = ['Helios 8 kW inverter', 'Panel cleaning plan'];

let herald: TestHerald;
let sms: RecordingChannel;
let agent: Awaited<ReturnType<typeof addAgent>>;

beforeAll(async () => {
  ({ herald, sms } = await startConversationHerald());
  await publishShippingFlow(herald);
  agent = await addAgent(herald, 'dora@example.com');
});

afterAll(async () => {
  await herald?.stop();
});

/** A VIP customer whose shipment shipped: they got a triggered message. */
async function notifiedCustomer(id: string) {
  const customer = await addCustomer(herald, id, { products: PRODUCTS });
  for (const status of ['Pending', 'Shipped']) {
    await expectOk(
      herald.api(`/api/records/Shipment/${id}-shp`, {
        method: 'PUT',
        body: {
          customerId: id,
          fields: { status, carrier: 'DHL', trackingNumber: `${id}-T` },
        },
      }),
    );
  }
  await eventually(async () =>
    sms.sent.find((m) => m.customerId === id && m.body.includes('shipped')),
  );
  return customer;
}

async function reply(customer: { id: string; phone: string }, body: string) {
  const outcome = await inbound(herald, 'sms', customer.phone, body);
  if (outcome.conversation !== 'joined') {
    throw new Error(`not joined: ${JSON.stringify(outcome)}`);
  }

  const list = await expectOk(herald.api('/api/conversations?scope=all'));
  return list.items.find((c: any) => c.customerId === customer.id).id as string;
}

describe('the bot', () => {
  it('thanks a reply to a triggered message with a menu of the customer’s products', async () => {
    const customer = await notifiedCustomer('bot-menu');
    const id = await reply(customer, 'Great, thanks');
    const thread = await threadWhen(herald, id, (t) => botBodies(t).length > 0);
    expect(botBodies(thread)[0]).toBe(
      'Thanks, bot-menu! How can we help? Reply with a number:\n' +
        '1 Helios 8 kW inverter support\n2 panel cleaning\n3 talk to a person',
    );
    expect(thread.conversation.botStage).toBe('menu');
    await eventually(async () =>
      sms.sent.find((m) => m.body.startsWith('Thanks, bot-menu!')),
    );
  });

  it('sends the matching help template for a product with one', async () => {
    const customer = await notifiedCustomer('bot-help');
    const id = await reply(customer, 'hello');
    await threadWhen(herald, id, (t) => botBodies(t).length === 1);
    await reply(customer, '2');
    const thread = await threadWhen(
      herald,
      id,
      (t) => botBodies(t).length === 2,
    );
    expect(botBodies(thread)[1]).toBe(
      'Hi bot-help, your plan covers two visits a year.',
    );
    expect(thread.conversation.botStage).toBe('done');
  });

  it('opens a case for a product without a help template', async () => {
    const customer = await notifiedCustomer('bot-case');
    const id = await reply(customer, 'hello');
    await threadWhen(herald, id, (t) => botBodies(t).length === 1);
    await reply(customer, '1');
    const thread = await threadWhen(
      herald,
      id,
      (t) => botBodies(t).length === 2,
    );
    const caseId = thread.conversation.recordId;
    expect(caseId).toMatch(/^CHAT-/);
    expect(botBodies(thread)[1]).toContain(`We opened case ${caseId}`);
    const opened = await expectOk(herald.api(`/api/records/Case/${caseId}`));
    expect(opened.fields).toMatchObject({
      product: 'Helios 8 kW inverter',
      status: 'New',
    });
    expect(thread.record).toMatchObject({ objectType: 'Case' });
  });

  it('hands over to an agent with the choice attached', async () => {
    const customer = await notifiedCustomer('bot-person');
    const id = await reply(customer, 'hello');
    await threadWhen(herald, id, (t) => botBodies(t).length === 1);
    await reply(customer, '3');
    const thread = await threadWhen(
      herald,
      id,
      (t) => t.conversation.ownerUserId !== null,
    );
    expect(thread.conversation.ownerUserId).toBe(agent.id);
    expect(thread.conversation.handoverNote).toBe(
      'Customer chose "3 talk to a person"',
    );
    expect(thread.conversation.countsTowardCapacity).toBe(true);
  });

  it('lets opt-out words beat the bot', async () => {
    const customer = await notifiedCustomer('bot-stop');
    const id = await reply(customer, 'STOP');
    await eventually(async () =>
      sms.sent.find(
        (m) => m.to === customer.phone && m.body.includes('unsubscribed'),
      ),
    );
    await reply(customer, 'hello?');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const thread = await threadOf(herald, id);
    expect(botBodies(thread)).toEqual([]);
    expect(thread.conversation.botStage).toBeNull();
  });

  it('ends a waiting menu when the customer opts out', async () => {
    const customer = await notifiedCustomer('bot-stop-late');
    const id = await reply(customer, 'hi');
    await threadWhen(herald, id, (t) => botBodies(t).length === 1);
    await reply(customer, 'STOP');
    await reply(customer, '1');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const thread = await threadOf(herald, id);
    expect(botBodies(thread)).toHaveLength(1);
    expect(thread.conversation.botStage).toBeNull();
  });

  it('never answers once an agent has replied', async () => {
    const customer = await notifiedCustomer('bot-agent');
    const id = await reply(customer, 'hi');
    await threadWhen(herald, id, (t) => botBodies(t).length === 1);
    const sent = await agent.call(`/api/conversations/${id}/messages`, {
      method: 'POST',
      body: { text: 'Dora here, how can I help?' },
    });
    expect(sent.status).toBe(201);

    await reply(customer, '1');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const thread = await threadOf(herald, id);
    expect(botBodies(thread)).toHaveLength(1);
    expect(thread.conversation.ownerUserId).toBe(agent.id);
  });

  it('does not answer a reply to an agent-started conversation', async () => {
    const customer = await notifiedCustomer('bot-outbound');
    const started = await agent.call('/api/conversations', {
      method: 'POST',
      body: { customerId: customer.id, text: 'Hi from Dora' },
    });
    await eventually(async () =>
      sms.sent.find((m) => m.body === 'Hi from Dora'),
    );
    await reply(customer, 'hello Dora');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const thread = await threadOf(herald, started.body.conversationId);
    expect(botBodies(thread)).toEqual([]);
  });
});
