import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInVietnam } from "../../domain/format.ts";
import { createTestProvince } from "../../../test/support/db.ts";
import { createTestUser, signedInClient, type TestClient, testApp, uniqueName } from "../../../test/support/http.ts";

// The administrator's view of the audit trail: who changed what, filtered, and a check of the
// province's own hash chain.

let admin: TestClient;
let otherAdmin: TestClient;
let staff: TestClient;
let adminId: string;

beforeAll(async () => {
  const { app, db } = await testApp();
  const provinceId = await createTestProvince(db);
  const name = uniqueName("qt");
  adminId = await createTestUser(db, provinceId, { username: name, role: "admin" });
  admin = await signedInClient(app, name);
  const staffName = uniqueName("cv");
  await createTestUser(db, provinceId, { username: staffName, role: "unit_staff" });
  staff = await signedInClient(app, staffName);
  const other = await createTestProvince(db, "Tỉnh Bên Cạnh");
  const otherName = uniqueName("qt2");
  await createTestUser(db, other, { username: otherName, role: "admin" });
  otherAdmin = await signedInClient(app, otherName);
  const res = await admin.post("/api/units", { code: uniqueName("S").slice(0, 40), kind: "department", name: "Sở Nội vụ", validFrom: "2020-01-01" });
  expect(res.status).toBe(200);
});

describe("the audit trail screen's API", () => {
  it("filters by action, actor and day, and shows no other province's entries", async () => {
    const units = await admin.get("/api/audit?action=unit.");
    expect(units.status).toBe(200);
    expect(units.body.entries.length).toBeGreaterThan(0);
    expect(units.body.entries.every((e: { action: string }) => e.action.startsWith("unit."))).toBe(true);
    expect(units.body.entries[0]).toMatchObject({ action: "unit.create", objectType: "unit", actorId: adminId });

    const mine = await admin.get(`/api/audit?actorId=${adminId}`);
    expect(mine.body.entries.every((e: { actorId: string }) => e.actorId === adminId)).toBe(true);

    const today = todayInVietnam();
    expect((await admin.get(`/api/audit?action=unit.&from=${today}&to=${today}`)).body.entries.length).toBe(units.body.entries.length);
    expect((await admin.get(`/api/audit?action=unit.&from=${addDays(today, 1)}`)).body.entries).toEqual([]);
    expect((await admin.get(`/api/audit?action=unit.&to=${addDays(today, -1)}`)).body.entries).toEqual([]);

    // An "_" or "%" in the filter is a letter, not a wildcard.
    expect((await admin.get("/api/audit?action=unit%25")).body.entries).toEqual([]);
    expect((await otherAdmin.get("/api/audit?action=unit.")).body.entries.some((e: { actorId: string }) => e.actorId === adminId)).toBe(false);
  });

  it("verifies the province's own chain, for administrators only", async () => {
    const verify = await admin.get("/api/audit/verify");
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, provinces: 1 });
    expect((await staff.get("/api/audit")).status).toBe(403);
    expect((await staff.get("/api/audit/verify")).status).toBe(403);
    expect((await admin.get("/api/audit?from=23/11/2026")).status).toBe(400);
  });
});
