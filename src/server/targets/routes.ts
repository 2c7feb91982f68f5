import { sql } from "kysely";
import { z } from "zod";
import type { ResolutionDetail, ResolutionTable } from "../../domain/api/targets.ts";
import {
  AnswerExplanation,
  EditResolution,
  EditTarget,
  EditValue,
  FromFact,
  id,
  NewExplanation,
  NewResolution,
  NewTarget,
  NewValue,
  periodCode,
  ReturnValue,
  VersionOnly,
} from "../../domain/api/targets-input.ts";
import { todayInVietnam } from "../../domain/format.ts";
import { paperKindLabel } from "../../domain/papers.ts";
import { endDate, labelOfCode, parsePeriod, parsePeriodCode } from "../../domain/periods.ts";
import { attachmentHeader } from "../files/files.ts";
import { badRequest, HttpError, notFound, staleEdit } from "../http/errors.ts";
import { type RequestContext, route } from "../http/route.ts";
import { newId } from "../ids.ts";
import { scopeFor } from "../policy.ts";
import {
  checkPeriodOf,
  decideValue,
  defaultPeriod,
  editValue,
  explanationView,
  factSuggestions,
  findConfirmedFact,
  findExplanation,
  findResolution,
  findTarget,
  findTargetForEntry,
  insertResolution,
  insertTarget,
  insertValue,
  listExplanations,
  listResolutions,
  listValues,
  mayEnter,
  paperSource,
  periodOptions,
  resolutionSummary,
  resolutionTable,
  resolutionView,
  sameUnit,
  submitValue,
  targetCatalogue,
  targetDetail,
  updateResolution,
  updateTarget,
  type Viewer,
  valueView,
} from "./queries.ts";
import { importValues, tableToXlsx, templateXlsx, XLSX_MIME, xlsxFileName } from "./transfer.ts";

// The targets API: the catalogue (resolutions, targets, plans), a resolution's table and summary
// for a period, figures entered by the owner units and approved by the office, figures taken from
// confirmed papers, Excel import and export, and explanation requests.

const TAGS = ["Chỉ tiêu"];

/** The units a user's own units reach today (their subtree): one recursive query. */
async function ownUnits(ctx: RequestContext): Promise<Set<string>> {
  const user = ctx.user!;
  if (!user.unitIds.length) return new Set();
  const day = todayInVietnam();
  const rows = await sql<{ id: string }>`
    with recursive sub(id) as (
      select unnest(array[${sql.join(user.unitIds)}]::uuid[])
      union
      select v.unit_id from unit_versions v join sub on v.parent_id = sub.id
      where v.province_id = ${user.provinceId} and v.valid_from <= ${day} and (v.valid_to is null or v.valid_to > ${day})
    )
    select id from sub`.execute(ctx.db);
  return new Set(rows.rows.map((r) => r.id));
}

async function viewerOf(ctx: RequestContext): Promise<Viewer> {
  const user = ctx.user!;
  return {
    provinceId: user.provinceId,
    userId: user.id,
    ownUnits: await ownUnits(ctx),
    office: scopeFor(user.role, "targets.approve") === "province",
    enters: scopeFor(user.role, "targets.enter") !== null,
    unitRole: scopeFor(user.role, "targets.explain") !== null,
  };
}

function xlsxResponse(bytes: Uint8Array, name: string): Response {
  return new Response(Buffer.from(bytes), { headers: { "content-type": XLSX_MIME, "content-disposition": attachmentHeader(name) } });
}

const ValueStatusQuery = z.enum(["draft", "submitted", "approved"]);
const ExplanationStatusQuery = z.enum(["open", "answered", "closed"]);
const bool = z.enum(["0", "1", "true", "false"]).transform((s) => s === "1" || s === "true");

