import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { REPORT_FORMATS, type ReportFormat } from "../domain/api/reports.ts";
import { isIsoDate, todayInVietnam } from "../domain/format.ts";
import { periodLabel } from "../domain/periods.ts";
import { type Config, loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/connect.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import type { Db } from "../server/db/schema.ts";
import { loadDemoIfEmpty } from "../server/demo/load.ts";
import { generateConclusion, generateWorkResults } from "../server/reports/generate.ts";
import { PdfUnavailableError } from "../server/reports/pdf.ts";
import { reportPeriod } from "../server/reports/work-results.ts";

// `dondoc report …`: drafts a report straight from the database of DONDOC_DATA (or
// DATABASE_URL), for scheduled use — the same report the web app drafts. A new data folder
// is migrated and given the demo first, as the server does on its first start.
//
//   dondoc report work-results --period 2024-9M [--as-of 2024-09-30] [--province dong-thap] [--format docx|pdf|xlsx] --out BC.docx
//   dondoc report conclusion --paper 123-TB/TU|<id> [--province …] [--format …] --out TB.docx

export const REPORT_HELP = `Cách dùng:
  dondoc report work-results --period KỲ [--as-of yyyy-mm-dd] [--province MÃ] [--format docx|pdf|xlsx] --out TỆP
      KỲ: 2024 (cả năm), 2024-H1 (6 tháng), 2024-9M (9 tháng), 2024-Q3 (quý).
      --as-of: ngày cắt số liệu (mặc định: hôm nay). Số liệu được duyệt và tình hình nhiệm vụ đến hết ngày đó;
               cùng ngày cắt cho cùng báo cáo.
  dondoc report conclusion --paper SỐ_KÝ_HIỆU|MÃ [--province MÃ] [--format docx|pdf] --out TỆP
      Dự thảo thông báo kết luận từ các nhiệm vụ của một văn bản.
`;

function formatOf(value: string | undefined, out: string): ReportFormat | null {
  const f = (value ?? /\.(docx|pdf|xlsx)$/i.exec(out)?.[1] ?? "docx").toLowerCase();
  return (REPORT_FORMATS as readonly string[]).includes(f) ? (f as ReportFormat) : null;
}

async function findProvince(db: Db, wanted: string | undefined): Promise<{ id: number; name: string } | string> {
  const all = await db.selectFrom("provinces").select(["id", "code", "name"]).orderBy("id").execute();
  if (!all.length) return "Cơ sở dữ liệu chưa có tỉnh nào. Thêm bằng: dondoc province add …";
  if (!wanted) return all[0]!;
  const found = all.find((p) => p.code === wanted || String(p.id) === wanted);
  return found ?? `Không có tỉnh "${wanted}". Có: ${all.map((p) => `${p.code} (${p.name})`).join(", ")}.`;
}

export async function runReport(argv: string[], config: Config = loadConfig()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        period: { type: "string" },
        "as-of": { type: "string" },
        province: { type: "string" },
        format: { type: "string" },
        out: { type: "string", short: "o" },
        paper: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${REPORT_HELP}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const kind = positionals[0];
  if (values.help || !kind) {
    process.stdout.write(REPORT_HELP);
    return values.help ? 0 : 2;
  }
  if (kind !== "work-results" && kind !== "conclusion") {
    process.stderr.write(`Loại báo cáo không hợp lệ: "${kind}".\n\n${REPORT_HELP}`);
    return 2;
  }
  if (!values.out) {
    process.stderr.write(`Thiếu --out TỆP (nơi ghi báo cáo).\n\n${REPORT_HELP}`);
    return 2;
  }
  const format = formatOf(values.format, values.out);
  if (!format) {
    process.stderr.write(`Định dạng không hợp lệ: "${values.format}". Chọn docx, pdf hoặc xlsx.\n`);
    return 2;
  }
  let period = null;
  if (kind === "work-results") {
    if (!values.period) {
      process.stderr.write(`Thiếu --period (ví dụ 2024, 2024-H1, 2024-9M, 2024-Q3).\n\n${REPORT_HELP}`);
      return 2;
    }
    period = reportPeriod(values.period);
    if (!period) {
      process.stderr.write(`Kỳ báo cáo không hợp lệ: "${values.period}". Dùng 2024, 2024-H1, 2024-9M hoặc 2024-Q3.\n`);
      return 2;
    }
    if (values["as-of"] && !isIsoDate(values["as-of"])) {
      process.stderr.write(`Ngày cắt số liệu không hợp lệ: "${values["as-of"]}". Dùng dạng yyyy-mm-dd.\n`);
      return 2;
    }
  } else if (!values.paper) {
    process.stderr.write(`Thiếu --paper (số ký hiệu hoặc mã văn bản).\n\n${REPORT_HELP}`);
    return 2;
  }

  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    if (config.loadDemo) await loadDemoIfEmpty(handle.db, (line) => process.stderr.write(`${line}\n`));
    const province = await findProvince(handle.db, values.province);
    if (typeof province === "string") {
      process.stderr.write(`${province}\n`);
      return 2;
    }
    const started = performance.now();
    let file;
    if (kind === "work-results") {
      const asOf = values["as-of"] ?? todayInVietnam();
      file = await generateWorkResults(handle.db, { provinceId: province.id, period: period!.code, asOf, format, dueSoonDays: config.dueSoonDays });
    } else {
      const wanted = values.paper!;
      const paper = await handle.db
        .selectFrom("papers")
        .select(["id", "symbol"])
        .where("province_id", "=", province.id)
        .where((eb) => eb.or([eb("symbol", "=", wanted), eb(sql<string>`id::text`, "=", wanted)]))
        .orderBy("issued_on", "desc")
        .executeTakeFirst();
      if (!paper) {
        process.stderr.write(`Không tìm thấy văn bản "${wanted}" của ${province.name}.\n`);
        return 2;
      }
      file = await generateConclusion(handle.db, { provinceId: province.id, paperId: paper.id, format });
    }
    const out = resolve(values.out);
    await writeFile(out, file.bytes);
    const what = kind === "work-results" ? `Báo cáo kết quả ${periodLabel(period!).toLocaleLowerCase("vi")} của ${province.name}` : `Dự thảo thông báo kết luận của ${province.name}`;
    process.stdout.write(
      `${what}: ${out} (${Math.round(file.bytes.byteLength / 1024)} KB, ${((performance.now() - started) / 1000).toFixed(1)} giây)` +
        `${file.asOf ? `; số liệu đến hết ngày ${file.asOf.split("-").reverse().join("/")}` : ""}${file.fingerprint ? `; mã kiểm tra dữ liệu ${file.fingerprint}` : ""}.\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof PdfUnavailableError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}
