import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../../src/server/db/connect.ts";
import { migrateToLatest } from "../../src/server/db/migrate.ts";
import type { Db } from "../../src/server/db/schema.ts";
import { TEST_POSTGRES_URL, withDatabase } from "./postgres.ts";

// One migrated database per test worker, on the engine the test project names.
// Tests never clean up: each creates its own province and works inside it.

export type TestEngine = "pglite" | "postgres";

export function testEngine(): TestEngine {
  return process.env.DONDOC_TEST_ENGINE === "postgres" ? "postgres" : "pglite";
}

const KEY = Symbol.for("dondoc.testDatabase");
type Holder = { [KEY]?: Promise<DatabaseHandle> };

async function openPostgresTestDatabase(): Promise<DatabaseHandle> {
  const name = `dondoc_test_w${process.env.VITEST_POOL_ID ?? "0"}_p${process.pid}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ databaseUrl: withDatabase(TEST_POSTGRES_URL, name), poolSize: 8 });
  const close = handle.close.bind(handle);
  return {
    ...handle,
    async close() {
      await close();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`).finally(() => c.end());
    },
  };
}

/** The worker's shared, migrated test database. */
export function testDatabase(): Promise<DatabaseHandle> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const handle = testEngine() === "postgres" ? await openPostgresTestDatabase() : await openDatabase({ inMemory: true });
    await migrateToLatest(handle.db);
    return handle;
  })();
  return holder[KEY];
}

/** A new, empty province (tenant) for one test file or test. */
export async function createTestProvince(db: Db, name = "Tỉnh Thử Nghiệm"): Promise<number> {
  for (;;) {
    const row = await db
      .selectFrom("provinces")
      .select((eb) => eb.fn.coalesce(eb.fn.max("id"), eb.lit(0)).as("max"))
      .executeTakeFirstOrThrow();
    const id = Number(row.max) + 1;
    const inserted = await db
      .insertInto("provinces")
      .values({ id, code: `test-${id}`, name: `${name} ${id}` })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) return id;
  }
}
