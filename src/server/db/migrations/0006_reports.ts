import type { Kysely } from "kysely";
import { runSqlScript } from "../sql-script.ts";

// Reports and the leaders' dashboard.
//
// - reports: every report drafted (work results of a period, a conclusion notice), with the
//   parameters it was made from, the stored file, and the fingerprint of its data.
// - dashboard_directive_now: the directives in force today (directive_states with valid_to
//   null), counted by lead unit, status, last day of work still owed, lateness and month of
//   completion. A trigger
//   on directive_states keeps it right in the transaction of every change, whatever code path
//   writes the states, so the dashboard's "today" view reads a few hundred rows instead of
//   every directive; timeliness on a day still follows from status and last day (never stored).
//   Views of a past cut-off read directive_states itself through its covering index.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table reports (
  province_id integer not null references provinces (id),
  id uuid not null,
  kind text not null check (kind in ('work_results', 'conclusion')),
  title text not null,
  -- work_results: the period code (2024, 2024-H1, 2024-9M, 2024-Q3) and the cut-off day.
  period text,
  as_of date,
  format text not null check (format in ('docx', 'pdf', 'xlsx')),
  params jsonb not null default '{}',
  job_id uuid,
  file_id uuid,
  file_name text,
  -- Fingerprint of the data the report was drafted from: same data, same code.
  fingerprint text,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (province_id, id),
  foreign key (province_id, file_id) references files (province_id, id)
);
create index reports_created on reports (province_id, created_at desc);
create index reports_job on reports (province_id, job_id);

create table dashboard_directive_now (
  province_id integer not null,
  lead_unit_id uuid not null,
  status text not null,
  -- The last day of the deadline in force, kept for work still owed (chưa thực hiện, đang thực hiện)
  -- only — it is what makes such work overdue on a later day; 'infinity' otherwise and without one.
  due_on date not null,
  -- Done after the last day, or asked for confirmation after it.
  late boolean not null,
  -- First day of the month the work was done in; 'infinity' while not done.
  done_month date not null,
  n integer not null,
  primary key (province_id, lead_unit_id, status, due_on, late, done_month)
);

create function dashboard_directive_now_add(p integer, unit uuid, st text, due date, asked date, done date, delta integer) returns void
language plpgsql as $$
begin
  insert into dashboard_directive_now as t (province_id, lead_unit_id, status, due_on, late, done_month, n)
  values (
    p, unit, st, case when st in ('not_started', 'in_progress') and due is not null then due else 'infinity'::date end,
    coalesce((st = 'done' and done > due) or (st = 'awaiting_confirmation' and asked > due), false),
    case when st = 'done' and done is not null then date_trunc('month', done)::date else 'infinity'::date end,
    delta)
  on conflict (province_id, lead_unit_id, status, due_on, late, done_month) do update set n = t.n + excluded.n;
end $$;

create function dashboard_directive_now_track() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    if old.valid_to is null and not old.is_part then
      perform dashboard_directive_now_add(old.province_id, old.lead_unit_id, old.status, old.due_on, old.requested_on, old.completed_on, -1);
    end if;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    if new.valid_to is null and not new.is_part then
      perform dashboard_directive_now_add(new.province_id, new.lead_unit_id, new.status, new.due_on, new.requested_on, new.completed_on, 1);
    end if;
  end if;
  return null;
end $$;

create trigger directive_states_dashboard after insert or update or delete on directive_states
  for each row execute function dashboard_directive_now_track();

insert into dashboard_directive_now (province_id, lead_unit_id, status, due_on, late, done_month, n)
select province_id, lead_unit_id, status, case when status in ('not_started', 'in_progress') and due_on is not null then due_on else 'infinity'::date end,
  coalesce((status = 'done' and completed_on > due_on) or (status = 'awaiting_confirmation' and requested_on > due_on), false),
  case when status = 'done' and completed_on is not null then date_trunc('month', completed_on)::date else 'infinity'::date end,
  count(*)
from directive_states where valid_to is null and not is_part
group by 1, 2, 3, 4, 5, 6;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop trigger directive_states_dashboard on directive_states;
drop function dashboard_directive_now_track();
drop function dashboard_directive_now_add(integer, uuid, text, date, date, date, integer);
drop table dashboard_directive_now;
drop table reports;
`,
  );
}
