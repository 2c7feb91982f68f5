// PDF: text items with their positions and font sizes (pdf.js through unpdf) are rebuilt into
// lines and paragraphs the way a reader sees the page:
// - lines: items grouped by baseline; raised small numbers ("1" after "96,08%") join the line
//   below them as superscripts; wide horizontal gaps split a line into segments;
// - two-column zones (the header: issuer | motto, number | place and date; the signature block:
//   distribution list | signer) are read column by column;
// - page numbers ("3", "- 3 -", "Trang 3") and running headers and footers (lines repeating in
//   the top or bottom band of most pages) are dropped;
// - footnotes: the block of smaller lines at the bottom of a page that starts with a note
//   number; they go to `footnotes` and their superscript markers leave the body;
// - paragraphs: a blank line where the vertical gap is larger than the line pitch, where a line
//   is indented (first-line indent) or after a short line ending a sentence. The layout step
//   joins the remaining hard line breaks.
// - tables (pdf-tables.ts): ruled grids and aligned columns become tables of cells; each stands in
//   the text as one paragraph holding TABLE_MARK, its rows go to `tables` in the same order. A table
//   that runs on over a page break is one table: a repeated header row is dropped and a row cut by
//   the break is joined again.
import { encryptedPdf, PaperError } from "../errors.ts";
import { TABLE_MARK } from "../types.ts";
import { findTables, mayHoldTable, multiply, rulesOfPath, type GridTable, type Matrix, type Rule } from "./pdf-tables.ts";

export interface PdfContent {
  /** The running text; each table is a paragraph of its own holding TABLE_MARK. */
  text: string;
  /** The tables in the order of their marks: rows of cell texts. */
  tables: string[][][];
  footnotes: string[];
  warnings: string[];
}

interface Item {
  str: string;
  /** Left edge and baseline in page space, origin top-left, y downwards. */
  x: number;
  y: number;
  w: number;
  /** Font size. */
  h: number;
  /** A raised small item (a note marker or an exponent). */
  sup: boolean;
}

interface Segment {
  x0: number;
  x1: number;
  items: Item[];
}

interface Line {
  y: number;
  /** Dominant font size. */
  h: number;
  x0: number;
  x1: number;
  segments: Segment[];
  /** The place of a table: its index in `Page.tables` (the line itself holds TABLE_MARK). */
  table?: number;
}

interface Page {
  width: number;
  height: number;
  lines: Line[];
  tables: Array<GridTable<Item>>;
}

// ---------------------------------------------------------------------------
// Reading pages

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  dir?: string;
}

interface Viewport {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): number[];
}

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

type Ops = Record<string, number>;

/** The horizontal and vertical rules drawn on a page (table borders), in viewport space. */
async function pageRules(page: { getOperatorList(): Promise<unknown> }, viewport: Viewport, OPS: Ops): Promise<Rule[]> {
  let list: OperatorList;
  try {
    list = (await page.getOperatorList()) as OperatorList;
  } catch {
    return [];
  }
  const stroke = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set([OPS.fill, OPS.eoFill]);
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const toPage = (x: number, y: number): [number, number] => {
    const p = viewport.convertToViewportPoint(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
    return [p[0]!, p[1]!];
  };
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0];
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(ctm, Array.from(m as ArrayLike<number>));
    } else if (fn === OPS.constructPath && args) {
      // pdf.js 5: [paint operation, [path data], bounding box].
      const paint = args[0];
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (typeof paint !== "number" || !data || !(ArrayBuffer.isView(data) || Array.isArray(data))) continue;
      const stroked = stroke.has(paint);
      if (stroked || fill.has(paint)) rulesOfPath(data as ArrayLike<number>, stroked, toPage, rules);
    }
  }
  return rules;
}

/** A page's lines with a TABLE_MARK line at the top of each table. */
function withTableLines(lines: Line[], tables: Array<GridTable<Item>>): Line[] {
  if (tables.length === 0) return lines;
  const marks: Line[] = tables.map((t, k) => {
    const sizes = t.rows.flat(2).map((it) => it.h);
    const h = sizes.length > 0 ? median(sizes) : 10;
    const item: Item = { str: TABLE_MARK, x: t.left, y: t.top, w: t.right - t.left, h, sup: false };
    return { y: t.top, h, x0: t.left, x1: t.right, segments: [{ x0: t.left, x1: t.right, items: [item] }], table: k };
  });
  return [...lines, ...marks].sort((a, b) => a.y - b.y);
}

