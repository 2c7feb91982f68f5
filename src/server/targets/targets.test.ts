import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestProvince } from "../../../test/support/db.ts";
import { createTestUser, signedInClient, type TestClient, testApp, uniqueName } from "../../../test/support/http.ts";
import { verifyAudit } from "../audit/audit.ts";
import type { Db } from "../db/schema.ts";
import { newId } from "../ids.ts";

// What the office and the units do with targets, over HTTP, on both engines: keep the catalogue,
// enter estimates and official figures, approve them, read a resolution's table and summary,
// take a figure from a confirmed paper, import from Excel, and ask for and give explanations.

let app: Awaited<ReturnType<typeof testApp>>["app"];
let db: Db;
let provinceId: number;
let office: TestClient;
let admin: TestClient;
let leader: TestClient;
let finance: TestClient; // unit leader, Sở Tài chính
let trade: TestClient; // unit staff, Sở Công Thương
const unit: Record<string, string> = {};

async function addUnit(code: string, name: string, parent: string | null): Promise<string> {
  const id = newId();
  await db.insertInto("units").values({ province_id: provinceId, id, code }).execute();
  await db
    .insertInto("unit_versions")
    .values({ province_id: provinceId, unit_id: id, valid_from: "2020-01-01", valid_to: null, parent_id: parent, kind: parent ? "department" : "province_committee", name, short_name: null, aliases: [] })
    .execute();
  return id;
}

async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

async function newResolution(body: Record<string, unknown> = {}) {
  return ok(office.post("/api/targets/resolutions", { kind: "yearly_resolution", year: 2024, title: "Nghị quyết về nhiệm vụ năm 2024", symbol: uniqueName("NQ").slice(0, 40), ...body }));
}

const target = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `Chỉ tiêu ${code}`,
  unit: "tỷ đồng",
  direction: "increase",
  accumulates: true,
  periodKinds: ["quarter", "half", "nine_months", "year"],
  ownerUnitId: unit.finance,
  plans: [{ period: "2024", value: 100 }],
  ...over,
});

beforeAll(async () => {
  ({ app, db } = await testApp());
  provinceId = await createTestProvince(db);
  unit.root = await addUnit("TU", "Tỉnh ủy Thử Nghiệm", null);
  unit.office = await addUnit("VPTU", "Văn phòng Tỉnh ủy", unit.root);
  unit.finance = await addUnit("SO-TC", "Sở Tài chính", unit.root);
  unit.trade = await addUnit("SO-CT", "Sở Công Thương", unit.root);
  const make = async (role: "office" | "admin" | "leader" | "unit_leader" | "unit_staff", units: string[]) => {
    const username = uniqueName(role);
    await createTestUser(db, provinceId, { username, role, unitIds: units, fullName: `Người ${role}` });
    return signedInClient(app, username);
  };
  office = await make("office", [unit.office]);
  admin = await make("admin", []);
  leader = await make("leader", [unit.root]);
  finance = await make("unit_leader", [unit.finance]);
  trade = await make("unit_staff", [unit.trade]);
});

