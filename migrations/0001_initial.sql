-- Herald's data model: object types, customers and consent, records and
-- their changes, the template library, flows with their published versions
-- and Rule sets, runs with explain traces, deliveries with their state
-- history and attempts, and the sandbox outbox.
--
-- Limitation: changes, runs and deliveries are not yet partitioned by time;
-- retention needs that before a busy tenant fills the disk.

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

-- Worker processes announce themselves here; health reports recent ones.
create table workers (
  id text primary key,
  hostname text not null,
  pid integer not null,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);

create table object_types (
  name text primary key,
  label text,
  fields jsonb not null,
  customer_field text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table customers (
  id text primary key,
  first_name text,
  last_name text,
  email text,
  phone text,
  whatsapp_id text,
  messenger_psid text,
  preferred_channel text
    check (preferred_channel in ('sms', 'whatsapp', 'messenger')),
  tier text not null default 'Standard',
  region text,
  country text,
  time_zone text not null default 'UTC',
  locale text not null default 'en-US',
  attributes jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index customers_tier_idx on customers (tier);

-- The Consent ledger: append-only; the latest row per (customer, channel,
-- sender) is the Customer's current Consent.
create table consents (
  id bigint generated always as identity primary key,
  customer_id text not null references customers (id) on delete cascade,
  channel text not null,
  sender text not null default '',
  status text not null check (status in ('opt_in', 'opt_out')),
  source text not null,
  evidence text,
  recorded_at timestamptz not null default now()
);
create index consents_current_idx
  on consents (customer_id, channel, sender, recorded_at desc, id desc);

create table records (
  object_type text not null references object_types (name),
  record_id text not null,
  customer_id text not null references customers (id),
  fields jsonb not null,
  deleted boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (object_type, record_id)
);
create index records_customer_idx on records (customer_id);

create table changes (
  id bigint generated always as identity primary key,
  object_type text not null,
  record_id text not null,
  customer_id text not null,
  kind text not null check (kind in ('create', 'update', 'delete')),
  prior jsonb,
  current jsonb,
  changed_fields text[] not null,
  source text not null default 'api',
  source_ref text,
  occurred_at timestamptz,
  received_at timestamptz not null default now()
);
create index changes_record_idx on changes (object_type, record_id, id);

create table templates (
  id text primary key,
  name text not null,
  category text,
  body text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table flows (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text,
  status text not null default 'draft'
    check (status in ('draft', 'active', 'inactive')),
  active_version integer,
  draft jsonb not null,
  draft_updated_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One published version of a Flow: its graph, the Rule set it compiled to,
-- and the Template bodies it was checked against (sent as they were then).
create table flow_versions (
  flow_id uuid not null references flows (id) on delete cascade,
  version integer not null,
  graph jsonb not null,
  rule_set jsonb not null,
  templates jsonb not null,
  trigger_object_type text not null,
  trigger_change_kinds text[] not null,
  published_by text,
  published_at timestamptz not null default now(),
  primary key (flow_id, version)
);
-- The index that picks Rule sets for a Change: object type and change kind.
create index flow_versions_trigger_idx
  on flow_versions using gin (trigger_change_kinds);
create index flow_versions_object_type_idx
  on flow_versions (trigger_object_type);

create table runs (
  id bigint generated always as identity primary key,
  change_id bigint not null references changes (id),
  rule_sets_evaluated integer not null,
  fired integer not null,
  trace jsonb not null,
  dry_run boolean not null default false,
  started_at timestamptz not null,
  finished_at timestamptz not null default now()
);
create index runs_change_idx on runs (change_id);

create table deliveries (
  id uuid primary key default gen_random_uuid(),
  change_id bigint not null references changes (id),
  flow_id uuid not null,
  flow_version integer not null,
  path_id text not null,
  channel_step_id text not null,
  template_id text not null,
  urgent boolean not null default false,
  customer_id text not null,
  object_type text not null,
  record_id text not null,
  channel_policy jsonb not null,
  channel text,
  status text not null check (status in (
    'scheduled', 'pending', 'deferred', 'blocked', 'sending', 'sent',
    'delivered', 'read', 'failed', 'unknown', 'cancelled', 'skipped')),
  status_reason text,
  body text,
  send_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (change_id, flow_id, flow_version, channel_step_id)
);
create index deliveries_customer_idx on deliveries (customer_id, created_at);
create index deliveries_record_idx on deliveries (object_type, record_id);
create index deliveries_flow_idx on deliveries (flow_id, created_at);
create index deliveries_status_idx on deliveries (status, created_at);

-- Every state a Delivery passed through, with why.
create table delivery_events (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references deliveries (id) on delete cascade,
  status text not null,
  reason text,
  at timestamptz not null default now()
);
create index delivery_events_delivery_idx on delivery_events (delivery_id, id);

-- One try of a Delivery on one channel. Recorded before the provider is
-- called, so an interrupted send is never lost nor blindly repeated.
create table attempts (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references deliveries (id) on delete cascade,
  channel text not null,
  outcome text not null default 'open'
    check (outcome in ('open', 'accepted', 'failed', 'unknown')),
  request jsonb,
  provider_message_id text,
  response jsonb,
  error_code text,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index attempts_delivery_idx on attempts (delivery_id, id);

-- What the sandbox channel "sent": the outgoing message, stored with the
-- channel it was meant for.
create table sandbox_messages (
  id bigint generated always as identity primary key,
  delivery_id uuid references deliveries (id) on delete set null,
  attempt_id bigint references attempts (id) on delete set null,
  customer_id text not null,
  channel text not null,
  to_address text,
  body text not null,
  created_at timestamptz not null default now()
);
create index sandbox_messages_created_idx on sandbox_messages (created_at);
