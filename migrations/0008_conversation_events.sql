-- Conversation events kept for replay: every new or re-assigned
-- Conversation, new message and message Delivery state is stored with a
-- commit-ordered id, so an Agent's live stream that drops can resume
-- after the last id it saw (Last-Event-ID) without losing or repeating
-- an event. Events carry ids only and are pruned after a day.
--
-- Ids follow commit order: the triggers are deferred to commit time and
-- take one transaction-level advisory lock before inserting, so a
-- transaction's events get their ids only when every transaction that
-- took ids before it has ended. Once id N is visible, no event with a
-- smaller id can still appear. The lock is held only for the last step
-- of a commit and waits on no row lock (the table has no foreign keys),
-- so it cannot deadlock with the writers it orders.
create table conversation_events (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('conversation', 'message', 'delivery')),
  conversation_id bigint not null,
  message_id bigint,
  direction text,
  status text,
  owner_user_id uuid,
  previous_owner_user_id uuid,
  created_at timestamptz not null default now()
);
create index conversation_events_created_idx
  on conversation_events (created_at);

-- Records one event and announces it on `herald_conversations`. The
-- advisory lock key 1751478881 is "hera" in ASCII (any fixed number
-- would do); every writer of conversation events takes the same one.
create function conversation_event_record() returns trigger
language plpgsql as $$
declare
  event conversation_events;
begin
  perform pg_advisory_xact_lock(1751478881);
  if tg_table_name = 'conversations' then
    insert into conversation_events
      (kind, conversation_id, owner_user_id, previous_owner_user_id)
    values ('conversation', new.id, new.owner_user_id,
      case when tg_op = 'UPDATE' then old.owner_user_id end)
    returning * into event;
  elsif tg_table_name = 'conversation_messages' then
    insert into conversation_events
      (kind, conversation_id, message_id, direction, owner_user_id)
    values ('message', new.conversation_id, new.id, new.direction,
      (select owner_user_id from conversations
       where id = new.conversation_id))
    returning * into event;
  else
    insert into conversation_events
      (kind, conversation_id, message_id, status, owner_user_id)
    select 'delivery', m.conversation_id, m.id, new.status, c.owner_user_id
    from conversation_messages m
    join conversations c on c.id = m.conversation_id
    where m.id = new.conversation_message_id
    returning * into event;
  end if;
  if event.id is not null then
    perform pg_notify('herald_conversations', json_build_object(
      'id', event.id,
      'kind', event.kind,
      'conversationId', event.conversation_id,
      'messageId', event.message_id,
      'direction', event.direction,
      'status', event.status,
      'ownerUserId', event.owner_user_id,
      'previousOwnerUserId', event.previous_owner_user_id)::text);
  end if;
  return null;
end;
$$;

drop trigger conversations_notify on conversations;
drop trigger conversation_messages_notify on conversation_messages;
drop trigger deliveries_conversation_notify on deliveries;
drop function conversation_notify();

create constraint trigger conversations_event_insert
  after insert on conversations
  deferrable initially deferred
  for each row execute function conversation_event_record();
-- Only what the console shows: owner, status, the related Record, the
-- bot's stage and the handover note (a new message has its own event).
create constraint trigger conversations_event_update
  after update on conversations
  deferrable initially deferred
  for each row
  when (old.owner_user_id is distinct from new.owner_user_id
    or old.status is distinct from new.status
    or old.object_type is distinct from new.object_type
    or old.record_id is distinct from new.record_id
    or old.bot_state is distinct from new.bot_state
    or old.handover_note is distinct from new.handover_note)
  execute function conversation_event_record();
create constraint trigger conversation_messages_event
  after insert on conversation_messages
  deferrable initially deferred
  for each row execute function conversation_event_record();
-- Triggered Deliveries never reach the function.
create constraint trigger deliveries_event_insert
  after insert on deliveries
  deferrable initially deferred
  for each row
  when (new.conversation_message_id is not null)
  execute function conversation_event_record();
create constraint trigger deliveries_event_update
  after update of status on deliveries
  deferrable initially deferred
  for each row
  when (new.conversation_message_id is not null
    and new.status is distinct from old.status)
  execute function conversation_event_record();
