// Cited documents: "Chỉ thị 35-CT/TW ngày 14/6/2024 của Bộ Chính trị", "Quy định số 96 của Bộ Chính trị",
// "Nghị quyết số 14/2022/NQ-HĐND ngày 06/7/2022 của Hội đồng nhân dân tỉnh" (gold README §4). Each with
// its symbol, kind, date and issuer; a document cited several times is listed once, at its first
// citation, completed from the later ones.
import type { Located, Reference } from "../types.ts";
import { matchesFrom } from "../matches.ts";
import { isDigitAt, isSpaceAt } from "../chars.ts";
import { collapseSpaces } from "../normalize.ts";
import { firstWordMayStartBody, matchNamedBodyAt } from "./bodies.ts";
import { findDates } from "./dates.ts";
import type { Para } from "./document.ts";
import { kindOfSymbol, kindOfWord, SYMBOL_SOURCE } from "./symbols.ts";
import { tokenize } from "./tokens.ts";
import { append } from "./append.ts";

export type LocatedReference = Reference & Located;

const TYPE_WORDS = [
  "Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Quyết định", "Thông báo", "Báo cáo", "Kế hoạch", "Chương trình",
  "Hướng dẫn", "Đề án", "Tờ trình", "Công văn", "Quy chế", "Thông tư", "Nghị định", "Thông tri", "Phương án", "Luật",
];
// Grouped by first letter ("[Nn](?:ghị quyết|ghị định)|[Cc](?:hỉ thị|…)|…"): at a letter the pattern tries
// one group instead of every word, which makes the scan of each paragraph faster. No word is the start
// of another, so the grouping matches the same words.
/** Words between a type word and its number: "Nghị quyết liên tịch số …", "Chương trình chung số …". */
const QUALIFIERS = ["liên tịch", "chung"];
const TYPE_SOURCE = (() => {
  const byFirst = new Map<string, string[]>();
  for (const w of TYPE_WORDS) byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w.slice(1)]);
  return [...byFirst].map(([first, rests]) => `[${first}${first.toLowerCase()}](?:${rests.join("|")})`).join("|");
})();

// A citation: type word, optional "số", then a symbol or (after "số") a bare number.
const CITATION = new RegExp(
  String.raw`(${TYPE_SOURCE})(?:\s{1,3}(?:${QUALIFIERS.join("|")}))?\s{1,3}((?:số\s{1,3}){0,2})(${SYMBOL_SOURCE}|\d{1,5}(?![\d/.,-]\d|[-/]\p{L}))`,
  "yu", // sticky: tried where a citation may start (below)
);
const BARE_SYMBOL = new RegExp(String.raw`(?<![\p{L}\p{M}\d/-])(${SYMBOL_SOURCE})(?![\p{L}\d])`, "yu");

// Scanning every paragraph with these patterns took most of the time of reading references; they are
// tried only where a match can start. Every citation has a number (a symbol, or digits after "số")
// preceded by white space, which only its type word, a qualifier, "số" and runs of one to three white
// space characters come before: its type word is found by reading these back from the number. A symbol
// cited alone starts where a run of at most five digits does that is followed by "-" or "/".
const DIGIT_RUN = /\d+/g;

/** The type words by their last code unit, each as its first letter in both cases and the rest. */
const TYPE_WORDS_BY_LAST = (() => {
  const byLast = new Map<number, Array<{ upper: string; lower: string; rest: string }>>();
  for (const w of TYPE_WORDS) {
    const last = w.charCodeAt(w.length - 1);
    byLast.set(last, [...(byLast.get(last) ?? []), { upper: w[0]!, lower: w[0]!.toLowerCase(), rest: w.slice(1) }]);
  }
  return byLast;
})();

/**
 * One scan of the runs of digits for both kinds of places: where a run follows white space (a number
 * that may be cited), and where a run of at most five digits is followed by "-" or "/" (a symbol).
 */
