// What the reports API answers (src/server/reports/routes.ts), declared once for the server,
// which returns these types, and the browser (the report dialog and the reports list, through
// src/web/pages/dashboard/api.ts), which reads them. Drafting runs as a background job, whose
// progress is a JobView (src/domain/api/jobs.ts).
//
// Instants are the type parameter `At`: the server reads them as Dates (`At = Date`), which JSON
// writes as ISO strings, what the browser reads (`At = string`, the default).

/** What a report can be written as. */
export const REPORT_FORMATS = ["docx", "pdf", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The papers drafted: a period's work results, a meeting's conclusion notice. */
export type ReportKind = "work_results" | "conclusion";

/** GET /api/reports/options: what the form offers. */
export interface ReportOptions {
  today: string;
  periods: { code: string; label: string }[];
  formats: { code: ReportFormat; label: string }[];
  /** Confirmed papers with directives, for a conclusion notice. */
  papers: { id: string; symbol: string | null; title: string | null; issuedOn: string | null; kind: string | null; directives: number }[];
}

/** A report drafted before. */
export interface ReportRow<At = string> {
  id: string;
  kind: ReportKind;
  kindLabel: string;
  title: string;
  period: string | null;
  asOf: string | null;
  format: ReportFormat;
  fileName: string | null;
  size: number | null;
  fingerprint: string | null;
  createdAt: At;
  createdBy: string | null;
  downloadUrl: string;
}

/** GET /api/reports: the reports drafted, newest first. */
export interface ReportList<At = string> {
  reports: ReportRow<At>[];
}

/** POST /api/reports/conclusion: the job drafting it. */
export interface ReportStarted {
  jobId: string;
  statusUrl: string;
}

/** POST /api/reports/work-results: the job drafting it, for the period and cut-off it will read. */
export interface WorkResultsStarted extends ReportStarted {
  period: string;
  periodLabel: string;
  asOf: string;
}
