import ExcelJS from "exceljs";
import type { SheetRow } from "../../domain/api/directives.ts";
import { type Deadline, parseDeadline } from "../../domain/directives.ts";
import { formatDate, formatPercent } from "../../domain/format.ts";
import type { Queryable } from "../db/schema.ts";
import { checkXlsxArchive, notExcel } from "../files/xlsx-guard.ts";
import { unitsAsOf } from "../units/queries.ts";

// The office's tracking sheet as an Excel file, in the layout offices already use:
// STT, Nội dung, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Tiến độ, Kết quả, Ghi chú —
// dates as dd/mm/yyyy. The same layout is read back to assign directives in bulk: every
// row is checked first and the file is refused whole, with the list of problems, when
// anything is wrong. A last, hidden column carries each exported directive's id so that a
// re-imported sheet does not assign the same directives twice.

export const SHEET_COLUMNS = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Tiến độ", "Kết quả", "Ghi chú"] as const;
const ID_COLUMN = "Mã nhiệm vụ (không sửa)";

function progressText(r: SheetRow): string {
  const lines = [r.statusLabel + (r.progress !== null && r.status !== "done" ? ` (${formatPercent(r.progress)})` : "")];
  if (r.status === "done" && r.completedOn) lines.push(`Hoàn thành ngày ${formatDate(r.completedOn)}`);
  else if (r.status === "awaiting_confirmation" && r.requestedOn) lines.push(`Đề nghị hoàn thành ngày ${formatDate(r.requestedOn)}`);
  else if (r.lastReportOn) lines.push(`Báo cáo ngày ${formatDate(r.lastReportOn)}`);
  return lines.join("\n");
}

function noteText(r: SheetRow): string {
  const lines: string[] = [r.timelinessLabel + (r.timeliness === "overdue" && r.daysLeft !== null && r.daysLeft < 0 ? ` ${-r.daysLeft} ngày` : "")];
  if (r.paperSymbol) lines.push(`Mục ${r.ordinal ?? "?"}, văn bản số ${r.paperSymbol}${r.paperIssuedOn ? ` ngày ${formatDate(r.paperIssuedOn)}` : ""}`);
  if (r.leaderName) lines.push(`Lãnh đạo phụ trách: ${r.leaderName}`);
  if (r.note) lines.push(r.note);
  return lines.join("\n");
}

