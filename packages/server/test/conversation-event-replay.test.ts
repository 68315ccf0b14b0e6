/**
 * The live stream loses no event while it reconnects: every event has a
 * commit-ordered id, a stream opened with Last-Event-ID (or
 * ?lastEventId=) replays exactly the events it missed, in order and
 * without duplicates, then goes on live; an unknown id starts over; the
 * server's own listener catches up after its connection drops.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneConversationEvents } from '../src/repositories/conversation-event-repository.js';
import {
  addAgent,
  addCustomer,
  inbound,
  startConversationHerald,
} from './conversation-test-kit.js';
import {
  openEventStream,
  type EventStreamReader,
  type StreamedEvent,
} from './event-stream-reader.js';
import { expectOk } from './fixtures.js';
import { eventually, type TestHerald } from './test-herald.js';

let herald: TestHerald;
let ann: Awaited<ReturnType<typeof addAgent>>;
const open: EventStreamReader[] = [];

beforeAll(async () => {
  ({ herald } = await startConversationHerald());
  await expectOk(
    herald.api('/api/conversation-policy', {
      method: 'PUT',
      body: { botEnabled: false },
    }),
  );
  ann = await addAgent(herald, 'ann@example.com');
});

afterAll(async () => {
  open.forEach((stream) => stream.close());
  await herald?.stop();
});

async function streamFor(headers: Record<string, string> = {}, query = '') {
  const stream = await openEventStream(
    `${herald.url}/api/conversations/events${query}`,
    { cookie: ann.cookie, ...headers },
  );
  open.push(stream);
  expect(stream.status).toBe(200);
  return stream;
}

const isReady = (event: StreamedEvent) => event.event === 'ready';
const eventsOf = (stream: EventStreamReader) =>
  stream.events.filter((event) => !isReady(event));

/** Stored events after `afterId` that concern Ann, as the stream sends. */
async function storedFor(afterId: string) {
  const rows = await herald.db
    .selectFrom('conversation_events')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .execute();
  return rows
    .filter(
      (row) =>
        row.owner_user_id === null ||
        row.owner_user_id === ann.id ||
        row.previous_owner_user_id === ann.id,
    )
    .map((row) => String(row.id));
}

/** Ann starts a Conversation and waits until its message is sent. */
async function startAndSettle(customerId: string, text: string) {
  const started = await ann.call('/api/conversations', {
    method: 'POST',
    body: { customerId, text },
  });
  expect(started.status).toBe(201);
  await settled(started.body.deliveryId);
  return started.body.conversationId as string;
}

async function settled(deliveryId: string) {
  await eventually(async () => {
    const row = await herald.db
      .selectFrom('deliveries')
      .select('status')
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    return row?.status === 'sent' ? true : undefined;
  });
}

describe('event ids', () => {
  it('gives every event an id, increasing in the order they were committed', async () => {
    const stream = await streamFor();
    const ready = await stream.waitFor(isReady);
    expect(ready.id).toMatch(/^\d+$/);

    const customers = await Promise.all(
      ['ids-1', 'ids-2', 'ids-3', 'ids-4'].map((id) => addCustomer(herald, id)),
    );
    await Promise.all(
      customers.map((customer, n) =>
        inbound(herald, 'sms', customer.phone, `Question ${n}`),
      ),
    );
    const expected = await storedFor(ready.id!);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    await eventually(async () =>
      eventsOf(stream).length >= expected.length ? true : undefined,
    );

    const ids = eventsOf(stream).map((event) => event.id);
    expect(ids).toEqual(expected);
    expect(eventsOf(stream).every((e) => e.data.id === e.id)).toBe(true);
    stream.close();
  });
});

