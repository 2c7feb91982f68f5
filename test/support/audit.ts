import { sql } from "kysely";
import type { Queryable } from "../../src/server/db/schema.ts";

/** Changes one audit row behind the application's back, as a table owner could: the chain must notice. */
export async function tamperAuditRow(db: Queryable, provinceId: number, seq: number, action: string): Promise<void> {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  try {
    await sql`update audit_log set action = ${action} where province_id = ${provinceId} and seq = ${seq}`.execute(db);
  } finally {
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  }
}
