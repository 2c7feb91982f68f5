// Highlights on a paper's text. Items carry spans into the stored text; bodies and
// deadline phrases are found inside their directive's span. Overlapping and nested
// marks are cut into flat segments, each knowing every mark that covers it.

import type { PaperItems, TextSpan } from "../../../domain/papers.ts";

export type MarkKind = "directive" | "body" | "deadline" | "fact" | "reference";

export const MARK_LABELS: Record<MarkKind, string> = {
  directive: "Nhiệm vụ",
  body: "Cơ quan",
  deadline: "Thời hạn",
  fact: "Chỉ số",
  reference: "Văn bản dẫn chiếu",
};

export interface Mark {
  /** Which list item the mark belongs to ("directive:<key>", "fact:<key>" …). */
  item: string;
  kind: MarkKind;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

export function itemId(list: "directive" | "fact" | "reference", key: string): string {
  return `${list}:${key}`;
}

function fold(s: string): string {
  return s.normalize("NFC").toLocaleLowerCase("vi");
}

/** Every occurrence of any of the phrases inside [from, to) of text (case-insensitive). */
function findAll(text: string, folded: string, phrases: string[], from: number, to: number): TextSpan[] {
  const out: TextSpan[] = [];
  for (const p of new Set(phrases.map((x) => fold(x.trim())).filter((x) => x.length >= 3))) {
    let at = folded.indexOf(p, from);
    while (at >= 0 && at + p.length <= to) {
      // Whole words only: "Sở Tài chính" is not found inside "Sở Tài chính tỉnh"'s neighbour words.
      const before = at === 0 ? "" : folded[at - 1]!;
      const after = folded[at + p.length] ?? "";
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push({ start: at, end: at + p.length });
      at = folded.indexOf(p, at + p.length);
    }
  }
  // Longest first, drop those inside another.
  out.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: TextSpan[] = [];
  for (const s of out) if (!kept.some((k) => s.start >= k.start && s.end <= k.end)) kept.push(s);
  return kept;
}

/** The marks of a paper: items by their spans, bodies and deadlines inside their directive. */
export function marksOf(text: string, items: PaperItems, namesOfUnit: (unitId: string) => string[]): Mark[] {
  const folded = fold(text);
  const marks: Mark[] = [];
  for (const d of items.directives) {
    if (!d.span) continue;
    const item = itemId("directive", d.key);
    marks.push({ item, kind: "directive", start: d.span.start, end: d.span.end });
    const names = [...d.leads, ...d.partners].flatMap((b) => [b.name, ...(b.unitId ? namesOfUnit(b.unitId) : [])]);
    for (const s of findAll(text, folded, names, d.span.start, d.span.end)) marks.push({ item, kind: "body", ...s });
    if (d.deadlineText) for (const s of findAll(text, folded, [d.deadlineText], d.span.start, d.span.end)) marks.push({ item, kind: "deadline", ...s });
  }
  for (const f of items.facts) if (f.span) marks.push({ item: itemId("fact", f.key), kind: "fact", start: f.span.start, end: f.span.end });
  for (const r of items.references) if (r.span) marks.push({ item: itemId("reference", r.key), kind: "reference", start: r.span.start, end: r.span.end });
  return marks.filter((m) => m.end > m.start && m.start >= 0 && m.end <= text.length);
}

/** Cuts the text at every mark boundary. */
export function segmentsOf(length: number, marks: Mark[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= length).sort((a, b) => a - b);
  // Sweep: marks sorted by start; active set updated at each point.
  const byStart = [...marks].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let next = 0;
  let active: Mark[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    active = active.filter((m) => m.end > start);
    while (next < byStart.length && byStart[next]!.start <= start) {
      if (byStart[next]!.end > start) active.push(byStart[next]!);
      next++;
    }
    segments.push({ start, end, marks: active.slice() });
  }
  return segments;
}

/** The mark a click on a segment means: the narrowest one (a fact inside a directive, a body inside it). */
export function innermost(marks: Mark[]): Mark | null {
  let best: Mark | null = null;
  for (const m of marks) if (!best || m.end - m.start < best.end - best.start) best = m;
  return best;
}
