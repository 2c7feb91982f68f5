// Tables in text PDFs. A PDF has no tables, only text items at positions and drawn lines; a table is
// rebuilt from them in two ways:
// - ruled tables: the horizontal and vertical rules of the page (stroked lines, thin filled
//   rectangles) that touch each other form a grid; the vertical rules give the column boundaries, the
//   horizontal ones the row boundaries; where a rule is missing between two cells they are one merged
//   cell (a group row spanning the table, a body named once for several rows);
// - unruled tables: a run of lines whose text keeps to three or more columns separated by empty
//   vertical strips (no text of the run crosses them), started by a line of at least three cells.
// In both, a row also starts where the first column, when it holds the row numbers (STT), shows a
// new number: tables ruled only around and between columns are cut into rows that way.
// Cells are returned as the text items inside them, so that the caller builds their lines and drops
// note markers as in running text. Every step is linear or n·log n in the number of items and rules,
// with caps on what a hostile page can make it do.

export interface TableItem {
  str: string;
  /** Left edge and baseline, origin top-left, y downwards. */
  x: number;
  y: number;
  w: number;
  /** Font size. */
  h: number;
}

/** An axis-aligned rule in the same space as the items: x0 ≤ x1, y0 ≤ y1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface GridTable<T extends TableItem> {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Column boundaries from left to right, the table's edges included (columns + 1 values). */
  columns: number[];
  /**
   * Rows × columns: the items of each cell, in reading order. As in the .docx reader, a cell merged
   * across rows gives its items to every row it covers; one merged across columns keeps them in its
   * first column and leaves the others empty. Rows without any text are left out.
   */
  rows: T[][][];
  /** Drawn with rules (else found from the alignment of the text). */
  ruled: boolean;
}

/** Rules longer than this (points) are kept; shorter ones are glyph parts and decorations. */
const MIN_RULE = 4;
/** A rule is at most this thick. */
const MAX_THICKNESS = 3;
/** Positions closer than this are the same line. */
const TOL = 2;
// Caps against hostile pages: beyond them the page is read as running text.
const MAX_RULES = 5000;
const MAX_TOUCH_CHECKS = 2_000_000;
const MAX_CELLS = 200_000;
const MAX_TABLES = 100;

// ---------------------------------------------------------------------------
// Rules from drawing operations

/** A 2D affine matrix [a, b, c, d, e, f] as pdf.js and PDF use it. */
export type Matrix = [number, number, number, number, number, number];

