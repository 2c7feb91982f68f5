import { beforeAll, describe, expect, it } from "vitest";
import { createTestProvince } from "../../../test/support/db.ts";
import { createTestUser, signedInClient, TestClient, testApp, TEST_PASSWORD, uniqueName } from "../../../test/support/http.ts";
import type { Db } from "../db/schema.ts";

let app: Awaited<ReturnType<typeof testApp>>["app"];
let db: Db;
let provinceId: number;

beforeAll(async () => {
  ({ app, db } = await testApp());
  provinceId = await createTestProvince(db);
});

describe("signing in", () => {
  it("signs in with the right password and shows who and where the user is", async () => {
    const username = uniqueName("vanphong");
    await createTestUser(db, provinceId, { username, role: "office", fullName: "Nguyễn Thị Văn Phòng" });
    const client = new TestClient(app);
    const res = await client.login(username);
    expect(res.status).toBe(200);
    expect(res.body.user.fullName).toBe("Nguyễn Thị Văn Phòng");
    expect(res.body.user.roleLabel).toBe("Văn phòng (theo dõi, đôn đốc)");
    const session = await client.get("/api/session");
    expect(session.body.user.username).toBe(username);
  });

  it("sets an HttpOnly, SameSite session cookie", async () => {
    const username = uniqueName("cookie");
    await createTestUser(db, provinceId, { username, role: "unit_staff" });
    const client = new TestClient(app);
    await client.get("/api/session").then((r) => (client.csrfToken = r.body.csrfToken));
    const res = await app.request("/api/auth/login", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-csrf-token": client.csrfToken!,
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("dondoc_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("refuses a wrong password in Vietnamese without telling whether the user exists", async () => {
    const username = uniqueName("sai");
    await createTestUser(db, provinceId, { username, role: "unit_staff" });
    const wrong = await new TestClient(app).login(username, "khong-dung-mat-khau");
    const unknown = await new TestClient(app).login(uniqueName("khong-co"), "khong-dung-mat-khau");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it("locks the account after 5 failures, even for the right password", async () => {
    const username = uniqueName("khoa");
    await createTestUser(db, provinceId, { username, role: "unit_staff" });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await new TestClient(app).login(username, `sai-${i}-mat-khau`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await new TestClient(app).login(username);
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/tạm khóa/);
    const audit = await db.selectFrom("audit_log").select("action").where("province_id", "=", provinceId).where("action", "=", "auth.locked").execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it("signs out, after which the session no longer works", async () => {
    const username = uniqueName("dangxuat");
    await createTestUser(db, provinceId, { username, role: "leader" });
    const client = await signedInClient(app, username);
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect((await client.get("/api/session")).body.user).toBeNull();
  });
});

describe("request forgery and headers", () => {
  it("refuses a state-changing request without the CSRF token", async () => {
    const username = uniqueName("csrf");
    await createTestUser(db, provinceId, { username, role: "leader" });
    const client = await signedInClient(app, username);
    const res = await client.request("POST", "/api/auth/logout", {}, { "x-csrf-token": "gia-mao-khong-hop-le-0123456789" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("csrf");
    expect((await client.get("/api/session")).body.user).not.toBeNull();
  });

  it("refuses a request from another site even with a token", async () => {
    const username = uniqueName("origin");
    await createTestUser(db, provinceId, { username, role: "leader" });
    const client = await signedInClient(app, username);
    const res = await client.request("POST", "/api/auth/logout", {}, { origin: "https://ke-xau.example", "x-csrf-token": client.csrfToken! });
    expect(res.status).toBe(403);
  });

  it("puts security headers on every response", async () => {
    for (const path of ["/api/session", "/api/health", "/khong-co-trang-nay"]) {
      const res = await app.request(path);
      expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
    }
  });

  it("answers unknown API paths with a Vietnamese 404", async () => {
    const res = await new TestClient(app).get("/api/khong-ton-tai");
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/Không có/);
  });

  it("changes one's own password and needs the current one", async () => {
    const username = uniqueName("doimk");
    await createTestUser(db, provinceId, { username, role: "unit_staff" });
    const client = await signedInClient(app, username);
    const wrong = await client.post("/api/account/password", { currentPassword: "sai-mat-khau", newPassword: "mat-khau-moi-2026" });
    expect(wrong.status).toBe(400);
    const weak = await client.post("/api/account/password", { currentPassword: TEST_PASSWORD, newPassword: "123" });
    expect(weak.body.error.message).toMatch(/ít nhất 8 ký tự/);
    expect((await client.post("/api/account/password", { currentPassword: TEST_PASSWORD, newPassword: "mat-khau-moi-2026" })).status).toBe(204);
    expect((await new TestClient(app).login(username, "mat-khau-moi-2026")).status).toBe(200);
    expect((await client.get("/api/session")).body.user).not.toBeNull();
  });

  it("rejects unknown fields with a Vietnamese message", async () => {
    const client = new TestClient(app);
    client.csrfToken = (await client.get("/api/session")).body.csrfToken;
    const res = await client.post("/api/auth/login", { username: "a", password: "b", admin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.message).toMatch(/admin/);
  });
});
