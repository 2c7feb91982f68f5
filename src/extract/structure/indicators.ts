// Quantitative facts (gold README §3): every number written with a unit — a measure ("9.003 tỷ đồng",
// "876 ha", "6,18%") or a counted noun ("125 đảng viên", "194 căn nhà") — with the percentages that
// qualify it attached: "đạt/bằng X% kế hoạch" → planPercent (vượt X% → 100 + X), "tăng/giảm X% (so cùng
// kỳ)" → changePercent (negative for a decrease). Dates, years, terms, document and item numbers,
// ordinals, durations and quoted numbers are not facts.
//
// Each paragraph is read left to right. The last quantity of the current clause (per bracket depth) is the
// one a following qualifier may attach to, provided nothing but a comma or "và" stands between them.
import type { Indicator, Located } from "../types.ts";
import { matchesOf } from "../matches.ts";
import { firstWordMayStartBody, matchNamedBodyAt } from "./bodies.ts";
import { quotedRanges } from "./deadlines.ts";
import { CaseInsensitiveWords, isDigitAt, isLetterOrMark, isSpace, isSpaceAt, LowerCaseWords, sameLowerCase, upperAfterSpaces } from "../chars.ts";
import { isCapitalized, tokenize } from "./tokens.ts";
import type { Para } from "./document.ts";
import { isDigits, parseVietnameseNumber } from "./numbers.ts";
import { CLASSIFIERS, correctUnit, countNounAt, isClassAfter, isDurationAfter, unitAfter, type UnitKind, type UnitMatch } from "./units.ts";

export type LocatedIndicator = Indicator & Located;

// A number: "9.003", "102,3", "1.175.889", "6.67", optionally "/Y" ("6/18", "1.293/1.150"). Not part of a
// word, a date ("02/10/2024"), a symbol ("84-TTr/TU") or a longer number.
const NUMBER = /(?<![\p{L}\p{M}\d.,/-])(\d{1,3}(?:\.\d{3}){1,5}(?:,\d{1,6})?|\d{1,12}(?:,\d{1,6})?|\d{1,3}\.\d{1,2})(?:\s?\/\s?(\d{1,3}(?:\.\d{3}){1,5}|\d{1,9}))?(?![\p{L}\p{M}\d]|[.,]\d|\/\d|-\p{L})/gu;
// "bằng cùng kỳ", "bằng so với cùng kỳ", "(tương đương so với năm 2023)": no change.
const NO_CHANGE = /(?<![\p{L}\p{M}])(?:bằng|tương đương)(?:\s{1,3}so)?(?:\s{1,3}với)?\s{1,3}(?:cùng kỳ|năm trước|năm \d{4})/giu;

const PLAN_WORDS = /^\s{0,3}(?:%\s{0,3})?(?:so\s{1,3}với\s{1,3})?(?:kế hoạch|KH|dự toán|chỉ tiêu|mục tiêu)(?![\p{L}\p{M}])/iu;
const SAME_PERIOD = /^\s{0,3}(?:%\s{0,3})?so\s{1,3}(?:với\s{1,3})?cùng kỳ/iu;
/**
 * Whether PLAN_WORDS or SAME_PERIOD may match `after`: the first character after white space and "%"
 * must start one of their words ("so", "kế hoạch", "KH", "dự toán", "chỉ tiêu", "mục tiêu"), in any case
 * ("ſ" and the Kelvin sign match "s" and "k" too). Most figures fail here and spare both patterns.
 */
function mayQualify(after: string): boolean {
  let i = 0;
  while (i < after.length && (after.charCodeAt(i) === 0x25 || isSpace(after.charCodeAt(i)))) i++;
  switch (after.charCodeAt(i) | 0x20) {
    case 0x73: // s
    case 0x6b: // k
    case 0x64: // d
    case 0x63: // c
    case 0x6d: // m
      return true;
  }
  const c = after.charCodeAt(i);
  return c === 0x17f || c === 0x212a;
}

const ROAD_OR_PLACE_BEFORE = /(?:^|\s)(?:tỉnh|huyện|lộ|đường|khu|cụm|cầu|kênh|đoạn|khóa|kỳ|tuyến|ấp|tổ|số nhà|nghiệp vụ)\s$/iu;

interface Quantity extends LocatedIndicator {
  kind: UnitKind;
  /** Bracket depth the quantity was written at. */
  depth: number;
  /** For an absolute change ("giảm 20 vụ"): the quantity it changes. */
  base: Quantity | null;
  /** Written as an absolute change ("tăng 01 giường bệnh/vạn dân"). */
  isChange: boolean;
  /** Offset of the number in its paragraph. */
  at: number;
  /** The words before the number its label was read from, shared by a coordinated quantity. */
  head: string;
  /** The noun phrase after a count, shared by a coordinated count before it. */
  tail: string;
}

interface Frame {
  current: Quantity | null;
  /** Offset in the paragraph where the current element (quantity or qualifier) ends. */
  lastEnd: number;
}

const CHANGE_VERBS = new CaseInsensitiveWords(["tăng", "giảm"]);

export function findIndicators(paras: readonly Para[], period: string | null): LocatedIndicator[] {
  const out: LocatedIndicator[] = [];
  for (const para of paras) {
    for (const q of quantitiesIn(para, period)) {
      // The indicator without the fields used while reading (built field by field: a rest pattern is slow).
      const { label, value, unit, planPercent, changePercent, period: p, text, span } = q;
      out.push({ label, value, unit, planPercent, changePercent, period: p, text, span });
    }
  }
  return out;
}

interface Event {
  at: number;
  end: number;
  /** The number, or null for a phrase saying there is no change ("bằng cùng kỳ"). */
  number: RegExpMatchArray | null;
}

// Whether NO_CHANGE may match: its words in any case (without its look-behind, a faster scan).
const NO_CHANGE_WORDS = /bằng|tương đương/i;

