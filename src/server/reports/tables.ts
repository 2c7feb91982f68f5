import type { ColumnType } from "kysely";
import type { ReportFormat, ReportKind } from "../../domain/api/reports.ts";
import type { DateString, Json, Timestamp } from "../db/column-types.ts";

export interface ReportsTable {
  province_id: number;
  id: string;
  kind: ReportKind;
  title: string;
  period: string | null;
  as_of: DateString | null;
  format: ReportFormat;
  params: Json<Record<string, unknown>>;
  job_id: string | null;
  file_id: string | null;
  file_name: string | null;
  fingerprint: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** Kept by a trigger on directive_states: state rows of work owed, by the month-ends they were overdue at [from_month, to_month). */
export interface DashboardOverdueSpansTable {
  province_id: number;
  from_month: ColumnType<DateString, DateString, DateString>;
  /** 'infinity' while still overdue. */
  to_month: ColumnType<DateString, DateString, DateString>;
  n: number;
}

export interface ReportTables {
  reports: ReportsTable;
  "derived.dashboard_overdue_spans": DashboardOverdueSpansTable;
}
