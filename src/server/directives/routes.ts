import { z } from "zod";
import type {
  AssignablePaper,
  AssignResult,
  DirectiveAllowed,
  DirectivePage,
  ImportResult,
  MyWork,
  Notices,
  PaperPlan,
  PendingRequest,
  ReportedPage,
  RequestedPage,
  SheetPage,
  UrgingResult,
} from "../../domain/api/directives.ts";
import {
  ActionBody,
  AsOfQuery,
  DecisionBody,
  DelegateBody,
  EditBody,
  FromPaperBody,
  NewDirectiveBody,
  RecallBody,
  ReportEditBody,
  ReportFields,
  RequestBody,
  SheetQuery,
  StatsQuery,
  StatusBody,
  UrgingBody,
  uuid,
} from "../../domain/api/directives-input.ts";
import { deadlineFromPaper, type Deadline, FINAL_STATUSES, holds, mayDecide, mayRequest, REQUEST_KINDS, REQUESTS, TRANSITIONS } from "../../domain/directives.ts";
import { todayInVietnam } from "../../domain/format.ts";
import { attachmentHeader, fileResponse, storeFile } from "../files/files.ts";
import { HttpError, invalidInput, notFound } from "../http/errors.ts";
import { generateUrgingLetter } from "../reports/generate.ts";
import { type RequestContext, route } from "../http/route.ts";
import { unitNamesOn, unitsAsOf } from "../units/queries.ts";
import { ATTACHMENT_MAX_FILES, checkAttachment } from "./attachments.ts";
import { directiveDetail, myWork, successorResolver, trackingSheet, unitStatistics } from "./queries.ts";
import { queueMailJob } from "./reminders.ts";
import {
  act,
  type ActingUser,
  canSee,
  createDirective,
  domainState,
  partiesOf,
  decide,
  delegate,
  editDirective,
  editReport,
  findDirective,
  reachOf,
  recallRequest,
  recordUrging,
  submitReport,
  submitRequest,
  type Writer,
} from "./service.ts";
import { sheetToXlsx, xlsxToDirectives } from "./sheet.ts";

// The directives' HTTP surface: the office's tracking sheet (filter, sort, export, import,
// statistics), assigning from a confirmed paper or by hand, the directive's page, the lead
// unit's reports and requests, the office's decisions and urgings, "Việc của tôi" and the
// in-app notices. Objects outside the caller's units answer 404.

const TAG = ["Nhiệm vụ"];

function acting(ctx: RequestContext): ActingUser {
  return { id: ctx.user!.id, fullName: ctx.user!.fullName, role: ctx.user!.role, unitIds: ctx.user!.unitIds };
}

/** Runs a change in one transaction with the audit log, as the signed-in user, now. */
function write<T>(ctx: RequestContext, fn: (w: Writer) => Promise<T>): Promise<T> {
  return ctx.transaction((tx, audit) => fn({ tx, provinceId: ctx.user!.provinceId, user: acting(ctx), at: new Date(), audit, baseUrl: ctx.config.baseUrl }));
}

async function visibleDirective(ctx: RequestContext, id: string) {
  const d = await findDirective(ctx.db, ctx.user!.provinceId, id);
  if (!d) throw notFound("Không tìm thấy nhiệm vụ.");
  const reach = await reachOf(ctx.db, ctx.user!.provinceId, ctx.user!);
  if (!(await canSee(ctx.db, ctx.user!.provinceId, acting(ctx), d, reach))) throw notFound("Không tìm thấy nhiệm vụ.");
  return d;
}

