-- Conversations between a Customer and the team on one Channel: the
-- threads, their messages, which Agent owns each, Agents' presence and
-- what they have read, the quick-phrase library, and Deliveries that
-- carry an Agent's (or the bot's) message instead of a triggered one.

-- Presence an Agent sets (online, away, offline). `last_seen_at` moves
-- with every heartbeat; a presence older than the policy's time-out
-- counts as offline. `capacity` is how many routed inbound Conversations
-- the Agent takes at once.
create table agent_presence (
  user_id uuid primary key references users (id) on delete cascade,
  status text not null default 'offline'
    check (status in ('online', 'away', 'offline')),
  capacity integer not null default 5 check (capacity between 0 and 100),
  last_seen_at timestamptz not null default now(),
  last_routed_at timestamptz,
  updated_at timestamptz not null default now()
);

-- One thread per (Customer, Channel) while open. `started_by` says who
-- opened it: an Agent, or the Customer's inbound message. Routed inbound
-- Conversations count against their owner's capacity; ones the owner
-- started do not. `bot_state` holds the bot's menu while it waits for a
-- choice.
create table conversations (
  id bigint generated always as identity primary key,
  customer_id text not null references customers (id) on delete cascade,
  channel text not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  started_by text not null check (started_by in ('agent', 'customer')),
  started_by_user_id uuid references users (id) on delete set null,
  owner_user_id uuid references users (id) on delete set null,
  counts_toward_capacity boolean not null default false,
  object_type text,
  record_id text,
  bot_state jsonb,
  handover_note text,
  agent_replied_at timestamptz,
  last_message_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create unique index conversations_open_idx
  on conversations (customer_id, channel) where status = 'open';
create index conversations_owner_idx
  on conversations (owner_user_id, status, last_message_at desc);
create index conversations_recent_idx
  on conversations (status, last_message_at desc);

-- Every message of a Conversation. Inbound ones point at the stored
-- inbound message; outbound ones (agent, bot) have one Delivery whose
-- `conversation_message_id` points back here.
create table conversation_messages (
  id bigint generated always as identity primary key,
  conversation_id bigint not null
    references conversations (id) on delete cascade,
  direction text not null check (direction in ('inbound', 'outbound')),
  author text not null check (author in ('customer', 'agent', 'bot')),
  author_user_id uuid references users (id) on delete set null,
  inbound_message_id bigint unique
    references inbound_messages (id) on delete set null,
  template_id text,
  body text not null,
  created_at timestamptz not null default now()
);
create index conversation_messages_thread_idx
  on conversation_messages (conversation_id, id);

-- How far each Agent has read each Conversation (unread counts).
create table conversation_reads (
  conversation_id bigint not null
    references conversations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  last_read_message_id bigint not null,
  primary key (conversation_id, user_id)
);

-- Short phrases and emoji beside the composer, in the brand's voice.
create table quick_phrases (
  id text primary key,
  label text not null,
  body text not null,
  position integer not null default 0
);

-- A Delivery is either triggered (unique on change, flow version and
-- Channel step, as before: the old unique constraint ignores rows whose
-- columns are null) or carries one conversation message (unique on it).
alter table deliveries alter column change_id drop not null;
alter table deliveries alter column flow_id drop not null;
alter table deliveries alter column flow_version drop not null;
alter table deliveries alter column path_id drop not null;
alter table deliveries alter column channel_step_id drop not null;
alter table deliveries alter column template_id drop not null;
alter table deliveries alter column object_type drop not null;
alter table deliveries alter column record_id drop not null;
alter table deliveries add column conversation_message_id bigint unique
  references conversation_messages (id) on delete set null;
alter table deliveries add constraint deliveries_kind_check check (
  conversation_message_id is not null
  or (change_id is not null and flow_id is not null
      and flow_version is not null and path_id is not null
      and channel_step_id is not null and template_id is not null
      and object_type is not null and record_id is not null)
);

-- Live updates: every change an Agent's console shows is announced on
-- one channel, so any API process can stream it, whichever process (API
-- or worker) made it. Payloads carry ids only.
create function conversation_notify() returns trigger
language plpgsql as $$
declare
  payload jsonb;
begin
  if tg_table_name = 'conversations' then
    payload := jsonb_build_object(
      'kind', 'conversation',
      'conversationId', new.id,
      'ownerUserId', new.owner_user_id,
      'previousOwnerUserId',
      case when tg_op = 'UPDATE' then old.owner_user_id end);
  elsif tg_table_name = 'conversation_messages' then
    payload := jsonb_build_object(
      'kind', 'message',
      'conversationId', new.conversation_id,
      'messageId', new.id,
      'direction', new.direction);
  elsif new.conversation_message_id is not null
      and (tg_op = 'INSERT' or new.status is distinct from old.status) then
    payload := jsonb_build_object(
      'kind', 'delivery',
      'conversationId', (select conversation_id from conversation_messages
                         where id = new.conversation_message_id),
      'messageId', new.conversation_message_id,
      'status', new.status);
  end if;
  if payload is not null then
    perform pg_notify('herald_conversations', payload::text);
  end if;
  return null;
end;
$$;

create trigger conversations_notify
  after insert or update on conversations
  for each row execute function conversation_notify();
create trigger conversation_messages_notify
  after insert on conversation_messages
  for each row execute function conversation_notify();
create trigger deliveries_conversation_notify
  after insert or update of status on deliveries
  for each row execute function conversation_notify();
