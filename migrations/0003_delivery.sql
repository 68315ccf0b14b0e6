-- Delivery to real providers: channel configuration with encrypted
-- secrets, a Template's channel forms (WhatsApp template, Messenger tag),
-- Attempt details for retries and reconciliation, inbound messages, and
-- the indexes that status callbacks, caps and the recovery sweep read.

-- One row per configured channel. `settings` holds what may be shown
-- (account ids, sender, base URL); `secrets` holds AES-256-GCM ciphertext
-- under HERALD_SECRET_KEY and is never returned by the API.
create table channel_configs (
  channel text primary key
    check (channel in ('sms', 'whatsapp', 'messenger', 'webhook', 'sandbox')),
  provider text not null,
  settings jsonb not null default '{}',
  secrets text,
  secret_names text[] not null default '{}',
  updated_at timestamptz not null default now()
);

-- A library Template's provider forms: the approved WhatsApp template
-- (name, language, body parameters as Liquid) sent outside the 24-hour
-- window, and the Messenger message tag its Flows may use there.
alter table templates add column whatsapp_template jsonb;
alter table templates add column messenger_tag text
  check (messenger_tag in (
    'POST_PURCHASE_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'ACCOUNT_UPDATE'));

-- The address a Delivery went to and when it was handed to a provider
-- (frequency caps count these), and how many retries it has used.
alter table deliveries add column to_address text;
alter table deliveries add column sent_at timestamptz;
alter table deliveries add column retries integer not null default 0;
create index deliveries_cap_idx
  on deliveries (customer_id, channel, sent_at) where sent_at is not null;
create index deliveries_open_status_idx on deliveries (flow_id, status)
  where status in ('scheduled', 'pending', 'deferred');
create index deliveries_unknown_idx on deliveries (updated_at)
  where status = 'unknown';

-- Which worker opened an Attempt (so a dead worker's open Attempts can be
-- found), the provider's error message, and the error's class.
alter table attempts add column worker_id text;
alter table attempts add column error_message text;
alter table attempts add column error_class text;
create index attempts_open_idx on attempts (started_at) where outcome = 'open';
create index attempts_provider_idx
  on attempts (channel, provider_message_id)
  where provider_message_id is not null;

-- State history entries may carry details (provider status, fallbacks).
alter table delivery_events add column details jsonb;

-- Messages customers sent us, on any channel. A later Conversation view
-- threads these with outbound messages per (customer, channel).
create table inbound_messages (
  id bigint generated always as identity primary key,
  customer_id text references customers (id) on delete set null,
  channel text not null,
  from_address text not null,
  to_address text,
  provider_message_id text not null,
  body text not null,
  keyword text,
  reply_body text,
  replied_at timestamptz,
  raw jsonb not null,
  received_at timestamptz not null default now(),
  unique (channel, provider_message_id)
);
create index inbound_messages_customer_idx
  on inbound_messages (customer_id, channel, received_at desc);

create index customers_phone_idx on customers (phone);
create index customers_whatsapp_idx on customers (whatsapp_id);
create index customers_messenger_idx on customers (messenger_psid);

-- Channels a Delivery failed on for good; failover skips them.
alter table deliveries add column failed_channels text[] not null default '{}';
