import type { Kysely } from "kysely";
import { runSqlScript } from "../sql-script.ts";

// A supporting unit added and removed on the same day keeps its row, closed on the day it
// opened (an empty period, never in force), instead of being deleted: nothing is hard-deleted.

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table directive_partners drop constraint directive_partners_check;
alter table directive_partners add constraint directive_partners_check check (valid_to is null or valid_to >= valid_from);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table directive_partners drop constraint directive_partners_check;
alter table directive_partners add constraint directive_partners_check check (valid_to is null or valid_to > valid_from);
`,
  );
}
