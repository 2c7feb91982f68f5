import type { Kysely } from "kysely";
import { runSqlScript } from "../sql-script.ts";

// What the office has corrected while a paper is under review (its draft directives,
// facts and references, with their spans), kept on the paper until it is confirmed;
// and a folded search key (lower case, no diacritics) so that "1012-tb" or
// "ket luan 9 thang" find a paper on either engine without locale-dependent lower().

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table papers add column draft jsonb;
alter table papers add column search text not null default '';
create index papers_status on papers (province_id, status, issued_on);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, "drop index papers_status; alter table papers drop column search; alter table papers drop column draft;");
}
