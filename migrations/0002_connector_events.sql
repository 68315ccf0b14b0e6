-- Connectors: how a source system's entities map onto Herald's object
-- types, and the source events Herald recorded instead of applying.

-- One mapping per (connector, source entity). `fields` maps a source field
-- (a compound component as `Compound.Component`) to a field of the object
-- type; a null target drops the source field on purpose. `customer_field`
-- names the source field holding the Customer's external id; null means
-- the object type's own customer field, after mapping.
create table connector_mappings (
  connector text not null,
  entity text not null,
  object_type text not null references object_types (name),
  fields jsonb not null default '{}',
  customer_field text,
  unmapped_fields text not null default 'keep'
    check (unmapped_fields in ('keep', 'ignore')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (connector, entity)
);

-- Source events that name records but carry no values to apply: Salesforce
-- gap and overflow events, and events whose record ids are a wildcard.
-- They are kept so an operator can fetch those records from the source.
create table connector_events (
  id bigint generated always as identity primary key,
  connector text not null,
  entity text not null,
  change_type text not null,
  record_ids text[] not null,
  commit_timestamp timestamptz,
  replay_id text,
  header jsonb not null,
  received_at timestamptz not null default now()
);
create index connector_events_received_idx
  on connector_events (connector, received_at desc);
