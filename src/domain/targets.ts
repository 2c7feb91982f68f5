// Targets (chỉ tiêu): how a period's figure is judged against the plan, and what it says about
// the year and the term. Pure and shared by the server (which stores the result beside the
// figure, in the same transaction) and the browser (which explains it).
//
// The rules, in sentences:
//
// 1. A figure is counted once the office has approved it; for the same period an official figure
//    ("chính thức") replaces an estimate ("ước thực hiện").
// 2. For a target whose values accumulate (exports, budget revenue, new party members) a period's
//    figure is the total over the period. A period without its own figure takes the sum of shorter
//    figures that tile it exactly (9 months = the nine months, or Q1 + Q2 + Q3, or 6 months + Q3),
//    preferring the fewest pieces. For a target that does not accumulate (a rate, a level, a growth
//    rate) a period's figure is the one reported for it, else the level reported at its last month.
// 3. "% kế hoạch" is the figure over the plan of its year (or term): 4,25 tỷ USD against 5 tỷ USD is
//    85%. For a lower-is-better target it is plan / figure (so that above 100% is always good:
//    150 accidents against a ceiling of 200 is 133%); it is left out when plan or figure is not
//    positive, and for a part of the year of an accumulating lower-is-better target (118 accidents
//    by June against a ceiling of 220 for the year is not "186% of plan"; its status still says
//    whether the year's ceiling is on track).
// 4. Status compares the figure with what the plan expects by the end of the period. An accumulating
//    target is expected to have reached the share of its year plan that earlier years had reached by
//    the same month (average of up to 3 preceding years with a full-year figure; months without a
//    figure are interpolated); without such years the share is linear (9 months = 75%). A period
//    not starting in January expects the difference of the shares at its ends. Other targets are
//    judged directly against the year plan. A threshold target ("đạt ngưỡng") is met once its
//    figure reaches the threshold (or the year's plan, when one is set).
//    With ratio r = figure / expected (lower-is-better: expected / figure):
//      vượt                    r ≥ 1 + 1%   (not for threshold targets: a threshold is reached or not)
//      đạt (tiến độ)           r ≥ 1, or r ≥ 1 − 2% for a period shorter than the year
//      chưa đạt tiến độ        otherwise
//      chưa đủ điều kiện đánh giá   no approved figure, no plan, or the target is not measured in
//                              periods of this kind (e.g. a yearly target in a 9-month report).
// 5. "So cùng kỳ" is the change on the same period of the previous year: in percent, or in
//    percentage points for a target measured in %.
// 6. Forecast to the year end: an accumulating target's year-to-date figure divided by the expected
//    share at that month (the run-rate, corrected by seasonality); another target's latest level plus
//    the change the previous year made over the rest of the year, else the latest level.
//    Forecast to the term end: years already closed, the current year's forecast, and the remaining
//    years projected — compound growth of the yearly totals (sum), or the linear trend of the yearly
//    levels (end of term, average of years).
//    Likelihood, with q = forecast / plan (lower-is-better: plan / forecast):
//      sẽ đạt  q ≥ 1;  có nguy cơ  0,95 ≤ q < 1;  khó đạt  q < 0,95.

import {
  type Period,
  type PeriodKind,
  parsePeriodCode,
  periodsOfYear,
  samePeriodLastYear,
  termOfYear,
  termYears,
  WITHIN_YEAR_KINDS,
  type WithinYearKind,
  yearPeriod,
} from "./periods.ts";

/** What holds the targets: a congress's resolution for its term, a yearly resolution, a yearly work programme. */
export const RESOLUTION_KINDS = ["congress", "yearly_resolution", "yearly_programme"] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];
export const RESOLUTION_KIND_LABELS: Record<ResolutionKind, string> = {
  congress: "Nghị quyết Đại hội (nhiệm kỳ)",
  yearly_resolution: "Nghị quyết năm",
  yearly_programme: "Chương trình công tác năm",
};

/** A unit's figure is a draft until sent, then waits for the office's approval (the office's own are approved at once). */
export type ValueStatus = "draft" | "submitted" | "approved";
/** A request to explain a lagging target: open, answered by the owner unit, closed by the office. */
export type ExplanationStatus = "open" | "answered" | "closed";

export const DIRECTIONS = ["increase", "decrease", "threshold"] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = {
  increase: "Càng cao càng tốt",
  decrease: "Càng thấp càng tốt",
  threshold: "Đạt ngưỡng",
};

