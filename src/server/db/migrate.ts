import type { Kysely } from "kysely";
import { type Migration, type MigrationResultSet, Migrator } from "kysely/migration";
import * as m0001 from "./migrations/0001_foundation.ts";
import * as m0002 from "./migrations/0002_papers.ts";
import * as m0003 from "./migrations/0003_paper_review.ts";
import * as m0004 from "./migrations/0004_targets.ts";
import * as m0005 from "./migrations/0005_directives.ts";
import * as m0006 from "./migrations/0006_reports.ts";
import * as m0007 from "./migrations/0007_directive_partners.ts";
import * as m0008 from "./migrations/0008_directive_states_by_due.ts";

// Migrations are listed here, in order, rather than discovered on disk: the list is
// checked by the compiler and a missing file fails at start, not half-way through.
export const MIGRATIONS: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_papers": m0002,
  "0003_paper_review": m0003,
  "0004_targets": m0004,
  "0005_directives": m0005,
  "0006_reports": m0006,
  "0007_directive_partners": m0007,
  "0008_directive_states_by_due": m0008,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1)!;

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: "schema_migrations",
    migrationLockTableName: "schema_migrations_lock",
  });
}

/** Brings the schema to the latest version; each migration runs in its own transaction. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`Không thể cập nhật cấu trúc cơ sở dữ liệu (bước ${failed ?? "?"}): ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** The name of the last migration applied, or null for an empty database. */
export async function currentMigration(db: Kysely<any>): Promise<string | null> {
  const migrations = await migrator(db).getMigrations();
  return migrations.filter((m) => m.executedAt).at(-1)?.name ?? null;
}
