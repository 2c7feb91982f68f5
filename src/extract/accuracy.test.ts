// Accuracy of the extractor on every gold file (test/fixtures/gold/*.json): prints a per-field table
// (precision, recall, F1 per paper and pooled) and fails when a pooled field's F1 is below 0.9.
// Seeds are read from ../shared/seeds (never copied into the repository); our own .docx and .pdf papers
// go through the readers (src/extract/read) once they exist.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { dice, FIELDS, formatScoreTable, jaccard, poolScores, prf, scorePaper, wordTokens, type Scores } from "./accuracy.ts";
import { extract, extractText } from "./index.ts";
import { toPaperJson, type PaperJson, type ReadDocument } from "./types.ts";
import { decodeText } from "./read/txt.ts";

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
  // .txt: UTF-8 as it is, a legacy 8-bit encoding (TCVN3, VNI) decoded first.
  if (path.endsWith(".txt")) return toPaperJson(extractText(decodeText(new Uint8Array(readFileSync(path))).text));
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

// ---------------------------------------------------------------------------
// The scoring protocol itself

function paper(partial: Partial<PaperJson>): PaperJson {
  return {
    document: { kind: null, symbol: null, date: null, title: null, issuer: null, signer: { name: null, position: null } },
    directives: [],
    indicators: [],
    references: [],
    footnotes: [],
    ...partial,
  };
}

const dir = (text: string, leads: string[] = [], deadline: string | null = null) => ({ ordinal: "1", text, leads, partners: [], deadline, deadlineText: null });
const ind = (value: number, unit: string, label: string, planPercent: number | null = null) => ({ label, value, unit, planPercent, changePercent: null, period: null, text: "" });

describe("scoring protocol", () => {
  it("compares document fields after folding; null = null is not counted", () => {
    const gold = paper({ document: { kind: "TB", symbol: null, date: "2024-10-02", title: "Kết luận", issuer: "Tỉnh ủy Hậu Giang", signer: { name: null, position: "Phó Bí thư" } } });
    const got = paper({ document: { kind: "TB", symbol: "1-TB/TU", date: null, title: "kết luận.", issuer: "TỈNH ỦY HẬU GIANG", signer: { name: null, position: "Bí thư" } } });
    const s = scorePaper(got, gold);
    expect(s["document.kind"]).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s["document.symbol"]).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(s["document.date"]).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(s["document.title"]).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s["document.issuer"]).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s["document.signer.name"]).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(s["document.signer.position"]).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it("aligns directives by token overlap and compares leads as sets", () => {
    const gold = paper({ directives: [dir("Sở Tài chính chủ trì rà soát biên chế các xã", ["Sở Tài chính", "Sở Nội vụ"], "2026-06-30"), dir("Tổ chức hội nghị tổng kết năm")] });
    const got = paper({ directives: [dir("Sở Tài chính chủ trì rà soát biên chế các xã.", ["sở tài chính", "Văn phòng"], "2026-06-30"), dir("Một việc khác hẳn")] });
    const s = scorePaper(got, gold);
    expect(s.directive).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s["directive.leads"]).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s["directive.deadline"]).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it("aligns indicators by value and unit, and checks labels by token overlap", () => {
    const gold = paper({ indicators: [ind(125, "đảng viên", "đảng viên bị xóa tên"), ind(9003, "tỷ đồng", "tổng thu ngân sách", 102.3)] });
    const got = paper({ indicators: [ind(125, "Đảng viên", "xóa tên đảng viên"), ind(9003, "tỷ đồng", "chi đầu tư", 102.3), ind(3, "ha", "x")] });
    const s = scorePaper(got, gold);
    expect(s.indicator).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(s["indicator.planPercent"]).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s["indicator.label"]).toEqual({ tp: 1, fp: 2, fn: 1 });
  });

  it("measures overlap with Jaccard (directives) and Dice (labels)", () => {
    expect(jaccard(wordTokens("a b c"), wordTokens("a b d"))).toBeCloseTo(0.5);
    expect(dice(wordTokens("Đảng viên bị xóa tên"), wordTokens("xóa tên đảng viên"))).toBeCloseTo(8 / 9);
  });

  it("computes precision, recall and F1", () => {
    expect(prf({ tp: 9, fp: 1, fn: 3 })).toMatchObject({ precision: 0.9, recall: 0.75 });
    expect(prf({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
    expect(prf({ tp: 0, fp: 2, fn: 0 }).f1).toBe(0);
  });
});
