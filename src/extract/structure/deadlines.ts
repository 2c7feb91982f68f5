// Deadline phrases of directives and the last day each allows (gold README §2.6):
// "trước ngày 30/6/2025" → 2025-06-30, "trong tháng 5/2025" → 2025-05-31, "trong quý IV/2024" → 2024-12-31,
// "6 tháng đầu năm 2026" → 2026-06-30, "đến năm 2025" → 2025-12-31; "thường xuyên", "hằng năm" give no
// date but are kept as the phrase. Only phrases introduced by a preposition ("trước", "trong", "đến",
// "chậm nhất") count: "Chương trình công tác năm 2024" names a period, it does not bound a task.
import type { IsoDate } from "../types.ts";
import { matchesFrom, matchesOf } from "../matches.ts";
import { collapseSpaces } from "../normalize.ts";
import { endOfMonth, endOfQuarter, endOfYear, isoDate } from "./dates.ts";
import { romanToInt } from "./numbers.ts";

export interface DeadlineResult {
  deadline: IsoDate | null;
  deadlineText: string | null;
}

export interface DeadlinePhrase extends DeadlineResult {
  deadlineText: string;
  start: number;
  end: number;
}

const NONE: DeadlineResult = { deadline: null, deadlineText: null };

// Prepositions that bound a task in time. "trước" (before) and "đến" (by) read the date as
// inclusive, as the gold rules do: "trước ngày 30/6" allows 30/6.
const PREP = String.raw`(?:hoàn thành\s{1,4})?(?:trước|chậm nhất(?:\s{1,4}là)?|muộn nhất(?:\s{1,4}là)?|hạn chót|hạn cuối|đến|trong|vào)`;
const YEAR = String.raw`(\d{4})`;

const DAY_PHRASE = new RegExp(
  String.raw`(${PREP})\s{1,4}(?:ngày\s{1,4})?(\d{1,2})[/.-](\d{1,2})(?:[/.-]${YEAR})?(?![\d/])`,
  "yiu",
);
const WORDED_DAY_PHRASE = new RegExp(
  String.raw`(${PREP})\s{1,4}ngày\s{1,4}(\d{1,2})\s{1,4}tháng\s{1,4}(\d{1,2})(?:\s{1,4}năm\s{1,4}${YEAR})?(?!\d)`,
  "yiu",
);
const MONTH_PHRASE = new RegExp(
  String.raw`(${PREP})\s{1,4}(?:trong\s{1,4})?tháng\s{1,4}(\d{1,2})(?:(?:[/-]|\s{1,4}năm\s{1,4})${YEAR})?(?![\d/]|\s{1,4}(?:đầu|cuối|qua|tới))`,
  "yiu",
);
const QUARTER_PHRASE = new RegExp(
  String.raw`(${PREP})\s{1,4}(?:trong\s{1,4}|cuối\s{1,4})?quý\s{1,4}(IV|III|II|I|[1-4])(?:(?:\s{0,2}[/-]\s{0,2}|\s{1,4}năm\s{1,4})${YEAR})?(?![\p{L}\d])`,
  "yiu",
);
const PART_OF_YEAR_PHRASE = new RegExp(
  String.raw`(${PREP})\s{1,4}(0?\d|1[01]|sáu|ba|chín)\s{1,4}tháng\s{1,4}(đầu|cuối)\s{1,4}năm(?:\s{1,4}${YEAR})?(?!\d)`,
  "yiu",
);
const YEAR_PHRASE = new RegExp(String.raw`(${PREP})\s{1,4}(cuối\s{1,4})?năm(?:\s{1,4}${YEAR})?(?![\d\p{L}])`, "yiu");