describe("the catalogue", () => {
  it("creates a resolution with targets and plans, and answers a stale edit with 409", async () => {
    const r = await newResolution();
    expect(r.scopeLabel).toBe("Năm 2024");
    const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1", { name: "Tổng thu ngân sách nhà nước trên địa bàn", plans: [{ period: "2024", value: 8800 }] })));
    expect(t.plans).toEqual([{ period: "2024", label: "Năm 2024", value: 8800 }]);
    expect(t.termBasis).toBe("sum");

    const detail = await ok(leader.get(`/api/targets/resolutions/${r.id}`));
    expect(detail.targets.map((x: { code: string }) => x.code)).toEqual(["1"]);
    expect(detail.periods.map((p: { code: string }) => p.code)).toContain("2024-9M");
    expect(detail.defaultPeriod).toBe("2024");

    const renamed = await ok(office.patch(`/api/targets/items/${t.id}`, { version: t.version, name: "Tổng thu NSNN trên địa bàn" }));
    expect(renamed.target.name).toBe("Tổng thu NSNN trên địa bàn");
    const stale = await office.patch(`/api/targets/items/${t.id}`, { version: t.version, name: "Thu ngân sách" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.name).toBe("Tổng thu NSNN trên địa bàn");

    const dup = await office.post(`/api/targets/resolutions/${r.id}/targets`, target("1"));
    expect(dup.status).toBe(409);
    const outside = await office.post(`/api/targets/resolutions/${r.id}/targets`, target("2", { plans: [{ period: "2023", value: 1 }] }));
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(/Năm 2023/);
  });

  it("does not lower a plan without a recorded reason", async () => {
    const r = await newResolution();
    const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1")));
    const lowered = await office.patch(`/api/targets/items/${t.id}`, { version: t.version, plans: [{ period: "2024", value: 90 }] });
    expect(lowered.status).toBe(400);
    expect(lowered.body.error.message).toMatch(/Không điều chỉnh giảm chỉ tiêu/);
    const decided = await ok(office.patch(`/api/targets/items/${t.id}`, { version: t.version, plans: [{ period: "2024", value: 90 }], reason: "Nghị quyết điều chỉnh số 05-NQ/TU" }));
    expect(decided.target.plans[0].value).toBe(90);
    const raised = await ok(office.patch(`/api/targets/items/${t.id}`, { version: decided.target.version, plans: [{ period: "2024", value: 120 }] }));
    expect(raised.target.plans[0].value).toBe(120);
  });

  it("lets only the office and administrators keep the catalogue", async () => {
    const res = await finance.post("/api/targets/resolutions", { kind: "yearly_programme", year: 2024, title: "Chương trình công tác năm 2024" });
    expect(res.status).toBe(403);
    const congress = await ok(admin.post("/api/targets/resolutions", { kind: "congress", term: "2020-2025", title: "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI" }));
    expect(congress.scopeLabel).toBe("Nhiệm kỳ 2020 - 2025");
    const archived = await ok(admin.patch(`/api/targets/resolutions/${congress.id}`, { version: congress.version, archived: true }));
    expect(archived.archived).toBe(true);
    const list = await ok(leader.get("/api/targets/resolutions"));
    expect(list.resolutions.some((x: { id: string }) => x.id === congress.id)).toBe(false);
  });
});

describe("figures", () => {
  it("keeps an estimate and the official figure apart; only approved figures count", async () => {
    const r = await newResolution();
    const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1", { plans: [{ period: "2024", value: 8800 }] })));

    const estimate = await ok(finance.post(`/api/targets/items/${t.id}/values`, { period: "2024-9M", basis: "estimate", value: 9003, source: "Báo cáo 9 tháng của Sở Tài chính", cutoffOn: "2024-09-25" }));
    expect(estimate.status).toBe("submitted");
    let table = await ok(leader.get(`/api/targets/resolutions/${r.id}/table?period=2024-9M`));
    expect(table.rows[0]).toMatchObject({ status: "not_assessable", reason: "no_value", pending: 1, mine: false });

    const approved = await ok(office.post(`/api/targets/values/${estimate.id}/approve`, { version: estimate.version }));
    expect(approved.status).toBe("approved");
    expect(approved.approvedBy).toBe("Người office");
    table = await ok(finance.get(`/api/targets/resolutions/${r.id}/table?period=2024-9M`));
    expect(table.rows[0]).toMatchObject({ actual: 9003, actualBasis: "estimate", status: "exceeded", pending: 0, mine: true });
    expect(table.rows[0].percentOfPlan).toBeCloseTo(102.31, 2);
    expect(table.rows[0].forecastYear).toBeCloseTo(12004);
    expect(table.rows[0].likelihoodYear).toBe("likely");

    // A unit cannot change an approved figure; it sends the official figure instead.
    const change = await finance.patch(`/api/targets/values/${estimate.id}`, { version: approved.version, value: 9100 });
    expect(change.status).toBe(400);
    const official = await ok(finance.post(`/api/targets/items/${t.id}/values`, { period: "2024-9M", basis: "official", value: 8950, submit: false }));
    expect(official.status).toBe("draft");
    const sent = await ok(finance.post(`/api/targets/values/${official.id}/submit`, { version: official.version }));
    const returned = await ok(office.post(`/api/targets/values/${official.id}/return`, { version: sent.version, reason: "Ghi rõ nguồn số liệu" }));
    expect(returned).toMatchObject({ status: "draft", returnNote: "Ghi rõ nguồn số liệu" });
    const fixed = await ok(finance.patch(`/api/targets/values/${official.id}`, { version: returned.version, source: "Kho bạc Nhà nước tỉnh", submit: true }));
    await ok(office.post(`/api/targets/values/${official.id}/approve`, { version: fixed.version }));
    table = await ok(leader.get(`/api/targets/resolutions/${r.id}/table?period=2024-9M`));
    expect(table.rows[0]).toMatchObject({ actual: 8950, actualBasis: "official" });

    const detail = await ok(leader.get(`/api/targets/items/${t.id}`));
    expect(detail.values.map((v: { basis: string; value: number }) => [v.basis, v.value]).sort()).toEqual([
      ["estimate", 9003],
      ["official", 8950],
    ]);
    expect(detail.chart.months[8].actual).toBe(8950);
  });

  it("takes an official figure only once the period has ended, and only in the kinds of period the target is measured in", async () => {
    const r = await newResolution();
    const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1", { periodKinds: ["year"] })));
    const future = await finance.post(`/api/targets/items/${t.id}/values`, { period: "2199", basis: "official", value: 1 });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe("Năm 2199 chưa kết thúc: chỉ nhập được số ước thực hiện.");
    const quarter = await finance.post(`/api/targets/items/${t.id}/values`, { period: "2024-Q3", basis: "estimate", value: 1 });
    expect(quarter.status).toBe(400);
    expect(quarter.body.error.message).toMatch(/không theo dõi theo kỳ quý iii\/2024/i);
    const first = await ok(finance.post(`/api/targets/items/${t.id}/values`, { period: "2024", basis: "estimate", value: 5 }));
    const again = await finance.post(`/api/targets/items/${t.id}/values`, { period: "2024", basis: "estimate", value: 6 });
    expect(again.status).toBe(409);
    expect(again.body.error.details.current.id).toBe(first.id);
  });

  it("lets a unit enter figures only for its own targets; others answer 404", async () => {
    const r = await newResolution();
    const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1")));
    const res = await trade.post(`/api/targets/items/${t.id}/values`, { period: "2024-9M", basis: "estimate", value: 1 });
    expect(res.status).toBe(404);
    const draft = await ok(finance.post(`/api/targets/items/${t.id}/values`, { period: "2024-H1", basis: "estimate", value: 40, submit: false }));
    expect((await trade.patch(`/api/targets/values/${draft.id}`, { version: draft.version, value: 2 })).status).toBe(404);
    expect((await trade.post(`/api/targets/values/${draft.id}/approve`, { version: draft.version })).status).toBe(403);
    // A draft is the unit's own until sent: nobody else sees it.
    expect((await trade.get(`/api/targets/items/${t.id}`)).body.values).toEqual([]);
    expect((await office.get(`/api/targets/items/${t.id}`)).body.values).toEqual([]);
    expect((await finance.get(`/api/targets/items/${t.id}`)).body.values).toHaveLength(1);
    expect((await trade.get(`/api/targets/items/${t.id}/facts`)).status).toBe(404);
    // The office's own figures are approved at once.
    const byOffice = await ok(office.post(`/api/targets/items/${t.id}/values`, { period: "2024-9M", basis: "estimate", value: 80 }));
    expect(byOffice.status).toBe("approved");
  });
});

describe("assessments kept fresh on write", () => {
  it("agree with a full recomputation after figures of several years change", async () => {
    const r = await ok(office.post("/api/targets/resolutions", { kind: "congress", term: "2020-2025", title: "Nghị quyết Đại hội nhiệm kỳ 2020 - 2025" }));
    const plans = [2021, 2022, 2023, 2024, 2025].map((y) => ({ period: String(y), value: 100 + y - 2021 })).concat([{ period: "2020-2025", value: 520 }]);
    const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1", { plans, periodKinds: ["half", "nine_months", "year"] })));
    for (const [period, value] of [["2022", 101], ["2023-H1", 45], ["2023", 104], ["2024-9M", 70], ["2021", 99]] as const) {
      await ok(office.post(`/api/targets/items/${t.id}/values`, { period, basis: "official", value }));
    }
    const snapshot = async () =>
      (await db.selectFrom("target_assessments").selectAll().where("province_id", "=", provinceId).where("target_id", "=", t.id).orderBy("period").execute()).map(({ computed_at, ...rest }) => rest);
    const incremental = await snapshot();
    expect(incremental).toHaveLength(5 * 20 + 1);
    const { refreshAssessments } = await import("./assess.ts");
    await db.deleteFrom("target_assessments").where("province_id", "=", provinceId).where("target_id", "=", t.id).execute();
    await refreshAssessments(db, provinceId, [t.id]);
    expect(await snapshot()).toEqual(incremental);
    const term = incremental.find((a) => a.period === "2020-2025")!;
    expect(term.actual).toBe(99 + 101 + 104); // the closed years so far
    expect(term.forecast_term).not.toBeNull();
  });
});

describe("a resolution's table and summary", () => {
  it("counts what can be judged and what is on track, the same in the summary query and the table", async () => {
    const r = await newResolution();
    const add = async (code: string, over: Record<string, unknown>, value?: number, period = "2024-9M") => {
      const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target(code, over)));
      if (value !== undefined) await ok(office.post(`/api/targets/items/${t.id}/values`, { period, basis: "estimate", value }));
      return t;
    };
    await add("1", {}, 85); // 85 of 100 by September: expected 75 → vượt
    await add("2", {}, 74); // 98,7% of the expected 75 → đạt (2% tolerance before the year end)
    await add("3", {}, 60); // chưa đạt tiến độ
    await add("4", {}); // no figure yet
    await add("5", { periodKinds: ["year"] }, 90, "2024"); // measured only yearly
    await add("6", { direction: "decrease", unit: "vụ", plans: [{ period: "2024", value: 200 }] }, 140); // ceiling 200: 140 ≤ 150 expected → vượt
    await add("7", { direction: "threshold", accumulates: false, threshold: 95, unit: "%", plans: [] }, 93.5); // 98,4% of the threshold → đạt tiến độ

    const summary = await ok(leader.get(`/api/targets/resolutions/${r.id}/summary?period=2024-9M`));
    expect(summary).toMatchObject({ total: 7, assessable: 5, onTrack: 4, exceeded: 2, met: 2, behind: 1 });
    expect(summary.line).toBe("5/7 chỉ tiêu đủ điều kiện đánh giá; 4/5 đạt tiến độ");
    const table = await ok(leader.get(`/api/targets/resolutions/${r.id}/table?period=2024-9M`));
    expect(table.summary).toEqual(summary);
    expect(table.rows.map((x: { status: string }) => x.status)).toEqual(["exceeded", "met", "behind", "not_assessable", "not_assessable", "exceeded", "met"]);
    expect(table.rows[4].reason).toBe("not_measured");
    expect(table.rows[0].owner).toEqual({ id: unit.finance, name: "Sở Tài chính" });
    expect(table.periodLabel).toBe("9 tháng năm 2024");
    // The table opens on the latest period with a figure.
    expect((await ok(leader.get(`/api/targets/resolutions/${r.id}/table`))).period).toBe("2024");
    expect((await leader.get(`/api/targets/resolutions/${r.id}/table?period=2025`)).status).toBe(400);

    const xlsx = await leader.get(`/api/targets/resolutions/${r.id}/export?period=2024-9M`);
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    expect(String(ws.getRow(3).getCell(1).value)).toBe("5/7 chỉ tiêu đủ điều kiện đánh giá; 4/5 đạt tiến độ.");
    expect(ws.getRow(5).getCell(5).value).toBe(85);
    expect(ws.getRow(5).getCell(10).value).toBe("Vượt");
  });
});

