// What an upload costs before anyone reviews it: reading the file (.docx through mammoth, .doc through
// word-extractor, text PDFs through pdf.js with their tables, .txt with encoding detection) and
// extracting its structure, per paper of our own fixtures (the seeds are plain text: bench/extract.ts).
// Run: `node bench/read.ts`, or as part of `npm run bench -- --only extract`.
import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../src/extract/index.ts";
import { readPaper } from "../src/extract/read/index.ts";
import { measure, printTable, type Row, summary } from "./lib/stats.ts";

const ROOT = resolve(import.meta.dirname, "..");
const PAPERS = [
  "test/fixtures/papers/ctr-15-quy-2-2026.docx",
  "src/extract/read/fixtures/notice.doc",
  "test/fixtures/papers/tb-1234-ket-luan-2025.pdf",
  "test/fixtures/papers/ctr-21-xa-my-thien-2027.pdf",
  "test/fixtures/papers/bc-48-xa-vi-thuy-2026.txt",
];

export async function benchRead(): Promise<void> {
  const rows: Row[] = [];
  for (const path of PAPERS) {
    const bytes = new Uint8Array(readFileSync(join(ROOT, path)));
    const name = basename(path);
    const read = () => readPaper(bytes, name);
    const doc = await read();
    const readOnly = summary(await measure(read, 30, 3));
    const both = summary(await measure(async () => extract(await read()), 30, 3));
    rows.push({
      "văn bản": name,
      KB: (bytes.length / 1024).toFixed(0),
      "kiểu": doc.format,
      "đọc p50 / p95": `${readOnly.p50} / ${readOnly.p95}`,
      "đọc + trích xuất p50 / p95": `${both.p50} / ${both.p95}`,
    });
  }
  printTable("Đọc tệp tải lên và trích xuất cấu trúc, mỗi văn bản (ms)", rows);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchRead();
}
