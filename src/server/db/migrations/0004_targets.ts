import type { Kysely } from "kysely";
import { runSqlScript } from "../sql-script.ts";

// Targets (chỉ tiêu): the resolutions and programmes that set them, the targets with their
// plans, the figures the owner units report period by period, and the office's requests for an
// explanation. `target_assessments` holds, per target and period, what the rules in
// src/domain/targets.ts conclude (actual, % of plan, change on last year, status, forecasts):
// it is rewritten in the same transaction as every change of a figure, plan or target, so a
// resolution's table for a period and its summary are each one indexed query.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table resolutions (
  province_id integer not null references provinces (id),
  id uuid not null,
  -- congress: the congress resolution of a term; yearly_resolution / yearly_programme: one year's.
  kind text not null check (kind in ('congress', 'yearly_resolution', 'yearly_programme')),
  symbol text,
  title text not null,
  -- The term ("2020-2025") a congress resolution sets targets for; a yearly one's year.
  term text,
  year integer,
  issued_on date,
  paper_id uuid,
  note text,
  archived_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (province_id, id),
  foreign key (province_id, paper_id) references papers (province_id, id),
  check ((kind = 'congress' and term is not null and year is null) or (kind <> 'congress' and year is not null and term is null))
);
create index resolutions_year on resolutions (province_id, year, term);

create table targets (
  province_id integer not null,
  resolution_id uuid not null,
  id uuid not null,
  code text not null,
  name text not null,
  -- Unit of measure (đơn vị tính): "tỷ đồng", "%", "đảng viên" …
  measure_unit text not null,
  direction text not null check (direction in ('increase', 'decrease', 'threshold')),
  threshold double precision,
  accumulates boolean not null,
  term_basis text not null check (term_basis in ('sum', 'end', 'average')),
  -- Kinds of period the target is measured in: month, quarter, half, nine_months, year.
  period_kinds text[] not null,
  owner_unit_id uuid,
  position integer not null,
  note text,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (province_id, id),
  foreign key (province_id, resolution_id) references resolutions (province_id, id),
  foreign key (province_id, owner_unit_id) references units (province_id, id),
  check (direction <> 'threshold' or threshold is not null)
);
create unique index targets_code on targets (province_id, resolution_id, code);
create index targets_resolution on targets (province_id, resolution_id, position);
create index targets_owner on targets (province_id, owner_unit_id);

-- Plans: one per year ("2024") and one for the term ("2020-2025").
create table target_plans (
  province_id integer not null,
  target_id uuid not null,
  period text not null,
  value double precision not null,
  primary key (province_id, target_id, period),
  foreign key (province_id, target_id) references targets (province_id, id)
);

-- Figures reported for a period: an estimate (ước) and the official figure are kept apart.
create table target_values (
  province_id integer not null,
  id uuid not null,
  target_id uuid not null,
  period text not null,
  basis text not null check (basis in ('estimate', 'official')),
  value double precision not null,
  source text,
  cutoff_on date,
  note text,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved')),
  return_note text,
  -- A figure taken from a confirmed paper keeps the paper and the fact it came from.
  paper_id uuid,
  paper_fact_id uuid,
  entered_by uuid,
  submitted_by uuid,
  submitted_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (province_id, id),
  unique (province_id, target_id, period, basis),
  foreign key (province_id, target_id) references targets (province_id, id),
  foreign key (province_id, paper_id) references papers (province_id, id),
  foreign key (province_id, paper_fact_id) references paper_facts (province_id, id)
);
create index target_values_status on target_values (province_id, status, updated_at);

-- What the rules conclude for each target and period, kept fresh on every write.
create table target_assessments (
  province_id integer not null,
  resolution_id uuid not null,
  period text not null,
  target_id uuid not null,
  actual double precision,
  actual_basis text,
  actual_from text[],
  plan double precision,
  expected_share double precision,
  share_method text,
  expected double precision,
  percent_of_plan double precision,
  ratio double precision,
  last_year double precision,
  change double precision,
  change_kind text not null,
  status text not null check (status in ('exceeded', 'met', 'behind', 'not_assessable')),
  reason text,
  forecast_year double precision,
  forecast_year_method text,
  likelihood_year text,
  forecast_term double precision,
  likelihood_term text,
  -- Figures of this period waiting for the office's approval.
  pending integer not null default 0,
  computed_at timestamptz not null default now(),
  primary key (province_id, resolution_id, period, target_id),
  foreign key (province_id, target_id) references targets (province_id, id)
);
create index target_assessments_target on target_assessments (province_id, target_id);

-- The office asks the owner of a lagging target to explain (yêu cầu giải trình); the unit answers.
create table target_explanations (
  province_id integer not null,
  id uuid not null,
  target_id uuid not null,
  period text not null,
  unit_id uuid,
  message text not null,
  due_on date,
  status text not null default 'open' check (status in ('open', 'answered', 'closed')),
  requested_by uuid,
  requested_at timestamptz not null default now(),
  answer text,
  answered_by uuid,
  answered_at timestamptz,
  closed_by uuid,
  closed_at timestamptz,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (province_id, id),
  foreign key (province_id, target_id) references targets (province_id, id),
  foreign key (province_id, unit_id) references units (province_id, id)
);
create index target_explanations_target on target_explanations (province_id, target_id, requested_at);
create index target_explanations_unit on target_explanations (province_id, unit_id, status);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    "drop table target_explanations; drop table target_assessments; drop table target_values; drop table target_plans; drop table targets; drop table resolutions;",
  );
}
