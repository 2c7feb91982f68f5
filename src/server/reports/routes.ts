import { z } from "zod";
import type { ReportList, ReportOptions, ReportStarted, WorkResultsStarted } from "../../domain/api/reports.ts";
import { ConclusionBody, WorkResultsBody } from "../../domain/api/reports-input.ts";
import { todayInVietnam } from "../../domain/format.ts";
import { periodLabel } from "../../domain/periods.ts";
import { dashboardScope, periodChoices } from "../dashboard/routes.ts";
import { fileResponse } from "../files/files.ts";
import { notFound } from "../http/errors.ts";
import { route } from "../http/route.ts";
import { enqueueJob } from "../jobs/queue.ts";
import { CONCLUSION_JOB, type ConclusionPayload, WORK_RESULTS_JOB, type WorkResultsPayload } from "./jobs.ts";

// Reports over HTTP: start drafting one (a background job: the answer names the job, whose
// progress GET /api/jobs/:id reports and whose file …/download gives), list those drafted,
// download one again, and the choices the form offers (periods, papers with directives).

const KIND_LABELS = { work_results: "Báo cáo kết quả thực hiện nhiệm vụ", conclusion: "Thông báo kết luận" } as const;

export const reportRoutes = [
  route({
    method: "post",
    path: "/api/reports/work-results",
    access: "reports.generate",
    summary: "Soạn báo cáo kết quả thực hiện nhiệm vụ của một kỳ (công việc nền)",
    tags: ["Báo cáo"],
    body: WorkResultsBody,
    handler: async (ctx, { body }): Promise<WorkResultsStarted> => {
      const { period, asOf } = dashboardScope({ period: body.period, asOf: body.asOf });
      const payload: WorkResultsPayload = { period: period.code, asOf, format: body.format, userId: ctx.user.id, userName: ctx.user.fullName };
      const jobId = await enqueueJob(ctx.db, ctx.user.provinceId, WORK_RESULTS_JOB, payload, { createdBy: ctx.user.id, maxAttempts: 1 });
      ctx.deps.notifyJobs?.();
      return { jobId, statusUrl: `/api/jobs/${jobId}`, period: period.code, periodLabel: periodLabel(period), asOf };
    },
  }),
  route({
    method: "post",
    path: "/api/reports/conclusion",
    access: "reports.generate",
    summary: "Soạn dự thảo thông báo kết luận từ các nhiệm vụ của một cuộc họp (công việc nền)",
    tags: ["Báo cáo"],
    body: ConclusionBody,
    handler: async (ctx, { body }): Promise<ReportStarted> => {
      const provinceId = ctx.user.provinceId;
      if (body.paperId) {
        const paper = await ctx.db.selectFrom("papers").select("id").where("province_id", "=", provinceId).where("id", "=", body.paperId).executeTakeFirst();
        if (!paper) throw notFound("Không tìm thấy văn bản.");
      }
      if (body.directiveIds?.length) {
        const found = await ctx.db.selectFrom("directives").select("id").where("province_id", "=", provinceId).where("id", "in", body.directiveIds).execute();
        if (found.length !== new Set(body.directiveIds).size) throw notFound("Không tìm thấy một số nhiệm vụ đã chọn.");
      }
      const payload: ConclusionPayload = { ...body, userId: ctx.user.id, userName: ctx.user.fullName };
      const jobId = await enqueueJob(ctx.db, provinceId, CONCLUSION_JOB, payload, { createdBy: ctx.user.id, maxAttempts: 1 });
      ctx.deps.notifyJobs?.();
      return { jobId, statusUrl: `/api/jobs/${jobId}` };
    },
  }),
  route({
    method: "get",
    path: "/api/reports",
    access: "reports.generate",
    summary: "Các báo cáo đã soạn (mới nhất trước)",
    tags: ["Báo cáo"],
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    handler: async (ctx, { query }): Promise<ReportList<Date>> => {
      const rows = await ctx.db
        .selectFrom("reports as r")
        .leftJoin("users as u", (j) => j.onRef("u.province_id", "=", "r.province_id").onRef("u.id", "=", "r.created_by"))
        .leftJoin("files as f", (j) => j.onRef("f.province_id", "=", "r.province_id").onRef("f.id", "=", "r.file_id"))
        .select(["r.id", "r.kind", "r.title", "r.period", "r.as_of", "r.format", "r.file_name", "r.fingerprint", "r.created_at", "r.job_id", "u.full_name", "f.size"])
        .where("r.province_id", "=", ctx.user.provinceId)
        .orderBy("r.created_at", "desc")
        .limit(query.limit)
        .execute();
      return {
        reports: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          kindLabel: KIND_LABELS[r.kind],
          title: r.title,
          period: r.period,
          asOf: r.as_of,
          format: r.format,
          fileName: r.file_name,
          size: r.size === null ? null : Number(r.size),
          fingerprint: r.fingerprint,
          createdAt: r.created_at,
          createdBy: r.full_name,
          downloadUrl: `/api/reports/${r.id}/download`,
        })),
      };
    },
  }),
  route({
    method: "get",
    path: "/api/reports/options",
    access: "reports.generate",
    summary: "Các lựa chọn khi soạn báo cáo: kỳ báo cáo, văn bản có nhiệm vụ",
    tags: ["Báo cáo"],
    query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    handler: async (ctx, { query }): Promise<ReportOptions> => {
      const today = todayInVietnam();
      const year = query.year ?? Number(today.slice(0, 4));
      const papers = await ctx.db
        .selectFrom("papers as p")
        .select(["p.id", "p.symbol", "p.title", "p.issued_on", "p.kind"])
        .select((eb) => [
          eb
            .selectFrom("directives as d")
            .select((d) => d.fn.countAll<number>().as("n"))
            .whereRef("d.province_id", "=", "p.province_id")
            .whereRef("d.paper_id", "=", "p.id")
            .where("d.parent_id", "is", null)
            .as("tracked"),
          eb
            .selectFrom("paper_directives as x")
            .select((d) => d.fn.countAll<number>().as("n"))
            .whereRef("x.province_id", "=", "p.province_id")
            .whereRef("x.paper_id", "=", "p.id")
            .as("items"),
        ])
        .where("p.province_id", "=", ctx.user.provinceId)
        .where("p.status", "=", "confirmed")
        .orderBy("p.issued_on", "desc")
        .limit(100)
        .execute();
      return {
        today,
        periods: periodChoices(year, today),
        formats: [
          { code: "docx", label: "Word (.docx)" },
          { code: "pdf", label: "PDF" },
          { code: "xlsx", label: "Bảng số liệu Excel (.xlsx)" },
        ],
        papers: papers
          .map((p) => ({ id: p.id, symbol: p.symbol, title: p.title, issuedOn: p.issued_on, kind: p.kind, directives: Number(p.tracked ?? 0) || Number(p.items ?? 0) }))
          .filter((p) => p.directives > 0),
      };
    },
  }),
  route({
    method: "get",
    path: "/api/reports/:id/download",
    access: "reports.generate",
    summary: "Tải lại một báo cáo đã soạn",
    tags: ["Báo cáo"],
    params: z.strictObject({ id: z.uuid() }),
    handler: async (ctx, { params }) => {
      const row = await ctx.db.selectFrom("reports").select(["file_id"]).where("province_id", "=", ctx.user.provinceId).where("id", "=", params.id).executeTakeFirst();
      if (!row?.file_id) throw notFound("Không tìm thấy báo cáo.");
      return fileResponse(ctx.db, ctx.user.provinceId, row.file_id);
    },
  }),
];