function digitRunStarts(text: string): { numberStarts: number[]; symbolStarts: number[] } {
  const numberStarts: number[] = [];
  const symbolStarts: number[] = [];
  // `test` makes no match object: each run is read back from its end (its first digit follows none).
  DIGIT_RUN.lastIndex = 0;
  while (DIGIT_RUN.test(text)) {
    const end = DIGIT_RUN.lastIndex;
    let at = end - 1;
    while (isDigitAt(text, at - 1)) at--;
    if (isSpaceAt(text, at - 1)) numberStarts.push(at);
    if (end - at <= 5) {
      const next = text.charCodeAt(end);
      if (next === 0x2d || next === 0x2f) symbolStarts.push(at);
    }
  }
  return { numberStarts, symbolStarts };
}

/** Where the run of one to three white space characters that ends at `end` starts; -1 when there is no such run. */
function spacesBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < 4 && isSpaceAt(text, i - 1)) i--;
  return end - i >= 1 && end - i <= 3 ? i : -1;
}

/** Adds the starts of the type words that end at `end` to `out`. */
function typeWordsEndingAt(text: string, end: number, out: number[]): void {
  const words = TYPE_WORDS_BY_LAST.get(text.charCodeAt(end - 1));
  if (words === undefined) return;
  for (const w of words) {
    const start = end - w.rest.length - 1;
    if (start < 0 || !text.startsWith(w.rest, start + 1)) continue;
    if (text[start] === w.upper || text[start] === w.lower) out.push(start);
  }
}

/**
 * Where CITATION may match: the type words that "liên tịch" or "chung", "số" (at most twice) and runs of
 * one to three white space characters join to a number that follows white space, read back from the number.
 */
function citationStarts(text: string, numberStarts: readonly number[]): number[] {
  const out: number[] = [];
  for (const d of numberStarts) {
    let end = spacesBefore(text, d);
    for (let so = 0; so <= 2 && end > 0; so++) {
      typeWordsEndingAt(text, end, out);
      for (const q of QUALIFIERS) {
        const before = end - q.length;
        if (before > 0 && text.startsWith(q, before)) {
          const wordEnd = spacesBefore(text, before);
          if (wordEnd > 0) typeWordsEndingAt(text, wordEnd, out);
        }
      }
      if (end < 2 || !text.startsWith("số", end - 2)) break;
      end = spacesBefore(text, end - 2);
    }
  }
  // Read back, the type words of one number come nearest first.
  return out.sort((a, b) => a - b);
}
const AFTER_SYMBOL_DATE = /^,?\s{0,3}(?:ban hành\s{1,3})?ngày\s{1,3}(?:ngày\s{1,3})?/u;
const ISSUER_INTRO = /^,?\s{0,3}của\s{1,3}/u;
const MEETING_PREFIX = /^Hội nghị[^,;.()]{0,80},\s{1,3}/u;
const ISSUED_BY_BEFORE = /(?:đã\s{1,3})?ban hành\s{1,3}$/u;

interface Raw extends LocatedReference {
  /** Where the citation ends, to share date and issuer with a conjoined one. */
  conjoinedWithNext: boolean;
}

/** References cited in the body paragraphs and the footnotes. `ownSymbol` (the paper's number) is left out. */
export function findReferences(paras: readonly Para[], ownSymbol: string | null): LocatedReference[] {
  const raws: Raw[] = [];
  for (const para of paras) append(raws, citationsIn(para));
  // "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị": share.
  for (let i = raws.length - 2; i >= 0; i--) {
    const a = raws[i]!;
    const b = raws[i + 1]!;
    if (!a.conjoinedWithNext || b.span.start - a.span.end > 6) continue;
    if (!a.date && !a.issuer) {
      a.date = b.date;
      a.issuer = b.issuer;
    }
  }
  const bySymbol = new Map<string, LocatedReference>();
  const out: LocatedReference[] = [];
  for (const r of raws) {
    if (r.symbol && ownSymbol && r.symbol === ownSymbol) continue;
    const key = r.symbol ? `${r.symbol}|${r.symbol.includes("-") || r.symbol.includes("/") ? "" : r.kind}` : r.text;
    const first = bySymbol.get(key);
    if (first) {
      first.kind ??= r.kind;
      first.date ??= r.date;
      first.issuer ??= r.issuer;
      continue;
    }
    const { conjoinedWithNext: _c, ...ref } = r;
    bySymbol.set(key, ref);
    out.push(ref);
  }
  return out;
}