async function loadPages(bytes: Uint8Array): Promise<Page[]> {
  const { getDocumentProxy, getResolvedPDFJS } = await import("unpdf");
  const { OPS } = (await getResolvedPDFJS()) as unknown as { OPS: Ops };
  // pdf.js may transfer (detach) the buffer it is given: give it a copy.
  const data = new Uint8Array(bytes);
  let pdf;
  try {
    pdf = await getDocumentProxy(data, {
      verbosity: 0,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    });
  } catch (e) {
    if ((e as { name?: string })?.name === "PasswordException") throw encryptedPdf();
    throw new PaperError("corrupt", undefined, { cause: e });
  }
  try {
    const pages: Page[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 }) as unknown as Viewport;
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items as unknown[]) {
        const it = raw as PdfTextItem;
        if (typeof it.str !== "string" || it.str.trim().length === 0 || !Array.isArray(it.transform)) continue;
        const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
        const origin = viewport.convertToViewportPoint(e, f);
        const along = viewport.convertToViewportPoint(e + a, f + b);
        const dx = along[0]! - origin[0]!;
        const dy = along[1]! - origin[1]!;
        // Horizontal text only: rotated stamps and watermarks are not body text.
        if (Math.abs(dy) > 0.2 * Math.abs(dx) || dx <= 0) continue;
        const h = Math.hypot(c, d);
        if (!(h > 0.5) || !Number.isFinite(origin[0]!) || !Number.isFinite(origin[1]!)) continue;
        items.push({ str: it.str, x: origin[0]!, y: origin[1]!, w: Math.max(0, it.width), h, sup: false });
      }
      const rules = mayHoldTable(items) ? await pageRules(page, viewport, OPS) : [];
      const { tables, rest } = findTables(items, rules);
      pages.push({ width: viewport.width, height: viewport.height, lines: withTableLines(buildLines(rest), tables), tables });
      page.cleanup();
    }
    return pages;
  } catch (e) {
    if (e instanceof PaperError) throw e;
    throw new PaperError("corrupt", undefined, { cause: e });
  } finally {
    await pdf.loadingTask.destroy().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------
// Lines

// Note markers: numbers, small roman numerals (LibreOffice's endnotes), asterisks and daggers.
const MARKER_TEXT = /^\s*(?:\d{1,3}|[ivx]{1,5}|[*†‡]{1,3})(?:\s*,\s*(?:\d{1,3}|[ivx]{1,5}))*\s*$/u;
// "m²", "km³": an exponent, not a note marker.
const UNIT_BEFORE_EXPONENT = /(?:^|[^\p{L}])[kcdm]?m$/u;
/** A gap wider than this many font sizes splits a line into segments (columns, tab stops). */
const COLUMN_GAP = 2.5;

function dominantSize(items: Item[]): number {
  const weight = new Map<number, number>();
  for (const it of items) {
    if (it.sup) continue;
    const k = Math.round(it.h * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + it.str.length);
  }
  let best = items[0]?.h ?? 0;
  let bestW = -1;
  for (const [k, w] of weight) {
    if (w > bestW) {
      best = k;
      bestW = w;
    }
  }
  return best;
}

function buildLines(items: Item[]): Line[] {
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  // Pass 1: items on one baseline.
  const groups: Item[][] = [];
  let current: Item[] = [];
  let y = 0;
  let h = 0;
  for (const it of items) {
    if (current.length > 0 && Math.abs(it.y - y) <= 0.3 * Math.max(it.h, h)) {
      current.push(it);
      h = Math.max(h, it.h);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [it];
    y = it.y;
    h = it.h;
  }
  if (current.length > 0) groups.push(current);

  // Pass 2: a group of small raised markers joins the line just below it.
  const merged: Item[][] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const below = groups[i + 1];
    if (below && g.every((it) => MARKER_TEXT.test(it.str))) {
      const size = dominantSize(below);
      const gy = Math.max(...g.map((it) => it.y));
      const by = below.reduce((s, it) => s + it.y, 0) / below.length;
      if (g.every((it) => it.h <= 0.8 * size) && by - gy > 0 && by - gy <= 0.9 * size) {
        for (const it of g) it.sup = true;
        below.push(...g);
        continue;
      }
    }
    merged.push(g);
  }

  const lines: Line[] = [];
  for (const g of merged) {
    const size = dominantSize(g);
    const normal = g.filter((it) => !it.sup);
    const baseline = normal.length > 0 ? median(normal.map((it) => it.y)) : g[0]!.y;
    for (const it of g) {
      if (!it.sup && it.h <= 0.75 * size && it.y < baseline - 0.15 * size && MARKER_TEXT.test(it.str)) it.sup = true;
    }
    g.sort((a, b) => a.x - b.x);
    const deduped: Item[] = [];
    for (const it of g) {
      const prev = deduped[deduped.length - 1];
      // Bold simulated by drawing the text twice, slightly shifted.
      if (prev && prev.str === it.str && Math.abs(prev.x - it.x) < 0.2 * it.h && Math.abs(prev.y - it.y) < 0.2 * it.h) continue;
      deduped.push(it);
    }
    const segments: Segment[] = [];
    for (const it of deduped) {
      const seg = segments[segments.length - 1];
      if (seg && it.x - seg.x1 <= COLUMN_GAP * size) {
        seg.items.push(it);
        seg.x1 = Math.max(seg.x1, it.x + it.w);
      } else {
        segments.push({ x0: it.x, x1: it.x + it.w, items: [it] });
      }
    }
    lines.push({
      y: baseline,
      h: size,
      x0: segments[0]!.x0,
      x1: Math.max(...segments.map((s) => s.x1)),
      segments,
    });
  }
  return lines;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Text of a segment; superscript markers are kept only when `keepSup` says so. */
type KeepSup = (it: Item, before: string) => boolean;

function segmentText(seg: Segment, keepSup: KeepSup): string {
  let out = "";
  let prev: Item | null = null;
  for (const it of seg.items) {
    // A dropped marker still counts for spacing: "96,08%¹." gives "96,08%." without a space.
    const skip = it.sup && !keepSup(it, out);
    const str = it.sup ? it.str.trim() : it.str;
    if (prev && !skip) {
      const gap = it.x - (prev.x + prev.w);
      if (!it.sup && gap > 0.12 * Math.max(it.h, prev.h) && !/\s$/.test(out) && !/^\s/.test(str)) out += " ";
    }
    if (!skip) out += str;
    prev = it;
  }
  return out.replace(/\s+/g, " ").trim();
}

function lineText(line: Line, keepSup: KeepSup): string {
  return line.segments
    .map((s) => segmentText(s, keepSup))
    .filter((t) => t.length > 0)
    .join(" ");
}

// ---------------------------------------------------------------------------
// Page furniture: page numbers, running headers and footers

const PAGE_NUMBER = /^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:trang|page)\s*\d{1,4}(?:\s*(?:\/|trên|of)\s*\d{1,4})?$|^\d{1,4}\s*\/\s*\d{1,4}$/iu;
const BAND = 0.12;

function inBand(line: Line, page: Page, index: number): boolean {
  const top = line.y < page.height * BAND && index < 2;
  const bottom = line.y > page.height * (1 - BAND) && index >= page.lines.length - 2;
  return top || bottom;
}

function furnitureKey(line: Line): string {
  return lineText(line, () => true)
    .toLocaleLowerCase("vi")
    .replace(/\d+/g, "#")
    .replace(/\s+/g, " ")
    .trim();
}

function removeFurniture(pages: Page[]): void {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    page.lines.forEach((line, i) => {
      if (line.table !== undefined || !inBand(line, page, i)) return;
      const key = furnitureKey(line);
      if (key.length > 0 && !seen.has(key)) {
        seen.add(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    });
  }
  const repeated = (key: string) => pages.length >= 2 && (counts.get(key) ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.5));
  for (const page of pages) {
    page.lines = page.lines.filter((line, i) => {
      if (line.table !== undefined || !inBand(line, page, i)) return true;
      const text = lineText(line, () => true);
      if (PAGE_NUMBER.test(text.trim())) return false;
      return !repeated(furnitureKey(line));
    });
  }
}

// ---------------------------------------------------------------------------
// Footnotes

const NOTE_START_TEXT = /^(?:(\d{1,3})(?:[.)]\s*|\s+)|\[(\d{1,3})\]\s*|\((\d{1,3})\)\s*|(\*{1,3})\s*)(?=\S)/u;

