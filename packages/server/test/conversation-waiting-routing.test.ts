/**
 * Conversations waiting for an Agent are routed when an Agent can take
 * them, not only on the Customer's next message: when an Agent comes
 * online (up to their free capacity, longest waiting first, their own
 * first), when an Agent frees a place by closing a routed Conversation,
 * and never twice when two Agents come online at once. The new owner
 * hears of it on the live stream.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routeWaitingConversations } from '../src/services/waiting-conversation-routing.js';
import {
  addAgent,
  addCustomer,
  inbound,
  setPresence,
  startConversationHerald,
} from './conversation-test-kit.js';
import { openEventStream } from './event-stream-reader.js';
import { expectOk } from './fixtures.js';
import type { TestHerald } from './test-herald.js';

type Agent = Awaited<ReturnType<typeof addAgent>>;

let herald: TestHerald;
let ann: Agent;
let ben: Agent;
let serial = 0;

beforeAll(async () => {
  ({ herald } = await startConversationHerald());
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

beforeEach(async () => {
  await setPresence(ann, 'offline');
  await setPresence(ben, 'offline');
  await sql`update conversations set status = 'closed'`.execute(herald.db);
});

/** `n` Customers who write in while nobody is online; their ids. */
async function waiting(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    serial += 1;
    const customer = await addCustomer(herald, `waiting-${serial}`);
    const filed = await inbound(herald, 'sms', customer.phone, 'Hello?');
    expect(filed.conversation).toBe('joined');
    ids.push(await conversationIdOf(customer.id));
  }

  return ids;
}

async function conversationIdOf(customerId: string) {
  const row = await herald.db
    .selectFrom('conversations')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

async function ownersOf(ids: string[]) {
  const rows = await herald.db
    .selectFrom('conversations')
    .select(['id', 'owner_user_id', 'counts_toward_capacity'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    owner: row.owner_user_id,
    counts: row.counts_toward_capacity,
  }));
}

/** Marks an Agent online without routing (as a fresh heartbeat would). */
async function onlineQuietly(agent: Agent, capacity: number) {
  await sql`
    update agent_presence
    set status = 'online', capacity = ${capacity}, last_seen_at = now()
    where user_id = ${agent.id}
  `.execute(herald.db);
}

describe('an agent coming online', () => {
  it('gets the conversations waiting for an agent and hears of them on the stream', async () => {
    const ids = await waiting(2);
    expect((await ownersOf(ids)).map((row) => row.owner)).toEqual([null, null]);
    const stream = await openEventStream(
      `${herald.url}/api/conversations/events`,
      { cookie: ann.cookie },
    );
    await stream.waitFor((event) => event.event === 'ready');

    await setPresence(ann, 'online', 5);

    expect(await ownersOf(ids)).toEqual(
      ids.map((id) => ({ id, owner: ann.id, counts: true })),
    );
    for (const id of ids) {
      await stream.waitFor(
        (event) =>
          event.event === 'conversation' &&
          event.data.conversationId === id &&
          event.data.ownerUserId === ann.id &&
          event.data.previousOwnerUserId === null,
      );
    }
    stream.close();
  });

  it('takes no more than the free capacity, longest waiting first', async () => {
    const ids = await waiting(3);
    await setPresence(ann, 'online', 2);

    expect((await ownersOf(ids)).map((row) => row.owner)).toEqual([
      ann.id,
      ann.id,
      null,
    ]);
  });

  it('takes the waiting conversations it started without counting them', async () => {
    const customer = await addCustomer(herald, 'started-by-ann');
    await setPresence(ann, 'online', 0);
    const started = await ann.call('/api/conversations', {
      method: 'POST',
      body: { customerId: customer.id, text: 'Checking in' },
    });
    expect(started.status).toBe(201);
    await setPresence(ann, 'offline');
    await inbound(herald, 'sms', customer.phone, 'Thanks, a question');
    const id = started.body.conversationId as string;
    expect((await ownersOf([id]))[0].owner).toBeNull();

    await setPresence(ann, 'online', 0);
    expect(await ownersOf([id])).toEqual([
      { id, owner: ann.id, counts: false },
    ]);
  });

  it('gets them when its stream opens after its presence had timed out', async () => {
    await setPresence(ann, 'online', 5);
    await sql`
      update agent_presence set last_seen_at = now() - interval '1 hour'
      where user_id = ${ann.id}
    `.execute(herald.db);
    const ids = await waiting(1);
    expect((await ownersOf(ids))[0].owner).toBeNull();

    const stream = await openEventStream(
      `${herald.url}/api/conversations/events`,
      { cookie: ann.cookie },
    );
    await stream.waitFor(
      (event) =>
        event.event === 'conversation' &&
        event.data.conversationId === ids[0] &&
        event.data.ownerUserId === ann.id,
    );
    stream.close();
    expect((await ownersOf(ids))[0].owner).toBe(ann.id);
  });

  it('is ignored by routing while away', async () => {
    const ids = await waiting(1);
    await setPresence(ann, 'away', 5);
    expect((await ownersOf(ids))[0].owner).toBeNull();
  });
});

describe('an agent freeing a place', () => {
  it('gets the longest waiting conversation when closing a routed one', async () => {
    await setPresence(ann, 'online', 1);
    const [mine] = await waiting(1);
    expect((await ownersOf([mine]))[0].owner).toBe(ann.id);
    const [next] = await waiting(1);
    expect((await ownersOf([next]))[0].owner).toBeNull();

    await expectOk(
      herald.api(`/api/conversations/${mine}/close`, { body: {} }),
    );

    expect(await ownersOf([next])).toEqual([
      { id: next, owner: ann.id, counts: true },
    ]);
  });
});

describe('two agents coming online at once', () => {
  it('never gives both the same conversation', async () => {
    for (let round = 0; round < 8; round += 1) {
      await sql`update conversations set status = 'closed'`.execute(herald.db);
      const ids = await waiting(5);
      await onlineQuietly(ann, 3);
      await onlineQuietly(ben, 3);

      const [annGot, benGot] = await Promise.all([
        routeWaitingConversations(herald.db, ann.id),
        routeWaitingConversations(herald.db, ben.id),
      ]);

      expect(annGot.filter((id) => benGot.includes(id))).toEqual([]);
      expect([...annGot, ...benGot].sort()).toEqual([...ids].sort());
      expect(annGot.length).toBeLessThanOrEqual(3);
      expect(benGot.length).toBeLessThanOrEqual(3);
      const owners = await ownersOf(ids);
      for (const row of owners) {
        expect(row.owner).toBe(annGot.includes(row.id) ? ann.id : ben.id);
      }
      await sql`
        update agent_presence set status = 'offline'
        where user_id in (${ann.id}, ${ben.id})
      `.execute(herald.db);
    }
  });

  it('skips a waiting conversation another transaction holds', async () => {
    const [held, free] = await waiting(2);
    await onlineQuietly(ann, 5);
    const client = await herald.pool.connect();
    try {
      await client.query('begin');
      await client.query(
        'select 1 from conversations where id = $1 for update',
        [held],
      );

      const got = await routeWaitingConversations(herald.db, ann.id);

      expect(got).toEqual([free]);
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect((await ownersOf([held]))[0].owner).toBeNull();
  });
});