export const TERM_BASES = ["sum", "end", "average"] as const;
export type TermBasis = (typeof TERM_BASES)[number];
export const TERM_BASIS_LABELS: Record<TermBasis, string> = {
  sum: "Cộng dồn các năm",
  end: "Giá trị năm cuối nhiệm kỳ",
  average: "Bình quân các năm",
};

export const VALUE_BASES = ["estimate", "official"] as const;
export type ValueBasis = (typeof VALUE_BASES)[number];
export const VALUE_BASIS_LABELS: Record<ValueBasis, string> = { estimate: "Ước thực hiện", official: "Chính thức" };

export const STATUSES = ["exceeded", "met", "behind", "not_assessable"] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  exceeded: "Vượt",
  met: "Đạt",
  behind: "Chưa đạt tiến độ",
  not_assessable: "Chưa đủ điều kiện đánh giá",
};
/** The label of a status for a period: at the year or term end "chưa đạt kế hoạch", before it "chưa đạt tiến độ". */
export function statusLabel(status: Status, period: Pick<Period, "kind"> | null = null): string {
  if (status === "behind" && period && (period.kind === "year" || period.kind === "term")) return "Chưa đạt kế hoạch";
  return STATUS_LABELS[status];
}
/** Colours for tags and charts (Ant Design preset names). */
export const STATUS_COLORS: Record<Status, string> = { exceeded: "green", met: "blue", behind: "red", not_assessable: "default" };

export const STATUS_REASONS = ["no_value", "no_plan", "not_measured"] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];
export const STATUS_REASON_LABELS: Record<StatusReason, string> = {
  no_value: "Chưa có số liệu được duyệt",
  no_plan: "Chưa có kế hoạch",
  not_measured: "Chỉ tiêu không đánh giá ở kỳ này",
};

export const LIKELIHOODS = ["likely", "at_risk", "unlikely"] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];
export const LIKELIHOOD_LABELS: Record<Likelihood, string> = { likely: "Sẽ đạt", at_risk: "Có nguy cơ", unlikely: "Khó đạt" };
export const LIKELIHOOD_COLORS: Record<Likelihood, string> = { likely: "green", at_risk: "orange", unlikely: "red" };

/** "Vượt" needs the figure at least this far above what is expected. */
export const EXCEED_MARGIN = 0.01;
/** Shortfall still "đạt tiến độ" in a period shorter than the year (the expected share is itself an estimate). */
export const INTERIM_TOLERANCE = 0.02;
/** Likelihood thresholds on q = forecast / plan. */
export const LIKELY_FROM = 1;
export const AT_RISK_FROM = 0.95;
/** How many preceding years give the seasonality. */
export const SEASONALITY_YEARS = 3;
/** Growth per year used to project a term is kept within these bounds. */
const GROWTH_BOUNDS = [-0.5, 1] as const;
const EPS = 1e-9;

/** What the rules need to know about a target. */
export interface TargetRule {
  direction: Direction;
  accumulates: boolean;
  /** For threshold targets: the level to reach when a year has no plan of its own. */
  threshold: number | null;
  /** The kinds of period in which the target is measured (a term is assessed from its years). */
  periodKinds: readonly WithinYearKind[];
  /** Unit of measure; a target in "%" changes in percentage points. */
  unit: string;
  termBasis: TermBasis;
}

/** An approved figure in use for one period. */
export interface Figure {
  period: string;
  value: number;
  basis: ValueBasis;
}

/** Plans by period code: "2024" for a year, "2020-2025" for a term. */
export type Plans = ReadonlyMap<string, number>;

/** A stored value as the rules see it: only approved ones count. */
export interface StoredValue {
  period: string;
  basis: ValueBasis;
  value: number;
  status: "draft" | "submitted" | "approved";
}

/** Rule 1: approved figures only; an official figure replaces the estimate of the same period. */
export function figuresInUse(values: readonly StoredValue[]): Figure[] {
  const chosen = new Map<string, Figure>();
  for (const v of values) {
    if (v.status !== "approved" || !Number.isFinite(v.value)) continue;
    const have = chosen.get(v.period);
    if (!have || (have.basis === "estimate" && v.basis === "official")) chosen.set(v.period, { period: v.period, value: v.value, basis: v.basis });
  }
  return [...chosen.values()];
}

// ---------------------------------------------------------------------------
// The figures of a target, indexed, with memoised derivations.

interface IndexedFigure {
  p: Period;
  value: number;
  basis: ValueBasis;
}

