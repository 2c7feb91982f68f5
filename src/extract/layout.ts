// Plain text (from .txt, .doc and .pdf readers) → paragraphs. Text copied from PDFs keeps the page's
// hard line breaks (000 puts a blank line after every line), page-break artefacts (a line starting with a
// space), footnotes in the middle of a page (002: a "1" glued to "cùng kỳ" and the note "1 Tổng kim
// ngạch…" before the rest of the sentence), broken markers "[⏎]" with the notes at the end (003),
// Markdown emphasis of text copies (001) and a two-column "Nơi nhận" / signature block (000).
//
// The text is read in three regions: the head (header and title, up to the separator under the
// title), the body, and the tail (distribution list and signature, then end notes). Head and tail
// lines are kept one per paragraph; body lines are re-joined into paragraphs. Every step scans lines
// with bounded patterns, so the work is linear in the size of the text.
import type { Block } from "./types.ts";
import { append } from "./structure/append.ts";
import { collapseSpaces } from "./normalize.ts";
import { isDigitAt, isLetterOrMark, isLowerAt, isSpace } from "./chars.ts";

export interface Layout {
  blocks: Block[];
  /** Footnote texts in order, without their markers. */
  footnotes: string[];
  warnings: string[];
}

interface Line {
  text: string;
  /** The line started with white space: after a page break, a continuation. */
  indented: boolean;
  /** Blank lines before this one. */
  blanksBefore: number;
}

/** Paragraph blocks of a plain-text paper (see `layoutText`). */
export function textToBlocks(text: string): Block[] {
  return layoutText(text).blocks;
}

/**
 * The paragraphs of a plain-text paper. Their texts and labels come out normalised and collapsed (single
 * spaces, trimmed; buildModel relies on it): `prepare` leaves no white space but spaces and line breaks,
 * lines are split on the breaks and collapsed, and paragraphs are joined with single spaces and cleaned.
 */
export function layoutText(raw: string): Layout {
  const lines = preparedLines(raw);
  const regions = findRegions(lines);
  const footnotes: string[] = [];
  const blocks: Block[] = [];
  for (const line of lines.slice(0, regions.bodyStart)) {
    for (const column of splitColumns(line.text)) blocks.push(paragraph(column));
  }
  const body = extractMidPageFootnotes(withoutPageFurniture(lines.slice(regions.bodyStart, regions.tailStart)), footnotes);
  for (const piece of splitPipeTables(body)) {
    if ("rows" in piece) blocks.push({ kind: "table", rows: piece.rows });
    else for (const text of joinBodyLines(piece.lines)) blocks.push(paragraph(text));
  }
  for (const line of lines.slice(regions.tailStart, regions.notesStart)) blocks.push(paragraph(line.text));
  append(footnotes, readEndNotes(lines.slice(regions.notesStart)));
  return { blocks: blocks.filter((b) => b.kind !== "paragraph" || b.text.length > 0), footnotes, warnings: [] };
}

// ---------------------------------------------------------------------------
// Preparation: invisible characters removed, runs of white space capped, `fastNormalizeText`, then
// superscript digits (footnote markers) removed. The character mappings are done in one pass over the
// text (`mapCharacters`) instead of a chain of `replace` calls that each rebuilt the whole paper.

const SUPERSCRIPT_DIGITS = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+/g;
// Runs of white space longer than this carry no more layout information; capping them keeps
// later patterns linear on hostile input (megabytes of spaces).
const MAX_SPACE_RUN = 8;

/** `raw.slice(from, to)` prepared for layout (see above). */
function prepare(raw: string, from = 0, to = raw.length): string {
  const mapped = mapCharacters(raw, true, from, to);
  const normalised = composeAndMoveTones(mapped.text, mapped.firstUnstable);
  return mapped.superscript ? normalised.replace(SUPERSCRIPT_DIGITS, "") : normalised;
}

// The text is prepared in pieces of about this many characters, each ending after a line feed. Every
// step of `prepare` is local to a line, so the lines are those of the whole text prepared at once; but no
// step makes a string of the whole paper. Such a string (over 128 KB: 64 K characters of Vietnamese) is
// a large object to V8, costly to allocate (an mmap, page faults, an munmap), and each step made one.
const PIECE = 16 * 1024;

/** The lines of `raw`, prepared (see `prepare` and `toLines`). */
function preparedLines(raw: string): Line[] {
  const lines: Line[] = [];
  const blanks = { count: 0 };
  for (let from = 0; from < raw.length; ) {
    const feed = from + PIECE < raw.length ? raw.indexOf("\n", from + PIECE) : -1;
    const to = feed < 0 ? raw.length : feed + 1;
    // A piece that ends after its line feed gives a last, empty line that is no blank line.
    toLines(prepare(raw, from, to), lines, blanks, to < raw.length);
    from = to;
  }
  return lines;
}

