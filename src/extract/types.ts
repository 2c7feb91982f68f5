// The extraction contract. `dondoc extract FILE --json` prints a `PaperJson`
// (see toPaperJson); the application keeps the richer `Extraction`, whose items
// also carry their place in the normalised text so the review screen can
// highlight them.

/** Type codes of Party and state documents (DOMAIN.md, "Document numbers"). */
export const DOCUMENT_KINDS = [
  "NQ", "CT", "KL", "QĐ", "QC", "QĐi", "TB", "BC", "KH", "CTr", "HD", "ĐA", "TTr", "CV",
  "TT", "NĐ", "BB", "TC", "PA",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** ISO calendar date, yyyy-mm-dd. */
export type IsoDate = string;

/** A half-open range [start, end) of UTF-16 offsets into `Extraction.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Signer {
  name: string | null;
  /** As printed above the name: "Chánh Văn phòng", "Phó Bí thư" … */
  position: string | null;
}

export interface DocumentMeta {
  kind: DocumentKind | null;
  /** As written: "512-TB/TU", "18/2024/NQ-HĐND"; null when the paper has no number yet. */
  symbol: string | null;
  /** Issue date, else the meeting date the paper reports on. */
  date: IsoDate | null;
  title: string | null;
  /** The issuing body as written in the header or inferred from the text: "Tỉnh ủy Hậu Giang". */
  issuer: string | null;
  signer: Signer;
}

export interface Directive {
  /** Item number as written ("1", "2.3", "II.1") or the row number of a task table. */
  ordinal: string;
  text: string;
  /** Bodies made responsible: the subject, "chủ trì", "chịu trách nhiệm", "giao …". */
  leads: string[];
  /** Bodies named with "phối hợp". */
  partners: string[];
  /** Last day the deadline phrase allows; null when there is none. */
  deadline: IsoDate | null;
  /** The deadline phrase as written ("trước ngày 30/6/2025", "thường xuyên"), or null. */
  deadlineText: string | null;
}

export interface Indicator {
  /** What is measured, in the paper's words: "tổng thu ngân sách nhà nước trên địa bàn". */
  label: string;
  value: number;
  /** The Vietnamese unit as written: "tỷ đồng", "triệu USD", "%", "ha", "đảng viên". */
  unit: string;
  /** From "đạt/bằng X% kế hoạch/dự toán/chỉ tiêu". */
  planPercent: number | null;
  /** From "tăng/giảm X% (so cùng kỳ)"; a decrease is negative. */
  changePercent: number | null;
  /** The period the figure covers when stated or implied: "9 tháng năm 2024", "năm 2024". */
  period: string | null;
  /** The sentence or clause the figure was read from. */
  text: string;
}

export interface Reference {
  /** As written: "3145-CV/TU", "18/2024/NQ-HĐND"; null when cited without a number. */
  symbol: string | null;
  kind: DocumentKind | null;
  date: IsoDate | null;
  issuer: string | null;
  /** The citation as written: "Công văn 3145-CV/TU ngày 21/5/2024 của Ban Thường vụ Tỉnh ủy". */
  text: string;
}

/** The JSON object printed by `dondoc extract FILE --json`; other tools rely on its shape. */
export interface PaperJson {
  document: DocumentMeta;
  directives: Directive[];
  indicators: Indicator[];
  references: Reference[];
  footnotes: string[];
}

export interface Located {
  span: Span;
}

/** What the library returns: the contract plus the text it read and where each item is. */
export interface Extraction {
  /** The normalised text all spans point into. */
  text: string;
  document: DocumentMeta;
  directives: Array<Directive & Located>;
  indicators: Array<Indicator & Located>;
  references: Array<Reference & Located>;
  footnotes: Array<{ text: string } & Located>;
  /** Non-fatal observations for the reviewer ("đã chuyển mã TCVN3 sang Unicode"). Vietnamese. */
  warnings: string[];
  /** Security classification found in the paper, if any. */
  classification: "Mật" | "Tối mật" | "Tuyệt mật" | null;
}

/** A body of the organisation tree, as the extractor needs it to match names. */
export interface KnownBody {
  id: string;
  /** Full name, short name and aliases valid for the paper's date. */
  names: string[];
}

export interface ExtractOptions {
  /** Bodies to match leads/partners against; when given, matched names are replaced by the first name. */
  bodies?: KnownBody[];
  /** The date deadlines without a year are read against, when the paper carries none. */
  referenceDate?: IsoDate;
}

export function toPaperJson(x: Extraction): PaperJson {
  return {
    document: x.document,
    directives: x.directives.map(({ span: _s, ...d }) => d),
    indicators: x.indicators.map(({ span: _s, ...i }) => i),
    references: x.references.map(({ span: _s, ...r }) => r),
    footnotes: x.footnotes.map((f) => f.text),
  };
}

// ---------------------------------------------------------------------------
// What readers produce. Plain-text formats (txt, doc, pdf) give text whose line
// structure is reconstructed later by the layout step; .docx gives blocks read
// from its structure (paragraphs with their list labels, tables).

export type Block =
  | { kind: "paragraph"; text: string; /** list label as numbered by Word: "1.", "a)", "-" */ label?: string }
  | { kind: "table"; rows: string[][] };

export type PaperFormat = "txt" | "docx" | "doc" | "pdf";

/**
 * Stands for a table in the text of a PDF (U+FFFC, the object replacement character): a paragraph of
 * its own, whose rows are the next entry of `tables`.
 */
export const TABLE_MARK = "\uFFFC";

export type ReadDocument =
  | { format: "txt" | "doc"; text: string; footnotes: string[]; warnings: string[] }
  | {
      format: "pdf";
      /** Running text; each table found in the PDF is a paragraph holding TABLE_MARK. */
      text: string;
      /** Rows of cell texts of the tables, in the order of their marks in `text`. */
      tables?: string[][][];
      footnotes: string[];
      warnings: string[];
    }
  | { format: "docx"; blocks: Block[]; footnotes: string[]; warnings: string[] };

/** Why a paper could not be read. `message` is Vietnamese and shown to the user as is. */
export type PaperErrorCode =
  | "too_large"
  | "zip_bomb"
  | "xml_entities"
  | "unsupported_format"
  | "encrypted"
  | "corrupt"
  | "empty";
