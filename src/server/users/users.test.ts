// The users API as an administrator and a unit leader use it: accounts with a role and units,
// passwords that must be strong, stale edits refused, locking someone out ends their sessions,
// and every change in the audit trail.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestProvince } from "../../../test/support/db.ts";
import { createTestUser, signedInClient, TestClient, testApp, uniqueName } from "../../../test/support/http.ts";
import type { Db } from "../db/schema.ts";
import { insertUnit } from "../units/queries.ts";

let app: Awaited<ReturnType<typeof testApp>>["app"];
let db: Db;
let provinceId: number;
let admin: TestClient;
let finance: string;
let planning: string;

const STRONG = "Mat-khau-rat-manh-2026";

beforeAll(async () => {
  ({ app, db } = await testApp());
  provinceId = await createTestProvince(db);
  await db.transaction().execute(async (tx) => {
    const unit = (code: string, name: string) => insertUnit(tx, provinceId, code, { validFrom: "2020-01-01", parentId: null, kind: "department", name, shortName: null, aliases: [] });
    finance = await unit(uniqueName("STC"), "Sở Tài chính");
    planning = await unit(uniqueName("SXD"), "Sở Xây dựng");
  });
  const adminName = uniqueName("quantri");
  await createTestUser(db, provinceId, { username: adminName, role: "admin" });
  admin = await signedInClient(app, adminName);
});

async function auditActions(objectId: string): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("action").where("province_id", "=", provinceId).where("object_id", "=", objectId).orderBy("seq").execute();
  return rows.map((r) => r.action);
}

describe("accounts", () => {
  it("creates an account with its role and units, which can then sign in", async () => {
    const username = uniqueName("cv.stc");
    const res = await admin.post("/api/users", { username, fullName: "Lê Văn Chuyên", email: "chuyen@example.vn", role: "unit_staff", unitIds: [finance], password: STRONG });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ username, fullName: "Lê Văn Chuyên", role: "unit_staff", unitIds: [finance], disabled: false });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
    const user = await signedInClient(app, username, STRONG);
    expect((await user.get("/api/session")).body.user.username).toBe(username);
    expect(await auditActions(res.body.id)).toContain("user.create");
  });

  it("refuses a weak password, a unit user without a unit and a login name already taken, in Vietnamese", async () => {
    const username = uniqueName("yeu");
    const weak = await admin.post("/api/users", { username, fullName: "Mật Khẩu Yếu", role: "office", password: "123456" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe("weak_password");
    expect(weak.body.error.message).toMatch(/mật khẩu/i);
    const noUnit = await admin.post("/api/users", { username, fullName: "Không Đơn Vị", role: "unit_leader", password: STRONG });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error.message).toBe("Lãnh đạo và chuyên viên đơn vị phải thuộc ít nhất một đơn vị.");
    expect((await admin.post("/api/users", { username, fullName: "Người Thứ Nhất", role: "office", password: STRONG })).status).toBe(200);
    const again = await admin.post("/api/users", { username: username.toUpperCase(), fullName: "Người Thứ Hai", role: "office", password: STRONG });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`Tên đăng nhập "${username.toUpperCase()}" đã được dùng.`);
  });

  it("gives one account when the same login name is created several times at once", async () => {
    const username = uniqueName("dongthoi");
    const tries = await Promise.all(
      Array.from({ length: 5 }, (_, k) => admin.post("/api/users", { username, fullName: `Người ${k}`, role: "office", password: STRONG })),
    );
    expect(tries.map((t) => t.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const rows = await db.selectFrom("users").select("id").where("username", "=", username).execute();
    expect(rows).toHaveLength(1);
  });
});

describe("editing", () => {
  it("answers a stale edit with 409 and the current account, so nothing is overwritten", async () => {
    const id = (await admin.post("/api/users", { username: uniqueName("sua"), fullName: "Trần Thị Sửa", role: "unit_staff", unitIds: [finance], password: STRONG })).body.id as string;
    const first = await admin.patch(`/api/users/${id}`, { version: 1, fullName: "Trần Thị Sửa Lần Một" });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.patch(`/api/users/${id}`, { version: 1, fullName: "Trần Thị Ghi Đè" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ fullName: "Trần Thị Sửa Lần Một", version: 2 });
    const moved = await admin.patch(`/api/users/${id}`, { version: 2, unitIds: [planning] });
    expect(moved.body).toMatchObject({ fullName: "Trần Thị Sửa Lần Một", unitIds: [planning], version: 3 });
  });

  it("ends the sessions of an account that is locked or whose password is reset; the new password works", async () => {
    const username = uniqueName("khoa-tk");
    const id = (await admin.post("/api/users", { username, fullName: "Phạm Văn Khóa", role: "office", password: STRONG })).body.id as string;
    const user = await signedInClient(app, username, STRONG);
    const reset = await admin.post(`/api/users/${id}/password`, { newPassword: "Mat-khau-moi-cua-Khoa-9" });
    expect(reset.status).toBe(204);
    expect((await user.get("/api/session")).body.user).toBeNull();
    expect((await new TestClient(app).login(username, STRONG)).status).toBe(401);
    const again = await signedInClient(app, username, "Mat-khau-moi-cua-Khoa-9");
    const current = (await admin.get(`/api/users/${id}`)).body;
    expect((await admin.patch(`/api/users/${id}`, { version: current.version, disabled: true })).status).toBe(200);
    expect((await again.get("/api/session")).body.user).toBeNull();
    expect((await new TestClient(app).login(username, "Mat-khau-moi-cua-Khoa-9")).status).not.toBe(200);
    expect(await auditActions(id)).toEqual(expect.arrayContaining(["user.create", "user.password_reset", "user.update"]));
  });

  it("does not let an administrator lock themself out", async () => {
    const me = (await admin.get("/api/session")).body.user;
    const own = (await admin.get(`/api/users/${me.id}`)).body;
    const res = await admin.patch(`/api/users/${me.id}`, { version: own.version, role: "office" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.");
  });
});

describe("who sees whom", () => {
  it("a unit leader lists the people of their own units only and cannot change accounts", async () => {
    const leaderName = uniqueName("ld.stc");
    await createTestUser(db, provinceId, { username: leaderName, role: "unit_leader", unitIds: [finance] });
    const colleague = await createTestUser(db, provinceId, { username: uniqueName("cv2.stc"), role: "unit_staff", unitIds: [finance] });
    const other = await createTestUser(db, provinceId, { username: uniqueName("cv.sxd"), role: "unit_staff", unitIds: [planning] });
    const leader = await signedInClient(app, leaderName);
    const list = await leader.get("/api/users");
    const ids = list.body.users.map((u: { id: string }) => u.id);
    expect(ids).toContain(colleague);
    expect(ids).not.toContain(other);
    expect((await leader.get(`/api/users/${other}`)).status).toBe(404);
    expect((await leader.post("/api/users", { username: uniqueName("x"), fullName: "X", role: "office", password: STRONG })).status).toBe(403);
  });
});
