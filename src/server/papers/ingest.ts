import { createHash } from "node:crypto";
import { extname } from "node:path";
import type { PaperSummary } from "../../domain/api/papers.ts";
import { todayInVietnam } from "../../domain/format.ts";
import { type Classification, kindOfSymbol, type PaperItems, type PaperMeta } from "../../domain/papers.ts";
import { PaperError } from "../../extract/errors.ts";
import { extract } from "../../extract/index.ts";
import { readPaper } from "../../extract/read/index.ts";
import type { Extraction, KnownBody, ReadDocument } from "../../extract/types.ts";
import type { Queryable, Tx } from "../db/schema.ts";
import { storeFile } from "../files/files.ts";
import { HttpError } from "../http/errors.ts";
import type { Audit } from "../http/route.ts";
import { allUnitVersions } from "../units/queries.ts";
import { draftFromExtraction, emptyItems, knownBodiesOn, recipientsFromText } from "./draft.ts";
import { cleanSymbol, insertPaper, linkCitingPapers, type PaperRow, papersWithFileHash, resolveLinks } from "./queries.ts";

// The way in for a paper: bytes → readers → extractor (names matched against the units
// of the paper's date) → stored for review. A paper marked Mật or above is registered
// — number, date, title, recipients — and neither its file nor its text is kept.
// Reading and extracting run before the transaction; storing runs inside it.

