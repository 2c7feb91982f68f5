// Accuracy of the extractor on the held-out papers (test/fixtures/heldout): papers written after the
// extractor was developed and never used to tune it, so their score tells how well it generalises.
// Papers are read as src/extract/accuracy.test.ts reads them (.txt through extractText, other formats
// through the readers) and scored with the protocol of src/extract/accuracy.ts. Informational: nothing
// fails on a low score (the tuning set's gate is accuracy.test.ts).
// Run: `node bench/heldout.ts`, or as part of `node bench/extract.ts` / `npm run bench -- --only extract`.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatScoreTable, poolScores, scorePaper, type Scores } from "../src/extract/accuracy.ts";
import { extract, extractText } from "../src/extract/index.ts";
import { decodeText, readPaper } from "../src/extract/read/index.ts";
import { toPaperJson, type PaperJson } from "../src/extract/types.ts";

const ROOT = resolve(import.meta.dirname, "..");
const GOLD = join(ROOT, "test/fixtures/heldout/gold");

interface GoldFile {
  source: string;
  expected: PaperJson;
}

async function extractSource(path: string): Promise<PaperJson> {
  // .txt: UTF-8 as it is, a legacy 8-bit encoding (TCVN3, VNI) decoded first.
  if (path.endsWith(".txt")) return toPaperJson(extractText(decodeText(new Uint8Array(readFileSync(path))).text));
  const doc = await readPaper(new Uint8Array(readFileSync(path)), basename(path));
  return toPaperJson(extract(doc));
}

/** Scores every held-out paper; returns the per-paper scores and the pooled ones. */
export async function scoreHeldout(): Promise<{ papers: Array<{ name: string; scores: Scores }>; pooled: Scores }> {
  const papers: Array<{ name: string; scores: Scores }> = [];
  for (const file of readdirSync(GOLD).filter((f) => f.endsWith(".json")).sort()) {
    const gold = JSON.parse(readFileSync(join(GOLD, file), "utf8")) as GoldFile;
    const got = await extractSource(resolve(ROOT, gold.source));
    papers.push({ name: file.replace(/\.json$/, ""), scores: scorePaper(got, gold.expected) });
  }
  return { papers, pooled: poolScores(papers.map((p) => p.scores)) };
}

/** Prints the held-out accuracy table (precision, recall, F1 per field; pooled and per paper). */
export async function benchHeldout(): Promise<void> {
  const { papers, pooled } = await scoreHeldout();
  console.log(`\nĐộ chính xác trên văn bản chưa dùng để tinh chỉnh (held-out), ${papers.length} văn bản:`);
  console.log(formatScoreTable(papers, pooled));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchHeldout();
}
