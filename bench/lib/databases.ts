import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../../src/server/db/connect.ts";
import { migrateToLatest } from "../../src/server/db/migrate.ts";

export type Engine = "pglite" | "postgres";

export const BENCH_POSTGRES_URL = process.env.DONDOC_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh, migrated database for one benchmark run; removed again by close(). */
export async function benchDatabase(engine: Engine, label: string): Promise<DatabaseHandle> {
  if (engine === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), `dondoc-bench-${label}-`));
    const handle = await openDatabase({ dataDir: join(dir, "data") });
    await migrateToLatest(handle.db);
    const close = handle.close.bind(handle);
    return { ...handle, close: async () => { await close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `dondoc_bench_${label.replace(/\W/g, "_")}`;
  const admin = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(BENCH_POSTGRES_URL);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: u.toString(), poolSize: 10 });
  await migrateToLatest(handle.db);
  const close = handle.close.bind(handle);
  return {
    ...handle,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`).finally(() => c.end());
    },
  };
}
