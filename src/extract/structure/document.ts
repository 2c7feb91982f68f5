// The paper as the structure readers see it: paragraphs and tables in order, each with its place in
// `Extraction.text` (one line per paragraph or table row, footnotes after the body), and the region it
// belongs to — head (header and title), body, tail (distribution list, signature).
import { isAppendixHeading, isBodyOpening, isKindWordLine, isSeparatorLine, isTailStart, splitLabel } from "../layout.ts";
import { collapseSpaces, normalizeText } from "../normalize.ts";
import type { Block } from "../types.ts";

export type Region = "head" | "body" | "tail" | "note";

export interface Para {
  /** Position among the parts of the paper. */
  index: number;
  label: string | null;
  /** Collapsed: single spaces, trimmed. */
  text: string;
  /** Offsets of `text` (not the label) in the full text. */
  start: number;
  end: number;
  region: Region;
}

export interface Cell {
  text: string;
  /** The cell's own lines (a header cell holds issuer, "*" and number on separate lines). */
  lines: string[];
  start: number;
  end: number;
}

export interface Table {
  index: number;
  rows: Cell[][];
  region: Region;
}

export type Part = { kind: "para"; para: Para } | { kind: "table"; table: Table };

export interface DocModel {
  text: string;
  parts: Part[];
  paras: Para[];
  tables: Table[];
  footnotes: Para[];
}

const TABLE_CELL_SEPARATOR = " | ";

/**
 * Lays blocks and footnotes out as one text and records where everything is. Paragraph texts are
 * normalised and collapsed; a paragraph without a list label that starts with a typed one ("1. …") gets
 * it split off, as Word users often type their numbers. `collapsed`: the blocks' texts and the first
 * footnotes are already normalised and collapsed (those of `layoutText`), so checking them again is
 * spared. Every text of the model (paragraphs, cells, footnotes) is collapsed: single spaces, trimmed.
 */
export function buildModel(
  blocks: readonly Block[],
  footnotes: readonly string[],
  normalise: boolean,
  collapsed: { blocks: boolean; footnotes: number } = { blocks: false, footnotes: 0 },
): DocModel {
  const lines: string[] = [];
  let offset = 0;
  const parts: Part[] = [];
  const paras: Para[] = [];
  const tables: Table[] = [];
  const clean = (s: string) => collapseSpaces(normalise ? normalizeText(s) : s);
  const cleanBlock = collapsed.blocks ? (s: string) => s : clean;
  const push = (line: string) => {
    lines.push(line);
    offset += line.length + 1;
  };

  for (const block of blocks) {
    if (block.kind === "paragraph") {
      let text = cleanBlock(block.text);
      let label = block.label ? cleanBlock(block.label) : null;
      if (!label) {
        const split = splitLabel(text);
        label = split.label;
        text = split.rest;
      }
      if (!text && !label) continue;
      const prefix = label ? `${label} ` : "";
      const para: Para = { index: parts.length, label, text, start: offset + prefix.length, end: offset + prefix.length + text.length, region: "body" };
      push(prefix + text);
      parts.push({ kind: "para", para });
      paras.push(para);
    } else {
      const table: Table = { index: parts.length, rows: [], region: "body" };
      for (const row of block.rows) {
        const cells: Cell[] = [];
        let line = "";
        for (const [k, raw] of row.entries()) {
          if (k > 0) line += TABLE_CELL_SEPARATOR;
          const text = clean(raw);
          const lines = raw.split(/\n/).map(clean).filter(Boolean);
          cells.push({ text, lines, start: offset + line.length, end: offset + line.length + text.length });
          line += text;
        }
        push(line);
        table.rows.push(cells);
      }
      parts.push({ kind: "table", table });
      tables.push(table);
    }
  }
  const notes: Para[] = [];
  for (const [k, raw] of footnotes.entries()) {
    const text = k < collapsed.footnotes ? raw : clean(raw);
    if (!text) continue;
    notes.push({ index: -1, label: null, text, start: offset, end: offset + text.length, region: "note" });
    push(text);
  }
  assignRegions(parts);
  return { text: lines.join("\n"), parts, paras, tables, footnotes: notes };
}

function partText(p: Part): string {
  if (p.kind === "para") return p.para.text;
  return p.table.rows.map((r) => r.map((c) => c.text).join(" ")).join(" ");
}

function setRegion(p: Part, region: Region): void {
  if (p.kind === "para") p.para.region = region;
  else p.table.region = region;
}

function assignRegions(parts: Part[]): void {
  const bodyStart = findBodyStart(parts);
  for (let i = 0; i < bodyStart; i++) setRegion(parts[i]!, "head");
  for (let i = bodyStart; i < parts.length; i++) {
    const p = parts[i]!;
    const starts = p.kind === "para" ? isTailStart(fullLine(p.para)) : p.table.rows.some((r) => r.some((c) => isTailStart(c.text)));
    if (starts && i > bodyStart) {
      for (let k = i; k < parts.length; k++) {
        // An appendix after the signature ("PHỤ LỤC", its task table) is body again.
        if (startsAppendix(parts[k]!)) {
          for (let j = k; j < parts.length; j++) setRegion(parts[j]!, "body");
          return;
        }
        setRegion(parts[k]!, "tail");
      }
      return;
    }
  }
}

function startsAppendix(p: Part): boolean {
  return p.kind === "para" && isAppendixHeading(fullLine(p.para));
}

function fullLine(p: Para): string {
  return p.label ? `${p.label} ${p.text}` : p.text;
}

function findBodyStart(parts: Part[]): number {
  const limit = Math.min(parts.length, 40);
  let kind = -1;
  for (let i = 0; i < limit; i++) {
    const p = parts[i]!;
    if (p.kind === "para" && isKindWordLine(fullLine(p.para))) {
      kind = i;
      break;
    }
  }
  if (kind >= 0) {
    const end = Math.min(parts.length, kind + 8);
    // A separator under the title closes the head even when the title opens as a body sentence does
    // ("Thực hiện Chương trình …"), as long as no line before it ends a sentence or carries a label.
    for (let i = kind + 1; i < end; i++) {
      const p = parts[i]!;
      if (p.kind === "table") break;
      const t = fullLine(p.para);
      if (isSeparatorLine(t)) return i + 1;
      if (/[.:;]$/.test(t) || p.para.label) break;
    }
    for (let i = kind + 1; i < end; i++) {
      const p = parts[i]!;
      if (p.kind === "table") return i;
      const t = fullLine(p.para);
      if (isBodyOpening(t) || /[.:;]$/.test(t) || p.para.label) return i;
    }
    return kind + 1;
  }
  for (let i = 0; i < Math.min(parts.length, 15); i++) {
    const p = parts[i]!;
    if (p.kind === "para" && isSeparatorLine(p.para.text) && i > 0) {
      const before = parts.slice(0, i).map(partText).join(" ");
      if (/\bSố\b|CỘNG HÒA|ĐẢNG CỘNG SẢN/u.test(before)) return i + 1;
    }
  }
  // A header table (issuer | motto) opening a .docx.
  const first = parts[0];
  if (first?.kind === "table" && /ĐẢNG CỘNG SẢN|CỘNG HÒA|\bSố\b/u.test(partText(first))) return 1;
  return 0;
}

/** Paragraphs of one region, in order. */
export function parasIn(model: DocModel, region: Region): Para[] {
  return model.paras.filter((p) => p.region === region);
}