describe('resuming after Last-Event-ID', () => {
  it('replays exactly the missed events, in order, then goes on live', async () => {
    const customer = await addCustomer(herald, 'resume-1');
    const first = await streamFor();
    await first.waitFor(isReady);
    const conversationId = await startAndSettle(customer.id, 'Hello');
    await first.waitFor(
      (event) =>
        event.event === 'delivery' &&
        event.data.conversationId === conversationId &&
        event.data.status === 'sent',
    );
    first.close();
    const lastSeen = eventsOf(first).at(-1)!.id!;

    await inbound(herald, 'sms', customer.phone, 'Missed reply');
    const sent = await ann.call(
      `/api/conversations/${conversationId}/messages`,
      {
        method: 'POST',
        body: { text: 'Missed answer' },
      },
    );
    await settled(sent.body.deliveryId);
    const missed = await storedFor(lastSeen);
    expect(missed.length).toBeGreaterThanOrEqual(3);

    const second = await streamFor({ 'last-event-id': lastSeen });
    const ready = await second.waitFor(isReady);
    expect(ready.data).toMatchObject({ resumed: true, reset: false });
    await eventually(async () =>
      eventsOf(second).length >= missed.length ? true : undefined,
    );
    expect(eventsOf(second).map((event) => event.id)).toEqual(missed);
    expect(eventsOf(second).map((event) => event.event)).toContain('message');

    await inbound(herald, 'sms', customer.phone, 'Live again');
    const live = await second.waitFor(
      (event) =>
        event.event === 'message' &&
        event.data.direction === 'inbound' &&
        BigInt(event.id!) > BigInt(missed.at(-1)!),
    );
    const ids = eventsOf(second).map((event) => event.id!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => Number(BigInt(a) - BigInt(b))));
    expect(live.data.conversationId).toBe(conversationId);
    second.close();
  });

  it('takes the id from ?lastEventId= when the header is absent', async () => {
    const customer = await addCustomer(herald, 'resume-2');
    const before = (await storedFor('0')).at(-1) ?? '0';
    await inbound(herald, 'sms', customer.phone, 'While away');
    const missed = await storedFor(before);

    const stream = await streamFor({}, `?lastEventId=${before}`);
    await eventually(async () =>
      eventsOf(stream).length >= missed.length ? true : undefined,
    );
    expect(eventsOf(stream).map((event) => event.id)).toEqual(missed);
    stream.close();
  });

  it('starts over from now when the id is unknown', async () => {
    const stream = await streamFor({ 'last-event-id': '999999999' });
    const ready = await stream.waitFor(isReady);
    expect(ready.data).toMatchObject({ resumed: false, reset: true });
    const newest = (await storedFor('0')).at(-1);
    expect(BigInt(ready.id!)).toBeGreaterThanOrEqual(BigInt(newest ?? '0'));
    expect(eventsOf(stream)).toEqual([]);
    stream.close();
  });

  it.each(['abc', '-1', '1.5', '9999999999999999999', '1'.repeat(5000)])(
    'asks the client to reload when Last-Event-ID is unreadable (%#)',
    async (lastEventId) => {
      const stream = await streamFor({ 'last-event-id': lastEventId });
      const ready = await stream.waitFor(isReady);
      expect(ready.data).toMatchObject({ resumed: false, reset: true });
      expect(eventsOf(stream)).toEqual([]);
      stream.close();
    },
  );
});

describe('the server listener', () => {
  it('catches up on events raised while its connection was down', async () => {
    const customer = await addCustomer(herald, 'listener-1');
    const stream = await streamFor();
    await stream.waitFor(isReady);

    await sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database()
        and query ilike 'listen herald_conversations%'
    `.execute(herald.db);
    await inbound(herald, 'sms', customer.phone, 'Said while unheard');

    const heard = await stream.waitFor(
      (event) =>
        event.event === 'message' && event.data.direction === 'inbound',
      15_000,
    );
    expect(heard.id).toMatch(/^\d+$/);
    const ids = eventsOf(stream).map((event) => event.id!);
    expect(new Set(ids).size).toBe(ids.length);
    stream.close();
  });
});

describe('pruning', () => {
  it('deletes events older than the cut-off but keeps the newest', async () => {
    await sql`update conversation_events set created_at = now() - interval '2 days'`.execute(
      herald.db,
    );
    const { newest } = await herald.db
      .selectFrom('conversation_events')
      .select((eb) => eb.fn.max('id').as('newest'))
      .executeTakeFirstOrThrow();
    await pruneConversationEvents(herald.db, new Date(Date.now() - 86_400_000));
    const left = await herald.db
      .selectFrom('conversation_events')
      .select('id')
      .execute();
    expect(left.map((row) => String(row.id))).toEqual([String(newest)]);
  });
});
