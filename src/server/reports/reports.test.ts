import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDirectives, generateYearTargets } from "../../../bench/generate/report-data.ts";
import { createTestProvince } from "../../../test/support/db.ts";
import { createTestUser, signedInClient, type TestClient, testApp, uniqueName } from "../../../test/support/http.ts";
import { addDays } from "../../domain/format.ts";
import { parsePeriodCode } from "../../domain/periods.ts";
import { dashboard, trend } from "../dashboard/queries.ts";
import type { Db } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { runOneJob } from "../jobs/queue.ts";
import { directivesAsOf, tallyOf } from "./data.ts";
import { generateWorkResults } from "./generate.ts";

// Reports and the dashboard over HTTP, on both engines: a province with a year of directives
// (dated states) and a year's targets; the office drafts reports as background jobs and
// downloads them; leaders read the dashboard; the numbers of both agree.

let db: Db;
let provinceId: number;
let units: string[];
let office: TestClient;
let leader: TestClient;
let staff: TestClient;
let paperId: string;

async function makeUnits(p: number): Promise<string[]> {
  const ids: string[] = [];
  const rows = [
    ["TU", "province_committee", "Tỉnh ủy Thử Nghiệm", null],
    ["VPTU", "party_organ", "Văn phòng Tỉnh ủy", 0],
    ["SO-TC", "department", "Sở Tài chính", 0],
    ["SO-NV", "department", "Sở Nội vụ", 0],
    ["BTC", "party_organ", "Ban Tổ chức Tỉnh ủy", 0],
    ["SO-YT", "department", "Sở Y tế", 0],
    ["SO-GD", "department", "Sở Giáo dục và Đào tạo", 0],
  ] as const;
  for (const [code, kind, name, parent] of rows) {
    const id = newId();
    ids.push(id);
    await db.insertInto("units").values({ province_id: p, id, code }).execute();
    await db
      .insertInto("unit_versions")
      .values({ province_id: p, unit_id: id, valid_from: "2020-01-01", valid_to: null, parent_id: parent === null ? null : ids[parent]!, kind, name, short_name: null, aliases: [] })
      .execute();
  }
  return ids;
}

/** Runs queued jobs until this one has finished (other test files' jobs may run too). */
async function finish(client: TestClient, jobId: string) {
  for (let i = 0; i < 50; i++) {
    const res = await client.get(`/api/jobs/${jobId}`);
    if (res.body.status === "done" || res.body.status === "failed") return res.body;
    await runOneJob(db);
  }
  throw new Error("job did not finish");
}

beforeAll(async () => {
  const t = await testApp();
  db = t.db;
  provinceId = await createTestProvince(db, "Tỉnh Báo Cáo");
  units = await makeUnits(provinceId);
  await generateDirectives(db, provinceId, { units: units.slice(2), year: 2024, count: 120, until: "2024-12-31", seed: 42 });
  await generateYearTargets(db, provinceId, { units: units.slice(2), year: 2024, count: 12 });
  paperId = (await db.selectFrom("papers").select("id").where("province_id", "=", provinceId).orderBy("issued_on").executeTakeFirstOrThrow()).id;
  const names = { office: uniqueName("vp"), leader: uniqueName("ld"), staff: uniqueName("cv") };
  await createTestUser(db, provinceId, { username: names.office, role: "office", unitIds: [units[1]!] });
  await createTestUser(db, provinceId, { username: names.leader, role: "leader", unitIds: [units[0]!] });
  await createTestUser(db, provinceId, { username: names.staff, role: "unit_staff", unitIds: [units[2]!] });
  office = await signedInClient(t.app, names.office);
  leader = await signedInClient(t.app, names.leader);
  staff = await signedInClient(t.app, names.staff);
});

