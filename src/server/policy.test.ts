import { beforeAll, describe, expect, it } from "vitest";
import { createTestProvince } from "../../test/support/db.ts";
import { createTestUser, signedInClient, TestClient, testApp, uniqueName } from "../../test/support/http.ts";
import { POLICY, ROLES, type Role, scopeFor } from "./policy.ts";
import { allRoutes } from "./routes.ts";

// The policy table governs every route: each route names an action of the table (or is
// one of the few public routes), and a role without an entry is refused before the
// handler runs — checked here for every route and every role, so a new route cannot
// forget it.

const PUBLIC_ROUTES = new Set(["GET /api/session", "POST /api/auth/login"]);

function concretePath(path: string): string {
  return path
    .replace(/:validFrom|:date|:day/g, "2024-10-01")
    .replace(/:[A-Za-z]+/g, "0190a3a0-0000-7000-8000-000000000000");
}

describe("the policy table", () => {
  it("names an action for every route; only sign-in is public", () => {
    for (const r of allRoutes) {
      const key = `${r.method.toUpperCase()} ${r.path}`;
      if (r.access === "public") expect(PUBLIC_ROUTES.has(key), `${key} is public`).toBe(true);
      else if (r.access !== "signed-in") expect(Object.keys(POLICY)).toContain(r.access);
    }
  });

  it("has no action that no route uses", () => {
    const used = new Set(allRoutes.map((r) => r.access));
    const unused = Object.keys(POLICY).filter((a) => !used.has(a as never));
    expect(unused).toEqual([]);
  });
});

describe("enforcement", () => {
  let app: Awaited<ReturnType<typeof testApp>>["app"];
  const clients = new Map<Role, TestClient>();

  beforeAll(async () => {
    const t = await testApp();
    app = t.app;
    const provinceId = await createTestProvince(t.db);
    for (const role of ROLES) {
      const username = uniqueName(role);
      await createTestUser(t.db, provinceId, { username, role });
      clients.set(role, await signedInClient(app, username));
    }
  });

  it("refuses every route to a visitor who is not signed in", async () => {
    const anonymous = new TestClient(app);
    anonymous.csrfToken = (await anonymous.get("/api/session")).body.csrfToken;
    for (const r of allRoutes.filter((r) => r.access !== "public")) {
      const res = await anonymous.request(r.method.toUpperCase(), concretePath(r.path), r.method === "get" ? undefined : {});
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
    }
  });

  it("refuses every route to every role the table does not name", async () => {
    let checked = 0;
    for (const r of allRoutes) {
      if (r.access === "public" || r.access === "signed-in") continue;
      for (const role of ROLES) {
        if (scopeFor(role, r.access)) continue;
        const res = await clients.get(role)!.request(r.method.toUpperCase(), concretePath(r.path), r.method === "get" ? undefined : {});
        expect(res.status, `${role} ${r.method} ${r.path}`).toBe(403);
        expect(res.body.error.message).toBe("Bạn không có quyền thực hiện thao tác này.");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
