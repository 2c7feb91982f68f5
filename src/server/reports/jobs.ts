import type { ReportFormat, ReportKind } from "../../domain/api/reports.ts";
import { recordAudit } from "../audit/audit.ts";
import type { Db } from "../db/schema.ts";
import { storeFile } from "../files/files.ts";
import { newId } from "../ids.ts";
import { registerJobHandler } from "../jobs/queue.ts";
import { generateConclusion, generateWorkResults, type GeneratedFile } from "./generate.ts";

// Drafting a report runs as a background job: the browser shows its progress and offers the
// file when it is done (GET /api/jobs/:id, …/download). The file, the report's record and an
// audit entry are written in one transaction.

export const WORK_RESULTS_JOB = "report.work-results";
export const CONCLUSION_JOB = "report.conclusion";

export interface WorkResultsPayload {
  period: string;
  asOf: string;
  format: ReportFormat;
  userId: string | null;
  userName: string | null;
}

export interface ConclusionPayload {
  paperId?: string;
  directiveIds?: string[];
  subject?: string;
  meetingDate?: string;
  format: ReportFormat;
  userId: string | null;
  userName: string | null;
}

export interface ReportResult {
  fileId: string;
  reportId: string;
  name: string;
  fingerprint: string | null;
}

/** Stores a drafted report: its file, its record and the audit entry, together. */
export async function saveReport(
  db: Db,
  provinceId: number,
  file: GeneratedFile,
  meta: { kind: ReportKind; title: string; format: ReportFormat; params: Record<string, unknown>; jobId: string | null; userId: string | null; userName: string | null },
): Promise<ReportResult> {
  return db.transaction().execute(async (tx) => {
    const stored = await storeFile(tx, provinceId, { name: file.name, mime: file.mime, bytes: file.bytes, createdBy: meta.userId });
    const reportId = newId();
    await tx
      .insertInto("reports")
      .values({
        province_id: provinceId,
        id: reportId,
        kind: meta.kind,
        title: meta.title,
        period: file.period,
        as_of: file.asOf,
        format: meta.format,
        params: JSON.stringify(meta.params),
        job_id: meta.jobId,
        file_id: stored.id,
        file_name: file.name,
        fingerprint: file.fingerprint,
        created_by: meta.userId,
      })
      .execute();
    await recordAudit(tx, {
      provinceId,
      actor: meta.userId ? { id: meta.userId, name: meta.userName ?? "" } : { id: null, name: "Công việc nền" },
      action: "report.generate",
      objectType: "report",
      objectId: reportId,
      after: { kind: meta.kind, title: meta.title, format: meta.format, ...meta.params, file: file.name, size: stored.size, sha256: stored.sha256, fingerprint: file.fingerprint },
    });
    return { fileId: stored.id, reportId, name: file.name, fingerprint: file.fingerprint };
  });
}

registerJobHandler(WORK_RESULTS_JOB, async (ctx) => {
  const p = ctx.payload as WorkResultsPayload;
  const file = await generateWorkResults(ctx.db, { provinceId: ctx.provinceId, period: p.period, asOf: p.asOf, format: p.format, progress: ctx.progress });
  await ctx.progress(0.95, "Đang lưu tệp …");
  return saveReport(ctx.db, ctx.provinceId, file, {
    kind: "work_results",
    title: file.name.replace(/\.\w+$/, ""),
    format: p.format,
    params: { period: p.period, asOf: p.asOf },
    jobId: ctx.jobId,
    userId: p.userId,
    userName: p.userName,
  });
});

registerJobHandler(CONCLUSION_JOB, async (ctx) => {
  const p = ctx.payload as ConclusionPayload;
  const file = await generateConclusion(ctx.db, { provinceId: ctx.provinceId, paperId: p.paperId, directiveIds: p.directiveIds, subject: p.subject, meetingDate: p.meetingDate, format: p.format, progress: ctx.progress });
  await ctx.progress(0.95, "Đang lưu tệp …");
  return saveReport(ctx.db, ctx.provinceId, file, {
    kind: "conclusion",
    title: file.name.replace(/\.\w+$/, ""),
    format: p.format,
    params: { paperId: p.paperId ?? null, directiveIds: p.directiveIds ?? null, subject: p.subject ?? null, meetingDate: p.meetingDate ?? null },
    jobId: ctx.jobId,
    userId: p.userId,
    userName: p.userName,
  });
});
