// Bytes in, ReadDocument out. The format is told by the bytes first (ZIP → .docx, OLE → .doc,
// %PDF → PDF), by the file name second; anything that cannot be read ends in a PaperError with a
// Vietnamese message, never another exception. All text leaves through normalizeText, after
// legacy TCVN3/VNI text hidden in Unicode (old .VnTime / VNI-Times documents) is converted.
import { asPaperError, PaperError, tooLarge } from "../errors.ts";
import { normalizeText } from "../normalize.ts";
import type { Block, PaperFormat, ReadDocument } from "../types.ts";
import { readDoc } from "./doc.ts";
import { readDocx } from "./docx.ts";
import { repairLegacyText, type LegacyEncoding } from "./legacy.ts";
import { isOle } from "./ole.ts";
import { readPdf } from "./pdf.ts";
import { decodeText, looksLikeText } from "./txt.ts";
import { isZip } from "./zip.ts";

export { PaperError } from "../errors.ts";
export type { DecodedText, TextEncoding } from "./txt.ts";
export { decodeText } from "./txt.ts";
export { decodeTcvn3, decodeVni, encodeTcvn3, encodeVni, repairLegacyText, tcvn3ToUnicode, vniToUnicode } from "./legacy.ts";

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  /** Largest accepted file, in bytes (default 20 MB). */
  maxBytes?: number;
}

const WORD_NAMES = new Set(["docx", "docm", "dotx", "dotm", "doc", "dot"]);

function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]{1,5})$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? "";
}

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function asciiHead(bytes: Uint8Array, n: number): string {
  let s = "";
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** PDF allows junk before its header within the first kilobyte. */
function isPdf(bytes: Uint8Array): boolean {
  return asciiHead(bytes, 1024).includes("%PDF-");
}

// Formats people upload by mistake: images, archives, executables.
function isOtherBinary(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || // PNG
    startsWith(bytes, 0xff, 0xd8, 0xff) || // JPEG
    startsWith(bytes, 0x47, 0x49, 0x46, 0x38) || // GIF
    startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || // TIFF
    startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a) ||
    startsWith(bytes, 0x52, 0x61, 0x72, 0x21) || // RAR
    startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf) || // 7z
    startsWith(bytes, 0x1f, 0x8b) || // gzip
    startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46) // ELF
  );
}

/**
 * The format of a paper from its bytes, then its name. Throws PaperError("unsupported_format")
 * for other files and PaperError("corrupt") for a Word or PDF name on bytes that are neither.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): PaperFormat {
  if (isZip(bytes)) return "docx";
  if (isOle(bytes)) return "doc";
  if (isPdf(bytes)) return "pdf";
  const ext = extensionOf(fileName);
  if (/^\{\\rtf/.test(asciiHead(bytes, 8))) {
    throw new PaperError("unsupported_format", "Tệp RTF không được hỗ trợ. Hãy mở bằng Word và lưu lại dưới dạng .docx.");
  }
  if (isOtherBinary(bytes)) throw new PaperError("unsupported_format");
  if (WORD_NAMES.has(ext) || ext === "pdf") throw new PaperError("corrupt");
  if (!looksLikeText(bytes)) throw new PaperError(ext === "txt" || ext === "text" ? "corrupt" : "unsupported_format");
  return "txt";
}

// ---------------------------------------------------------------------------

const LEGACY_WARNING: Record<LegacyEncoding, string> = {
  TCVN3: "Đã chuyển mã TCVN3 sang Unicode.",
  VNI: "Đã chuyển mã VNI sang Unicode.",
};

/** Converts hidden legacy text and normalises; records which encodings were converted. */
function finisher(repair = true): { clean: (s: string) => string; warnings: () => string[] } {
  const found = new Set<LegacyEncoding>();
  return {
    clean: (s: string) => {
      const { text, encodings } = repair ? repairLegacyText(s) : { text: s, encodings: [] };
      for (const e of encodings) found.add(e);
      return normalizeText(text.replace(CONTROL, ""));
    },
    warnings: () => [...found].map((e) => LEGACY_WARNING[e]),
  };
}

// Control characters (other than tab and line ends) carry nothing readable.
const CONTROL = /[\x00-\x08\x0B\x0E-\x1F\x7F\uFFFE\uFFFF]/g;

const HAS_CONTENT = /[\p{L}\p{N}]/u;

function trimText(s: string): string {
  return s.replace(/^\s*\n/, "").replace(/\s+$/, "");
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Reads a paper. Throws only PaperError: too_large, zip_bomb, xml_entities, unsupported_format,
 * encrypted, corrupt, empty.
 */
export async function readPaper(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<ReadDocument> {
  try {
    const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes.length > max) throw tooLarge(bytes.length, max);
    if (bytes.length === 0) throw new PaperError("empty");
    const format = detectFormat(bytes, fileName);
    const fin = finisher();
    if (format === "docx") {
      let content;
      try {
        content = await readDocx(bytes);
      } catch (e) {
        if (e instanceof PaperError && e.code === "unsupported_format" && WORD_NAMES.has(extensionOf(fileName))) throw new PaperError("corrupt");
        throw e;
      }
      const blocks: Block[] = [];
      for (const b of content.blocks) {
        if (b.kind === "table") {
          const rows = b.rows.map((r) => r.map((c) => fin.clean(c).trim()));
          if (rows.some((r) => r.some((c) => c.length > 0))) blocks.push({ kind: "table", rows });
        } else {
          const text = fin.clean(b.text).trim();
          if (text.length === 0) continue;
          blocks.push(b.label ? { kind: "paragraph", text, label: normalizeText(b.label).trim() } : { kind: "paragraph", text });
        }
      }
      const footnotes = content.footnotes.map((f) => fin.clean(f).trim()).filter((f) => f.length > 0);
      const hasText = blocks.some((b) => (b.kind === "paragraph" ? HAS_CONTENT.test(b.text) : b.rows.some((r) => r.some((c) => HAS_CONTENT.test(c)))));
      if (!hasText) throw new PaperError("empty");
      return { format, blocks, footnotes, warnings: uniq([...content.warnings, ...fin.warnings()]) };
    }
    let content: { text: string; footnotes: string[]; warnings: string[]; tables?: string[][][] };
    let clean = fin;
    if (format === "doc") content = await readDoc(bytes);
    else if (format === "pdf") content = await readPdf(bytes);
    else {
      const d = decodeText(bytes);
      content = { text: d.text, footnotes: [], warnings: d.warnings };
      // Text decoded from a legacy encoding is converted already.
      if (!d.encoding.startsWith("UTF")) clean = finisher(false);
    }
    const text = trimText(clean.clean(content.text));
    const footnotes = content.footnotes.map((f) => clean.clean(f).trim()).filter((f) => f.length > 0);
    const warnings = uniq([...content.warnings, ...clean.warnings()]);
    if (format === "pdf" && content.tables && content.tables.length > 0) {
      // Every table keeps its place (its mark is in the text), even one left without text.
      const tables = content.tables.map((t) => t.map((r) => r.map((c) => clean.clean(c).trim())).filter((r) => r.some((c) => c.length > 0)));
      if (!HAS_CONTENT.test(text) && !tables.some((t) => t.some((r) => r.some((c) => HAS_CONTENT.test(c))))) throw new PaperError("empty");
      return { format, text, tables, footnotes, warnings: uniq([...warnings, ...clean.warnings()]) };
    }
    if (!HAS_CONTENT.test(text)) throw new PaperError("empty");
    return { format, text, footnotes, warnings };
  } catch (e) {
    throw asPaperError(e);
  }
}