async function detail(ctx: RequestContext, id: string, asOf = todayInVietnam()): Promise<DirectivePage<Date>> {
  const d = await visibleDirective(ctx, id);
  const page = await directiveDetail(ctx.db, ctx.user!.provinceId, d, asOf, ctx.config.dueSoonDays);
  // What this user may do now (the screen shows only those buttons; the server checks again).
  const reach = await reachOf(ctx.db, ctx.user!.provinceId, ctx.user!);
  const parties = await partiesOf(ctx.db, ctx.user!.provinceId, acting(ctx), d, reach);
  const role = ctx.user!.role;
  const { state } = await domainState(ctx.db, d);
  const status = state.status;
  const unitRole = role === "unit_leader" || role === "unit_staff";
  const allowed: DirectiveAllowed = {
    start: holds("start", role, parties) && TRANSITIONS.start.from.includes(status),
    report:
      (parties.includes("lead") && holds("report", role, ["lead"]) && TRANSITIONS.report.from.includes(status)) ||
      (parties.includes("partner") && unitRole && !FINAL_STATUSES.includes(status)),
    reportAs: parties.includes("lead") ? "lead" : "partner",
    requests: REQUEST_KINDS.filter(
      (k) => mayRequest(k, role, parties) && REQUESTS[k].from.includes(status) && (k === "completion" || !state.pending.includes(k)),
    ),
    decide: mayDecide(role, parties),
    status: (["suspend", "resume", "withdraw"] as const).filter((a) => holds(a, role, parties) && TRANSITIONS[a].from.includes(status)),
    edit: role === "office" && !FINAL_STATUSES.includes(status),
    delegate: role === "unit_leader" && parties.includes("lead") && !FINAL_STATUSES.includes(status),
    urge: role === "office" && !FINAL_STATUSES.includes(status),
    recall: mayRequest("completion", role, parties),
  };
  return { ...page, parties, allowed };
}

const idParams = z.strictObject({ id: uuid("Mã nhiệm vụ") });

/** The items of a confirmed paper with what the office is proposed to assign (and what is tracked already). */
async function paperPlan(ctx: RequestContext, paperId: string): Promise<PaperPlan> {
  const p = ctx.user!.provinceId;
  const paper = await ctx.db
    .selectFrom("papers")
    .select(["id", "kind", "symbol", "issued_on", "title", "issuer", "status", "classification"])
    .where("province_id", "=", p)
    .where("id", "=", paperId)
    .executeTakeFirst();
  if (!paper) throw notFound("Không tìm thấy văn bản.");
  const items = await ctx.db.selectFrom("paper_directives").selectAll().where("province_id", "=", p).where("paper_id", "=", paperId).orderBy("position").execute();
  const tracked = await ctx.db
    .selectFrom("directives")
    .select(["id", "paper_directive_id"])
    .where("province_id", "=", p)
    .where("paper_id", "=", paperId)
    .where("parent_id", "is", null)
    .execute();
  const trackedOf = new Map(tracked.map((t) => [t.paper_directive_id, t.id]));
  const today = todayInVietnam();
  const live = new Set((await unitsAsOf(ctx.db, p, today)).map((u) => u.id));
  const successors = await successorResolver(ctx.db, p, live);
  const allIds = items.flatMap((i) => [...i.leads, ...i.partners].map((b) => b.unitId).filter((x): x is string => !!x));
  const names = await unitNamesOn(ctx.db, p, [...allIds, ...allIds.flatMap(successors)], today);
  // A body named in an old paper is proposed as the unit that carries its work today.
  const today_ = (b: { name: string; unitId: string | null }) => {
    const now = b.unitId ? successors(b.unitId) : [];
    return {
      ...b,
      live: !!b.unitId && live.has(b.unitId),
      currentName: b.unitId ? (names.get(b.unitId) ?? null) : null,
      successorIds: now,
      successorNames: now.map((u) => names.get(u) ?? ""),
    };
  };
  return {
    paper: { id: paper.id, kind: paper.kind, symbol: paper.symbol, issuedOn: paper.issued_on, title: paper.title, issuer: paper.issuer, status: paper.status },
    assignable: paper.status === "confirmed",
    items: items.map((i) => {
      const leads = i.leads.map(today_);
      const partners = i.partners.map(today_);
      // Each body counts as the single unit carrying its work today, when there is one.
      const leadIds = [...new Set(leads.flatMap((b) => (b.successorIds.length === 1 ? b.successorIds : [])))];
      const lead = leadIds[0] ?? null;
      const partnerIds = [...new Set([...leadIds.slice(1), ...partners.flatMap((b) => (b.successorIds.length === 1 ? b.successorIds : []))])].filter((u) => u !== lead);
      const notes: string[] = [];
      if (!leads.length) notes.push("Văn bản không nêu cơ quan chủ trì: hãy chọn đơn vị chủ trì.");
      else if (leadIds.length > 1) notes.push("Văn bản nêu nhiều cơ quan: hãy chọn một đơn vị chủ trì, các cơ quan còn lại được đề xuất phối hợp.");
      for (const b of [...leads, ...partners]) {
        if (!b.unitId) notes.push(`"${b.name}" chưa khớp với đơn vị nào trong cây tổ chức.`);
        else if (b.live) continue;
        else if (b.successorIds.length === 1) notes.push(`"${b.name}" nay là "${b.successorNames[0]}": đề xuất giao cho đơn vị kế thừa.`);
        else if (b.successorIds.length > 1) notes.push(`"${b.name}" đã chia tách (${b.successorNames.join(", ")}): hãy chọn đơn vị kế thừa.`);
        else notes.push(`"${b.name}" không còn hoạt động vào ngày hôm nay: hãy chọn đơn vị kế thừa.`);
      }
      const deadline: Deadline = deadlineFromPaper(i.deadline, i.deadline_text);
      return {
        paperDirectiveId: i.id,
        ordinal: i.ordinal,
        position: i.position,
        text: i.text,
        leads,
        partners,
        deadlineText: i.deadline_text,
        proposed: { leadUnitId: lead, partnerUnitIds: partnerIds, deadline },
        needsChoice: !lead || leadIds.length !== 1 || leads.some((b) => b.successorIds.length !== 1),
        notes,
        trackedDirectiveId: trackedOf.get(i.id) ?? null,
      };
    }),
  };
}

