// Accuracy of the extractor on every gold file (test/fixtures/gold/*.json): prints a per-field table
// (precision, recall, F1 per paper and pooled) and fails when a pooled field's F1 is below 0.9.
// Seeds are read from ../shared/seeds (never copied into the repository); our own .docx and .pdf papers
// go through the readers (src/extract/read) once they exist.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FIELDS, formatScoreTable, poolScores, prf, scorePaper, type Scores } from "./accuracy.ts";
import { extract, extractText } from "./index.ts";
import { toPaperJson, type PaperJson, type ReadDocument } from "./types.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const GOLD = join(ROOT, "test/fixtures/gold");
const READERS = join(import.meta.dirname, "read/index.ts");
const MIN_F1 = 0.9;

interface GoldFile {
  source: string;
  expected: PaperJson;
}

type ReadPaper = (bytes: Uint8Array, fileName: string) => ReadDocument | Promise<ReadDocument>;

async function readers(): Promise<ReadPaper | null> {
  if (!existsSync(READERS)) return null;
  const path: string = READERS;
  const mod = (await import(path)) as { readPaper?: ReadPaper };
  return mod.readPaper ?? null;
}

async function extractSource(path: string, readPaper: ReadPaper | null): Promise<PaperJson | null> {
  if (path.endsWith(".txt")) return toPaperJson(extractText(readFileSync(path, "utf8")));
  if (!readPaper) return null;
  const doc = await readPaper(new Uint8Array(readFileSync(path)), basename(path));
  return toPaperJson(extract(doc));
}

describe("extraction accuracy against the gold files", () => {
  it(`reaches F1 ≥ ${MIN_F1} on every field, pooled over all papers`, async () => {
    const readPaper = await readers();
    const files = readdirSync(GOLD).filter((f) => f.endsWith(".json")).sort();
    const papers: Array<{ name: string; scores: Scores }> = [];
    const skipped: string[] = [];
    for (const file of files) {
      const gold = JSON.parse(readFileSync(join(GOLD, file), "utf8")) as GoldFile;
      const source = resolve(ROOT, gold.source);
      const got = await extractSource(source, readPaper);
      if (!got) {
        skipped.push(gold.source);
        continue;
      }
      papers.push({ name: file.replace(/\.json$/, ""), scores: scorePaper(got, gold.expected) });
    }
    expect(papers.length).toBeGreaterThan(0);
    const pooled = poolScores(papers.map((p) => p.scores));
    console.log(`\n${formatScoreTable(papers, pooled)}\n`);
    if (skipped.length > 0) console.log(`Bỏ qua (chưa có bộ đọc): ${skipped.join(", ")}`);
    const failing = FIELDS.filter((f) => prf(pooled[f]).f1 < MIN_F1).map((f) => `${f} ${(prf(pooled[f]).f1 * 100).toFixed(1)}%`);
    expect(failing, `fields below F1 ${MIN_F1}`).toEqual([]);
  });
});
