// Reporting periods (kỳ báo cáo) as papers name them: a month ("tháng 5/2024"), a quarter
// ("Quý III/2024"), the first or second half ("6 tháng đầu năm 2024"), the first nine months
// ("9 tháng năm 2024"), a year ("Năm 2024") and a congress term ("Nhiệm kỳ 2020 - 2025").
// Pure and shared by the server, the browser and generated reports.
//
// Codes are short and sort within a year by their end:
//   2024-05 (month) · 2024-Q3 (quarter) · 2024-H1, 2024-H2 (half) · 2024-9M (nine months) ·
//   2024 (year) · 2020-2025 (term).
//
// A term is named by its congress years, as papers do ("nhiệm kỳ 2020 - 2025"); its targets
// cover the five calendar years after the congress year (2021–2025, "giai đoạn 2021 - 2025").
// Terms are aligned nationally: 2015–2020, 2020–2025, 2025–2030 …
//
// Within a year every period is a range of whole months [startMonth, endMonth]; "6 tháng" and
// "9 tháng" count from January. Dates are ISO strings; `endDate` is the period's last day.

export const PERIOD_KINDS = ["month", "quarter", "half", "nine_months", "year", "term"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Kinds a figure can be reported for within a year (a term is assessed from its years). */
export const WITHIN_YEAR_KINDS = ["month", "quarter", "half", "nine_months", "year"] as const satisfies readonly PeriodKind[];
export type WithinYearKind = (typeof WITHIN_YEAR_KINDS)[number];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  month: "Tháng",
  quarter: "Quý",
  half: "6 tháng",
  nine_months: "9 tháng",
  year: "Năm",
  term: "Nhiệm kỳ",
};

export interface Period {
  kind: PeriodKind;
  /** The canonical code: "2024-9M", "2024-Q3", "2020-2025" … */
  code: string;
  /** The calendar year the period ends in (for a term: its last year). */
  year: number;
  /** The first calendar year the period covers (equal to `year` except for a term). */
  firstYear: number;
  /** First and last month covered, 1–12 (a term covers whole years: 1 and 12). */
  startMonth: number;
  endMonth: number;
}

export const TERM_YEARS = 5;
/** A congress year from which terms are counted (2020 → 2015, 2025, 2030 … are congress years too). */
const TERM_ANCHOR = 2020;
const MIN_YEAR = 1945;
const MAX_YEAR = 2200;

const pad2 = (n: number) => String(n).padStart(2, "0");
const ROMAN = ["I", "II", "III", "IV"] as const;

function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** A month of a year. */
export function monthPeriod(year: number, month: number): Period {
  if (!validYear(year) || !Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`no month ${year}-${month}`);
  return { kind: "month", code: `${year}-${pad2(month)}`, year, firstYear: year, startMonth: month, endMonth: month };
}

export function quarterPeriod(year: number, quarter: number): Period {
  if (!validYear(year) || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`no quarter ${year}-Q${quarter}`);
  return { kind: "quarter", code: `${year}-Q${quarter}`, year, firstYear: year, startMonth: quarter * 3 - 2, endMonth: quarter * 3 };
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  if (!validYear(year) || (half !== 1 && half !== 2)) throw new RangeError(`no half ${year}-H${half}`);
  return { kind: "half", code: `${year}-H${half}`, year, firstYear: year, startMonth: half === 1 ? 1 : 7, endMonth: half === 1 ? 6 : 12 };
}

export function nineMonthsPeriod(year: number): Period {
  if (!validYear(year)) throw new RangeError(`no year ${year}`);
  return { kind: "nine_months", code: `${year}-9M`, year, firstYear: year, startMonth: 1, endMonth: 9 };
}

export function yearPeriod(year: number): Period {
  if (!validYear(year)) throw new RangeError(`no year ${year}`);
  return { kind: "year", code: String(year), year, firstYear: year, startMonth: 1, endMonth: 12 };
}