/** `m` applied after `ctm` (the PDF `cm` operator). */
export function multiply(ctm: Matrix, m: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = ctm;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

/** The path operations of a pdf.js `constructPath`: moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/**
 * The straight axis-aligned pieces of a path, in page space (`toPage` maps user space). Stroked
 * paths give each horizontal or vertical segment; filled ones only thin rectangles (a filled cell
 * background is not a rule, but a border drawn as a 0.5 pt wide rectangle is).
 */
export function rulesOfPath(data: ArrayLike<number>, stroked: boolean, toPage: (x: number, y: number) => [number, number], out: Rule[]): void {
  let points: Array<[number, number]> = [];
  const flush = (closed: boolean) => {
    if (points.length >= 2) {
      if (stroked) {
        for (let k = 1; k < points.length; k++) addSegment(points[k - 1]!, points[k]!, out);
        if (closed) addSegment(points[points.length - 1]!, points[0]!, out);
      } else {
        addThinBox(points, out);
      }
    }
    points = [];
  };
  for (let i = 0; i < data.length && out.length <= MAX_RULES; ) {
    const op = data[i++];
    if (op === MOVE) {
      flush(false);
      points.push(toPage(data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === LINE) {
      points.push(toPage(data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CURVE) {
      // Curves are not rules: end the straight run.
      flush(false);
      points.push(toPage(data[i + 4]!, data[i + 5]!));
      i += 6;
    } else if (op === QUAD) {
      flush(false);
      points.push(toPage(data[i + 2]!, data[i + 3]!));
      i += 4;
    } else if (op === CLOSE) {
      const first = points[0];
      flush(true);
      if (first) points.push(first);
    } else {
      break;
    }
  }
  flush(false);
}

function addSegment(p: [number, number], q: [number, number], out: Rule[]): void {
  const x0 = Math.min(p[0], q[0]);
  const x1 = Math.max(p[0], q[0]);
  const y0 = Math.min(p[1], q[1]);
  const y1 = Math.max(p[1], q[1]);
  if (![x0, x1, y0, y1].every(Number.isFinite)) return;
  const horizontal = y1 - y0 <= MAX_THICKNESS && x1 - x0 >= MIN_RULE;
  const vertical = x1 - x0 <= MAX_THICKNESS && y1 - y0 >= MIN_RULE;
  if (horizontal || vertical) out.push({ x0, y0, x1, y1 });
}

function addThinBox(points: Array<[number, number]>, out: Rule[]): void {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (![x0, x1, y0, y1].every(Number.isFinite)) return;
  // Only boxes: every corner on the bounding box.
  if (!points.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5))) return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_THICKNESS && w >= MIN_RULE) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
  else if (w <= MAX_THICKNESS && h >= MIN_RULE) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
}

// ---------------------------------------------------------------------------
// Merged rules

interface HSeg {
  y: number;
  x0: number;
  x1: number;
}

interface VSeg {
  x: number;
  y0: number;
  y1: number;
}

/** Collinear pieces joined: segments at one position (within TOL) that overlap or touch. */
function mergeSegments(segs: Array<{ at: number; from: number; to: number }>): Array<{ at: number; from: number; to: number }> {
  segs.sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Array<{ at: number; from: number; to: number }> = [];
  let i = 0;
  while (i < segs.length) {
    // One position: a run of segments within TOL of the first.
    let j = i;
    while (j < segs.length && segs[j]!.at - segs[i]!.at <= TOL) j++;
    const run = segs.slice(i, j).sort((a, b) => a.from - b.from);
    const at = run.reduce((s, r) => s + r.at, 0) / run.length;
    let cur = { at, from: run[0]!.from, to: run[0]!.to };
    for (const r of run.slice(1)) {
      if (r.from <= cur.to + TOL) cur.to = Math.max(cur.to, r.to);
      else {
        out.push(cur);
        cur = { at, from: r.from, to: r.to };
      }
    }
    out.push(cur);
    i = j;
  }
  return out;
}

class UnionFind {
  parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Index of the first element of sorted `xs` that is ≥ v. */
function lowerBound(xs: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The interval index of v among sorted boundaries (0 … n-2), clamped. */
function slot(bounds: readonly number[], v: number): number {
  const k = lowerBound(bounds, v) - 1;
  return Math.max(0, Math.min(bounds.length - 2, k));
}

/** Index of the value of sorted, non-empty `xs` nearest to v. */
function nearest(xs: readonly number[], v: number): number {
  const i = lowerBound(xs, v);
  if (i >= xs.length) return xs.length - 1;
  if (i > 0 && v - xs[i - 1]! < xs[i]! - v) return i - 1;
  return i;
}

/** Distinct positions (within TOL), sorted. */
function distinct(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  let run: number[] = [];
  for (const v of values) {
    if (run.length > 0 && v - run[0]! > TOL) {
      out.push(run.reduce((s, x) => s + x, 0) / run.length);
      run = [];
    }
    run.push(v);
  }
  if (run.length > 0) out.push(run.reduce((s, x) => s + x, 0) / run.length);
  return out;
}

/** Segments at one position, sorted and disjoint, asked whether they cover a point. */
class Coverage {
  private starts: number[] = [];
  private ends: number[] = [];
  add(from: number, to: number): void {
    this.starts.push(from);
    this.ends.push(to);
  }
  seal(): void {
    const order = this.starts.map((_, i) => i).sort((a, b) => this.starts[a]! - this.starts[b]!);
    this.starts = order.map((i) => this.starts[i]!);
    this.ends = order.map((i) => this.ends[i]!);
    // Running maximum of ends, so that one binary search answers.
    for (let i = 1; i < this.ends.length; i++) this.ends[i] = Math.max(this.ends[i]!, this.ends[i - 1]!);
  }
  covers(v: number): boolean {
    const k = lowerBound(this.starts, v + TOL + 0.001) - 1;
    return k >= 0 && this.ends[k]! >= v - TOL;
  }
}

// ---------------------------------------------------------------------------
// Ruled tables

interface Grid {
  xs: number[];
  ys: number[];
  /** Vertical rules per column boundary, horizontal rules per row boundary. */
  vAt: Coverage[];
  hAt: Coverage[];
}

function gridsOf(rules: Rule[]): Grid[] {
  if (rules.length > MAX_RULES) return [];
  const hs = mergeSegments(
    rules.filter((r) => r.y1 - r.y0 <= MAX_THICKNESS && r.x1 - r.x0 >= MIN_RULE).map((r) => ({ at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 })),
  ).map((s): HSeg => ({ y: s.at, x0: s.from, x1: s.to }));
  const vs = mergeSegments(
    rules.filter((r) => r.x1 - r.x0 <= MAX_THICKNESS && r.y1 - r.y0 >= MIN_RULE).map((r) => ({ at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 })),
  ).map((s): VSeg => ({ x: s.at, y0: s.from, y1: s.to }));
  if (hs.length === 0 || vs.length < 2) return [];
  vs.sort((a, b) => a.x - b.x);
  const vx = vs.map((v) => v.x);
  const uf = new UnionFind(hs.length + vs.length);
  let checks = 0;
  for (const [k, h] of hs.entries()) {
    for (let i = lowerBound(vx, h.x0 - TOL); i < vs.length && vs[i]!.x <= h.x1 + TOL; i++) {
      if (++checks > MAX_TOUCH_CHECKS) return [];
      const v = vs[i]!;
      if (h.y >= v.y0 - TOL && h.y <= v.y1 + TOL) uf.union(k, hs.length + i);
    }
  }
  const components = new Map<number, { h: HSeg[]; v: VSeg[] }>();
  const comp = (root: number) => {
    let c = components.get(root);
    if (!c) components.set(root, (c = { h: [], v: [] }));
    return c;
  };
  hs.forEach((h, k) => comp(uf.find(k)).h.push(h));
  vs.forEach((v, i) => comp(uf.find(hs.length + i)).v.push(v));
  const grids: Grid[] = [];
  for (const { h, v } of components.values()) {
    if (v.length < 2 || h.length < 1) continue;
    const left = Math.min(...v.map((s) => s.x), ...h.map((s) => s.x0));
    const right = Math.max(...v.map((s) => s.x), ...h.map((s) => s.x1));
    const top = Math.min(...h.map((s) => s.y), ...v.map((s) => s.y0));
    const bottom = Math.max(...h.map((s) => s.y), ...v.map((s) => s.y1));
    const xs = distinct([left, right, ...v.map((s) => s.x)]);
    const ys = distinct([top, bottom, ...h.map((s) => s.y)]);
    const cols = xs.length - 1;
    const bands = ys.length - 1;
    if (cols < 2 || bands < 1 || (cols === 2 && bands < 2) || cols * bands > MAX_CELLS) continue;
    const vAt = xs.map(() => new Coverage());
    const hAt = ys.map(() => new Coverage());
    for (const s of v) vAt[nearest(xs, s.x)]!.add(s.y0, s.y1);
    for (const s of h) hAt[nearest(ys, s.y)]!.add(s.x0, s.x1);
    for (const c of [...vAt, ...hAt]) c.seal();
    grids.push({ xs, ys, vAt, hAt });
  }
  return grids.slice(0, MAX_TABLES);
}

/** The item's middle, where it is counted. */
function centerX(it: TableItem): number {
  return it.x + it.w / 2;
}

function centerY(it: TableItem): number {
  return it.y - 0.35 * it.h;
}

/** Splits an item drawn across a column boundary (one text run over two cells) at that boundary. */
function splitAt<T extends TableItem>(it: T, x: number): [T, T] | null {
  if (it.w <= 0 || it.str.length < 2) return null;
  let k = Math.round((it.str.length * (x - it.x)) / it.w);
  // Prefer the nearest space.
  for (let d = 0; d <= 3; d++) {
    if (it.str[k - d] === " ") {
      k -= d;
      break;
    }
    if (it.str[k + d] === " ") {
      k += d;
      break;
    }
  }
  if (k <= 0 || k >= it.str.length) return null;
  const w1 = (it.w * k) / it.str.length;
  return [
    { ...it, str: it.str.slice(0, k), w: w1 },
    { ...it, str: it.str.slice(k), x: it.x + w1, w: it.w - w1 },
  ];
}

const ORDINAL_CELL = /^(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ])[.)]?$/u;

/** Builds the cells of one grid from the items inside it. */
function fillGrid<T extends TableItem>(grid: Grid, items: T[]): GridTable<T> {
  let { ys } = grid;
  const { xs, vAt } = grid;
  const cols = xs.length - 1;
  // Items whose text runs over a drawn column boundary are cut there.
  const placed: T[] = [];
  for (const it of items) {
    let rest: T = it;
    const band = slot(ys, centerY(it));
    const mid = (ys[band]! + ys[band + 1]!) / 2;
    for (let i = lowerBound(xs, it.x + TOL); i < xs.length - 1 && xs[i]! < it.x + it.w - TOL; i++) {
      if (!vAt[i]!.covers(mid)) continue;
      const parts = splitAt(rest, xs[i]!);
      if (!parts) continue;
      placed.push(parts[0]);
      rest = parts[1];
    }
    placed.push(rest);
  }
  // Rows ruled only as a whole: the row numbers of the first column cut them.
  const cuts = sttCuts(placed, xs, ys);
  let hAt = grid.hAt;
  if (cuts.length > 0 && (ys.length + cuts.length) * xs.length <= MAX_CELLS) {
    const all = [...ys.map((y, j) => ({ y, cov: hAt[j]! })), ...cuts.map((y) => ({ y, cov: null }))].sort((a, b) => a.y - b.y);
    ys = all.map((a) => a.y);
    hAt = all.map((a) => a.cov ?? fullCoverage());
  }
  const bands = ys.length - 1;
  const uf = new UnionFind(bands * cols);
  for (let j = 0; j < bands; j++) {
    const mid = (ys[j]! + ys[j + 1]!) / 2;
    for (let i = 0; i < cols; i++) {
      if (i > 0 && !vAt[i]!.covers(mid)) uf.union(j * cols + i, j * cols + i - 1);
      if (j > 0 && !hAt[j]!.covers((xs[i]! + xs[i + 1]!) / 2)) uf.union(j * cols + i, (j - 1) * cols + i);
    }
  }
  const cells = new Map<number, T[]>();
  const firstCol = new Map<number, number>();
  for (let k = 0; k < bands * cols; k++) {
    const r = uf.find(k);
    const c = k % cols;
    if (!firstCol.has(r) || c < firstCol.get(r)!) firstCol.set(r, c);
  }
  for (const it of placed) {
    const r = uf.find(slot(ys, centerY(it)) * cols + slot(xs, centerX(it)));
    let list = cells.get(r);
    if (!list) cells.set(r, (list = []));
    list.push(it);
  }
  const rows: T[][][] = [];
  for (let j = 0; j < bands; j++) {
    const row: T[][] = [];
    let any = false;
    for (let i = 0; i < cols; i++) {
      const r = uf.find(j * cols + i);
      const list = firstCol.get(r) === i ? (cells.get(r) ?? []) : [];
      if (list.length > 0) any = true;
      row.push(list);
    }
    if (any) rows.push(row);
  }
  return { top: ys[0]!, bottom: ys[ys.length - 1]!, left: xs[0]!, right: xs[xs.length - 1]!, columns: xs, rows, ruled: true };
}

function fullCoverage(): Coverage {
  const c = new Coverage();
  c.add(-Infinity, Infinity);
  c.seal();
  return c;
}

/**
 * Where rows start inside bands that hold several row numbers in the first column (a table ruled
 * only between columns, or around groups of rows): at the top of each number's line but the first.
 */
function sttCuts<T extends TableItem>(items: T[], xs: number[], ys: number[]): number[] {
  // The first column must be narrow: the row numbers, not the content.
  if (xs[1]! - xs[0]! > 0.2 * (xs[xs.length - 1]! - xs[0]!)) return [];
  const perBand = new Map<number, T[]>();
  for (const it of items) {
    if (centerX(it) >= xs[1]!) continue;
    const j = slot(ys, centerY(it));
    let list = perBand.get(j);
    if (!list) perBand.set(j, (list = []));
    list.push(it);
  }
  const cuts: number[] = [];
  for (const [, list] of perBand) {
    const lines = groupByBaseline(list);
    const numbered = lines.filter((l) => ORDINAL_CELL.test(l.map((it) => it.str).join("").trim()));
    if (numbered.length < 2 || numbered.length < lines.length * 0.6) continue;
    for (const l of numbered.slice(1)) cuts.push(Math.min(...l.map((it) => it.y - it.h)) - 0.5);
  }
  return cuts;
}

/** Items grouped into lines by baseline, each line sorted by x. */
function groupByBaseline<T extends TableItem>(items: T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: T[][] = [];
  let cur: T[] = [];
  let y = 0;
  let h = 0;
  for (const it of sorted) {
    if (cur.length > 0 && Math.abs(it.y - y) <= 0.3 * Math.max(it.h, h)) {
      cur.push(it);
      h = Math.max(h, it.h);
      continue;
    }
    if (cur.length > 0) lines.push(cur.sort((a, b) => a.x - b.x));
    cur = [it];
    y = it.y;
    h = it.h;
  }
  if (cur.length > 0) lines.push(cur.sort((a, b) => a.x - b.x));
  return lines;
}

// ---------------------------------------------------------------------------
// Unruled tables

interface Chunk<T> {
  x0: number;
  x1: number;
  items: T[];
}

interface TextLine<T> {
  y: number;
  h: number;
  chunks: Chunk<T>[];
}

/** Items of a line closer than this many font sizes are one cell's text. */
const CELL_GAP = 1.0;
const GROUP_TEXT = /^(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,2})[.)]?\s/u;

