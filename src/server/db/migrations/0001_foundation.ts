import type { Kysely } from "kysely";
import { runSqlScript } from "../sql-script.ts";

// Written as plain SQL so it reads like what the database runs. It must run on
// PostgreSQL 15 (production) and on PGlite (PostgreSQL 18 in WebAssembly).

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table provinces (
  id integer primary key,
  code text not null unique,
  name text not null,
  created_at timestamptz not null default now()
);

create table units (
  province_id integer not null references provinces (id),
  id uuid not null,
  code text not null,
  created_at timestamptz not null default now(),
  primary key (province_id, id),
  unique (province_id, code)
);

-- One row per period of a unit's life during which its name, kind and parent held.
-- [valid_from, valid_to) is half-open; valid_to null means "still so".
create table unit_versions (
  province_id integer not null,
  unit_id uuid not null,
  valid_from date not null,
  valid_to date,
  parent_id uuid,
  kind text not null,
  name text not null,
  short_name text,
  aliases text[] not null default '{}',
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (province_id, unit_id, valid_from),
  foreign key (province_id, unit_id) references units (province_id, id),
  foreign key (province_id, parent_id) references units (province_id, id),
  check (valid_to is null or valid_to > valid_from),
  check (parent_id is null or parent_id <> unit_id)
);
create index unit_versions_as_of on unit_versions (province_id, valid_from, valid_to);
create index unit_versions_parent on unit_versions (province_id, parent_id);

-- A unit's versions never overlap.
create function unit_versions_no_overlap() returns trigger language plpgsql as $$
begin
  if exists (
    select 1 from unit_versions v
    where v.province_id = new.province_id and v.unit_id = new.unit_id and v.valid_from <> new.valid_from
      and (v.valid_to is null or new.valid_from < v.valid_to)
      and (new.valid_to is null or v.valid_from < new.valid_to)
  ) then
    raise exception 'unit % has overlapping versions', new.unit_id using errcode = '23P01';
  end if;
  return new;
end $$;
create trigger unit_versions_no_overlap before insert or update on unit_versions
  for each row execute function unit_versions_no_overlap();

-- Renames, merges, splits, moves and abolitions, with the units on each side.
create table unit_changes (
  province_id integer not null references provinces (id),
  id uuid not null,
  effective date not null,
  kind text not null,
  note text,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (province_id, id)
);
create table unit_change_units (
  province_id integer not null,
  change_id uuid not null,
  unit_id uuid not null,
  role text not null check (role in ('from', 'to')),
  primary key (province_id, change_id, role, unit_id),
  foreign key (province_id, change_id) references unit_changes (province_id, id),
  foreign key (province_id, unit_id) references units (province_id, id)
);
create index unit_change_units_unit on unit_change_units (province_id, unit_id);

create table users (
  province_id integer not null references provinces (id),
  id uuid not null,
  username text not null,
  full_name text not null,
  email text,
  role text not null,
  password_hash text not null,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (province_id, id)
);
-- Login names are unique in the deployment so that a login needs no province.
create unique index users_username on users (lower(username));

create table user_units (
  province_id integer not null,
  user_id uuid not null,
  unit_id uuid not null,
  primary key (province_id, user_id, unit_id),
  foreign key (province_id, user_id) references users (province_id, id),
  foreign key (province_id, unit_id) references units (province_id, id)
);
create index user_units_unit on user_units (province_id, unit_id);

create table sessions (
  province_id integer not null,
  id text not null,
  user_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  ip text,
  user_agent text,
  primary key (province_id, id),
  foreign key (province_id, user_id) references users (province_id, id)
);

-- The audit trail: append-only and hash-chained per province. Each row's hash is
-- SHA-256 over the previous row's hash and this row's canonical content.
create table audit_log (
  province_id integer not null references provinces (id),
  seq bigint not null,
  at timestamptz not null,
  actor_id uuid,
  actor_name text,
  action text not null,
  object_type text not null,
  object_id text,
  before jsonb,
  after jsonb,
  reason text,
  ip text,
  user_agent text,
  prev_hash text not null,
  hash text not null,
  primary key (province_id, seq)
);
create index audit_log_object on audit_log (province_id, object_type, object_id);
create table audit_heads (
  province_id integer primary key references provinces (id),
  seq bigint not null,
  hash text not null
);
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = '42501';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

create table files (
  province_id integer not null references provinces (id),
  id uuid not null,
  name text not null,
  mime text not null,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (province_id, id)
);

-- Background work (reminders, reports, imports), claimed with FOR UPDATE SKIP LOCKED
-- so several server processes never run the same job twice.
create table jobs (
  province_id integer not null references provinces (id),
  id uuid not null,
  kind text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  locked_by text,
  locked_until timestamptz,
  progress real not null default 0,
  message text,
  result jsonb,
  error text,
  dedupe_key text,
  created_by uuid,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (province_id, id)
);
create unique index jobs_dedupe on jobs (province_id, dedupe_key) where dedupe_key is not null;
create index jobs_due on jobs (status, run_at);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop table jobs; drop table files;
drop table audit_heads; drop table audit_log; drop function audit_log_append_only;
drop table sessions; drop table user_units; drop table users;
drop table unit_change_units; drop table unit_changes;
drop table unit_versions; drop function unit_versions_no_overlap;
drop table units; drop table provinces;
`,
  );
}