function quantitiesIn(para: Para, docPeriod: string | null): Quantity[] {
  const text = para.text;
  if (!/\d/.test(text)) return [];
  const quotes = quotedRanges(text);
  const events: Event[] = [];
  for (const m of matchesOf(text, NUMBER)) events.push({ at: m.index, end: m.index + m[0].length, number: m });
  if (NO_CHANGE_WORDS.test(text)) {
    const noChanges = matchesOf(text, NO_CHANGE);
    for (const m of noChanges) events.push({ at: m.index, end: m.index + m[0].length, number: null });
    if (noChanges.length > 0) events.sort((a, b) => a.at - b.at);
  }

  const out: Quantity[] = [];
  const frames: Frame[] = [];
  const depthAt = bracketDepths(text);
  const frame = (d: number): Frame => {
    while (frames.length <= d) frames.push({ current: null, lastEnd: 0 });
    return frames[d]!;
  };
  const period = periodOf(text, docPeriod);

  for (const ev of events) {
    const depth = depthAt(ev.at);
    const f = frame(depth);
    if (f.current && clauseBreak(text, f.lastEnd, ev.at)) f.current = null;
    if (ev.number === null) {
      const host = qualifierHost(text, frames, depth, ev.at + lastWordWithGap(text.slice(ev.at, ev.at + 12)).length, "change");
      const target = host === "drop" ? null : host ?? attachable(text, f, ev.at);
      if (target && target.changePercent === null) {
        target.changePercent = 0;
        f.lastEnd = phraseEnd(text, ev.end);
      }
      continue;
    }
    const m = ev.number;
    if (insideQuotes(quotes, ev.at)) continue;
    const raw = m[1]!;
    const value = parseVietnameseNumber(raw);
    if (value === null) continue;
    const before = text.slice(Math.max(0, ev.at - 120), ev.at);
    const after = text.slice(ev.end, ev.end + 90);
    const verb = lastWord(before);
    let unitHere: UnitMatch | null | undefined;
    const unitOf = () => (unitHere === undefined ? (unitHere = unitAfter(after)) : unitHere);
    if (isExcluded(raw, m[2] ?? null, before, after, unitOf, verb)) continue;
    unitHere = unitOf();

    const qualifies = mayQualify(after);
    const plan = qualifies && PLAN_WORDS.test(after);
    const same = qualifies && SAME_PERIOD.test(after);
    // "đạt 100,19 kế hoạch", "tăng 23,52 so cùng kỳ": a percentage written without "%".
    const bareQualifier = (plan || same) && /^(?:đạt|bằng|vượt|tăng|giảm)$/iu.test(verb) && !/^\s{0,2}%/.test(after);
    let unit = bareQualifier ? null : unitHere;
    // "03 cấp tỉnh, 01 cấp Nhà nước" (of "04 đề tài"): "cấp" names a level here, not a unit.
    if (unit && unit.unit.length === 3 && /^cấp$/iu.test(unit.unit) && /^\s{1,3}cấp\s{1,3}(?:tỉnh|huyện|xã|Nhà nước|Trung ương|cơ sở|thành phố|quốc gia)/iu.test(after)) unit = null;
    const percentLike = unit?.kind === "percent" || bareQualifier;
    const unitEnd = ev.end + (unit?.length ?? (/^\s{0,2}%/.exec(after)?.[0].length ?? 0));

    if (percentLike) {
      // "chưa đạt 30% kế hoạch vốn" states a shortfall: the percentage stands on its own.
      const negated = /(?:chưa|không)\s{1,3}(?:đạt|bằng|vượt)\s{1,3}(?:trên\s{1,3}|hơn\s{1,3})?$/iu.test(before.slice(-30));
      const role = negated ? "own" : percentRole(verb, plan, same);
      if (role !== "own") {
        const host = qualifierHost(text, frames, depth, ev.at, role);
        if (host === "drop") continue;
        if (host) {
          applyQualifier(host, role, value, verb);
          const hostFrame = frame(host.depth);
          hostFrame.lastEnd = phraseEnd(text, unitEnd);
          continue;
        }
      }
      const q = makeQuantity(para, text, ev.at, unitEnd, value, unit?.kind === "percent" ? unit.unit : "%", "percent", depth, period, verb, role, false, out, sentenceStartBefore(text, ev.at));
      out.push(q);
      f.current = q;
      f.lastEnd = phraseEnd(text, unitEnd);
      continue;
    }

    let unitText = unit ? correctUnit(unit.unit) : null;
    let kind: UnitKind = unit?.kind ?? "count";
    const inherited = !unitText;
    const owner = depth > 0 ? bracketOwner(text, frames, depth, ev.at) : null;
    if (!unitText) {
      // A breakdown in brackets of a count ("kỷ luật 02 tổ chức đảng (01 khiển trách; 01 cảnh cáo)") counts the same noun.
      if (!standsAlone(after) && !owner) continue;
      unitText = owner ? owner.unit : inheritedUnit(text, ev.at, out);
      kind = "count";
      if (!unitText) continue;
    }
    const sentenceStart = sentenceStartBefore(text, ev.at);
    const q = makeQuantity(para, text, ev.at, unitEnd, value, unitText, kind, depth, period, verb, "own", inherited, out, sentenceStart, owner);
    if (CHANGE_VERBS.has(verb)) {
      q.base = baseOf(q, out, sentenceStart);
      q.isChange = true;
      // "tăng 61 doanh nghiệp so cùng kỳ" of "230 doanh nghiệp tạm ngưng hoạt động": what the change is about.
      if (!headWords(text, ev.at, 4)) {
        const since = /^[^,;.]{0,40}?so\s(?:với\s)?cùng kỳ/iu.test(text.slice(unitEnd, unitEnd + 120).replace(/\([^()]{0,60}\)/g, "")) ? " so cùng kỳ" : "";
        const about = q.base
          ? q.base.label
          : kind === "count" && !RANK_UNITS.test(unitText)
            ? `${unitText} ${tailWords(text, unitEnd)}`
            : sentenceSubject(text, ev.at);
        if (about) q.label = dedupeWords(`${about} ${verb.toLowerCase()}${since}`);
      }
    }
    out.push(q);
    f.current = q;
    f.lastEnd = nounPhraseEnd(text, unitEnd);
  }
  shareCoordinatedTails(text, out);
  return out;
}

/** "khen thưởng cho 20 tập thể và 38 cá nhân có thành tích …": the description after the last applies to both. */
function shareCoordinatedTails(text: string, quantities: Quantity[]): void {
  for (let i = quantities.length - 2; i >= 0; i--) {
    const a = quantities[i]!;
    const b = quantities[i + 1]!;
    if (a.kind !== "count" || b.kind !== "count" || a.tail) continue;
    const aEnd = a.at + (a.span.end - a.span.start);
    const gap = text.slice(aEnd, b.at);
    const tail = b.tail;
    if (tail && /^\s{1,3}và\s{1,3}$/u.test(gap)) {
      a.label = dedupeWords(`${a.label} ${tail}`);
      a.tail = tail;
    }
  }
}

// ---------------------------------------------------------------------------
// Looking back is bounded: a sentence longer than this is read from the window's start. This keeps the
// work per figure constant on any input (one endless line, megabytes of figures).

const WINDOW = 400;

/** Where the sentence (or clause, with `alsoSemicolon`) holding `at` starts, looking back at most WINDOW characters. */
function sentenceStartBefore(text: string, at: number, alsoSemicolon = true, alsoColon = false): number {
  const floor = Math.max(0, at - WINDOW);
  for (let i = at - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if ((alsoSemicolon && c === 0x3b) || (alsoColon && c === 0x3a)) return i + 1;
    if ((c === 0x2e || c === 0x21 || c === 0x3f) && isSpaceAt(text, i + 1) && !isDigitAt(text, i - 1)) return i + 1;
  }
  return floor;
}

// ---------------------------------------------------------------------------
// What is not a fact

const ORDINAL_WORDS = new Set(["thứ", "lần"]);
const YEAR_BEFORE_WORDS = new Set(["năm", "khóa", "kỳ", "đoạn", "vụ"]);
const NAMED_BODY_LAST_WORDS = new Set(["đạo", "khu", "đoàn", "đội", "vực", "sở"]);
const PLACE_LAST_WORDS = new Set(["tỉnh", "huyện", "lộ", "đường", "khu", "cụm", "cầu", "kênh", "đoạn", "khóa", "kỳ", "tuyến", "ấp", "tổ", "nhà", "vụ"]);
/** The words before a number that the exclusions look for: a word's lower case is only compared with these. */
const WORDS_BEFORE_NUMBERS = new LowerCaseWords([...ORDINAL_WORDS, ...YEAR_BEFORE_WORDS, ...NAMED_BODY_LAST_WORDS, ...PLACE_LAST_WORDS, "số"]);

/**
 * Whether the number is not a fact: a year, a date, a term, an ordinal, part of a name, a duration.
 * The tests that need no unit are made first, so that the unit is read only when they fail.
 * `verb` is `lastWord(longBefore)`, which is also the last word of the last 48 characters.
 */
function isExcluded(raw: string, denominator: string | null, longBefore: string, after: string, unitOf: () => UnitMatch | null, verb: string): boolean {
  const before = longBefore.slice(-48);
  const plain = isDigits(raw);
  // The word right before the number decides most cases; regular expressions run only when it may matter.
  const spaced = before.endsWith(" ");
  const last = spaced ? (WORDS_BEFORE_NUMBERS.find(verb, 0, verb.length) ?? OTHER_WORD) : "";
  const year = plain && raw.length === 4 && !denominator;
  // Terms: "nhiệm kỳ 2020", "khóa 2025"; ranges: "2020 - 2025", "(1973 - 2024)".
  if (year && YEAR_BEFORE_WORDS.has(last)) return true;
  if ((before.includes("-") && /\d\s{0,2}-\s{0,2}$/.test(before)) || (dashWithin3(after) && /^\s{0,2}-\s{0,2}\d/.test(after))) return true;
  // Numbered bodies and events: "Ban Chỉ đạo 35 tỉnh", "Thuế cơ sở 5 tỉnh Đồng Tháp", "Chiến thắng 75 lượt Tiểu đoàn".
  if (NAMED_BODY_LAST_WORDS.has(last) && /(?:Ban Chỉ đạo|Quân khu|Sư đoàn|Trung đoàn|Tiểu đoàn|Đại đội|Khu vực|Thuế cơ sở)\s$/u.test(before)) return true;
  // Ordinals and numbered names: "thứ 15", "lần 2", "chỉ tiêu số 02", "Cầu Rạch Miễu 2", "Giải 3", "giai đoạn 1".
  if (ORDINAL_WORDS.has(last)) return true;
  if (last === "số" && !/(?:tổng|với tổng)\s+số\s$/iu.test(before)) return true;
  // List markers "(1)", "(2)".
  if (before.endsWith("(") && after.startsWith(")")) return true;
  const unit = unitOf();
  // Years: "năm 2024".
  if (year) {
    const n = Number(raw);
    if (n >= 1900 && n <= 2100 && (!unit || unit.kind === "percent")) return true;
  }
  // Day/month: "đợt 3/2, 19/5", "(27/7)".
  if (denominator && !unit && /^\d{1,2}$/.test(denominator) && Number(raw) <= 31 && Number(denominator) <= 12 && plain) return true;
  // A capitalised word before the number and after its unit ("Cầu Rạch Miễu 2 Đảng …"): a name. The capital
  // of the paragraph's first word ("Trao tặng 3.275 Huy hiệu Đảng") is not one.
  const nameBefore = longBefore.length === before.length ? NAME_WORDS_INSIDE : NAME_WORDS;
  if (spaced && unit && upperAfterSpaces(after, unit.length, 3) && nameBefore.test(before)) return true;
  if (!unit && spaced && isCapitalized(verb) && /(?:^|[^.;:!?\s]\s)\p{Lu}[\p{L}\p{M}]*\s$/u.test(before)) return true;
  if (!unit && PLACE_LAST_WORDS.has(last) && ROAD_OR_PLACE_BEFORE.test(before)) return true;
  // Durations and anniversaries: "05 năm", "chưa đủ 06 tháng", "80 năm Ngày thành lập"; classes: "4 sao".
  if (!unit && (isDurationAfter(after) || isClassAfter(after))) return true;
  // "bệnh viện đa khoa 1.000 giường" names a hospital.
  if (unit?.unit === "giường" && /bệnh viện[\p{L}\p{M} ]{0,24}$/iu.test(before)) return true;
  return false;
}

