import type { Kysely } from "kysely";
import { runSqlScript } from "../sql-script.ts";

// Reports and the leaders' dashboard.
//
// - reports: every report drafted (work results of a period, a conclusion notice), with the
//   parameters it was made from, the stored file, and the fingerprint of its data.
// - dashboard_overdue_spans: for the month-by-month trend of overdue work. Each state row of
//   work owed is overdue on the days [start, end) — from the day after its last day (or from
//   its first day, when it waits for confirmation having asked late) until the next state —
//   and so at the month-ends from month_end(start) up to, not including, month_end(end). Rows
//   with the same span are counted together, so the overdue work at every month's end of a
//   year is one sum over a few hundred rows per province instead of a scan of the states per
//   month. A trigger on directive_states keeps it right in the transaction of every change,
//   whatever code path writes the states; nothing is recomputed by a batch. It lives in the
//   schema "derived", which backups leave out: a restore rebuilds it as the states come back.
//   (A second aggregate, today's directives by unit, status and last day, was measured at
//   national scale and read no faster than directive_states' partial index: it was dropped.)

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

-- Overdue work by month: each state row is overdue on the days [start, end) — from the day after its
-- last day (or from its first day, when it waited for confirmation having asked late) until the next
-- state — and so at the month-ends from month_end(start) up to, not including, month_end(end). Rows
-- with the same span are counted together; a trend over months reads a handful of rows per province.
create schema if not exists derived;
create table derived.dashboard_overdue_spans (
  province_id integer not null,
  -- The first month-end the work is overdue at, and the first it no longer is ('infinity': still open).
  from_month date not null,
  to_month date not null,
  n integer not null,
  primary key (province_id, from_month, to_month)
);

create function dashboard_month_end(d date) returns date
language sql immutable as $$ select (date_trunc('month', d) + interval '1 month' - interval '1 day')::date $$;

create function dashboard_overdue_span_add(p integer, vf date, vt date, st text, due date, asked date, delta integer) returns void
language plpgsql as $$
declare
  s date;
  fe date;
  le date;
begin
  if st in ('not_started', 'in_progress') and due is not null then
    s := greatest(vf, due + 1);
  elsif st = 'awaiting_confirmation' and asked > due then
    s := vf;
  else
    return;
  end if;
  if vt is not null and s >= vt then
    return;
  end if;
  fe := dashboard_month_end(s);
  le := case when vt is null then 'infinity'::date else dashboard_month_end(vt) end;
  if fe >= le then
    return;
  end if;
  insert into derived.dashboard_overdue_spans as t (province_id, from_month, to_month, n) values (p, fe, le, delta)
  on conflict (province_id, from_month, to_month) do update set n = t.n + excluded.n;
end $$;

create function dashboard_directive_track() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and not old.is_part then
    perform dashboard_overdue_span_add(old.province_id, old.valid_from, old.valid_to, old.status, old.due_on, old.requested_on, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and not new.is_part then
    perform dashboard_overdue_span_add(new.province_id, new.valid_from, new.valid_to, new.status, new.due_on, new.requested_on, 1);
  end if;
  return null;
end $$;

create trigger directive_states_dashboard after insert or update or delete on directive_states
  for each row execute function dashboard_directive_track();

-- Emptying the states empties what is derived from them.
create function dashboard_directive_truncated() returns trigger
language plpgsql as $$
begin
  truncate derived.dashboard_overdue_spans;
  return null;
end $$;

create trigger directive_states_dashboard_truncate after truncate on directive_states
  for each statement execute function dashboard_directive_truncated();

select dashboard_overdue_span_add(province_id, valid_from, valid_to, status, due_on, requested_on, 1) from directive_states where not is_part;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop trigger directive_states_dashboard_truncate on directive_states;
drop function dashboard_directive_truncated();
drop trigger directive_states_dashboard on directive_states;
drop function dashboard_directive_track();
drop function dashboard_overdue_span_add(integer, date, date, text, date, date, integer);
drop function dashboard_month_end(date);
drop table derived.dashboard_overdue_spans;
drop schema derived;
drop table reports;
`,
  );
}
