import { CLASSIFICATION_LABELS, type DirectiveClassification, OUTCOME_LABELS, OUTCOMES, type Outcome } from "../../domain/directives.ts";
import { formatDate, formatNumber, todayInVietnam, viCollator } from "../../domain/format.ts";
import { type Period, parsePeriodCode, periodLabel, samePeriodLastYear } from "../../domain/periods.ts";
import { type Status as TargetStatus, STATUS_LABELS as TARGET_STATUS_LABELS, summaryLine, VALUE_BASIS_LABELS } from "../../domain/targets.ts";
import type { Queryable } from "../db/schema.ts";
import { barChartPng, COLORS, pieChartPng } from "./charts.ts";
import {
  areaRows,
  type DirectiveFact,
  directivesAsOf,
  fillMissingUnits,
  fingerprint,
  type FigureSource,
  onTimeShare,
  type ProvinceHeading,
  periodBounds,
  provinceHeading,
  type ResolutionFigures,
  type TargetFigure,
  tallyOf,
  targetFiguresAsOf,
  type UnitRow,
  unitRows,
} from "./data.ts";
import { type Annex, b, type Block, type Cell, dash, fn, type Inline, p, type PartyDocument, section, type TableBlock } from "./docx/model.ts";

// Report (a): the periodic work-results report (báo cáo kết quả thực hiện nhiệm vụ — sơ kết 6,
// 9 tháng, tổng kết năm, or a quarter), drafted from the record as it stood at the end of a
// cut-off day, in the layout of the committee's own reports (seed 003): targets by area with
// their figures, the directives followed — done on time, late, overdue, with their lists — a
// table per lead unit, charts, a general assessment for the office to complete, "Nơi nhận"
// and "T/M TỈNH ỦY". Annex I lists every directive counted and Annex II every figure's source,
// so each number of the report can be traced to its records.

export interface WorkResultsOptions {
  provinceId: number;
  /** Period code: 2024, 2024-H1, 2024-9M, 2024-Q3 (see src/domain/periods.ts). */
  period: string;
  /** Cut-off day (yyyy-mm-dd); defaults to today. */
  asOf?: string;
  /** "Sắp đến hạn" window (days) — does not change the report's categories. */
  dueSoonDays?: number;
  progress?: (fraction: number, message: string) => Promise<void> | void;
}

export interface WorkResultsData {
  heading: ProvinceHeading;
  period: Period;
  asOf: string;
  directives: DirectiveFact[];
  resolutions: ResolutionFigures[];
  fingerprint: string;
}

/** The periods the report is made for: a year, the first half, nine months, a quarter (a month or a term are refused). */
export function reportPeriod(code: string): Period | null {
  const p = parsePeriodCode(code);
  return p && (p.kind === "year" || p.kind === "half" || p.kind === "nine_months" || p.kind === "quarter") ? p : null;
}

/**
 * The cut-off a report uses when none is given: today — the report says what the record knows
 * on the day it is drafted ("số liệu tính đến ngày …"). A figure counts once it was approved by
 * the end of the cut-off day, a directive in the state it was in then: the same cut-off always
 * gives the same report.
 */
export function defaultAsOf(_period: Period, today = todayInVietnam()): string {
  return today;
}

export async function loadWorkResults(db: Queryable, options: WorkResultsOptions): Promise<WorkResultsData> {
  const period = reportPeriod(options.period);
  if (!period) throw new Error(`Kỳ báo cáo không hợp lệ: "${options.period}". Dùng 2024, 2024-H1, 2024-9M hoặc 2024-Q3.`);
  const asOf = options.asOf ?? defaultAsOf(period);
  const { start, end } = periodBounds(period);
  await options.progress?.(0.05, "Đang đọc tình hình thực hiện nhiệm vụ …");
  const heading = await provinceHeading(db, options.provinceId, asOf);
  const directives = await directivesAsOf(db, options.provinceId, { periodStart: start, periodEnd: end, asOf }, options.dueSoonDays);
  await fillMissingUnits(
    db,
    heading,
    directives.map((d) => d.leadUnitId),
  );
  await options.progress?.(0.25, "Đang tính kết quả các chỉ tiêu …");
  const resolutions = await targetFiguresAsOf(db, options.provinceId, period, asOf);
  await fillMissingUnits(
    db,
    heading,
    resolutions.flatMap((r) => r.targets.map((t) => t.ownerUnitId).filter((x): x is string => !!x)),
  );
  const print = {
    period: period.code,
    asOf,
    directives: directives.map((d) => [d.id, d.stateFrom, d.status, d.leadUnitId, d.dueOn, d.completedOn, d.requestedOn, d.outcome]),
    figures: resolutions.map((r) => r.targets.map((t) => [t.id, t.assessment.actual, t.assessment.plan, t.actualSources.map((s) => s.valueId), t.lastYearSources.map((s) => s.valueId)])),
  };
  return { heading, period, asOf, directives, resolutions, fingerprint: fingerprint(print) };
}