export const targetRoutes = [
  // ---------------------------------------------------------------- catalogue
  route({
    method: "get",
    path: "/api/targets/resolutions",
    access: "targets.read",
    summary: "Danh sách nghị quyết, chương trình có chỉ tiêu",
    tags: TAGS,
    query: z.strictObject({ archived: bool.optional() }),
    handler: async (ctx, { query }) => ({ resolutions: await listResolutions(ctx.db, ctx.user.provinceId, query.archived ?? false) }),
  }),

  route({
    method: "post",
    path: "/api/targets/resolutions",
    access: "targets.manage",
    summary: "Thêm nghị quyết Đại hội (nhiệm kỳ), nghị quyết năm hoặc chương trình công tác năm",
    tags: TAGS,
    body: NewResolution,
    handler: async (ctx, { body }) => {
      const row = await ctx.transaction(async (tx, audit) => {
        const row = await insertResolution(tx, ctx.user.provinceId, body, ctx.user.id);
        await audit({ action: "resolution.create", objectType: "resolution", objectId: row.id, after: row });
        return row;
      });
      return resolutionView(ctx.db, ctx.user.provinceId, row);
    },
  }),

  route({
    method: "get",
    path: "/api/targets/resolutions/:id",
    access: "targets.read",
    summary: "Một nghị quyết, chương trình: danh mục chỉ tiêu, kế hoạch và các kỳ đánh giá",
    tags: TAGS,
    params: z.strictObject({ id }),
    handler: async (ctx, { params }): Promise<ResolutionDetail> => {
      const p = ctx.user.provinceId;
      const r = await findResolution(ctx.db, p, params.id);
      const targets = await ctx.db.selectFrom("targets").selectAll().where("province_id", "=", p).where("resolution_id", "=", r.id).orderBy("position").orderBy("code").execute();
      const plans = targets.length
        ? await ctx.db
            .selectFrom("target_plans")
            .selectAll()
            .where("province_id", "=", p)
            .where(
              "target_id",
              "in",
              targets.map((t) => t.id),
            )
            .execute()
        : [];
      return {
        resolution: await resolutionView(ctx.db, p, r),
        periods: periodOptions(r),
        defaultPeriod: await defaultPeriod(ctx.db, p, r),
        targets: targets.map((t) => targetCatalogue(t, new Map(plans.filter((x) => x.target_id === t.id).map((x) => [x.period, x.value])))),
      };
    },
  }),

  route({
    method: "patch",
    path: "/api/targets/resolutions/:id",
    access: "targets.manage",
    summary: "Sửa thông tin, lưu trữ hoặc khôi phục một nghị quyết, chương trình",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: EditResolution,
    handler: async (ctx, { params, body }) => {
      const { after } = await ctx.transaction(async (tx, audit) => {
        const r = await updateResolution(tx, ctx.user.provinceId, params.id, body);
        await audit({ action: "resolution.update", objectType: "resolution", objectId: params.id, before: r.before, after: r.after });
        return r;
      });
      return resolutionView(ctx.db, ctx.user.provinceId, after);
    },
  }),

  route({
    method: "post",
    path: "/api/targets/resolutions/:id/targets",
    access: "targets.manage",
    summary: "Thêm chỉ tiêu vào nghị quyết, chương trình (kèm kế hoạch từng năm, nhiệm kỳ)",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: NewTarget,
    handler: async (ctx, { params, body }) => {
      const p = ctx.user.provinceId;
      const row = await ctx.transaction(async (tx, audit) => {
        const r = await findResolution(tx, p, params.id, true);
        const row = await insertTarget(tx, p, r, body);
        await audit({ action: "target.create", objectType: "target", objectId: row.id, after: { ...row, plans: body.plans } });
        return row;
      });
      return targetCatalogue(row, new Map(body.plans.map((x) => [x.period, x.value])));
    },
  }),

  route({
    method: "patch",
    path: "/api/targets/items/:id",
    access: "targets.manage",
    summary: "Sửa chỉ tiêu: tên, đơn vị chủ trì, chiều đánh giá, kỳ đánh giá, kế hoạch; lưu trữ",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: EditTarget,
    handler: async (ctx, { params, body }) => {
      const { reason, ...input } = body;
      await ctx.transaction(async (tx, audit) => {
        const r = await updateTarget(tx, ctx.user.provinceId, params.id, { ...input, reason: reason ?? null });
        await audit({ action: "target.update", objectType: "target", objectId: params.id, before: r.before, after: r.after, reason: reason ?? null });
      });
      return targetDetail(ctx.db, await viewerOf(ctx), params.id);
    },
  }),

  // ---------------------------------------------------------------- table and summary
  route({
    method: "get",
    path: "/api/targets/resolutions/:id/table",
    access: "targets.read",
    summary: "Bảng chỉ tiêu của một nghị quyết, chương trình cho một kỳ: kế hoạch, thực hiện, % kế hoạch, so cùng kỳ, tình trạng, dự báo",
    tags: TAGS,
    params: z.strictObject({ id }),
    query: z.strictObject({ period: periodCode.optional() }),
    handler: async (ctx, { params, query }): Promise<ResolutionTable> => {
      const p = ctx.user.provinceId;
      const r = await findResolution(ctx.db, p, params.id);
      const period = query.period ? checkPeriodOf(r, query.period).code : await defaultPeriod(ctx.db, p, r);
      const [rows, summary, viewer] = await Promise.all([resolutionTable(ctx.db, p, r.id, period, null), resolutionSummary(ctx.db, p, r.id, period), viewerOf(ctx)]);
      for (const row of rows) row.mine = mayEnter(viewer, row.owner?.id ?? null);
      return { resolution: await resolutionView(ctx.db, p, r), period, periodLabel: labelOfCode(period), summary, rows };
    },
  }),

  route({
    method: "get",
    path: "/api/targets/resolutions/:id/summary",
    access: "targets.read",
    summary: "Tóm tắt một kỳ: \"x/y chỉ tiêu đủ điều kiện đánh giá; a/b đạt tiến độ\"",
    tags: TAGS,
    params: z.strictObject({ id }),
    query: z.strictObject({ period: periodCode.optional() }),
    handler: async (ctx, { params, query }) => {
      const p = ctx.user.provinceId;
      const r = await findResolution(ctx.db, p, params.id);
      const period = query.period ? checkPeriodOf(r, query.period).code : await defaultPeriod(ctx.db, p, r);
      return resolutionSummary(ctx.db, p, r.id, period);
    },
  }),

  route({
    method: "get",
    path: "/api/targets/resolutions/:id/export",
    access: "targets.read",
    summary: "Xuất bảng chỉ tiêu của một kỳ ra Excel",
    tags: TAGS,
    params: z.strictObject({ id }),
    query: z.strictObject({ period: periodCode.optional() }),
    handler: async (ctx, { params, query }) => {
      const p = ctx.user.provinceId;
      const r = await findResolution(ctx.db, p, params.id);
      const period = query.period ? checkPeriodOf(r, query.period).code : await defaultPeriod(ctx.db, p, r);
      const [rows, summary] = await Promise.all([resolutionTable(ctx.db, p, r.id, period, null), resolutionSummary(ctx.db, p, r.id, period)]);
      return xlsxResponse(await tableToXlsx(r, period, summary, rows), xlsxFileName("chi-tieu", period));
    },
  }),

  // ---------------------------------------------------------------- import
  route({
    method: "get",
    path: "/api/targets/resolutions/:id/template",
    access: "targets.enter",
    summary: "Tệp Excel mẫu để nhập số liệu các chỉ tiêu bạn phụ trách",
    tags: TAGS,
    params: z.strictObject({ id }),
    handler: async (ctx, { params }) => {
      const p = ctx.user.provinceId;
      const r = await findResolution(ctx.db, p, params.id);
      const viewer = await viewerOf(ctx);
      const targets = (await ctx.db.selectFrom("targets").selectAll().where("province_id", "=", p).where("resolution_id", "=", r.id).where("archived_at", "is", null).orderBy("position").execute()).filter(
        (t) => mayEnter(viewer, t.owner_unit_id),
      );
      return xlsxResponse(await templateXlsx(r, targets), xlsxFileName("mau-nhap-so-lieu", r.year ? String(r.year) : (r.term ?? "")));
    },
  }),

  route({
    method: "post",
    path: "/api/targets/resolutions/:id/import",
    access: "targets.enter",
    summary: "Nhập số liệu từ tệp Excel (toàn bộ hoặc không dòng nào)",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: "multipart",
    handler: async (ctx, { params }) => {
      const form = await ctx.hono.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw new HttpError(400, "no_file", "Hãy chọn tệp Excel (.xlsx) cần nhập.");
      if (file.size > ctx.config.maxUploadBytes) throw new HttpError(413, "too_large", "Tệp quá lớn.");
      const bytes = new Uint8Array(await file.arrayBuffer());
      const viewer = await viewerOf(ctx);
      return ctx.transaction(async (tx, audit) => {
        const r = await findResolution(tx, ctx.user.provinceId, params.id);
        if (r.archived_at) throw badRequest("Nghị quyết, chương trình đã lưu trữ: không nhập số liệu.");
        return importValues(tx, viewer, r, bytes, audit);
      });
    },
  }),

  // ---------------------------------------------------------------- a target and its figures
  route({
    method: "get",
    path: "/api/targets/items/:id",
    access: "targets.read",
    summary: "Một chỉ tiêu: kế hoạch, số liệu theo kỳ (nguồn, văn bản), đánh giá từng kỳ, biểu đồ, yêu cầu giải trình",
    tags: TAGS,
    params: z.strictObject({ id }),
    query: z.strictObject({ year: z.coerce.number().int().min(1945).max(2200).optional() }),
    handler: async (ctx, { params, query }) => targetDetail(ctx.db, await viewerOf(ctx), params.id, query.year),
  }),

  route({
    method: "post",
    path: "/api/targets/items/:id/values",
    access: "targets.enter",
    summary: "Nhập số liệu một kỳ (ước thực hiện hoặc chính thức); số liệu của Văn phòng được duyệt ngay",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: NewValue,
    handler: async (ctx, { params, body }) => {
      const viewer = await viewerOf(ctx);
      const row = await ctx.transaction(async (tx, audit) => {
        const t = await findTargetForEntry(tx, viewer, params.id, true);
        const row = await insertValue(tx, viewer, t, body);
        await audit({ action: "target_value.create", objectType: "target_value", objectId: row.id, after: row });
        return row;
      });
      return valueView(ctx.db, ctx.user.provinceId, row);
    },
  }),

  route({
    method: "get",
    path: "/api/targets/items/:id/facts",
    access: "targets.enter",
    summary: "Số liệu trong các văn bản đã xác nhận có thể gắn vào chỉ tiêu",
    tags: TAGS,
    params: z.strictObject({ id }),
    handler: async (ctx, { params }) => {
      const t = await findTargetForEntry(ctx.db, await viewerOf(ctx), params.id);
      return { facts: await factSuggestions(ctx.db, ctx.user.provinceId, t) };
    },
  }),

  route({
    method: "post",
    path: "/api/targets/items/:id/values/from-fact",
    access: "targets.enter",
    summary: "Gắn một số liệu của văn bản đã xác nhận vào chỉ tiêu (giữ liên kết tới văn bản)",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: FromFact,
    handler: async (ctx, { params, body }) => {
      const viewer = await viewerOf(ctx);
      const row = await ctx.transaction(async (tx, audit) => {
        const t = await findTargetForEntry(tx, viewer, params.id, true);
        const fact = await findConfirmedFact(tx, ctx.user.provinceId, body.factId);
        const period = body.period ?? (fact.period ? parsePeriod(fact.period)?.code : undefined);
        if (!period) throw badRequest(`Văn bản không nói rõ kỳ của số liệu ("${fact.period ?? ""}"): hãy chọn kỳ.`);
        if (!body.acceptUnit && !sameUnit(fact.unit, t.measure_unit)) {
          throw new HttpError(400, "unit_mismatch", `Đơn vị tính của số liệu (${fact.unit}) khác đơn vị tính của chỉ tiêu (${t.measure_unit}).`, { factUnit: fact.unit, targetUnit: t.measure_unit });
        }
        const row = await insertValue(tx, viewer, t, {
          period,
          basis: body.basis,
          value: fact.value,
          source: paperSource(fact, paperKindLabel),
          cutoffOn: fact.issued_on && fact.issued_on <= endDate(parsePeriodCode(period)!) ? fact.issued_on : endDate(parsePeriodCode(period)!),
          note: fact.text.slice(0, 2000),
          submit: true,
          paperId: fact.paper_id,
          paperFactId: fact.id,
        });
        await audit({ action: "target_value.from_fact", objectType: "target_value", objectId: row.id, after: row, reason: `Từ văn bản ${fact.symbol ?? ""}`.trim() });
        return row;
      });
      return valueView(ctx.db, ctx.user.provinceId, row);
    },
  }),

  route({
    method: "get",
    path: "/api/targets/values",
    access: "targets.read",
    summary: "Số liệu chỉ tiêu: hàng chờ duyệt của Văn phòng, số liệu đơn vị mình đã nhập",
    tags: TAGS,
    query: z.strictObject({
      status: ValueStatusQuery.optional(),
      resolutionId: id.optional(),
      mine: bool.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    handler: async (ctx, { query }) => {
      const viewer = await viewerOf(ctx);
      return { values: await listValues(ctx.db, viewer, { status: query.status, resolutionId: query.resolutionId, onlyMine: query.mine ?? viewer.unitRole, limit: query.limit }) };
    },
  }),

  route({
    method: "patch",
    path: "/api/targets/values/:id",
    access: "targets.enter",
    summary: "Sửa số liệu (đơn vị: khi chưa được duyệt; Văn phòng: điều chỉnh có ghi lý do)",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: EditValue,
    handler: async (ctx, { params, body }) => {
      const viewer = await viewerOf(ctx);
      const { reason, ...input } = body;
      const { after } = await ctx.transaction(async (tx, audit) => {
        const r = await editValue(tx, viewer, params.id, { ...input, reason: reason ?? null });
        await audit({ action: "target_value.update", objectType: "target_value", objectId: params.id, before: r.before, after: r.after, reason: reason ?? null });
        return r;
      });
      return valueView(ctx.db, ctx.user.provinceId, after);
    },
  }),

  route({
    method: "post",
    path: "/api/targets/values/:id/submit",
    access: "targets.enter",
    summary: "Gửi số liệu cho Văn phòng duyệt",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: VersionOnly,
    handler: async (ctx, { params, body }) => {
      const viewer = await viewerOf(ctx);
      const { after } = await ctx.transaction(async (tx, audit) => {
        const r = await submitValue(tx, viewer, params.id, body.version);
        await audit({ action: "target_value.submit", objectType: "target_value", objectId: params.id, before: { status: r.before.status }, after: { status: r.after.status } });
        return r;
      });
      return valueView(ctx.db, ctx.user.provinceId, after);
    },
  }),

  route({
    method: "post",
    path: "/api/targets/values/:id/approve",
    access: "targets.approve",
    summary: "Duyệt số liệu đơn vị gửi",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: VersionOnly,
    handler: async (ctx, { params, body }) => {
      const viewer = await viewerOf(ctx);
      const { after } = await ctx.transaction(async (tx, audit) => {
        const r = await decideValue(tx, viewer, params.id, body.version, "approve");
        await audit({ action: "target_value.approve", objectType: "target_value", objectId: params.id, before: { status: r.before.status, value: r.before.value }, after: { status: r.after.status, value: r.after.value } });
        return r;
      });
      return valueView(ctx.db, ctx.user.provinceId, after);
    },
  }),

  route({
    method: "post",
    path: "/api/targets/values/:id/return",
    access: "targets.approve",
    summary: "Trả lại số liệu cho đơn vị (kèm lý do)",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: ReturnValue,
    handler: async (ctx, { params, body }) => {
      const viewer = await viewerOf(ctx);
      const { after } = await ctx.transaction(async (tx, audit) => {
        const r = await decideValue(tx, viewer, params.id, body.version, "return", body.reason);
        await audit({ action: "target_value.return", objectType: "target_value", objectId: params.id, before: { status: r.before.status }, after: { status: r.after.status }, reason: body.reason });
        return r;
      });
      return valueView(ctx.db, ctx.user.provinceId, after);
    },
  }),

  // ---------------------------------------------------------------- explanation requests
  route({
    method: "post",
    path: "/api/targets/items/:id/explanations",
    access: "targets.request_explanation",
    summary: "Gửi yêu cầu giải trình tới đơn vị chủ trì một chỉ tiêu chưa đạt tiến độ",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: NewExplanation,
    handler: async (ctx, { params, body }) => {
      const viewer = await viewerOf(ctx);
      const createdId = await ctx.transaction(async (tx, audit) => {
        const t = await findTarget(tx, ctx.user.provinceId, params.id);
        if (!t.owner_unit_id) throw badRequest("Chỉ tiêu chưa có đơn vị chủ trì để gửi yêu cầu giải trình.");
        const period = checkPeriodOf(t.resolution, body.period);
        const row = await tx
          .insertInto("target_explanations")
          .values({
            province_id: ctx.user.provinceId,
            id: newId(),
            target_id: t.id,
            period: period.code,
            unit_id: t.owner_unit_id,
            message: body.message,
            due_on: body.dueOn,
            requested_by: ctx.user.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit({ action: "target_explanation.request", objectType: "target_explanation", objectId: row.id, after: row });
        return row.id;
      });
      return explanationView(ctx.db, viewer, createdId);
    },
  }),

  route({
    method: "get",
    path: "/api/targets/explanations",
    access: "targets.read",
    summary: "Yêu cầu giải trình: Văn phòng và lãnh đạo xem tất cả, đơn vị xem yêu cầu gửi mình",
    tags: TAGS,
    query: z.strictObject({ status: ExplanationStatusQuery.optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    handler: async (ctx, { query }) => {
      const viewer = await viewerOf(ctx);
      return { explanations: await listExplanations(ctx.db, viewer, { status: query.status, onlyMine: viewer.unitRole, limit: query.limit }) };
    },
  }),

  route({
    method: "post",
    path: "/api/targets/explanations/:id/answer",
    access: "targets.explain",
    summary: "Đơn vị trả lời yêu cầu giải trình",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: AnswerExplanation,
    handler: async (ctx, { params, body }) => {
      const viewer = await viewerOf(ctx);
      await ctx.transaction(async (tx, audit) => {
        const row = await findExplanation(tx, ctx.user.provinceId, params.id, true);
        if (!row.unit_id || !viewer.ownUnits.has(row.unit_id)) throw notFound("Không tìm thấy yêu cầu giải trình.");
        if (row.version !== body.version) throw staleEdit(await explanationView(tx, viewer, row.id));
        if (row.status === "closed") throw badRequest("Yêu cầu giải trình đã kết thúc.");
        const now = new Date();
        const after = await tx
          .updateTable("target_explanations")
          .set({ answer: body.answer, answered_by: ctx.user.id, answered_at: now, status: "answered", updated_at: now, version: row.version + 1 })
          .where("province_id", "=", ctx.user.provinceId)
          .where("id", "=", row.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit({ action: "target_explanation.answer", objectType: "target_explanation", objectId: row.id, before: { status: row.status, answer: row.answer }, after: { status: after.status, answer: after.answer } });
      });
      return explanationView(ctx.db, viewer, params.id);
    },
  }),

  route({
    method: "post",
    path: "/api/targets/explanations/:id/close",
    access: "targets.request_explanation",
    summary: "Văn phòng ghi nhận giải trình và kết thúc yêu cầu",
    tags: TAGS,
    params: z.strictObject({ id }),
    body: VersionOnly,
    handler: async (ctx, { params, body }) => {
      const viewer = await viewerOf(ctx);
      await ctx.transaction(async (tx, audit) => {
        const row = await findExplanation(tx, ctx.user.provinceId, params.id, true);
        if (row.version !== body.version) throw staleEdit(await explanationView(tx, viewer, row.id));
        if (row.status === "closed") throw badRequest("Yêu cầu giải trình đã kết thúc.");
        const now = new Date();
        await tx
          .updateTable("target_explanations")
          .set({ status: "closed", closed_by: ctx.user.id, closed_at: now, updated_at: now, version: row.version + 1 })
          .where("province_id", "=", ctx.user.provinceId)
          .where("id", "=", row.id)
          .execute();
        await audit({ action: "target_explanation.close", objectType: "target_explanation", objectId: row.id, before: { status: row.status }, after: { status: "closed" } });
      });
      return explanationView(ctx.db, viewer, params.id);
    },
  }),
];