function textLines<T extends TableItem>(items: T[]): Array<TextLine<T>> {
  return groupByBaseline(items).map((line) => {
    const chunks: Chunk<T>[] = [];
    let h = 0;
    for (const it of line) {
      h = Math.max(h, it.h);
      const last = chunks[chunks.length - 1];
      if (last && it.x - last.x1 <= CELL_GAP * it.h) {
        last.items.push(it);
        last.x1 = Math.max(last.x1, it.x + it.w);
      } else chunks.push({ x0: it.x, x1: it.x + it.w, items: [it] });
    }
    return { y: line.reduce((s, it) => s + it.y, 0) / line.length, h, chunks };
  });
}

/**
 * Adds a chunk to the sorted disjoint intervals covered by text (in place); false when it would join
 * two of them (text crossing a column gap).
 */
function cover(intervals: Array<[number, number]>, c: { x0: number; x1: number }): boolean {
  // First interval ending after the chunk's start.
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]![1] <= c.x0) lo = mid + 1;
    else hi = mid;
  }
  const at = intervals[lo];
  if (!at || at[0] >= c.x1) {
    intervals.splice(lo, 0, [c.x0, c.x1]);
    return true;
  }
  const next = intervals[lo + 1];
  if (next && next[0] < c.x1) return false;
  at[0] = Math.min(at[0], c.x0);
  at[1] = Math.max(at[1], c.x1);
  return true;
}

