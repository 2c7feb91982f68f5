import { z } from "zod";
import type { PaperSummary, PaperUpload } from "../../domain/api/papers.ts";
import { ArchiveBody, ClassifyBody, CorrectionBody, ListQuery, paperId, RegisterBody, ReviewBody, VersionBody } from "../../domain/api/papers-input.ts";
import { fileResponse } from "../files/files.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { type RequestContext, route } from "../http/route.ts";
import { itemsDiff } from "./draft.ts";
import { readAndExtract, registerClassified, storeRead } from "./ingest.ts";
import {
  archivePaper,
  classifyPaper,
  confirmPaper,
  correctPaper,
  findPaper,
  listPapers,
  metaOf,
  paperDetail,
  type ReadAccess,
  restorePaper,
  saveReview,
  summaryOf,
} from "./queries.ts";

const TAGS = ["Văn bản"];
const idParams = z.strictObject({ id: paperId });

/**
 * The office, leaders and administrators read every paper of the province, including
 * the register of classified ones. Unit roles read the ordinary papers too — conclusions
 * and programmes are circulated to every body ("Nơi nhận: các sở, ban, ngành …") and a
 * unit needs the paper to understand its directive — but not the register of classified
 * papers, whose very titles are restricted.
 */
function readAccess(ctx: RequestContext): ReadAccess {
  return { classified: ctx.scope === "province" };
}

