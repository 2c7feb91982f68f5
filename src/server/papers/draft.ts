// Pure helpers between the extractor and the review: the bodies the extractor matches
// names against, the first draft of a paper's items, the distribution list ("Nơi
// nhận") of a paper, the search key, and a compact account of what a review changed
// (for the audit log).

import type { DirectiveItem, FactItem, NamedBody, PaperItems, ReferenceItem } from "../../domain/papers.ts";
import { validOn, type UnitSlice } from "../../domain/units.ts";
import { foldForMatch, normalizeText, stripDiacritics } from "../../extract/normalize.ts";
import type { Extraction, KnownBody } from "../../extract/types.ts";
import { newId } from "../ids.ts";

/**
 * The bodies a paper of `day` may name: every unit valid on that day, under the names
 * it had that day (name first: the extractor writes matched names as the first one),
 * then the names it had before — a paper may still use an older name — unless another
 * unit of the day carries that name.
 */
export function knownBodiesOn(allVersions: UnitSlice[], day: string): KnownBody[] {
  const current = allVersions.filter((v) => validOn(day, v.validFrom, v.validTo));
  const namesOf = (v: UnitSlice) => [v.name, v.shortName, ...v.aliases].filter((n): n is string => !!n && !!n.trim());
  const owner = new Map<string, string>();
  for (const v of current) for (const n of namesOf(v)) if (!owner.has(foldForMatch(n))) owner.set(foldForMatch(n), v.id);
  return current.map((v) => {
    const names: string[] = [];
    const seen = new Set<string>();
    const add = (n: string) => {
      const k = foldForMatch(n);
      if (!k || seen.has(k)) return;
      const o = owner.get(k);
      if (o && o !== v.id) return;
      seen.add(k);
      names.push(n.trim());
    };
    for (const n of namesOf(v)) add(n);
    const earlier = allVersions.filter((o) => o.id === v.id && o.validFrom < v.validFrom).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
    for (const o of earlier) for (const n of namesOf(o)) add(n);
    return { id: v.id, names };
  });
}

/** Resolves a body's name to a unit when exactly one known body carries it. */
export function bodyResolver(bodies: KnownBody[]): (name: string) => string | null {
  const index = new Map<string, Set<string>>();
  for (const b of bodies) {
    for (const n of b.names) {
      const k = foldForMatch(n);
      if (!k) continue;
      let set = index.get(k);
      if (!set) index.set(k, (set = new Set()));
      set.add(b.id);
    }
  }
  return (name) => {
    const set = index.get(foldForMatch(name));
    return set && set.size === 1 ? [...set][0]! : null;
  };
}

function named(names: string[], resolve: (n: string) => string | null): NamedBody[] {
  const out: NamedBody[] = [];
  for (const name of names) {
    const unitId = resolve(name);
    if (out.some((b) => (unitId && b.unitId === unitId) || foldForMatch(b.name) === foldForMatch(name))) continue;
    out.push({ name, unitId });
  }
  return out;
}

const finiteOrNull = (n: number | null | undefined) => (typeof n === "number" && Number.isFinite(n) ? n : null);

/** The first draft of a paper's items: what the extractor found, names linked to units. */
export function draftFromExtraction(x: Extraction, bodies: KnownBody[]): PaperItems {
  const resolve = bodyResolver(bodies);
  const directives: DirectiveItem[] = x.directives.map((d) => ({
    key: newId(),
    ordinal: d.ordinal || "",
    text: d.text,
    leads: named(d.leads, resolve),
    partners: named(d.partners, resolve),
    deadline: d.deadline,
    deadlineText: d.deadlineText,
    span: d.span ? { start: d.span.start, end: d.span.end } : null,
  }));
  const facts: FactItem[] = x.indicators
    .filter((i) => Number.isFinite(i.value))
    .map((i) => ({
      key: newId(),
      label: i.label,
      value: i.value,
      unit: i.unit,
      planPercent: finiteOrNull(i.planPercent),
      changePercent: finiteOrNull(i.changePercent),
      period: i.period,
      text: i.text,
      span: i.span ? { start: i.span.start, end: i.span.end } : null,
    }));
  const references: ReferenceItem[] = x.references.map((r) => ({
    key: newId(),
    symbol: r.symbol,
    kind: r.kind,
    date: r.date,
    issuer: r.issuer,
    text: r.text,
    citedPaperId: null,
    linkManual: false,
    span: r.span ? { start: r.span.start, end: r.span.end } : null,
  }));
  return { directives, facts, references };
}

const UPPER_WORD = /^[\p{Lu}\d/.,-]+$/u;
// Lines of a signature block that a copy may run into the distribution list.
const SIGNATURE_LINE = /^(T\/M|T\/L|K\/T|TM\.|TL\.|KT\.)\s/u;