/** A capitalised word (and a lower-case one) ending the text before a number, after a word of its sentence… */
const NAME_WORDS_SOURCE = String.raw`\p{Lu}[\p{L}\p{M}]*(?:\s\p{Ll}[\p{L}\p{M}]*)?\s$`;
const NAME_WORDS_INSIDE = new RegExp(`[^.;:!?\\s]\\s${NAME_WORDS_SOURCE}`, "u");
/** … or at the start of the window looked back at. */
const NAME_WORDS = new RegExp(`(?:^|[^.;:!?\\s]\\s)${NAME_WORDS_SOURCE}`, "u");

/** A "-" among the first three characters: /^\s{0,2}-/ cannot match without one. */
function dashWithin3(s: string): boolean {
  return s.charCodeAt(0) === 0x2d || s.charCodeAt(1) === 0x2d || s.charCodeAt(2) === 0x2d;
}

/** Whether `at` lies inside one of the sorted, disjoint ranges (binary search). */
function insideQuotes(ranges: Array<{ start: number; end: number }>, at: number): boolean {
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

/** A number written without a unit stands alone: followed by a comma, semicolon, bracket, "và" or the end. */
function standsAlone(after: string): boolean {
  return /^\s{0,2}(?:[,;()]|\.(?!\d)|$|\s(?:và|so|trong)\s)/u.test(after);
}

// ---------------------------------------------------------------------------
// Qualifiers

type Role = "plan" | "planOver" | "change" | "ratio" | "own";

function percentRole(verb: string, plan: boolean, same: boolean): Role {
  const v = verb.toLowerCase();
  if ((v === "đạt" || v === "bằng") && plan) return "plan";
  if (v === "vượt" && plan) return "planOver";
  if (v === "bằng" && same) return "ratio";
  if (v === "tăng" || v === "giảm") return "change";
  return "own";
}

function applyQualifier(q: Quantity, role: Role, value: number, verb: string): void {
  if (role === "plan") q.planPercent = value;
  else if (role === "planOver") q.planPercent = round(100 + value);
  else if (role === "ratio") q.changePercent = round(value - 100);
  else if (role === "change") q.changePercent = verb.toLowerCase() === "giảm" ? -value : value;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * The quantity a qualifier attaches to: the current one of the clause when only a comma or "và" stands
 * between them; for a bracketed change after an absolute change ("giảm 20 vụ (giảm 4,1%)"), the quantity
 * that change is about. "drop" when that quantity already has a qualifier of this kind.
 */
function qualifierHost(text: string, frames: Frame[], depth: number, at: number, role: Role): Quantity | "drop" | null {
  const verbStart = at - lastWordWithGap(text.slice(Math.max(0, at - 40), at)).length;
  const f = frames[depth];
  let host: Quantity | null = f ? attachable(text, f, verbStart) : null;
  let bracketed = false;
  if (!host && depth > 0 && /\(\s{0,2}$/.test(text.slice(Math.max(0, verbStart - 3), verbStart))) {
    host = bracketOwner(text, frames, depth, verbStart);
    bracketed = host !== null;
  }
  if (!host) return null;
  if (host.isChange) {
    // After an absolute change only a bracketed percentage qualifies, and it is about the base quantity.
    if (!bracketed || !(role === "change" || role === "ratio")) return null;
    return host.base && host.base.changePercent === null ? host.base : "drop";
  }
  if (role === "change" || role === "ratio") return host.changePercent === null ? host : "drop";
  return host.planPercent === null ? host : "drop";
}

function attachable(text: string, f: Frame, at: number): Quantity | null {
  if (!f.current || at - f.lastEnd > WINDOW) return null;
  const between = text.slice(f.lastEnd, at);
  // Only a comma, "và", or a remark in brackets ("(kế hoạch là 88,84 triệu đồng)") may stand between.
  return /^[\s,]*(?:\([^()]{0,200}\)[\s,]*)?(?:(?:và|đồng thời|,)\s{0,3})?$/u.test(between) ? f.current : null;
}

/** The quantity written right before the bracket that `at` is in: "163 đảng viên (tăng 40 …)". */
function bracketOwner(text: string, frames: Frame[], depth: number, at: number): Quantity | null {
  const outer = frames[depth - 1];
  if (!outer?.current || at - outer.lastEnd > WINDOW) return null;
  const open = text.lastIndexOf("(", at);
  if (open < outer.lastEnd) return null;
  return /^\s{0,2}$/.test(text.slice(outer.lastEnd, open)) ? outer.current : null;
}

/** A sentence end, ";" or ":" between two offsets ends the clause. */
function clauseBreak(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  if (to - from > WINDOW) return true;
  return /[;:]|\.(?!\d)|\n/.test(text.slice(from, to));
}

/** Where a qualifier's phrase ends: at the next comma, semicolon, bracket or sentence end. */
function phraseEnd(text: string, from: number): number {
  const rest = text.slice(from, from + 160);
  const m = /[,;()]|\.(?!\d)|\s(?:và|đồng thời)\s/.exec(rest);
  return from + (m ? m.index : rest.length);
}

/** Where a quantity's noun phrase ends: at punctuation or before the next number. */
function nounPhraseEnd(text: string, from: number): number {
  const rest = text.slice(from, from + 160);
  const m = /[,;()]|\.(?!\d)|\s(?=\d)|\s(?:và|đạt|tăng|giảm|vượt|bằng|chiếm)\s/.exec(rest);
  return from + (m ? m.index : rest.length);
}

// ---------------------------------------------------------------------------
// Units for numbers written without one

// "số …", "tổng số …" (not "số lượng"), which name what the numbers after them count.
const NUMBER_OF = /(?<![\p{L}\p{M}])(?:tổng\s)?số\s(?!lượng)/giu;

/** "số vụ giảm 16", "Số tổ chức cơ sở đảng … có 77/505": the noun after "số" earlier in the sentence; else the unit of the previous count of the sentence. */
function inheritedUnit(text: string, at: number, previous: Quantity[]): string | null {
  const sentenceStart = sentenceStartBefore(text, at, false);
  const sentence = text.slice(sentenceStart, at);
  const numberWords = matchesOf(sentence, NUMBER_OF);
  const last = numberWords[numberWords.length - 1];
  if (last) {
    const noun = countNounAt(sentence.slice(last.index + last[0].length));
    if (noun) return noun.toLowerCase() === noun ? noun : noun;
  }
  for (let i = previous.length - 1; i >= 0; i--) {
    const q = previous[i]!;
    const local = q.at;
    if (local < sentenceStart) break;
    if (q.kind !== "count") continue;
    return q.unit;
  }
  return null;
}

/**
 * The quantity an absolute change ("giảm 20 vụ", "số người chết giảm 33") is about: same unit, best label.
 * `sentenceStart` is `sentenceStartBefore(text, at)` of the change.
 */
function baseOf(change: Quantity, previous: Quantity[], sentenceStart: number): Quantity | null {
  let best: Quantity | null = null;
  let bestScore = -1;
  const words = new Set(change.label.toLowerCase().split(/\s+/));
  for (let i = previous.length - 1; i >= 0; i--) {
    const q = previous[i]!;
    const local = q.at;
    if (local < sentenceStart) break;
    if (q.unit.toLowerCase() !== change.unit.toLowerCase() || q.base || q.isChange) continue;
    let score = 0;
    for (const w of q.label.toLowerCase().split(/\s+/)) if (words.has(w)) score++;
    if (score > bestScore) {
      best = q;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Building one indicator

function makeQuantity(
  para: Para,
  text: string,
  at: number,
  unitEnd: number,
  value: number,
  unit: string,
  kind: UnitKind,
  depth: number,
  period: string | null,
  verb: string,
  role: Role,
  inherited: boolean,
  previous: readonly Quantity[],
  /** `sentenceStartBefore(text, at)`. */
  sentenceStart: number,
  owner: Quantity | null = null,
): Quantity {
  const headOut = { value: "" };
  const tailOut = { value: "" };
  const q: Quantity = {
    label: labelOf({ text, at, unitEnd, unit, kind, verb, role, inherited, previous, headOut, tailOut, owner, sentenceStart }),
    value,
    unit,
    planPercent: null,
    changePercent: null,
    period,
    text: clauseAround(text, at, sentenceStart),
    span: { start: para.start + at, end: para.start + unitEnd },
    kind,
    depth,
    base: null,
    isChange: false,
    at,
    head: headOut.value,
    tail: tailOut.value,
  };
  return q;
}

/** One of “ ” " , ; : ( ), which end the noun phrase after a figure. */
function isTailEnd(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0x22 || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29;
}
/** Words that end the stretch a label is read from ("… với tổng thiệt hại 3,6 tỷ đồng" → "tổng thiệt hại"). */
const TAIL_STOPS = new CaseInsensitiveWords(["và", "so", "với", "đối", "trong", "cho", "theo", "tại", "để", "là", "gồm", "trên", "ước", "nhưng", "do", "khi", "đã", "nâng"]);
/** Verbs of a qualifier end a noun phrase only when a figure follows them ("27 đảng viên mới, đạt 54%"). */
const TAIL_QUALIFIERS = new CaseInsensitiveWords(["đạt", "tăng", "giảm", "vượt", "bằng", "chiếm"]);
/** "10 năm", "4 sao", "80 tuổi" name something: the number stays in the phrase. */
const NAME_NUMBER_WORDS = new CaseInsensitiveWords(["năm", "sao", "tuổi"]);
/** "về số …", "về việc …", "về tiền …" says what a percentage is of. */
const ABOUT = new CaseInsensitiveWords(["về"]);
const ABOUT_WHAT = new CaseInsensitiveWords(["số", "việc", "tiền"]);
const RANK_UNITS = /^(?:bậc|hạng)$/iu;
/** A quantity joined to the one before it ("kiểm tra 3.621 đảng viên và 831 tổ chức đảng") shares its head. */
//   /\d[^,;:()]{0,60}(?:,|\svà)\s{1,3}$/u, read back from the end by `coordinated`.
function coordinated(s: string): boolean {
  let i = s.length;
  let spaces = 0;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) {
    i--;
    spaces++;
  }
  // The connector ends right before the last one to three spaces.
  if (spaces < 1 || spaces > 3) return false;
  if (s.charCodeAt(i - 1) === 0x2c) i -= 1; // ","
  else if (s.charCodeAt(i - 1) === 0xe0 && s.charCodeAt(i - 2) === 0x76 && isSpaceAt(s, i - 3)) {
    i -= 3; // " và", or ", và"
    if (s.charCodeAt(i - 1) === 0x2c) i -= 1;
  } else return false;
  // Then a digit, with at most 60 characters (code points) other than , ; : ( ) between; a comma between
  // digits is a decimal one, part of a qualifier's figure ("…, tăng 8,4% so cùng kỳ và 2.315 đảng viên").
  for (let n = 0; n <= 60 && i > 0; n++) {
    const c = s.charCodeAt(i - 1);
    if (c >= 0x30 && c <= 0x39) return true;
    if (c === 0x2c && isDigitAt(s, i) && isDigitAt(s, i - 2)) {
      i--;
      continue;
    }
    if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29) return false;
    const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff;
    i -= pair ? 2 : 1;
  }
  return false;
}
const SHARE_BEFORE = /(?:chiếm|đạt|còn)(?:\s{1,3}tỷ lệ)?\s{1,3}$/iu;

interface LabelContext {
  text: string;
  at: number;
  unitEnd: number;
  unit: string;
  kind: UnitKind;
  verb: string;
  role: Role;
  inherited: boolean;
  previous: readonly Quantity[];
  headOut: { value: string };
  tailOut: { value: string };
  /** The quantity right before the bracket this one stands in, if any. */
  owner: Quantity | null;
  /** `sentenceStartBefore(text, at)`. */
  sentenceStart: number;
}

/** /p\s{1,3}$/i could match `text` up to `at`: the cheap part of the test for "thành lập" before a count. */
function endsWithPAndSpaces(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && at - i <= 3 && isSpace(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return i < at - 1 && (c === 0x70 || c === 0x50);
}

/** What is measured: the words before the number in its clause and the noun phrase after it, in the paper's words. */
function labelOf(c: LabelContext): string {
  const { text, at, unitEnd, kind, verb } = c;
  const direction = CHANGE_VERBS.has(verb) ? verb.toLowerCase() : "";
  const [from, to] = headStretch(text, at);
  const stretch = text.slice(from, to);
  const picked = headPicked(wordListIn(text, from, to));
  // A head of at most three words is the same read with either bound: the body test is then spared.
  let head = headWordsFrom(picked, kind === "count" && !c.inherited && (atMostWords(picked, 3) || !startsWithBody(stretch)) ? 3 : 9);
  // A breakdown in brackets ("04 đề tài (03 cấp tỉnh, …)", "(kế hoạch là 88,84 triệu đồng)") is read with what it breaks down.
  if (c.owner && (c.inherited ? !head : wordCount(head) <= 2 && c.owner.unit === c.unit)) {
    const words = c.inherited ? tailWords(text, unitEnd) : "";
    const label = dedupeWords([head, c.owner.label, words].filter(Boolean).join(" "));
    c.headOut.value = head;
    return label;
  }
  // "Ban Thường vụ Tỉnh ủy thành lập 14 đoàn kiểm tra": the bodies set up belong to the subject.
  const setUpBy = kind === "count" && endsWithPAndSpaces(text, at) && /(?:^|\s)thành lập\s{1,3}$/iu.test(text.slice(Math.max(0, at - 20), at)) ? clauseBody(text, at, c.sentenceStart) : null;
  const prevQ = previousInSentence(at, c.previous, c.sentenceStart);
  if (prevQ && prevQ.kind !== "percent" && coordinated(text.slice(Math.max(0, at - 80), at)) && (!head || /\d/.test(stretch))) {
    head = prevQ.head;
  }
  // "xử phạt 14 cơ sở với số tiền 1.286 triệu đồng": the sum is the money of what was just counted.
  if (kind === "measure" && prevQ && prevQ.kind === "count" && MONEY_HEADS.test(head)) {
    const before = text.slice(Math.max(0, at - 40), at);
    const withAt = /(?:^|\s)với\s{1,3}$/iu.exec(before.replace(MONEY_WORDS_AT_END, ""));
    if (withAt) {
      // The verb of the count, its noun, and the first words of what follows the noun up to "với".
      const end = at - before.length + withAt.index;
      const counted = text.slice(prevQ.at, end);
      const unitAt = counted.toLowerCase().indexOf(prevQ.unit.toLowerCase());
      const after = unitAt < 0 ? "" : counted.slice(unitAt + prevQ.unit.length).trim().split(/\s+/).slice(0, 5).join(" ");
      head = [head, headWords(text, prevQ.at, 6), prevQ.unit, after].filter(Boolean).join(" ");
    }
  }
  // Counts name their noun: "125 đảng viên" → "đảng viên …"; a classifier gives way to its noun ("194 căn nhà" → "nhà").
  const countNoun = kind === "count" && !c.inherited ? c.unit : "";
  let nounPhrase = tailWords(text, unitEnd, kind !== "percent");
  // "100% cán bộ, công chức được cấp tài khoản …", "1.942 hộ kinh doanh đã sử dụng …": a figure opening its
  // clause is the subject of what follows, which says what is counted.
  let clauseOpening = false;
  const existential = endsWithOAcuteAndSpaces(stretch) && EXISTENTIAL.test(stretch);
  if ((!head || existential) && !c.inherited && !c.owner && !direction && (kind === "count" || kind === "percent") && (existential || opensClause(stretch))) {
    const rest = clauseRest(text, unitEnd);
    if (rest && wordCount(rest) > wordCount(nounPhrase)) {
      nounPhrase = rest;
      clauseOpening = true;
      head = "";
    }
  }
  const tail = countNoun && nounPhrase ? `${countNoun} ${nounPhrase}` : countNoun || nounPhrase;
  if (!head && !clauseOpening) {
    const prev = prevQ;
    if (kind === "percent" && SHARE_BEFORE.test(text.slice(Math.max(0, at - 30), at)) && prev) head = `tỷ lệ ${prev.label.replace(/^(?:tổng số|số)\s/iu, "")}`;
    else if (kind === "percent" && /^về\s/iu.test(text.slice(unitEnd).trim()) && prev) head = prev.label;
    else if (kind === "percent" && bracketedAlone(text, at, unitEnd)) head = headWords(text, at - 1, 9);
    else if (kind === "percent") head = sentenceSubject(text, at, true);
    else if (!tail && kind === "measure") head = c.unit;
    else if (!tail) head = sentenceSubject(text, at);
  }
  if (setUpBy) {
    c.headOut.value = head;
    return dedupeWords(`${tail} của ${setUpBy}`);
  }
  const parts = [head];
  if (c.inherited) parts.push(c.unit);
  else if (kind === "count" && tail) parts.push(tail);
  // A sum named only as money ("số tiền 12,6 tỷ đồng hỗ trợ …") is said by what follows it.
  else if (kind === "measure" && tail && (!head || wordCount(tail) <= 3 || MONEY_HEAD_END.test(head))) parts.push(tail);
  else if (kind === "percent" && tail && (!head || /^\s{0,2}%\s{1,3}\p{Ll}/u.test(text.slice(at + 1, at + 40).replace(/^[\d.,]+/, "")))) parts.push(tail);
  if (direction && c.role !== "plan") parts.push(direction);
  // "tỷ lệ giải ngân vốn đạt 100% kế hoạch" with nothing to qualify: the words stay in the label.
  if ((c.role === "plan" || c.role === "planOver") && kind === "percent") parts.push(`${c.role === "plan" ? "đạt" : "vượt"} kế hoạch`);
  const label = dedupeWords(parts.filter(Boolean).join(" "));
  c.headOut.value = head;
  c.tailOut.value = kind === "count" ? nounPhrase : "";
  return label || c.unit;
}

/** "thấp hơn mức bình quân chung của tỉnh (41,5%)": the figure alone in brackets gives the value of what stands before. */
function bracketedAlone(text: string, at: number, unitEnd: number): boolean {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) === 0x20) i--;
  if (text.charCodeAt(i) !== 0x28) return false;
  let j = unitEnd;
  while (j < text.length && text.charCodeAt(j) === 0x20) j++;
  return text.charCodeAt(j) === 0x29;
}

/** A sum named only as money ("số tiền", "tổng kinh phí"), which says nothing of what it was spent on. */
const MONEY_WORDS = "(?:số tiền|kinh phí|số vốn|số kinh phí)";
const MONEY_HEADS = new RegExp(`^(?:tổng\\s)?${MONEY_WORDS}$`, "iu");
/** A head ending with money words ("chuyển số tiền"): the words after the sum say what it is for. */
const MONEY_HEAD_END = new RegExp(`(?:^|\\s)(?:tổng\\s)?${MONEY_WORDS}$`, "iu");
/** The money words before a sum, with an approximation ("với tổng kinh phí gần 112 tỷ đồng"). */
const MONEY_WORDS_AT_END = new RegExp(`(?:tổng\\s{1,3})?${MONEY_WORDS}(?:\\s{1,3}(?:trên|gần|khoảng|hơn))?\\s{0,3}$`, "iu");

/** Words before a figure that still leave it opening its clause ("Có 230 doanh nghiệp", "Trên 90% hộ"). */
const CLAUSE_OPENERS = /^\s*(?:(?:có|trên|dưới|khoảng|gần|hơn|còn|ít nhất|tối thiểu)\s+)?$/iu;

/** "… phấn đấu đến năm 2027 có 100% xã, phường được …": what follows "có" is what is counted. */
const EXISTENTIAL = /(?:^|\s)có\s{1,3}$/iu;

/** "ó" or "Ó" and one to three white space characters end `s`: the cheap part of EXISTENTIAL, which reads all of `s`. */
function endsWithOAcuteAndSpaces(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && s.length - i <= 3 && isSpace(s.charCodeAt(i))) i--;
  const c = s.charCodeAt(i);
  return i < s.length - 1 && (c === 0xf3 || c === 0xd3);
}

function opensClause(stretch: string): boolean {
  return stretch.length <= 12 && CLAUSE_OPENERS.test(stretch);
}

/** `s.split(" ").length`, 0 for "": counted without making the words. */
function wordCount(s: string): number {
  if (!s) return 0;
  let n = 1;
  for (let i = s.indexOf(" "); i >= 0; i = s.indexOf(" ", i + 1)) n++;
  return n;
}

const MAX_REST_WORDS = 18;
/** Words that do not end a subject's rest: a trailing link before the next figure is dropped. */
const TRAILING_LINKS = /(?:^|\s+)(?:và|với|gồm|có|trong đó|của)$/iu;

/**
 * The rest of the clause after a figure opening it: up to . ; : ( ) or quotes, a comma before a qualifier
 * or a figure (", đạt 74,1%", ", 05 Đề án"), "so" (so với / so cùng kỳ), or the next figure.
 */
function clauseRest(text: string, from: number): string {
  const limit = Math.min(text.length, from + 200);
  let end = from;
  let words = 0;
  for (; end < limit; end++) {
    const c = text.charCodeAt(end);
    if (c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x201c || c === 0x201d || c === 0x22) break;
    if (c === 0x2e && !isDigitAt(text, end + 1)) break;
    if (c === 0x20) {
      words++;
      if (words > MAX_REST_WORDS || isDigitAt(text, end + 1)) break;
      if (/^so\s/iu.test(text.slice(end + 1, end + 4))) break;
    }
    if (c === 0x2c) {
      const next = /^,\s*([\p{L}\p{M}\d]+)/u.exec(text.slice(end, end + 20))?.[1] ?? "";
      // ", trong đó …" opens a breakdown, not more of the subject.
      if (!next || /^\d/.test(next) || TAIL_QUALIFIERS.has(next) || /^trong$/iu.test(next)) break;
    }
  }
  return text.slice(from, end).trim().replace(TRAILING_LINKS, "").replace(/[,\s]+$/u, "");
}

/** "tăng tăng" → "tăng": the words of `s` (split on white space), without a repeat of the word before. */
function dedupeWords(s: string): string {
  if (isDedupedAlready(s)) return s;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < s.length; ) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    if (i >= s.length) break;
    starts.push(i);
    while (i < s.length && !isSpace(s.charCodeAt(i))) i++;
    ends.push(i);
  }
  const grows = hasDottedCapitalI(s, 0, s.length);
  const repeats = (k: number) => sameWord(s, starts[k - 1]!, ends[k - 1]!, starts[k]!, ends[k]!, grows);
  const kept: string[] = [];
  for (let k = 0; k < starts.length; k++) if (k === 0 || !repeats(k)) kept.push(s.slice(starts[k], ends[k]));
  return kept.join(" ");
}