function isGroupLine<T extends TableItem>(line: TextLine<T>): boolean {
  if (line.chunks.length > 2) return false;
  const text = line.chunks.map((c) => c.items.map((it) => it.str).join(" ")).join(" ").trim();
  const letters = text.replace(/[^\p{L}]/gu, "");
  return GROUP_TEXT.test(text) || (letters.length >= 4 && letters === letters.toLocaleUpperCase("vi"));
}

/** The unruled tables among the items (see the top of the file). */
function unruledTables<T extends TableItem>(items: T[]): { tables: Array<GridTable<T>>; rest: T[] } {
  const lines = textLines(items);
  const tables: Array<GridTable<T>> = [];
  const used = new Set<T>();
  for (let i = 0; i < lines.length && tables.length < MAX_TABLES; i++) {
    const head = lines[i]!;
    if (head.chunks.length < 3) continue;
    let intervals: Array<[number, number]> = [];
    if (!head.chunks.every((c) => cover(intervals, c)) || intervals.length < 3) continue;
    const member: Array<{ line: TextLine<T>; group: boolean }> = [{ line: head, group: false }];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const prev = lines[j - 1]!;
      if (line.y - prev.y > 3 * Math.max(line.h, prev.h)) break;
      const next = intervals.map((iv): [number, number] => [iv[0], iv[1]]);
      if (line.chunks.every((c) => cover(next, c)) && next.length >= 3 && next[0]![0] >= intervals[0]![0] - 2 * line.h) {
        intervals = next;
        member.push({ line, group: false });
      } else if (isGroupLine(line) && line.chunks[0]!.x0 >= intervals[0]![0] - TOL && j + 1 < lines.length) {
        member.push({ line, group: true });
      } else break;
    }
    // Trailing group lines are not the table's.
    while (member.length > 0 && member[member.length - 1]!.group) member.pop();
    const wide = member.filter((m) => m.line.chunks.length >= 3).length;
    if (member.length < 3 || wide < 2) continue;
    const table = buildUnruled(member, intervals);
    if (!table) continue;
    tables.push(table);
    for (const m of member) for (const c of m.line.chunks) for (const it of c.items) used.add(it);
    i += member.length - 1;
  }
  return { tables, rest: tables.length === 0 ? items : items.filter((it) => !used.has(it)) };
}

