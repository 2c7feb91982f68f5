import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataFolder } from "./lock.ts";
import type { Database, Db } from "./schema.ts";

export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** Where the data is: the folder for PGlite, the server (without password) for PostgreSQL. */
  location: string;
  close(): Promise<void>;
}

// Both engines must hand the same JavaScript values to the code:
// date → "yyyy-mm-dd" (never a Date shifted by the time zone), numeric and int8 → number.
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;
const identity = (v: string) => v;
const toNumber = (v: string) => Number(v);

export interface OpenOptions {
  /** postgres://… ; when absent, PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** PGlite only: `memory://` for a throw-away database. */
  inMemory?: boolean;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  if (options.inMemory) return openPGlite("memory://", () => {});
  const dataDir = resolve(options.dataDir ?? "./data");
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataFolder(dataDir);
  try {
    return await openPGlite(dataDir, release);
  } catch (e) {
    release();
    throw e;
  }
}

async function openPGlite(dataDir: string, releaseLock: () => void): Promise<DatabaseHandle> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { [OID.DATE]: identity, [OID.NUMERIC]: toNumber, [OID.INT8]: toNumber },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  let closed = false;
  return {
    db,
    engine: "pglite",
    location: dataDir,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.destroy();
      } finally {
        releaseLock();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const types = {
    getTypeParser(oid: number, format?: "text" | "binary") {
      if (oid === OID.DATE) return identity;
      if (oid === OID.NUMERIC || oid === OID.INT8) return toNumber;
      return pg.types.getTypeParser(oid, format as "text");
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: types as pg.CustomTypesConfig });
  // An idle connection the server closes (restart, failover, an administrator) must not take the
  // process down: the pool drops it and opens a new one for the next query.
  pool.on("error", (e) => console.error(`Một kết nối PostgreSQL đang rảnh bị đóng (${e.message}); sẽ mở kết nối mới khi cần.`));
  // Fail now, with a clear message, rather than on the first request.
  const client = await pool.connect().catch(async (e: Error) => {
    await pool.end();
    throw new Error(`Không kết nối được PostgreSQL (${redact(url)}): ${e.message}`, { cause: e });
  });
  client.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    engine: "postgres",
    location: redact(url),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}