/**
 * `sameLowerCase` of two words of `s`. "İ" is the one letter whose lower case is longer: when neither word
 * holds one (`grows` is false), words of different lengths differ, which is told without the slices
 * sameLowerCase makes to look for it.
 */
function sameWord(s: string, aStart: number, aEnd: number, bStart: number, bEnd: number, grows: boolean): boolean {
  if (aEnd - aStart !== bEnd - bStart && !grows) return false;
  return sameLowerCase(s, aStart, aEnd, bStart, bEnd);
}

function hasDottedCapitalI(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === 0x130) return true;
  return false;
}

/** Usually nothing repeats and the words stand one space apart: then `s` is what dedupeWords gives. */
function isDedupedAlready(s: string): boolean {
  const n = s.length;
  if (n === 0 || isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1))) return false;
  let previousStart = -1;
  let start = 0;
  // Whether the word before and the current one hold an "İ", noted in the same pass (see sameWord).
  let previousDotted = false;
  let dotted = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 0x20;
    if (!isSpace(c)) {
      if (c === 0x130) dotted = true;
      continue;
    }
    // A word [start, i): the white space after it must be one plain space.
    if (i < n && (c !== 0x20 || isSpace(s.charCodeAt(i + 1)))) return false;
    if (previousStart >= 0 && sameWord(s, previousStart, start - 1, start, i, previousDotted || dotted)) return false;
    previousStart = start;
    previousDotted = dotted;
    dotted = false;
    start = i + 1;
  }
  return true;
}