// Periodic tasks: "thường xuyên theo dõi", "hằng năm tổ chức", "định kỳ báo cáo".
const TASK_VERBS = [
  "theo dõi", "kiểm tra", "rà soát", "tổ chức", "thực hiện", "cập nhật", "báo cáo", "phối hợp", "nắm",
  "quan tâm", "chỉ đạo", "lãnh đạo", "đôn đốc", "giám sát", "tuyên truyền", "củng cố", "bồi dưỡng", "đổi mới",
  "tăng cường", "làm việc", "tiếp xúc", "đối thoại", "sinh hoạt", "học tập", "trao đổi", "vận động", "chăm lo",
  "thăm", "tiếp", "hướng dẫn", "lắng nghe", "giữ", "duy trì", "đánh giá", "phát động", "tập huấn", "rèn luyện",
  "cung cấp", "thông tin", "đối chiếu", "chấn chỉnh", "nhắc nhở", "sơ kết", "tổng kết", "khảo sát", "tham mưu",
  "đề xuất", "xây dựng", "bảo đảm", "đảm bảo", "giải quyết", "xử lý", "phát hiện", "ứng dụng", "triển khai",
  "tuần tra", "kiểm soát", "tiếp nhận", "tiếp công dân",
];
const VERB_ALTERNATION = TASK_VERBS.map((v) => v.replace(/ /g, String.raw`\s{1,4}`)).join("|");
// "thường xuyên" is the adverb of a task when a verb follows it; not in "giáo dục thường xuyên",
// "vùng thường xuyên bị ảnh hưởng" or "trực tiếp và thường xuyên các đảng đoàn".
const NOT_AFTER_ADVERB = String.raw`bị|được|của|và|các|những|tỉnh|huyện|xã|thị|thành|trong|trên|với|hơn|nhất|là|có`;
const PERIODIC_PHRASE = new RegExp(
  String.raw`(?<!giáo dục\s{1,4}|và\s{1,4})(?:(thường xuyên)(?=\s{1,4}(?!(?:${NOT_AFTER_ADVERB})(?![\p{L}\p{M}]))\p{Ll})|(?<=(?:thực hiện|tiến hành|làm|tổ chức|duy trì)\s{1,4})(thường xuyên)(?=\s{0,4}[.;,)]|\s{0,4}$)|((?:hằng|hàng)\s{1,4}(?:năm|quý|tháng|tuần))(?=\s{0,4},|\s{1,4}(?:${VERB_ALTERNATION})(?![\p{L}\p{M}]))|(định kỳ(?:\s{1,4}(?:hằng|hàng)\s{1,4}(?:năm|quý|tháng|tuần)|\s{1,4}\d{1,2}\s{1,4}(?:tháng|năm|tuần))?)(?=\s{1,4}(?:mỗi|\d|${VERB_ALTERNATION})(?![\p{L}\p{M}])|\s{0,4}[,;.]))`,
  "yiu",
);

// The phrases above are tried only where one can start, not at every character of a paragraph: where a
// preposition (or "hoàn thành") starts for the dated ones, where "thường xuyên", "hằng", "hàng" or
// "định kỳ" starts for the periodic one. No two of these words overlap, so one scan finds them all.
const PHRASE_START = /(hoàn thành|trước|chậm nhất|muộn nhất|hạn chót|hạn cuối|đến|trong|vào)|thường xuyên|hằng|hàng|định kỳ/giu;

// After its preposition, every dated phrase goes on with a digit or one of these words: a preposition
// followed by none ("trong công tác", "đến các cơ quan", most of them) is dropped by this one pattern
// instead of being tried by each of the six.
const DATED_PREFIX = new RegExp(String.raw`${PREP}\s{1,4}(?:\d|ngày|tháng|trong|quý|cuối|năm|sáu|ba|chín)`, "yiu");

/** Where dated and periodic phrases may start. */
function phraseStarts(text: string): { dated: number[]; periodic: number[] } {
  const dated: number[] = [];
  const periodic: number[] = [];
  for (const m of matchesOf(text, PHRASE_START)) {
    if (m[1] === undefined) periodic.push(m.index);
    else {
      DATED_PREFIX.lastIndex = m.index;
      if (DATED_PREFIX.test(text)) dated.push(m.index);
    }
  }
  return { dated, periodic };
}


// "tầm nhìn đến năm 2050", "giai đoạn 2021 - 2025 đến năm 2030": the horizon of a plan, not a deadline.
const HORIZON_BEFORE = /(?:tầm nhìn|định hướng|giai đoạn|thời kỳ|từ(?:\s{1,4}năm)?\s{1,4}\d{4})\s{0,4}$/iu;

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Cheap filter: a paragraph without these has no deadline phrase (digits first: the plainest scan). */
const HAS_DIGIT = /\d/;
const MAY_HAVE_UNDATED_DEADLINE = /quý|thường xuyên|hằng|hàng|định kỳ/iu;

interface Range {
  start: number;
  end: number;
}

const QUOTE_OR_BREAK = /[\u201c\u201d"\n]/g;

/** Stretches inside quotation marks: titles and slogans, whose dates are not deadlines. */
export function quotedRanges(text: string): Range[] {
  const out: Range[] = [];
  let open = -1;
  // Only quotation marks and line breaks matter: the pattern skips to them.
  QUOTE_OR_BREAK.lastIndex = 0;
  for (let m = QUOTE_OR_BREAK.exec(text); m; m = QUOTE_OR_BREAK.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x201c) open = i; // “
    else if (c === 0x201d && open >= 0) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    } else if (c === 0x22) {
      if (open >= 0 && text.charCodeAt(open) === 0x22) {
        out.push({ start: open, end: i + 1 });
        open = -1;
      } else if (open < 0) open = i;
    } else if (c === 0x0a) open = -1;
  }
  return out;
}