function buildUnruled<T extends TableItem>(member: Array<{ line: TextLine<T>; group: boolean }>, intervals: Array<[number, number]>): GridTable<T> | null {
  const xs = [intervals[0]![0]];
  for (let k = 1; k < intervals.length; k++) xs.push((intervals[k - 1]![1] + intervals[k]![0]) / 2);
  xs.push(intervals[intervals.length - 1]![1]);
  const cols = intervals.length;
  const colOf = (c: Chunk<T>) => slot(xs, c.x0 + 0.01);
  const firstTexts = member.filter((m) => !m.group).flatMap((m) => m.line.chunks.filter((c) => colOf(c) === 0).map((c) => c.items.map((it) => it.str).join("").trim()));
  const numbered = firstTexts.filter((t) => ORDINAL_CELL.test(t)).length;
  const sttColumn = numbered >= 2 && numbered >= 0.6 * firstTexts.length;
  const pitches = member.slice(1).map((m, k) => m.line.y - member[k]!.line.y).sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? 0;
  const rows: T[][][] = [];
  let row: T[][] | null = null;
  let prevY = -Infinity;
  const newRow = () => {
    row = Array.from({ length: cols }, () => [] as T[]);
    rows.push(row);
    return row;
  };
  let seenNumber = false;
  for (const { line, group } of member) {
    const hasFirst = line.chunks.some((c) => colOf(c) === 0);
    const firstIsNumber = line.chunks.some((c) => colOf(c) === 0 && ORDINAL_CELL.test(c.items.map((it) => it.str).join("").trim()));
    let start: boolean;
    if (row === null || group) start = true;
    else if (sttColumn) start = firstIsNumber || (!seenNumber && line.y - prevY > 1.4 * pitch);
    else start = line.y - prevY > 1.4 * pitch || hasFirst;
    if (sttColumn && firstIsNumber) seenNumber = true;
    const target: T[][] = start ? newRow() : row!;
    for (const c of line.chunks) target[colOf(c)]!.push(...c.items);
    prevY = line.y;
    if (group) row = null;
  }
  if (rows.length < 2) return null;
  const top = Math.min(...member[0]!.line.chunks.flatMap((c) => c.items.map((it) => it.y - it.h)));
  const last = member[member.length - 1]!.line;
  return { top, bottom: last.y + 0.3 * last.h, left: xs[0]!, right: xs[xs.length - 1]!, columns: xs, rows, ruled: false };
}