/** A label before a colon that is a number or a time, or holds a figure of its own ("Năm 2023", "đạt 98%", "gồm 12"). */
const TIME_LABEL = /^\s*(?:\d|(?:năm|quý|tháng|ngày|đợt|giai đoạn)\s+\d)|\d[\d.,]*\s*%|\d\s*$/iu;

/** Where the words a label's head is read from lie: `[from, to)` in `text`, before `at`. */
function headStretch(text: string, at: number): [number, number] {
  const base = Math.max(0, at - 200);
  const before = text.slice(base, at);
  const colonAt = endsWithColon(before) ? before.lastIndexOf(":") : -1;
  if (colonAt >= 0) {
    const from = Math.max(before.lastIndexOf(";", colonAt), before.lastIndexOf("(", colonAt), before.lastIndexOf(".", colonAt), colonAt - 160) + 1;
    const label = before.slice(from, colonAt);
    // "Năm 2023: …", "Quý II: …" name a time, not what is measured; "Huy hiệu 80 năm tuổi Đảng: 6" does.
    return TIME_LABEL.test(label) ? [at, at] : [base + from, base + colonAt];
  }
  const cut = clauseCut(before);
  if (cut > 0 && before.charCodeAt(cut) === 0x2c && isNounListTail(before, cut + 1)) {
    // "Kim ngạch xuất khẩu nông, thủy sản ước đạt …", "chất thải … được thu gom, xử lý đạt …": the comma
    // joins two words of one phrase that opens the sentence, not two clauses.
    const earlier = clauseCut(before.slice(0, cut));
    const opening = before.slice(earlier + 1, cut);
    const startsSentence = earlier < 0 || before.charCodeAt(earlier) === 0x2e;
    if (startsSentence && !/\d/.test(opening) && opening.trim().split(/\s+/).length >= 3) return [base + earlier + 1, at];
  }
  return [base + cut + 1, at];
}

