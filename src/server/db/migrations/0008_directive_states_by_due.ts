import type { Kysely } from "kysely";
import { runSqlScript } from "../sql-script.ts";

// The tracking sheet and the statistics on a past cut-off read the states in force that day,
// which the partial indexes of today's states (valid_to is null) cannot serve. This index holds
// every state in deadline order with all the columns those queries read, so a past day's sheet
// walks it in its display order and stops after a page, and its count is an index-only scan
// (36 000 heap rows per province read through the valid_from index before: 76 ms p95 at national
// scale, bench/directives.ts).

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create index directive_states_by_due on directive_states (province_id, due_on, directive_id)
  include (valid_from, valid_to, status, is_part, lead_unit_id, paper_id, requested_on, completed_on);
-- Today's states by status and deadline, with what the timeliness filters read besides: the
-- overdue sheet and its count are a range of this index (not a pass over every state).
drop index directive_states_now_status;
create index directive_states_now_status on directive_states (province_id, status, due_on)
  include (is_part, requested_on, completed_on) where valid_to is null;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop index directive_states_by_due;
drop index directive_states_now_status;
create index directive_states_now_status on directive_states (province_id, status, due_on) where valid_to is null;
`,
  );
}
