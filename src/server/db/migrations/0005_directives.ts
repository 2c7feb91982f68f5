import type { Kysely } from "kysely";
import { runSqlScript } from "../sql-script.ts";

// Tracked directives (nhiệm vụ) and their follow-up: who leads, who supports, by when,
// what was reported, what was asked and decided, who was urged and reminded.
//
// - directives: what the directive is (content, paper item, people, product …), edited with
//   a version like every editable row.
// - directive_states: the dated facts timeliness is computed from — status, lead unit, last
//   day in force, request and completion days — one row per period [valid_from, valid_to), as
//   the organisation tree keeps unit versions. Several changes on one day leave that day's
//   last state. The rows in force today have valid_to null; partial indexes serve them.
//   Timeliness itself (trong hạn, quá hạn …) is never stored.
// - directive_events: every change with its actor, reason and instant (the history shown
//   to users); directive_deadlines: every deadline a directive ever had.
// - directive_reminders: one row per reminder (directive, kind, threshold, last day): its
//   primary key is what makes a reminder go out once however many processes scan.
// - notifications (in-app) and mail_outbox (e-mail, sent by a job that claims rows with
//   FOR UPDATE SKIP LOCKED), each with a unique key.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table directives (
  province_id integer not null references provinces (id),
  id uuid not null,
  paper_id uuid,
  paper_directive_id uuid,
  -- Item number as in the paper ("1", "2.3") or as given by hand.
  ordinal text,
  position integer not null default 0,
  content text not null check (length(content) between 1 and 20000),
  -- The lead unit today; its history is in directive_states.
  lead_unit_id uuid not null,
  follower_id uuid,
  leader_id uuid,
  -- The staff member a unit passed its part to.
  assignee_id uuid,
  -- The directive this one is a part of, passed down to a sub-unit or a staff member.
  parent_id uuid,
  deadline_kind text not null check (deadline_kind in ('date', 'month', 'quarter', 'recurring', 'none')),
  deadline_value text,
  expected_product text,
  priority text not null default 'normal' check (priority in ('normal', 'high', 'urgent')),
  classification text not null default 'other'
    check (classification in ('economy', 'society', 'defence', 'party_building', 'administration', 'other')),
  note text,
  source text not null check (source in ('paper', 'manual', 'import', 'delegated')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (province_id, id),
  foreign key (province_id, paper_id) references papers (province_id, id),
  foreign key (province_id, paper_directive_id) references paper_directives (province_id, id),
  foreign key (province_id, lead_unit_id) references units (province_id, id),
  foreign key (province_id, follower_id) references users (province_id, id),
  foreign key (province_id, leader_id) references users (province_id, id),
  foreign key (province_id, assignee_id) references users (province_id, id),
  foreign key (province_id, parent_id) references directives (province_id, id),
  check (paper_directive_id is null or paper_id is not null)
);
-- A paper's item is tracked once (its parts passed down are children of that one).
create unique index directives_paper_item on directives (province_id, paper_directive_id) where paper_directive_id is not null and parent_id is null;
create index directives_paper on directives (province_id, paper_id, position);
create index directives_leader on directives (province_id, leader_id);
create index directives_follower on directives (province_id, follower_id);
create index directives_assignee on directives (province_id, assignee_id) where assignee_id is not null;
create index directives_parent on directives (province_id, parent_id) where parent_id is not null;

create table directive_states (
  province_id integer not null,
  directive_id uuid not null,
  valid_from date not null,
  valid_to date,
  status text not null
    check (status in ('not_started', 'in_progress', 'awaiting_confirmation', 'done', 'suspended', 'withdrawn')),
  lead_unit_id uuid not null,
  -- Last day of the deadline in force; null for "thường xuyên" and none.
  due_on date,
  -- The day the lead unit asked for completion to be confirmed (while waiting and once done).
  requested_on date,
  completed_on date,
  -- Copied from the directive (they never change) so that the sheet and the statistics read one table.
  paper_id uuid,
  is_part boolean not null default false,
  primary key (province_id, directive_id, valid_from),
  foreign key (province_id, directive_id) references directives (province_id, id),
  foreign key (province_id, lead_unit_id) references units (province_id, id),
  check (valid_to is null or valid_to > valid_from),
  check ((status = 'done') = (completed_on is not null)),
  check ((status in ('awaiting_confirmation', 'done')) = (requested_on is not null))
);
-- Today's rows: the tracking sheet in deadline order, by unit ("Việc của tôi", statistics), by status, by paper.
create index directive_states_now_due on directive_states (province_id, due_on, directive_id) where valid_to is null;
create index directive_states_now_unit on directive_states (province_id, lead_unit_id, status, due_on)
  include (requested_on, completed_on, is_part) where valid_to is null;
create index directive_states_now_status on directive_states (province_id, status, due_on) where valid_to is null;
create index directive_states_now_paper on directive_states (province_id, paper_id, due_on) where valid_to is null and paper_id is not null;
-- Past cut-offs: the rows that began on or before the day.
create index directive_states_from on directive_states (province_id, valid_from) include (valid_to);

create table directive_partners (
  province_id integer not null,
  directive_id uuid not null,
  unit_id uuid not null,
  valid_from date not null,
  valid_to date,
  primary key (province_id, directive_id, unit_id, valid_from),
  foreign key (province_id, directive_id) references directives (province_id, id),
  foreign key (province_id, unit_id) references units (province_id, id),
  check (valid_to is null or valid_to > valid_from)
);
create index directive_partners_unit on directive_partners (province_id, unit_id) where valid_to is null;

