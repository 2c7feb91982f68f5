import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "kysely";
import { canonicalJson } from "../audit/audit.ts";
import { currentMigration } from "../db/migrate.ts";
import type { Db, Queryable } from "../db/schema.ts";

// A logical backup: every table, row by row, as gzip-compressed JSON lines. The same
// file restores into PGlite or PostgreSQL, so it is also how an office moves from
// the embedded database to a server. Tables and their order come from the database
// catalogue, so a new feature's tables are included without touching this file.

export const BACKUP_FORMAT = "dondoc-backup";

interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  primaryKey: string[];
}

/** Tables in an order where every table comes after those it references. */
export async function tablesInDependencyOrder(db: Queryable): Promise<TableInfo[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'schema_migrations%'`.execute(db);
  const columns = await sql<{ table_name: string; column_name: string; udt_name: string }>`
    select table_name, column_name, udt_name from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select k.table_name, k.column_name from information_schema.table_constraints c
    join information_schema.key_column_usage k on k.constraint_name = c.constraint_name and k.table_schema = c.table_schema
    where c.table_schema = current_schema() and c.constraint_type = 'PRIMARY KEY' order by k.table_name, k.ordinal_position`.execute(db);
  const refs = await sql<{ child: string; parent: string }>`
    select distinct cl.relname as child, pl.relname as parent from pg_constraint f
    join pg_class cl on cl.oid = f.conrelid join pg_class pl on pl.oid = f.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where f.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const names = tables.rows.map((t) => t.table_name).sort();
  const parents = new Map(names.map((n) => [n, new Set(refs.rows.filter((r) => r.child === n && r.parent !== n).map((r) => r.parent))]));
  const ordered: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (ordered.includes(n) || path.has(n)) return;
    path.add(n);
    for (const p of parents.get(n) ?? []) visit(p, path);
    ordered.push(n);
  };
  for (const n of names) visit(n, new Set());
  return ordered.map((name) => ({
    name,
    columns: columns.rows.filter((c) => c.table_name === name).map((c) => ({ name: c.column_name, type: c.udt_name })),
    primaryKey: keys.rows.filter((k) => k.table_name === name).map((k) => k.column_name),
  }));
}

function encodeValue(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (type === "bytea") return Buffer.from(v as Uint8Array).toString("base64");
  if (v instanceof Date) return v.toISOString();
  return v;
}

function decodeValue(type: string, v: unknown): unknown {
  if (v === null) return null;
  if (type === "bytea") return Buffer.from(v as string, "base64");
  if (type === "jsonb" || type === "json") return JSON.stringify(v);
  return v;
}

const PAGE = 2000;

/** Reads a table page by page in primary-key order (keyset pagination: no OFFSET). */
async function* tableRows(db: Queryable, table: TableInfo): AsyncGenerator<Record<string, unknown>> {
  const key = table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name);
  const keyList = sql.join(key.map((k) => sql.ref(k)));
  let last: unknown[] | null = null;
  for (;;) {
    const after: ReturnType<typeof sql> = last ? sql`where (${keyList}) > (${sql.join(last.map((v) => sql`${v}`))})` : sql``;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)} ${after} order by ${keyList} limit ${PAGE}`.execute(db);
    for (const row of rows) yield row;
    if (rows.length < PAGE) return;
    const tail = rows.at(-1)!;
    last = key.map((k) => tail[k]);
  }
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  migration: string | null;
}

/** Writes a consistent snapshot of the whole database to `file` (written to a temporary name, then renamed). */
export async function backupDatabase(db: Db, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  let rows = 0;
  let tableCount = 0;
  let migration: string | null = null;
  await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (tx) => {
      migration = await currentMigration(tx);
      const tables = await tablesInDependencyOrder(tx);
      tableCount = tables.length;
      async function* lines() {
        yield `${JSON.stringify({ format: BACKUP_FORMAT, version: 1, migration, createdAt: new Date().toISOString(), tables: tables.map((t) => t.name) })}\n`;
        for (const table of tables) {
          for await (const row of tableRows(tx, table)) {
            const encoded: Record<string, unknown> = {};
            for (const c of table.columns) encoded[c.name] = encodeValue(c.type, row[c.name]);
            rows++;
            yield `${JSON.stringify({ t: table.name, r: encoded })}\n`;
          }
        }
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
    });
  await rename(partial, file).catch(async (e) => {
    await rm(partial, { force: true });
    throw e;
  });
  return { file, tables: tableCount, rows, migration };
}

export class RestoreError extends Error {}

/** Restores a backup into an empty database of the same schema version, in one transaction: all or nothing. */
export async function restoreDatabase(db: Db, file: string): Promise<{ rows: number; tables: number }> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = input[Symbol.asyncIterator]();
  let header: { format?: string; migration?: string | null; tables?: string[] };
  try {
    const first = await iterator.next();
    header = JSON.parse(first.value ?? "{}");
  } catch {
    throw new RestoreError("Tệp không phải bản sao lưu dondoc (không đọc được phần đầu).");
  }
  if (header.format !== BACKUP_FORMAT) throw new RestoreError("Tệp không phải bản sao lưu dondoc.");
  const here = await currentMigration(db);
  if (header.migration !== here) {
    throw new RestoreError(`Bản sao lưu thuộc phiên bản cấu trúc "${header.migration}", cơ sở dữ liệu đang ở "${here}". Hãy dùng cùng phiên bản dondoc.`);
  }
  return db.transaction().execute(async (tx) => {
    const tables = await tablesInDependencyOrder(tx);
    for (const t of tables) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(tx);
      if (rows[0]!.n > 0) throw new RestoreError(`Cơ sở dữ liệu đích không trống (bảng ${t.name} có dữ liệu). Chỉ phục hồi vào cơ sở dữ liệu mới.`);
    }
    const byName = new Map(tables.map((t) => [t.name, t]));
    let count = 0;
    let batch: Record<string, unknown>[] = [];
    let batchTable: TableInfo | null = null;
    const flush = async () => {
      if (!batchTable || !batch.length) return;
      await tx.insertInto(batchTable.name as never).values(batch as never).execute();
      batch = [];
    };
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!next.value.trim()) continue;
      let line: { t: string; r: Record<string, unknown> };
      try {
        line = JSON.parse(next.value);
      } catch {
        throw new RestoreError(`Tệp sao lưu bị hỏng ở dòng ${count + 2}.`);
      }
      const table = byName.get(line.t);
      if (!table) throw new RestoreError(`Bản sao lưu có bảng lạ: ${line.t}.`);
      if (table !== batchTable) {
        await flush();
        batchTable = table;
      }
      const row: Record<string, unknown> = {};
      for (const c of table.columns) if (c.name in line.r) row[c.name] = decodeValue(c.type, line.r[c.name]);
      batch.push(row);
      count++;
      if (batch.length >= 500) await flush();
    }
    await flush();
    return { rows: count, tables: tables.length };
  });
}

/** A digest of every row of every table: equal digests mean equal data. */
export async function databaseDigest(db: Queryable): Promise<string> {
  const hash = createHash("sha256");
  for (const table of await tablesInDependencyOrder(db)) {
    hash.update(`#${table.name}\n`);
    for await (const row of tableRows(db, table)) {
      const encoded: Record<string, unknown> = {};
      for (const c of table.columns) encoded[c.name] = encodeValue(c.type, row[c.name]);
      hash.update(`${canonicalJson(encoded)}\n`);
    }
  }
  return hash.digest("hex");
}
