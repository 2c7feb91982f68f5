import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInVietnam } from "../../domain/format.ts";
import { acting, asUserAt, createDirectiveWorld, type DirectiveWorld, insertConfirmedPaper } from "../../../test/support/directives.ts";
import { testEngine } from "../../../test/support/db.ts";
import { type TestClient, testApp } from "../../../test/support/http.ts";
import { verifyAudit } from "../audit/audit.ts";
import { newId } from "../ids.ts";
import type { Db } from "../db/schema.ts";
import { insertUnit, recordChange } from "../units/queries.ts";
import { act, createDirective, decide, submitReport, submitRequest } from "./service.ts";

let app: Awaited<ReturnType<typeof testApp>>["app"];
let db: Db;
let w: DirectiveWorld;
let c: DirectiveWorld["clients"];
const today = todayInVietnam();
const inDays = (n: number) => addDays(today, n);

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x25, 0x25, 0x45, 0x4f, 0x46]);

async function assign(body: Record<string, unknown>) {
  const res = await c.office.post("/api/directives", body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.directive as { id: string; version: number; status: string; timeliness: string };
}

async function get(client: TestClient, id: string) {
  const res = await client.get(`/api/directives/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

function reportForm(fields: Record<string, string>, files: File[] = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append("files", f);
  return form;
}

beforeAll(async () => {
  ({ app, db } = await testApp());
  w = await createDirectiveWorld(app, db);
  c = w.clients;
});

describe("assigning the directives of a confirmed paper", () => {
  it("proposes lead, supporting units and deadline kind from the paper, creates one tracked directive per item, never twice", async () => {
    const { paperId, itemIds } = await insertConfirmedPaper(db, w.provinceId, "1012-TB/TU", [
      {
        ordinal: "2",
        text: "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính hoàn chỉnh kế hoạch triển khai Quy hoạch tỉnh. Thời hạn: trong quý IV/2024.",
        leads: [{ name: "Sở Kế hoạch và Đầu tư", unitId: w.units.planning }],
        partners: [{ name: "Sở Tài chính", unitId: w.units.finance }],
        deadline: "2024-12-31",
        deadlineText: "trong quý IV/2024",
      },
      {
        ordinal: "4",
        text: "Ban cán sự đảng UBND tỉnh chủ trì, phối hợp với Huyện ủy Tân Phú Đông hoàn thành tiêu chí nông thôn mới.",
        leads: [{ name: "Ban cán sự đảng UBND tỉnh", unitId: null }],
        partners: [{ name: "Huyện ủy Tân Phú Đông", unitId: w.units.district }],
        deadline: "2024-12-15",
        deadlineText: "trước ngày 15/12/2024",
      },
      {
        ordinal: "3",
        text: "Sở Tài chính tăng cường quản lý thu. Thực hiện thường xuyên.",
        leads: [{ name: "Sở Tài chính", unitId: w.units.finance }],
        deadline: null,
        deadlineText: "thường xuyên",
      },
    ]);
    const plan = await c.office.get(`/api/directives/from-paper/${paperId}`);
    expect(plan.status).toBe(200);
    const [two, four, three] = plan.body.items;
    expect(two.proposed).toEqual({ leadUnitId: w.units.planning, partnerUnitIds: [w.units.finance], deadline: { kind: "quarter", value: "2024-Q4" } });
    expect(two.needsChoice).toBe(false);
    expect(four.needsChoice).toBe(true);
    expect(four.notes.join(" ")).toMatch(/chưa khớp với đơn vị nào/);
    expect(four.notes.join(" ")).toMatch(/Huyện ủy Tân Phú Đông" không còn hoạt động/);
    expect(three.proposed.deadline).toEqual({ kind: "recurring", value: null });

    const created = await c.office.post(`/api/directives/from-paper/${paperId}`, {
      items: [
        { paperDirectiveId: itemIds[0], leadUnitId: two.proposed.leadUnitId, partnerUnitIds: two.proposed.partnerUnitIds, deadline: { kind: "date", value: inDays(30) }, leaderId: w.users.leader.id },
        // The office picks the lead the paper did not name as a unit of the tree.
        { paperDirectiveId: itemIds[1], leadUnitId: w.units.organisation, deadline: { kind: "date", value: inDays(10) } },
        { paperDirectiveId: itemIds[2], leadUnitId: w.units.finance, deadline: three.proposed.deadline, classification: "economy" },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.created).toBe(3);

    const again = await c.office.post(`/api/directives/from-paper/${paperId}`, { items: [{ paperDirectiveId: itemIds[0], leadUnitId: w.units.planning, deadline: { kind: "none", value: null } }] });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/đã được giao theo dõi/);

    const after = await c.office.get(`/api/directives/from-paper/${paperId}`);
    expect(after.body.items.map((i: { trackedDirectiveId: string | null }) => !!i.trackedDirectiveId)).toEqual([true, true, true]);

    const sheet = await c.office.get(`/api/directives?paperId=${paperId}&sort=ordinal`);
    expect(sheet.body.total).toBe(3);
    expect(sheet.body.rows.map((r: { ordinal: string }) => r.ordinal)).toEqual(["2", "4", "3"]);
    const row = sheet.body.rows[0];
    expect(row).toMatchObject({ paperSymbol: "1012-TB/TU", leadUnitName: "Sở Kế hoạch và Đầu tư", partnerUnitNames: ["Sở Tài chính"], status: "not_started", statusLabel: "Chưa thực hiện", leaderName: "Cán bộ leader" });
    expect(sheet.body.rows[2]).toMatchObject({ deadlineText: "Thường xuyên", timeliness: "no_deadline", timelinessLabel: "Không hạn" });
  });

  it("proposes the unit that carries a merged body's work today", async () => {
    const old = await db.transaction().execute(async (tx) => {
      const id = await insertUnit(tx, w.provinceId, "SO-KHDT-CU", { validFrom: "2020-01-01", validTo: "2025-03-01", parentId: w.units.root, kind: "department", name: "Sở Kế hoạch và Đầu tư (cũ)", shortName: null, aliases: [] });
      await recordChange(tx, w.provinceId, { effective: "2025-03-01", kind: "merge", note: null, from: [id], to: [w.units.finance] });
      return id;
    });
    const { paperId } = await insertConfirmedPaper(db, w.provinceId, "77-TB/TU", [{ ordinal: "1", text: "Sở Kế hoạch và Đầu tư chủ trì…", leads: [{ name: "Sở Kế hoạch và Đầu tư", unitId: old }] }]);
    const plan = await c.office.get(`/api/directives/from-paper/${paperId}`);
    expect(plan.body.items[0].proposed.leadUnitId).toBe(w.units.finance);
    expect(plan.body.items[0].notes).toEqual(['"Sở Kế hoạch và Đầu tư" nay là "Sở Tài chính": đề xuất giao cho đơn vị kế thừa.']);
  });

  it("refuses a paper still under review", async () => {
    const { paperId, itemIds } = await insertConfirmedPaper(db, w.provinceId, "9-TB/TU", [{ ordinal: "1", text: "Việc thử", leads: [] }]);
    await db.updateTable("papers").set({ status: "review" }).where("province_id", "=", w.provinceId).where("id", "=", paperId).execute();
    const res = await c.office.post(`/api/directives/from-paper/${paperId}`, { items: [{ paperDirectiveId: itemIds[0], leadUnitId: w.units.finance, deadline: { kind: "none", value: null } }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/chưa được xác nhận/);
  });
});

describe("the lifecycle over HTTP", () => {
  it("goes from assignment to completion confirmed by the office, each step audited with its actor", async () => {
    const d = await assign({ content: "Rà soát các khoản chi thường xuyên năm 2026", leadUnitId: w.units.finance, partnerUnitIds: [w.units.planning], deadline: { kind: "date", value: inDays(20) }, leaderId: w.users.leader.id });
    expect(d).toMatchObject({ status: "not_started", timeliness: "on_time" });

    const started = await c.financeStaff.post(`/api/directives/${d.id}/start`, { version: d.version });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.directive.status).toBe("in_progress");

    const form = reportForm({ progress: "60", narrative: "Đã rà soát 12/20 khoản chi.", difficulties: "Số liệu của huyện chậm." }, [new File([PDF], "bao-cao-tien-do.pdf", { type: "application/pdf" })]);
    const report = await c.financeStaff.request("POST", `/api/directives/${d.id}/reports`, form);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.directive.progress).toBe(60);
    expect(report.body.reports[0]).toMatchObject({ progress: 60, role: "lead", unitName: "Sở Tài chính" });
    const file = report.body.reports[0].files[0];
    expect(file.name).toBe("bao-cao-tien-do.pdf");
    const download = await c.office.get(file.url);
    expect(download.status).toBe(200);

    // The supporting unit reports its part; it does not move the directive.
    const partner = await c.planningLeader.post(`/api/directives/${d.id}/reports`, { progress: 100, narrative: "Đã cung cấp số liệu đầu tư công." });
    expect(partner.status, JSON.stringify(partner.body)).toBe(200);
    expect(partner.body.reports[0]).toMatchObject({ role: "partner", unitName: "Sở Kế hoạch và Đầu tư" });

    const staffAsk = await c.financeStaff.post(`/api/directives/${d.id}/requests`, { version: partner.body.directive.version, kind: "completion", result: "Xong" });
    expect(staffAsk.status).toBe(403);

    const ask = await c.financeLeader.post(`/api/directives/${d.id}/requests`, { version: partner.body.directive.version, kind: "completion", result: "Đã rà soát 20/20 khoản chi, tiết kiệm 12 tỷ đồng." });
    expect(ask.status, JSON.stringify(ask.body)).toBe(200);
    expect(ask.body.directive).toMatchObject({ status: "awaiting_confirmation", statusLabel: "Chờ xác nhận hoàn thành", requestedOn: today });

    const officeNotices = await c.office.get("/api/notifications");
    expect(officeNotices.body.items.some((n: { kind: string; directiveId: string }) => n.kind === "completion_requested" && n.directiveId === d.id)).toBe(true);

    const confirm = await c.office.post(`/api/directives/${d.id}/requests/${ask.body.requestId}/decision`, { version: ask.body.directive.version, approve: true });
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
    expect(confirm.body.directive).toMatchObject({ status: "done", timeliness: "done_on_time", timelinessLabel: "Hoàn thành đúng hạn", completedOn: today, progress: 100 });
    expect(confirm.body.directive.result).toMatch(/20\/20 khoản chi/);
    expect(confirm.body.requests[0]).toMatchObject({ kind: "completion", status: "approved" });
    expect(confirm.body.history.map((e: { kind: string }) => e.kind)).toEqual(["created", "start", "report", "report", "request_completion", "confirm_completion"]);
    expect(confirm.body.history.at(-1).actorName).toBe("Cán bộ office");

    const finished = await c.financeLeader.post(`/api/directives/${d.id}/reports`, { progress: 100, narrative: "Thêm" });
    expect(finished.status).toBe(409);

    const audit = await db.selectFrom("audit_log").select("action").where("province_id", "=", w.provinceId).where("object_id", "=", d.id).orderBy("seq").execute();
    expect(audit.map((a) => a.action)).toEqual(["directive.create", "directive.start", "directive.report", "directive.report", "directive.request_completion", "directive.confirm_completion"]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it("sends a refused completion back to work with the reason kept", async () => {
    const d = await assign({ content: "Báo cáo kết quả đợt cao điểm", leadUnitId: w.units.finance, deadline: { kind: "date", value: inDays(5) } });
    const rep = await c.financeStaff.post(`/api/directives/${d.id}/reports`, { progress: 90, narrative: "Gần xong" });
    const ask = await c.financeLeader.post(`/api/directives/${d.id}/requests`, { version: rep.body.directive.version, kind: "completion", result: "Xong" });
    const noReason = await c.office.post(`/api/directives/${d.id}/requests/${ask.body.requestId}/decision`, { version: ask.body.directive.version, approve: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/lý do/);
    const refused = await c.office.post(`/api/directives/${d.id}/requests/${ask.body.requestId}/decision`, { version: ask.body.directive.version, approve: false, reason: "Thiếu số liệu của 3 huyện." });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.directive).toMatchObject({ status: "in_progress", requestedOn: null });
    expect(refused.body.requests[0]).toMatchObject({ status: "refused", decisionReason: "Thiếu số liệu của 3 huyện." });
    expect(refused.body.history.at(-1)).toMatchObject({ kind: "refuse_completion", reason: "Thiếu số liệu của 3 huyện." });
    const leadNotices = await c.financeStaff.get("/api/notifications?unread=true");
    expect(leadNotices.body.items.some((n: { kind: string; body: string }) => n.kind === "refuse_completion" && /3 huyện/.test(n.body))).toBe(true);
  });

  it("keeps every deadline through an approved extension; a withdrawal cancels what is pending", async () => {
    const d = await assign({ content: "Hoàn thiện đề án sắp xếp", leadUnitId: w.units.finance, deadline: { kind: "date", value: inDays(2) } });
    const noDeadline = await c.financeLeader.post(`/api/directives/${d.id}/requests`, { version: d.version, kind: "extension", reason: "Chờ ý kiến bộ" });
    expect(noDeadline.status).toBe(400);
    const ext = await c.financeLeader.post(`/api/directives/${d.id}/requests`, { version: d.version, kind: "extension", reason: "Chờ ý kiến của bộ, ngành Trung ương.", proposedDeadline: { kind: "month", value: inDays(60).slice(0, 7) } });
    expect(ext.status, JSON.stringify(ext.body)).toBe(200);
    const twice = await c.financeLeader.post(`/api/directives/${d.id}/requests`, { version: ext.body.directive.version, kind: "extension", reason: "lần nữa", proposedDeadline: { kind: "date", value: inDays(9) } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/đang chờ quyết định/);
    const granted = inDays(40);
    const ok = await c.office.post(`/api/directives/${d.id}/requests/${ext.body.requestId}/decision`, { version: ext.body.directive.version, approve: true, deadline: { kind: "date", value: granted } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.directive.dueOn).toBe(granted);
    expect(ok.body.deadlines.map((x: { dueOn: string; requestId: string | null }) => [x.dueOn, !!x.requestId])).toEqual([
      [inDays(2), false],
      [granted, true],
    ]);

    const ext2 = await c.financeLeader.post(`/api/directives/${d.id}/requests`, { version: ok.body.directive.version, kind: "extension", reason: "Xin thêm", proposedDeadline: { kind: "date", value: inDays(80) } });
    const wd = await c.financeLeader.post(`/api/directives/${d.id}/requests`, { version: ext2.body.directive.version, kind: "withdrawal", reason: "Nội dung đã lồng ghép vào đề án khác." });
    expect(wd.status, JSON.stringify(wd.body)).toBe(200);
    const done = await c.office.post(`/api/directives/${d.id}/requests/${wd.body.requestId}/decision`, { version: wd.body.directive.version, approve: true });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.directive).toMatchObject({ status: "withdrawn", timeliness: "not_tracked" });
    expect(done.body.requests.map((r: { kind: string; status: string }) => `${r.kind}:${r.status}`).sort()).toEqual(["extension:approved", "extension:cancelled", "withdrawal:approved"]);
  });

  it("lets the office suspend and resume with a reason, and refuses the unit leader who did not pass the part down", async () => {
    const d = await assign({ content: "Tổ chức hội nghị sơ kết", leadUnitId: w.units.organisation, deadline: { kind: "quarter", value: `${today.slice(0, 4)}-Q4` } });
    const noReason = await c.office.post(`/api/directives/${d.id}/status`, { version: d.version, action: "suspend" });
    expect(noReason.status).toBe(400);
    const unitTries = await c.organisationLeader.post(`/api/directives/${d.id}/status`, { version: d.version, action: "suspend", reason: "x" });
    expect(unitTries.status).toBe(403);
    const s = await c.office.post(`/api/directives/${d.id}/status`, { version: d.version, action: "suspend", reason: "Chờ hướng dẫn của Trung ương về thời gian." });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.directive).toMatchObject({ status: "suspended", timeliness: "not_tracked" });
    const r = await c.office.post(`/api/directives/${d.id}/status`, { version: s.body.directive.version, action: "resume" });
    expect(r.body.directive.status).toBe("in_progress");
    expect(r.body.states.map((x: { status: string }) => x.status)).toEqual(["in_progress"]);
  });
});

describe("who may do what", () => {
  let id: string;
  let version: number;
  beforeAll(async () => {
    const d = await assign({ content: "Kiểm tra công tác quản lý đảng viên", leadUnitId: w.units.finance, deadline: { kind: "date", value: inDays(15) } });
    id = d.id;
    version = d.version;
  });

  it("answers 404 outside the user's units, for reading and for acting", async () => {
    expect((await c.organisationLeader.get(`/api/directives/${id}`)).status).toBe(404);
    expect((await c.organisationLeader.post(`/api/directives/${id}/start`, { version })).status).toBe(404);
    expect((await c.organisationLeader.post(`/api/directives/${id}/reports`, { progress: 1, narrative: "x" })).status).toBe(404);
    const list = await c.organisationLeader.get("/api/directives");
    expect(list.body.rows.some((r: { id: string }) => r.id === id)).toBe(false);
  });

  it("refuses an action the role does not hold, in Vietnamese", async () => {
    const officeStarts = await c.office.post(`/api/directives/${id}/start`, { version });
    expect(officeStarts.status).toBe(403);
    const leaderAssigns = await c.leader.post("/api/directives", { content: "x", leadUnitId: w.units.finance, deadline: { kind: "none", value: null } });
    expect(leaderAssigns.status).toBe(403);
    expect(leaderAssigns.body.error.message).toBe("Bạn không có quyền thực hiện thao tác này.");
    const partnerStarts = await c.planningLeader.post(`/api/directives/${id}/start`, { version });
    expect(partnerStarts.status).toBe(404);
    expect((await c.leader.get(`/api/directives/${id}`)).status).toBe(200);
  });

  it("answers a stale save with 409 and the current data", async () => {
    const first = await c.office.patch(`/api/directives/${id}`, { version, note: "Lưu ý 1" });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const stale = await c.office.patch(`/api/directives/${id}`, { version, note: "Lưu ý 2" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id, version: version + 1 });
    const staleStart = await c.financeStaff.post(`/api/directives/${id}/start`, { version });
    expect(staleStart.status).toBe(409);
  });

  it("needs a reason to change a deadline, and keeps the old one", async () => {
    const cur = await get(c.office, id);
    const noReason = await c.office.patch(`/api/directives/${id}`, { version: cur.directive.version, deadline: { kind: "date", value: inDays(25) } });
    expect(noReason.status).toBe(400);
    const ok = await c.office.patch(`/api/directives/${id}`, { version: cur.directive.version, deadline: { kind: "date", value: inDays(25) }, reason: "Theo chỉ đạo của Thường trực." });
    expect(ok.status).toBe(200);
    expect(ok.body.deadlines).toHaveLength(2);
    expect(ok.body.history.at(-1)).toMatchObject({ kind: "edit", reason: "Theo chỉ đạo của Thường trực." });
  });

  it("keeps supporting units' history without deleting rows", async () => {
    const d = await assign({ content: "Phối hợp thay đổi", leadUnitId: w.units.finance, partnerUnitIds: [w.units.planning], deadline: { kind: "none", value: null } });
    const changed = await c.office.patch(`/api/directives/${d.id}`, { version: d.version, partnerUnitIds: [w.units.organisation] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.directive.partnerUnitNames).toEqual(["Ban Tổ chức Tỉnh ủy"]);
    const rows = await db.selectFrom("directive_partners").select(["unit_id", "valid_from", "valid_to"]).where("province_id", "=", w.provinceId).where("directive_id", "=", d.id).execute();
    expect(rows.find((r) => r.unit_id === w.units.planning)).toMatchObject({ valid_from: today, valid_to: today });
    const back = await c.office.patch(`/api/directives/${d.id}`, { version: changed.body.directive.version, partnerUnitIds: [w.units.planning, w.units.organisation] });
    expect(back.body.directive.partnerUnitNames).toEqual(["Ban Tổ chức Tỉnh ủy", "Sở Kế hoạch và Đầu tư"]);
    expect(back.body.history.at(-1).kind).toBe("edit");
  });

  it("of N simultaneous edits, exactly one wins", async () => {
    const cur = await get(c.office, id);
    const n = 8;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => c.office.patch(`/api/directives/${id}`, { version: cur.directive.version, note: `Sửa đồng thời ${i}` })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(n - 1);
    const after = await get(c.office, id);
    expect(after.directive.version).toBe(cur.directive.version + 1);
    const winner = results.find((r) => r.status === 200)!;
    expect(after.directive.note).toBe(winner.body.directive.note);
    if (testEngine() === "postgres") {
      // Different actions racing on one version: one transition, the rest refused.
      const v = after.directive.version;
      const race = await Promise.all([
        c.financeStaff.post(`/api/directives/${id}/start`, { version: v }),
        c.financeLeader.post(`/api/directives/${id}/start`, { version: v }),
        c.office.patch(`/api/directives/${id}`, { version: v, note: "x" }),
        c.office.post(`/api/directives/${id}/status`, { version: v, action: "suspend", reason: "Tạm dừng" }),
      ]);
      expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    }
  });
});

describe("attachments", () => {
  let id: string;
  beforeAll(async () => {
    id = (await assign({ content: "Báo cáo có đính kèm", leadUnitId: w.units.finance, deadline: { kind: "none", value: null } })).id;
  });
  const send = (file: File) => c.financeStaff.request("POST", `/api/directives/${id}/reports`, reportForm({ progress: "10", narrative: "Có tệp" }, [file]));

  it("refuses other types and renamed files with Vietnamese errors", async () => {
    const exe = await send(new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], "chuong-trinh.exe"));
    expect(exe.status).toBe(400);
    expect(exe.body.error.message).toMatch(/không thuộc loại được phép đính kèm \(chỉ nhận \.pdf, \.docx, \.doc, \.xlsx, \.jpg, \.png\)/);
    const renamed = await send(new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], "bao-cao.pdf"));
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.message).toMatch(/không đúng định dạng \.pdf/);
    const png = await send(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])], "anh.png"));
    expect(png.status, JSON.stringify(png.body)).toBe(200);
  });

  it("refuses a file over 20 MB", async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 10);
    big.set(PDF);
    const res = await send(new File([big], "qua-lon.pdf"));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/quá lớn/);
    const reports = (await get(c.office, id)).reports;
    expect(reports.every((r: { files: { name: string }[] }) => r.files.every((f) => f.name !== "qua-lon.pdf"))).toBe(true);
  });
});

describe("the tracking sheet, 'Việc của tôi' and statistics as of a cut-off day", () => {
  let ids: Record<string, string> = {};
  let sub: string;
  beforeAll(async () => {
    // A sub-province of its own so that counts are exact.
    ids = {};
    const office = acting(w, "office", "office", [w.units.office]);
    const staff = acting(w, "financeStaff", "unit_staff", [w.units.finance]);
    const lead = acting(w, "financeLeader", "unit_leader", [w.units.finance]);
    const planning = acting(w, "planningLeader", "unit_leader", [w.units.planning]);
    const mk = (key: string, unit: string, due: string | null, leader: string | null = null) =>
      asUserAt(db, w.provinceId, office, "2024-10-08", async (wr) => {
        const row = await createDirective(wr, {
          content: `Nhiệm vụ thống kê ${key}`,
          leadUnitId: unit,
          deadline: due ? { kind: "date", value: due } : { kind: "none", value: null },
          leaderId: leader,
          followerId: w.users.office.id,
          source: "manual",
          note: "stats",
        });
        ids[key] = row.id;
        return row;
      });
    await mk("onTime", w.units.finance, "2024-10-31", w.users.leader.id);
    await mk("late", w.units.finance, "2024-10-31");
    await mk("overdue", w.units.finance, "2024-10-31");
    await mk("open", w.units.planning, "2024-12-31");
    await mk("noDeadline", w.units.planning, null);
    const version = async (id: string) => (await db.selectFrom("directives").select("version").where("province_id", "=", w.provinceId).where("id", "=", id).executeTakeFirstOrThrow()).version;
    await asUserAt(db, w.provinceId, staff, "2024-10-10", (wr) => submitReport(wr, ids.onTime!, { progress: 50, narrative: "Nửa chặng" }));
    // (Versions are read before each transaction: PGlite has one connection.)
    let v = await version(ids.onTime!);
    const req = await asUserAt(db, w.provinceId, lead, "2024-10-25", (wr) => submitRequest(wr, ids.onTime!, { version: v, kind: "completion", result: "Xong sớm" }));
    v = await version(ids.onTime!);
    await asUserAt(db, w.provinceId, office, "2024-11-04", (wr) => decide(wr, ids.onTime!, req, { version: v, approve: true }));
    v = await version(ids.late!);
    await asUserAt(db, w.provinceId, staff, "2024-10-12", (wr) => act(wr, ids.late!, "start", { version: v }));
    v = await version(ids.late!);
    const req2 = await asUserAt(db, w.provinceId, lead, "2024-11-05", (wr) => submitRequest(wr, ids.late!, { version: v, kind: "completion", result: "Xong muộn" }));
    v = await version(ids.late!);
    await asUserAt(db, w.provinceId, office, "2024-11-06", (wr) => decide(wr, ids.late!, req2, { version: v, approve: true }));
    await asUserAt(db, w.provinceId, planning, "2024-11-20", (wr) => submitReport(wr, ids.open!, { progress: 30, narrative: "Đang làm" }));
    sub = "stats";
  });

  const sheet = async (query: string) => {
    const res = await c.office.get(`/api/directives?q=${encodeURIComponent("Nhiệm vụ thống kê")}&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { total: number; rows: { id: string; content: string; status: string; timeliness: string; progress: number | null; dueOn: string | null }[] };
  };
  const names = (rows: { content: string }[]) => rows.map((r) => r.content.replace("Nhiệm vụ thống kê ", "")).sort();

  it("tells status and timeliness as they were on any day", async () => {
    const oct20 = await sheet("asOf=2024-10-20");
    const by = new Map(oct20.rows.map((r) => [r.content.replace("Nhiệm vụ thống kê ", ""), r]));
    expect(by.get("onTime")).toMatchObject({ status: "in_progress", timeliness: "on_time", progress: 50 });
    expect(by.get("late")).toMatchObject({ status: "in_progress", timeliness: "on_time" });
    const oct29 = await sheet("asOf=2024-10-29");
    expect(oct29.rows.find((r) => r.id === ids.overdue)!.timeliness).toBe("due_soon");
    const nov1 = await sheet("asOf=2024-11-01");
    const n1 = new Map(nov1.rows.map((r) => [r.id, r]));
    expect(n1.get(ids.onTime!)).toMatchObject({ status: "awaiting_confirmation", timeliness: "on_time" });
    expect(n1.get(ids.late!)).toMatchObject({ status: "in_progress", timeliness: "overdue" });
    expect(n1.get(ids.overdue!)).toMatchObject({ status: "not_started", timeliness: "overdue" });
    const dec1 = await sheet("asOf=2024-12-01");
    const d1 = new Map(dec1.rows.map((r) => [r.id, r]));
    expect(d1.get(ids.onTime!)!.timeliness).toBe("done_on_time");
    expect(d1.get(ids.late!)!.timeliness).toBe("done_late");
    expect(d1.get(ids.open!)!.progress).toBe(30);
    expect((await sheet("asOf=2024-10-07")).total).toBe(0);
  });

  it("filters by status, timeliness, unit, leader and deadline range, and sorts", async () => {
    expect(names((await sheet("asOf=2024-12-01&timeliness=overdue")).rows)).toEqual(["overdue"]);
    expect(names((await sheet("asOf=2024-12-01&timeliness=done_on_time,done_late")).rows)).toEqual(["late", "onTime"]);
    expect(names((await sheet("asOf=2024-12-01&status=done")).rows)).toEqual(["late", "onTime"]);
    expect(names((await sheet(`asOf=2024-12-01&unitId=${w.units.planning}`)).rows)).toEqual(["noDeadline", "open"]);
    expect(names((await sheet(`asOf=2024-12-01&leaderId=${w.users.leader.id}`)).rows)).toEqual(["onTime"]);
    expect(names((await sheet("asOf=2024-12-01&dueFrom=2024-12-01&dueTo=2024-12-31")).rows)).toEqual(["open"]);
    const sorted = await sheet("asOf=2024-12-01&sort=due&order=desc");
    expect(sorted.rows.map((r) => r.dueOn)).toEqual(["2024-12-31", "2024-10-31", "2024-10-31", "2024-10-31", null]);
    const bad = await c.office.get("/api/directives?timeliness=late");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Tình trạng thời hạn "late" không hợp lệ/);
  });

  it("counts per unit and ranks them as of the cut-off", async () => {
    const stats = async (asOf: string) => {
      const res = await c.office.get(`/api/directives/stats?asOf=${asOf}&dueTo=2024-12-31`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const dec = await stats("2024-12-01");
    const fin = dec.units.find((u: { unitId: string }) => u.unitId === w.units.finance);
    expect(fin).toMatchObject({ unitName: "Sở Tài chính", total: 3, doneOnTime: 1, doneLate: 1, overdue: 1, notYetDue: 0, rank: 1 });
    expect(fin.onTimePercent).toBeCloseTo(100 / 3, 5);
    const plan = dec.units.find((u: { unitId: string }) => u.unitId === w.units.planning);
    expect(plan).toMatchObject({ total: 1, notYetDue: 1, onTimePercent: null, rank: null });
    const oct = await stats("2024-10-20");
    expect(oct.units.find((u: { unitId: string }) => u.unitId === w.units.finance)).toMatchObject({ total: 3, doneOnTime: 0, notYetDue: 3, overdue: 0 });
  });

  it("puts overdue work on top of 'Việc của tôi', soonest first", async () => {
    const res = await c.financeStaff.get("/api/my-work");
    expect(res.status).toBe(200);
    const mine = res.body.lead as { timeliness: string; dueOn: string | null; status: string }[];
    expect(mine.length).toBeGreaterThan(2);
    const firstNotOverdue = mine.findIndex((r) => r.timeliness !== "overdue");
    expect(mine.slice(firstNotOverdue).some((r) => r.timeliness === "overdue")).toBe(false);
    expect(mine[0]!.timeliness).toBe("overdue");
    const owed = mine.filter((r) => r.status !== "awaiting_confirmation" && r.timeliness !== "overdue" && r.dueOn);
    expect(owed.map((r) => r.dueOn)).toEqual([...owed.map((r) => r.dueOn)].sort());
    expect(mine.every((r) => ["not_started", "in_progress", "awaiting_confirmation"].includes(r.status))).toBe(true);
    // The supporting unit sees what it supports apart.
    const partner = await c.financeLeader.get("/api/my-work");
    expect(partner.body.partner.length + partner.body.lead.length).toBeGreaterThan(0);
    void sub;
  });

  it("agrees with the domain rule on timeliness for every filter", async () => {
    for (const asOf of ["2024-10-20", "2024-10-29", "2024-11-01", "2024-12-01", today]) {
      const all = await sheet(`asOf=${asOf}&limit=1000&parts=all`);
      for (const t of ["on_time", "due_soon", "overdue", "no_deadline", "done_on_time", "done_late", "not_tracked"]) {
        const filtered = await sheet(`asOf=${asOf}&limit=1000&parts=all&timeliness=${t}`);
        expect(filtered.rows.map((r) => r.id).sort(), `${asOf} ${t}`).toEqual(all.rows.filter((r) => r.timeliness === t).map((r) => r.id).sort());
      }
    }
  });
});

describe("passing a part down", () => {
  it("lets the lead unit's leader give part to a sub-unit, which reports and is confirmed by the unit that gave it", async () => {
    const d = await assign({ content: "Xử lý nợ đọng thuế", leadUnitId: w.units.finance, deadline: { kind: "date", value: inDays(30) } });
    const tooLate = await c.financeLeader.post(`/api/directives/${d.id}/delegate`, { content: "Rà soát nợ", leadUnitId: w.units.financeDept, deadline: { kind: "date", value: inDays(31) } });
    expect(tooLate.status).toBe(400);
    const outside = await c.financeLeader.post(`/api/directives/${d.id}/delegate`, { content: "Rà soát nợ", leadUnitId: w.units.planning, deadline: { kind: "date", value: inDays(20) } });
    expect(outside.status).toBe(400);
    const part = await c.financeLeader.post(`/api/directives/${d.id}/delegate`, { content: "Rà soát nợ đọng của 50 doanh nghiệp lớn", leadUnitId: w.units.financeDept, deadline: { kind: "date", value: inDays(20) } });
    expect(part.status, JSON.stringify(part.body)).toBe(200);
    const childId = part.body.directive.id;
    expect(part.body.parent.id).toBe(d.id);
    const mine = await c.deptStaff.get("/api/my-work");
    expect(mine.body.lead.some((r: { id: string }) => r.id === childId)).toBe(true);
    const rep = await c.deptStaff.post(`/api/directives/${childId}/reports`, { progress: 100, narrative: "Đã rà soát xong." });
    const ask = await c.deptLeader.post(`/api/directives/${childId}/requests`, { version: rep.body.directive.version, kind: "completion", result: "Xong" });
    expect(ask.status, JSON.stringify(ask.body)).toBe(200);
    const ok = await c.financeLeader.post(`/api/directives/${childId}/requests/${ask.body.requestId}/decision`, { version: ask.body.directive.version, approve: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.directive.status).toBe("done");
    // The sub-unit cannot decide on its own part, nor see the rest of the parent's province work.
    const parentForDept = await c.deptLeader.get(`/api/directives/${d.id}`);
    expect(parentForDept.status).toBe(404);
    const parentPage = await get(c.office, d.id);
    expect(parentPage.children).toHaveLength(1);
    // Parts are not counted twice in the office's sheet.
    const top = await c.office.get(`/api/directives?q=${encodeURIComponent("nợ")}`);
    expect(top.body.rows.map((r: { id: string }) => r.id)).toEqual([d.id]);
  });
});

describe("written urgings", () => {
  it("records the urging on each directive and tells the lead units' people, once", async () => {
    const a = await assign({ content: "Đẩy nhanh giải ngân vốn đầu tư công", leadUnitId: w.units.finance, deadline: { kind: "date", value: inDays(1) } });
    const b = await assign({ content: "Hoàn thành thủ tục Khu công nghiệp", leadUnitId: w.units.planning, deadline: { kind: "date", value: inDays(3) } });
    const res = await c.office.post("/api/directives/urgings", { directiveIds: [a.id, b.id], content: "Văn phòng Tỉnh ủy đề nghị các đơn vị khẩn trương thực hiện, báo cáo trước ngày hết hạn.", symbol: "512-CV/VPTU" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.directives).toBe(2);
    // Sở Tài chính has two users with addresses, Sở KH&ĐT one.
    expect(res.body.mails).toBe(3);
    const page = await get(c.office, a.id);
    expect(page.urgings[0]).toMatchObject({ symbol: "512-CV/VPTU", issuedByName: "Cán bộ office" });
    expect(page.history.at(-1).kind).toBe("urging");
    const notices = await c.financeStaff.get("/api/notifications");
    const urging = notices.body.items.find((n: { kind: string }) => n.kind === "urging");
    expect(urging.title).toMatch(/Văn bản đôn đốc số 512-CV\/VPTU ngày \d{2}\/\d{2}\/\d{4}/);
    const mails = await db.selectFrom("mail_outbox").select(["to_address", "subject", "body_text"]).where("province_id", "=", w.provinceId).where("kind", "=", "urging").execute();
    expect(mails).toHaveLength(3);
    expect(mails.find((m) => m.to_address === w.users.financeStaff.email)!.body_text).toMatch(/Đẩy nhanh giải ngân vốn đầu tư công/);
    const read = await c.financeStaff.post(`/api/notifications/${urging.id}/read`);
    expect(read.status).toBe(200);
    const unitTries = await c.financeLeader.post("/api/directives/urgings", { directiveIds: [a.id], content: "x" });
    expect(unitTries.status).toBe(403);
  });

  it("drafts the letter of the urging: its number, V/v, the lead units addressed, each directive's deadline and lateness", async () => {
    const late = await assign({ content: "Rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025 - 2030", leadUnitId: w.units.finance, deadline: { kind: "date", value: inDays(-4) } });
    const soon = await assign({ content: "Tổng hợp kết quả thu ngân sách quý", leadUnitId: w.units.planning, deadline: { kind: "date", value: inDays(2) } });
    const res = await c.office.post("/api/directives/urgings", {
      directiveIds: [late.id, soon.id],
      content: "Thực hiện ý kiến chỉ đạo của Thường trực Tỉnh ủy, Văn phòng Tỉnh ủy đôn đốc các cơ quan thực hiện các nhiệm vụ sau.",
      symbol: "45-CV/VPTU",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const file = await c.office.get(`/api/directives/urgings/${res.body.id}/letter`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain(encodeURIComponent("Công văn đôn đốc số 45-CV-VPTU"));
    const xml = strFromU8(unzipSync(file.body as Uint8Array)["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("VĂN PHÒNG");
    expect(text).toContain("Số 45-CV/VPTU");
    expect(text).toContain("V/v đôn đốc thực hiện nhiệm vụ");
    expect(text).toMatch(/Kính gửi: - Sở Kế hoạch và Đầu tư,- Sở Tài chính\./);
    expect(text).toContain("Thực hiện ý kiến chỉ đạo của Thường trực Tỉnh ủy");
    expect(text).toContain("Rà soát, bổ sung quy hoạch cán bộ");
    expect(text).toContain(`Chưa thực hiện, quá hạn 4 ngày`);
    expect(text).toContain(`Chưa thực hiện, sắp đến hạn (còn 2 ngày)`);
    expect(text).toContain("CHÁNH VĂN PHÒNG");
    // Only the office issues urgings, so only the office drafts their letters.
    expect((await c.financeLeader.get(`/api/directives/urgings/${res.body.id}/letter`)).status).toBe(403);
    expect((await c.office.get(`/api/directives/urgings/${newId()}/letter`)).status).toBe(404);
  });
});
