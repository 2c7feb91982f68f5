import ExcelJS from "exceljs";
import type { SummaryView, TableRow, ValuesImport } from "../../domain/api/targets.ts";
import { parseDate, todayInVietnam } from "../../domain/format.ts";
import { lastEndedPeriod, parsePeriod, periodLabel } from "../../domain/periods.ts";
import { DIRECTION_LABELS, VALUE_BASIS_LABELS, type ValueBasis } from "../../domain/targets.ts";
import { parseVietnameseNumber } from "../../extract/structure/numbers.ts";
import type { Tx } from "../db/schema.ts";
import { checkXlsxArchive } from "../files/xlsx-guard.ts";
import { HttpError } from "../http/errors.ts";
import type { Audit } from "../http/route.ts";
import { newId } from "../ids.ts";
import { refreshAssessments } from "./assess.ts";
import { checkValuePeriod, mayEnter, type ResolutionRow, type TargetRow, type Viewer } from "./queries.ts";

// Figures move in and out as Excel workbooks:
// - the table of a resolution for a period (what a report annex shows);
// - a template listing the targets the caller enters figures for, filled in and imported back.
// An import is all or nothing: every row is checked first and a file with any problem is refused
// whole, with the problems listed in Vietnamese. Rows without a value are skipped, so a template
// filled in part is fine.

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export { XLSX_MIME };

// ---------------------------------------------------------------------------
// Export

const NUM = "#,##0.##";

