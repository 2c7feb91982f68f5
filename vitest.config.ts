import { defineConfig } from "vitest/config";

// One suite, four projects:
// - unit: pure code (extraction library, domain rules, server helpers named *.unit.test.ts);
// - pglite / postgres: the same database and HTTP tests, once on each engine;
// - e2e: Debian's chromium driven by playwright-core against a running server.
// Database tests share one migrated database per worker and isolate themselves by
// creating their own province (tenant), so they never clean up after each other.
const dbTests = ["src/server/**/*.test.ts", "src/cli/**/*.test.ts"];
const unitOnly = ["src/server/**/*.unit.test.ts", "src/cli/**/*.unit.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/extract/**/*.test.ts", "src/domain/**/*.test.ts", ...unitOnly, "bench/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "pglite",
          include: dbTests,
          exclude: unitOnly,
          env: { DONDOC_TEST_ENGINE: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "postgres",
          include: dbTests,
          exclude: unitOnly,
          env: { DONDOC_TEST_ENGINE: "postgres" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
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
});