// What a UTF-16 code unit is to `mapCharacters` (0: copied as it is).
const SPACE = 1; // " ", tab, vertical tab, form feed, exotic spaces → " "
const INVISIBLE = 2; // zero-width characters, soft hyphen → removed
const DASH = 3; // every dash → "-"
const LINE_SEPARATOR = 4; // U+2028, U+2029 → "\n"
const CR = 5; // "\r", "\r\n" → "\n"
const LF = 6;
const ETH_UPPER = 7; // "Ð" (Icelandic eth) → "Đ"
const ETH_LOWER = 8; // "ð" → "đ"
const SUPERSCRIPT = 9; // kept, but noted for `prepare`
const NOT_NFC_STABLE = 10; // kept; NFC may change it, so the text is composed

const CHAR_KIND = new Uint8Array(0x10000);
// NFC leaves text of these characters as it is: Latin letters with the Vietnamese ones (0000–02FF,
// 1E00–1EFF), punctuation (2010–205E), superscript digits (2070–2079). None decomposes, none combines
// with the character before it (layout.test.ts checks it), so text made of them only needs no NFC.
export const NFC_STABLE_RANGES: ReadonlyArray<readonly [number, number]> = [[0x0000, 0x02ff], [0x1e00, 0x1eff], [0x2010, 0x205e], [0x2070, 0x2079]];
CHAR_KIND.fill(NOT_NFC_STABLE);
for (const [from, to] of NFC_STABLE_RANGES) CHAR_KIND.fill(0, from, to + 1);
for (const c of [0x20, 0x09, 0x0b, 0x0c, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]) CHAR_KIND[c] = SPACE;
for (let c = 0x2000; c <= 0x200a; c++) CHAR_KIND[c] = SPACE;
for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad]) CHAR_KIND[c] = INVISIBLE;
for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]) CHAR_KIND[c] = DASH;
CHAR_KIND[0x2028] = LINE_SEPARATOR;
CHAR_KIND[0x2029] = LINE_SEPARATOR;
CHAR_KIND[0x0d] = CR;
CHAR_KIND[0x0a] = LF;
CHAR_KIND[0xd0] = ETH_UPPER;
CHAR_KIND[0xf0] = ETH_LOWER;
for (const c of [0xb9, 0xb2, 0xb3, 0x2070, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079]) CHAR_KIND[c] = SUPERSCRIPT;

/**
 * Where the first character from `i` on that `mapCharacters` must look at is (`n` when none is): not a
 * character it copies as it is, nor a single space between two such characters. A loop of its own: in
 * the loop of `mapCharacters`, with its rare cases, V8 read the text three times more slowly.
 */
function plainEnd(s: string, i: number, n: number): number {
  while (i < n) {
    const c = s.charCodeAt(i);
    const kind = CHAR_KIND[c];
    if (kind === 0 || kind === LF) i++;
    else if (c === 0x20 && CHAR_KIND[s.charCodeAt(i + 1)] === 0) i += 2;
    else return i;
  }
  return n;
}

/**
 * The character mappings of normalizeText in one pass: line ends to "\n", eth to "Đ", invisible
 * characters removed, dashes to "-", exotic spaces to " ", spaces before a line end removed.
 * `forLayout` also caps runs of white space at MAX_SPACE_RUN and removes invisible characters before
 * anything else (so that "\r", invisible, "\n" is one line end), as `prepare` did before normalising.
 * `firstUnstable`: where the first character outside NFC_STABLE_RANGES is in `text`, -1 when none is.
 * Only `s.slice(from, to)` is mapped, read in `s` itself: a slice is read more slowly, character by character.
 */
function mapCharacters(s: string, forLayout: boolean, from = 0, to = s.length): { text: string; superscript: boolean; firstUnstable: number } {
  let out = "";
  let copiedTo = from; // s[copiedTo, i) is still to be copied unchanged
  let superscript = false;
  let firstUnstable = -1;
  const n = to;
  for (let i = plainEnd(s, from, n); i < n; i = plainEnd(s, i + 1, n)) {
    const c = s.charCodeAt(i);
    const kind = CHAR_KIND[c]!;
    if (kind === NOT_NFC_STABLE) {
      if (firstUnstable < 0) firstUnstable = out.length + (i - copiedTo);
      continue;
    }
    let replacement: string;
    let next = i + 1;
    if (kind === SPACE) {
      // The whole run: invisible characters inside it are removed before spaces are looked at.
      let count = 0;
      let plain = true;
      for (next = i; next < n; next++) {
        const c = s.charCodeAt(next);
        const k = CHAR_KIND[c];
        if (k === SPACE) {
          count++;
          if (c !== 0x20) plain = false;
        } else if (k === INVISIBLE) plain = false;
        else break;
      }
      const after = next < n ? CHAR_KIND[s.charCodeAt(next)] : 0;
      if (after === LF || after === CR || after === LINE_SEPARATOR) replacement = "";
      else if (forLayout && count > MAX_SPACE_RUN) replacement = " ".repeat(MAX_SPACE_RUN);
      else if (plain) {
        i = next - 1;
        continue;
      } else replacement = " ".repeat(count);
    } else if (kind === INVISIBLE) replacement = "";
    else if (kind === DASH) replacement = "-";
    else if (kind === LINE_SEPARATOR) replacement = "\n";
    else if (kind === CR) {
      replacement = "\n";
      let k = next;
      if (forLayout) while (k < n && CHAR_KIND[s.charCodeAt(k)] === INVISIBLE) k++;
      if (k < n && s.charCodeAt(k) === 0x0a) next = k + 1;
    } else if (kind === ETH_UPPER) replacement = "\u0110";
    else if (kind === ETH_LOWER) replacement = "\u0111";
    else {
      superscript = true;
      continue;
    }
    out += s.slice(copiedTo, i) + replacement;
    copiedTo = next;
    i = next - 1;
  }
  return { text: copiedTo === from ? s.slice(from, to) : out + s.slice(copiedTo, to), superscript, firstUnstable };
}