export async function sheetToXlsx(rows: SheetRow[], meta: { asOf: string; title: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  const ws = wb.addWorksheet("Theo dõi nhiệm vụ", {
    views: [{ state: "frozen", ySplit: 4 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.mergeCells(1, 1, 1, SHEET_COLUMNS.length);
  ws.getCell(1, 1).value = meta.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.mergeCells(2, 1, 2, SHEET_COLUMNS.length);
  ws.getCell(2, 1).value = `(Tính đến ngày ${formatDate(meta.asOf)})`;
  ws.getCell(2, 1).alignment = { horizontal: "center" };
  ws.getCell(2, 1).font = { italic: true };
  const header = ws.getRow(4);
  header.values = [...SHEET_COLUMNS, ID_COLUMN];
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  rows.forEach((r, i) => {
    const row = ws.addRow([
      i + 1,
      r.content,
      r.leadUnitName,
      r.partnerUnitNames.join(";\n"),
      r.deadlineText,
      progressText(r),
      r.result ?? r.lastReport ?? "",
      noteText(r),
      r.id,
    ]);
    row.alignment = { vertical: "top", wrapText: true };
    row.getCell(1).alignment = { vertical: "top", horizontal: "center" };
  });
  const widths = [6, 60, 26, 30, 14, 22, 40, 30, 38];
  ws.columns.forEach((c, i) => (c.width = widths[i]));
  ws.getColumn(SHEET_COLUMNS.length + 1).hidden = true;
  const border = { style: "thin" as const };
  for (let r = 4; r <= ws.rowCount; r++) {
    for (let c = 1; c <= SHEET_COLUMNS.length; c++) ws.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------
// Reading a sheet back

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatDate(value.toISOString().slice(0, 10));
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value).trim();
}

/** Unit names folded for matching: lower case, no diacritics, đ → d, single spaces. */
export function foldName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[“”"']/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export interface ImportedDirective {
  content: string;
  leadUnitId: string;
  partnerUnitIds: string[];
  deadline: Deadline;
  note: string | null;
  ordinal: string | null;
  position: number;
}

/** Reads a sheet in the export layout; nothing is written here. */
export async function xlsxToDirectives(
  db: Queryable,
  provinceId: number,
  bytes: Uint8Array,
  day: string,
): Promise<{ items: ImportedDirective[]; skipped: number; problems: string[] }> {
  checkXlsxArchive(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notExcel();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw notExcel();
  // The header row is the first that names "Nội dung" and "Đơn vị chủ trì".
  let headerRow = 0;
  const col = new Map<string, number>();
  for (let r = 1; r <= Math.min(ws.rowCount, 20) && !headerRow; r++) {
    const names = new Map<string, number>();
    ws.getRow(r).eachCell((cell, c) => names.set(foldName(cellText(cell.value)), c));
    if (names.has(foldName("Nội dung")) && names.has(foldName("Đơn vị chủ trì"))) {
      headerRow = r;
      for (const [k, v] of names) col.set(k, v);
    }
  }
  if (!headerRow) return { items: [], skipped: 0, problems: ['Không tìm thấy dòng tiêu đề có các cột "Nội dung" và "Đơn vị chủ trì".'] };
  const at = (row: ExcelJS.Row, name: string) => {
    const c = col.get(foldName(name));
    return c ? cellText(row.getCell(c).value) : "";
  };
  // Units by every name they are known by today: full name, short name, aliases.
  const units = await unitsAsOf(db, provinceId, day);
  const byName = new Map<string, Set<string>>();
  for (const u of units) {
    for (const n of [u.name, u.shortName, ...u.aliases]) {
      if (!n) continue;
      const k = foldName(n);
      byName.set(k, new Set([...(byName.get(k) ?? []), u.id]));
    }
  }
  const existingIds = new Set(
    (await db.selectFrom("directives").select("id").where("province_id", "=", provinceId).execute()).map((r) => r.id),
  );
  const problems: string[] = [];
  const items: ImportedDirective[] = [];
  let skipped = 0;
  const matchUnit = (where: string, what: string, name: string): string | null => {
    const ids = byName.get(foldName(name));
    if (!ids) {
      problems.push(`${where}: ${what} "${name}" không có trong cây tổ chức hiện hành.`);
      return null;
    }
    if (ids.size > 1) {
      problems.push(`${where}: ${what} "${name}" trùng tên với nhiều đơn vị; hãy ghi tên đầy đủ.`);
      return null;
    }
    return [...ids][0]!;
  };
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const content = at(row, "Nội dung");
    const leadName = at(row, "Đơn vị chủ trì");
    const id = at(row, ID_COLUMN);
    if (!content && !leadName) continue;
    const where = `Dòng ${r}`;
    if (id && existingIds.has(id)) {
      skipped++;
      continue;
    }
    if (!content) problems.push(`${where}: thiếu nội dung nhiệm vụ.`);
    if (content.length > 20000) problems.push(`${where}: nội dung quá dài (tối đa 20.000 ký tự).`);
    if (!leadName) problems.push(`${where}: thiếu đơn vị chủ trì.`);
    if (/[;\n]/.test(leadName)) problems.push(`${where}: mỗi nhiệm vụ chỉ có một đơn vị chủ trì ("${leadName.replace(/\n/g, "; ")}").`);
    const lead = leadName && !/[;\n]/.test(leadName) ? matchUnit(where, "đơn vị chủ trì", leadName) : null;
    const partners: string[] = [];
    for (const name of at(row, "Đơn vị phối hợp").split(/[;\n]+/).map((s) => s.trim()).filter(Boolean)) {
      const u = matchUnit(where, "đơn vị phối hợp", name);
      if (u && u !== lead) partners.push(u);
    }
    const deadlineText = at(row, "Thời hạn");
    const deadline = parseDeadline(deadlineText);
    if (!deadline) problems.push(`${where}: không đọc được thời hạn "${deadlineText}" (ví dụ: 31/12/2026, tháng 12/2026, quý IV/2026, thường xuyên).`);
    if (!content || !lead || !deadline) continue;
    const stt = at(row, "STT");
    items.push({ content, leadUnitId: lead, partnerUnitIds: [...new Set(partners)], deadline, note: at(row, "Ghi chú") || null, ordinal: stt || null, position: r });
  }
  if (!items.length && !skipped && !problems.length) problems.push("Tệp không có dòng nhiệm vụ nào.");
  return { items, skipped, problems };
}

