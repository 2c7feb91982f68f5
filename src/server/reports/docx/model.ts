// A small model of a Party paper as Hướng dẫn 36-HD/VPTW (2018) lays it out: the issuing body
// with "*" under it and the number on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule under it and
// the place and date on the right; the kind of paper in bold capitals with its subject; a body of
// numbered sections (I., 1., 1.1.), paragraphs, tables, charts and footnotes; "Nơi nhận:" on the
// left and the signature block on the right; annexes on pages of their own.
//
// Reports are built as this model (pure data), and `renderDocx` turns it into a .docx; the
// statistics tables of the same model go to .xlsx. Text is Vietnamese, as the reader sees it.

/** A piece of text inside a paragraph; a footnote is numbered in order of appearance. */
export type Inline =
  | string
  | { text: string; bold?: boolean; italic?: boolean; underline?: boolean }
  | { footnote: string };

export type Align = "left" | "center" | "right" | "justify";

export interface ParagraphBlock {
  kind: "paragraph";
  content: Inline[];
  /** First-line indent as body text has (default true). */
  indent?: boolean;
  align?: Align;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (default 14). */
  size?: number;
  /** Keep with the next block (a caption above a table). */
  keepNext?: boolean;
}

/** A dash item ("- Tên đơn vị …"), as Party papers write lists. */
export interface DashBlock {
  kind: "dash";
  content: Inline[];
}

/**
 * A numbered section: level 1 "I. TIÊU ĐỀ" (bold capitals), level 2 "1. Tiêu đề" (bold),
 * level 3 "1.1. Tiêu đề" (bold italic). Numbers are given by nesting.
 */
export interface SectionBlock {
  kind: "section";
  title: string;
  blocks: Block[];
}

export interface TableColumn {
  title: string;
  /** Relative width. */
  width: number;
  align?: Align;
}

/**
 * A table cell: text as printed, or a number (printed as is). An object may carry the raw
 * `value` the workbook stores instead of the text (85,3% → 85.3 with a percent format).
 */
export type Cell =
  | string
  | number
  | null
  | { text: string; value?: number | null; format?: "integer" | "decimal" | "percent"; bold?: boolean; italic?: boolean; align?: Align; colSpan?: number };

export interface TableBlock {
  kind: "table";
  /** A bold line above the table: "Bảng 1. …". */
  caption?: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** Rows shown bold at the end (totals). */
  totalRows?: Cell[][];
  /** Font size in the table (default 12). */
  size?: number;
  /** A note in italics under the table (source, cut-off date). */
  note?: string;
  /** A name for the sheet when the table goes to a workbook (≤ 31 characters). */
  sheetName?: string;
}

export interface ImageBlock {
  kind: "image";
  png: Uint8Array;
  /** Size on the page in millimetres. */
  widthMm: number;
  heightMm: number;
  caption?: string;
}

export interface PageBreakBlock {
  kind: "pageBreak";
}

export type Block = ParagraphBlock | DashBlock | SectionBlock | TableBlock | ImageBlock | PageBreakBlock;

/** The signature block: "T/M TỈNH ỦY" / "PHÓ BÍ THƯ" / name; "K/T BÍ THƯ" / "PHÓ BÍ THƯ"; "T/L BAN THƯỜNG VỤ" / "CHÁNH VĂN PHÒNG". */
export interface Signature {
  /** "T/M TỈNH ỦY", "K/T BÍ THƯ", "T/L BAN THƯỜNG VỤ"; omitted when the signer signs in their own right. */
  authority?: string;
  position: string;
  /** The signer's name; null leaves the line empty (a draft). */
  name: string | null;
}

export interface Annex {
  /** "PHỤ LỤC I" etc. is added by the renderer; this is the annex's own title. */
  title: string;
  /** Italic line under the title: "(Kèm theo Báo cáo số …)". */
  subtitle?: string;
  blocks: Block[];
}

export interface PartyDocument {
  /** The issuing body: an optional superior line (regular) and the body's name (bold), in capitals. */
  issuer: { superior?: string; name: string };
  /** "Số 125-BC/TU"; with `number` null the number is left blank to be filled in: "Số      -BC/TU". */
  number: number | null;
  /** The kind-and-issuer part of the symbol: "BC/TU", "TB/TU". */
  symbol: string;
  /** "Dự thảo" under the number. */
  draft?: boolean;
  /** "Đồng Tháp" in "Đồng Tháp, ngày 31 tháng 12 năm 2024". */
  place: string;
  /** ISO date of issue; null leaves day and month blank ("ngày    tháng    năm 2024"). */
  date: string | null;
  /** The year when the date is blank. */
  year: number;
  /** "BÁO CÁO", "THÔNG BÁO"; "CÔNG VĂN" for a letter, whose kind is not printed. */
  kind: string;
  /** The subject (trích yếu), one or more lines, bold; a letter's is its `regarding` line. */
  subject: string[];
  /**
   * A letter (công văn) has no title: its subject is the "V/v …" line under the number, and it
   * names whom it is sent to ("Kính gửi: …") above the body.
   */
  letter?: { regarding: string; addressees: string[] };
  body: Block[];
  recipients: string[];
  signature: Signature;
  annexes?: Annex[];
  /** File properties; `created` fixes the timestamps inside the file (reproducible output). */
  properties: { title: string; subject?: string; creator: string; created: Date; keywords?: string };
}

// Helpers to write reports tersely.

export const p = (...content: Inline[]): ParagraphBlock => ({ kind: "paragraph", content });
export const dash = (...content: Inline[]): DashBlock => ({ kind: "dash", content });
export const section = (title: string, ...blocks: Block[]): SectionBlock => ({ kind: "section", title, blocks });
export const b = (text: string): Inline => ({ text, bold: true });
export const i = (text: string): Inline => ({ text, italic: true });
export const fn = (footnote: string): Inline => ({ footnote });

/** Every table of a document, annexes included, in order (for the workbook). */
export function tablesOf(doc: Pick<PartyDocument, "body" | "annexes">): TableBlock[] {
  const out: TableBlock[] = [];
  const walk = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.kind === "table") out.push(block);
      else if (block.kind === "section") walk(block.blocks);
    }
  };
  walk(doc.body);
  for (const a of doc.annexes ?? []) walk(a.blocks);
  return out;
}

/** The text of a cell as it is printed. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.text;
  return String(cell);
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

export function roman(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}