export interface FigureIndex {
  readonly byCode: ReadonlyMap<string, IndexedFigure>;
  readonly byYear: ReadonlyMap<number, IndexedFigure[]>;
  /** Memo of derived values, keyed by "kind:year:start:end". */
  readonly memo: Map<string, unknown>;
}

export function indexFigures(figures: readonly Figure[]): FigureIndex {
  const byCode = new Map<string, IndexedFigure>();
  const byYear = new Map<number, IndexedFigure[]>();
  for (const f of figures) {
    const p = parsePeriodCode(f.period);
    if (!p || p.kind === "term") continue;
    const item = { p, value: f.value, basis: f.basis };
    byCode.set(p.code, item);
    const list = byYear.get(p.year) ?? [];
    list.push(item);
    byYear.set(p.year, list);
  }
  return { byCode, byYear, memo: new Map() };
}

function memo<T>(index: FigureIndex, key: string, compute: () => T): T {
  if (index.memo.has(key)) return index.memo.get(key) as T;
  const value = compute();
  index.memo.set(key, value);
  return value;
}

/** A period's figure: recorded for it, or derived from shorter figures (their codes in `from`). */
export interface Actual {
  value: number;
  basis: ValueBasis;
  from: string[] | null;
}

const KIND_RANK: Record<PeriodKind, number> = { year: 0, nine_months: 1, half: 2, quarter: 3, month: 4, term: 5 };

/** Rule 2 for accumulating targets: the months [start, end] of a year, recorded or tiled by the fewest figures. */
export function accumulatedValue(index: FigureIndex, year: number, start: number, end: number): Actual | null {
  return memo(index, `acc:${year}:${start}:${end}`, () => {
    const figures = (index.byYear.get(year) ?? []).filter((f) => f.p.startMonth >= start && f.p.endMonth <= end);
    if (!figures.length) return null;
    // best[m]: the best tiling of [start, m]; position start-1 is the empty tiling.
    type Path = { pieces: number; estimates: number; sum: number; items: IndexedFigure[] };
    const best = new Map<number, Path>([[start - 1, { pieces: 0, estimates: 0, sum: 0, items: [] }]]);
    const ordered = figures.sort((a, b) => a.p.endMonth - b.p.endMonth || KIND_RANK[a.p.kind] - KIND_RANK[b.p.kind]);
    for (let m = start; m <= end; m++) {
      let chosen: Path | undefined;
      for (const f of ordered) {
        if (f.p.endMonth !== m) continue;
        const before = best.get(f.p.startMonth - 1);
        if (!before) continue;
        const path: Path = {
          pieces: before.pieces + 1,
          estimates: before.estimates + (f.basis === "estimate" ? 1 : 0),
          sum: before.sum + f.value,
          items: [...before.items, f],
        };
        if (!chosen || path.pieces < chosen.pieces || (path.pieces === chosen.pieces && path.estimates < chosen.estimates)) chosen = path;
      }
      if (chosen) best.set(m, chosen);
    }
    const done = best.get(end);
    if (!done) return null;
    return {
      value: done.sum,
      basis: done.estimates > 0 ? "estimate" : "official",
      from: done.pieces === 1 ? null : done.items.map((f) => f.p.code),
    };
  });
}

const LEVEL_PREFERENCE: Record<PeriodKind, number> = { year: 0, nine_months: 1, half: 2, quarter: 3, month: 4, term: 5 };

/** Rule 2 for other targets: the figure of the period itself, else the level reported at its last month. */
export function levelValue(index: FigureIndex, year: number, endMonth: number, code?: string): Actual | null {
  if (code) {
    const own = index.byCode.get(code);
    if (own) return { value: own.value, basis: own.basis, from: null };
  }
  return memo(index, `lvl:${year}:${endMonth}`, () => {
    const same = (index.byYear.get(year) ?? []).filter((f) => f.p.endMonth === endMonth).sort((a, b) => LEVEL_PREFERENCE[a.p.kind] - LEVEL_PREFERENCE[b.p.kind]);
    const f = same[0];
    return f ? { value: f.value, basis: f.basis, from: [f.p.code] } : null;
  });
}

/** The full-year figure of a year. */
export function yearValue(rule: TargetRule, index: FigureIndex, year: number): Actual | null {
  return rule.accumulates ? accumulatedValue(index, year, 1, 12) : levelValue(index, year, 12, String(year));
}