// ---------------------------------------------------------------------------
// normalizeText (normalize.ts) in fewer passes: the same result, but old-style tone placement is
// moved on composed text ("oà" → "òa", "uỷ" → "ủy") instead of decomposing and recomposing the whole
// paper, which took most of the time of reading a plain-text paper. robustness.test.ts checks that
// both agree on arbitrary text.

const TONED_A_E = "àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ";
const TONED_Y = "ỳýỷỹỵỲÝỶỸỴ";
// Old style puts the tone on the second vowel of an open "oa", "oe", "uy" at the end of a syllable,
// not after "q". The pairs are found with one plain pattern; the rest (not after "q", nothing after the
// pair) is checked at each pair, which is much cheaper than Unicode look-arounds at every character.
// Moving one pair can neither make nor undo another, so one pass does what takes two in normalize.ts.
const OLD_TONE_PAIR = new RegExp(`[oO][${TONED_A_E}]|[uU][${TONED_Y}]`, "g");
const LETTER_OR_MARK_FIRST = /^[\p{L}\p{M}]/u;

/** `/^[\p{L}\p{M}]/u.test(text.slice(i, i + 2))`: a letter or a mark (a whole surrogate pair) at `i`. */
function letterOrMarkAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return LETTER_OR_MARK_FIRST.test(text.slice(i, i + 2));
  return isLetterOrMark(c);
}

/** "o" + "à" → "òa": the tone moves to the first vowel. */
function moveTone(first: string, toned: string): string {
  const [base = "", tone = ""] = toned.normalize("NFD");
  return `${(first + tone).normalize("NFC")}${base}`;
}

// Characters outside NFC_STABLE_RANGES, and inside them.
const hex4 = (c: number) => c.toString(16).padStart(4, "0");
const STABLE_CLASS = NFC_STABLE_RANGES.map(([from, to]) => `\\u${hex4(from)}-\\u${hex4(to)}`).join("");
const NOT_NFC_STABLE_CHAR = new RegExp(`[^${STABLE_CLASS}]`, "g");
const NFC_STABLE_CHAR = new RegExp(`[${STABLE_CLASS}]`, "g");

/**
 * `s.normalize("NFC")`, composing only the stretches around characters outside NFC_STABLE_RANGES (a few in
 * a paper that needs it; composing all of it took longer than reading the paper). A stable character is
 * left as it is by NFC and combines with no character before it, so NFC of a text is the NFC of its pieces
 * cut right before stable characters: each stretch of unstable characters is composed with the stable
 * character before it (which may take its marks: "e" + "◌́" → "é"), up to the next stable character.
 */
