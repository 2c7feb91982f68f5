// Consistency of the gold files with their sources: every value, symbol, quote and name a gold file
// states must be found in the paper it labels. This checks the labels, not the extractor. Two sets:
// - test/fixtures/gold: the papers the extractor is tuned and scored on (accuracy.test.ts);
// - test/fixtures/heldout/gold: papers it was never tuned on, scored by the extraction benchmark
//   (bench/heldout.ts), which must stay out of the tuning set.
// Labelling rules: test/fixtures/gold/README.md (and test/fixtures/heldout/README.md for what the
// held-out papers add: letter sub-items "III.1.a", more units).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize.ts";
import { decodeText } from "./read/txt.ts";
import { DOCUMENT_KINDS, type PaperJson } from "./types.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const GOLD = join(ROOT, "test/fixtures/gold");
const HELDOUT = join(ROOT, "test/fixtures/heldout");
const HELDOUT_GOLD = join(HELDOUT, "gold");

interface GoldFile {
  source: string;
  expected: PaperJson;
}

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
const readGold = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as GoldFile;

// ---------------------------------------------------------------------------
// Reading sources (independently of the extractor's readers)

function xmlText(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, " ")
    .replace(/<w:br[^>]*\/>/g, "\n")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<\/w:tc>/g, " | ")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

async function sourceText(path: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path));
  // A .txt in a legacy 8-bit encoding (TCVN3, VNI) is decoded as a reader would; UTF-8 files as they are.
  if (path.endsWith(".txt")) return decodeText(bytes).text;
  if (path.endsWith(".docx")) {
    const zip = unzipSync(bytes);
    const parts = ["word/document.xml", "word/footnotes.xml"].filter((p) => zip[p]);
    return parts.map((p) => xmlText(strFromU8(zip[p]!))).join("\n");
  }
  if (path.endsWith(".doc")) {
    // Word 97: body and footnotes as the word-extractor package reads them (not the extractor's own reader)
    const { default: WordExtractor } = await import("word-extractor");
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    return `${doc.getBody()}\n${doc.getFootnotes()}`;
  }
  if (path.endsWith(".pdf")) {
    const { extractText, getDocumentProxy } = await import("unpdf");
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  }
  throw new Error(`unknown source type: ${path}`);
}

// ---------------------------------------------------------------------------
// Helpers

/** Word and number tokens, lower case: what "appears in the source" is checked on. */
function tokens(s: string): string[] {
  return normalizeText(s).toLocaleLowerCase("vi").match(/[\p{L}\p{M}]+|\d+(?:[.,]\d+)*/gu) ?? [];
}

/** True when the tokens of `needle` occur in order in `hay`, with small gaps (footnotes, markers, page numbers). */
function inOrder(needle: string[], hay: string[], maxGap = 40): boolean {
  if (needle.length === 0) return true;
  for (let start = hay.indexOf(needle[0]!); start >= 0; start = hay.indexOf(needle[0]!, start + 1)) {
    let pos = start;
    let ok = true;
    for (let i = 1; i < needle.length; i++) {
      let j = pos + 1;
      const limit = Math.min(hay.length, pos + 2 + maxGap);
      while (j < limit && hay[j] !== needle[i]) j++;
      if (j >= limit) {
        ok = false;
        break;
      }
      pos = j;
    }
    if (ok) return true;
  }
  return false;
}

/** Flat source: normalised, emphasis and split symbols ("20-⏎QC/TU", "845/SNNMT-⏎QLĐĐ") repaired, one space between words. */
function flat(s: string): string {
  return normalizeText(s)
    .replace(/\*+/g, "")
    .replace(/([\p{L}\d])-[ \t]*\r?\n\s*([A-ZĐ])/gu, "$1-$2")
    .replace(/\s+/g, " ");
}

