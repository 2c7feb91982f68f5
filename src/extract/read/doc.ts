// .doc (Word 97–2003): the OLE container is checked first (ole.ts), encrypted files are told
// apart, then word-extractor reads the body, footnotes and endnotes. Footnote reference marks
// are removed from the body by word-extractor (they are control characters in the text).
import WordExtractor from "word-extractor";
import { encryptedWord, PaperError } from "../errors.ts";
import { inspectOle } from "./ole.ts";

export interface DocContent {
  text: string;
  footnotes: string[];
  warnings: string[];
}

const FIB_MAGIC = 0xa5ec;
const F_ENCRYPTED = 0x0100;
const F_OBFUSCATED = 0x8000;
const NFIB_WORD97 = 0x00c1;

// word-extractor writes "undefined" for a few control and unmapped characters (optional hyphen,
// some Windows-1252 holes); inside or against a word it can only be that.
const UNDEFINED_ARTEFACT = /(?<=\S)undefined|undefined(?=\S)/g;

function splitNotes(s: string): string[] {
  return s
    .replace(UNDEFINED_ARTEFACT, "")
    .split("\n")
    .map((n) => n.replace(/\s+/g, " ").trim())
    .filter((n) => n.length > 0);
}

/** Reads a .doc. Throws PaperError: "encrypted", "unsupported_format" (not a Word file, or Word 6/95), "corrupt". */
export async function readDoc(bytes: Uint8Array): Promise<DocContent> {
  const ole = inspectOle(bytes);
  if (ole.streams.has("EncryptedPackage") || ole.streams.has("EncryptionInfo")) throw encryptedWord();
  if (!ole.streams.has("WordDocument")) throw new PaperError("unsupported_format");
  const fib = ole.fib;
  if (fib && fib.length >= 12) {
    const dv = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
    if (dv.getUint16(0, true) !== FIB_MAGIC) throw new PaperError("corrupt");
    const flags = dv.getUint16(0x0a, true);
    if (flags & (F_ENCRYPTED | F_OBFUSCATED)) throw encryptedWord();
    if (dv.getUint16(2, true) < NFIB_WORD97) {
      throw new PaperError("unsupported_format", "Tệp .doc theo định dạng Word 6.0/95 không được hỗ trợ. Hãy lưu lại dưới dạng .docx.");
    }
  }
  let doc;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new PaperError("corrupt", undefined, { cause: e });
  }
  const options = { filterUnicode: false };
  const text = doc.getBody(options).replace(UNDEFINED_ARTEFACT, "");
  const footnotes = [...splitNotes(doc.getFootnotes(options)), ...splitNotes(doc.getEndnotes(options))];
  return { text: tableRowsAsLines(text), footnotes, warnings: [] };
}

/**
 * Table cells end with a tab in word-extractor's text (as do real tabs), and a cell's paragraphs
 * run on into the next cell's. Rows of three or more cells (task tables) keep their cells on one
 * line apart with " | " so that the layout step does not run them together; otherwise (the header
 * block: issuer | motto, number | place and date; the signature block) each cell's text goes on
 * its own line, as a reader reads the columns.
 */
function tableRowsAsLines(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      if (!line.includes("\t")) return line;
      const cells = line.split("\t").map((c) => c.trim()).filter((c) => c.length > 0);
      return cells.join(cells.length >= 3 ? " | " : "\n");
    })
    .join("\n");
}