/** Whether `at` lies strictly inside one of the sorted, disjoint ranges (binary search). */
export function inside(ranges: readonly Range[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (at <= r.start) hi = mid - 1;
    else if (at >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

function quarterNumber(s: string): number | null {
  return /^\d$/.test(s) ? Number(s) : romanToInt(s.toUpperCase());
}

function monthsWord(s: string): number | null {
  const w = s.toLowerCase();
  if (w === "sáu") return 6;
  if (w === "ba") return 3;
  if (w === "chín") return 9;
  const n = Number(w);
  return Number.isInteger(n) && n >= 1 && n <= 11 ? n : null;
}

function prepIsBefore(prep: string): boolean {
  return /^(?:hoàn thành\s+)?trước$/iu.test(prep.trim());
}

function dayBefore(iso: IsoDate | null): IsoDate | null {
  if (!iso) return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  if (m === 1) return endOfYear(y - 1);
  return endOfMonth(y, m - 1) ?? null;
}

/** "hoàn thành trong quý IV" → "trong quý IV": the phrase from the preposition on, without the verb. */
function withoutVerb(phrase: string): string {
  return collapseSpaces(phrase.replace(/^hoàn thành\s+/iu, ""));
}

/**
 * Every deadline phrase of `text` with the last day it allows (null for periodic phrases). `year` reads
 * phrases written without a year ("trước 30/6", "trong quý IV", "trong 6 tháng cuối năm"); without it
 * such phrases are kept with a null date.
 */
export function findDeadlinePhrases(text: string, year: number | null): DeadlinePhrase[] {
  if (!HAS_DIGIT.test(text) && !MAY_HAVE_UNDATED_DEADLINE.test(text)) return [];
  // Most paragraphs have no phrase: their quotations are looked for only when one is found.
  let quotes: Range[] | null = null;
  const out: DeadlinePhrase[] = [];
  const push = (start: number, phrase: string, deadline: IsoDate | null) => {
    // Phrases start at a word: checked here rather than by a look-behind, which would keep the
    // engine from skipping quickly to the first letters of the prepositions.
    if (start > 0 && LETTER_OR_MARK.test(text[start - 1]!)) return;
    quotes ??= quotedRanges(text);
    if (inside(quotes, start)) return;
    out.push({ start, end: start + phrase.length, deadline, deadlineText: withoutVerb(phrase) });
  };
  const yearOr = (s: string | undefined) => (s ? Number(s) : year);
  const { dated, periodic } = phraseStarts(text);

  for (const m of matchesFrom(text, DAY_PHRASE, dated)) {
    const y = yearOr(m[4]);
    push(m.index, m[0], y === null ? null : isoDate(y, Number(m[3]), Number(m[2])));
  }
  for (const m of matchesFrom(text, WORDED_DAY_PHRASE, dated)) {
    const y = yearOr(m[4]);
    push(m.index, m[0], y === null ? null : isoDate(y, Number(m[3]), Number(m[2])));
  }
  for (const m of matchesFrom(text, MONTH_PHRASE, dated)) {
    const y = yearOr(m[3]);
    const month = Number(m[2]);
    const end = y === null ? null : endOfMonth(y, month);
    push(m.index, m[0], prepIsBefore(m[1]!) ? dayBefore(end) : end);
  }
  for (const m of matchesFrom(text, QUARTER_PHRASE, dated)) {
    const y = yearOr(m[3]);
    const q = quarterNumber(m[2]!);
    const end = y === null || q === null ? null : endOfQuarter(y, q);
    // "trước quý III" ends with the quarter before it.
    push(m.index, m[0], prepIsBefore(m[1]!) && end && q ? (q === 1 ? endOfYear(y! - 1) : endOfQuarter(y!, q - 1)) : end);
  }
  for (const m of matchesFrom(text, PART_OF_YEAR_PHRASE, dated)) {
    const y = yearOr(m[4]);
    const months = monthsWord(m[2]!);
    if (months === null) continue;
    const end = y === null ? null : m[3]!.toLowerCase() === "đầu" ? endOfMonth(y, months) : endOfYear(y);
    push(m.index, m[0], end);
  }
  for (const m of matchesFrom(text, YEAR_PHRASE, dated)) {
    if (!m[3]) continue; // "trong năm", "đến cuối năm" alone: which year is not said
    if (HORIZON_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    const y = yearOr(m[3]);
    if (y === null) continue;
    push(m.index, m[0], prepIsBefore(m[1]!) ? endOfYear(y - 1) : endOfYear(y));
  }
  for (const m of matchesFrom(text, PERIODIC_PHRASE, periodic)) {
    const phrase = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").replace(/\s+/g, " ");
    if (phrase) push(m.index, phrase, null);
  }
  return dropContained(out.sort((a, b) => a.start - b.start || b.end - a.end));
}

/** "trong quý IV năm 2024" also contains "năm 2024"; keep the longer phrase. */
function dropContained(sorted: DeadlinePhrase[]): DeadlinePhrase[] {
  const out: DeadlinePhrase[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.start >= last.start && p.end <= last.end) continue;
    out.push(p);
  }
  return out;
}

/**
 * The deadline of one directive: the latest dated phrase (the item is done when all its parts are);
 * a dated phrase beats "thường xuyên"; without any phrase both fields are null.
 */
export function pickDeadline(text: string, year: number | null): DeadlineResult {
  return chooseDeadline(findDeadlinePhrases(text, year));
}

export function chooseDeadline(phrases: DeadlinePhrase[]): DeadlineResult {
  let best: DeadlinePhrase | null = null;
  for (const p of phrases) {
    if (p.deadline === null) continue;
    if (!best || p.deadline > best.deadline!) best = p;
  }
  if (best) return { deadline: best.deadline, deadlineText: best.deadlineText };
  const undated = phrases[0];
  return undated ? { deadline: null, deadlineText: undated.deadlineText } : NONE;
}

const CELL_QUARTER = /^quý\s{1,4}(IV|III|II|I|[1-4])(?:\s{0,2}[/-]\s{0,2}|\s{1,4}năm\s{1,4})(\d{4})$/iu;
const CELL_QUARTERS = /^quý\s{1,4}(?:IV|III|II|I|[1-4])\s{0,2}[-,]\s{0,2}(?:quý\s{1,4})?(IV|III|II|I|[1-4])(?:\s{0,2}[/-]\s{0,2}|\s{1,4}năm\s{1,4})(\d{4})$/iu;
const CELL_MONTH = /^tháng\s{1,4}(\d{1,2})(?:\s{0,2}[/-]\s{0,2}|\s{1,4}năm\s{1,4})(\d{4})$/iu;
const CELL_DAY = /^(?:ngày\s{1,4})?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/iu;
const CELL_YEAR = /^năm\s{1,4}(\d{4})$/iu;
const CELL_PART_OF_YEAR = /^(0?\d|1[01]|sáu|ba|chín)\s{1,4}tháng\s{1,4}(đầu|cuối)\s{1,4}năm\s{1,4}(\d{4})$/iu;
const CELL_PERIODIC = /^(?:thường xuyên|hằng năm|hàng năm|hằng quý|hàng quý|hằng tháng|hàng tháng|định kỳ|cả năm)$/iu;

/**
 * A table's "Thời gian hoàn thành" cell: the whole cell is the phrase ("Quý II/2026", "Tháng 5/2026",
 * "30/6/2026", "Năm 2026", "Thường xuyên"). Falls back to the phrases of free text in the cell.
 */
export function parseDeadlineCell(cell: string, year: number | null): DeadlineResult {
  const raw = collapseSpaces(cell);
  if (!raw) return NONE;
  const s = raw.replace(/[.;,]$/, "").replace(/^(?:trong|trước|đến|chậm nhất)\s+/iu, "");
  let m = CELL_QUARTER.exec(s);
  if (m) return { deadline: endOfQuarter(Number(m[2]), quarterNumber(m[1]!) ?? 0), deadlineText: raw };
  // "Quý I-II/2027": a span of quarters ends with its last.
  m = CELL_QUARTERS.exec(s);
  if (m) return { deadline: endOfQuarter(Number(m[2]), quarterNumber(m[1]!) ?? 0), deadlineText: raw };
  m = CELL_MONTH.exec(s);
  if (m) return { deadline: endOfMonth(Number(m[2]), Number(m[1])), deadlineText: raw };
  m = CELL_DAY.exec(s);
  if (m) return { deadline: isoDate(Number(m[3]), Number(m[2]), Number(m[1])), deadlineText: raw };
  m = CELL_YEAR.exec(s);
  if (m) return { deadline: endOfYear(Number(m[1])), deadlineText: raw };
  if (/^\d{4}$/.test(s)) return { deadline: endOfYear(Number(s)), deadlineText: raw };
  m = CELL_PART_OF_YEAR.exec(s);
  if (m) {
    const months = monthsWord(m[1]!);
    const y = Number(m[3]);
    if (months !== null) {
      const end = m[2]!.toLowerCase() === "đầu" ? endOfMonth(y, months) : endOfYear(y);
      return { deadline: end, deadlineText: raw };
    }
  }
  if (CELL_PERIODIC.test(s)) return { deadline: null, deadlineText: raw };
  // A cell is all about time: its whole text says when ("Từ tháng 6 đến tháng 8/2026"), its phrase the last day.
  const phrases = findDeadlinePhrases(raw, year);
  if (phrases.length > 0) return { deadline: chooseDeadline(phrases).deadline, deadlineText: raw };
  return { deadline: null, deadlineText: raw };
}
