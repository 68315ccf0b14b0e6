-- The flows list's activity, and test sends from the Template inspector.

-- Who last changed a Flow (created it, saved its draft, renamed, published
-- or deactivated it): a user, an API token, or Herald itself. The name is
-- kept as it was then; the list shows a user's current name when the user
-- still exists. Null on Flows changed before this migration.
alter table flows add column changed_by_kind text
  check (changed_by_kind in ('user', 'token', 'system'));
alter table flows add column changed_by_id text;
alter table flows add column changed_by_name text;

-- Which Flows a Run evaluated, read from its explain trace (one entry per
-- path, each naming its flow), so Runs per Flow are counted without
-- parsing traces at read time. Text, not uuid: a trace is never refused
-- for an id that does not parse.
create function run_flow_ids(trace jsonb) returns text[]
language sql immutable as $$
  select coalesce(array_agg(distinct path ->> 'flowId'), '{}')
  from jsonb_array_elements(
    case when jsonb_typeof(trace) = 'array' then trace else '[]' end
  ) as path
  where path ->> 'flowId' is not null
$$;
alter table runs add column flow_ids text[]
  generated always as (run_flow_ids(trace)) stored;

-- The flows list counts the last 24 hours of Runs and Deliveries in one
-- grouped query each; these let both read only that window's index
-- entries.
create index runs_recent_idx on runs (finished_at) include (flow_ids)
  where not dry_run;
create index deliveries_recent_idx on deliveries (created_at)
  include (flow_id, status);

-- A test send: a library Template rendered for a sample Customer and
-- Record and sent to the requesting person's own test recipient, never to
-- the Customer. It belongs to no Flow and no Conversation.
alter table deliveries add column is_test boolean not null default false;
alter table deliveries add column test_requested_by text;
alter table deliveries drop constraint deliveries_kind_check;
alter table deliveries add constraint deliveries_kind_check check (
  is_test
  or conversation_message_id is not null
  or (change_id is not null and flow_id is not null
      and flow_version is not null and path_id is not null
      and channel_step_id is not null and template_id is not null
      and object_type is not null and record_id is not null)
);

-- Each person's (or API token's) own test recipient: the channel test
-- sends use and the address on it.
create table test_recipients (
  actor_kind text not null check (actor_kind in ('user', 'token')),
  actor_id text not null,
  channel text not null check (channel in ('sms', 'whatsapp', 'messenger')),
  phone text,
  messenger_psid text,
  updated_at timestamptz not null default now(),
  primary key (actor_kind, actor_id)
);