interface PageNotes {
  notes: Array<{ number: string | null; text: string }>;
  /** Lines of the page that are not notes. */
  body: Line[];
}

/**
 * The note a line starts, if it does: with a raised marker, or with a number in the text that a
 * marker in the body above announced or that continues the numbering of the notes so far.
 */
function noteStart(line: Line, markers: Set<string>, expected: number): { number: string | null; text: string } | null {
  const first = line.segments[0]?.items[0];
  const all = line.segments.map((s) => segmentText(s, () => false)).join(" ").trim();
  if (first?.sup) return { number: first.str.trim(), text: all };
  const withSup = lineText(line, () => true);
  const m = NOTE_START_TEXT.exec(withSup);
  if (!m) return null;
  const number = m[1] ?? m[2] ?? m[3] ?? m[4] ?? null;
  if (number !== null && /^\d+$/.test(number) && !markers.has(number) && Number(number) !== expected) return null;
  return { number, text: withSup.slice(m[0].length).trim() };
}

interface NoteState {
  previousHadNotes: boolean;
  previousNoteEnded: boolean;
  /** The number the next numbered note should carry. */
  expected: number;
}

function splitFootnotes(page: Page, bodySize: number, state: NoteState): PageNotes {
  const { previousHadNotes, previousNoteEnded } = state;
  const lines = page.lines;
  let start = lines.length;
  while (start > 0 && lines[start - 1]!.h <= 0.88 * bodySize && lines[start - 1]!.table === undefined) start--;
  if (start === lines.length) return { notes: [], body: lines };
  const markers = new Set<string>();
  for (const l of lines.slice(0, start)) for (const seg of l.segments) for (const it of seg.items) if (it.sup) markers.add(it.str.trim());
  const startsNote = (l: Line) => noteStart(l, markers, state.expected);
  const block = lines.slice(start);
  // Notes sit low on the page, unless the page holds nothing else (end notes).
  if (start > 0 && block[0]!.y < page.height * 0.4) return { notes: [], body: lines };
  const above = lines[start - 1];
  let firstNote = block.findIndex((l) => startsNote(l) !== null);
  if (firstNote < 0) firstNote = block.length;
  let lead: Line[] = [];
  if (firstNote > 0) {
    // Lines before the first note: the end of a note from the previous page, set off by a gap.
    const gap = above ? block[0]!.y - above.y : Infinity;
    const continuation = previousHadNotes && gap > 1.6 * bodySize && (!previousNoteEnded || /^\p{Ll}/u.test(lineText(block[0]!, () => false)));
    if (!continuation) {
      if (firstNote === block.length) return { notes: [], body: lines };
      // Small lines before the notes belong to the body (a table, a distribution list).
      start += firstNote;
    } else {
      lead = block.slice(0, firstNote);
    }
  }
  const notes: Array<{ number: string | null; text: string }> = [];
  if (lead.length > 0) notes.push({ number: null, text: lead.map((l) => lineText(l, () => true)).join(" ") });
  for (const line of lines.slice(start + lead.length)) {
    const s = startsNote(line);
    if (s) {
      notes.push({ number: s.number, text: s.text });
      if (s.number !== null && /^\d+$/.test(s.number)) state.expected = Number(s.number) + 1;
    } else if (notes.length > 0) {
      notes[notes.length - 1]!.text += ` ${lineText(line, () => true)}`;
    }
  }
  return { notes: notes.map((n) => ({ ...n, text: n.text.replace(/\s+/g, " ").trim() })), body: lines.slice(0, start) };
}