function citationsIn(para: Para): Raw[] {
  const text = para.text;
  // Every citation has a number: digits after white space may be cited numbers; runs of at most five
  // digits before "-" or "/" symbols.
  const { numberStarts, symbolStarts } = digitRunStarts(text);
  if (numberStarts.length === 0 && symbolStarts.length === 0) return [];
  const out: Raw[] = [];
  const covered: Array<[number, number]> = [];
  for (const m of matchesFrom(text, CITATION, citationStarts(text, numberStarts))) {
    if (m.index > 0 && /[\p{L}\p{M}]/u.test(text[m.index - 1]!)) continue;
    const typeWord = m[1]!;
    const hasSo = m[2]!.length > 0;
    const symbol = m[3]!;
    const bare = /^\d+$/.test(symbol);
    if (bare && !hasSo) continue;
    const start = m.index;
    const raw = completeCitation(text, start, start + m[0].length, symbol, kindOfSymbol(symbol) ?? kindOfWord(typeWord), para.start);
    out.push(raw);
    covered.push([start, raw.span.end - para.start]);
  }
  // Symbols cited without a type word: "theo 35-CT/TW". Both lists are in text order: one pointer.
  let c = 0;
  for (const m of matchesFrom(text, BARE_SYMBOL, symbolStarts)) {
    const at = m.index;
    while (c < covered.length && covered[c]![1] <= at) c++;
    if (c < covered.length && at >= covered[c]![0]) continue;
    const symbol = m[1]!;
    const kind = kindOfSymbol(symbol);
    if (!kind) continue;
    const raw = completeCitation(text, at, at + symbol.length, symbol, kind, para.start);
    out.push(raw);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function completeCitation(text: string, start: number, symbolEnd: number, symbol: string, kind: Reference["kind"], base: number): Raw {
  let end = symbolEnd;
  let date: string | null = null;
  const afterSymbol = text.slice(end, end + 80);
  const intro = AFTER_SYMBOL_DATE.exec(afterSymbol);
  if (intro) {
    const found = findDates(afterSymbol.slice(intro[0].length, intro[0].length + 40))[0];
    if (found && found.start === 0) {
      date = found.iso;
      end += intro[0].length + found.end;
    }
  }
  let issuer: string | null = null;
  const afterDate = text.slice(end, end + 200);
  const of = ISSUER_INTRO.exec(afterDate);
  if (of) {
    let rest = afterDate.slice(of[0].length);
    let skipped = of[0].length;
    const meeting = MEETING_PREFIX.exec(rest);
    if (meeting) {
      rest = rest.slice(meeting[0].length);
      skipped += meeting[0].length;
    }
    // Most citations name no issuer: no tokens unless the first word may start a body name.
    const tokens = firstWordMayStartBody(rest) ? tokenize(rest) : [];
    const body = tokens.length > 0 ? matchNamedBodyAt(tokens, 0) : null;
    if (body && !body.generic) {
      issuer = rest.slice(0, tokens[body.to - 1]!.end);
      end += skipped + tokens[body.to - 1]!.end;
    }
  }
  let textStart = start;
  if (!issuer) {
    // "Tỉnh ủy đã ban hành Nghị quyết số 20-NQ/TU": the subject issued it.
    const before = text.slice(Math.max(0, start - 80), start);
    const issued = ISSUED_BY_BEFORE.exec(before);
    if (issued) {
      const head = before.slice(0, issued.index);
      const tokens = tokenize(head);
      for (let i = Math.max(0, tokens.length - 12); i < tokens.length; i++) {
        const body = matchNamedBodyAt(tokens, i);
        if (body && body.to === tokens.length && !body.generic) {
          issuer = head.slice(tokens[i]!.start, tokens[body.to - 1]!.end);
          textStart = start - before.length + tokens[i]!.start;
          break;
        }
      }
    }
  }
  const number = symbol;
  const tail = text.slice(end, end + 6);
  const conjoinedWithNext = /^\s{0,2}(?:và|,)\s/u.test(tail) && !date;
  return {
    symbol: number,
    kind,
    date,
    issuer,
    text: collapseSpaces(text.slice(textStart, end)),
    span: { start: base + textStart, end: base + end },
    conjoinedWithNext,
  };
}