/** The term whose congress was held in `congressYear` (2020 → 2020–2025, covering 2021–2025). */
export function termPeriod(congressYear: number): Period {
  if (!validYear(congressYear) || !isCongressYear(congressYear)) throw new RangeError(`no term starting ${congressYear}`);
  const last = congressYear + TERM_YEARS;
  return { kind: "term", code: `${congressYear}-${last}`, year: last, firstYear: congressYear + 1, startMonth: 1, endMonth: 12 };
}

export function isCongressYear(year: number): boolean {
  return (((year - TERM_ANCHOR) % TERM_YEARS) + TERM_YEARS) % TERM_YEARS === 0;
}

/** The term whose plans cover `year` (2021…2025 → 2020–2025; 2026 → 2025–2030). */
export function termOfYear(year: number): Period {
  return termPeriod(TERM_ANCHOR + TERM_YEARS * Math.floor((year - TERM_ANCHOR - 1) / TERM_YEARS));
}

/** The calendar years a term covers, in order. */
export function termYears(term: Period): number[] {
  const years: number[] = [];
  for (let y = term.firstYear; y <= term.year; y++) years.push(y);
  return years;
}

/** Reads a canonical code ("2024-9M", "2024-Q3", "2020-2025" …); null for anything else. */
export function parsePeriodCode(code: string): Period | null {
  const s = code.trim().toUpperCase();
  let m: RegExpExecArray | null;
  try {
    if ((m = /^(\d{4})$/.exec(s))) return yearPeriod(Number(m[1]));
    if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return monthPeriod(Number(m[1]), Number(m[2]));
    if ((m = /^(\d{4})-Q([1-4])$/.exec(s))) return quarterPeriod(Number(m[1]), Number(m[2]));
    if ((m = /^(\d{4})-H([12])$/.exec(s))) return halfPeriod(Number(m[1]), Number(m[2]) as 1 | 2);
    if ((m = /^(\d{4})-9M$/.exec(s))) return nineMonthsPeriod(Number(m[1]));
    if ((m = /^(\d{4})-(\d{4})$/.exec(s))) {
      const from = Number(m[1]);
      const to = Number(m[2]);
      return to === from + TERM_YEARS ? termPeriod(from) : null;
    }
  } catch {
    return null;
  }
  return null;
}

function romanToInt(s: string): number | null {
  const i = (ROMAN as readonly string[]).indexOf(s.toUpperCase());
  return i >= 0 ? i + 1 : null;
}

/**
 * Reads a period as a person writes it: the code, or a Vietnamese label such as "9 tháng năm 2024",
 * "9 tháng đầu năm 2024", "Quý III/2024", "quý 3 năm 2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024",
 * "tháng 5/2024", "Tháng 05 năm 2024", "Năm 2024", "cả năm 2024", "Nhiệm kỳ 2020 - 2025", "giai đoạn 2021 - 2025".
 */
export function parsePeriod(text: string): Period | null {
  const byCode = parsePeriodCode(text);
  if (byCode) return byCode;
  const s = text.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  const Y = String.raw`(?:\s*(?:năm|/|-)\s*)(\d{4})`;
  let m: RegExpExecArray | null;
  try {
    if ((m = new RegExp(String.raw`^(?:nhiệm kỳ|nk)\s*(\d{4})\s*[-–]\s*(\d{4})$`).exec(s))) {
      const from = Number(m[1]);
      return Number(m[2]) === from + TERM_YEARS ? termPeriod(from) : null;
    }
    if ((m = new RegExp(String.raw`^giai đoạn\s*(\d{4})\s*[-–]\s*(\d{4})$`).exec(s))) {
      const from = Number(m[1]);
      return Number(m[2]) === from + TERM_YEARS - 1 ? termPeriod(from - 1) : null;
    }
    if ((m = new RegExp(String.raw`^9 tháng(?: đầu)?(?: năm)?${Y}$`).exec(s))) return nineMonthsPeriod(Number(m[1]));
    if ((m = new RegExp(String.raw`^6 tháng (đầu|cuối)(?: năm)?${Y}$`).exec(s))) return halfPeriod(Number(m[2]), m[1] === "đầu" ? 1 : 2);
    if ((m = new RegExp(String.raw`^6 tháng${Y}$`).exec(s))) return halfPeriod(Number(m[1]), 1);
    if ((m = new RegExp(String.raw`^quý\s*([ivx]+|[1-4])${Y}$`).exec(s))) {
      const q = /^\d$/.test(m[1]!) ? Number(m[1]) : romanToInt(m[1]!);
      return q ? quarterPeriod(Number(m[2]), q) : null;
    }
    if ((m = new RegExp(String.raw`^tháng\s*(\d{1,2})${Y}$`).exec(s))) return monthPeriod(Number(m[2]), Number(m[1]));
    if ((m = /^(\d{1,2})\/(\d{4})$/.exec(s))) return monthPeriod(Number(m[2]), Number(m[1]));
    if ((m = /^(?:cả )?năm (\d{4})$/.exec(s))) return yearPeriod(Number(m[1]));
  } catch {
    return null;
  }
  return null;
}