// ---------------------------------------------------------------------------
// Columns and paragraphs

interface OutLine {
  text: string;
  line: Line;
  /** For a line of a two-column zone, which column (unique per page and zone); else -1. */
  column: number;
  /** Font size of the line, or of the segment in a zone. */
  h: number;
}

/**
 * Orders the lines of a page for reading: a run of lines split in two at one x position (and lines
 * wholly on one side of it) is read left column first, then right column.
 */
let columnIds = 0;

function readingOrder(lines: Line[], text: (l: Line, seg?: Segment) => string): OutLine[][] {
  const groups: OutLine[][] = [];
  let plain: OutLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.segments.length < 2) {
      plain.push({ text: text(line), line, column: -1, h: line.h });
      continue;
    }
    const split = line.segments[1]!.x0;
    const leftId = ++columnIds;
    const rightId = ++columnIds;
    const left: OutLine[] = [];
    const right: OutLine[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.table !== undefined) break;
      if (j > i && l.y - lines[j - 1]!.y > 3.2 * Math.max(l.h, lines[j - 1]!.h)) break;
      const leftSegs = l.segments.filter((s) => s.x1 <= split + 0.5 * l.h);
      const rightSegs = l.segments.filter((s) => s.x1 > split + 0.5 * l.h && s.x0 >= split - 1.5 * l.h);
      if (leftSegs.length + rightSegs.length !== l.segments.length) break;
      if (j > i && l.segments.length === 1 && leftSegs.length === 1 && l.x1 > split - 3 * l.h && rightSegs.length === 0) {
        // A long single line reaching the split is body text again.
        break;
      }
      for (const s of leftSegs) left.push({ text: text(l, s), line: l, column: leftId, h: dominantSize(s.items) });
      for (const s of rightSegs) right.push({ text: text(l, s), line: l, column: rightId, h: dominantSize(s.items) });
    }
    if (j === i) {
      // The first line itself does not split cleanly: read it as one line.
      plain.push({ text: text(line), line, column: -1, h: line.h });
      continue;
    }
    if (plain.length > 0) groups.push(plain);
    plain = [];
    groups.push(left.filter((o) => o.text.length > 0));
    groups.push(right.filter((o) => o.text.length > 0));
    i = j - 1;
  }
  if (plain.length > 0) groups.push(plain);
  return groups.filter((g) => g.length > 0);
}

