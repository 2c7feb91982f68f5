import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, RestoreError, restoreDatabase } from "../server/backup/backup.ts";
import type { Config } from "../server/config.ts";
import { withDatabase } from "./admin.ts";

export async function runBackup(argv: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: "string", short: "o" } } });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const out = resolve(values.out ?? `dondoc-sao-luu-${stamp}.ndjson.gz`);
  return withDatabase(config, async ({ db }) => {
    const summary = await backupDatabase(db, out);
    console.log(`Đã sao lưu ${summary.rows} dòng của ${summary.tables} bảng vào ${summary.file}.`);
    return 0;
  });
}

export async function runRestore(argv: string[], config: Config): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const file = positionals[0];
  if (!file) {
    console.error("Cách dùng: dondoc restore TỆP_SAO_LƯU");
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`Không có tệp ${file}.`);
    return 2;
  }
  // Restoring into a fresh database must not first fill it with the demo.
  return withDatabase(config, async ({ db }) => {
    try {
      const { rows, tables } = await restoreDatabase(db, resolve(file));
      console.log(`Đã phục hồi ${rows} dòng vào ${tables} bảng.`);
      return 0;
    } catch (e) {
      if (e instanceof RestoreError) {
        console.error(e.message);
        return 1;
      }
      throw e;
    }
  });
}