export function composeUnstable(s: string, firstUnstable = 0): string {
  let out = "";
  let copied = 0;
  NOT_NFC_STABLE_CHAR.lastIndex = firstUnstable; // no unstable character stands before it
  while (NOT_NFC_STABLE_CHAR.test(s)) {
    const unstable = NOT_NFC_STABLE_CHAR.lastIndex - 1;
    const start = Math.max(copied, unstable - 1);
    NFC_STABLE_CHAR.lastIndex = unstable + 1;
    const end = NFC_STABLE_CHAR.test(s) ? NFC_STABLE_CHAR.lastIndex - 1 : s.length;
    out += s.slice(copied, start) + s.slice(start, end).normalize("NFC");
    copied = end;
    NOT_NFC_STABLE_CHAR.lastIndex = end;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** NFC (unless the text is made of NFC-stable characters only: `firstUnstable` -1), then old tones moved. */
function composeAndMoveTones(s: string, firstUnstable: number): string {
  const text = firstUnstable < 0 ? s : composeUnstable(s, firstUnstable);
  let out = "";
  let copiedTo = 0;
  // Every match is two characters: `test` finds them without making match objects.
  OLD_TONE_PAIR.lastIndex = 0;
  while (OLD_TONE_PAIR.test(text)) {
    const at = OLD_TONE_PAIR.lastIndex - 2;
    const before = at > 0 ? text.charCodeAt(at - 1) : 0;
    if (before === 0x71 || before === 0x51) continue; // "q", "Q": "quý" keeps its tone
    if (letterOrMarkAt(text, at + 2)) continue; // not the end of the syllable
    out += text.slice(copiedTo, at) + moveTone(text[at]!, text[at + 1]!);
    copiedTo = at + 2;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

export function fastNormalizeText(s: string): string {
  const mapped = mapCharacters(s, false);
  return composeAndMoveTones(mapped.text, mapped.firstUnstable);
}

// Markdown emphasis of text copies: "(*Gần đây …*)", "**“điểm nóng”**". A "* " at the start of a line
// is a bullet and a lone "*" under the issuer a separator; both are kept.
const EMPHASIS_OPEN = /(^|[\s(“"‘[])\*{1,3}(?=[^\s*])/g;
const EMPHASIS_CLOSE = /([^\s*])\*{1,3}(?=$|[\s).,;:!?”"’\]])/g;

function stripEmphasis(s: string): string {
  if (!s.includes("*")) return s;
  return s.replace(EMPHASIS_OPEN, "$1").replace(EMPHASIS_CLOSE, "$1");
}

/**
 * Adds the lines of prepared `text` to `out`; `state.count` counts the blank lines since the last line added.
 * `endsInFeed`: the text ends with a line feed that ends its last line (the last piece of `split` is not one).
 */
function toLines(text: string, out: Line[], state: { count: number }, endsInFeed: boolean): void {
  let blanks = state.count;
  // Asked once of the whole text rather than of each line: most papers have no emphasis, many no double space.
  const emphasis = text.includes("*");
  const doubleSpaces = text.includes("  ");
  const rawLines = text.split("\n");
  if (endsInFeed) rawLines.pop();
  for (const rawLine of rawLines) {
    if (rawLine.length === 0) {
      blanks++;
      continue;
    }
    const trimmed = rawLine.trim();
    if (trimmed.length === 0) {
      blanks++;
      continue;
    }
    const emphasisFree = emphasis ? stripEmphasis(trimmed) : trimmed;
    // `prepare` left no white space but spaces and line breaks: only double spaces need collapsing.
    const clean = doubleSpaces && emphasisFree.includes("  ") ? collapseSpaces(emphasisFree) : emphasisFree.trim();
    if (clean.length === 0) {
      blanks++;
      continue;
    }
    out.push({ text: clean, indented: isSpace(rawLine.charCodeAt(0)), blanksBefore: blanks });
    blanks = 0;
  }
  state.count = blanks;
}

function paragraph(text: string): Block {
  const { label, rest } = splitLabel(text);
  return label ? { kind: "paragraph", text: rest, label } : { kind: "paragraph", text };
}

// ---------------------------------------------------------------------------
// List labels: "1.", "1.1.", "II.", "a)", "-", "+", "•", "*", "(1)".

const LABEL = /^(?:([IVXLC]{1,7})[.)]|(\d{1,2}(?:\.\d{1,2}){1,4})\.?|(\d{1,2})[.)]|([a-zđ])[.)]|\((\d{1,2}|[a-zđ])\)|([-+•*·]))\s+(?=\S)/u;

/** Splits a list label off the start of a paragraph: "1.1. Công tác…" → "1.1.", "Công tác…". */
export function splitLabel(text: string): { label: string | null; rest: string } {
  const m = mayStartWithLabel(text) ? LABEL.exec(text) : null;
  if (!m) return { label: null, rest: text };
  if (m[1] && !isRoman(m[1])) return { label: null, rest: text };
  const label = text.slice(0, m[0].length).trim();
  const rest = text.slice(m[0].length).trim();
  if (rest.length === 0) return { label: null, rest: text };
  return { label, rest };
}

/**
 * Whether LABEL may match: a label opens with a Roman digit, a digit, "(", a bullet, or a lower-case
 * letter followed by "." or ")". Most lines open otherwise and are dismissed without the pattern.
 */
function mayStartWithLabel(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x28) return true; // digit, "("
  switch (c) {
    case 0x49: case 0x56: case 0x58: case 0x4c: case 0x43: // I V X L C
    case 0x2d: case 0x2b: case 0x2022: case 0x2a: case 0xb7: // - + • * ·
      return true;
  }
  if ((c >= 0x61 && c <= 0x7a) || c === 0x111) {
    const d = text.charCodeAt(1);
    return d === 0x2e || d === 0x29; // "a." "a)"
  }
  return false;
}

function isRoman(s: string): boolean {
  return /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) && s.length > 0;
}

// ---------------------------------------------------------------------------
// Regions

const SEPARATOR = /^(?:[-_=~*.·•]{1,40}|[-_=~.·•]{0,10}\s?o\s?0\s?o\s?[-_=~.·•]{0,10}|-{0,10}oOo-{0,10})$/u;
const KIND_WORD = /^(?:THÔNG BÁO|KẾT LUẬN|BÁO CÁO|NGHỊ QUYẾT|CHỈ THỊ|KẾ HOẠCH|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|HƯỚNG DẪN|ĐỀ ÁN|TỜ TRÌNH|CÔNG VĂN|QUY ĐỊNH|QUY CHẾ|THÔNG TRI|PHƯƠNG ÁN|BIÊN BẢN)(?:\s+(?:LIÊN TỊCH|TÓM TẮT|HÀNH ĐỘNG))?$/u;
const BODY_OPENING = /^(?:Ngày\s+\d|Hôm nay|Căn cứ|Thực hiện|Sáng\s|Chiều\s|Tối\s|Kính gửi)/u;
const TAIL_START = /^(?:Nơi nhận\s*:|T\/M\.?\s|T\/L\.?\s|K\/T\.?\s|TM\.\s|TL\.\s|KT\.\s|TUQ\.\s)/u;
const NOTE_START = /^(?:\[[^\]\s]{1,4}\]|\(\d{1,3}\))\s*\S/u;

interface Regions {
  bodyStart: number;
  tailStart: number;
  notesStart: number;
}

/** TAIL_START, tried only on lines opening with one of its first letters (N, T, K). */
function isTailStartLine(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c === 0x4e || c === 0x54 || c === 0x4b) && TAIL_START.test(s);
}

function isSeparator(s: string): boolean {
  return s.length <= 40 && maySeparate(s.charCodeAt(0)) && SEPARATOR.test(s);
}

/** The characters a separator line may open with (its rules, "o" of "-oOo-", white space). */
function maySeparate(c: number): boolean {
  switch (c) {
    case 0x2d: case 0x5f: case 0x3d: case 0x7e: case 0x2a: case 0x2e: case 0xb7: case 0x2022: case 0x6f: // - _ = ~ * . · • o
      return true;
  }
  return isSpace(c);
}

/** "-----", "*", "-oOo-": the rule under a title or an issuer. */
export function isSeparatorLine(s: string): boolean {
  return isSeparator(s.trim());
}

/** "THÔNG BÁO", "KẾT LUẬN", "BÁO CÁO"…: the line naming the kind of paper above its title. */
export function isKindWordLine(s: string): boolean {
  return KIND_WORD.test(s.trim());
}

const APPENDIX_HEADING = /^PHỤ LỤC(?:\s+(?:[IVXLC]+|\d{1,2}))?\.?$/u;

/** "PHỤ LỤC", "PHỤ LỤC II": an appendix printed after the signature. */
export function isAppendixHeading(s: string): boolean {
  return APPENDIX_HEADING.test(s.trim());
}

/** "Nơi nhận:", "T/M TỈNH ỦY"…: the start of the distribution list and signature. */
export function isTailStart(s: string): boolean {
  return isTailStartLine(s.trim());
}

/** A first body sentence ("Ngày 02/10/2024, …", "Căn cứ …"): the title has ended. */
export function isBodyOpening(s: string): boolean {
  return BODY_OPENING.test(s.trim());
}

function findRegions(lines: Line[]): Regions {
  const bodyStart = findBodyStart(lines);
  let tailStart = lines.length;
  for (let i = bodyStart; i < lines.length; i++) {
    if (isTailStartLine(lines[i]!.text)) {
      tailStart = i;
      break;
    }
  }
  let notesStart = lines.length;
  for (let i = tailStart; i < lines.length; i++) {
    const open = lines[i]!.text.charCodeAt(0);
    if ((open === 0x5b || open === 0x28) && NOTE_START.test(lines[i]!.text)) {
      notesStart = i;
      break;
    }
  }
  return { bodyStart, tailStart, notesStart };
}

/** The head ends with the separator under the title, or with the title when there is none. */
function findBodyStart(lines: Line[]): number {
  const limit = Math.min(lines.length, 40);
  let kindLine = -1;
  for (let i = 0; i < limit; i++) {
    if (KIND_WORD.test(lines[i]!.text)) {
      kindLine = i;
      break;
    }
  }
  if (kindLine >= 0) {
    const end = Math.min(lines.length, kindLine + 8);
    // A separator under the title closes the head even when the title opens as a body sentence does
    // ("Thực hiện Chương trình …"), as long as no line before it ends a sentence or carries a label.
    for (let i = kindLine + 1; i < end; i++) {
      const t = lines[i]!.text;
      if (isSeparator(t)) return i + 1;
      if (/[.:;]$/.test(t) || splitLabel(t).label) break;
    }
    for (let i = kindLine + 1; i < end; i++) {
      const t = lines[i]!.text;
      if (BODY_OPENING.test(t) || /[.:;]$/.test(t) || splitLabel(t).label) return i;
    }
    return Math.min(lines.length, kindLine + 1);
  }
  // No kind word: a header block (number, motto) closed by a separator near the top.
  for (let i = 0; i < Math.min(lines.length, 15); i++) {
    const t = lines[i]!.text;
    if (isSeparator(t) && i > 0 && lines.slice(0, i).some((l) => /^Số\b|CỘNG|ĐẢNG CỘNG SẢN/u.test(l.text))) return i + 1;
  }
  return 0;
}

/** Header lines hold two columns ("TỈNH ỦY HẬU GIANG      ĐẢNG CỘNG SẢN VIỆT NAM"); lines were collapsed, so split on the motto. */
function splitColumns(text: string): string[] {
  const m = /^(.{2,80}?)\s+(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)$/u.exec(text);
  if (m) return [m[1]!, m[2]!];
  const d = /^(Số\b.{1,60}?)\s+(\S.{0,60}, ngày\b.{0,60})$/u.exec(text);
  if (d) return [d[1]!, d[2]!];
  return [text];
}

// ---------------------------------------------------------------------------
// Page furniture in the body: page numbers ("2", "- 2 -", "Trang 2") and the rule above footnotes.

const PAGE_NUMBER = /^(?:-\s?)?(?:Trang\s)?\d{1,3}(?:\s?-)?(?:\s?\/\s?\d{1,3})?$/u;

function withoutPageFurniture(lines: Line[]): Line[] {
  const out: Line[] = [];
  let carriedBlanks = 0;
  for (const line of lines) {
    // A page number ("- Trang 12 - / 30" at most) is short.
    if ((line.text.length <= 19 && PAGE_NUMBER.test(line.text)) || isSeparator(line.text)) {
      carriedBlanks += line.blanksBefore;
      continue;
    }
    out.push(carriedBlanks > 0 ? { ...line, blanksBefore: line.blanksBefore + carriedBlanks } : line);
    carriedBlanks = 0;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Footnotes in the middle of the body

const MID_NOTE_BRACKETED = /^\[(\d{1,3})\]\s*(\S.*)$/u;
const MID_NOTE_BARE = /^(\d{1,3})\s+(\p{Lu}.*)$/u;

/**
 * Takes footnotes printed in the middle of the body out of it, in order. A note starts with "[N]" or
 * with the bare number N of the next expected note (only when a marker N was seen before it), and runs
 * until the body resumes: a line starting with white space after a page break, or a lower-case line
 * after a note line that ended a sentence.
 */
function extractMidPageFootnotes(lines: Line[], footnotes: string[]): Line[] {
  const body: Line[] = [];
  let expected = 1;
  let markerSeenSince = 0;
  // Whether a glued marker for `expected` was seen since the last note: updated line by line, so that
  // looking for note starts stays linear.
  let markerSeen = false;
  const pushBody = (line: Line) => {
    body.push(line);
    if (!markerSeen) markerSeen = hasGluedMarker(line.text, String(expected));
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = noteStart(line.text, expected, markerSeen);
    if (start === null) {
      pushBody(line);
      continue;
    }
    const parts = [start.text];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j]!;
      const prev = parts[parts.length - 1]!;
      if (next.indented) break;
      if (/[.!?]["”)]?$/.test(prev) && /^\p{Ll}/u.test(next.text)) break;
      if (MID_NOTE_BRACKETED.test(next.text) && noteStart(next.text, expected + 1, false) !== null) break;
      if (splitLabel(next.text).label && /[.!?:]$/.test(prev)) break;
      parts.push(next.text);
    }
    if (start.glued) removeGluedMarker(body, markerSeenSince, start.number);
    footnotes.push(collapseSpaces(parts.join(" ")));
    expected = start.number + 1;
    markerSeenSince = body.length;
    markerSeen = false;
    i = j - 1;
  }
  return body;
}

function noteStart(text: string, expected: number, markerSeen: boolean): { number: number; text: string; glued: boolean } | null {
  // A note opens with "[" or a digit.
  const open = text.charCodeAt(0);
  if (open !== 0x5b && !(open >= 0x30 && open <= 0x39)) return null;
  let m = MID_NOTE_BRACKETED.exec(text);
  if (m && Number(m[1]) === expected) return { number: expected, text: m[2]!, glued: false };
  m = MID_NOTE_BARE.exec(text);
  if (m && Number(m[1]) === expected && markerSeen) return { number: expected, text: m[2]!, glued: true };
  return null;
}

const GLUED_MARKERS = new Map<number, RegExp>();

function gluedMarker(n: number): RegExp {
  // "cùng kỳ1;", "98,7%1." — the note number glued to the word it follows.
  let re = GLUED_MARKERS.get(n);
  if (!re) {
    re = new RegExp(String.raw`(?<=[\p{L}\p{M})”"%])${n}(?=[\s;,.:)]|$)`, "gu");
    if (GLUED_MARKERS.size < 1000) GLUED_MARKERS.set(n, re);
  }
  re.lastIndex = 0;
  return re;
}

const BEFORE_GLUED_MARKER = /[\p{L}\p{M})”"%]$/u;

/**
 * Whether `gluedMarker(n)` matches `text` (n written as `digits`): the look-behind pattern cannot skip
 * ahead to its digits, and it ran on every body line, so the places of the digits are checked by hand;
 * a line holding the digits many times (hostile input) is left to the pattern.
 */
function hasGluedMarker(text: string, digits: string): boolean {
  let tries = 0;
  for (let at = text.indexOf(digits); at >= 0; at = text.indexOf(digits, at + 1)) {
    if (++tries > 16) return gluedMarker(Number(digits)).test(text);
    if (at > 0 && gluedToWord(text, at) && endsMarker(text, at + digits.length)) return true;
  }
  return false;
}

/** A letter, a mark or one of )”"% ends right before `at`. */
function gluedToWord(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c === 0x29 || c === 0x201d || c === 0x22 || c === 0x25) return true;
  // A letter outside the basic plane is a surrogate pair: two code units.
  if (c >= 0xdc00 && c <= 0xdfff) return BEFORE_GLUED_MARKER.test(text.slice(Math.max(0, at - 2), at));
  return isLetterOrMark(c);
}

/** The end of the text, white space or one of ;,.:) at `end`. */
function endsMarker(text: string, end: number): boolean {
  if (end === text.length) return true;
  const c = text.charCodeAt(end);
  return c === 0x3b || c === 0x2c || c === 0x2e || c === 0x3a || c === 0x29 || isSpace(c);
}

function removeGluedMarker(body: Line[], since: number, n: number): void {
  const re = gluedMarker(n);
  for (let k = body.length - 1; k >= Math.max(0, since); k--) {
    const line = body[k]!;
    let last = -1;
    for (const m of line.text.matchAll(re)) last = m.index;
    if (last >= 0) {
      const width = String(n).length;
      body[k] = { ...line, text: line.text.slice(0, last) + line.text.slice(last + width) };
      return;
    }
  }
}

// ---------------------------------------------------------------------------
// Joining body lines into paragraphs

// /[.!?…:][”"’)*\]]{0,3}$/ and /[;,][”"’)]{0,2}$/: a line ends a sentence (or a lead-in), or a clause,
// closing marks aside; read from the end of the line.
function endsSentence(s: string): boolean {
  return endsWith(s, ".!?…:", "”\"’)*]", 3);
}

function endsClause(s: string): boolean {
  return endsWith(s, ";,", "”\"’)", 2);
}

/** One of `marks`, then at most `max` of `closers`, end `s` (the two sets share no character). */
function endsWith(s: string, marks: string, closers: string, max: number): boolean {
  let i = s.length - 1;
  while (i >= 0 && s.length - 1 - i <= max && closers.includes(s[i]!)) i--;
  return i >= 0 && s.length - 1 - i <= max && marks.includes(s[i]!);
}

// The case of each code unit of the basic plane, as isAllCaps reads it (0: not asked yet).
const UNCASED = 1; // lower case and upper case are the same
const UPPER = 2; // the character is its own upper case
const NOT_UPPER = 3;
const CASES = new Uint8Array(0x10000);

function caseOf(ch: string): number {
  const upper = ch.toUpperCase();
  if (ch.toLowerCase() === upper) return UNCASED;
  return ch === upper ? UPPER : NOT_UPPER;
}

/** At least two letters, all upper case: the case of each character is remembered, not asked each time. */
function isAllCaps(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let kind: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      kind = caseOf(s.slice(i, i + 2)); // a character outside the basic plane, read whole as for-of does
      i++;
    } else {
      kind = CASES[c]!;
      if (kind === 0) kind = CASES[c] = caseOf(String.fromCharCode(c));
    }
    if (kind === UNCASED) continue;
    if (kind === NOT_UPPER) return false;
    letters++;
  }
  return letters >= 2;
}

