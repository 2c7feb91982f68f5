// Scores an extraction against a gold file, field by field (gold README §6). Pure.
//
// Protocol:
// - strings are compared after `foldForMatch` (normalised, lower case, single spaces, outer punctuation off);
// - a gold null matched by an extracted null is not counted; a value where gold has null is a false
//   positive, null where gold has a value a false negative, two different values one of each;
// - directives are aligned one-to-one by the Jaccard index of their word tokens (≥ 0.5, greedy, best pair
//   first); leads and partners of aligned pairs are compared as sets; unaligned items count against every
//   directive field (each lead or partner of an unaligned item is a miss or an extra);
// - indicators are aligned by equal value and equal unit, ties broken by the overlap of their labels;
//   a label matches when the Dice coefficient of its word tokens (the token F1) is ≥ 0.5;
// - references are aligned by symbol, else (no symbol) by text overlap ≥ 0.5;
// - footnotes by text overlap ≥ 0.5.
import { foldForMatch } from "./normalize.ts";
import type { Directive, Indicator, PaperJson, Reference } from "./types.ts";

export const FIELDS = [
  "document.kind",
  "document.symbol",
  "document.date",
  "document.title",
  "document.issuer",
  "document.signer.name",
  "document.signer.position",
  "directive",
  "directive.ordinal",
  "directive.leads",
  "directive.partners",
  "directive.deadline",
  "indicator",
  "indicator.planPercent",
  "indicator.changePercent",
  "indicator.label",
  "reference",
  "reference.kind",
  "reference.date",
  "reference.issuer",
  "footnote",
] as const;
export type Field = (typeof FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Scores = Record<Field, Counts>;

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function emptyScores(): Scores {
  const s = {} as Scores;
  for (const f of FIELDS) s[f] = { tp: 0, fp: 0, fn: 0 };
  return s;
}

/** Precision, recall and F1; a field with nothing to find and nothing found scores 1. */
export function prf(c: Counts): Prf {
  const support = c.tp + c.fn;
  if (c.tp + c.fp + c.fn === 0) return { precision: 1, recall: 1, f1: 1, support };
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support };
}