// ---------------------------------------------------------------------------
// Wording

const n = (v: number | null | undefined, digits = 2) => formatNumber(v ?? null, digits);
const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "–" : `${formatNumber(v, digits)}%`);
const lower = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

/** "9 tháng năm 2024", "năm 2024", "quý III/2024", "6 tháng đầu năm 2024". */
export function periodPhrase(p: Period): string {
  return lower(periodLabel(p));
}

/** The report's subject (trích yếu). */
export function workResultsSubject(p: Period): string {
  return p.kind === "year" ? `Kết quả thực hiện nhiệm vụ công tác năm ${p.year}` : `Kết quả thực hiện nhiệm vụ ${periodPhrase(p)}`;
}

/** A short code of a record for a printed annex: the last 8 characters of its id. */
export function shortId(id: string): string {
  return id.replace(/-/g, "").slice(-8).toLowerCase();
}

const PAPER_KIND_WORDS: Record<string, string> = {
  TB: "Thông báo",
  KL: "Kết luận",
  NQ: "Nghị quyết",
  CT: "Chỉ thị",
  CTr: "Chương trình",
  KH: "Kế hoạch",
  BC: "Báo cáo",
  CV: "Công văn",
  QĐ: "Quyết định",
};

/** "Thông báo số 123-TB/TU ngày 02/10/2024". */
export function paperRef(paper: { symbol: string | null; kind: string | null; issuedOn: string | null } | null): string {
  if (!paper) return "";
  const kindCode = paper.kind ?? /-(\p{L}+)\//u.exec(paper.symbol ?? "")?.[1] ?? null;
  const word = kindCode ? (PAPER_KIND_WORDS[kindCode] ?? "Văn bản") : "Văn bản";
  return `${word}${paper.symbol ? ` số ${paper.symbol}` : ""}${paper.issuedOn ? ` ngày ${formatDate(paper.issuedOn)}` : ""}`;
}