/** The Vietnamese label: "Tháng 5/2024", "Quý III/2024", "6 tháng đầu năm 2024", "9 tháng năm 2024", "Năm 2024", "Nhiệm kỳ 2020 - 2025". */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case "month":
      return `Tháng ${p.startMonth}/${p.year}`;
    case "quarter":
      return `Quý ${ROMAN[p.endMonth / 3 - 1]}/${p.year}`;
    case "half":
      return p.startMonth === 1 ? `6 tháng đầu năm ${p.year}` : `6 tháng cuối năm ${p.year}`;
    case "nine_months":
      return `9 tháng năm ${p.year}`;
    case "year":
      return `Năm ${p.year}`;
    case "term":
      return `Nhiệm kỳ ${p.firstYear - 1} - ${p.year}`;
  }
}

/** A short label for chart axes and narrow columns: "T5/2024", "Q3/2024", "6T/2024", "6TC/2024", "9T/2024", "2024", "2020-2025". */
export function periodShortLabel(p: Period): string {
  switch (p.kind) {
    case "month":
      return `T${p.startMonth}/${p.year}`;
    case "quarter":
      return `Q${p.endMonth / 3}/${p.year}`;
    case "half":
      return p.startMonth === 1 ? `6T/${p.year}` : `6TC/${p.year}`;
    case "nine_months":
      return `9T/${p.year}`;
    case "year":
      return String(p.year);
    case "term":
      return `${p.firstYear - 1}-${p.year}`;
  }
}