create table directive_events (
  province_id integer not null,
  directive_id uuid not null,
  seq integer not null,
  at timestamptz not null default now(),
  -- The day in Vietnam the event counts for.
  on_date date not null,
  kind text not null,
  from_status text,
  to_status text,
  actor_id uuid,
  actor_name text,
  reason text,
  data jsonb,
  primary key (province_id, directive_id, seq),
  foreign key (province_id, directive_id) references directives (province_id, id)
);

create table directive_deadlines (
  province_id integer not null,
  directive_id uuid not null,
  seq integer not null,
  kind text not null check (kind in ('date', 'month', 'quarter', 'recurring', 'none')),
  value text,
  due_on date,
  effective_on date not null,
  -- The approved extension request that set it, if any.
  request_id uuid,
  reason text,
  set_by uuid,
  set_at timestamptz not null default now(),
  primary key (province_id, directive_id, seq),
  foreign key (province_id, directive_id) references directives (province_id, id)
);

create table directive_reports (
  province_id integer not null,
  id uuid not null,
  directive_id uuid not null,
  unit_id uuid not null,
  -- lead: the lead unit's report; partner: a supporting unit's report on its part.
  role text not null check (role in ('lead', 'partner')),
  progress integer not null check (progress between 0 and 100),
  narrative text not null,
  difficulties text,
  proposals text,
  reported_by uuid,
  reported_at timestamptz not null default now(),
  reported_on date not null,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (province_id, id),
  foreign key (province_id, directive_id) references directives (province_id, id),
  foreign key (province_id, unit_id) references units (province_id, id)
);
create index directive_reports_directive on directive_reports (province_id, directive_id, reported_at);

create table directive_report_files (
  province_id integer not null,
  report_id uuid not null,
  file_id uuid not null,
  position integer not null,
  primary key (province_id, report_id, file_id),
  foreign key (province_id, report_id) references directive_reports (province_id, id),
  foreign key (province_id, file_id) references files (province_id, id)
);

create table directive_requests (
  province_id integer not null,
  id uuid not null,
  directive_id uuid not null,
  kind text not null check (kind in ('completion', 'extension', 'suspension', 'withdrawal')),
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused', 'cancelled')),
  reason text,
  -- completion: the result the unit reports (kết quả).
  result text,
  proposed_kind text check (proposed_kind in ('date', 'month', 'quarter', 'recurring', 'none')),
  proposed_value text,
  requested_by uuid,
  requested_at timestamptz not null default now(),
  requested_on date not null,
  decided_by uuid,
  decided_at timestamptz,
  decision_reason text,
  approved_kind text check (approved_kind in ('date', 'month', 'quarter', 'recurring', 'none')),
  approved_value text,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (province_id, id),
  foreign key (province_id, directive_id) references directives (province_id, id),
  check (kind <> 'extension' or proposed_kind is not null)
);
create unique index directive_requests_pending on directive_requests (province_id, directive_id, kind) where status = 'pending';
create index directive_requests_inbox on directive_requests (province_id, status, requested_at);
create index directive_requests_directive on directive_requests (province_id, directive_id, requested_at);

-- Written urgings (đôn đốc) the office issues; one may cover several directives.
create table directive_urgings (
  province_id integer not null,
  id uuid not null,
  symbol text,
  issued_on date not null,
  content text not null,
  issued_by uuid,
  created_at timestamptz not null default now(),
  primary key (province_id, id)
);
create table directive_urging_items (
  province_id integer not null,
  urging_id uuid not null,
  directive_id uuid not null,
  primary key (province_id, urging_id, directive_id),
  foreign key (province_id, urging_id) references directive_urgings (province_id, id),
  foreign key (province_id, directive_id) references directives (province_id, id)
);
create index directive_urging_items_directive on directive_urging_items (province_id, directive_id);

-- The reminder ledger: a reminder exists once per (directive, kind, threshold, last day).
create table directive_reminders (
  province_id integer not null,
  directive_id uuid not null,
  kind text not null check (kind in ('before', 'overdue', 'escalation')),
  threshold integer not null,
  due_on date not null,
  scanned_on date not null,
  created_at timestamptz not null default now(),
  primary key (province_id, directive_id, kind, threshold, due_on),
  foreign key (province_id, directive_id) references directives (province_id, id)
);

create table notifications (
  province_id integer not null,
  id uuid not null,
  user_id uuid not null,
  kind text not null,
  title text not null,
  body text not null,
  link text,
  directive_id uuid,
  dedupe_key text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  primary key (province_id, id),
  foreign key (province_id, user_id) references users (province_id, id)
);
create unique index notifications_dedupe on notifications (province_id, dedupe_key) where dedupe_key is not null;
create index notifications_user on notifications (province_id, user_id, created_at);
create index notifications_unread on notifications (province_id, user_id) where read_at is null;

create table mail_outbox (
  province_id integer not null references provinces (id),
  id uuid not null,
  dedupe_key text not null,
  kind text not null,
  directive_id uuid,
  to_user_id uuid,
  to_address text not null,
  subject text not null,
  body_text text not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'expired')),
  attempts integer not null default 0,
  last_error text,
  claimed_by text,
  claimed_until timestamptz,
  message_id text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (province_id, id)
);
create unique index mail_outbox_dedupe on mail_outbox (province_id, dedupe_key);
create index mail_outbox_due on mail_outbox (province_id, status, created_at) where status in ('pending', 'sending');
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop table mail_outbox; drop table notifications; drop table directive_reminders;
drop table directive_urging_items; drop table directive_urgings; drop table directive_requests;
drop table directive_report_files; drop table directive_reports; drop table directive_deadlines;
drop table directive_events; drop table directive_partners; drop table directive_states; drop table directives;
`,
  );
}