function truncate(s: string, max: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, "")} …`;
}

function changePhrase(t: TargetFigure): string {
  const a = t.assessment;
  if (a.change === null) return "";
  if (Math.abs(a.change) < 0.005) return "bằng cùng kỳ";
  const word = a.change > 0 ? "tăng" : "giảm";
  return a.changeKind === "points" ? `${word} ${n(Math.abs(a.change))} điểm phần trăm so cùng kỳ` : `${word} ${n(Math.abs(a.change))}% so cùng kỳ`;
}

/** "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 9.003 tỷ đồng, bằng 102,3% kế hoạch, tăng 23,4% so cùng kỳ (vượt tiến độ)". */
function targetSentence(t: TargetFigure, period: Period): Inline[] {
  const a = t.assessment;
  if (a.actual === null) return [`${t.name}: chưa có số liệu được duyệt`];
  const unit = t.unit === "%" ? "%" : ` ${t.unit}`;
  const parts = [`${t.name} ${a.actualBasis === "estimate" ? "ước đạt" : "đạt"} ${n(a.actual)}${unit}`];
  if (a.percentOfPlan !== null) parts.push(`bằng ${pct(a.percentOfPlan)} kế hoạch`);
  const change = changePhrase(t);
  if (change) parts.push(change);
  const goal = period.kind === "year" ? "kế hoạch" : "tiến độ";
  const words: Record<TargetStatus, string> = { exceeded: `vượt ${goal}`, met: `đạt ${goal}`, behind: `chưa đạt ${goal}`, not_assessable: "" };
  const status = words[a.status] ? ` (${words[a.status]})` : "";
  const source = figureNote(t);
  return [`${parts.join(", ")}${status}`, ...(source ? [fn(source)] : [])];
}

function sourceWords(s: FigureSource): string {
  const bits = [`${s.period.length === 4 ? "năm" : "kỳ"} ${periodLabelOf(s.period)}: ${n(s.value)} (${lower(VALUE_BASIS_LABELS[s.basis])})`];
  if (s.source) bits.push(`nguồn: ${s.source}`);
  if (s.paper?.symbol && !(s.source ?? "").includes(s.paper.symbol)) bits.push(`văn bản số ${s.paper.symbol}`);
  if (s.cutoffOn) bits.push(`số liệu đến ngày ${formatDate(s.cutoffOn)}`);
  bits.push(`mã số liệu ${shortId(s.valueId)}`);
  return bits.join("; ");
}

function periodLabelOf(code: string): string {
  const p = parsePeriodCode(code);
  return p ? (p.kind === "year" ? String(p.year) : periodLabel(p)) : code;
}

function figureNote(t: TargetFigure): string {
  if (!t.actualSources.length) return "";
  const s = t.actualSources.map(sourceWords).join("; ");
  return `${s.charAt(0).toLocaleUpperCase("vi")}${s.slice(1)}.`;
}

// ---------------------------------------------------------------------------
// Areas of targets: a target names what it measures; papers group targets by these words.

const AREA_WORDS: [DirectiveClassification, RegExp][] = [
  ["party_building", /đảng viên|tổ chức (cơ sở )?đảng|chi bộ|cấp ủy|kết nạp|xây dựng đảng|cán bộ/iu],
  ["defence", /quốc phòng|an ninh|tội phạm|ma túy|tai nạn giao thông|trật tự|quân sự|tuyển quân|gọi công dân nhập ngũ/iu],
  ["administration", /cải cách hành chính|chuyển đổi số|dịch vụ công|hồ sơ trực tuyến|chính quyền số|par index|papi|sipas/iu],
  [
    "society",
    /lao động|việc làm|nghèo|bảo hiểm|y tế|bác sĩ|giường bệnh|giáo dục|trường|học sinh|văn hóa|thể thao|dân số|nước sạch|môi trường|rác thải|chất thải|che phủ|du lịch|an sinh|trẻ em|suy dinh dưỡng/iu,
  ],
  [
    "economy",
    /grdp|tăng trưởng|thu ngân sách|chi ngân sách|ngân sách|xuất khẩu|nhập khẩu|đầu tư|doanh nghiệp|doanh thu|bán lẻ|công nghiệp|nông nghiệp|nông thôn mới|thu nhập|kinh tế|giải ngân|sản lượng|thủy sản|lúa|ocop|đô thị hóa|kim ngạch/iu,
  ],
];

export function areaOfTarget(name: string): DirectiveClassification {
  for (const [area, re] of AREA_WORDS) if (re.test(name)) return area;
  return "other";
}

const AREA_ORDER: DirectiveClassification[] = ["economy", "society", "defence", "administration", "party_building", "other"];

// ---------------------------------------------------------------------------
// Tables

/** Short words for a table cell; the domain's labels are for sentences. */
const STATUS_WORDS: Record<TargetStatus, string> = { exceeded: "Vượt", met: "Đạt", behind: "Chưa đạt", not_assessable: "Chưa đủ điều kiện đánh giá" };
const statusCell = (s: TargetStatus): Cell => ({ text: STATUS_WORDS[s], align: "center" });

function targetTable(r: ResolutionFigures, period: Period): TableBlock {
  const last = period.kind === "term" ? "" : periodLabelOf(samePeriodLastYear(period).code);
  return {
    kind: "table",
    caption: `Kết quả thực hiện các chỉ tiêu ${r.symbol ? `Nghị quyết ${r.symbol}` : lower(r.title)} — ${periodPhrase(period)}`,
    sheetName: `Chỉ tiêu ${r.symbol ?? ""}`.trim(),
    columns: [
      { title: "TT", width: 5, align: "center" },
      { title: "Chỉ tiêu", width: 34 },
      { title: "Đơn vị tính", width: 10, align: "center" },
      { title: "Kế hoạch", width: 10, align: "right" },
      { title: "Thực hiện", width: 10, align: "right" },
      { title: "% kế hoạch", width: 9, align: "right" },
      { title: `So cùng kỳ${last ? ` (${last})` : ""}`, width: 10, align: "right" },
      { title: "Đánh giá", width: 12, align: "center" },
    ],
    rows: r.targets.map((t, k) => {
      const a = t.assessment;
      const change = a.change === null ? "–" : a.changeKind === "points" ? `${a.change > 0 ? "+" : ""}${n(a.change)} điểm` : `${a.change > 0 ? "+" : ""}${n(a.change)}%`;
      return [
        { text: t.code || String(k + 1), align: "center" },
        t.name,
        { text: t.unit, align: "center" },
        { text: n(a.plan) || "–", value: a.plan, format: "decimal" },
        { text: a.actual === null ? "–" : `${n(a.actual)}${a.actualBasis === "estimate" ? " (ước)" : ""}`, value: a.actual, format: "decimal" },
        { text: pct(a.percentOfPlan), value: a.percentOfPlan, format: "percent" },
        { text: change, value: a.change, format: a.changeKind === "points" ? "decimal" : "percent" },
        statusCell(a.status),
      ];
    }),
    note: `${summaryLine(r.summary, period)}. Nguồn: số liệu đã được duyệt đến hết ngày cắt số liệu (xem Phụ lục II).`,
    size: 11,
  };
}

function outcomeCells(t: { total: number; done_on_time: number; done_late: number; not_due: number; overdue: number; suspended: number }, withSuspended: boolean): Cell[] {
  const cells: Cell[] = [
    { text: n(t.total), value: t.total, format: "integer", align: "right" },
    { text: n(t.done_on_time), value: t.done_on_time, format: "integer", align: "right" },
    { text: n(t.done_late), value: t.done_late, format: "integer", align: "right" },
    { text: n(t.not_due), value: t.not_due, format: "integer", align: "right" },
    { text: n(t.overdue), value: t.overdue, format: "integer", align: "right" },
  ];
  if (withSuspended) cells.push({ text: n(t.suspended), value: t.suspended, format: "integer", align: "right" });
  const share = onTimeShare({ ...t });
  cells.push({ text: pct(share), value: share, format: "percent", align: "right" });
  return cells;
}

function outcomeColumns(first: string, withSuspended: boolean, rank: boolean) {
  return [
    { title: "TT", width: 5, align: "center" as const },
    { title: first, width: withSuspended ? 31 : 37 },
    { title: "Tổng số", width: 8 },
    { title: "Hoàn thành đúng hạn", width: 11 },
    { title: "Hoàn thành trễ hạn", width: 10 },
    { title: "Chưa đến hạn", width: 9 },
    { title: "Quá hạn", width: 8 },
    ...(withSuspended ? [{ title: "Tạm hoãn", width: 7 }] : []),
    { title: rank ? "Tỷ lệ đúng hạn (xếp hạng)" : "Tỷ lệ đúng hạn", width: 11 },
  ];
}

function unitTable(rows: UnitRow[], all: DirectiveFact[]): TableBlock {
  const withSuspended = all.some((d) => d.outcome === "suspended");
  const total = tallyOf(all);
  return {
    kind: "table",
    caption: "Kết quả thực hiện nhiệm vụ theo đơn vị chủ trì",
    sheetName: "Theo đơn vị",
    columns: outcomeColumns("Đơn vị chủ trì", withSuspended, true),
    rows: rows.map((r, k) => {
      const cells = outcomeCells(r, withSuspended);
      const last = cells.pop() as { text: string; value?: number | null };
      return [{ text: String(k + 1), align: "center" }, r.name, ...cells, { ...last, text: r.rank ? `${last.text} (${r.rank})` : last.text, align: "right" }];
    }),
    totalRows: [[{ text: "Toàn tỉnh", colSpan: 2 }, ...outcomeCells(total, withSuspended)]],
    note: "Tỷ lệ đúng hạn = số hoàn thành đúng hạn / (số đã hoàn thành + số quá hạn). Xếp hạng theo tỷ lệ đúng hạn, rồi số quá hạn ít hơn.",
    size: 11,
  };
}

function areaTable(all: DirectiveFact[]): TableBlock {
  const withSuspended = all.some((d) => d.outcome === "suspended");
  return {
    kind: "table",
    caption: "Kết quả thực hiện nhiệm vụ theo lĩnh vực",
    sheetName: "Theo lĩnh vực",
    columns: outcomeColumns("Lĩnh vực", withSuspended, false),
    rows: areaRows(all).map((r, k) => [{ text: String(k + 1), align: "center" }, r.label, ...outcomeCells(r, withSuspended)]),
    totalRows: [[{ text: "Tổng cộng", colSpan: 2 }, ...outcomeCells(tallyOf(all), withSuspended)]],
    size: 11,
  };
}

function directiveListTable(caption: string | undefined, items: DirectiveFact[], units: (id: string) => string, lastColumn: "late" | "due" | "done", size = 11, sheetName?: string): TableBlock {
  const last = { late: "Số ngày quá hạn", due: "", done: "Ngày hoàn thành" }[lastColumn];
  const withLast = lastColumn !== "due";
  return {
    kind: "table",
    caption,
    sheetName,
    columns: [
      // Widths leave a dd/mm/yyyy date and an 8-character code on one line at 11 pt.
      { title: "TT", width: 5, align: "center" },
      { title: "Mã", width: 12, align: "center" },
      { title: "Nội dung nhiệm vụ", width: { late: 31, due: 40, done: 27 }[lastColumn] },
      { title: "Văn bản, mục", width: 15 },
      { title: "Đơn vị chủ trì", width: 15 },
      { title: "Hạn", width: 13, align: "center" },
      ...(withLast ? [{ title: last, width: lastColumn === "done" ? 13 : 9, align: "center" as const }] : []),
    ],
    rows: items.map((d, k) => [
      { text: String(k + 1), align: "center" },
      { text: shortId(d.id), align: "center" },
      truncate(d.content, 240),
      paperShort(d),
      units(d.leadUnitId),
      { text: d.dueOn ? formatDate(d.dueOn) : d.deadlineKind === "recurring" ? "Thường xuyên" : "Không hạn", align: "center" },
      ...(lastColumn === "late"
        ? [{ text: d.daysLate !== null ? n(d.daysLate) : "", value: d.daysLate, format: "integer" as const, align: "center" as const }]
        : lastColumn === "done"
          ? [{ text: formatDate(d.completedOn), align: "center" as const }]
          : []),
    ]),
    size,
  };
}

/** "122-TB/TU ngày 12/05/2024, mục 12"; a directive given without a paper: "Giao trực tiếp". */
function paperShort(d: DirectiveFact): string {
  if (!d.paper) return d.ordinal ? `Mục ${d.ordinal}` : "Giao trực tiếp";
  const head = d.paper.symbol ? `${d.paper.symbol}${d.paper.issuedOn ? ` ngày ${formatDate(d.paper.issuedOn)}` : ""}` : paperRef(d.paper);
  return `${head}${d.ordinal ? `, mục ${d.ordinal}` : ""}`;
}

// ---------------------------------------------------------------------------
// Charts

function outcomeChart(all: DirectiveFact[]): Block | null {
  const t = tallyOf(all);
  if (!t.total) return null;
  const colors: Record<Outcome, string> = { done_on_time: COLORS.onTime, done_late: COLORS.late, overdue: COLORS.overdue, not_due: COLORS.notDue, suspended: COLORS.notAssessable };
  const png = pieChartPng({ width: 560, height: 300, items: OUTCOMES.map((o) => ({ name: OUTCOME_LABELS[o], value: t[o], color: colors[o] })) });
  return { kind: "image", png, widthMm: 140, heightMm: 75, caption: "Tình hình thực hiện nhiệm vụ đến ngày cắt số liệu" };
}

function unitChart(rows: UnitRow[]): Block | null {
  const top = [...rows]
    .sort((a, b) => b.overdue - a.overdue || b.total - a.total || viCollator.compare(a.name, b.name))
    .filter((r) => r.total > 0)
    .slice(0, 10);
  if (!top.length) return null;
  const height = 70 + 34 * top.length;
  const png = barChartPng({
    width: 600,
    height,
    horizontal: true,
    stacked: true,
    categories: top.map((r) => r.name),
    series: [
      { name: "Đúng hạn", data: top.map((r) => r.done_on_time), color: COLORS.onTime },
      { name: "Trễ hạn", data: top.map((r) => r.done_late), color: COLORS.late },
      { name: "Chưa đến hạn", data: top.map((r) => r.not_due + r.suspended), color: COLORS.notDue },
      { name: "Quá hạn", data: top.map((r) => r.overdue), color: COLORS.overdue },
    ],
  });
  return { kind: "image", png, widthMm: 160, heightMm: (160 * height) / 600, caption: "Các đơn vị có nhiều nhiệm vụ quá hạn nhất" };
}

function targetChart(resolutions: ResolutionFigures[]): Block | null {
  if (!resolutions.some((r) => r.targets.length)) return null;
  const order: TargetStatus[] = ["exceeded", "met", "behind", "not_assessable"];
  const colors: Record<TargetStatus, string> = { exceeded: COLORS.exceeded, met: COLORS.met, behind: COLORS.behind, not_assessable: COLORS.notAssessable };
  const png = barChartPng({
    width: 600,
    height: 90 + 46 * resolutions.length,
    horizontal: true,
    stacked: true,
    categories: resolutions.map((r) => (r.symbol ? `NQ ${r.symbol}` : r.title)),
    series: order.map((s) => ({ name: TARGET_STATUS_LABELS[s], color: colors[s], data: resolutions.map((r) => r.targets.filter((t) => t.assessment.status === s).length) })),
  });
  return { kind: "image", png, widthMm: 160, heightMm: (160 * (90 + 46 * resolutions.length)) / 600, caption: "Các chỉ tiêu theo mức độ thực hiện" };
}

// ---------------------------------------------------------------------------
// The paper

const RECIPIENTS = [
  "Văn phòng Trung ương Đảng,",
  "Các đ/c Trung ương phụ trách địa bàn,",
  "Các đ/c UV BCH Đảng bộ tỉnh,",
  "Các cơ quan tham mưu, giúp việc Tỉnh ủy,",
  "Các ban cán sự đảng, đảng đoàn tỉnh,",
  "Các sở, ngành, đoàn thể tỉnh,",
  "Các đảng ủy trực thuộc Tỉnh ủy,",
  "Lưu Văn phòng Tỉnh ủy.",
];

const BODY_LIST_LIMIT = 15;

function targetsSection(data: WorkResultsData): Block {
  const { resolutions, period } = data;
  if (!resolutions.length || !resolutions.some((r) => r.targets.length)) {
    return section("Kết quả thực hiện các chỉ tiêu", p(`Chưa có nghị quyết, chương trình nào đặt chỉ tiêu cho ${periodPhrase(period)} trong hệ thống.`));
  }
  const blocks: Block[] = [];
  for (const r of resolutions) {
    const s = r.summary;
    const final = period.kind === "year";
    blocks.push(
      p(
        `Đối với ${r.targets.length} chỉ tiêu ${r.symbol ? `Nghị quyết số ${r.symbol}` : lower(r.title)}: `,
        b(`${s.assessable}/${s.total} chỉ tiêu đủ điều kiện đánh giá`),
        s.assessable ? `; trong đó ${s.onTrack}/${s.assessable} chỉ tiêu ${final ? "đạt và vượt kế hoạch" : "đạt và vượt tiến độ"} (${s.exceeded} vượt, ${s.met} đạt), ${s.behind} chỉ tiêu chưa đạt${final ? " kế hoạch" : " tiến độ"}.` : ".",
      ),
    );
  }
  const all = resolutions.flatMap((r) => r.targets);
  for (const area of AREA_ORDER) {
    const items = all.filter((t) => areaOfTarget(t.name) === area);
    if (!items.length) continue;
    const title = area === "other" ? "Các chỉ tiêu khác" : CLASSIFICATION_LABELS[area];
    const known = items.filter((t) => t.assessment.actual !== null);
    const unknown = items.filter((t) => t.assessment.actual === null);
    const lines: Block[] = known.map((t, k) => dash(...targetSentence(t, period), k === known.length - 1 && !unknown.length ? "." : ";"));
    if (unknown.length) lines.push(p(`Chưa có số liệu được duyệt đến ngày ${formatDate(data.asOf)}: ${unknown.map((t) => lower(t.name)).join("; ")}.`));
    blocks.push(section(title, ...lines));
  }
  const chart = targetChart(resolutions);
  if (chart) blocks.push(chart);
  for (const r of resolutions) if (r.targets.length) blocks.push(targetTable(r, period));
  return section("Kết quả thực hiện các chỉ tiêu", ...blocks);
}

function directivesSection(data: WorkResultsData, units: (id: string) => string, rows: UnitRow[]): Block {
  const all = data.directives;
  const t = tallyOf(all);
  if (!t.total) {
    return section("Kết quả theo dõi, đôn đốc thực hiện nhiệm vụ", p(`Trong ${periodPhrase(data.period)} không có nhiệm vụ nào được theo dõi trong hệ thống.`));
  }
  const done = t.done_on_time + t.done_late;
  const share = onTimeShare(t);
  const blocks: Block[] = [
    p(
      `Trong ${periodPhrase(data.period)}, Văn phòng Tỉnh ủy theo dõi, đôn đốc `,
      b(`${n(t.total)} nhiệm vụ`),
      ` do Tỉnh ủy, Ban Thường vụ, Thường trực Tỉnh ủy giao. Đến hết ngày ${formatDate(data.asOf)}, đã hoàn thành `,
      b(`${n(done)} nhiệm vụ (${pct(t.total ? (100 * done) / t.total : null)})`),
      `, trong đó ${n(t.done_on_time)} nhiệm vụ hoàn thành đúng hạn, ${n(t.done_late)} nhiệm vụ hoàn thành trễ hạn; ${n(t.not_due)} nhiệm vụ đang thực hiện, chưa đến hạn; `,
      b(`${n(t.overdue)} nhiệm vụ quá hạn chưa hoàn thành`),
      t.suspended ? `; ${n(t.suspended)} nhiệm vụ tạm hoãn.` : ".",
      fn("Không tính các nhiệm vụ đã rút khỏi chương trình và các phần việc đơn vị chủ trì giao lại cho đơn vị cấp dưới (được tính cùng nhiệm vụ gốc)."),
      share === null ? "" : ` Tỷ lệ hoàn thành đúng hạn đạt ${pct(share)}.`,
    ),
  ];
  const pie = outcomeChart(all);
  if (pie) blocks.push(pie);

  const onTime = all.filter((d) => d.outcome === "done_on_time");
  const late = all.filter((d) => d.outcome === "done_late").sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0));
  const overdue = all.filter((d) => d.outcome === "overdue").sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0) || a.id.localeCompare(b.id));
  const more = (list: DirectiveFact[]) => (list.length > BODY_LIST_LIMIT ? ` (${BODY_LIST_LIMIT} nhiệm vụ đầu; danh mục đầy đủ tại Phụ lục I)` : "");
  blocks.push(
    section(
      "Nhiệm vụ hoàn thành đúng hạn",
      p(
        onTime.length
          ? `Có ${n(onTime.length)} nhiệm vụ hoàn thành đúng hạn, tập trung ở các đơn vị: ${topUnits(onTime, units)}. Danh mục chi tiết tại Phụ lục I.`
          : "Chưa có nhiệm vụ nào hoàn thành đúng hạn trong kỳ.",
      ),
    ),
  );
  blocks.push(
    section(
      "Nhiệm vụ hoàn thành trễ hạn",
      p(late.length ? `Có ${n(late.length)} nhiệm vụ hoàn thành sau thời hạn${more(late)}:` : "Không có nhiệm vụ nào hoàn thành trễ hạn."),
      ...(late.length ? [directiveListTable(undefined, late.slice(0, BODY_LIST_LIMIT), units, "late")] : []),
    ),
  );
  blocks.push(
    section(
      "Nhiệm vụ quá hạn chưa hoàn thành",
      p(
        overdue.length
          ? `Đến ngày ${formatDate(data.asOf)} còn ${n(overdue.length)} nhiệm vụ quá hạn chưa hoàn thành${more(overdue)}, xếp theo số ngày quá hạn:`
          : `Đến ngày ${formatDate(data.asOf)} không có nhiệm vụ nào quá hạn.`,
      ),
      ...(overdue.length ? [directiveListTable(undefined, overdue.slice(0, BODY_LIST_LIMIT), units, "late")] : []),
    ),
  );
  blocks.push(section("Kết quả theo lĩnh vực", areaTable(all)));
  const unitBlocks: Block[] = [unitTable(rows, all)];
  const chart = unitChart(rows);
  if (chart) unitBlocks.push(chart);
  blocks.push(section("Kết quả theo đơn vị chủ trì", ...unitBlocks));
  return section("Kết quả theo dõi, đôn đốc thực hiện nhiệm vụ", ...blocks);
}

function topUnits(items: DirectiveFact[], units: (id: string) => string, k = 3): string {
  const count = new Map<string, number>();
  for (const d of items) count.set(d.leadUnitId, (count.get(d.leadUnitId) ?? 0) + 1);
  return [...count]
    .sort((a, b) => b[1] - a[1] || viCollator.compare(units(a[0]), units(b[0])))
    .slice(0, k)
    .map(([id, c]) => `${units(id)} (${n(c)})`)
    .join(", ");
}

function assessmentSection(data: WorkResultsData, rows: UnitRow[]): Block {
  const t = tallyOf(data.directives);
  const share = onTimeShare(t);
  const targets = data.resolutions.flatMap((r) => r.targets);
  const behind = targets.filter((x) => x.assessment.status === "behind");
  const strengths: Block[] = [];
  const weaknesses: Block[] = [];
  const s = data.resolutions.map((r) => r.summary);
  const onTrack = s.reduce((a, x) => a + x.onTrack, 0);
  const assessable = s.reduce((a, x) => a + x.assessable, 0);
  if (assessable) strengths.push(p(`${n(onTrack)}/${n(assessable)} chỉ tiêu đủ điều kiện đánh giá ${data.period.kind === "year" ? "đạt và vượt kế hoạch" : "đạt và vượt tiến độ"}.`));
  if (t.total) strengths.push(p(`Đã hoàn thành ${n(t.done_on_time + t.done_late)}/${n(t.total)} nhiệm vụ được giao${share === null ? "" : `; tỷ lệ hoàn thành đúng hạn ${pct(share)}`}.`));
  const best = rows.filter((r) => r.rank !== null && r.overdue === 0 && r.done_on_time > 0).slice(0, 3);
  if (best.length) strengths.push(p(`Các đơn vị thực hiện tốt, không có nhiệm vụ quá hạn: ${best.map((r) => r.name).join(", ")}.`));
  if (behind.length) weaknesses.push(p(`Còn ${n(behind.length)} chỉ tiêu chưa đạt ${data.period.kind === "year" ? "kế hoạch" : "tiến độ"}: ${behind.map((x) => lower(x.name)).join("; ")}.`));
  const worst = [...rows].filter((r) => r.overdue > 0).sort((a, b) => b.overdue - a.overdue || viCollator.compare(a.name, b.name)).slice(0, 5);
  if (worst.length) weaknesses.push(p(`Còn ${n(t.overdue)} nhiệm vụ quá hạn, nhiều nhất ở: ${worst.map((r) => `${r.name} (${n(r.overdue)})`).join(", ")}.`));
  const placeholder = p({ text: "(Văn phòng Tỉnh ủy bổ sung nhận định, nguyên nhân và kiến nghị.)", italic: true });
  return section(
    "Đánh giá chung",
    section("Ưu điểm", ...(strengths.length ? strengths : [placeholder])),
    section("Hạn chế và nguyên nhân", ...(weaknesses.length ? weaknesses : []), placeholder),
  );
}

function annexDirectives(data: WorkResultsData, units: (id: string) => string): Annex {
  const blocks: Block[] = [
    p(
      `Danh mục ${n(data.directives.length)} nhiệm vụ được tính trong báo cáo, theo tình hình thực hiện đến hết ngày ${formatDate(data.asOf)}. Cột "Mã" là 8 ký tự cuối của mã nhiệm vụ trong hệ thống dondoc (tra cứu tại mục Theo dõi nhiệm vụ).`,
    ),
  ];
  const order: [Outcome, "late" | "due" | "done"][] = [
    ["overdue", "late"],
    ["done_late", "late"],
    ["done_on_time", "done"],
    ["not_due", "due"],
    ["suspended", "due"],
  ];
  order.forEach(([o, col], k) => {
    const items = data.directives.filter((d) => d.outcome === o);
    if (!items.length) return;
    const sorted = [...items].sort((a, b) => viCollator.compare(units(a.leadUnitId), units(b.leadUnitId)) || (a.dueOn ?? "").localeCompare(b.dueOn ?? "") || a.id.localeCompare(b.id));
    blocks.push(p(b(`${k + 1}. ${OUTCOME_LABELS[o]}: ${n(items.length)} nhiệm vụ`)));
    blocks.push(directiveListTable(undefined, sorted, units, col, 10, `PL I - ${OUTCOME_LABELS[o]}`));
  });
  return { title: "DANH MỤC NHIỆM VỤ THEO TÌNH HÌNH THỰC HIỆN", subtitle: `(Kèm theo Báo cáo ${lower(workResultsSubject(data.period))})`, blocks };
}

function annexSources(data: WorkResultsData): Annex {
  const rows: Cell[][] = [];
  let k = 0;
  for (const r of data.resolutions) {
    for (const t of r.targets) {
      k++;
      const src = t.actualSources;
      const last = t.lastYearSources;
      rows.push([
        { text: String(k), align: "center" },
        `${t.name} (${t.unit})`,
        src.length ? src.map((s) => `${periodLabelOf(s.period)}: ${n(s.value)} (${lower(VALUE_BASIS_LABELS[s.basis])})`).join("; ") : "Chưa có số liệu được duyệt",
        src.length ? [...new Set(src.map((s) => [s.source, s.paper?.symbol ? `VB ${s.paper.symbol}` : null].filter(Boolean).join(", ")))].filter(Boolean).join("; ") || "–" : "–",
        src.length ? [...new Set(src.map((s) => (s.cutoffOn ? formatDate(s.cutoffOn) : "–")))].join("; ") : "–",
        src.map((s) => shortId(s.valueId)).join(", ") || "–",
        last.length ? last.map((s) => `${periodLabelOf(s.period)}: ${n(s.value)} [${shortId(s.valueId)}]`).join("; ") : "–",
      ]);
    }
  }
  return {
    title: "NGUỒN SỐ LIỆU CÁC CHỈ TIÊU",
    subtitle: `(Số liệu đã được duyệt đến hết ngày ${formatDate(data.asOf)})`,
    blocks: [
      p(
        `Mỗi số liệu thực hiện trong báo cáo được lấy từ các số liệu dưới đây; số liệu của kỳ dài được cộng từ các kỳ ngắn hơn khi chưa có số liệu riêng. Mã kiểm tra dữ liệu: `,
        b(data.fingerprint),
        ` — lập lại báo cáo với cùng kỳ và cùng ngày cắt số liệu cho cùng mã.`,
      ),
      {
        kind: "table",
        sheetName: "PL II - Nguồn số liệu",
        columns: [
          { title: "TT", width: 5, align: "center" },
          { title: "Chỉ tiêu", width: 25 },
          { title: "Số liệu sử dụng", width: 20 },
          { title: "Nguồn", width: 17 },
          { title: "Số liệu đến ngày", width: 10, align: "center" },
          { title: "Mã số liệu", width: 10, align: "center" },
          { title: "Cùng kỳ năm trước", width: 13 },
        ],
        rows,
        size: 10,
      },
    ],
  };
}

export function buildWorkResultsDocument(data: WorkResultsData): PartyDocument {
  const units = (id: string) => data.heading.units.get(id)?.name ?? "(đơn vị không còn trong cây tổ chức)";
  const rows = unitRows(data.directives, units);
  const label = periodPhrase(data.period);
  const final = data.period.kind === "year";
  const body: Block[] = [
    p(
      `Thực hiện chương trình công tác ${final ? `năm ${data.period.year}` : `năm ${data.period.year}`}, Tỉnh ủy báo cáo kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ ${label} như sau. Số liệu tính đến hết ngày ${formatDate(data.asOf)}`,
      fn(
        `Báo cáo được lập từ dữ liệu theo dõi của Văn phòng Tỉnh ủy trên hệ thống dondoc; mã kiểm tra dữ liệu ${data.fingerprint}. Lập lại báo cáo với cùng kỳ và cùng ngày cắt số liệu cho cùng kết quả; nguồn của từng số liệu tại Phụ lục I và Phụ lục II.`,
      ),
      ".",
    ),
    targetsSection(data),
    directivesSection(data, units, rows),
    assessmentSection(data, rows),
    { ...p(`Trên đây là báo cáo kết quả thực hiện nhiệm vụ ${label} của Tỉnh ủy ${data.heading.place}.`), keepNext: true },
  ];
  return {
    issuer: { name: data.heading.issuer },
    number: null,
    symbol: "BC/TU",
    draft: true,
    place: data.heading.place,
    date: null,
    year: Number(data.asOf.slice(0, 4)),
    kind: "BÁO CÁO",
    subject: [workResultsSubject(data.period)],
    body,
    recipients: RECIPIENTS,
    signature: { authority: "T/M TỈNH ỦY", position: "PHÓ BÍ THƯ", name: null },
    annexes: [annexDirectives(data, units), annexSources(data)],
    properties: {
      title: `Báo cáo ${lower(workResultsSubject(data.period))}`,
      subject: `Số liệu đến ngày ${formatDate(data.asOf)}; mã kiểm tra ${data.fingerprint}`,
      creator: "dondoc",
      keywords: `dondoc; ${data.period.code}; ${data.asOf}; ${data.fingerprint}`,
      created: new Date(`${data.asOf}T00:00:00+07:00`),
    },
  };
}

/** The file name users see: "Bao-cao-ket-qua-9-thang-nam-2024_den-30-09-2024.docx" in Vietnamese. */
export function workResultsFileName(period: Period, asOf: string, ext: string): string {
  return `Báo cáo kết quả ${periodPhrase(period)} (đến ${formatDate(asOf).replace(/\//g, "-")}).${ext}`;
}
