// The dashboard's and the reports' data as the screens load them. The shapes the server answers
// are declared once, in src/domain/api/ (dashboard.ts, reports.ts, jobs.ts), for the server and
// this module alike.
import type { DashboardData, UnitData } from "../../../domain/api/dashboard.ts";
import type { JobView } from "../../../domain/api/jobs.ts";
import type { ReportList, ReportOptions, ReportStarted, WorkResultsStarted } from "../../../domain/api/reports.ts";
import type { ConclusionBody, WorkResultsBody } from "../../../domain/api/reports-input.ts";
import type { Outcome } from "../../../domain/directives.ts";
import { api, query } from "../../api/client.ts";

export const DASHBOARD_PATH = "/dieu-hanh";
export const REPORTS_PATH = "/bao-cao";
export const unitPath = (unitId: string, period: string, asOf?: string) => `${DASHBOARD_PATH}/don-vi/${unitId}${query({ ky: period, ngay: asOf })}`;
/** A directive's page in the follow-up section (src/web/pages/directives). */
export const directivePath = (id: string) => `/nhiem-vu/${id}`;

/** The outcomes in the order the screens show them (not yet due before overdue), with their short names. */
export const OUTCOMES: readonly Outcome[] = ["done_on_time", "done_late", "not_due", "overdue", "suspended"];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành trễ hạn",
  not_due: "Đang thực hiện, chưa đến hạn",
  overdue: "Quá hạn",
  suspended: "Tạm hoãn",
};
export const OUTCOME_COLORS: Record<Outcome, string> = {
  done_on_time: "#389e0d",
  done_late: "#d48806",
  not_due: "#1677ff",
  overdue: "#cf1322",
  suspended: "#8c8c8c",
};
export const OUTCOME_TAGS: Record<Outcome, string> = { done_on_time: "green", done_late: "gold", not_due: "blue", overdue: "red", suspended: "default" };

export const STATUS_LABELS: Record<string, string> = {
  not_started: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  awaiting_confirmation: "Chờ xác nhận hoàn thành",
  done: "Hoàn thành",
  suspended: "Tạm hoãn",
};

export const TARGET_STATUS_LABELS: Record<string, string> = { exceeded: "Vượt", met: "Đạt", behind: "Chưa đạt", not_assessable: "Chưa đủ điều kiện đánh giá" };
export const TARGET_STATUS_COLORS: Record<string, string> = { exceeded: "#389e0d", met: "#1677ff", behind: "#cf1322", not_assessable: "#bfbfbf" };

export const loadDashboard = (period: string | undefined, asOf: string | undefined, signal?: AbortSignal) =>
  api.get<DashboardData>(`/api/dashboard${query({ period, asOf })}`, { signal });

export const loadUnit = (unitId: string, period: string | undefined, asOf: string | undefined, signal?: AbortSignal) =>
  api.get<UnitData>(`/api/dashboard/units/${unitId}${query({ period, asOf })}`, { signal });

// ---------------------------------------------------------------------------
// Reports

export const loadReportOptions = (signal?: AbortSignal) => api.get<ReportOptions>("/api/reports/options", { signal });
export const loadReports = (signal?: AbortSignal) => api.get<ReportList>("/api/reports", { signal });
export const startWorkResults = (body: WorkResultsBody) => api.post<WorkResultsStarted>("/api/reports/work-results", body);
export const startConclusion = (body: ConclusionBody) => api.post<ReportStarted>("/api/reports/conclusion", body);
export const loadJob = (id: string, signal?: AbortSignal) => api.get<JobView>(`/api/jobs/${id}`, { signal });