describe("figures from papers", () => {
  async function confirmedPaper(status: "confirmed" | "review" = "confirmed") {
    const paperId = newId();
    await db
      .insertInto("papers")
      .values({ province_id: provinceId, id: paperId, kind: "TB", symbol: "1012-TB/TU", issued_on: "2024-10-08", title: "Thông báo kết luận 9 tháng năm 2024", status })
      .execute();
    const factId = newId();
    await db
      .insertInto("paper_facts")
      .values({
        province_id: provinceId,
        paper_id: paperId,
        id: factId,
        position: 0,
        label: "tổng kim ngạch xuất khẩu",
        value: 4.25,
        unit: "tỷ USD",
        plan_percent: 85,
        change_percent: 6.8,
        period: "9 tháng năm 2024",
        text: "tổng kim ngạch xuất khẩu 4,25 tỷ USD, đạt 85% kế hoạch, tăng 6,8%",
      })
      .execute();
    return { paperId, factId };
  }

  it("attaches a confirmed paper's figure in one click; the figure keeps its paper", async () => {
    const { paperId, factId } = await confirmedPaper();
    const r = await newResolution();
    const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("3", { name: "Tổng kim ngạch xuất khẩu", unit: "tỷ USD", plans: [{ period: "2024", value: 5 }] })));
    const suggestions = await ok(office.get(`/api/targets/items/${t.id}/facts`));
    const fact = suggestions.facts.find((f: { id: string }) => f.id === factId);
    expect(fact).toMatchObject({ period: "2024-9M", unitMatches: true, attached: false, paper: { id: paperId, symbol: "1012-TB/TU" } });

    const value = await ok(office.post(`/api/targets/items/${t.id}/values/from-fact`, { factId }));
    expect(value).toMatchObject({ period: "2024-9M", basis: "estimate", value: 4.25, status: "approved", source: "Thông báo số 1012-TB/TU ngày 08/10/2024" });
    expect(value.paper).toMatchObject({ id: paperId, symbol: "1012-TB/TU" });
    expect(value.fact.id).toBe(factId);
    const table = await ok(leader.get(`/api/targets/resolutions/${r.id}/table?period=2024-9M`));
    expect(table.rows[0]).toMatchObject({ actual: 4.25, status: "exceeded" });
    expect(table.rows[0].percentOfPlan).toBeCloseTo(85);
    expect((await ok(office.get(`/api/targets/items/${t.id}/facts`))).facts.find((f: { id: string }) => f.id === factId).attached).toBe(true);
  });

  it("refuses a fact in another unit of measure unless told, and a fact of an unconfirmed paper", async () => {
    const { factId } = await confirmedPaper();
    const r = await newResolution();
    const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1", { name: "Kim ngạch xuất khẩu", unit: "triệu USD" })));
    const mismatch = await office.post(`/api/targets/items/${t.id}/values/from-fact`, { factId });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe("unit_mismatch");
    const draft = await confirmedPaper("review");
    const unconfirmed = await office.post(`/api/targets/items/${t.id}/values/from-fact`, { factId: draft.factId });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.message).toMatch(/đã xác nhận/);
  });
});