/** Label for a code; the code itself when it is not a period. */
export function labelOfCode(code: string): string {
  const p = parsePeriodCode(code);
  return p ? periodLabel(p) : code;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day of the period. */
export function startDate(p: Period): string {
  return `${p.firstYear}-${pad2(p.startMonth)}-01`;
}

/** The last day of the period (inclusive): 2024-9M → 2024-09-30. */
export function endDate(p: Period): string {
  return `${p.year}-${pad2(p.endMonth)}-${pad2(lastDayOfMonth(p.year, p.endMonth))}`;
}

/** The day after the period: the exclusive end of the half-open interval [startDate, endExclusive). */
export function endExclusive(p: Period): string {
  return p.endMonth === 12 ? `${p.year + 1}-01-01` : `${p.year}-${pad2(p.endMonth + 1)}-01`;
}

/** The same period one year earlier ("so cùng kỳ"); for a term, the previous term. */
export function samePeriodLastYear(p: Period): Period {
  if (p.kind === "term") return termPeriod(p.firstYear - 1 - TERM_YEARS);
  return shiftYear(p, -1);
}

/** The same kind of period `years` later (negative: earlier). Not for terms. */
export function shiftYear(p: Period, years: number): Period {
  const y = p.year + years;
  switch (p.kind) {
    case "month":
      return monthPeriod(y, p.startMonth);
    case "quarter":
      return quarterPeriod(y, p.endMonth / 3);
    case "half":
      return halfPeriod(y, p.startMonth === 1 ? 1 : 2);
    case "nine_months":
      return nineMonthsPeriod(y);
    case "year":
      return yearPeriod(y);
    case "term":
      throw new RangeError("shiftYear is not for terms");
  }
}

function parseIso(day: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not an ISO date: ${day}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** Every period that contains the day: its month, quarter, half, the first nine months (through September), the year, and the term. */
export function periodsContaining(day: string): Period[] {
  const { y, m } = parseIso(day);
  const out: Period[] = [monthPeriod(y, m), quarterPeriod(y, Math.ceil(m / 3)), halfPeriod(y, m <= 6 ? 1 : 2)];
  if (m <= 9) out.push(nineMonthsPeriod(y));
  out.push(yearPeriod(y), termOfYear(y));
  return out;
}

/** Whether `inner` lies within `outer` (a period contains itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  if (outer.kind === "term") return inner.firstYear >= outer.firstYear && inner.year <= outer.year;
  if (inner.kind === "term") return false;
  return outer.year === inner.year && inner.startMonth >= outer.startMonth && inner.endMonth <= outer.endMonth;
}

/** The share of the calendar year elapsed at the end of `day` (31 Dec → 1; 30 Sep 2024 → 274/366). */
export function yearElapsedShare(day: string): number {
  const { y } = parseIso(day);
  const start = Date.UTC(y, 0, 1);
  const days = (Date.UTC(y + 1, 0, 1) - start) / 86_400_000;
  const elapsed = (Date.parse(`${day}T00:00:00Z`) - start) / 86_400_000 + 1;
  return elapsed / days;
}

/** The share of the year covered by whole months up to and including `endMonth` (9 → 0,75). */
export function monthShare(endMonth: number): number {
  return endMonth / 12;
}

const KIND_ORDER: Record<PeriodKind, number> = { month: 0, quarter: 1, half: 2, nine_months: 3, year: 4, term: 5 };

/** Orders periods by their end; among periods ending together, the shorter first (a month before the quarter it closes). */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || a.endMonth - b.endMonth || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.firstYear - b.firstYear;
}

/** The standard periods of a year, in order of their end: months, quarters, halves, nine months, the year (20 periods). */
export function periodsOfYear(year: number, kinds: readonly PeriodKind[] = WITHIN_YEAR_KINDS): Period[] {
  const out: Period[] = [];
  const want = new Set(kinds);
  for (let m = 1; m <= 12; m++) {
    if (want.has("month")) out.push(monthPeriod(year, m));
    if (m % 3 === 0 && want.has("quarter")) out.push(quarterPeriod(year, m / 3));
    if (m === 6 && want.has("half")) out.push(halfPeriod(year, 1));
    if (m === 9 && want.has("nine_months")) out.push(nineMonthsPeriod(year));
    if (m === 12 && want.has("half")) out.push(halfPeriod(year, 2));
    if (m === 12 && want.has("year")) out.push(yearPeriod(year));
  }
  return out.sort(comparePeriods);
}

/** The latest period of `kind` that has ended on or before `day` (e.g. the last closed quarter). */
export function lastEndedPeriod(kind: WithinYearKind, day: string): Period {
  const { y, m, d } = parseIso(day);
  // The last whole month that has ended by the end of `day`.
  let year = y;
  let month = d === lastDayOfMonth(y, m) ? m : m - 1;
  if (month === 0) {
    year--;
    month = 12;
  }
  switch (kind) {
    case "month":
      return monthPeriod(year, month);
    case "quarter":
      return month >= 3 ? quarterPeriod(year, Math.floor(month / 3)) : quarterPeriod(year - 1, 4);
    case "half":
      return month >= 6 ? halfPeriod(year, month === 12 ? 2 : 1) : halfPeriod(year - 1, 2);
    case "nine_months":
      return month >= 9 ? nineMonthsPeriod(year) : nineMonthsPeriod(year - 1);
    case "year":
      return month === 12 ? yearPeriod(year) : yearPeriod(year - 1);
  }
}
