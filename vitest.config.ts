import { defineConfig } from "vitest/config";
import { postgresReachable, TEST_POSTGRES_URL } from "./test/support/postgres.ts";

// One suite, four projects:
// - unit: pure code (extraction library, domain rules, server helpers named *.unit.test.ts);
// - pglite / postgres: the same database and HTTP tests, once on each engine;
// - e2e: Debian's chromium driven by playwright-core against a running server.
// Database tests share one migrated database per worker and isolate themselves by
// creating their own province (tenant), so they never clean up after each other.
//
// The PostgreSQL run is required under CI (and whenever DONDOC_REQUIRE_POSTGRES=1):
// there an unreachable server fails the run. Elsewhere, without a server, it is left
// out with a warning so that `npm test` still works on a laptop.
const dbTests = ["src/server/**/*.test.ts", "src/cli/**/*.test.ts"];
const unitOnly = ["src/server/**/*.unit.test.ts", "src/cli/**/*.unit.test.ts"];

export default defineConfig(async () => {
  const required = Boolean(process.env.CI) || process.env.DONDOC_REQUIRE_POSTGRES === "1";
  const withPostgres = required || (await postgresReachable());
  if (!withPostgres) {
    console.warn(`\n⚠ PostgreSQL không có tại ${TEST_POSTGRES_URL}: bỏ qua các bài kiểm thử trên PostgreSQL (CI thì bắt buộc).\n`);
  }
  const dbProject = (engine: "pglite" | "postgres") => ({
    test: {
      name: engine,
      include: dbTests,
      exclude: unitOnly,
      env: { DONDOC_TEST_ENGINE: engine },
      isolate: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
      ...(engine === "postgres" ? { globalSetup: ["test/support/postgres-setup.ts"] } : {}),
    },
  });
  return {
    test: {
      projects: [
        {
          test: {
            name: "unit",
            include: ["src/extract/**/*.test.ts", "src/domain/**/*.test.ts", ...unitOnly, "bench/**/*.test.ts"],
            testTimeout: 60_000,
          },
        },
        dbProject("pglite"),
        ...(withPostgres ? [dbProject("postgres")] : []),
        {
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            fileParallelism: false,
            testTimeout: 180_000,
            hookTimeout: 300_000,
          },
        },
      ],
    },
  };
});
