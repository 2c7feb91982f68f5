import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestProvince, testDatabase, testEngine } from "../../../test/support/db.ts";
import { createTestUser, signedInClient, testApp, uniqueName } from "../../../test/support/http.ts";
import { TEST_POSTGRES_URL, withDatabase } from "../../../test/support/postgres.ts";
import { verifyAudit } from "../audit/audit.ts";
import { type DatabaseHandle, openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { backupDatabase, databaseDigest, RestoreError, restoreDatabase } from "./backup.ts";

// Backup → wipe → restore must give identical data. The source is the worker's test
// database; the target is a brand-new, empty database on the same engine.

const dir = mkdtempSync(join(tmpdir(), "dondoc-backup-"));
const fresh: DatabaseHandle[] = [];

async function freshDatabase(): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (testEngine() === "pglite") handle = await openDatabase({ inMemory: true });
  else {
    const name = `dondoc_test_restore_${Date.now()}_p${process.pid}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database "${name}"`).finally(() => admin.end());
    handle = await openDatabase({ databaseUrl: withDatabase(TEST_POSTGRES_URL, name), poolSize: 2 });
  }
  await migrateToLatest(handle.db);
  fresh.push(handle);
  return handle;
}

afterAll(async () => {
  for (const h of fresh) await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  beforeAll(async () => {
    const { app, db } = await testApp();
    const provinceId = await createTestProvince(db);
    const admin = uniqueName("admin");
    await createTestUser(db, provinceId, { username: admin, role: "admin" });
    const client = await signedInClient(app, admin);
    const root = await client.post("/api/units", { code: "TU", kind: "province_committee", name: "Tỉnh ủy Tiền Giang", validFrom: "2020-10-01", aliases: ["Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh"] });
    await client.post(`/api/units/${root.body.unit.id}/changes`, { kind: "rename", effective: "2025-07-01", name: "Tỉnh ủy Đồng Tháp" });
    await db.insertInto("files").values({ province_id: provinceId, id: "0190a3a0-0000-7000-8000-000000000001", name: "thử.bin", mime: "application/octet-stream", size: 3, sha256: "x", content: new Uint8Array([0, 255, 7]) }).execute();
  });

  it("gives identical data after backup, wipe and restore", async () => {
    const source = (await testDatabase()).db;
    const file = join(dir, "a.ndjson.gz");
    const summary = await backupDatabase(source, file);
    expect(summary.rows).toBeGreaterThan(5);
    const target = await freshDatabase();
    const restored = await restoreDatabase(target.db, file);
    expect(restored.rows).toBe(summary.rows);
    expect(await databaseDigest(target.db)).toBe(await databaseDigest(source));
    expect((await verifyAudit(target.db)).ok).toBe(true);
    const file2 = await target.db.selectFrom("files").select("content").where("id", "=", "0190a3a0-0000-7000-8000-000000000001").executeTakeFirstOrThrow();
    expect([...file2.content]).toEqual([0, 255, 7]);
  });

  it("refuses to restore over existing data and changes nothing", async () => {
    const source = (await testDatabase()).db;
    const file = join(dir, "b.ndjson.gz");
    await backupDatabase(source, file);
    const before = await databaseDigest(source);
    await expect(restoreDatabase(source, file)).rejects.toThrow(RestoreError);
    expect(await databaseDigest(source)).toBe(before);
  });
});