export async function tableToXlsx(resolution: ResolutionRow, periodCode: string, summary: SummaryView, rows: TableRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  const ws = wb.addWorksheet("Chỉ tiêu", { views: [{ state: "frozen", ySplit: 4 }] });
  ws.addRow([`${resolution.symbol ? `${resolution.symbol} — ` : ""}${resolution.title}`]).font = { bold: true, size: 13 };
  ws.addRow([`Kỳ đánh giá: ${summary.periodLabel} (${periodCode})`]);
  ws.addRow([`${summary.line}.`]).font = { italic: true };
  const header = [
    "Mã",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch",
    "Thực hiện",
    "Loại số liệu",
    "% kế hoạch",
    "Cùng kỳ năm trước",
    "So cùng kỳ",
    "Tình trạng",
    "Dự báo cả năm",
    "Khả năng đạt (năm)",
    "Dự báo nhiệm kỳ",
    "Khả năng đạt (nhiệm kỳ)",
    "Đơn vị chủ trì",
    "Chiều đánh giá",
  ];
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.alignment = { wrapText: true, vertical: "middle" };
  for (const r of rows) {
    const row = ws.addRow([
      r.code,
      r.name,
      r.unit,
      r.plan,
      r.actual,
      r.actualBasis ? VALUE_BASIS_LABELS[r.actualBasis] : "",
      r.percentOfPlan === null ? null : r.percentOfPlan / 100,
      r.lastYear,
      r.change === null ? null : r.changeKind === "points" ? `${r.change >= 0 ? "+" : ""}${r.change.toFixed(2).replace(".", ",")} điểm %` : r.change / 100,
      r.status === "not_assessable" && r.reasonLabel ? `${r.statusLabel} (${r.reasonLabel.toLowerCase()})` : r.statusLabel,
      r.forecastYear,
      r.likelihoodYearLabel ?? "",
      r.forecastTerm,
      r.likelihoodTermLabel ?? "",
      r.owner?.name ?? "",
      DIRECTION_LABELS[r.direction],
    ]);
    for (const c of [4, 5, 8, 11, 13]) row.getCell(c).numFmt = NUM;
    row.getCell(7).numFmt = "0.0%";
    if (r.changeKind === "percent") row.getCell(9).numFmt = "+0.0%;-0.0%";
  }
  ws.columns.forEach((c, i) => (c.width = [8, 50, 14, 14, 14, 14, 11, 14, 14, 22, 14, 14, 14, 14, 30, 18][i]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------
// Template and import

const COLUMNS = ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Kỳ", "Loại số liệu", "Giá trị", "Nguồn số liệu", "Số liệu đến ngày", "Ghi chú"];
const SHEET = "Số liệu";

export async function templateXlsx(resolution: ResolutionRow, targets: TargetRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  const ws = wb.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(COLUMNS).font = { bold: true };
  const today = todayInVietnam();
  for (const t of targets) {
    const kind = t.period_kinds.includes("nine_months") ? "nine_months" : t.period_kinds.includes("half") ? "half" : "year";
    const p = lastEndedPeriod(kind as "year", today);
    ws.addRow([t.code, t.name, t.measure_unit, periodLabel(p), VALUE_BASIS_LABELS.estimate, null, "", "", ""]);
  }
  ws.columns.forEach((c, i) => (c.width = [12, 50, 14, 22, 16, 14, 36, 16, 30][i]));
  const help = wb.addWorksheet("Hướng dẫn");
  for (const line of [
    `Mẫu nhập số liệu chỉ tiêu: ${resolution.title}`,
    "Mỗi dòng là một số liệu của một chỉ tiêu trong một kỳ. Dòng để trống cột Giá trị sẽ được bỏ qua.",
    "Kỳ: ghi như \"9 tháng năm 2024\", \"6 tháng đầu năm 2024\", \"Quý III/2024\", \"Tháng 5/2024\", \"Năm 2024\" (hoặc mã 2024-9M, 2024-H1, 2024-Q3, 2024-05, 2024).",
    "Loại số liệu: \"Ước thực hiện\" hoặc \"Chính thức\" (số chính thức chỉ nhập khi kỳ đã kết thúc).",
    "Giá trị: số, viết kiểu Việt Nam (9.003,5) hoặc để ô dạng số.",
    "Số liệu đến ngày: dd/mm/yyyy.",
    "Tệp có lỗi sẽ không được nhập dòng nào; danh sách lỗi cho biết dòng cần sửa.",
  ])
    help.addRow([line]);
  help.getColumn(1).width = 120;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}

function cellNumber(value: ExcelJS.CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value && typeof value === "object" && "result" in value && typeof value.result === "number") return value.result;
  const text = cellText(value).replace(/\s+/g, "").replace(/%$/, "");
  if (!text) return null;
  const negative = text.startsWith("-") || text.startsWith("−");
  const n = parseVietnameseNumber(negative ? text.slice(1) : text);
  return n === null ? null : negative ? -n : n;
}

function basisOf(text: string): ValueBasis | null {
  const s = text.trim().toLocaleLowerCase("vi");
  if (!s || s.startsWith("ước") || s === "estimate" || s === "uoc") return "estimate";
  if (s.startsWith("chính thức") || s === "official" || s === "chinh thuc") return "official";
  return null;
}

interface Parsed {
  line: number;
  target: TargetRow;
  period: string;
  basis: ValueBasis;
  value: number;
  source: string | null;
  cutoffOn: string | null;
  note: string | null;
}

/** Reads and checks every row, then writes them all or none. */
export async function importValues(tx: Tx, viewer: Viewer, resolution: ResolutionRow, bytes: Uint8Array, audit: Audit): Promise<ValuesImport> {
  checkXlsxArchive(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new HttpError(400, "invalid_file", "Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx.");
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) throw new HttpError(400, "invalid_file", `Tệp Excel không có trang tính "${SHEET}".`);
  let headerRow = 0;
  const col = new Map<string, number>();
  for (let n = 1; n <= Math.min(10, ws.rowCount) && !headerRow; n++) {
    const row = ws.getRow(n);
    for (let c = 1; c <= 20; c++) {
      const t = cellText(row.getCell(c).value).toLocaleLowerCase("vi");
      const known = COLUMNS.findIndex((h) => h.toLocaleLowerCase("vi") === t);
      if (known >= 0) col.set(COLUMNS[known]!, c);
    }
    if (col.has("Mã chỉ tiêu") && col.has("Giá trị")) headerRow = n;
    else col.clear();
  }
  if (!headerRow) throw new HttpError(400, "invalid_file", `Không tìm thấy dòng tiêu đề có các cột "Mã chỉ tiêu" và "Giá trị". Hãy dùng tệp mẫu.`);

  const targets = await tx
    .selectFrom("targets")
    .selectAll()
    .where("province_id", "=", viewer.provinceId)
    .where("resolution_id", "=", resolution.id)
    .where("archived_at", "is", null)
    .execute();
  const byCode = new Map(targets.filter((t) => mayEnter(viewer, t.owner_unit_id)).map((t) => [t.code.toLocaleLowerCase("vi"), t]));
  const problems: string[] = [];
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  const get = (row: ExcelJS.Row, name: string) => (col.has(name) ? row.getCell(col.get(name)!).value : null);
  const today = todayInVietnam();

  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const code = cellText(get(row, "Mã chỉ tiêu"));
    const rawValue = get(row, "Giá trị");
    const valueText = cellText(rawValue);
    if (!code && !valueText) continue;
    if (!valueText) {
      skipped++;
      continue;
    }
    const where = `Dòng ${n}`;
    const rowProblems: string[] = [];
    const target = byCode.get(code.toLocaleLowerCase("vi"));
    if (!code) rowProblems.push(`${where}: thiếu mã chỉ tiêu.`);
    else if (!target) rowProblems.push(`${where}: không có chỉ tiêu mã "${code}" mà bạn được nhập số liệu trong văn bản này.`);
    const periodCell = get(row, "Kỳ");
    const periodText = periodCell instanceof Date ? periodCell.toISOString().slice(0, 7) : cellText(periodCell);
    const period = parsePeriod(periodText);
    if (!period) rowProblems.push(`${where}: kỳ "${periodText}" không hợp lệ (ví dụ: 9 tháng năm 2024, Quý III/2024, Năm 2024).`);
    const basis = basisOf(cellText(get(row, "Loại số liệu")));
    if (!basis) rowProblems.push(`${where}: loại số liệu phải là "Ước thực hiện" hoặc "Chính thức".`);
    const value = cellNumber(rawValue);
    if (value === null) rowProblems.push(`${where}: giá trị "${valueText}" không phải là số.`);
    const cutoffCell = get(row, "Số liệu đến ngày");
    const cutoffText = cellText(cutoffCell);
    const cutoffOn = cutoffText ? parseDate(cutoffText) : null;
    if (cutoffText && !cutoffOn) rowProblems.push(`${where}: ngày "${cutoffText}" không hợp lệ (dd/mm/yyyy).`);
    if (target && period && basis) {
      try {
        checkValuePeriod(target, period.code, basis, today);
      } catch (e) {
        rowProblems.push(`${where}: ${(e as Error).message}`);
      }
      const key = `${target.id}|${period.code}|${basis}`;
      if (seen.has(key)) rowProblems.push(`${where}: trùng với dòng ${seen.get(key)} (cùng chỉ tiêu, kỳ và loại số liệu).`);
      else seen.set(key, n);
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    parsed.push({
      line: n,
      target: target!,
      period: period!.code,
      basis: basis!,
      value: value!,
      source: cellText(get(row, "Nguồn số liệu")) || null,
      cutoffOn,
      note: cellText(get(row, "Ghi chú")) || null,
    });
  }

  const existing = parsed.length
    ? await tx
        .selectFrom("target_values")
        .selectAll()
        .where("province_id", "=", viewer.provinceId)
        .where(
          "target_id",
          "in",
          [...new Set(parsed.map((p) => p.target.id))],
        )
        .forUpdate()
        .execute()
    : [];
  const existingOf = new Map(existing.map((v) => [`${v.target_id}|${v.period}|${v.basis}`, v]));
  for (const p of parsed) {
    const old = existingOf.get(`${p.target.id}|${p.period}|${p.basis}`);
    if (old?.status === "approved" && !viewer.office) problems.push(`Dòng ${p.line}: số liệu ${VALUE_BASIS_LABELS[p.basis].toLowerCase()} kỳ ${p.period} của chỉ tiêu "${p.target.code}" đã được duyệt; đơn vị không sửa được.`);
  }
  if (problems.length) throw new HttpError(400, "invalid_import", `Tệp có ${problems.length} lỗi; chưa nhập số liệu nào.`, { problems });
  if (!parsed.length) throw new HttpError(400, "empty_import", "Tệp không có dòng nào có giá trị để nhập.");

  const now = new Date();
  const status = viewer.office ? "approved" : "submitted";
  let created = 0;
  let updated = 0;
  for (const p of parsed) {
    const old = existingOf.get(`${p.target.id}|${p.period}|${p.basis}`);
    const fields = {
      value: p.value,
      source: p.source,
      cutoff_on: p.cutoffOn,
      note: p.note,
      status,
      return_note: null,
      submitted_by: viewer.userId,
      submitted_at: now,
      approved_by: status === "approved" ? viewer.userId : null,
      approved_at: status === "approved" ? now : null,
      updated_at: now,
    } as const;
    if (old) {
      const after = await tx
        .updateTable("target_values")
        .set({ ...fields, ...(old.value !== p.value ? { paper_fact_id: null } : {}), version: old.version + 1 })
        .where("province_id", "=", viewer.provinceId)
        .where("id", "=", old.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({ action: "target_value.import", objectType: "target_value", objectId: old.id, before: old, after, reason: `Nhập từ Excel, dòng ${p.line}` });
      updated++;
    } else {
      const after = await tx
        .insertInto("target_values")
        .values({ province_id: viewer.provinceId, id: newId(), target_id: p.target.id, period: p.period, basis: p.basis, entered_by: viewer.userId, ...fields })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({ action: "target_value.import", objectType: "target_value", objectId: after.id, after, reason: `Nhập từ Excel, dòng ${p.line}` });
      created++;
    }
  }
  const targetIds = [...new Set(parsed.map((p) => p.target.id))];
  await refreshAssessments(tx, viewer.provinceId, targetIds, { fromYear: Math.min(...parsed.map((p) => Number(p.period.slice(0, 4)))) });
  return { created, updated, skipped, targets: targetIds.length };
}

export function xlsxFileName(prefix: string, code: string): string {
  return `${prefix}-${code}-${todayInVietnam()}.xlsx`;
}

