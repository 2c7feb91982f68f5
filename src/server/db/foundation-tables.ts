// Tables of the foundation: provinces (tenants), the dated organisation tree,
// users and sessions, the audit log, stored files and jobs. Every table but
// `provinces` leads with province_id so that data can be distributed by province.

import type { ColumnType, Generated } from "kysely";
import type { DateString, Json, Timestamp, TimestampNullable, TimestampRequired } from "./column-types.ts";

export interface ProvincesTable {
  id: number;
  code: string;
  name: string;
  created_at: Timestamp;
}

export interface UnitsTable {
  province_id: number;
  id: string;
  code: string;
  created_at: Timestamp;
}

export interface UnitVersionsTable {
  province_id: number;
  unit_id: string;
  valid_from: DateString;
  valid_to: DateString | null;
  parent_id: string | null;
  kind: string;
  name: string;
  short_name: string | null;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface UnitChangesTable {
  province_id: number;
  id: string;
  effective: DateString;
  kind: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface UnitChangeUnitsTable {
  province_id: number;
  change_id: string;
  unit_id: string;
  role: "from" | "to";
}

export interface UsersTable {
  province_id: number;
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  role: string;
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: TimestampNullable;
  disabled_at: TimestampNullable;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface UserUnitsTable {
  province_id: number;
  user_id: string;
  unit_id: string;
}

export interface SessionsTable {
  province_id: number;
  /** SHA-256 of the secret half of the cookie; the secret itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: TimestampRequired;
  ended_at: TimestampNullable;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  province_id: number;
  seq: ColumnType<number, number, never>;
  at: ColumnType<Date, string, never>;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  reason: string | null;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  province_id: number;
  seq: number;
  hash: string;
}

export interface FilesTable {
  province_id: number;
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_by: string | null;
  created_at: Timestamp;
}

export interface JobsTable {
  province_id: number;
  id: string;
  kind: string;
  payload: Json<unknown>;
  status: "queued" | "running" | "done" | "failed";
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: TimestampNullable;
  progress: Generated<number>;
  message: string | null;
  result: Json<unknown> | null;
  error: string | null;
  dedupe_key: string | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: TimestampNullable;
}

export interface FoundationTables {
  provinces: ProvincesTable;
  units: UnitsTable;
  unit_versions: UnitVersionsTable;
  unit_changes: UnitChangesTable;
  unit_change_units: UnitChangeUnitsTable;
  users: UsersTable;
  user_units: UserUnitsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  files: FilesTable;
  jobs: JobsTable;
}
