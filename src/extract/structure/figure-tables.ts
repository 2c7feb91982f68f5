// Figure tables: a table of a report whose rows are measured things and whose columns give the unit, the
// plan and the result ("TT | Nội dung | Đơn vị tính | Kế hoạch năm 2026 | Thực hiện 6 tháng | Tỷ lệ (%)").
// Their numbers stand bare in their cells, with the unit in a column of its own, so the running-text reader
// (indicators.ts) cannot read them: each bare number here is an indicator with the row's unit, labelled by
// the row's content and the column's heading; a "Tỷ lệ (%)" column is the plan percentage of the result
// column before it, a "So với cùng kỳ (%)" column its change (heldout README, readings 23, 32 and 33); a task
// table's column naming its unit ("Kinh phí (triệu đồng)") holds figures too.
import type { Table } from "./document.ts";
import type { LocatedIndicator } from "./indicators.ts";
import { parseVietnameseNumber } from "./numbers.ts";
import { unitAfter } from "./units.ts";

const UNIT_HEADING = /^(?:đơn vị tính|đvt|đơn vị)$/iu;
const ORDER_HEADING = /^(?:tt|stt|số tt)$/iu;
const CONTENT_HEADING = /nội dung|chỉ tiêu|hạng mục|lĩnh vực|nhiệm vụ|công việc/iu;
const RATIO_HEADING = /tỷ lệ|\(%\)|^%$/iu;
/** "So với cùng kỳ (%)": the result as a per cent of the same period, its change X − 100 (reading 32). */
const SAME_PERIOD_HEADING = /cùng kỳ|năm trước/iu;
const PLAN_HEADING = /kế hoạch|dự toán|chỉ tiêu/iu;
const PERIOD = /(?:\d{1,2} tháng (?:đầu |cuối )?năm \d{4}|quý [IV]{1,3} năm \d{4}|năm \d{4})/iu;
/** A cell holding one number as written in a table: "2.200", "56,2", "742". */
const BARE_NUMBER = /^\d{1,3}(?:\.\d{3})*(?:,\d{1,6})?$|^\d{1,12}(?:,\d{1,6})?$/u;

interface Columns {
  order: number;
  content: number;
  /** The unit column, -1 when every value column names its unit in its heading. */
  unit: number;
  /** The result as a per cent of the plan ("Tỷ lệ (%)", "So với kế hoạch (%)"), -1 when none. */
  ratio: number;
  /** The result as a per cent of the same period last year ("So với cùng kỳ (%)"), -1 when none. */
  sameRatio: number;
  values: number[];
  /** Units named in value columns' headings ("Kinh phí (triệu đồng)"), by column. */
  headingUnits: Map<number, string>;
}

/** "Kinh phí (triệu đồng)": a heading naming the unit of its column (not "Tỷ lệ (%)"). */
const UNIT_IN_HEADING = /^(.*\S)\s*\(([^()%]{1,24})\)$/u;

/** The indicators of every figure table among `tables`: those with a unit column, or columns naming their unit. */
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
  const headingUnits = new Map<number, string>();
  heading.forEach((h, k) => {
    const m = UNIT_IN_HEADING.exec(h);
    const named = m ? m[2]!.trim() : "";
    // Only a unit ("triệu đồng", "ha"), not any remark in brackets ("Ghi chú (nếu có)").
    if (m && k !== unit && unitAfter(` ${named}`)?.length === named.length + 1) headingUnits.set(k, named);
  });
  if (unit < 0 && headingUnits.size === 0) return null;
  const order = heading.findIndex((h) => ORDER_HEADING.test(h));
  let content = heading.findIndex((h, k) => k !== unit && CONTENT_HEADING.test(h) && !PLAN_HEADING.test(h) && !headingUnits.has(k));
  if (content < 0) content = heading.findIndex((_, k) => k !== unit && k !== order && !headingUnits.has(k));
  const ratio = heading.findIndex((h, k) => k !== content && RATIO_HEADING.test(h) && !SAME_PERIOD_HEADING.test(h));
  const sameRatio = heading.findIndex((h, k) => k !== content && RATIO_HEADING.test(h) && SAME_PERIOD_HEADING.test(h));
  const values: number[] = [];
  for (let k = 0; k < heading.length; k++) {
    // Without a unit column (a task table with a "Kinh phí (triệu đồng)" column), only columns naming their unit hold figures.
    if (unit < 0 ? headingUnits.has(k) : k !== unit && k !== order && k !== content && k !== ratio && k !== sameRatio) values.push(k);
  }
  return content >= 0 && values.length > 0 ? { order, content, unit, ratio, sameRatio, values, headingUnits } : null;
}

/** The ratio in a row's cell of a ratio column, null when there is none. */
function ratioIn(row: Table["rows"][number], column: number): number | null {
  const cell = column >= 0 ? row[column]?.text.trim() ?? "" : "";
  return BARE_NUMBER.test(cell) ? parseVietnameseNumber(cell) : null;
}

function readRows(table: Table, columns: Columns, docPeriod: string | null, out: LocatedIndicator[]): void {
  const heading = table.rows[0]!.map((c) => c.text.trim());
  for (const row of table.rows.slice(1)) {
    const content = row[columns.content]?.text.trim() ?? "";
    const rowUnit = columns.unit >= 0 ? row[columns.unit]?.text.trim() ?? "" : "";
    if (!content || (columns.unit >= 0 && (!rowUnit || BARE_NUMBER.test(rowUnit)))) continue;
    const ratio = ratioIn(row, columns.ratio);
    const sameRatio = ratioIn(row, columns.sameRatio);
    // The result the ratios measure: the last value column before them.
    const firstRatio = Math.min(...[columns.ratio, columns.sameRatio].filter((k) => k >= 0));
    const resultColumn = Number.isFinite(firstRatio) ? Math.max(...columns.values.filter((k) => k < firstRatio)) : -1;
    const cells = row.filter((_, k) => k !== columns.order);
    const text = cells.map((c) => c.text.trim()).filter(Boolean).join(" ");
    for (const k of columns.values) {
      const cell = row[k];
      const raw = cell?.text.trim() ?? "";
      if (!cell || !BARE_NUMBER.test(raw)) continue;
      const value = parseVietnameseNumber(raw);
      if (value === null) continue;
      const named = columns.headingUnits.get(k);
      const head = named ? UNIT_IN_HEADING.exec(heading[k]!)![1]! : heading[k] ?? "";
      const isPlan = PLAN_HEADING.test(head);
      out.push({
        // "Kinh phí (triệu đồng)" of a task: what the money is for follows the heading's word.
        label: isPlan || named ? `${head} ${content}` : `${content} ${head}`.trim(),
        value,
        unit: named ?? rowUnit,
        planPercent: k === resultColumn && !isPlan ? ratio : null,
        changePercent: k === resultColumn && !isPlan && sameRatio !== null ? Math.round((sameRatio - 100) * 1e6) / 1e6 : null,
        period: PERIOD.exec(head)?.[0] ?? docPeriod,
        text,
        span: { start: cell.start, end: cell.end },
      });
    }
  }
}