/** The figure for a period (a term: from its years, by the term basis; null until every needed year is known). */
export function actualFor(rule: TargetRule, index: FigureIndex, period: Period): Actual | null {
  if (period.kind === "term") {
    const years = termYears(period);
    if (rule.termBasis === "end") {
      const last = yearValue(rule, index, period.year);
      return last ? { ...last, from: [String(period.year)] } : null;
    }
    const values = years.map((y) => yearValue(rule, index, y));
    if (values.some((v) => !v)) return null;
    const sum = values.reduce((s, v) => s + v!.value, 0);
    return {
      value: rule.termBasis === "sum" ? sum : sum / years.length,
      basis: values.some((v) => v!.basis === "estimate") ? "estimate" : "official",
      from: years.map(String),
    };
  }
  return rule.accumulates ? accumulatedValue(index, period.year, period.startMonth, period.endMonth) : levelValue(index, period.year, period.endMonth, period.code);
}

// ---------------------------------------------------------------------------
// Rule 4: the expected share of the year plan by the end of a month.

export interface Share {
  value: number;
  method: "seasonal" | "linear" | "direct";
  /** The earlier years the seasonality comes from. */
  years: number[];
}

/** The share of the year plan an accumulating target is expected to reach by the end of `month` (0–12). */
export function cumulativeShare(rule: TargetRule, index: FigureIndex, year: number, month: number): Share {
  if (!rule.accumulates) return { value: 1, method: "direct", years: [] };
  if (month <= 0) return { value: 0, method: "linear", years: [] };
  if (month >= 12) return { value: 1, method: "linear", years: [] };
  const curve = seasonalCurve(index, year);
  if (!curve) return { value: month / 12, method: "linear", years: [] };
  return { value: curve.shares[month]!, method: "seasonal", years: curve.years };
}

/** Average year-to-date shares (index 0–12) from up to three earlier years with a positive full-year total. */
function seasonalCurve(index: FigureIndex, year: number): { shares: number[]; years: number[] } | null {
  return memo(index, `season:${year}`, () => {
    const sums = new Array<number>(13).fill(0);
    const counts = new Array<number>(13).fill(0);
    const years: number[] = [];
    for (let k = year - 1; k >= year - SEASONALITY_YEARS; k--) {
      const total = accumulatedValue(index, k, 1, 12);
      if (!total || total.value <= 0) continue;
      let any = false;
      for (let m = 1; m < 12; m++) {
        const ytd = accumulatedValue(index, k, 1, m);
        if (!ytd) continue;
        sums[m]! += Math.min(1, Math.max(0, ytd.value / total.value));
        counts[m]!++;
        any = true;
      }
      if (any) years.push(k);
    }
    if (!years.length) return null;
    const known: [number, number][] = [[0, 0]];
    for (let m = 1; m < 12; m++) if (counts[m]) known.push([m, sums[m]! / counts[m]!]);
    known.push([12, 1]);
    const shares = new Array<number>(13).fill(0);
    for (let i = 0; i + 1 < known.length; i++) {
      const [m0, s0] = known[i]!;
      const [m1, s1] = known[i + 1]!;
      for (let m = m0; m <= m1; m++) shares[m] = s0 + ((s1 - s0) * (m - m0)) / (m1 - m0);
    }
    // Year-to-date shares never fall back: keep the curve non-decreasing.
    for (let m = 1; m <= 12; m++) shares[m] = Math.max(shares[m]!, shares[m - 1]!);
    return { shares, years: years.sort() };
  });
}

/** The share of the year plan a period is expected to bring (S(end) − S(start − 1)); 1 for targets judged directly. */
export function expectedShare(rule: TargetRule, index: FigureIndex, period: Period): Share {
  if (!rule.accumulates || period.kind === "term" || period.kind === "year") return { value: 1, method: "direct", years: [] };
  const end = cumulativeShare(rule, index, period.year, period.endMonth);
  if (period.startMonth === 1) return end;
  const start = cumulativeShare(rule, index, period.year, period.startMonth - 1);
  return { value: Math.max(0, end.value - start.value), method: end.method, years: end.years };
}

// ---------------------------------------------------------------------------
// Rules 3 and 4: percent of plan, performance ratio, status.

/** The plan that applies to a period: its year's (or term's) plan; for a threshold target, the threshold when none is set. */
export function planFor(rule: TargetRule, plans: Plans, period: Period): number | null {
  const key = period.kind === "term" ? period.code : String(period.year);
  const plan = plans.get(key);
  if (plan !== undefined && Number.isFinite(plan)) return plan;
  return rule.direction === "threshold" && rule.threshold !== null ? rule.threshold : null;
}

