import ExcelJS from "exceljs";
import { type Cell, cellText, type PartyDocument, tablesOf, type TableBlock } from "./docx/model.ts";

// The statistics tables of a report as an Excel workbook: one sheet per table, with the
// report's heading above it, the header row frozen, numbers stored as numbers (shown the
// Vietnamese way by Excel's locale) and the report's note under the table.

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const FORMATS = { integer: "#,##0", decimal: "#,##0.##", percent: '0.0"%"' } as const;

function sheetName(t: TableBlock, index: number, used: Set<string>): string {
  const base = (t.sheetName ?? t.caption ?? `Bảng ${index + 1}`).replace(/[\\/?*[\]:]/g, " ").slice(0, 31).trim() || `Bảng ${index + 1}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

function put(cell: ExcelJS.Cell, value: Cell): void {
  if (value === null) return;
  if (typeof value === "number") {
    cell.value = value;
    return;
  }
  if (typeof value === "string") {
    cell.value = value;
    return;
  }
  if (typeof value.value === "number" && Number.isFinite(value.value)) {
    cell.value = value.value;
    cell.numFmt = FORMATS[value.format ?? "decimal"];
  } else cell.value = value.text;
  if (value.bold) cell.font = { ...cell.font, bold: true };
}

export async function renderXlsx(doc: Pick<PartyDocument, "body" | "annexes" | "kind" | "subject" | "properties">, extraTitle?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = doc.properties.creator;
  wb.created = doc.properties.created;
  wb.modified = doc.properties.created;
  wb.title = doc.properties.title;
  const used = new Set<string>();
  tablesOf(doc).forEach((t, k) => {
    const ws = wb.addWorksheet(sheetName(t, k, used));
    const width = t.columns.length;
    const title = ws.addRow([`${doc.kind} ${doc.subject.join(" ")}`.trim()]);
    title.font = { bold: true, size: 13 };
    ws.mergeCells(1, 1, 1, width);
    const caption = ws.addRow([t.caption ?? extraTitle ?? ""]);
    caption.font = { bold: true };
    ws.mergeCells(2, 1, 2, width);
    const header = ws.addRow(t.columns.map((c) => c.title));
    header.font = { bold: true };
    header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    const border: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
    const addRows = (rows: Cell[][], bold: boolean) => {
      for (const r of rows) {
        const row = ws.addRow([]);
        let col = 1;
        for (const c of r) {
          const span = typeof c === "object" && c !== null ? (c.colSpan ?? 1) : 1;
          put(row.getCell(col), c);
          if (span > 1) ws.mergeCells(row.number, col, row.number, col + span - 1);
          col += span;
        }
        if (bold) row.font = { bold: true };
        row.alignment = { vertical: "top", wrapText: true };
      }
    };
    addRows(t.rows, false);
    addRows(t.totalRows ?? [], true);
    for (let r = 3; r <= ws.rowCount; r++) for (let c = 1; c <= width; c++) ws.getCell(r, c).border = border;
    if (t.note) {
      ws.addRow([]);
      const note = ws.addRow([t.note]);
      note.font = { italic: true };
    }
    const total = t.columns.reduce((s, c) => s + c.width, 0);
    t.columns.forEach((c, i) => {
      const longest = Math.max(c.title.length, ...t.rows.map((r) => cellText(r[i] ?? null).length));
      ws.getColumn(i + 1).width = Math.max(6, Math.min(60, Math.max((c.width / total) * 120, Math.min(longest, 14) + 2)));
    });
    ws.views = [{ state: "frozen", ySplit: 3 }];
  });
  if (!wb.worksheets.length) wb.addWorksheet("Trống").addRow(["Báo cáo không có bảng số liệu."]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