// ---------------------------------------------------------------------------

/**
 * The tables of a page: ruled ones from `rules`, then unruled ones among the remaining items.
 * `rest` holds the items outside every table, for the running text.
 */
export function findTables<T extends TableItem>(items: T[], rules: Rule[]): { tables: Array<GridTable<T>>; rest: T[] } {
  const tables: Array<GridTable<T>> = [];
  let rest = items;
  const grids = gridsOf(rules);
  if (grids.length > 0) {
    const inside = grids.map(() => [] as T[]);
    const outside: T[] = [];
    for (const it of items) {
      const cx = centerX(it);
      const cy = centerY(it);
      const k = grids.findIndex((g) => cx >= g.xs[0]! - 1 && cx <= g.xs[g.xs.length - 1]! + 1 && cy >= g.ys[0]! - 1 && cy <= g.ys[g.ys.length - 1]! + 1);
      if (k >= 0) inside[k]!.push(it);
      else outside.push(it);
    }
    grids.forEach((g, k) => {
      const table = inside[k]!.length > 0 ? fillGrid(g, inside[k]!) : null;
      // A frame around one text block or a grid without text in two cells is not a table.
      if (table && table.rows.reduce((n, r) => n + r.filter((c) => c.length > 0).length, 0) >= 2) tables.push(table);
      else outside.push(...inside[k]!);
    });
    rest = outside;
  }
  const unruled = unruledTables(rest);
  tables.push(...unruled.tables);
  tables.sort((a, b) => a.top - b.top);
  return { tables, rest: unruled.rest };
}

/**
 * Whether a page may hold a table, from its text alone (so that the drawing operations are only
 * asked for when they may matter): two lines of three or more separate pieces of text, or six lines
 * of two.
 */
export function mayHoldTable(items: TableItem[]): boolean {
  let two = 0;
  let three = 0;
  for (const line of textLines(items)) {
    if (line.chunks.length >= 3) three++;
    if (line.chunks.length >= 2) two++;
    if (three >= 2 || two >= 6) return true;
  }
  return false;
}