const MIME: Record<string, string> = {
  ".txt": "text/plain; charset=utf-8",
  ".pdf": "application/pdf",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export interface ReadPaper {
  extraction: Extraction;
  /** The day unit names were read for. */
  asOf: string;
  bodies: KnownBody[];
}

function readFailed(e: unknown): HttpError {
  if (e instanceof PaperError) return new HttpError(400, `paper_${e.code}`, e.message);
  console.error("Lỗi khi đọc tệp văn bản:", e);
  return new HttpError(400, "paper_unreadable", "Không đọc được nội dung tệp: tệp bị hỏng hoặc không đúng định dạng (.docx, .doc, .pdf, .txt).");
}

/** Reads and extracts a paper; refuses unreadable, oversized or dangerous files with a Vietnamese 400. */
export async function readAndExtract(db: Queryable, provinceId: number, bytes: Uint8Array, fileName: string, maxBytes: number): Promise<ReadPaper> {
  if (!bytes.byteLength) throw new HttpError(400, "paper_empty", "Tệp rỗng, không có nội dung.");
  let doc: ReadDocument;
  try {
    doc = await readPaper(bytes, fileName, { maxBytes });
  } catch (e) {
    throw readFailed(e);
  }
  const versions = await allUnitVersions(db, provinceId);
  // The paper's own date decides which names its bodies had: read it first, then match.
  let first: Extraction;
  try {
    first = extract(doc, {});
  } catch (e) {
    if (e instanceof PaperError) throw readFailed(e);
    console.error("Lỗi khi phân tích văn bản:", e);
    throw new HttpError(400, "paper_unreadable", "Không phân tích được nội dung văn bản này.");
  }
  const asOf = first.document.date ?? todayInVietnam();
  const bodies = knownBodiesOn(versions, asOf);
  if (first.classification) return { extraction: first, asOf, bodies };
  const extraction = bodies.length ? extract(doc, { bodies, referenceDate: asOf }) : first;
  return { extraction, asOf, bodies };
}

export interface Stored {
  row: PaperRow;
  /** Vietnamese notes for the uploader (classified paper registered without content; same file stored before). */
  notices: string[];
  duplicates: PaperSummary[];
  counts: { directives: number; facts: number; references: number };
}

function registrationMeta(x: Extraction, overrides: Partial<PaperMeta> = {}): PaperMeta {
  const symbol = cleanSymbol(x.document.symbol);
  return {
    kind: x.document.kind ?? kindOfSymbol(symbol),
    symbol,
    issuedOn: x.document.date,
    title: x.document.title,
    issuer: null,
    signerName: null,
    signerPosition: null,
    recipients: recipientsFromText(x.text, x.document.signer),
    ...overrides,
  };
}

export function classifiedNotice(level: Classification): string {
  return `Văn bản có độ mật “${level}”: theo quy định, chỉ đăng ký số, ngày, trích yếu và nơi nhận; tệp và nội dung văn bản không được lưu trên hệ thống.`;
}

/** Stores what was read: the file, its text and the first draft, or — for a classified paper — only its registration. */
export async function storeRead(
  tx: Tx,
  provinceId: number,
  input: { bytes: Uint8Array; fileName: string; mime?: string | null; userId: string | null },
  read: ReadPaper,
  audit: Audit,
): Promise<Stored> {
  const x = read.extraction;
  if (x.classification) {
    const meta = registrationMeta(x);
    const row = await insertPaper(tx, provinceId, {
      meta,
      classification: x.classification,
      fileId: null,
      fileName: null,
      text: null,
      extraction: null,
      warnings: [],
      items: emptyItems(),
      status: "review",
      createdBy: input.userId,
    });
    await audit({
      action: "paper.register",
      objectType: "paper",
      objectId: row.id,
      after: { classification: x.classification, symbol: meta.symbol, kind: meta.kind, issuedOn: meta.issuedOn, title: meta.title, recipients: meta.recipients, source: "upload" },
    });
    return { row, notices: [classifiedNotice(x.classification)], duplicates: [], counts: { directives: 0, facts: 0, references: 0 } };
  }

  const duplicates = await papersWithFileHash(tx, provinceId, sha256(input.bytes));
  const ext = extname(input.fileName).toLowerCase();
  const file = await storeFile(tx, provinceId, {
    name: input.fileName,
    mime: MIME[ext] ?? (input.mime || "application/octet-stream"),
    bytes: input.bytes,
    createdBy: input.userId,
  });
  let items: PaperItems = draftFromExtraction(x, read.bodies);
  const symbol = cleanSymbol(x.document.symbol);
  items = { ...items, references: await resolveLinks(tx, provinceId, null, x.document.date, items.references) };
  const meta: PaperMeta = {
    kind: x.document.kind ?? kindOfSymbol(symbol),
    symbol,
    issuedOn: x.document.date,
    title: x.document.title,
    issuer: x.document.issuer,
    signerName: x.document.signer?.name ?? null,
    signerPosition: x.document.signer?.position ?? null,
    recipients: recipientsFromText(x.text, x.document.signer),
  };
  const notices: string[] = [];
  if (duplicates.length) notices.push("Tệp này đã được tải lên trước đây; hãy kiểm tra để tránh theo dõi trùng.");
  const row = await insertPaper(tx, provinceId, {
    meta,
    classification: "none",
    fileId: file.id,
    fileName: input.fileName,
    text: x.text,
    extraction: x,
    warnings: x.warnings ?? [],
    items,
    status: "review",
    createdBy: input.userId,
  });
  await audit({
    action: "paper.upload",
    objectType: "paper",
    objectId: row.id,
    after: {
      fileName: input.fileName,
      fileId: file.id,
      size: file.size,
      sha256: file.sha256,
      ...meta,
      counts: { directives: items.directives.length, facts: items.facts.length, references: items.references.length },
    },
  });
  return { row, notices, duplicates, counts: { directives: items.directives.length, facts: items.facts.length, references: items.references.length } };
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A classified paper registered by hand (nothing uploaded): it needs no review. */
export async function registerClassified(
  tx: Tx,
  provinceId: number,
  input: { classification: Exclude<Classification, "none">; meta: PaperMeta; userId: string | null },
  audit: Audit,
): Promise<PaperRow> {
  const row = await insertPaper(tx, provinceId, {
    meta: input.meta,
    classification: input.classification,
    fileId: null,
    fileName: null,
    text: null,
    extraction: null,
    warnings: [],
    items: null,
    status: "confirmed",
    createdBy: input.userId,
  });
  const citedBy = await linkCitingPapers(tx, row);
  await audit({
    action: "paper.register",
    objectType: "paper",
    objectId: row.id,
    after: { classification: input.classification, ...input.meta, source: "form", citedBy },
  });
  return row;
}