export function poolScores(all: readonly Scores[]): Scores {
  const out = emptyScores();
  for (const s of all) {
    for (const f of FIELDS) {
      out[f].tp += s[f].tp;
      out[f].fp += s[f].fp;
      out[f].fn += s[f].fn;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Comparisons

function key(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const k = foldForMatch(s);
  return k.length > 0 ? k : null;
}

function addScalar(c: Counts, gold: string | null, got: string | null): void {
  if (gold === null && got === null) return;
  if (gold === null) c.fp++;
  else if (got === null) c.fn++;
  else if (gold === got) c.tp++;
  else {
    c.fp++;
    c.fn++;
  }
}

function numberKey(n: number | null | undefined): string | null {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  return String(Math.round(n * 1e6) / 1e6);
}

function addSet(c: Counts, gold: readonly string[], got: readonly string[]): void {
  const g = new Set(gold.map(key).filter((k): k is string => k !== null));
  const e = new Set(got.map(key).filter((k): k is string => k !== null));
  for (const k of e) {
    if (g.has(k)) c.tp++;
    else c.fp++;
  }
  for (const k of g) if (!e.has(k)) c.fn++;
}

/** Word tokens of a text, folded: what overlaps are computed on. */
export function wordTokens(s: string): Set<string> {
  return new Set(foldForMatch(s).match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return (2 * inter) / (a.size + b.size);
}

/** One-to-one alignment: all pairs scoring at least `min`, best first. Returns gold index → extracted index. */
function greedyAlign(goldCount: number, gotCount: number, score: (g: number, e: number) => number, min: number): Map<number, number> {
  const pairs: Array<[number, number, number]> = [];
  for (let g = 0; g < goldCount; g++) {
    for (let e = 0; e < gotCount; e++) {
      const s = score(g, e);
      if (s >= min) pairs.push([s, g, e]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [, g, e] of pairs) {
    if (out.has(g) || used.has(e)) continue;
    out.set(g, e);
    used.add(e);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Scoring one paper

export function scorePaper(got: PaperJson, gold: PaperJson): Scores {
  const s = emptyScores();
  scoreDocument(s, got, gold);
  scoreDirectives(s, got.directives, gold.directives);
  scoreIndicators(s, got.indicators, gold.indicators);
  scoreReferences(s, got.references, gold.references);
  scoreFootnotes(s, got.footnotes, gold.footnotes);
  return s;
}

function scoreDocument(s: Scores, got: PaperJson, gold: PaperJson): void {
  const g = gold.document;
  const e = got.document;
  addScalar(s["document.kind"], key(g.kind), key(e.kind));
  addScalar(s["document.symbol"], key(g.symbol), key(e.symbol));
  addScalar(s["document.date"], g.date, e.date);
  addScalar(s["document.title"], key(g.title), key(e.title));
  addScalar(s["document.issuer"], key(g.issuer), key(e.issuer));
  addScalar(s["document.signer.name"], key(g.signer?.name), key(e.signer?.name));
  addScalar(s["document.signer.position"], key(g.signer?.position), key(e.signer?.position));
}

function scoreDirectives(s: Scores, got: readonly Directive[], gold: readonly Directive[]): void {
  const gt = gold.map((d) => wordTokens(d.text));
  const et = got.map((d) => wordTokens(d.text));
  const aligned = greedyAlign(gold.length, got.length, (g, e) => jaccard(gt[g]!, et[e]!), 0.5);
  const matched = new Set(aligned.values());
  for (const [gi, ei] of aligned) {
    const g = gold[gi]!;
    const e = got[ei]!;
    s.directive.tp++;
    addScalar(s["directive.ordinal"], key(g.ordinal), key(e.ordinal));
    addSet(s["directive.leads"], g.leads, e.leads);
    addSet(s["directive.partners"], g.partners, e.partners);
    addScalar(s["directive.deadline"], g.deadline, e.deadline);
  }
  for (const [gi, g] of gold.entries()) {
    if (aligned.has(gi)) continue;
    s.directive.fn++;
    addScalar(s["directive.ordinal"], key(g.ordinal), null);
    addSet(s["directive.leads"], g.leads, []);
    addSet(s["directive.partners"], g.partners, []);
    addScalar(s["directive.deadline"], g.deadline, null);
  }
  for (const [ei, e] of got.entries()) {
    if (matched.has(ei)) continue;
    s.directive.fp++;
    addScalar(s["directive.ordinal"], null, key(e.ordinal));
    addSet(s["directive.leads"], [], e.leads);
    addSet(s["directive.partners"], [], e.partners);
    addScalar(s["directive.deadline"], null, e.deadline);
  }
}

function indicatorKey(i: Indicator): string {
  return `${numberKey(i.value)}|${key(i.unit) ?? ""}`;
}

function labelOf(i: Indicator): string | null {
  return i.label && i.label.trim() ? i.label : null;
}

function scoreIndicators(s: Scores, got: readonly Indicator[], gold: readonly Indicator[]): void {
  const gl = gold.map((i) => wordTokens(i.label ?? ""));
  const el = got.map((i) => wordTokens(i.label ?? ""));
  const gk = gold.map(indicatorKey);
  const ek = got.map(indicatorKey);
  // Same value and unit is the criterion; label overlap only orders the candidates (+1 keeps zero-overlap pairs).
  const aligned = greedyAlign(gold.length, got.length, (g, e) => (gk[g] === ek[e] ? 1 + dice(gl[g]!, el[e]!) : -1), 1);
  const matched = new Set(aligned.values());
  for (const [gi, ei] of aligned) {
    const g = gold[gi]!;
    const e = got[ei]!;
    s.indicator.tp++;
    addScalar(s["indicator.planPercent"], numberKey(g.planPercent), numberKey(e.planPercent));
    addScalar(s["indicator.changePercent"], numberKey(g.changePercent), numberKey(e.changePercent));
    const gLabel = labelOf(g);
    const eLabel = labelOf(e);
    if (gLabel && eLabel) addScalar(s["indicator.label"], "match", dice(gl[gi]!, el[ei]!) >= 0.5 ? "match" : "differs");
    else addScalar(s["indicator.label"], gLabel ? "gold" : null, eLabel ? "got" : null);
  }
  for (const [gi, g] of gold.entries()) {
    if (aligned.has(gi)) continue;
    s.indicator.fn++;
    addScalar(s["indicator.planPercent"], numberKey(g.planPercent), null);
    addScalar(s["indicator.changePercent"], numberKey(g.changePercent), null);
    addScalar(s["indicator.label"], labelOf(g) ? "gold" : null, null);
  }
  for (const [ei, e] of got.entries()) {
    if (matched.has(ei)) continue;
    s.indicator.fp++;
    addScalar(s["indicator.planPercent"], null, numberKey(e.planPercent));
    addScalar(s["indicator.changePercent"], null, numberKey(e.changePercent));
    addScalar(s["indicator.label"], null, labelOf(e) ? "got" : null);
  }
}

function scoreReferences(s: Scores, got: readonly Reference[], gold: readonly Reference[]): void {
  const gt = gold.map((r) => wordTokens(r.text));
  const et = got.map((r) => wordTokens(r.text));
  const aligned = greedyAlign(
    gold.length,
    got.length,
    (g, e) => {
      const gs = key(gold[g]!.symbol);
      const es = key(got[e]!.symbol);
      if (gs !== null && es !== null) return gs === es ? 2 : -1;
      return jaccard(gt[g]!, et[e]!);
    },
    0.5,
  );
  const matched = new Set(aligned.values());
  for (const [gi, ei] of aligned) {
    const g = gold[gi]!;
    const e = got[ei]!;
    s.reference.tp++;
    addScalar(s["reference.kind"], key(g.kind), key(e.kind));
    addScalar(s["reference.date"], g.date, e.date);
    addScalar(s["reference.issuer"], key(g.issuer), key(e.issuer));
  }
  for (const [gi, g] of gold.entries()) {
    if (aligned.has(gi)) continue;
    s.reference.fn++;
    addScalar(s["reference.kind"], key(g.kind), null);
    addScalar(s["reference.date"], g.date, null);
    addScalar(s["reference.issuer"], key(g.issuer), null);
  }
  for (const [ei, e] of got.entries()) {
    if (matched.has(ei)) continue;
    s.reference.fp++;
    addScalar(s["reference.kind"], null, key(e.kind));
    addScalar(s["reference.date"], null, e.date);
    addScalar(s["reference.issuer"], null, key(e.issuer));
  }
}

function scoreFootnotes(s: Scores, got: readonly string[], gold: readonly string[]): void {
  const gt = gold.map(wordTokens);
  const et = got.map(wordTokens);
  const aligned = greedyAlign(gold.length, got.length, (g, e) => jaccard(gt[g]!, et[e]!), 0.5);
  s.footnote.tp += aligned.size;
  s.footnote.fn += gold.length - aligned.size;
  s.footnote.fp += got.length - aligned.size;
}

// ---------------------------------------------------------------------------
// Report

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(6);
}

/** A plain-text table: one row per field, P/R/F1 per paper and pooled. */
export function formatScoreTable(papers: ReadonlyArray<{ name: string; scores: Scores }>, pooled: Scores): string {
  const lines: string[] = [];
  const width = Math.max(...FIELDS.map((f) => f.length));
  const header = ["field".padEnd(width), "   P     R     F1   n  (pooled)", ...papers.map((p) => `${p.name.slice(0, 14).padStart(14)} F1`)];
  lines.push(header.join(" | "));
  for (const f of FIELDS) {
    const p = prf(pooled[f]);
    const row = [f.padEnd(width), `${pct(p.precision)}${pct(p.recall)}${pct(p.f1)} ${String(p.support).padStart(4)}`];
    for (const paper of papers) {
      const c = paper.scores[f];
      row.push(c.tp + c.fp + c.fn === 0 ? "—".padStart(17) : `${pct(prf(c).f1)} (${c.tp}/${c.fp}/${c.fn})`.padStart(17));
    }
    lines.push(row.join(" | "));
  }
  lines.push("(per paper: F1 (tp/fp/fn); pooled n = gold items)");
  return lines.join("\n");
}
