import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freshDataEnv, runCli, startCliServer } from "../../test/support/cli.ts";
import { tamperAuditRow } from "../../test/support/audit.ts";
import { testEngine } from "../../test/support/db.ts";
import { databaseDigest } from "../server/backup/backup.ts";
import { openDatabase } from "../server/db/connect.ts";

async function openEnv(env: Record<string, string>) {
  return openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DONDOC_DATA });
}

describe("the dondoc command", () => {
  it("sets up a province and its first administrator, and verifies the audit trail", async () => {
    const env = await freshDataEnv();
    expect((await runCli(["migrate"], env)).stdout).toMatch(/Đã áp dụng: 0001_foundation/);
    expect((await runCli(["province", "add", "--id", "7", "--code", "vinh-long", "--name", "Vĩnh Long"], env)).code).toBe(0);
    const user = await runCli(["user", "add", "--username", "quantri", "--name", "Trần Văn Quản", "--role", "admin", "--province", "vinh-long"], env);
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toMatch(/Mật khẩu tạm: \S{8,}/);
    const ok = await runCli(["audit", "verify"], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Nhật ký toàn vẹn: 1 bản ghi/);

    const handle = await openEnv(env);
    await tamperAuditRow(handle.db, 7, 1, "user.delete");
    await handle.close();
    const bad = await runCli(["audit", "verify"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/tỉnh 7, bản ghi số 1/);
  });

  it("keeps every acknowledged change when the server is killed (kill -9), and starts again on the same data", async () => {
    const env: Record<string, string> = { ...(await freshDataEnv()), DONDOC_DEMO: "0" };
    expect((await runCli(["migrate"], env)).code).toBe(0);
    expect((await runCli(["province", "add", "--id", "8", "--code", "an-giang", "--name", "An Giang"], env)).code).toBe(0);
    const added = await runCli(["user", "add", "--username", "quantri", "--name", "Lê Văn Quản", "--role", "admin", "--province", "an-giang"], env);
    const password = /Mật khẩu tạm: (\S+)/.exec(added.stdout)![1]!;

    const server = await startCliServer(env);
    // A small cookie jar: the session and CSRF cookies as a browser keeps them.
    const jar = new Map<string, string>();
    let csrf = "";
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { "content-type": "application/json", cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), "x-csrf-token": csrf, origin: server.url },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      for (const c of res.headers.getSetCookie()) {
        const [k, v] = c.split(";")[0]!.split("=") as [string, string];
        jar.set(k, v);
      }
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const refreshCsrf = async () => (csrf = (await call("GET", "/api/session")).body.csrfToken as string);
    await refreshCsrf();
    const login = await call("POST", "/api/auth/login", { username: "quantri", password });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    await refreshCsrf();
    const created: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await call("POST", "/api/units", { code: `SO-${i}`, kind: "department", name: `Sở thứ ${i}`, validFrom: "2025-07-01" });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      created.push(`SO-${i}`);
    }
    // Killed without warning, right after the last answer: no chance to flush or close.
    expect(await server.stop("SIGKILL")).toBe(null);

    const again = await startCliServer(env);
    expect(await again.stop("SIGTERM")).toBe(0);
    const handle = await openEnv(env);
    try {
      const units = await handle.db.selectFrom("units").select("code").where("province_id", "=", 8).orderBy("code").execute();
      expect(units.map((u) => u.code)).toEqual(created);
    } finally {
      await handle.close();
    }
    const verify = await runCli(["audit", "verify"], env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Nhật ký toàn vẹn/);
  });

  it("refuses bad input with a Vietnamese message and exit code 2", async () => {
    const env = await freshDataEnv();
    const res = await runCli(["user", "add", "--username", "x", "--name", "X", "--role", "chua-co", "--province", "1"], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Vai trò không hợp lệ/);
    expect((await runCli(["khong-co-lenh"], env)).stderr).toMatch(/Lệnh không hợp lệ/);
  });

  it("backs up and restores into a new database with identical data", async () => {
    const env = await freshDataEnv();
    await runCli(["province", "add", "--id", "3", "--code", "an-giang", "--name", "An Giang"], env);
    await runCli(["user", "add", "--username", "ag.admin", "--name", "Quản Trị", "--role", "admin", "--province", "an-giang", "--password", "mat-khau-rat-dai"], env);
    const file = join(env.DONDOC_DATA ? join(env.DONDOC_DATA, "..") : "/tmp", `sao-luu-${Date.now()}.ndjson.gz`);
    const backup = await runCli(["backup", "--out", file], env);
    expect(backup.code, backup.stderr).toBe(0);
    const target = await freshDataEnv();
    const restore = await runCli(["restore", file], target);
    expect(restore.code, restore.stderr).toBe(0);
    const [a, b] = [await openEnv(env), await openEnv(target)];
    try {
      expect(await databaseDigest(b.db)).toBe(await databaseDigest(a.db));
    } finally {
      await a.close();
      await b.close();
    }
    const again = await runCli(["restore", file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/không trống/);
  });

  it.runIf(testEngine() === "pglite")("lets one process at a time open a data folder, and releases it on SIGTERM", async () => {
    const env: Record<string, string> = { ...(await freshDataEnv()), DONDOC_DEMO: "0" };
    const server = await startCliServer(env);
    try {
      const second = await runCli(["migrate"], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/đang được một tiến trình dondoc khác sử dụng/);
    } finally {
      expect(await server.stop("SIGTERM")).toBe(0);
    }
    expect(server.output()).toMatch(/Đã dừng/);
    expect(existsSync(`${env.DONDOC_DATA}.lock`)).toBe(false);
    expect((await runCli(["migrate"], env)).code).toBe(0);
  });
});