describe("work-results report", () => {
  it("is drafted as a job, with progress, and downloaded as a Party-format .docx", async () => {
    const start = await office.post("/api/reports/work-results", { period: "2024", asOf: "2024-12-31", format: "docx" });
    expect(start.status).toBe(200);
    expect(start.body.periodLabel).toBe("Năm 2024");
    const job = await finish(office, start.body.jobId);
    expect(job.status).toBe("done");
    expect(job.progress).toBe(1);
    expect(job.downloadUrl).toBe(`/api/jobs/${start.body.jobId}/download`);
    const file = await office.get(job.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("wordprocessingml");
    expect(decodeURIComponent(file.headers.get("content-disposition") ?? "")).toContain("Báo cáo kết quả năm 2024");
    const bytes = file.body as Uint8Array;
    expect(strFromU8(bytes.slice(0, 2))).toBe("PK");
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("TỈNH ỦY THỬ NGHIỆM");
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("Kết quả thực hiện nhiệm vụ công tác năm 2024");
    expect(text).toContain("T/M TỈNH ỦY");
    // The report counts exactly the directives the record gives for the period and cut-off.
    const facts = await directivesAsOf(db, provinceId, { periodStart: "2024-01-01", periodEnd: "2024-12-31", asOf: "2024-12-31" });
    const t = tallyOf(facts);
    expect(t.total).toBe(120);
    expect(text).toContain(`theo dõi, đôn đốc ${t.total} nhiệm vụ`);
    expect(text).toContain(`${t.overdue} nhiệm vụ quá hạn chưa hoàn thành`);
    // Every directive is traceable in Annex I by its short code.
    for (const d of facts.slice(0, 10)) expect(text).toContain(d.id.replace(/-/g, "").slice(-8));
    // The report is listed and can be downloaded again.
    const list = await office.get("/api/reports");
    const listed = list.body.reports.find((r: { fileName: string }) => r.fileName === job.result.name);
    expect(listed).toBeTruthy();
    expect((await office.get(listed.downloadUrl)).status).toBe(200);
  });

  it("gives the same file for the same cut-off, whatever happens after it", async () => {
    const options = { provinceId, period: "2024-9M", asOf: "2024-09-30", format: "docx" as const };
    const a = await generateWorkResults(db, options);
    // A directive's state changes after the cut-off, and a figure is approved after it.
    const open = await db
      .selectFrom("directive_states")
      .selectAll()
      .where("province_id", "=", provinceId)
      .where("valid_to", "is", null)
      .where("status", "=", "in_progress")
      .executeTakeFirstOrThrow();
    await db.transaction().execute(async (tx) => {
      await tx.updateTable("directive_states").set({ valid_to: "2025-01-10" }).where("province_id", "=", provinceId).where("directive_id", "=", open.directive_id).where("valid_from", "=", open.valid_from).execute();
      await tx
        .insertInto("directive_states")
        .values({ ...open, valid_from: "2025-01-10", valid_to: null, status: "awaiting_confirmation", requested_on: "2025-01-10" })
        .execute();
    });
    const target = await db.selectFrom("targets").select("id").where("province_id", "=", provinceId).orderBy("position").executeTakeFirstOrThrow();
    await db
      .insertInto("target_values")
      .values({ province_id: provinceId, id: newId(), target_id: target.id, period: "2024-9M", basis: "estimate", value: 1, status: "approved", approved_at: new Date("2025-01-20T03:00:00Z") })
      .execute();
    const b = await generateWorkResults(db, options);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    // A later cut-off sees the change.
    const later = await generateWorkResults(db, { ...options, asOf: "2025-01-15" });
    expect(later.fingerprint).not.toBe(a.fingerprint);
  });

  it("writes the statistics tables as .xlsx", async () => {
    const start = await office.post("/api/reports/work-results", { period: "2024-H1", asOf: "2024-06-30", format: "xlsx" });
    const job = await finish(office, start.body.jobId);
    expect(job.status).toBe("done");
    const file = await office.get(job.downloadUrl);
    expect(file.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.body as Uint8Array) as never);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain("Theo đơn vị");
    expect(names).toContain("Theo lĩnh vực");
    const sheet = wb.getWorksheet("Theo đơn vị")!;
    const header = sheet.getRow(3).values as unknown[];
    expect(header).toContain("Đơn vị chủ trì");
    expect(header).toContain("Quá hạn");
  });

  it("converts to .pdf with LibreOffice", async () => {
    const start = await office.post("/api/reports/work-results", { period: "2024-Q3", asOf: "2024-09-30", format: "pdf" });
    const job = await finish(office, start.body.jobId);
    expect(job.error).toBeNull();
    const file = await office.get(job.downloadUrl);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(strFromU8((file.body as Uint8Array).slice(0, 5))).toBe("%PDF-");
  }, 180_000);

  it("refuses a bad period and people who may not draft reports", async () => {
    expect((await office.post("/api/reports/work-results", { period: "2024-05" })).status).toBe(400);
    expect((await office.post("/api/reports/work-results", { period: "2024", asOf: "31/12/2024" })).status).toBe(400);
    expect((await staff.post("/api/reports/work-results", { period: "2024" })).status).toBe(403);
    expect((await staff.get("/api/reports")).status).toBe(403);
  });
});