/** Rule 3: "% kế hoạch" — figure / plan × 100, or plan / figure × 100 for lower-is-better; null when either is not positive. */
export function percentOfPlan(direction: Direction, actual: number, plan: number): number | null {
  if (direction === "decrease") return plan > 0 && actual > 0 ? (plan / actual) * 100 : null;
  return plan > 0 ? (actual / plan) * 100 : null;
}

/**
 * How well a figure does against what is expected: 1 is exactly on plan, above 1 better.
 * figure / expected (lower-is-better: expected / figure) for positive numbers; otherwise
 * 1 ± the gap relative to |expected| (so the ratio still grows with a better figure).
 */
export function performanceRatio(direction: Direction, actual: number, expected: number): number {
  if (direction === "decrease") {
    if (expected > 0) return actual > 0 ? expected / actual : Number.POSITIVE_INFINITY;
    if (expected === 0) return actual < 0 ? Number.POSITIVE_INFINITY : actual === 0 ? 1 : Number.NEGATIVE_INFINITY;
    return 1 + (expected - actual) / -expected;
  }
  if (expected > 0) return actual / expected;
  if (expected === 0) return actual > 0 ? Number.POSITIVE_INFINITY : actual === 0 ? 1 : Number.NEGATIVE_INFINITY;
  return 1 + (actual - expected) / -expected;
}

/** Rule 4: the status for a performance ratio; `interim` for a period shorter than the plan's. */
export function statusForRatio(direction: Direction, ratio: number, interim: boolean): Exclude<Status, "not_assessable"> {
  if (direction !== "threshold" && ratio >= 1 + EXCEED_MARGIN - EPS) return "exceeded";
  if (ratio >= 1 - (interim ? INTERIM_TOLERANCE : 0) - EPS) return "met";
  return "behind";
}

/** Likelihood of reaching a plan from a forecast. */
export function likelihoodOf(direction: Direction, forecast: number, plan: number): Likelihood {
  const q = performanceRatio(direction, forecast, plan);
  if (q >= LIKELY_FROM - EPS) return "likely";
  if (q >= AT_RISK_FROM - EPS) return "at_risk";
  return "unlikely";
}

/** Rule 5: the change on the same period last year, in percent or (for a target in %) in points. */
export function changeOnLastYear(unit: string, actual: number, lastYear: number): { value: number | null; kind: "percent" | "points" } {
  if (isRateUnit(unit)) return { value: actual - lastYear, kind: "points" };
  return { value: lastYear > 0 ? ((actual - lastYear) / lastYear) * 100 : null, kind: "percent" };
}

export function isRateUnit(unit: string): boolean {
  return unit.trim() === "%";
}

// ---------------------------------------------------------------------------
// Rule 6: forecasts.

export type ForecastMethod = "actual" | "seasonal" | "linear" | "seasonal_increment" | "persistence" | "trajectory";
export const FORECAST_METHOD_LABELS: Record<ForecastMethod, string> = {
  actual: "số liệu cả năm",
  seasonal: "theo nhịp độ và tính mùa vụ các năm trước",
  linear: "theo nhịp độ bình quân",
  seasonal_increment: "theo mức hiện tại và diễn biến cùng kỳ năm trước",
  persistence: "giữ mức hiện tại",
  trajectory: "theo xu hướng các năm",
};

export interface Forecast {
  value: number;
  method: ForecastMethod;
  /** The month of the year-to-date figure the forecast starts from. */
  fromMonth: number;
}

/** The forecast of a year's figure from what is known through `throughMonth` (the latest month with a figure at or before it). */
export function forecastYearEnd(rule: TargetRule, index: FigureIndex, year: number, throughMonth = 12): Forecast | null {
  return memo(index, `fy:${year}:${throughMonth}`, () => {
    for (let m = Math.min(12, throughMonth); m >= 1; m--) {
      if (rule.accumulates) {
        const ytd = accumulatedValue(index, year, 1, m);
        if (!ytd) continue;
        if (m === 12) return { value: ytd.value, method: "actual" as const, fromMonth: 12 };
        const share = cumulativeShare(rule, index, year, m);
        if (share.value <= EPS) continue;
        return { value: ytd.value / share.value, method: share.method === "seasonal" ? ("seasonal" as const) : ("linear" as const), fromMonth: m };
      }
      const level = levelValue(index, year, m, m === 12 ? String(year) : undefined);
      if (!level) continue;
      if (m === 12) return { value: level.value, method: "actual" as const, fromMonth: 12 };
      const lastAtM = levelValue(index, year - 1, m);
      const lastEnd = levelValue(index, year - 1, 12, String(year - 1));
      if (lastAtM && lastEnd) return { value: level.value + (lastEnd.value - lastAtM.value), method: "seasonal_increment" as const, fromMonth: m };
      return { value: level.value, method: "persistence" as const, fromMonth: m };
    }
    return null;
  });
}