/** Words that may stand between the last noun of a list and its figure. */
const LIST_VERBS = new CaseInsensitiveWords(["ước", "đạt", "là", "có"]);

/**
 * At most two words before the verb of the figure ("thủy sản ước đạt", "xử lý đạt"), in `s` from `from`:
 * its words split on white space, read back from the end (at most the verbs and three more words).
 */
function isNounListTail(s: string, from: number): boolean {
  let i = s.length;
  let verbs = 0;
  let others = 0;
  for (;;) {
    while (i > from && isSpace(s.charCodeAt(i - 1))) i--;
    if (i <= from) break;
    const end = i;
    while (i > from && !isSpace(s.charCodeAt(i - 1))) i--;
    if (others === 0 && LIST_VERBS.hasAt(s, i, end)) verbs++;
    else if (++others > 2) return false;
  }
  return others >= 1 && verbs >= 1;
}

/** `/:\s{0,2}$/.test(s.slice(-3))`: a colon and at most two white space characters end `s`. */
function endsWithColon(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && s.length - 1 - i < 2 && isSpace(s.charCodeAt(i))) i--;
  return s.charCodeAt(i) === 0x3a;
}

/** The words of the clause before the number, without function words, at most `max`. */
function headWords(text: string, at: number, max: number): string {
  const [from, to] = headStretch(text, at);
  return headWordsFrom(headPicked(wordListIn(text, from, to)), max);
}

/**
 * A label's words, by their places in `text`, with their lower case when it is one of LABEL_WORDS (the
 * words the rules below look for) and OTHER_WORD otherwise: the rules only compare lower cases with those
 * words, and no word is copied out of the text unless it ends up in the label.
 */
interface WordList {
  text: string;
  starts: number[];
  ends: number[];
  lowers: string[];
}

/** The lower case of a word that is none of LABEL_WORDS (a word is never empty). */
const OTHER_WORD = "";
/** … and of a word holding a digit, which the rules tell apart (no word of LABEL_WORDS holds one). */
const DIGIT_WORD = "0";

/** The words of `s` split on single spaces (empty ones left out). */
function wordList(s: string): WordList {
  return wordListIn(s, 0, s.length);
}

/** The words of `text.slice(start, end)` split on single spaces (empty ones left out). */
function wordListIn(text: string, start: number, end: number): WordList {
  const list: WordList = { text, starts: [], ends: [], lowers: [] };
  // Label stretches are short: a loop over their characters beats calls to indexOf.
  let from = start;
  let digit = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0x20;
    if (c !== 0x20) {
      if (c >= 0x30 && c <= 0x39) digit = true;
      continue;
    }
    if (i > from) {
      list.starts.push(from);
      list.ends.push(i);
      list.lowers.push(digit ? DIGIT_WORD : (LABEL_WORDS.find(text, from, i) ?? OTHER_WORD));
    }
    from = i + 1;
    digit = false;
  }
  return list;
}

/**
 * Some words of a WordList, by their indices. The steps that narrow a label's words (function words off
 * both ends, the last few words) only move the bounds of a range over these indices.
 */
interface Picked {
  all: WordList;
  idx: number[];
}

function lowerAt(p: Picked, k: number): string {
  return p.all.lowers[p.idx[k]!]!;
}

/** The picked words in `[from, to)` as written, one space apart. */
function joinWords(p: Picked, from: number, to: number): string {
  let out = "";
  const { text, starts, ends } = p.all;
  for (let k = from; k < to; k++) out += (k > from ? " " : "") + text.slice(starts[p.idx[k]!], ends[p.idx[k]!]);
  return out;
}

/** `/\d/.test(word)` of the i-th word. */
function hasDigitAt(list: WordList, i: number): boolean {
  return list.lowers[i] === DIGIT_WORD;
}

/** The words of a label's head in `all`: after the last cutting word, without time, places and function words. */
function headPicked(all: WordList): HeadWords {
  const n = all.starts.length;
  const lowers = all.lowers;
  // "… với tổng thiệt hại": the label starts after the last cutting word.
  let first = 0;
  for (let i = n - 1; i >= 0; i--) {
    const w = lowers[i]!;
    const two = i + 1 < n && CUT_PAIR_FIRST.has(w) ? `${w} ${lowers[i + 1]!}` : "";
    if ((w === "với" && lowers[i - 1] !== "đối" && lowers[i - 1] !== "so") || CUT_WORDS.has(w) || CUT_PAIRS.has(two)) {
      first = i + (CUT_PAIRS.has(two) ? 2 : 1);
      break;
    }
  }
  const kept: number[] = [];
  for (let i = first; i < n; i++) {
    const lower = lowers[i]!;
    // "đến hết quý II", "trong tháng 6": time, not what is measured.
    if (TIME_PREPOSITIONS.has(lower) && i + 1 < n && TIME_WORDS.has(lowers[i + 1]!)) {
      i += 2;
      continue;
    }
    if (lower === "đến" && lowers[i + 1] === "hết" && i + 2 < n && TIME_WORDS.has(lowers[i + 2]!)) {
      i += 3;
      continue;
    }
    if (hasDigitAt(all, i) || lower === "năm" || lower === "ngày" || (lower === "niên" && lowers[i + 1] === "vụ")) {
      if (lower === "niên") i++;
      continue;
    }
    if (lower === "-" && ((i > first && hasDigitAt(all, i - 1)) || (i + 1 < n && hasDigitAt(all, i + 1)))) continue;
    kept.push(i);
  }
  // "khám và chữa bệnh cho người dân 1.552.000 lượt": what is done, not for whom.
  let forWhom = -1;
  for (let k = 1; k + 1 < kept.length; k++) {
    if (lowers[kept[k]!] === "cho") {
      forWhom = k;
      break;
    }
  }
  let head: Picked = { all, idx: kept };
  let [from, to] = stripFunctionWords(head, 0, forWhom > 0 ? forWhom : kept.length);
  head = withoutPlaces(head, from, to);
  if (head.idx !== kept) [from, to] = [0, head.idx.length];
  [from, to] = stripFunctionWords(head, from, to);
  return { words: head, from, to };
}

/** The words a head is read from, before its last words are taken: the range `[from, to)` of `words`. */
interface HeadWords {
  words: Picked;
  from: number;
  to: number;
}

/**
 * The last at most `max` words of the head (connectors aside), without function words. The bound counts
 * syllables: when it falls inside a word of two ("tỷ | lệ", "giám | sát"), the word is kept whole.
 */
function headWordsFrom(h: HeadWords, max: number): string {
  let start = lastWordsFrom(h.words, h.from, h.to, max);
  if (start > h.from && splitsCompound(h.words, start)) start--;
  const [from, to] = stripFunctionWords(h.words, start, h.to);
  return joinWords(h.words, from, to);
}