export const paperRoutes = [
  route({
    method: "get",
    path: "/api/papers",
    access: "papers.read",
    summary: "Danh sách văn bản: tìm theo số, trích yếu; lọc theo loại, trạng thái, ngày",
    tags: TAGS,
    query: ListQuery,
    handler: async (ctx, { query }) => listPapers(ctx.db, ctx.user.provinceId, query, readAccess(ctx)),
  }),

  route({
    method: "post",
    path: "/api/papers",
    access: "papers.upload",
    summary: "Tải lên một văn bản (.docx, .doc, .pdf, .txt): đọc, nhận diện nội dung, chờ rà soát",
    tags: TAGS,
    body: "multipart",
    handler: async (ctx): Promise<PaperUpload> => {
      const form = await ctx.hono.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw new HttpError(400, "no_file", "Hãy chọn tệp văn bản cần tải lên (.docx, .doc, .pdf, .txt).");
      const bytes = new Uint8Array(await file.arrayBuffer());
      const p = ctx.user.provinceId;
      const read = await readAndExtract(ctx.db, p, bytes, file.name, ctx.config.maxUploadBytes);
      const stored = await ctx.transaction((tx, audit) =>
        storeRead(tx, p, { bytes, fileName: file.name, mime: file.type, userId: ctx.user.id }, read, audit),
      );
      return { paper: summaryOf(stored.row), counts: stored.counts, notices: stored.notices, duplicates: stored.duplicates };
    },
  }),

  route({
    method: "post",
    path: "/api/papers/register",
    access: "papers.upload",
    summary: "Đăng ký văn bản mật (số, ngày, trích yếu, nơi nhận) mà không tải nội dung lên",
    tags: TAGS,
    body: RegisterBody,
    handler: async (ctx, { body }): Promise<{ paper: PaperSummary }> => {
      const row = await ctx.transaction((tx, audit) =>
        registerClassified(
          tx,
          ctx.user.provinceId,
          {
            classification: body.classification,
            meta: {
              kind: body.kind,
              symbol: body.symbol,
              issuedOn: body.issuedOn,
              title: body.title,
              issuer: body.issuer,
              signerName: null,
              signerPosition: null,
              recipients: body.recipients,
            },
            userId: ctx.user.id,
          },
          audit,
        ),
      );
      return { paper: summaryOf(row) };
    },
  }),

  route({
    method: "get",
    path: "/api/papers/:id",
    access: "papers.read",
    summary: "Một văn bản: thông tin, nội dung, các mục nhận diện (kèm vị trí) và đơn vị liên quan",
    tags: TAGS,
    params: idParams,
    handler: async (ctx, { params }) => paperDetail(ctx.db, ctx.user.provinceId, params.id, readAccess(ctx)),
  }),

  route({
    method: "get",
    path: "/api/papers/:id/file",
    access: "papers.read",
    summary: "Tải tệp gốc của văn bản",
    tags: TAGS,
    params: idParams,
    handler: async (ctx, { params }) => {
      const row = await findPaper(ctx.db, ctx.user.provinceId, params.id, readAccess(ctx));
      if (!row.file_id) throw notFound("Văn bản này không có tệp gốc.");
      return fileResponse(ctx.db, ctx.user.provinceId, row.file_id);
    },
  }),

  route({
    method: "put",
    path: "/api/papers/:id/review",
    access: "papers.review",
    summary: "Lưu bản rà soát: thông tin văn bản, nhiệm vụ, chỉ số, văn bản dẫn chiếu",
    tags: TAGS,
    params: idParams,
    body: ReviewBody,
    handler: async (ctx, { params, body }) => {
      const p = ctx.user.provinceId;
      await ctx.transaction(async (tx, audit) => {
        const { version, meta, ...items } = body;
        const result = await saveReview(tx, p, params.id, version, meta, items);
        const metaChanged = Object.fromEntries(
          Object.entries(result.after.meta).filter(([k, v]) => (result.before.meta as unknown as Record<string, unknown>)[k] !== v),
        );
        await audit({
          action: "paper.review",
          objectType: "paper",
          objectId: params.id,
          before: Object.fromEntries(Object.keys(metaChanged).map((k) => [k, (result.before.meta as unknown as Record<string, unknown>)[k]])),
          after: { ...metaChanged, items: itemsDiff(result.before.items, result.after.items) },
        });
      });
      return paperDetail(ctx.db, p, params.id, readAccess(ctx));
    },
  }),

  route({
    method: "post",
    path: "/api/papers/:id/confirm",
    access: "papers.review",
    summary: "Xác nhận kết quả rà soát: ghi nhiệm vụ, chỉ số, văn bản dẫn chiếu và liên kết văn bản đã lưu",
    tags: TAGS,
    params: idParams,
    body: VersionBody,
    handler: async (ctx, { params, body }) => {
      const p = ctx.user.provinceId;
      await ctx.transaction(async (tx, audit) => {
        const result = await confirmPaper(tx, p, params.id, body.version, ctx.user.id);
        await audit({
          action: "paper.confirm",
          objectType: "paper",
          objectId: params.id,
          before: { status: "review" },
          after: { status: "confirmed", ...metaOf(result.row), counts: result.counts, linked: result.linked, citedBy: result.citedBy },
        });
      });
      return paperDetail(ctx.db, p, params.id, readAccess(ctx));
    },
  }),

  route({
    method: "put",
    path: "/api/papers/:id/particulars",
    access: "papers.review",
    summary: "Sửa thông tin (số, ngày, trích yếu, cơ quan ban hành, người ký, nơi nhận) của văn bản đã xác nhận, có ghi lý do",
    tags: TAGS,
    params: idParams,
    body: CorrectionBody,
    handler: async (ctx, { params, body }) => {
      const p = ctx.user.provinceId;
      await ctx.transaction(async (tx, audit) => {
        const result = await correctPaper(tx, p, params.id, body.version, body.meta);
        const changed = (Object.keys(result.after) as (keyof typeof result.after)[]).filter((k) => result.before[k] !== result.after[k]);
        await audit({
          action: "paper.amend",
          objectType: "paper",
          objectId: params.id,
          before: Object.fromEntries(changed.map((k) => [k, result.before[k]])),
          after: { ...Object.fromEntries(changed.map((k) => [k, result.after[k]])), citedBy: result.citedBy },
          reason: body.reason,
        });
      });
      return paperDetail(ctx.db, p, params.id, readAccess(ctx));
    },
  }),

  route({
    method: "post",
    path: "/api/papers/:id/archive",
    access: "papers.review",
    summary: "Đưa văn bản vào lưu trữ (không xóa)",
    tags: TAGS,
    params: idParams,
    body: ArchiveBody,
    handler: async (ctx, { params, body }) => {
      const p = ctx.user.provinceId;
      await ctx.transaction(async (tx, audit) => {
        const result = await archivePaper(tx, p, params.id, body.version);
        await audit({
          action: "paper.archive",
          objectType: "paper",
          objectId: params.id,
          before: { status: result.before },
          after: { status: "archived" },
          reason: body.reason,
        });
      });
      return paperDetail(ctx.db, p, params.id, readAccess(ctx));
    },
  }),

  route({
    method: "post",
    path: "/api/papers/:id/restore",
    access: "papers.review",
    summary: "Đưa văn bản ra khỏi lưu trữ",
    tags: TAGS,
    params: idParams,
    body: VersionBody,
    handler: async (ctx, { params, body }) => {
      const p = ctx.user.provinceId;
      await ctx.transaction(async (tx, audit) => {
        const row = await restorePaper(tx, p, params.id, body.version);
        await audit({ action: "paper.restore", objectType: "paper", objectId: params.id, before: { status: "archived" }, after: { status: row.status } });
      });
      return paperDetail(ctx.db, p, params.id, readAccess(ctx));
    },
  }),

  route({
    method: "post",
    path: "/api/papers/:id/classify",
    access: "papers.review",
    summary: "Đánh dấu văn bản là văn bản mật: xóa tệp và nội dung, chỉ giữ số, ngày, trích yếu, nơi nhận",
    tags: TAGS,
    params: idParams,
    body: ClassifyBody,
    handler: async (ctx, { params, body }) => {
      const p = ctx.user.provinceId;
      await ctx.transaction(async (tx, audit) => {
        const result = await classifyPaper(tx, p, params.id, body.version, body.classification);
        await audit({
          action: "paper.classify",
          objectType: "paper",
          objectId: params.id,
          before: { classification: "none", fileId: result.removedFileId, fileName: result.fileName },
          after: { classification: body.classification, removed: ["tệp gốc", "nội dung", "kết quả nhận diện"] },
        });
      });
      return paperDetail(ctx.db, p, params.id, readAccess(ctx));
    },
  }),
];