function linearTrend(points: [number, number][], at: number): number {
  if (points.length === 1) return points[0]![1];
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? my : my + (num / den) * (at - mx);
}

/**
 * The forecast of a term's figure as known at (year, throughMonth): closed years as they are, the
 * current year's forecast, later years projected from the trajectory of the known ones.
 */
export function forecastTermEnd(rule: TargetRule, index: FigureIndex, term: Period, year: number, throughMonth = 12): Forecast | null {
  const years = termYears(term);
  const known: [number, number][] = [];
  let allActual = true;
  for (const y of years) {
    if (y > year) break;
    if (y < year) {
      const v = yearValue(rule, index, y);
      if (v) known.push([y, v.value]);
      else allActual = false;
    } else {
      const f = forecastYearEnd(rule, index, y, throughMonth);
      if (f) known.push([y, f.value]);
      if (f?.method !== "actual") allActual = false;
    }
  }
  if (!known.length) return null;
  const method: ForecastMethod = allActual && known.length === years.length ? "actual" : "trajectory";
  const valueOf = new Map(known);
  if (rule.termBasis === "sum") {
    // Compound growth between the known years' totals, applied to the missing years.
    let growth = 0;
    const positive = known.filter(([, v]) => v > 0);
    if (positive.length >= 2) {
      const [y0, v0] = positive[0]!;
      const [y1, v1] = positive.at(-1)!;
      growth = (v1 / v0) ** (1 / (y1 - y0)) - 1;
      growth = Math.min(GROWTH_BOUNDS[1], Math.max(GROWTH_BOUNDS[0], growth));
    }
    let prev = known[0]![1];
    let sum = 0;
    for (const y of years) {
      const v = valueOf.get(y) ?? (y < known[0]![0] ? known[0]![1] : prev * (1 + growth));
      sum += v;
      prev = v;
    }
    return { value: sum, method, fromMonth: throughMonth };
  }
  const projected = (y: number) => valueOf.get(y) ?? linearTrend(known, y);
  if (rule.termBasis === "end") return { value: projected(term.year), method: valueOf.has(term.year) ? method : "trajectory", fromMonth: throughMonth };
  const values = years.map(projected);
  return { value: values.reduce((s, v) => s + v, 0) / values.length, method, fromMonth: throughMonth };
}

// ---------------------------------------------------------------------------
// One period's assessment: everything a table row shows.

export interface Assessment {
  period: string;
  measured: boolean;
  actual: number | null;
  actualBasis: ValueBasis | null;
  /** The figures a derived actual was summed from (null: recorded for the period itself). */
  actualFrom: string[] | null;
  plan: number | null;
  /** Share of the plan expected by the end of the period, and where it comes from. */
  expectedShare: number | null;
  shareMethod: Share["method"] | null;
  expected: number | null;
  percentOfPlan: number | null;
  ratio: number | null;
  lastYear: number | null;
  change: number | null;
  changeKind: "percent" | "points";
  status: Status;
  reason: StatusReason | null;
  forecastYear: number | null;
  forecastYearMethod: ForecastMethod | null;
  likelihoodYear: Likelihood | null;
  forecastTerm: number | null;
  likelihoodTerm: Likelihood | null;
}

function finite(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : n;
}

/** Whether the target is measured in periods of this kind (a term always is). */
export function measuredIn(rule: TargetRule, period: Period): boolean {
  return period.kind === "term" || (rule.periodKinds as readonly string[]).includes(period.kind);
}

/**
 * Assesses one period. `term` is the term whose plan the target also carries (congress targets),
 * for the forecast to the term end; null for a yearly target without a term plan.
 */