export const directiveRoutes = [
  // --- the sheet and what hangs off it (static paths before /:id)
  route({
    method: "get",
    path: "/api/directives",
    access: "directives.read",
    summary: "Bảng theo dõi nhiệm vụ: lọc, sắp xếp, tính đến một ngày",
    tags: TAG,
    query: SheetQuery,
    handler: async (ctx, { query }): Promise<SheetPage> => {
      const asOf = query.asOf ?? todayInVietnam();
      const reach = await reachOf(ctx.db, ctx.user.provinceId, ctx.user);
      const { status, ...rest } = query;
      const result = await trackingSheet(ctx.db, ctx.user.provinceId, { ...rest, statuses: status, asOf }, { units: reach, userId: ctx.user.id }, ctx.config.dueSoonDays);
      return { asOf, dueSoonDays: ctx.config.dueSoonDays, ...result };
    },
  }),
  route({
    method: "post",
    path: "/api/directives",
    access: "directives.assign",
    summary: "Giao một nhiệm vụ (nhập tay)",
    tags: TAG,
    body: NewDirectiveBody,
    handler: async (ctx, { body }) => {
      const row = await write(ctx, (w) => createDirective(w, { ...body, followerId: body.followerId === undefined ? ctx.user.id : body.followerId, source: "manual" }));
      return detail(ctx, row.id);
    },
  }),
  route({
    method: "get",
    path: "/api/directives/stats",
    access: "directives.stats",
    summary: "Thống kê, xếp hạng theo đơn vị chủ trì tính đến một ngày",
    tags: TAG,
    query: StatsQuery,
    handler: async (ctx, { query }) => {
      const reach = await reachOf(ctx.db, ctx.user.provinceId, ctx.user);
      return unitStatistics(ctx.db, ctx.user.provinceId, { ...query, asOf: query.asOf ?? todayInVietnam() }, reach, ctx.config.dueSoonDays);
    },
  }),
  route({
    method: "get",
    path: "/api/directives/export",
    access: "directives.export",
    summary: "Xuất bảng theo dõi ra Excel (STT, nội dung, chủ trì, phối hợp, thời hạn, tiến độ, kết quả, ghi chú)",
    tags: TAG,
    query: SheetQuery,
    handler: async (ctx, { query }) => {
      const asOf = query.asOf ?? todayInVietnam();
      const reach = await reachOf(ctx.db, ctx.user.provinceId, ctx.user);
      const { status, limit: _l, offset: _o, ...rest } = query;
      const { rows } = await trackingSheet(
        ctx.db,
        ctx.user.provinceId,
        { ...rest, statuses: status, asOf, sort: query.sort ?? "ordinal", limit: 20_000 },
        { units: reach, userId: ctx.user.id },
        ctx.config.dueSoonDays,
        { count: false },
      );
      let title = "BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ";
      if (query.paperId) {
        const paper = await ctx.db.selectFrom("papers").select(["symbol", "title"]).where("province_id", "=", ctx.user.provinceId).where("id", "=", query.paperId).executeTakeFirst();
        if (paper?.symbol) title = `${title} THEO VĂN BẢN SỐ ${paper.symbol}`;
      }
      const bytes = await sheetToXlsx(rows, { asOf, title });
      return new Response(Buffer.from(bytes), {
        headers: {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": attachmentHeader(`theo-doi-nhiem-vu-${asOf}.xlsx`),
        },
      });
    },
  }),
  route({
    method: "post",
    path: "/api/directives/import",
    access: "directives.assign",
    summary: "Nhập nhiệm vụ từ bảng Excel theo mẫu (tất cả hoặc không)",
    tags: TAG,
    body: "multipart",
    handler: async (ctx): Promise<ImportResult> => {
      const form = await ctx.hono.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw new HttpError(400, "no_file", "Hãy chọn tệp Excel (.xlsx) cần nhập.");
      const paperId = typeof form.paperId === "string" && form.paperId ? form.paperId : null;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const parsed = await xlsxToDirectives(ctx.db, ctx.user.provinceId, bytes, todayInVietnam());
      if (parsed.problems.length) {
        throw new HttpError(400, "import_problems", `Tệp có ${parsed.problems.length} lỗi; chưa nhập nhiệm vụ nào.`, { problems: parsed.problems });
      }
      const created = await write(ctx, async (w) => {
        const ids: string[] = [];
        for (const item of parsed.items) {
          const row = await createDirective(w, { ...item, followerId: ctx.user.id, paperId, source: "import" });
          ids.push(row.id);
        }
        await w.audit({ action: "directive.import", objectType: "directive", objectId: null, after: { file: file.name, created: ids.length, skipped: parsed.skipped } });
        return ids;
      });
      return { created: created.length, skipped: parsed.skipped, ids: created };
    },
  }),
  route({
    method: "get",
    path: "/api/directives/requests",
    access: "directives.read",
    summary: "Các đề nghị (hoàn thành, gia hạn, tạm hoãn, rút) đang chờ quyết định",
    tags: TAG,
    handler: async (ctx): Promise<{ requests: PendingRequest[] }> => {
      const reach = await reachOf(ctx.db, ctx.user.provinceId, ctx.user);
      const rows = await ctx.db
        .selectFrom("directive_requests as r")
        .innerJoin("directives as d", (j) => j.onRef("d.province_id", "=", "r.province_id").onRef("d.id", "=", "r.directive_id"))
        .select(["r.id", "r.kind", "r.reason", "r.result", "r.requested_on", "r.proposed_kind", "r.proposed_value", "d.id as directiveId", "d.content", "d.lead_unit_id", "d.version"])
        .where("r.province_id", "=", ctx.user.provinceId)
        .where("r.status", "=", "pending")
        .orderBy("r.requested_at")
        .limit(500)
        .execute();
      const visible = reach ? rows.filter((r) => reach.has(r.lead_unit_id)) : rows;
      const names = await unitNamesOn(ctx.db, ctx.user.provinceId, visible.map((r) => r.lead_unit_id), todayInVietnam());
      return { requests: visible.map((r) => ({ ...r, leadUnitName: names.get(r.lead_unit_id) ?? "" })) };
    },
  }),
  route({
    method: "get",
    path: "/api/directives/papers",
    access: "directives.assign",
    summary: "Các văn bản đã xác nhận có mục nhiệm vụ, với số mục đã giao theo dõi",
    tags: TAG,
    handler: async (ctx): Promise<{ papers: AssignablePaper[] }> => {
      const p = ctx.user.provinceId;
      const rows = await ctx.db
        .selectFrom("papers as p")
        .innerJoin("paper_directives as i", (j) => j.onRef("i.province_id", "=", "p.province_id").onRef("i.paper_id", "=", "p.id"))
        .leftJoin("directives as d", (j) =>
          j.onRef("d.province_id", "=", "i.province_id").onRef("d.paper_directive_id", "=", "i.id").on("d.parent_id", "is", null),
        )
        .select((eb) => [
          "p.id",
          "p.kind",
          "p.symbol",
          "p.issued_on as issuedOn",
          "p.title",
          eb.fn.count<number>("i.id").distinct().as("items"),
          eb.fn.count<number>("d.id").distinct().as("tracked"),
        ])
        .where("p.province_id", "=", p)
        .where("p.status", "=", "confirmed")
        .groupBy(["p.id", "p.kind", "p.symbol", "p.issued_on", "p.title"])
        .orderBy("p.issued_on", "desc")
        .limit(500)
        .execute();
      return { papers: rows.map((r) => ({ ...r, items: Number(r.items), tracked: Number(r.tracked) })) };
    },
  }),
  route({
    method: "get",
    path: "/api/directives/from-paper/:paperId",
    access: "directives.assign",
    summary: "Các mục nhiệm vụ của một văn bản đã xác nhận, với đề xuất đơn vị chủ trì, phối hợp, thời hạn",
    tags: TAG,
    params: z.strictObject({ paperId: uuid("Mã văn bản") }),
    handler: async (ctx, { params }) => paperPlan(ctx, params.paperId),
  }),
  route({
    method: "post",
    path: "/api/directives/from-paper/:paperId",
    access: "directives.assign",
    summary: "Giao theo dõi các mục nhiệm vụ của một văn bản đã xác nhận",
    tags: TAG,
    params: z.strictObject({ paperId: uuid("Mã văn bản") }),
    body: FromPaperBody,
    handler: async (ctx, { params, body }): Promise<AssignResult> => {
      const plan = await paperPlan(ctx, params.paperId);
      if (!plan.assignable) throw new HttpError(400, "paper_not_confirmed", "Văn bản chưa được xác nhận; hãy rà soát và xác nhận trước khi giao nhiệm vụ.");
      const byId = new Map(plan.items.map((i) => [i.paperDirectiveId, i]));
      const ids = await write(ctx, async (w) => {
        const out: string[] = [];
        for (const item of body.items) {
          const source = byId.get(item.paperDirectiveId);
          if (!source) throw new HttpError(400, "unknown_item", "Có mục không thuộc văn bản này.");
          const row = await createDirective(w, {
            ...item,
            content: item.content ?? source.text,
            ordinal: source.ordinal,
            position: source.position,
            followerId: item.followerId === undefined ? ctx.user.id : item.followerId,
            paperId: params.paperId,
            paperDirectiveId: item.paperDirectiveId,
            source: "paper",
          });
          out.push(row.id);
        }
        return out;
      });
      return { created: ids.length, ids };
    },
  }),
  route({
    method: "post",
    path: "/api/directives/urgings",
    access: "directives.urge",
    summary: "Ban hành văn bản đôn đốc một hoặc nhiều nhiệm vụ (ghi nhận, gửi thông báo và thư)",
    tags: TAG,
    body: UrgingBody,
    handler: async (ctx, { body }): Promise<UrgingResult> => {
      const result = await write(ctx, (w) => recordUrging(w, body));
      if (result.mails) await queueMailJob(ctx.db, ctx.user.provinceId, ctx.deps.notifyJobs);
      return { id: result.id, directives: result.directives.length, mails: result.mails };
    },
  }),

  route({
    method: "get",
    path: "/api/directives/urgings/:id/letter",
    access: "directives.urge",
    summary: "Công văn đôn đốc (.docx hoặc .pdf) của một lần đôn đốc đã ghi nhận",
    tags: TAG,
    params: z.strictObject({ id: uuid("Mã văn bản đôn đốc") }),
    query: z.strictObject({ format: z.enum(["docx", "pdf"]).default("docx") }),
    handler: async (ctx, { params, query }) => {
      const file = await generateUrgingLetter(ctx.db, { provinceId: ctx.user.provinceId, urgingId: params.id, dueSoonDays: ctx.config.dueSoonDays, format: query.format });
      return new Response(Buffer.from(file.bytes), {
        headers: { "content-type": file.mime, "content-length": String(file.bytes.byteLength), "content-disposition": attachmentHeader(file.name) },
      });
    },
  }),

  // --- one directive
  route({
    method: "get",
    path: "/api/directives/:id",
    access: "directives.read",
    summary: "Một nhiệm vụ: trạng thái, lịch sử, các thời hạn, báo cáo, đề nghị, đôn đốc",
    tags: TAG,
    params: idParams,
    query: AsOfQuery,
    handler: async (ctx, { params, query }) => detail(ctx, params.id, query.asOf),
  }),
  route({
    method: "patch",
    path: "/api/directives/:id",
    access: "directives.assign",
    summary: "Sửa nhiệm vụ (nội dung, đơn vị, người theo dõi, lãnh đạo phụ trách, thời hạn …)",
    tags: TAG,
    params: idParams,
    body: EditBody,
    handler: async (ctx, { params, body }) => {
      await write(ctx, (w) => editDirective(w, params.id, body));
      return detail(ctx, params.id);
    },
  }),
  route({
    method: "post",
    path: "/api/directives/:id/start",
    access: "directives.report",
    summary: "Đơn vị chủ trì bắt đầu thực hiện",
    tags: TAG,
    params: idParams,
    body: ActionBody,
    handler: async (ctx, { params, body }) => {
      await write(ctx, (w) => act(w, params.id, "start", body));
      return detail(ctx, params.id);
    },
  }),
  route({
    method: "post",
    path: "/api/directives/:id/status",
    access: "directives.decide",
    summary: "Tạm hoãn, tiếp tục hoặc rút nhiệm vụ khỏi chương trình",
    tags: TAG,
    params: idParams,
    body: StatusBody,
    handler: async (ctx, { params, body }) => {
      await write(ctx, (w) => act(w, params.id, body.action, body));
      return detail(ctx, params.id);
    },
  }),
  route({
    method: "post",
    path: "/api/directives/:id/reports",
    access: "directives.report",
    summary: "Báo cáo tiến độ (%, kết quả, khó khăn, đề xuất, tệp đính kèm)",
    tags: TAG,
    params: idParams,
    body: "multipart",
    handler: async (ctx, { params }): Promise<ReportedPage<Date>> => {
      const type = ctx.hono.req.header("content-type") ?? "";
      let fields: Record<string, unknown>;
      let files: File[] = [];
      if (type.includes("application/json")) {
        fields = (await ctx.hono.req.json().catch(() => null)) ?? {};
      } else {
        const form = await ctx.hono.req.parseBody({ all: true });
        files = [form.files, form.file].flat().filter((f): f is File => f instanceof File);
        fields = Object.fromEntries(Object.entries(form).filter(([k, v]) => k !== "files" && k !== "file" && typeof v === "string"));
      }
      const parsed = ReportFields.safeParse(fields);
      if (!parsed.success) throw invalidInput(parsed.error);
      if (files.length > ATTACHMENT_MAX_FILES) throw new HttpError(400, "too_many_files", `Mỗi báo cáo đính kèm tối đa ${ATTACHMENT_MAX_FILES} tệp.`);
      const checked = await Promise.all(files.map(async (f) => checkAttachment(f.name, new Uint8Array(await f.arrayBuffer()), Math.min(ctx.config.maxUploadBytes, 20 * 1024 * 1024))));
      await visibleDirective(ctx, params.id);
      const reportId = await write(ctx, async (w) => {
        const stored = [];
        for (const f of checked) stored.push({ fileId: (await storeFile(w.tx, w.provinceId, { ...f, createdBy: ctx.user.id })).id });
        return submitReport(w, params.id, { ...parsed.data, files: stored });
      });
      return { reportId, ...(await detail(ctx, params.id)) };
    },
  }),
  route({
    method: "patch",
    path: "/api/directives/:id/reports/:reportId",
    access: "directives.report",
    summary: "Sửa báo cáo tiến độ của mình",
    tags: TAG,
    params: z.strictObject({ id: uuid("Mã nhiệm vụ"), reportId: uuid("Mã báo cáo") }),
    body: ReportEditBody,
    handler: async (ctx, { params, body }) => {
      await write(ctx, (w) => editReport(w, params.id, params.reportId, body));
      return detail(ctx, params.id);
    },
  }),
  route({
    method: "get",
    path: "/api/directives/:id/files/:fileId",
    access: "directives.read",
    summary: "Tải tệp đính kèm báo cáo",
    tags: TAG,
    params: z.strictObject({ id: uuid("Mã nhiệm vụ"), fileId: uuid("Mã tệp") }),
    handler: async (ctx, { params }) => {
      await visibleDirective(ctx, params.id);
      const link = await ctx.db
        .selectFrom("directive_report_files as rf")
        .innerJoin("directive_reports as r", (j) => j.onRef("r.province_id", "=", "rf.province_id").onRef("r.id", "=", "rf.report_id"))
        .select("rf.file_id")
        .where("rf.province_id", "=", ctx.user.provinceId)
        .where("rf.file_id", "=", params.fileId)
        .where("r.directive_id", "=", params.id)
        .executeTakeFirst();
      if (!link) throw notFound("Không tìm thấy tệp.");
      return fileResponse(ctx.db, ctx.user.provinceId, params.fileId);
    },
  }),
  route({
    method: "post",
    path: "/api/directives/:id/requests",
    access: "directives.request",
    summary: "Đề nghị xác nhận hoàn thành, gia hạn, tạm hoãn, rút khỏi chương trình",
    tags: TAG,
    params: idParams,
    body: RequestBody,
    handler: async (ctx, { params, body }): Promise<RequestedPage<Date>> => {
      const requestId = await write(ctx, (w) => submitRequest(w, params.id, body));
      return { requestId, ...(await detail(ctx, params.id)) };
    },
  }),
  route({
    method: "post",
    path: "/api/directives/:id/requests/:requestId/recall",
    access: "directives.request",
    summary: "Rút lại một đề nghị chưa được quyết định",
    tags: TAG,
    params: z.strictObject({ id: uuid("Mã nhiệm vụ"), requestId: uuid("Mã đề nghị") }),
    body: RecallBody,
    handler: async (ctx, { params, body }) => {
      await write(ctx, (w) => recallRequest(w, params.id, params.requestId, body));
      return detail(ctx, params.id);
    },
  }),
  route({
    method: "post",
    path: "/api/directives/:id/requests/:requestId/decision",
    access: "directives.decide",
    summary: "Chấp thuận hoặc không chấp thuận một đề nghị",
    tags: TAG,
    params: z.strictObject({ id: uuid("Mã nhiệm vụ"), requestId: uuid("Mã đề nghị") }),
    body: DecisionBody,
    handler: async (ctx, { params, body }) => {
      await write(ctx, (w) => decide(w, params.id, params.requestId, body));
      return detail(ctx, params.id);
    },
  }),
  route({
    method: "post",
    path: "/api/directives/:id/delegate",
    access: "directives.delegate",
    summary: "Giao một phần việc cho đơn vị trực thuộc hoặc cán bộ",
    tags: TAG,
    params: idParams,
    body: DelegateBody,
    handler: async (ctx, { params, body }) => {
      const child = await write(ctx, (w) => delegate(w, params.id, body));
      return detail(ctx, child.id);
    },
  }),

  // --- "Việc của tôi" and notices
  route({
    method: "get",
    path: "/api/my-work",
    access: "directives.mine",
    summary: "Việc của tôi: nhiệm vụ đơn vị mình chủ trì, quá hạn lên đầu, hạn gần trước",
    tags: TAG,
    query: AsOfQuery,
    handler: async (ctx, { query }): Promise<MyWork> => myWork(ctx.db, ctx.user.provinceId, ctx.user, query.asOf ?? todayInVietnam(), ctx.config.dueSoonDays),
  }),
  route({
    method: "get",
    path: "/api/notifications",
    access: "notifications.read",
    summary: "Thông báo của tôi (nhắc hạn, đôn đốc, quyết định …)",
    tags: ["Thông báo"],
    query: z.strictObject({ unread: z.enum(["true", "false"]).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
    handler: async (ctx, { query }): Promise<Notices<Date>> => {
      let q = ctx.db
        .selectFrom("notifications")
        .select(["id", "kind", "title", "body", "link", "directive_id as directiveId", "created_at as createdAt", "read_at as readAt"])
        .where("province_id", "=", ctx.user.provinceId)
        .where("user_id", "=", ctx.user.id);
      if (query.unread === "true") q = q.where("read_at", "is", null);
      const items = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(query.limit ?? 50).execute();
      const unread = await ctx.db
        .selectFrom("notifications")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("province_id", "=", ctx.user.provinceId)
        .where("user_id", "=", ctx.user.id)
        .where("read_at", "is", null)
        .executeTakeFirstOrThrow();
      return { unread: Number(unread.n), items };
    },
  }),
  route({
    method: "post",
    path: "/api/notifications/read-all",
    access: "notifications.read",
    summary: "Đánh dấu đã đọc mọi thông báo",
    tags: ["Thông báo"],
    handler: async (ctx) => {
      await ctx.db
        .updateTable("notifications")
        .set({ read_at: new Date() })
        .where("province_id", "=", ctx.user.provinceId)
        .where("user_id", "=", ctx.user.id)
        .where("read_at", "is", null)
        .execute();
      return { unread: 0 };
    },
  }),
  route({
    method: "post",
    path: "/api/notifications/:id/read",
    access: "notifications.read",
    summary: "Đánh dấu đã đọc một thông báo",
    tags: ["Thông báo"],
    params: z.strictObject({ id: uuid("Mã thông báo") }),
    handler: async (ctx, { params }) => {
      const r = await ctx.db
        .updateTable("notifications")
        .set({ read_at: new Date() })
        .where("province_id", "=", ctx.user.provinceId)
        .where("user_id", "=", ctx.user.id)
        .where("id", "=", params.id)
        .returning("id")
        .executeTakeFirst();
      if (!r) throw notFound("Không tìm thấy thông báo.");
      return { ok: true };
    },
  }),
];