/** An all-caps line that reads as a heading ("II. CÔNG TÁC XÂY DỰNG ĐẢNG"), not a wrapped "IV/2025." or "UBND tỉnh". */
function isHeadingLike(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w) && !/^[IVXLC]+[/.-]?\d/u.test(w));
  return words.length >= 2;
}

/** The usual width of a full body line: the 75th percentile of line lengths. */
function lineWidth(lines: Line[]): number {
  const lengths = lines.map((l) => l.text.length).filter((n) => n >= 20);
  if (lengths.length === 0) return 80;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.75)]!;
}

/** More than half of the lines are followed by exactly one blank line: blank lines carry no meaning. */
function isDoubleSpaced(lines: Line[]): boolean {
  if (lines.length < 4) return false;
  let single = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i]!.blanksBefore === 1) single++;
  return single >= (lines.length - 1) * 0.5;
}

type Joint = "break" | "space" | "glue" | "marker";

/** The start of a state symbol ending a line with its dash: "845/SNNMT-", "12/2025/QĐ-". */
const STATE_SYMBOL_HEAD = /(?:^|\s)\d{1,5}\/(?:\d{4}\/)?\p{Lu}[\p{Lu}\d]{1,12}-$/u;

const LETTER_ITEM = /^[a-zđ]\)\s/u;

