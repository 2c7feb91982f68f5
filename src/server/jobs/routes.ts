import { z } from "zod";
import type { JobResult, JobView } from "../../domain/api/jobs.ts";
import { fileResponse } from "../files/files.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { type RequestContext, route } from "../http/route.ts";

async function visibleJob(ctx: RequestContext, id: string) {
  const job = await ctx.db
    .selectFrom("jobs")
    .select(["id", "kind", "status", "progress", "message", "result", "error", "created_by", "created_at", "finished_at", "attempts"])
    .where("province_id", "=", ctx.user!.provinceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!job || (ctx.scope !== "province" && job.created_by !== ctx.user!.id)) throw notFound("Không tìm thấy công việc.");
  return job;
}

export const jobRoutes = [
  route({
    method: "get",
    path: "/api/jobs/:id",
    access: "jobs.read",
    summary: "Tiến độ một công việc nền (lập báo cáo, nhập dữ liệu …)",
    tags: ["Công việc nền"],
    params: z.strictObject({ id: z.uuid() }),
    handler: async (ctx, { params }): Promise<JobView<Date>> => {
      const job = await visibleJob(ctx, params.id);
      const result = job.result as JobResult | null;
      return {
        id: job.id,
        kind: job.kind,
        status: job.status,
        progress: job.progress,
        message: job.message,
        error: job.status === "failed" ? job.error : null,
        createdAt: job.created_at,
        finishedAt: job.finished_at,
        result,
        downloadUrl: result?.fileId ? `/api/jobs/${job.id}/download` : null,
      };
    },
  }),
  route({
    method: "get",
    path: "/api/jobs/:id/download",
    access: "jobs.read",
    summary: "Tải tệp kết quả của một công việc nền",
    tags: ["Công việc nền"],
    params: z.strictObject({ id: z.uuid() }),
    handler: async (ctx, { params }) => {
      const job = await visibleJob(ctx, params.id);
      const fileId = (job.result as { fileId?: string } | null)?.fileId;
      if (job.status !== "done" || !fileId) throw new HttpError(409, "not_ready", "Công việc chưa xong hoặc không tạo ra tệp.");
      return fileResponse(ctx.db, ctx.user.provinceId, fileId);
    },
  }),
];
