-- Changes stored but not yet evaluated. The ingest transaction adds a row
-- per Change; a worker claims a batch (skipping rows another worker holds),
-- evaluates it and deletes the rows in the same transaction. graphile-worker
-- jobs only wake the workers up, so a lost or merged wake-up never loses a
-- Change: the rows stay until a worker has evaluated them.
create table pending_evaluations (
  change_id bigint primary key references changes (id) on delete cascade,
  queued_at timestamptz not null default now()
);

-- Due Deliveries are claimed by status and creation time.
create index deliveries_pending_idx on deliveries (created_at)
  where status = 'pending';