function jointBetween(a: Line, b: Line, width: number, blanksMatter: boolean): Joint {
  const at = a.text;
  const bt = b.text;
  if (at.endsWith("[") && bt.startsWith("]")) return "marker";
  if (at.endsWith("-") && isDigitAt(at, at.length - 2) && /^\p{Lu}{1,6}[a-zđ]?\//u.test(bt)) return "glue";
  // "Công văn số 845/SNNMT-⏎QLĐĐ": a state symbol split after the dash between its bodies' abbreviations.
  if (at.endsWith("-") && STATE_SYMBOL_HEAD.test(at.slice(-24)) && /^\p{Lu}{2,10}(?![\p{L}\p{M}\d])/u.test(bt)) return "glue";
  if (isSeparator(bt) || isSeparator(at)) return "break";
  // "a) …", "b) …": a lettered item opens with a lower-case letter, but does not continue the line before
  // when that line ends a sentence or a clause or is short (a heading: "1. Nâng cao nhận thức …").
  if (LETTER_ITEM.test(bt) && (endsSentence(at) || endsClause(at) || at.length < width * 0.8)) return "break";
  const startsLower = startsLowerOrContinues(bt);
  if (blanksMatter && b.blanksBefore > 0 && !startsLower) return "break";
  if (startsLower) return "space";
  const short = at.length < width * 0.8;
  if (splitLabel(bt).label) {
    return endsSentence(at) || endsClause(at) || short || isAllCaps(at) ? "break" : "space";
  }
  if (endsSentence(at)) return "break";
  if (isAllCaps(at) || (isAllCaps(bt) && isHeadingLike(bt))) return "break";
  if (short && !endsClause(at)) return "break";
  return "space";
}

/** `/^[\p{Ll},;.)\]]/u`: the line opens with a lower-case letter or punctuation that continues a sentence. */
function startsLowerOrContinues(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 0x2c || c === 0x3b || c === 0x2e || c === 0x29 || c === 0x5d || isLowerAt(s, 0);
}

function joinBodyLines(lines: Line[]): string[] {
  if (lines.length === 0) return [];
  const width = lineWidth(lines);
  const blanksMatter = !isDoubleSpaced(lines);
  const out: string[] = [];
  let current = lines[0]!.text;
  let previous = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const joint = jointBetween(previous, line, width, blanksMatter);
    if (joint === "break") {
      out.push(current);
      current = line.text;
    } else if (joint === "marker") {
      current = current.slice(0, -1).trimEnd() + line.text.slice(1);
    } else if (joint === "glue") {
      current += line.text;
    } else {
      current += ` ${line.text}`;
    }
    // The next joint is judged on this physical line (its width, its last character), which also keeps
    // the work per line constant however long the paragraph grows.
    previous = joint === "marker" ? { ...line, text: line.text.slice(1) || "." } : line;
  }
  out.push(current);
  return out.map(cleanParagraph);
}

