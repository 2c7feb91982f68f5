// The structure-extraction engine: a read paper (`ReadDocument`) → its structure (`Extraction`).
// Pure: no I/O. Plain text is first laid out into paragraphs (layout.ts); then the metadata, the
// directives, the indicators, the references and the footnotes are read (structure/*.ts), each item
// with its span in the normalised text the review screen highlights.
import { layoutText, splitLabel } from "./layout.ts";
import { yearOf } from "./structure/dates.ts";
import { findDirectives } from "./structure/directives.ts";
import { buildModel, type DocModel, type Para } from "./structure/document.ts";
import { figureTableIndicators } from "./structure/figure-tables.ts";
import { findIndicators, type LocatedIndicator } from "./structure/indicators.ts";
import { readMetadata } from "./structure/metadata.ts";
import { findReferences } from "./structure/references.ts";
import { TABLE_MARK, type Block, type ExtractOptions, type Extraction, type ReadDocument } from "./types.ts";
import { append } from "./structure/append.ts";

export { toPaperJson } from "./types.ts";
export type { ExtractOptions, Extraction, PaperJson, ReadDocument } from "./types.ts";

export function extract(doc: ReadDocument, opts: ExtractOptions = {}): Extraction {
  const warnings = [...doc.warnings];
  let blocks: Block[];
  let footnotes: string[];
  let normalise: boolean;
  let collapsed = { blocks: false, footnotes: 0 };
  if (doc.format === "docx") {
    blocks = doc.blocks;
    footnotes = [...doc.footnotes];
    normalise = true;
  } else {
    const layout = layoutText(doc.text);
    blocks = doc.format === "pdf" && doc.tables && doc.tables.length > 0 ? placeTables(layout.blocks, doc.tables) : layout.blocks;
    footnotes = mergeFootnotes(layout.footnotes, doc.footnotes);
    append(warnings, layout.warnings);
    normalise = false;
    // layoutText's blocks and footnotes (first in the merged list) are normalised and collapsed.
    collapsed = { blocks: true, footnotes: layout.footnotes.length };
  }
  const model = buildModel(blocks, footnotes, normalise, collapsed);
  const meta = readMetadata(model);
  const year = yearOf(meta.document.date) ?? yearOf(opts.referenceDate) ?? yearOfPaper(model);
  if (meta.classification) {
    warnings.push(`Văn bản mang độ mật "${meta.classification}": chỉ được đăng ký số, ngày, nơi nhận trên máy tính nối mạng, không lưu nội dung.`);
  }
  const bodyParas = [...model.paras.filter((p) => p.region === "body"), ...tableCellParas(model)];
  const textParas = [...bodyParas, ...model.footnotes];
  return {
    text: model.text,
    document: meta.document,
    directives: findDirectives(model, { kind: meta.document.kind, year }, opts),
    indicators: indicatorsOf(model, textParas, periodOf(meta.document.title, year)),
    references: findReferences(textParas, meta.document.symbol),
    footnotes: model.footnotes.map((p) => ({ text: p.text, span: { start: p.start, end: p.end } })),
    warnings,
    classification: meta.classification,
  };
}

/**
 * The tables of a PDF put where their marks are: a paragraph holding TABLE_MARK (alone, or joined to
 * the lines around it by the layout) is split there and the table's rows take the mark's place.
 */
function placeTables(blocks: Block[], tables: readonly string[][][]): Block[] {
  const out: Block[] = [];
  let next = 0;
  for (const b of blocks) {
    if (b.kind !== "paragraph" || !b.text.includes(TABLE_MARK)) {
      out.push(b);
      continue;
    }
    const pieces = b.text.split(TABLE_MARK).map((t) => t.trim());
    pieces.forEach((piece, k) => {
      if (k > 0) {
        const rows = tables[next++];
        if (rows) out.push({ kind: "table", rows });
      }
      if (k === 0 && (piece || b.label)) out.push(b.label ? { kind: "paragraph", text: piece, label: b.label } : { kind: "paragraph", text: piece });
      else if (k > 0 && piece) {
        const { label, rest } = splitLabel(piece);
        out.push(label ? { kind: "paragraph", text: rest, label } : { kind: "paragraph", text: piece });
      }
    });
  }
  return out;
}

/** `extract` of a plain-text paper. */
export function extractText(text: string, opts: ExtractOptions = {}): Extraction {
  return extract({ format: "txt", text, footnotes: [], warnings: [] }, opts);
}

function mergeFootnotes(found: string[], fromReader: readonly string[]): string[] {
  if (fromReader.length === 0) return found; // a plain-text paper: its notes are all in the text
  const seen = new Set(found);
  return [...found, ...fromReader.filter((f) => !seen.has(f))];
}

/** The figures of the running text and of figure tables, in the order of the text. */
function indicatorsOf(model: DocModel, textParas: readonly Para[], period: string | null): LocatedIndicator[] {
  const inTables = figureTableIndicators(model.tables, period);
  const all = findIndicators(textParas, period);
  if (inTables.length === 0) return all;
  return [...all, ...inTables].sort((a, b) => a.span.start - b.span.start);
}

/** Table cells of the body as paragraphs, so that figures and citations in tables are read too. */
function tableCellParas(model: DocModel): Para[] {
  const out: Para[] = [];
  for (const table of model.tables) {
    if (table.region !== "body") continue;
    for (const row of table.rows) {
      for (const cell of row) {
        if (cell.text) out.push({ index: table.index, label: null, text: cell.text, start: cell.start, end: cell.end, region: "body" });
      }
    }
  }
  return out;
}

/** The year of a paper without date: the first "năm YYYY" of its title or opening paragraph. */
function yearOfPaper(model: DocModel): number | null {
  const texts = [
    ...model.paras.filter((p) => p.region === "head").map((p) => p.text),
    ...model.paras.filter((p) => p.region === "body").slice(0, 2).map((p) => p.text),
  ];
  for (const t of texts) {
    const m = /\bnăm\s{1,3}(\d{4})\b/u.exec(t.slice(0, 2000));
    if (m) return Number(m[1]);
  }
  return null;
}

/** The reporting period named by the title ("… 9 tháng năm 2024" → "9 tháng năm 2024"), else the year. */
function periodOf(title: string | null, year: number | null): string | null {
  if (title) {
    // The first period the title names; one written without its year ("sơ kết 6 tháng đầu năm, phương hướng
    // … 6 tháng cuối năm 2026") takes the paper's year, not the later period's.
    const m = /((?:\d{1,2}|sáu|chín) tháng (?:đầu |cuối )?năm|quý [IV]{1,3} năm|năm)(?: (\d{4}))?(?![\p{L}\p{M}\d])/iu.exec(title);
    const y = m?.[2] ?? (year ? String(year) : null);
    if (m && y && (m[2] || m[1]!.toLowerCase() !== "năm")) return `${m[1]} ${y}`;
  }
  return year ? `năm ${year}` : null;
}