/**
 * The distribution list ("Nơi nhận:") of a paper, one recipient a line, without the
 * signature block printed beside it. Null when the paper has none.
 */
export function recipientsFromText(text: string, signer: { name: string | null; position: string | null } = { name: null, position: null }): string | null {
  const t = normalizeText(text);
  const at = t.search(/N[ơo]i\s+nh[ậa]n\s*:/iu);
  if (at < 0) return null;
  const after = t.slice(at).replace(/^N[ơo]i\s+nh[ậa]n\s*:/iu, "");
  const lines = after.split("\n");
  const out: string[] = [];
  let seenItem = false;
  for (let i = 0; i < lines.length; i++) {
    // Two columns side by side: keep the left one (wide gaps, tabs, table cells).
    let line = (lines[i] ?? "").split(/ {3,}|\t|\s\|\s/)[0]!.trim();
    if (i === 0 && !/^[-+•]/.test(line)) {
      // "Nơi nhận:  T/L BAN THƯỜNG VỤ": the rest of the first line belongs to the signature.
      if (!line || UPPER_WORD.test(line.replace(/\s+/g, "")) || SIGNATURE_LINE.test(line)) continue;
    }
    if (!line) {
      if (seenItem && out.length && !/[,;]$/.test(out[out.length - 1]!) && !lines.slice(i + 1).some((l) => /^\s*[-+•]/.test(l))) break;
      continue;
    }
    const bullet = /^[-+•]\s*/.exec(line);
    if (!bullet) {
      if (!seenItem) continue;
      // A line of the signature block after the list (name, position) ends it.
      if (SIGNATURE_LINE.test(line) || UPPER_WORD.test(line.replace(/\s+/g, "")) || (signer.name && line.includes(signer.name))) break;
      // Continuation of the previous recipient.
      out[out.length - 1] = `${out[out.length - 1]} ${line}`;
      continue;
    }
    seenItem = true;
    line = line.slice(bullet[0].length);
    if (signer.name) line = line.replace(signer.name, "").trim();
    // An upper-case tail ("… tỉnh, CHÁNH VĂN PHÒNG") is the signature column run in.
    const words = line.split(/\s+/);
    let cut = words.length;
    while (cut > 1 && UPPER_WORD.test(words[cut - 1]!) && /\p{Lu}{2,}/u.test(words[cut - 1]!)) cut--;
    if (words.length - cut >= 2) line = words.slice(0, cut).join(" ");
    out.push(line.trim());
  }
  const cleaned = out.map((l) => l.replace(/[,;.\s]+$/u, "").trim()).filter(Boolean);
  return cleaned.length ? cleaned.join("\n") : null;
}

/** symbol, title and issuer folded for search: lower case, no diacritics, single spaces. */
export function searchKey(parts: Array<string | null | undefined>): string {
  return stripDiacritics(normalizeText(parts.filter(Boolean).join(" ")).toLocaleLowerCase("vi")).replace(/\s+/g, " ").trim();
}

/** The same folding for what the user types. */
export function searchNeedle(q: string): string {
  return searchKey([q]);
}

type AnyItem = { key: string } & Record<string, unknown>;

/** What a review changed, item by item: added items whole, removed ones by key and text, changed fields before → after. */
export function itemsDiff(before: PaperItems, after: PaperItems): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const list of ["directives", "facts", "references"] as const) {
    const b = new Map((before[list] as unknown as AnyItem[]).map((i) => [i.key, i]));
    const a = new Map((after[list] as unknown as AnyItem[]).map((i) => [i.key, i]));
    const added = [...a.values()].filter((i) => !b.has(i.key));
    const removed = [...b.values()].filter((i) => !a.has(i.key)).map((i) => ({ key: i.key, text: String(i.text ?? "").slice(0, 200) }));
    const changed: unknown[] = [];
    for (const [key, item] of a) {
      const old = b.get(key);
      if (!old) continue;
      const fields: Record<string, { before: unknown; after: unknown }> = {};
      for (const f of new Set([...Object.keys(old), ...Object.keys(item)])) {
        if (f === "key") continue;
        if (JSON.stringify(old[f] ?? null) !== JSON.stringify(item[f] ?? null)) fields[f] = { before: old[f] ?? null, after: item[f] ?? null };
      }
      if (Object.keys(fields).length) changed.push({ key, fields });
    }
    const reordered = [...a.keys()].filter((k) => b.has(k)).join() !== [...b.keys()].filter((k) => a.has(k)).join();
    if (added.length || removed.length || changed.length || reordered) out[list] = { added, removed, changed, reordered };
  }
  return out;
}

export function emptyItems(): PaperItems {
  return { directives: [], facts: [], references: [] };
}
