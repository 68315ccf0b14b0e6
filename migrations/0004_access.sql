-- Access: people who sign in, their sessions, API tokens for integrations,
-- and the append-only audit log of who changed what.

-- A person. `role` decides what the server lets them do; the password is
-- kept only as a scrypt hash with its salt and cost (see password-hasher).
create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text,
  role text not null check (role in ('admin', 'business', 'agent')),
  password_hash text not null,
  disabled boolean not null default false,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_idx on users (lower(email));

-- A signed-in browser. The cookie holds a random secret; only its SHA-256
-- is stored, so a database read gives nobody a session.
create table sessions (
  id_sha256 text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index sessions_user_idx on sessions (user_id);

-- An integration's bearer token, shown once at creation. `scope` works
-- like a role: admin, business, agent, or ingest (records, customers,
-- connectors only).
create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  scope text not null check (scope in ('admin', 'business', 'agent', 'ingest')),
  token_sha256 text not null unique,
  prefix text not null,
  created_by text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Who did what, append-only: the trigger below refuses updates and
-- deletes. Entries name people and things by id and never hold secrets or
-- a Customer's personal data.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_kind text not null check (actor_kind in ('user', 'token', 'system')),
  actor_id text,
  actor_name text,
  action text not null,
  subject_type text,
  subject_id text,
  summary text not null,
  details jsonb not null default '{}',
  address text
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_action_idx on audit_log (action, at desc);
create index audit_log_subject_idx on audit_log (subject_type, subject_id);

create function audit_log_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_append_only
  before update or delete on audit_log
  for each row execute function audit_log_append_only();