/** Two-syllable words whose second syllable does not stand for the word alone: a label keeps both. */
const COMPOUNDS = new Set([
  "tỷ lệ", "giám sát", "kiểm tra", "thanh tra", "điều tra", "thi hành", "ban hành", "điều hành", "vận hành", "hỗ trợ",
  "chỉnh trang", "quản lý", "xử lý", "chính sách", "dấu hiệu", "hiệu quả", "khoa học", "kết luận", "nhiệm vụ", "nghiệp vụ",
  "dịch vụ", "thực hiện", "phát hiện", "tiếp nhận", "công nhận", "chứng nhận", "xây dựng", "phát triển", "kết nạp", "đầu tư",
  "giải quyết", "tuyên truyền", "bồi dưỡng", "đào tạo", "sản xuất", "kinh doanh", "doanh nghiệp", "nông nghiệp", "công nghiệp",
  "hợp tác", "bảo hiểm", "ngân sách", "thu hồi", "vi phạm", "kỷ luật", "khen thưởng", "tập huấn", "đăng ký", "giải ngân",
  "tổ chức", "đảng viên", "cán bộ", "công chức", "viên chức", "người dân", "nhân dân", "gia đình", "trẻ em", "học sinh",
  "lao động", "việc làm", "thu nhập", "bình quân", "đầu người", "hành chính", "thủ tục", "hồ sơ", "điện tử", "trực tuyến",
  "tín dụng", "thương mại", "du lịch", "xuất khẩu", "nhập khẩu", "kim ngạch", "tăng trưởng", "dân số", "y tế", "giáo dục",
  "văn hóa", "thể thao", "môi trường", "tài nguyên", "đất đai", "nông thôn", "đô thị", "giao thông", "công trình", "dự án",
  "kế hoạch", "chương trình", "đề án", "chỉ tiêu", "mục tiêu", "bảo vệ", "chăm sóc", "sức khỏe", "an ninh", "quốc phòng",
  "trật tự", "an toàn", "tội phạm", "ma túy", "khiếu nại", "tố cáo", "đơn thư", "cải cách", "chuyển đổi", "bệnh viện",
  "bác sĩ", "hội viên", "đoàn viên", "thanh niên", "phụ nữ", "nông dân", "sinh kế", "tài chính", "kinh phí", "thiệt hại",
  "diện tích", "sản lượng", "năng suất", "giá trị", "thương hiệu", "khám chữa", "tiêm chủng", "phổ cập", "kiên cố",
]);

/** Whether the k-th picked word and the one before it, next to each other in the text, make one of COMPOUNDS. */
function splitsCompound(p: Picked, k: number): boolean {
  const a = p.idx[k - 1]!;
  const b = p.idx[k]!;
  if (b !== a + 1) return false;
  const { text, starts, ends } = p.all;
  return COMPOUNDS.has(`${text.slice(starts[a], ends[a])} ${text.slice(starts[b], ends[b])}`.toLowerCase());
}

/** Whether the head has at most `n` words (connectors aside): then any bound of at least `n` keeps them all. */
function atMostWords(h: HeadWords, n: number): boolean {
  return lastWordsFrom(h.words, h.from, h.to, n + 1) === lastWordsFrom(h.words, h.from, h.to, n);
}

// "quý", "tháng", "năm" (in any case: the lower case is compared, and their letters have no other case-insensitive match).
const TIME_WORDS = new Set(["quý", "tháng", "năm"]);
const CUT_WORDS = new Set(["nâng", "gồm"]);
const CUT_PAIRS = new Set(["và đã", "và được", "bao gồm", "trong đó", "cụ thể"]);
const CUT_PAIR_FIRST = new Set([...CUT_PAIRS].map((p) => p.slice(0, p.indexOf(" "))));
const TIME_PREPOSITIONS = new Set(["đến", "trong", "trước", "hết"]);
const TRAILING_1 = new Set([
  "là", "đạt", "được", "có", "ước", "trên", "hơn", "khoảng", "gần", "còn", "với", "của", "cho", "từ", "đến", "tới", "nay", "thêm",
  "tổng", "chỉ", "lên", "xuống", "ra", "vào", "và", "đã", "tại", "ở", "tăng", "giảm", "vượt", "bằng", "chiếm", "số", "mỗi",
]);
const TRAILING_2 = new Set(["thực hiện", "đối với", "ít nhất", "tối thiểu", "tối đa", "tỷ lệ", "ước đạt", "mới đạt", "chỉ đạt", "xảy ra", "có được", "trong năm", "đến nay", "hiện nay"]);
const TRAILING_3 = new Set(["đạt tỷ lệ", "chiếm tỷ lệ"]);
const LEADING_1 = new Set(["trong", "đã", "có", "và", "với", "trên", "hơn", "khoảng", "gần", "ước", "từ", "đến", "nay", "thì", "mà", "nhưng", "song", "riêng", "là", "toàn", "được", "qua", "đó"]);
const LEADING_2 = new Set(["trong đó", "đến nay", "cụ thể", "đồng thời", "toàn tỉnh", "số lượng", "theo đó", "phấn đấu"]);
const CONNECTORS = new Set(["và", "-", ","]);

// Every word the rules of labels compare a lower case with.
const LABEL_WORDS = new LowerCaseWords([
  ...CUT_WORDS, ...[...CUT_PAIRS].flatMap((p) => p.split(" ")), "với", "đối", ...TIME_PREPOSITIONS, ...TIME_WORDS, "hết", "ngày", "niên", "vụ",
  "-", "cho", ...TRAILING_1, ...[...TRAILING_2, ...TRAILING_3, ...LEADING_2].flatMap((p) => p.split(" ")), ...LEADING_1, ...CONNECTORS,
  "trên", "toàn", "cả", "địa", "bàn", "tỉnh", "xã", "huyện", "nước", "dân", "so",
]);

// The words phrases of several words end (or start) with: most words are none, and then no phrase is
// put together to be looked up.
const TRAILING_LAST = new Set([...TRAILING_2, ...TRAILING_3].map((p) => p.slice(p.lastIndexOf(" ") + 1)));
const LEADING_2_FIRST = new Set([...LEADING_2].map((p) => p.slice(0, p.indexOf(" "))));

/** Function words at both ends of a label's words ("đã kết nạp được" → "kết nạp"): the bounds of what is left of `[from, to)`. */
function stripFunctionWords(p: Picked, from: number, to: number): [number, number] {
  const low = (k: number) => lowerAt(p, k);
  for (let guard = 0; guard < 40 && from < to; guard++) {
    const phraseEnd = TRAILING_LAST.has(low(to - 1));
    if (phraseEnd && to - from >= 3 && TRAILING_3.has(`${low(to - 3)} ${low(to - 2)} ${low(to - 1)}`)) to -= 3;
    else if (phraseEnd && to - from >= 2 && TRAILING_2.has(`${low(to - 2)} ${low(to - 1)}`)) to -= 2;
    else if (TRAILING_1.has(low(to - 1)) && !(low(to - 1) === "số" && to - from >= 2 && low(to - 2) === "dân")) to -= 1; // "dân số" is a word
    else break;
  }
  for (let guard = 0; guard < 40 && from < to; guard++) {
    if (to - from >= 2 && LEADING_2_FIRST.has(low(from)) && LEADING_2.has(`${low(from)} ${low(from + 1)}`)) from += 2;
    else if (LEADING_1.has(low(from))) from += 1;
    else break;
  }
  return [from, to];
}

/** "trên địa bàn tỉnh", "toàn tỉnh", "cả nước" say where, not what: the words of `[from, to)` without them. */
function withoutPlaces(p: Picked, from: number, to: number): Picked {
  const low = (k: number) => (k < to ? lowerAt(p, k) : undefined);
  let any = false;
  for (let k = from; k < to && !any; k++) {
    const w = low(k);
    any = w === "trên" || w === "toàn" || w === "cả";
  }
  if (!any) return p;
  const idx: number[] = [];
  for (let i = from; i < to; i++) {
    const a = low(i);
    const b = low(i + 1);
    const c = low(i + 2);
    if (a === "trên" && b === "địa" && c === "bàn") {
      i += /^(?:tỉnh|xã|huyện)$/u.test(low(i + 3) ?? "") ? 3 : 2;
      continue;
    }
    if ((a === "toàn" && (b === "tỉnh" || b === "xã")) || (a === "cả" && b === "nước")) {
      i += 1;
      continue;
    }
    idx.push(p.idx[i]!);
  }
  return { all: p.all, idx };
}