describe("Excel import", () => {
  async function workbook(rows: (string | number | null)[][]): Promise<FormData> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Số liệu");
    ws.addRow(["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Kỳ", "Loại số liệu", "Giá trị", "Nguồn số liệu", "Số liệu đến ngày", "Ghi chú"]);
    for (const r of rows) ws.addRow(r);
    const form = new FormData();
    form.set("file", new File([new Uint8Array(await wb.xlsx.writeBuffer())], "so-lieu.xlsx"));
    return form;
  }

  it("imports all rows or none, listing every problem in Vietnamese", async () => {
    const r = await newResolution();
    const a = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1")));
    await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("2", { ownerUnitId: unit.trade })));
    await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("3")));

    const bad = await finance.request(
      "POST",
      `/api/targets/resolutions/${r.id}/import`,
      await workbook([
        ["1", "", "", "9 tháng năm 2024", "Ước thực hiện", "9.003,5", "Sở Tài chính", "30/09/2024", ""],
        ["2", "", "", "Năm 2024", "Ước thực hiện", 5, "", "", ""],
        ["3", "", "", "Quý V/2024", "Chính thức", "abc", "", "31/02/2024", ""],
        ["1", "", "", "2024-9M", "ước", 1, "", "", ""],
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Tệp có 5 lỗi; chưa nhập số liệu nào.");
    expect(bad.body.error.details.problems).toEqual([
      'Dòng 3: không có chỉ tiêu mã "2" mà bạn được nhập số liệu trong văn bản này.',
      'Dòng 4: kỳ "Quý V/2024" không hợp lệ (ví dụ: 9 tháng năm 2024, Quý III/2024, Năm 2024).',
      'Dòng 4: giá trị "abc" không phải là số.',
      'Dòng 4: ngày "31/02/2024" không hợp lệ (dd/mm/yyyy).',
      "Dòng 5: trùng với dòng 2 (cùng chỉ tiêu, kỳ và loại số liệu).",
    ]);
    expect((await ok(finance.get(`/api/targets/items/${a.id}`))).values).toEqual([]);

    const good = await ok(
      finance.request(
        "POST",
        `/api/targets/resolutions/${r.id}/import`,
        await workbook([
          ["1", "", "", "9 tháng năm 2024", "Ước thực hiện", "9.003,5", "Sở Tài chính", "30/09/2024", ""],
          ["3", "", "", "6 tháng đầu năm 2024", "Chính thức", 48, "", "", ""],
          ["3", "", "", "Năm 2024", "Ước thực hiện", null, "", "", ""],
        ]),
      ),
    );
    expect(good).toEqual({ created: 2, updated: 0, skipped: 1, targets: 2 });
    const values = (await ok(finance.get(`/api/targets/items/${a.id}`))).values;
    expect(values[0]).toMatchObject({ period: "2024-9M", value: 9003.5, status: "submitted", cutoffOn: "2024-09-30", source: "Sở Tài chính" });
  });

  it("hands out a template of the caller's own targets that imports back", async () => {
    const r = await newResolution();
    await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1")));
    await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("2", { ownerUnitId: unit.trade })));
    const tpl = await trade.get(`/api/targets/resolutions/${r.id}/template`);
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Số liệu")!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe("2");
    ws.getRow(2).getCell(4).value = "9 tháng năm 2024";
    ws.getRow(2).getCell(6).value = 77;
    const form = new FormData();
    form.set("file", new File([new Uint8Array(await wb.xlsx.writeBuffer())], "mau.xlsx"));
    expect(await ok(trade.request("POST", `/api/targets/resolutions/${r.id}/import`, form))).toMatchObject({ created: 1 });
  });

  it("refuses a file that is not a workbook", async () => {
    const r = await newResolution();
    const form = new FormData();
    form.set("file", new File([new TextEncoder().encode("không phải excel")], "x.xlsx"));
    const res = await office.request("POST", `/api/targets/resolutions/${r.id}/import`, form);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Tệp không phải là tệp Excel (.xlsx) hợp lệ.");
  });
});

