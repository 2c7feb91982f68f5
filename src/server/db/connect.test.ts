import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { testEngine } from "../../../test/support/db.ts";
import { TEST_POSTGRES_URL } from "../../../test/support/postgres.ts";
import { openDatabase } from "./connect.ts";

// A PostgreSQL server may close idle connections at any time (restart, failover, an
// administrator's pg_terminate_backend). The server process must live on and reconnect.
describe.skipIf(testEngine() !== "postgres")("the PostgreSQL connection pool", () => {
  it("survives the server closing its idle connections, and reconnects", async () => {
    const handle = await openDatabase({ databaseUrl: TEST_POSTGRES_URL, poolSize: 3 });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const pids = await Promise.all(
        [1, 2, 3].map(async () => (await handle.db.selectNoFrom((eb) => eb.fn<number>("pg_backend_pid", []).as("pid")).executeTakeFirstOrThrow()).pid),
      );
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where pid = any($1::int[])", [pids]).finally(() => admin.end());
      await new Promise((r) => setTimeout(r, 200));
      const again = await handle.db.selectNoFrom((eb) => eb.val(1).as("one")).executeTakeFirstOrThrow();
      expect(Number(again.one)).toBe(1);
      expect(logged.mock.calls.some((c) => /kết nối PostgreSQL đang rảnh bị đóng/.test(String(c[0])))).toBe(true);
    } finally {
      logged.mockRestore();
      await handle.close();
    }
  });
});