describe("conclusion notice", () => {
  it("drafts the notice of a paper's directives: numbered items, who leads, by when, signed T/L BAN THƯỜNG VỤ", async () => {
    const start = await office.post("/api/reports/conclusion", { paperId, format: "docx", meetingDate: "2024-01-05" });
    expect(start.status).toBe(200);
    const job = await finish(office, start.body.jobId);
    expect(job.status).toBe("done");
    const file = await office.get(job.downloadUrl);
    const xml = strFromU8(unzipSync(file.body as Uint8Array)["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("THÔNG BÁO");
    expect(text).toContain("Số      -TB/TU");
    expect(text).toContain("Văn phòng Tỉnh ủy thông báo");
    expect(text).toMatch(/1\. [^.]+\..*chủ trì thực hiện; hoàn thành trước ngày \d\d\/\d\d\/2024\./);
    expect(text).toContain("T/L BAN THƯỜNG VỤ");
    expect(text).toContain("CHÁNH VĂN PHÒNG");
    expect(text).toContain("Nơi nhận:");
  });

  it("needs a paper or directives of the province", async () => {
    expect((await office.post("/api/reports/conclusion", { format: "docx" })).status).toBe(400);
    expect((await office.post("/api/reports/conclusion", { directiveIds: [newId()] })).status).toBe(404);
  });
});

describe("dashboard", () => {
  it("shows the same numbers as the report, by outcome, status and unit, with targets and trends", async () => {
    const res = await leader.get("/api/dashboard?period=2024&asOf=2024-12-31");
    expect(res.status).toBe(200);
    const facts = await directivesAsOf(db, provinceId, { periodStart: "2024-01-01", periodEnd: "2024-12-31", asOf: "2024-12-31" });
    const t = tallyOf(facts);
    expect(res.body.directives.outcomes).toEqual(t);
    expect(res.body.period.label).toBe("Năm 2024");
    const sumUnits = res.body.units.reduce((s: number, u: { total: number }) => s + u.total, 0);
    expect(sumUnits).toBe(t.total);
    // Ranked by overdue work, most first.
    const overdue = res.body.units.map((u: { overdue: number }) => u.overdue);
    expect(overdue).toEqual([...overdue].sort((a: number, b: number) => b - a));
    expect(res.body.units[0].overdueRank).toBe(1);
    expect(res.body.targets.total.total).toBe(12);
    expect(res.body.targets.resolutions[0].line).toMatch(/^\d+\/12 chỉ tiêu đủ điều kiện đánh giá; \d+\/\d+ đạt kế hoạch$/);
    expect(res.body.trend).toHaveLength(12);
    expect(res.body.trend.reduce((s: number, m: { doneOnTime: number; doneLate: number }) => s + m.doneOnTime + m.doneLate, 0)).toBe(t.done_on_time + t.done_late);
    expect(res.body.trend[11].overdue).toBe(t.overdue);
  });

  it("keeps the month-by-month overdue work right on every change of a directive's state", async () => {
    const year = { provinceId, period: parsePeriodCode("2024")!, asOf: "2024-12-31" };
    const overdueByMonth = async () => {
      // From the trigger-kept spans (whole province) and from the dated states (a units filter reads them).
      const spans = await trend(db, year, "2026-01-01");
      const states = await trend(db, { ...year, units }, "2026-01-01");
      expect(spans.map((m) => m.overdue)).toEqual(states.map((m) => m.overdue));
      return spans.map((m) => m.overdue);
    };
    const before = await overdueByMonth();
    expect(before.some((n) => n > 0)).toBe(true);
    // An open, overdue directive is done on day c: from the end of c's month on, it is no longer overdue.
    const open = await db
      .selectFrom("directive_states")
      .selectAll()
      .where("province_id", "=", provinceId)
      .where("valid_to", "is", null)
      .where("status", "=", "in_progress")
      .where("due_on", "<", "2024-10-01")
      .where("valid_from", "<", "2024-10-01")
      .orderBy("due_on")
      .executeTakeFirstOrThrow();
    const c = addDays(open.due_on! > open.valid_from ? open.due_on! : open.valid_from, 5);
    await db.transaction().execute(async (tx) => {
      await tx.updateTable("directive_states").set({ valid_to: c }).where("province_id", "=", provinceId).where("directive_id", "=", open.directive_id).where("valid_from", "=", open.valid_from).execute();
      await tx.insertInto("directive_states").values({ ...open, valid_from: c, status: "done", requested_on: c, completed_on: c }).execute();
    });
    const after = await overdueByMonth();
    const monthEnds = ["01-31", "02-29", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"].map((d) => `2024-${d}`);
    expect(after).toEqual(before.map((n, k) => (monthEnds[k]! >= c ? n - 1 : n)));
    // Undone: the rows removed and the old one reopened.
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom("directive_states").where("province_id", "=", provinceId).where("directive_id", "=", open.directive_id).where("valid_from", "=", c).execute();
      await tx.updateTable("directive_states").set({ valid_to: null }).where("province_id", "=", provinceId).where("directive_id", "=", open.directive_id).where("valid_from", "=", open.valid_from).execute();
    });
    expect(await overdueByMonth()).toEqual(before);
    // A restore inserts the states again into an empty database (backups leave the derived schema
    // out): the spans come back the same.
    const spansOf = () =>
      db.selectFrom("derived.dashboard_overdue_spans").select(["from_month", "to_month", "n"]).where("province_id", "=", provinceId).where("n", "!=", 0).orderBy("from_month").orderBy("to_month").execute();
    const spans = await spansOf();
    const states = await db.selectFrom("directive_states").selectAll().where("province_id", "=", provinceId).execute();
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom("directive_states").where("province_id", "=", provinceId).execute();
      expect(await tx.selectFrom("derived.dashboard_overdue_spans").select("n").where("province_id", "=", provinceId).where("n", "!=", 0).execute()).toEqual([]);
      for (let k = 0; k < states.length; k += 200) await tx.insertInto("directive_states").values(states.slice(k, k + 200)).execute();
    });
    expect(await spansOf()).toEqual(spans);
    // The dashboard's last point is the cut-off's own count.
    const mid = await dashboard(db, { provinceId, period: parsePeriodCode("2024")!, asOf: "2024-11-20" }, "2026-01-01");
    expect(mid.trend.at(-1)!.month).toBe("2024-11");
    expect(mid.trend.at(-1)!.overdue).toBe(mid.directives.outcomes.overdue);
  });

  it("drills down to a unit's directives and targets", async () => {
    const res = await leader.get("/api/dashboard?period=2024&asOf=2024-12-31");
    const unit = res.body.units[0];
    const drill = await leader.get(`/api/dashboard/units/${unit.unitId}?period=2024&asOf=2024-12-31`);
    expect(drill.status).toBe(200);
    expect(drill.body.unit.name).toBe(unit.name);
    expect(drill.body.directives).toHaveLength(unit.total);
    expect(drill.body.directives.filter((d: { outcome: string }) => d.outcome === "overdue")).toHaveLength(unit.overdue);
    expect(drill.body.directives[0].outcome).toBe(unit.overdue ? "overdue" : drill.body.directives[0].outcome);
    expect((await leader.get(`/api/dashboard/units/${newId()}?period=2024`)).status).toBe(404);
  });

  it("points a period without targets to the latest period with figures", async () => {
    const res = await leader.get("/api/dashboard?period=2019&asOf=2019-12-31");
    expect(res.status).toBe(200);
    expect(res.body.targets.resolutions).toEqual([]);
    expect(res.body.latestTargetPeriod).toMatchObject({ code: expect.stringMatching(/^2024/) });
    // There, some target can be assessed.
    const there = await leader.get(`/api/dashboard?period=${res.body.latestTargetPeriod.code}`);
    expect(there.body.targets.total.assessable).toBeGreaterThan(0);
  });

  it("is for leaders, the office and administrators", async () => {
    expect((await office.get("/api/dashboard?period=2024-9M")).status).toBe(200);
    expect((await staff.get("/api/dashboard")).status).toBe(403);
    expect((await leader.get("/api/dashboard?period=2024-13")).status).toBe(400);
  });
});
