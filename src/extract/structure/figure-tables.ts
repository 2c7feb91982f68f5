// Figure tables: a table of a report whose rows are measured things and whose columns give the unit, the
// plan and the result ("TT | Nội dung | Đơn vị tính | Kế hoạch năm 2026 | Thực hiện 6 tháng | Tỷ lệ (%)").
// Their numbers stand bare in their cells, with the unit in a column of its own, so the running-text reader
// (indicators.ts) cannot read them: each bare number here is an indicator with the row's unit, labelled by
// the row's content and the column's heading; a "Tỷ lệ (%)" column is the plan percentage of the result
// column before it (heldout README, reading 23).
import type { Table } from "./document.ts";
import type { LocatedIndicator } from "./indicators.ts";
import { parseVietnameseNumber } from "./numbers.ts";

const UNIT_HEADING = /^(?:đơn vị tính|đvt|đơn vị)$/iu;
const ORDER_HEADING = /^(?:tt|stt|số tt)$/iu;
const CONTENT_HEADING = /nội dung|chỉ tiêu|hạng mục|lĩnh vực/iu;
const RATIO_HEADING = /tỷ lệ|\(%\)|^%$/iu;
const PLAN_HEADING = /kế hoạch|dự toán|chỉ tiêu/iu;
const PERIOD = /(?:\d{1,2} tháng (?:đầu |cuối )?năm \d{4}|quý [IV]{1,3} năm \d{4}|năm \d{4})/iu;
/** A cell holding one number as written in a table: "2.200", "56,2", "742". */
const BARE_NUMBER = /^\d{1,3}(?:\.\d{3})*(?:,\d{1,6})?$|^\d{1,12}(?:,\d{1,6})?$/u;

interface Columns {
  order: number;
  content: number;
  unit: number;
  ratio: number;
  values: number[];
}

/** The indicators of every figure table among `tables` (those whose heading row has a unit column). */
export function figureTableIndicators(tables: readonly Table[], docPeriod: string | null): LocatedIndicator[] {
  const out: LocatedIndicator[] = [];
  for (const table of tables) {
    if (table.region !== "body" || table.rows.length < 2) continue;
    const columns = columnsOf(table);
    if (columns) readRows(table, columns, docPeriod, out);
  }
  return out;
}

function columnsOf(table: Table): Columns | null {
  const heading = table.rows[0]!.map((c) => c.text.trim());
  const unit = heading.findIndex((h) => UNIT_HEADING.test(h));
  if (unit < 0) return null;
  const order = heading.findIndex((h) => ORDER_HEADING.test(h));
  let content = heading.findIndex((h, k) => k !== unit && CONTENT_HEADING.test(h) && !PLAN_HEADING.test(h));
  if (content < 0) content = heading.findIndex((_, k) => k !== unit && k !== order);
  const ratio = heading.findIndex((h, k) => k !== content && RATIO_HEADING.test(h));
  const values: number[] = [];
  for (let k = 0; k < heading.length; k++) if (k !== unit && k !== order && k !== content && k !== ratio) values.push(k);
  return content >= 0 && values.length > 0 ? { order, content, unit, ratio, values } : null;
}

function readRows(table: Table, columns: Columns, docPeriod: string | null, out: LocatedIndicator[]): void {
  const heading = table.rows[0]!.map((c) => c.text.trim());
  for (const row of table.rows.slice(1)) {
    const content = row[columns.content]?.text.trim() ?? "";
    const unit = row[columns.unit]?.text.trim() ?? "";
    if (!content || !unit || BARE_NUMBER.test(unit)) continue;
    const ratioCell = columns.ratio >= 0 ? row[columns.ratio]?.text.trim() ?? "" : "";
    const ratio = BARE_NUMBER.test(ratioCell) ? parseVietnameseNumber(ratioCell) : null;
    // The result the ratio measures: the value column right before the ratio column.
    const resultColumn = columns.ratio >= 0 ? Math.max(...columns.values.filter((k) => k < columns.ratio)) : -1;
    const cells = row.filter((_, k) => k !== columns.order);
    const text = cells.map((c) => c.text.trim()).filter(Boolean).join(" ");
    for (const k of columns.values) {
      const cell = row[k];
      const raw = cell?.text.trim() ?? "";
      if (!cell || !BARE_NUMBER.test(raw)) continue;
      const value = parseVietnameseNumber(raw);
      if (value === null) continue;
      const head = heading[k] ?? "";
      const isPlan = PLAN_HEADING.test(head);
      out.push({
        label: isPlan ? `${head} ${content}` : `${content} ${head}`.trim(),
        value,
        unit,
        planPercent: k === resultColumn && !isPlan ? ratio : null,
        changePercent: null,
        period: PERIOD.exec(head)?.[0] ?? docPeriod,
        text,
        span: { start: cell.start, end: cell.end },
      });
    }
  }
}