export function assessPeriod(rule: TargetRule, plans: Plans, index: FigureIndex, period: Period, term: Period | null = null): Assessment {
  const measured = measuredIn(rule, period);
  const plan = planFor(rule, plans, period);
  const changeKind = isRateUnit(rule.unit) ? "points" : "percent";
  let actual = actualFor(rule, index, period);
  let share: Share | null = null;
  let expected: number | null = null;
  let interim = period.kind !== "year" && period.kind !== "term";

  // A term in progress is judged on the years closed so far (sum: against their share of the term plan;
  // average: directly); a term judged by its last year can only be judged at the end.
  if (period.kind === "term" && !actual && rule.termBasis !== "end") {
    const closed: Actual[] = [];
    for (const y of termYears(period)) {
      const v = yearValue(rule, index, y);
      if (!v) break;
      closed.push(v);
    }
    if (closed.length) {
      const sum = closed.reduce((s, v) => s + v.value, 0);
      actual = {
        value: rule.termBasis === "sum" ? sum : sum / closed.length,
        basis: closed.some((v) => v.basis === "estimate") ? "estimate" : "official",
        from: termYears(period).slice(0, closed.length).map(String),
      };
      share = { value: rule.termBasis === "sum" ? closed.length / termYears(period).length : 1, method: rule.termBasis === "sum" ? "linear" : "direct", years: [] };
      interim = true;
    }
  }
  share ??= expectedShare(rule, index, period);
  if (plan !== null) expected = plan * share.value;

  let status: Status = "not_assessable";
  let reason: StatusReason | null = null;
  let ratio: number | null = null;
  if (!measured) reason = "not_measured";
  else if (!actual) reason = "no_value";
  else if (plan === null || expected === null) reason = "no_plan";
  else {
    ratio = performanceRatio(rule.direction, actual.value, expected);
    status = statusForRatio(rule.direction, ratio, interim);
  }

  let lastYear: number | null = null;
  let change: number | null = null;
  if (actual) {
    const before = actualFor(rule, index, samePeriodLastYear(period));
    if (before) {
      lastYear = before.value;
      change = changeOnLastYear(rule.unit, actual.value, before.value).value;
    }
  }

  let forecastYear: Forecast | null = null;
  let forecastTerm: Forecast | null = null;
  if (period.kind === "term") {
    const latest = Math.max(...termYears(period).filter((y) => index.byYear.has(y)), Number.NEGATIVE_INFINITY);
    if (Number.isFinite(latest)) forecastTerm = forecastTermEnd(rule, index, period, latest, 12);
  } else {
    forecastYear = forecastYearEnd(rule, index, period.year, period.endMonth);
    if (term && plans.has(term.code)) forecastTerm = forecastTermEnd(rule, index, term, period.year, period.endMonth);
  }
  const yearPlan = period.kind === "term" ? null : planFor(rule, plans, yearPeriod(period.year));
  const termPlan = period.kind === "term" ? plan : term ? planFor(rule, plans, term) : null;

  return {
    period: period.code,
    measured,
    actual: actual?.value ?? null,
    actualBasis: actual?.basis ?? null,
    actualFrom: actual?.from ?? null,
    plan,
    expectedShare: plan === null ? null : share.value,
    shareMethod: plan === null ? null : share.method,
    expected: finite(expected),
    percentOfPlan:
      actual && plan !== null && !(rule.direction === "decrease" && rule.accumulates && share.value < 1) ? finite(percentOfPlan(rule.direction, actual.value, plan)) : null,
    ratio: ratio === null ? null : ratio,
    lastYear,
    change: finite(change),
    changeKind,
    status,
    reason,
    forecastYear: forecastYear ? finite(forecastYear.value) : null,
    forecastYearMethod: forecastYear?.method ?? null,
    likelihoodYear: forecastYear && yearPlan !== null && Number.isFinite(forecastYear.value) ? likelihoodOf(rule.direction, forecastYear.value, yearPlan) : null,
    forecastTerm: forecastTerm ? finite(forecastTerm.value) : null,
    likelihoodTerm: forecastTerm && termPlan !== null && Number.isFinite(forecastTerm.value) ? likelihoodOf(rule.direction, forecastTerm.value, termPlan) : null,
  };
}

/** The periods a target is assessed in: every standard period of the given years, and the term when it has one. */
export function assessedPeriods(years: readonly number[], term: Period | null): Period[] {
  const out = years.flatMap((y) => periodsOfYear(y, WITHIN_YEAR_KINDS));
  if (term) out.push(term);
  return out;
}

/** Assesses a target in every period of its years (and its term). */
export function assessTarget(rule: TargetRule, plans: Plans, figures: readonly Figure[], years: readonly number[], term: Period | null): Assessment[] {
  const index = indexFigures(figures);
  return assessedPeriods(years, term).map((p) => assessPeriod(rule, plans, index, p, term));
}

// ---------------------------------------------------------------------------
// Charts: a year month by month, and the years of a term.