/** Every number written in Vietnamese notation in `s`, as values ("9.003" → 9003, "102,3" → 102.3). */
function numbersIn(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(/\d+(?:\.\d{3})*(?:,\d+)?/g)) {
    out.push(Number(m[0].replace(/\./g, "").replace(",", ".")));
    // a bare group like "4571" or "1498" is also a number; "03" is 3 — both covered above
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const has = (xs: number[], v: number) => xs.some((x) => near(x, v));

function lastDay(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/** An independent reading of a deadline phrase, to cross-check `deadline` (README §2.6). */
function readDeadline(phrase: string, paperYear: number | null): string | null {
  const p = normalizeText(phrase).toLocaleLowerCase("vi");
  let m = /(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/.exec(p);
  if (m && /trước|chậm nhất|đến ngày|ngày/.test(p)) {
    const y = m[3] ? Number(m[3]) : paperYear;
    if (!y) return null;
    return `${y}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  }
  // a span of quarters ("Quý I-II/2027") ends with its last quarter
  m = /quý\s+(?:(?:iv|iii|ii|i)\s*-\s*)?(iv|iii|ii|i)\s*(?:\/|năm\s+)(\d{4})/.exec(p);
  if (m) return lastDay(Number(m[2]), ROMAN[m[1]!.toUpperCase()]! * 3);
  m = /6 tháng (đầu|cuối) năm(?:\s+(\d{4}))?/.exec(p);
  if (m) {
    const y = m[2] ? Number(m[2]) : paperYear;
    return y ? lastDay(y, m[1] === "đầu" ? 6 : 12) : null;
  }
  m = /tháng\s+(\d{1,2})\s*(?:\/|năm\s+)(\d{4})/.exec(p);
  if (m) return lastDay(Number(m[2]), Number(m[1]));
  m = /năm\s+(\d{4})/.exec(p);
  if (m) return `${m[1]}-12-31`;
  return null;
}

/** "2024-07-04" → the ways a paper may write it. */
function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split("-");
  const dd = [d!, String(Number(d))];
  const mm = [m!, String(Number(m))];
  const out: string[] = [];
  for (const a of dd) for (const b of mm) out.push(`${a}/${b}/${y}`);
  for (const a of dd) for (const b of mm) out.push(`ngày ${a} tháng ${b} năm ${y}`); // "ngày 20 tháng 01 năm 2026" too
  return out;
}

const lower = (s: string) => normalizeText(s).toLocaleLowerCase("vi");

// ---------------------------------------------------------------------------

describe("gold files", () => {
  it("exist for the five seeds and for our own papers", () => {
    expect(jsonFiles(GOLD).length).toBeGreaterThanOrEqual(8);
  });

  it("hold out at least three papers of our own that are not in the tuning set", () => {
    const tuning = jsonFiles(GOLD).map((f) => readGold(GOLD, f).source);
    const heldOut = jsonFiles(HELDOUT_GOLD).map((f) => readGold(HELDOUT_GOLD, f).source);
    expect(heldOut.length).toBeGreaterThanOrEqual(3);
    for (const source of heldOut) {
      expect(source.startsWith("test/fixtures/heldout/"), source).toBe(true);
      expect(tuning, source).not.toContain(source);
      expect(existsSync(resolve(ROOT, source)), source).toBe(true);
    }
  });

  // Units of measure must be listed in a README (§7 of the gold rules, or the held-out README).
  const readme = readFileSync(join(GOLD, "README.md"), "utf8") + readFileSync(join(HELDOUT, "README.md"), "utf8");
  const sets = [
    ...jsonFiles(GOLD).map((file) => ({ dir: GOLD, file })),
    ...jsonFiles(HELDOUT_GOLD).map((file) => ({ dir: HELDOUT_GOLD, file: `heldout/${file}` })),
  ];

  for (const { dir, file } of sets) {
    describe(file, async () => {
      const gold = readGold(dir, file.replace(/^heldout\//, ""));
      const path = resolve(ROOT, gold.source);
      const present = existsSync(path);
      const raw = present ? await sourceText(path) : "";
      const src = flat(raw);
      const srcTokens = tokens(raw);
      const x = gold.expected;
      // A paper whose task rows are table cells (a .docx, or a PDF with a task table): bodies and times may be in other cells.
      const isTable = gold.source.endsWith(".docx") || gold.source.endsWith(".pdf");
      const paperYear = x.document.date ? Number(x.document.date.slice(0, 4)) : null;

      it.skipIf(!present)("has the shape of PaperJson", () => {
        expect(Object.keys(x).sort()).toEqual(["directives", "document", "footnotes", "indicators", "references"]);
        expect(Object.keys(x.document).sort()).toEqual(["date", "issuer", "kind", "signer", "symbol", "title"]);
        expect(Object.keys(x.document.signer).sort()).toEqual(["name", "position"]);
        for (const d of x.directives)
          expect(Object.keys(d).sort()).toEqual(["deadline", "deadlineText", "leads", "ordinal", "partners", "text"]);
        for (const i of x.indicators)
          expect(Object.keys(i).sort()).toEqual(["changePercent", "label", "period", "planPercent", "text", "unit", "value"]);
        for (const r of x.references) expect(Object.keys(r).sort()).toEqual(["date", "issuer", "kind", "symbol", "text"]);
        for (const f of x.footnotes) expect(typeof f).toBe("string");
      });

      it.skipIf(!present)("document fields are found in the paper", () => {
        const d = x.document;
        if (d.kind !== null) expect(DOCUMENT_KINDS).toContain(d.kind);
        if (d.symbol !== null) {
          expect(src).toContain(d.symbol);
          const code = /^[^-/]*(?:\/\d{4})?[-/]([^/-]+)/.exec(d.symbol)?.[1]; // "25/2026/NQ-HĐND" → NQ
          if (code) expect(d.kind).toBe(code);
        }
        if (d.date !== null) expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (d.date !== null) expect(dateForms(d.date).some((f) => lower(src).includes(lower(f)))).toBe(true);
        if (d.title !== null) expect(inOrder(tokens(d.title), srcTokens, 3)).toBe(true);
        if (d.issuer !== null) expect(inOrder(tokens(d.issuer), srcTokens, 0)).toBe(true);
        if (d.signer.name !== null) expect(src).toContain(d.signer.name);
        if (d.signer.position !== null) expect(inOrder(tokens(d.signer.position), srcTokens, 0)).toBe(true);
      });

      it.skipIf(!present)("directives: texts, bodies and deadlines are in the paper", () => {
        const ordinals = new Set<string>();
        for (const d of x.directives) {
          expect(d.ordinal, d.ordinal).toMatch(/^(?:[IVX]+\.)?\d+(?:\.\d+)*(?:\.[a-zđ])?(?:-[a-z])?$/);
          expect(ordinals.has(d.ordinal), `duplicate ordinal ${d.ordinal}`).toBe(false);
          ordinals.add(d.ordinal);
          expect(inOrder(tokens(d.text), srcTokens), `text of ${d.ordinal}`).toBe(true);
          // bodies and deadline phrases are in the item's text, or — for a task-table row — in its other cells
          const where = (t: string) => lower(d.text).includes(lower(t)) || (isTable && lower(src).includes(lower(t)));
          for (const b of [...d.leads, ...d.partners]) expect(where(b), `${d.ordinal}: ${b}`).toBe(true);
          for (const b of d.leads) expect(d.partners.map(lower), `${d.ordinal}: ${b} lead and partner`).not.toContain(lower(b));
          if (d.deadlineText !== null) expect(where(d.deadlineText), `${d.ordinal}: ${d.deadlineText}`).toBe(true);
          if (d.deadline !== null) {
            expect(d.deadlineText, `${d.ordinal}: a deadline needs its phrase`).not.toBeNull();
            expect(readDeadline(d.deadlineText!, paperYear), `${d.ordinal}: ${d.deadlineText}`).toBe(d.deadline);
          } else if (d.deadlineText !== null) {
            // a periodic phrase: "thường xuyên", "định kỳ …", "hằng quý", or a recurring day ("Trước ngày 20 hằng tháng")
            expect(lower(d.deadlineText), d.ordinal).toMatch(/^(thường xuyên|hằng |hàng |định kỳ)|(hằng|hàng) (tháng|quý|năm)$/);
          }
        }
      });

      it.skipIf(!present)("indicators: every value, percentage and unit is in its clause, every clause in the paper", () => {
        for (const i of x.indicators) {
          const what = `${i.value} ${i.unit} (${i.label})`;
          expect(inOrder(tokens(i.text), srcTokens, 3), `text of ${what}`).toBe(true);
          const nums = numbersIn(i.text);
          expect(has(nums, i.value), `value of ${what} in «${i.text}»`).toBe(true);
          // the unit is in the clause, or — for a figure of a table — in a column header ("Kinh phí (triệu đồng)")
          const unitOk =
            lower(i.text).includes(lower(i.unit)) ||
            (i.unit === "tỷ đồng" && i.text.includes("tỷ động")) ||
            (isTable && lower(src).includes(`(${lower(i.unit)})`));
          expect(unitOk, `unit of ${what}`).toBe(true);
          if (i.planPercent !== null) {
            expect(has(nums, i.planPercent) || has(nums, i.planPercent - 100), `planPercent of ${what}`).toBe(true);
          }
          if (i.changePercent !== null) {
            const c = i.changePercent;
            const ok =
              has(nums, Math.abs(c)) || has(nums, 100 + c) || (c === 0 && /bằng|tương đương/.test(lower(i.text)));
            expect(ok, `changePercent of ${what}`).toBe(true);
          }
          expect(i.label.trim().length, what).toBeGreaterThan(0);
          expect(readme, `unit «${i.unit}» listed in README §7`).toContain(`\`${i.unit}\``);
        }
      });

      it.skipIf(!present)("references: symbols verbatim, dates and issuers in the citation", () => {
        const seen = new Set<string>();
        for (const r of x.references) {
          expect(r.symbol).not.toBeNull();
          const s = r.symbol!;
          expect(seen.has(s), `listed twice: ${s}`).toBe(false);
          seen.add(s);
          expect(src, s).toContain(s);
          expect(src, s).toContain(r.text);
          expect(r.text).toContain(s);
          if (r.kind !== null) expect(DOCUMENT_KINDS).toContain(r.kind);
          const code = /^\d+(?:\/\d{4})?[-/]([^/-]+)/.exec(s)?.[1];
          if (code && (DOCUMENT_KINDS as readonly string[]).includes(code)) expect(r.kind, s).toBe(code);
          if (r.issuer !== null) expect(lower(src), `${s}: ${r.issuer}`).toContain(lower(r.issuer));
          if (r.date !== null) {
            // the date is in this citation or in a later citation of the same symbol
            const forms = dateForms(r.date);
            const after = src.split(s).slice(1).map((t) => t.slice(0, 80));
            expect(after.some((t) => forms.some((f) => t.includes(f))), `${s}: ${r.date}`).toBe(true);
          }
        }
      });

      it.skipIf(!present)("footnotes are in the paper", () => {
        for (const f of x.footnotes) expect(inOrder(tokens(f), srcTokens, 3), f.slice(0, 60)).toBe(true);
      });
    });
  }
});