interface Metrics {
  bodySize: number;
  pitch: number;
  left: number;
  right: number;
}

function metricsOf(pages: Page[]): Metrics {
  const sizes = new Map<number, number>();
  for (const p of pages) for (const l of p.lines) for (const s of l.segments) for (const it of s.items) {
    if (it.sup || l.table !== undefined) continue;
    const k = Math.round(it.h * 2) / 2;
    sizes.set(k, (sizes.get(k) ?? 0) + it.str.length);
  }
  let bodySize = 12;
  let best = -1;
  for (const [k, w] of sizes) {
    if (w > best) {
      bodySize = k;
      best = w;
    }
  }
  const pitches: number[] = [];
  const lefts: number[] = [];
  const rights: number[] = [];
  for (const p of pages) {
    p.lines.forEach((l, i) => {
      if (l.table !== undefined || Math.abs(l.h - bodySize) > 0.5) return;
      lefts.push(Math.round(l.x0));
      rights.push(l.x1);
      const next = p.lines[i + 1];
      if (next && next.table === undefined && Math.abs(next.h - bodySize) <= 0.5) {
        const d = next.y - l.y;
        if (d > 0.8 * bodySize && d < 3 * bodySize) pitches.push(d);
      }
    });
  }
  const mode = (xs: number[]) => {
    const c = new Map<number, number>();
    let m = xs[0] ?? 0;
    let n = 0;
    for (const x of xs) {
      const k = (c.get(x) ?? 0) + 1;
      c.set(x, k);
      if (k > n) {
        m = x;
        n = k;
      }
    }
    return m;
  };
  rights.sort((a, b) => a - b);
  pitches.sort((a, b) => a - b);
  return {
    bodySize,
    pitch: pitches.length > 0 ? pitches[Math.floor(pitches.length * 0.25)]! : bodySize * 1.2,
    left: mode(lefts),
    right: rights.length > 0 ? rights[Math.floor(rights.length * 0.9)]! : 0,
  };
}

