import type { Kysely } from "kysely";
import { runSqlScript } from "../sql-script.ts";

// Papers (văn bản) and what was read from them. A paper is uploaded, its structure is
// extracted, the office reviews and corrects it, then confirms: the confirmed items are
// kept here, each with its place (span) in the paper's text, and later become tracked
// directives (nhiệm vụ) and target figures. A classified paper (Mật and above) is only
// registered — number, date, title, recipients — without file or text.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table papers (
  province_id integer not null references provinces (id),
  id uuid not null,
  kind text,
  symbol text,
  issued_on date,
  title text,
  issuer text,
  signer_name text,
  signer_position text,
  classification text not null default 'none' check (classification in ('none', 'Mật', 'Tối mật', 'Tuyệt mật')),
  recipients text,
  file_id uuid,
  file_name text,
  text text,
  -- The extractor's raw result, kept to compare with what the office confirmed.
  extraction jsonb,
  warnings text[] not null default '{}',
  status text not null default 'review' check (status in ('review', 'confirmed', 'archived')),
  created_by uuid,
  created_at timestamptz not null default now(),
  confirmed_by uuid,
  confirmed_at timestamptz,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (province_id, id),
  foreign key (province_id, file_id) references files (province_id, id),
  check (classification = 'none' or (file_id is null and text is null))
);
create index papers_symbol on papers (province_id, symbol);
create index papers_issued on papers (province_id, issued_on);

-- The directives of a paper as the office confirmed them (order = position in the paper).
create table paper_directives (
  province_id integer not null,
  paper_id uuid not null,
  id uuid not null,
  position integer not null,
  ordinal text not null,
  text text not null,
  -- [{ "name": "Sở Tài chính", "unitId": "…" | null }]
  leads jsonb not null default '[]',
  partners jsonb not null default '[]',
  deadline date,
  deadline_text text,
  span_start integer,
  span_end integer,
  primary key (province_id, id),
  foreign key (province_id, paper_id) references papers (province_id, id)
);
create index paper_directives_paper on paper_directives (province_id, paper_id, position);

-- Quantitative facts (chỉ số) read from a paper.
create table paper_facts (
  province_id integer not null,
  paper_id uuid not null,
  id uuid not null,
  position integer not null,
  label text not null,
  value double precision not null,
  unit text not null,
  plan_percent double precision,
  change_percent double precision,
  period text,
  text text not null,
  span_start integer,
  span_end integer,
  primary key (province_id, id),
  foreign key (province_id, paper_id) references papers (province_id, id)
);
create index paper_facts_paper on paper_facts (province_id, paper_id, position);

-- Papers cited by a paper; linked to the cited paper when it is stored too.
create table paper_references (
  province_id integer not null,
  paper_id uuid not null,
  id uuid not null,
  position integer not null,
  symbol text,
  kind text,
  cited_on date,
  issuer text,
  text text not null,
  cited_paper_id uuid,
  span_start integer,
  span_end integer,
  primary key (province_id, id),
  foreign key (province_id, paper_id) references papers (province_id, id),
  foreign key (province_id, cited_paper_id) references papers (province_id, id)
);
create index paper_references_paper on paper_references (province_id, paper_id, position);
create index paper_references_symbol on paper_references (province_id, symbol);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, "drop table paper_references; drop table paper_facts; drop table paper_directives; drop table papers;");
}