/** Where the last `n` words of `[from, to)` start, not counting connectors ("và", "-") that join them. */
function lastWordsFrom(p: Picked, from: number, to: number, n: number): number {
  let count = 0;
  let at = to;
  while (at > from && count < n) {
    at--;
    if (!CONNECTORS.has(lowerAt(p, at))) count++;
  }
  while (at < to && CONNECTORS.has(lowerAt(p, at))) at++;
  return at;
}

/** Where the clause of a number starts, scanning back: a comma, semicolon, colon or sentence end outside brackets, or the bracket it stands in. */
function clauseCut(before: string): number {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before.charCodeAt(i);
    if (c === 0x29) depth++; // ")"
    else if (c === 0x28) {
      // "("
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === 0x2c || c === 0x3b || c === 0x3a)) return i; // , ; :
    else if (depth === 0 && (c === 0x2e || c === 0x21 || c === 0x3f) && isSpaceAt(before, i + 1) && !isDigitAt(before, i - 1)) return i; // . ! ?
  }
  return -1;
}


/** The noun phrase after the unit: "cây sầu riêng bị bệnh cháy lá", "lốc xoáy", "mới". */
function tailWords(text: string, from: number, stopAtAbout = true): string {
  // The phrase: at most 140 characters up to the first of , ; : ( ) “ ” ", cut at a "." not followed by a
  // digit. At most 8 of its words are read (7 kept, and the one after).
  let end = from;
  const limit = Math.min(text.length, from + 140);
  while (end < limit && !isTailEnd(text.charCodeAt(end))) end++;
  for (let i = from; i < end; i++) {
    if (text.charCodeAt(i) === 0x2e && !(i + 1 < end && isDigitAt(text, i + 1))) {
      end = i;
      break;
    }
  }
  const { starts, ends } = spacedWords(text, from, end, 9);
  const n = starts.length;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    const hasNext = i + 1 < n;
    const numberOfName = isDigitAt(text, s) && hasNext && NAME_NUMBER_WORDS.hasAt(text, starts[i + 1]!, ends[i + 1]!);
    if ((isDigitAt(text, s) && !numberOfName) || TAIL_STOPS.hasAt(text, s, e) || kept >= 7) break;
    if (hasNext && isDigitAt(text, starts[i + 1]!) && TAIL_QUALIFIERS.hasAt(text, s, e)) break;
    if (stopAtAbout && hasNext && ABOUT.hasAt(text, s, e) && ABOUT_WHAT.hasAt(text, starts[i + 1]!, ends[i + 1]!)) break;
    kept++;
  }
  let out = "";
  for (let i = 0; i < kept; i++) out += (i > 0 ? " " : "") + text.slice(starts[i], ends[i]);
  return out;
}

/** Where the words of `splitWords(text.slice(from, end), max)` start and end. */
function spacedWords(text: string, from: number, end: number, max: number): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = -1;
  for (let i = from; i <= end && starts.length < max; i++) {
    if (i < end && !isSpace(text.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    starts.push(start);
    ends.push(i);
    start = -1;
  }
  return { starts, ends };
}

/** The quantity before `at` in the same sentence, if any. */
/** The quantity before `at` in the same sentence (which starts at `sentenceStart`), if any. */
function previousInSentence(at: number, previous: readonly Quantity[], sentenceStart: number): Quantity | null {
  for (let i = previous.length - 1; i >= 0; i--) {
    const q = previous[i]!;
    const local = q.at;
    if (local < sentenceStart) break;
    if (q.kind === "percent" || local >= at) continue;
    return q;
  }
  return null;
}

/** The stretch before a number opens with a body name ("Ban cán sự đảng Ủy ban nhân dân tỉnh 05 đồng chí"). */
function startsWithBody(stretch: string): boolean {
  // Most stretches open with a word no body name starts with: they need no tokens.
  if (!firstWordMayStartBody(stretch)) return false;
  const tokens = tokenize(stretch.trim());
  const m = tokens.length > 0 ? matchNamedBodyAt(tokens, 0) : null;
  return !!m && m.to >= tokens.length - 1;
}

/** The body that is the subject of the clause of `at` ("Ban Nội chính Tỉnh ủy thành lập …"); its sentence starts at `sentenceStart`. */
function clauseBody(text: string, at: number, sentenceStart: number): string | null {
  const clause = text.slice(sentenceStart, at);
  const tokens = tokenize(clause);
  for (let i = 0; i < Math.min(tokens.length, 6); i++) {
    const m = matchNamedBodyAt(tokens, i);
    if (m && !m.generic) return clause.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end);
  }
  return null;
}

/** The subject at the start of the sentence: "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) xếp thứ …" → "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)". */
function sentenceSubject(text: string, at: number, acrossColon = false): string {
  const start = sentenceStartBefore(text, at, true, !acrossColon);
  const clause = text.slice(start, at).trim();
  const firstPart = clause.split(/,\s/)[0] ?? "";
  const verb = /\s(?:xếp|đạt|tăng|giảm|có|là|được|đã|chiếm|còn|xảy ra)\s/iu.exec(` ${firstPart} `);
  const subject = verb ? ` ${firstPart} `.slice(0, verb.index).trim() : firstPart;
  const words = wordList(subject);
  const all: Picked = { all: words, idx: words.starts.map((_, i) => i) };
  const [from, to] = stripFunctionWords(all, lastWordsFrom(all, 0, all.idx.length, 9), all.idx.length);
  return joinWords(all, from, to);
}



/** The last word of `before`, skipping at most three spaces or brackets after it ("tăng (" → "tăng"). */
function lastWord(before: string): string {
  const end = lastWordEnd(before);
  return before.slice(lastWordStart(before, end), end);
}

function lastWordWithGap(before: string): string {
  const end = lastWordEnd(before);
  const start = lastWordStart(before, end);
  return start === end ? "" : before.slice(start);
}

/** Where the last word ends: at most three spaces or brackets back from the end. */
function lastWordEnd(before: string): number {
  let end = before.length;
  let skipped = 0;
  while (end > 0 && skipped < 3 && (before.charCodeAt(end - 1) === 0x28 || isSpace(before.charCodeAt(end - 1)))) {
    end--;
    skipped++;
  }
  return end;
}

/** Where the last word, ending at `end`, starts: letters and marks, at most 40. */
function lastWordStart(before: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < 40 && isLetterOrMark(before.charCodeAt(start - 1))) start--;
  return start;
}

/** The clause of the figure: between the nearest ";" or sentence end around it, at most 300 characters. */
function clauseAround(text: string, at: number, sentenceStart: number): string {
  // Paragraph texts are collapsed (buildModel), so a stretch of one only needs trimming.
  let start = sentenceStart;
  while (start < at && isSpace(text.charCodeAt(start))) start++;
  const restMatch = /;|[.!?](?=\s\p{Lu}|$)/u.exec(text.slice(at, at + WINDOW));
  let end = restMatch ? at + restMatch.index + (restMatch[0] === ";" ? 0 : 1) : Math.min(text.length, at + WINDOW);
  if (end - start > 300) {
    const from = Math.max(start, at - 150);
    const comma = text.slice(from, at).lastIndexOf(",");
    start = comma >= 0 ? from + comma + 1 : from;
    end = Math.min(end, start + 300);
  }
  return text.slice(start, end).trim();
}

/** "Năm 2023: …" names the period of what follows; else the paper's period. */
function periodOf(text: string, docPeriod: string | null): string | null {
  const m = /^(?:Năm|Trong năm)\s(\d{4})\s?:/u.exec(text);
  return m ? `năm ${m[1]}` : docPeriod;
}

/**
 * Bracket depth at an offset. Figures are read left to right, so the brackets are counted on from the
 * last offset asked, only as far as the next figure (from the start again if asked for an earlier one),
 * skipping from bracket to bracket.
 */
function bracketDepths(text: string): (at: number) => number {
  let counted = 0;
  let d = 0;
  let open = text.indexOf("(");
  let close = text.indexOf(")");
  return (at) => {
    const to = Math.min(at, text.length);
    if (to < counted) {
      d = 0;
      open = text.indexOf("(");
      close = text.indexOf(")");
    }
    for (;;) {
      const next = open < 0 ? close : close < 0 ? open : Math.min(open, close);
      if (next < 0 || next >= to) break;
      if (next === open) {
        d = Math.min(d + 1, 60);
        open = text.indexOf("(", next + 1);
      } else {
        if (d > 0) d--;
        close = text.indexOf(")", next + 1);
      }
    }
    counted = to;
    return d;
  };
}
