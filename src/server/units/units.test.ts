import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestProvince } from "../../../test/support/db.ts";
import { createTestUser, signedInClient, type TestClient, testApp, uniqueName } from "../../../test/support/http.ts";
import { verifyAudit } from "../audit/audit.ts";
import type { Db } from "../db/schema.ts";

let app: Awaited<ReturnType<typeof testApp>>["app"];
let db: Db;
let admin: TestClient;
let staff: TestClient;

async function create(body: Record<string, unknown>) {
  const res = await admin.post("/api/units", { validFrom: "2020-01-01", ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.unit.id as string;
}

async function namesOn(day: string): Promise<string[]> {
  const res = await staff.get(`/api/units?asOf=${day}`);
  return res.body.units.map((u: { name: string }) => u.name).sort();
}

beforeAll(async () => {
  ({ app, db } = await testApp());
  const provinceId = await createTestProvince(db);
  const adminName = uniqueName("admin");
  await createTestUser(db, provinceId, { username: adminName, role: "admin" });
  admin = await signedInClient(app, adminName);
  const staffName = uniqueName("cv");
  await createTestUser(db, provinceId, { username: staffName, role: "unit_staff" });
  staff = await signedInClient(app, staffName);
});

describe("the organisation tree as of a date", () => {
  it("keeps old names for old dates after a rename, a merge and the end of the districts", async () => {
    const root = await create({ code: "TU", kind: "province_committee", name: "Tỉnh ủy Hậu Giang" });
    const btg = await create({ code: "BTG", kind: "party_organ", name: "Ban Tuyên giáo Tỉnh ủy", parentId: root });
    const bdv = await create({ code: "BDV", kind: "party_organ", name: "Ban Dân vận Tỉnh ủy", parentId: root });
    const district = await create({ code: "H-VT", kind: "district", name: "Huyện ủy Vị Thủy", parentId: root });
    const commune = await create({ code: "X-VT", kind: "commune", name: "Đảng ủy xã Vị Thủy", parentId: district });

    const merged = await admin.post("/api/units/merge", {
      effective: "2025-03-01",
      fromIds: [btg, bdv],
      target: { create: { code: "BTGDV", kind: "party_organ", name: "Ban Tuyên giáo và Dân vận Tỉnh ủy", parentId: root } },
      note: "Hợp nhất hai ban",
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);

    const abolished = await admin.post(`/api/units/${district}/changes`, { kind: "abolish", effective: "2025-07-01", moveChildrenTo: root, note: "Không tổ chức cấp huyện" });
    expect(abolished.status, JSON.stringify(abolished.body)).toBe(200);
    const renamed = await admin.post(`/api/units/${root}/changes`, { kind: "rename", effective: "2025-07-01", name: "Thành ủy Cần Thơ", aliases: ["Thành ủy"], note: "Hợp nhất tỉnh" });
    expect(renamed.status).toBe(200);

    expect(await namesOn("2024-10-01")).toEqual(["Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Đảng ủy xã Vị Thủy", "Huyện ủy Vị Thủy", "Tỉnh ủy Hậu Giang"].sort());
    expect(await namesOn("2025-09-01")).toEqual(["Ban Tuyên giáo và Dân vận Tỉnh ủy", "Đảng ủy xã Vị Thủy", "Thành ủy Cần Thơ"].sort());

    const communeLater = (await staff.get("/api/units?asOf=2025-09-01")).body.units.find((u: { id: string }) => u.id === commune);
    expect(communeLater.parentId).toBe(root);

    const detail = await staff.get(`/api/units/${btg}`);
    expect(detail.body.versions).toHaveLength(1);
    expect(detail.body.versions[0].validTo).toBe("2025-03-01");
    expect(detail.body.changes.map((c: { kind: string }) => c.kind)).toEqual(["create", "merge"]);
    expect(detail.body.changes[1].to[0].name).toBe("Ban Tuyên giáo và Dân vận Tỉnh ủy");

    // The commune's periods name its parent as it was called when each period began.
    const communeDetail = await staff.get(`/api/units/${commune}`);
    expect(communeDetail.body.versions.map((v: { validFrom: string; parentName: string }) => [v.validFrom, v.parentName])).toEqual([
      ["2020-01-01", "Huyện ủy Vị Thủy"],
      ["2025-07-01", "Thành ủy Cần Thơ"],
    ]);
  });

  it("refuses to end a unit that still has units under it, unless they move", async () => {
    const parent = await create({ code: uniqueName("P").slice(0, 40), kind: "district", name: "Huyện ủy Long Mỹ" });
    await create({ code: uniqueName("C").slice(0, 40), kind: "commune", name: "Đảng ủy xã Lương Tâm", parentId: parent });
    const res = await admin.post(`/api/units/${parent}/changes`, { kind: "abolish", effective: "2025-07-01" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/1 đơn vị trực thuộc/);
  });

  it("answers a stale correction with 409 and the current data", async () => {
    const id = await create({ code: uniqueName("S").slice(0, 40), kind: "department", name: "Sở Tài chinh" });
    const first = await admin.patch(`/api/units/${id}/versions/2020-01-01`, { version: 1, name: "Sở Tài chính" });
    expect(first.status).toBe(200);
    const stale = await admin.patch(`/api/units/${id}/versions/2020-01-01`, { version: 1, name: "Sở Tài chánh" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.name).toBe("Sở Tài chính");
  });

  it("lets only administrators change the tree", async () => {
    const res = await staff.post("/api/units", { code: "X", kind: "department", name: "Sở X", validFrom: "2020-01-01" });
    expect(res.status).toBe(403);
  });

  it("exports and re-imports the whole history (JSON and Excel) without changing anything", async () => {
    const json = await admin.get("/api/units/export?format=json");
    expect(json.status).toBe(200);
    expect(json.body.format).toBe("dondoc-units");
    const form = new FormData();
    form.set("file", new File([JSON.stringify(json.body)], "tree.json", { type: "application/json" }));
    const again = await admin.request("POST", "/api/units/import", form);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ unitsCreated: 0, versionsCreated: 0, versionsCorrected: 0, changesCreated: 0 });

    const xlsx = await admin.get("/api/units/export?format=xlsx");
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const xform = new FormData();
    xform.set("file", new File([xlsx.body as Uint8Array], "tree.xlsx"));
    const fromExcel = await admin.request("POST", "/api/units/import", xform);
    expect(fromExcel.status, JSON.stringify(fromExcel.body)).toBe(200);
    expect(fromExcel.body).toMatchObject({ unitsCreated: 0, versionsCreated: 0, versionsCorrected: 0 });
  });

  it("refuses a file with problems whole, listing them in Vietnamese", async () => {
    const before = (await admin.get("/api/units/export")).body;
    const bad = {
      format: "dondoc-units",
      version: 1,
      units: [
        { code: "MOI-1", kind: "department", versions: [{ validFrom: "2021-01-01", name: "Sở Mới", parent: "KHONG-CO" }] },
        { code: "MOI-2", kind: "department", versions: [{ validFrom: "2021-01-01", validTo: "2020-01-01", name: "Sở Sai Ngày" }] },
      ],
      changes: [],
    };
    const form = new FormData();
    form.set("file", new File([JSON.stringify(bad)], "bad.json"));
    const res = await admin.request("POST", "/api/units/import", form);
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems).toHaveLength(2);
    expect(res.body.error.details.problems[0]).toMatch(/KHONG-CO/);
    expect((await admin.get("/api/units/export")).body).toEqual(before);
  });

  it("names malformed fields of a JSON tree where the user can find them, and refuses an Excel zip bomb", async () => {
    const bad = {
      format: "dondoc-units",
      version: 1,
      units: [
        { code: "MOI-3", kind: "department", versions: [{ validFrom: "01/02/2021", name: "Sở Ba" }] },
        { code: "MOI-4", kind: "bo-phan", versions: [{ validFrom: "2021-01-01", name: "" }] },
      ],
    };
    const form = new FormData();
    form.set("file", new File([JSON.stringify(bad)], "bad.json"));
    const res = await admin.request("POST", "/api/units/import", form);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_tree");
    const problems: string[] = res.body.error.details.problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^Đơn vị thứ 1 \(mã MOI-3\), giai đoạn 1, hiệu lực từ ngày: /);
    expect(problems.some((p) => p.startsWith("Đơn vị thứ 2 (mã MOI-4), loại: "))).toBe(true);
    expect(problems.some((p) => p.startsWith("Đơn vị thứ 2 (mã MOI-4), giai đoạn 1, tên: Tên đơn vị không được để trống."))).toBe(true);

    const zeros = new Uint8Array(60 * 1024 * 1024);
    const bomb = zipSync({ "[Content_Types].xml": new TextEncoder().encode("<Types/>"), "xl/worksheets/sheet1.xml": zeros }, { level: 9 });
    const xform = new FormData();
    xform.set("file", new File([bomb], "cay.xlsx"));
    const refused = await admin.request("POST", "/api/units/import", xform);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("zip_bomb");
  });

  it("audits every change in an intact chain", async () => {
    const entries = await admin.get("/api/audit?objectType=unit&limit=500");
    expect(entries.body.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["unit.create", "unit.merge", "unit.abolish", "unit.rename", "unit.correct"]));
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
