/**
 * Reply routing: a reply goes to the Agent who started the Conversation
 * while online, else to the least busy available Agent; only routed
 * inbound Conversations count against capacity; a presence without a
 * heartbeat times out; a channel in pilot answers outsiders politely and
 * routes nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAgent,
  addCustomer,
  inbound,
  setPresence,
  startConversationHerald,
  threadOf,
  type RecordingChannel,
} from './conversation-test-kit.js';
import { expectOk } from './fixtures.js';
import { eventually, type TestHerald } from './test-herald.js';

let herald: TestHerald;
let sms: RecordingChannel;
let whatsapp: RecordingChannel;
let ann: Awaited<ReturnType<typeof addAgent>>;
let ben: Awaited<ReturnType<typeof addAgent>>;

beforeAll(async () => {
  ({ herald, sms, whatsapp } = await startConversationHerald());
  await expectOk(
    herald.api('/api/conversation-policy', {
      method: 'PUT',
      body: { botEnabled: false },
    }),
  );
  ann = await addAgent(herald, 'ann@example.com');
  ben = await addAgent(herald, 'ben@example.com');
});

afterAll(async () => {
  await herald?.stop();
});

async function loads() {
  const answer = await expectOk(herald.api('/api/agents/presence'));
  return Object.fromEntries(
    answer.items.map((agent: any) => [agent.email, agent.load]),
  ) as Record<string, number>;
}

async function conversationOf(customerId: string) {
  const list = await expectOk(herald.api('/api/conversations?scope=all'));
  return list.items.find((item: any) => item.customerId === customerId);
}

describe('reply routing', () => {
  it('sends a reply to the agent who started the conversation while online', async () => {
    const customer = await addCustomer(herald, 'route-1');
    const started = await ann.call('/api/conversations', {
      method: 'POST',
      body: { customerId: customer.id, text: 'Hello from Ann' },
    });
    expect(started.status).toBe(201);
    await eventually(async () =>
      sms.sent.find((message) => message.body === 'Hello from Ann'),
    );

    const outcome = await inbound(herald, 'sms', customer.phone, 'Hi Ann');
    expect(outcome.conversation).toBe('joined');
    const thread = await threadOf(herald, started.body.conversationId);
    expect(thread.conversation.ownerUserId).toBe(ann.id);
    expect(thread.conversation.countsTowardCapacity).toBe(false);
    expect(thread.messages.map((m: any) => m.body)).toEqual([
      'Hello from Ann',
      'Hi Ann',
    ]);
    expect((await loads())['ann@example.com']).toBe(0);
  });

  it('routes the next reply to another agent once the starter is offline', async () => {
    const customer = await addCustomer(herald, 'route-2');
    const started = await ann.call('/api/conversations', {
      method: 'POST',
      body: { customerId: customer.id, text: 'Checking in' },
    });
    await setPresence(ann, 'offline');

    await inbound(herald, 'sms', customer.phone, 'Anyone there?');
    const thread = await threadOf(herald, started.body.conversationId);
    expect(thread.conversation.ownerUserId).toBe(ben.id);
    expect(thread.conversation.countsTowardCapacity).toBe(true);
    expect((await loads())['ben@example.com']).toBe(1);
    await setPresence(ann, 'online');
  });

  it('picks the least busy available agent for a new inbound conversation', async () => {
    const customer = await addCustomer(herald, 'route-3');
    await inbound(herald, 'sms', customer.phone, 'I have a question');
    const conversation = await conversationOf(customer.id);
    expect(conversation.ownerUserId).toBe(ann.id);
    expect(conversation.startedBy).toBe('customer');
    expect(await loads()).toMatchObject({
      'ann@example.com': 1,
      'ben@example.com': 1,
    });
  });

  it('does not count outbound conversations against capacity', async () => {
    await setPresence(ann, 'online', 1);
    for (const id of ['route-4a', 'route-4b']) {
      const customer = await addCustomer(herald, id);
      const started = await ann.call('/api/conversations', {
        method: 'POST',
        body: { customerId: customer.id, text: 'Outbound' },
      });
      expect(started.status).toBe(201);
    }
    expect((await loads())['ann@example.com']).toBe(1);
  });

  it('skips an agent at capacity and leaves the conversation unassigned when all are full', async () => {
    await setPresence(ben, 'online', 1);
    const customer = await addCustomer(herald, 'route-5');
    await inbound(herald, 'sms', customer.phone, 'Help please');
    const conversation = await conversationOf(customer.id);
    expect(conversation.ownerUserId).toBeNull();

    const mine = await ben.call('/api/conversations');
    const ids = mine.body.items.map((item: any) => item.customerId);
    expect(ids).toContain('route-5');
    expect(
      mine.body.items.find((i: any) => i.customerId === 'route-5').unread,
    ).toBe(1);
  });

  it('treats a presence without a heartbeat as offline after the time-out', async () => {
    await setPresence(ann, 'online', 10);
    await setPresence(ben, 'online', 10);
    await expectOk(
      herald.api('/api/conversation-policy', {
        method: 'PUT',
        body: { presenceTimeoutSeconds: 60 },
      }),
    );
    await sql`
      update agent_presence set last_seen_at = now() - interval '5 minutes'
      where user_id = ${ann.id}
    `.execute(herald.db);

    const presence = await expectOk(herald.api('/api/agents/presence'));
    const annNow = presence.items.find(
      (a: any) => a.email === 'ann@example.com',
    );
    expect(annNow).toMatchObject({
      status: 'online',
      effectiveStatus: 'offline',
    });

    const customer = await addCustomer(herald, 'route-6');
    await inbound(herald, 'sms', customer.phone, 'Hello?');
    expect((await conversationOf(customer.id)).ownerUserId).toBe(ben.id);
  });
});

describe('pilot gating', () => {
  it('answers customers outside the pilot politely, stores their message and routes nothing', async () => {
    await expectOk(
      herald.api('/api/conversation-policy', {
        method: 'PUT',
        body: {
          pilots: {
            whatsapp: {
              tiers: ['VIP', 'Platinum'],
              reply: 'WhatsApp is in pilot.',
            },
          },
        },
      }),
    );
    const outsider = await addCustomer(herald, 'pilot-out', {
      tier: 'Standard',
    });
    const insider = await addCustomer(herald, 'pilot-in', { tier: 'VIP' });

    const gated = await inbound(
      herald,
      'whatsapp',
      outsider.phone.slice(1),
      'Hi!',
    );
    expect(gated.conversation).toBe('gated');
    await eventually(async () =>
      whatsapp.sent.find(
        (m) =>
          m.to === outsider.phone.slice(1) &&
          m.body === 'WhatsApp is in pilot.',
      ),
    );
    const stored = await herald.db
      .selectFrom('inbound_messages')
      .select(['body', 'reply_body'])
      .where('customer_id', '=', 'pilot-out')
      .executeTakeFirstOrThrow();
    expect(stored.body).toBe('Hi!');
    await eventually(async () => {
      const row = await herald.db
        .selectFrom('inbound_messages')
        .select('reply_body')
        .where('customer_id', '=', 'pilot-out')
        .executeTakeFirst();
      return row?.reply_body === 'WhatsApp is in pilot.';
    });
    expect(await conversationOf('pilot-out')).toBeUndefined();

    const joined = await inbound(
      herald,
      'whatsapp',
      insider.phone.slice(1),
      'Hi!',
    );
    expect(joined.conversation).toBe('joined');
    expect(await conversationOf('pilot-in')).toBeDefined();
  });
});