const SENTENCE_END = /[.!?:;…]["”’)]*$/u;

function isIndented(l: Line, m: Metrics): boolean {
  return l.x0 > m.left + 0.7 * m.bodySize;
}

/** Set off from both margins by about the same amount: a title line. */
function isCentered(l: Line, m: Metrics): boolean {
  const leftGap = l.x0 - m.left;
  const rightGap = m.right - l.x1;
  return leftGap > m.bodySize && rightGap > m.bodySize && Math.abs(leftGap - rightGap) < 3 * m.bodySize;
}

function isShort(l: Line, m: Metrics): boolean {
  return l.x1 < m.right - 2.5 * m.bodySize;
}


/** Whether a paragraph ends between two consecutive body lines. */
function breaksBetween(a: OutLine, b: OutLine, m: Metrics, samePage: boolean): boolean {
  const la = a.line;
  const lb = b.line;
  if (a.column !== b.column) return true;
  if (samePage && lb.y - la.y > 1.3 * Math.max(m.pitch, 0.8 * a.h, 0.8 * b.h)) return true;
  if (Math.abs(a.h - b.h) > 1.5) return true;
  // Within a column of the header or signature block only spacing separates paragraphs.
  if (a.column !== -1) return false;
  if (isCentered(la, m) && isCentered(lb, m) && Math.abs((la.x0 + la.x1) / 2 - (lb.x0 + lb.x1) / 2) < 2 * a.h) return false;
  if (isIndented(lb, m)) return true;
  if (isShort(la, m) && (SENTENCE_END.test(a.text) || isIndented(la, m))) return true;
  return false;
}

// ---------------------------------------------------------------------------

/** Reads a PDF. Throws PaperError: "encrypted", "corrupt", "empty". */
export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const pages = await loadPages(bytes);
  removeFurniture(pages);
  const metrics = metricsOf(pages);

  // Notes first, on every page: their numbers tell which superscripts are markers (end notes
  // are printed pages after their markers).
  const footnotes: string[] = [];
  const noteNumbers = new Set<string>();
  const bodies: Line[][] = [];
  const state: NoteState = { previousHadNotes: false, previousNoteEnded: true, expected: 1 };
  for (const page of pages) {
    const { notes, body } = splitFootnotes(page, metrics.bodySize, state);
    bodies.push(body);
    for (const n of notes) {
      if (n.number !== null) noteNumbers.add(n.number);
      if (n.number === null && footnotes.length > 0) footnotes[footnotes.length - 1] += ` ${n.text}`;
      else if (n.text.length > 0) footnotes.push(n.text);
    }
    state.previousHadNotes = notes.length > 0;
    if (state.previousHadNotes) state.previousNoteEnded = SENTENCE_END.test(footnotes[footnotes.length - 1] ?? ".");
  }

  const keepSup: KeepSup = (it, before) =>
    (/^[23]$/.test(it.str.trim()) && UNIT_BEFORE_EXPONENT.test(before)) ||
    !it.str.split(/\s*,\s*/).every((p) => noteNumbers.has(p.trim()));
  const text = (l: Line, seg?: Segment) => (seg ? segmentText(seg, keepSup) : lineText(l, keepSup));
  const paragraphs: string[][] = [];
  const tables: string[][][] = [];
  let last: OutLine | null = null;
  let lastTable: { page: number; grid: GridTable<Item>; rows: string[][] } | null = null;
  for (const [pageIndex, body] of bodies.entries()) {
    let first = true;
    for (const group of readingOrder(body, text)) {
      for (const out of group) {
        if (out.line.table !== undefined) {
          const grid = pages[pageIndex]!.tables[out.line.table]!;
          const widths = textWidths(grid);
          const rows = grid.rows.map((r) => r.map((c, i) => cellText(c, keepSup, widths[i]!)));
          if (last?.line.table !== undefined && lastTable && lastTable.page === pageIndex - 1 && sameColumns(lastTable.grid, grid)) {
            continueTable(lastTable.rows, rows);
            lastTable = { page: pageIndex, grid, rows: lastTable.rows };
          } else {
            tables.push(rows);
            paragraphs.push([TABLE_MARK]);
            lastTable = { page: pageIndex, grid, rows };
          }
          last = out;
          first = false;
          continue;
        }
        if (out.text.length === 0) continue;
        if (last === null || last.line.table !== undefined || breaksBetween(last, out, metrics, !first)) paragraphs.push([out.text]);
        else paragraphs[paragraphs.length - 1]!.push(out.text);
        last = out;
        first = false;
      }
    }
  }
  const all = paragraphs.map((p) => p.join("\n")).join("\n\n");
  if (!/\p{L}/u.test(all) && footnotes.length === 0 && !tables.some((t) => t.some((r) => r.some((c) => /\p{L}/u.test(c))))) {
    throw new PaperError("empty");
  }
  return { text: all, tables, footnotes, warnings: [] };
}