/** Leftover note markers ("[1]", "[�]", "[]"), spaces before punctuation. */
function cleanParagraph(s: string): string {
  let out = s;
  if (out.includes("[")) out = out.replace(/\s?\[(?:\d{1,3}|\uFFFD|[^\]\s]{0,2})\]/g, "").replace(/\[\s*$/, "");
  if (/ [,;.:]/.test(out)) out = out.replace(/\s+([,;.:])(?=\s|$)/g, "$1");
  if (out.includes("  ")) out = out.replace(/\s+/g, " ");
  return out.trim();
}

// ---------------------------------------------------------------------------
// Markdown pipe tables of text copies: "| TT | Chỉ tiêu | Đơn vị tính | … |" over a "|---|---|" rule.

const PIPE_ROW = /^\|.*\|$/u;
const PIPE_RULE = /^\|(?:\s*:?-{3,}:?\s*\|)+$/u;

/** The body's lines cut around its pipe tables (runs of pipe rows holding a rule row), in order. */
function splitPipeTables(lines: Line[]): Array<{ lines: Line[] } | { rows: string[][] }> {
  if (!lines.some((l) => PIPE_RULE.test(l.text))) return [{ lines }];
  const out: Array<{ lines: Line[] } | { rows: string[][] }> = [];
  let text: Line[] = [];
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && PIPE_ROW.test(lines[end]!.text)) end++;
    const run = lines.slice(i, end);
    if (run.length >= 2 && run.some((l) => PIPE_RULE.test(l.text))) {
      if (text.length > 0) out.push({ lines: text });
      text = [];
      out.push({ rows: run.filter((l) => !PIPE_RULE.test(l.text)).map((l) => l.text.slice(1, -1).split("|").map((c) => c.trim())) });
      i = end;
    } else {
      text.push(lines[i]!);
      i++;
    }
  }
  if (text.length > 0) out.push({ lines: text });
  return out;
}

// ---------------------------------------------------------------------------
// End notes (003): "[�] text", then paragraphs of the same note until the next marker.

// The marker and the spaces after it; the rest of the line is the note (a line holds no line break).
const END_NOTE_MARKER = /^(?:\[[^\]\s]{1,4}\]|\(\d{1,3}\))\s*/u;

function readEndNotes(lines: Line[]): string[] {
  const notes: string[] = [];
  for (const line of lines) {
    // A marker opens with "[" or "(": other lines continue the note without running the pattern.
    const open = line.text.charCodeAt(0);
    const m = open === 0x5b || open === 0x28 ? END_NOTE_MARKER.exec(line.text) : null;
    if (m) notes.push(line.text.slice(m[0].length).trim());
    else if (notes.length > 0) notes[notes.length - 1] += ` ${line.text}`;
  }
  // Lines are collapsed and joined with single spaces: a note only needs trimming (its marker line may hold nothing else).
  return notes.map((n) => n.trim()).filter((n) => n.length > 0);
}
