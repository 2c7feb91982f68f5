import type { ColumnType } from "kysely";
import type { DateString, Json, Timestamp } from "../db/column-types.ts";

export type ReportKind = "work_results" | "conclusion";
export type ReportFileFormat = "docx" | "pdf" | "xlsx";

export interface ReportsTable {
  province_id: number;
  id: string;
  kind: ReportKind;
  title: string;
  period: string | null;
  as_of: DateString | null;
  format: ReportFileFormat;
  params: Json<Record<string, unknown>>;
  job_id: string | null;
  file_id: string | null;
  file_name: string | null;
  fingerprint: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** Kept by a trigger on directive_states: today's directives counted by unit, status, last day, lateness, month done. */
export interface DashboardDirectiveNowTable {
  province_id: number;
  lead_unit_id: string;
  status: string;
  /** 'infinity' without a last day. */
  due_on: ColumnType<DateString, DateString, DateString>;
  late: boolean;
  /** 'infinity' while not done. */
  done_month: ColumnType<DateString, DateString, DateString>;
  n: number;
}

export interface ReportTables {
  reports: ReportsTable;
  dashboard_directive_now: DashboardDirectiveNowTable;
}