// ---------------------------------------------------------------------------
// Table cells

/**
 * A cell's text: its lines as in running text, joined by spaces; a new line after ";" or before a dash.
 * `width` is the width text may take in the cell's column: a word longer than that was cut where the
 * line was full ("ST" / "T" in a narrow STT column, "15/4/202" / "7") and is joined again without a
 * space, as is a document number cut after its dash ("12-" / "HD/UBKTTU").
 */
function cellText(items: Item[], keepSup: KeepSup, width: number): string {
  if (items.length === 0) return "";
  let out = "";
  let prev: { line: Line; text: string } | null = null;
  for (const line of buildLines(items.map((it) => ({ ...it, sup: false })))) {
    const t = lineText(line, keepSup);
    if (t.length === 0) continue;
    if (prev) {
      if (cutWord(prev.line, prev.text, line, t, width) || (/\d-$/.test(prev.text) && /^\p{Lu}[\p{L}\d]*\//u.test(t))) out += "";
      else out += /;$/.test(out) || /^[-+•]\s/u.test(t) ? "\n" : " ";
    }
    out += t;
    prev = { line, text: t };
  }
  return out;
}

/** A line holding one word that fills the column, and a next line whose first word would not have fit beside it. */
function cutWord(a: Line, aText: string, b: Line, bText: string, width: number): boolean {
  if (aText.includes(" ") || !/[\p{L}\p{N}]$/u.test(aText) || !/^[\p{L}\p{N}]/u.test(bText)) return false;
  const aWidth = a.x1 - a.x0;
  const first = bText.split(" ")[0]!;
  const firstWidth = ((b.x1 - b.x0) * first.length) / bText.length;
  return aWidth >= 0.85 * width && aWidth + firstWidth > width;
}

/** Per column, the width its text may take: the column less the padding seen on its left. */
function textWidths(grid: GridTable<Item>): number[] {
  const cols = grid.columns.length - 1;
  const out: number[] = [];
  for (let i = 0; i < cols; i++) {
    const left = grid.columns[i]!;
    const w = grid.columns[i + 1]! - left;
    let pad = w / 2;
    for (const row of grid.rows) for (const it of row[i] ?? []) pad = Math.min(pad, Math.max(0, it.x - left));
    out.push(w - 2 * pad);
  }
  return out;
}

/** Whether a table on the next page continues this one: the same columns. */
function sameColumns(a: GridTable<Item>, b: GridTable<Item>): boolean {
  if (a.columns.length !== b.columns.length) return false;
  const tolerance = a.ruled && b.ruled ? 3 : 0.05 * (a.right - a.left);
  return a.columns.every((x, i) => Math.abs(x - b.columns[i]!) <= tolerance);
}

const sameRow = (a: string[] | undefined, b: string[] | undefined) => !!a && !!b && a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * Appends the rows of a table's part on the next page: the header rows printed again are dropped, and
 * a first row without row number (the rest of a row cut by the page break) is joined to the last row.
 */
function continueTable(rows: string[][], more: string[][]): void {
  let k = 0;
  while (k < more.length && k < rows.length - 1 && sameRow(rows[k], more[k])) k++;
  const head = more[k];
  const tail = rows[rows.length - 1];
  if (head && tail && head[0] === "" && tail[0] !== "" && head.some((c) => c !== "")) {
    head.forEach((c, i) => {
      if (c) tail[i] = tail[i] ? `${tail[i]} ${c}` : c;
    });
    k++;
  }
  for (const r of more.slice(k)) rows.push(r);
}