describe("explanation requests", () => {
  it("goes from the office to the owner unit and back", async () => {
    const r = await newResolution();
    const t = await ok(office.post(`/api/targets/resolutions/${r.id}/targets`, target("1")));
    await ok(office.post(`/api/targets/items/${t.id}/values`, { period: "2024-9M", basis: "estimate", value: 50 }));
    const request = await ok(
      office.post(`/api/targets/items/${t.id}/explanations`, { period: "2024-9M", message: "Đề nghị Sở Tài chính giải trình nguyên nhân chưa đạt tiến độ và giải pháp quý IV.", dueOn: "2024-10-15" }),
    );
    expect(request).toMatchObject({ status: "open", unit: { id: unit.finance, name: "Sở Tài chính" }, periodLabel: "9 tháng năm 2024", canAnswer: false });
    expect((await ok(leader.get(`/api/targets/resolutions/${r.id}/table?period=2024-9M`))).rows[0].openExplanations).toBe(1);

    const mine = await ok(finance.get("/api/targets/explanations?status=open"));
    const item = mine.explanations.find((e: { id: string }) => e.id === request.id);
    expect(item.canAnswer).toBe(true);
    expect((await ok(trade.get("/api/targets/explanations"))).explanations.some((e: { id: string }) => e.id === request.id)).toBe(false);
    expect((await trade.post(`/api/targets/explanations/${request.id}/answer`, { version: 1, answer: "x" })).status).toBe(404);

    const answered = await ok(finance.post(`/api/targets/explanations/${request.id}/answer`, { version: item.version, answer: "Thu tiền sử dụng đất chậm do thị trường bất động sản trầm lắng; quý IV đấu giá 3 khu đất." }));
    expect(answered).toMatchObject({ status: "answered", answeredBy: "Người unit_leader" });
    const closed = await ok(office.post(`/api/targets/explanations/${request.id}/close`, { version: answered.version }));
    expect(closed.status).toBe("closed");
    expect((await finance.post(`/api/targets/explanations/${request.id}/answer`, { version: closed.version, answer: "Bổ sung" })).status).toBe(400);
  });
});

describe("the audit trail", () => {
  it("records every change in an intact chain", async () => {
    const entries = await ok(admin.get("/api/audit?objectType=target_value&limit=500"));
    expect(entries.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["target_value.create", "target_value.approve", "target_value.return", "target_value.submit", "target_value.update", "target_value.import", "target_value.from_fact"]),
    );
    const targets = await ok(admin.get("/api/audit?objectType=target&limit=500"));
    expect(targets.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["target.create", "target.update"]));
    const lowered = targets.entries.find((e: { reason: string | null }) => e.reason === "Nghị quyết điều chỉnh số 05-NQ/TU");
    expect(lowered.before.plans[0].value).toBe(100);
    expect(lowered.after.plans[0].value).toBe(90);
    expect((await ok(admin.get("/api/audit?objectType=target_explanation&limit=50"))).entries.length).toBeGreaterThanOrEqual(3);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