export interface TrajectoryPoint {
  month: number;
  /** Year-to-date figure (accumulating) or level at the end of the month. */
  actual: number | null;
  /** What the plan expects by the end of the month. */
  expected: number | null;
  /** The forecast path from the latest figure to the year end. */
  forecast: number | null;
}

/** A year month by month: actual to date, the plan's expected path, the forecast path. */
export function yearTrajectory(rule: TargetRule, plans: Plans, index: FigureIndex, year: number): TrajectoryPoint[] {
  const plan = planFor(rule, plans, yearPeriod(year));
  const points: TrajectoryPoint[] = [];
  let last = 0;
  let lastValue = 0;
  for (let m = 1; m <= 12; m++) {
    const a = rule.accumulates ? accumulatedValue(index, year, 1, m) : levelValue(index, year, m, m === 12 ? String(year) : undefined);
    if (a) {
      last = m;
      lastValue = a.value;
    }
    points.push({ month: m, actual: a?.value ?? null, expected: plan === null ? null : plan * cumulativeShare(rule, index, year, m).value, forecast: null });
  }
  if (last > 0 && last < 12) {
    const fromShare = cumulativeShare(rule, index, year, last).value;
    const lastAt = levelValue(index, year - 1, last);
    for (let m = last; m <= 12; m++) {
      let f: number;
      if (rule.accumulates) f = fromShare > EPS ? (lastValue / fromShare) * cumulativeShare(rule, index, year, m).value : lastValue;
      else {
        const ly = levelValue(index, year - 1, m, m === 12 ? String(year - 1) : undefined);
        f = lastAt && ly ? lastValue + (ly.value - lastAt.value) : lastValue;
      }
      points[m - 1]!.forecast = f;
    }
  }
  return points;
}

export interface YearPoint {
  year: number;
  actual: number | null;
  actualBasis: ValueBasis | null;
  plan: number | null;
  forecast: number | null;
}

/** Year by year: the full-year figure, the year's plan, and the year-end forecast of a year not yet closed. */
export function yearlySeries(rule: TargetRule, plans: Plans, index: FigureIndex, years: readonly number[]): YearPoint[] {
  return years.map((y) => {
    const a = yearValue(rule, index, y);
    const f = a ? null : forecastYearEnd(rule, index, y, 12);
    return { year: y, actual: a?.value ?? null, actualBasis: a?.basis ?? null, plan: planFor(rule, plans, yearPeriod(y)), forecast: f?.value ?? null };
  });
}

// ---------------------------------------------------------------------------
// Summaries: "18/22 chỉ tiêu đủ điều kiện đánh giá; 6/18 đạt tiến độ".

export interface Summary {
  total: number;
  assessable: number;
  onTrack: number;
  exceeded: number;
  met: number;
  behind: number;
}

export function summarize(statuses: readonly Status[]): Summary {
  const s: Summary = { total: statuses.length, assessable: 0, onTrack: 0, exceeded: 0, met: 0, behind: 0 };
  for (const st of statuses) {
    if (st === "not_assessable") continue;
    s.assessable++;
    s[st]++;
    if (st !== "behind") s.onTrack++;
  }
  return s;
}

/** The sentence of a report: at the year or term end "đạt kế hoạch", before it "đạt tiến độ". */
export function summaryLine(s: Summary, period: Period | null = null): string {
  const final = period !== null && (period.kind === "year" || period.kind === "term");
  return `${s.assessable}/${s.total} chỉ tiêu đủ điều kiện đánh giá; ${s.onTrack}/${s.assessable} ${final ? "đạt kế hoạch" : "đạt tiến độ"}`;
}

/** The term a year's plans belong to (re-exported for callers that only import the rules). */
export { termOfYear };

/**
 * A resolution's name for a chart axis: "NQ 24-NQ/TU", or the title without its issuer ("Chương trình
 * công tác năm 2024"; "Nghị quyết của Ban Chấp hành … về nhiệm vụ năm 2024" → "Nghị quyết về nhiệm vụ năm 2024").
 */
export function resolutionShortName(r: { symbol: string | null; title: string }): string {
  if (r.symbol) return `NQ ${r.symbol}`;
  const withoutIssuer = / về /u.test(r.title) ? r.title.replace(/\s+của\s+.*?(?=\s+về\s)/u, "") : r.title.replace(/\s+của\s+.*$/u, "");
  // A title that is its issuer and nothing else ("Nghị quyết của Ban Chấp hành …") stays whole.
  const head = withoutIssuer.split(/\s+/).length >= 3 ? withoutIssuer : r.title;
  return head.length > 48 ? `${head.slice(0, 46)}…` : head;
}
