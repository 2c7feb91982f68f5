// The extractor must never throw and must stay linear on any input. Property tests run random and
// Vietnamese-looking text through it; hostile inputs of 4 MB each (digits, slashes, dots, deep
// numbering, one endless line, thousands of "phối hợp với" …) are read within the test timeout, which
// is the guard against super-linear work (no timing assertions here: speed lives in bench/extract.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract, extractText } from "./index.ts";
import { fastNormalizeText, layoutText } from "./layout.ts";
import { collapseSpaces, normalizeText } from "./normalize.ts";
import { TABLE_MARK, type Extraction } from "./types.ts";

const FRAGMENTS = [
  "1. ", "1.1. ", "II. ", "a) ", "- ", "+ ", "\n", "\n\n", " ", "  ", "\t", ", ", "; ", ". ", ": ", "(", ")", "“", "”", "[", "]",
  "[\n]", "Ban Cán sự đảng Ủy ban nhân dân tỉnh", "Sở Tài chính", " chủ trì", ", phối hợp với ", "Văn phòng Tỉnh ủy", "Giao ",
  "Các cấp ủy", " thường xuyên ", "trước ngày 30/6/2025", "trong quý IV/2024", "6 tháng cuối năm", "9.003 tỷ đồng", " đạt 102,3% kế hoạch",
  " tăng 6,8%", "(giảm 4,1%)", "125 đảng viên", "194 căn nhà", "1.293/1.150", "Chỉ thị 35-CT/TW ngày 14/6/2024 của Bộ Chính trị",
  "Quy định số 96", "THÔNG BÁO", "-----", "Nơi nhận:", "T/M TỈNH ỦY", "PHÓ BÍ THƯ", "Trần Đình Văn", "kỳ1;", "1 Tổng ", "[1] ",
  "Số 84-TTr/TU", "Hậu Giang, ngày 15 tháng 10 năm 2024", "Mật", "Uỷ ban", "hoà", "Ð", "\u0301", "\u200B", "\u00A0", "%", "/", ".",
];

const paperLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 200 }).map((parts) => parts.join(""));

function spansInside(x: Extraction): boolean {
  const ok = (s: { start: number; end: number }) => s.start >= 0 && s.start <= s.end && s.end <= x.text.length;
  return [...x.directives, ...x.indicators, ...x.references, ...x.footnotes].every((i) => ok(i.span));
}

describe("extractText on arbitrary input", () => {
  it("never throws on random strings and keeps every span inside its text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
        const x = extractText(s);
        expect(spansInside(x)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on paper-like text built from the pieces papers are made of", () => {
    fc.assert(
      fc.property(paperLike, (s) => {
        const x = extractText(s);
        expect(spansInside(x)).toBe(true);
        for (const d of x.directives) expect(d.text.length).toBeGreaterThan(0);
        for (const i of x.indicators) expect(Number.isFinite(i.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary .docx blocks", () => {
    const block = fc.oneof(
      fc.record({ kind: fc.constant("paragraph" as const), text: paperLike, label: fc.option(fc.constantFrom("1.", "a)", "-", "II."), { nil: undefined }) }),
      fc.record({ kind: fc.constant("table" as const), rows: fc.array(fc.array(paperLike, { maxLength: 6 }), { maxLength: 6 }) }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 20 }), fc.array(paperLike, { maxLength: 3 }), (blocks, footnotes) => {
        const x = extract({ format: "docx", blocks, footnotes, warnings: [] });
        expect(spansInside(x)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on PDF text with table marks, whatever the number of tables", () => {
    const withMarks = fc.array(fc.oneof(paperLike, fc.constantFrom(TABLE_MARK, `\n\n${TABLE_MARK}\n\n`)), { maxLength: 8 }).map((p) => p.join(""));
    const tables = fc.array(fc.array(fc.array(paperLike, { maxLength: 5 }), { maxLength: 5 }), { maxLength: 4 });
    fc.assert(
      fc.property(withMarks, tables, (text, t) => {
        const x = extract({ format: "pdf", text, tables: t, footnotes: [], warnings: [] });
        expect(spansInside(x)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("normalises exactly as normalizeText does", () => {
    const vietnamese = fc.array(fc.constantFrom("o", "a", "e", "u", "y", "q", "O", "A", "U", "Y", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "ả", "à", "ý", "ỷ", " ", "\n", "\r", "Ð", "–", "\u00A0", "h", "t"), { maxLength: 60 }).map((a) => a.join(""));
    fc.assert(
      fc.property(fc.oneof(vietnamese, fc.string({ unit: "binary", maxLength: 80 })), (s) => {
        expect(fastNormalizeText(s)).toBe(normalizeText(s));
      }),
      { numRuns: 1000 },
    );
  });

  it("lays out paragraphs and footnotes already collapsed, as buildModel expects", () => {
    const collapsed = (t: string) => collapseSpaces(t) === t;
    fc.assert(
      fc.property(fc.oneof(paperLike, fc.string({ unit: "binary", maxLength: 300 })), (s) => {
        const { blocks, footnotes } = layoutText(s);
        for (const b of blocks) {
          if (b.kind === "paragraph") expect(collapsed(b.text) && collapsed(b.label ?? "")).toBe(true);
        }
        expect(footnotes.every(collapsed)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("lays out any text without losing its words", () => {
    fc.assert(
      fc.property(paperLike, (s) => {
        const { blocks, footnotes } = layoutText(s);
        expect(Array.isArray(blocks) && Array.isArray(footnotes)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

const MB = 4 * 1024 * 1024;

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const HOSTILE: Array<[string, string]> = [
  ["digits", repeatTo("1234567890", MB)],
  ["slashes", repeatTo("/", MB)],
  ["dots", repeatTo(".", MB)],
  ["nested numbering", repeatTo("1.1.1.1.1.1.1.1.1.1.1 ", MB)],
  ["numbered lines", repeatTo("1. a\n", MB)],
  ["one endless line", repeatTo("Ban Cán sự đảng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Tài chính trước ngày 30/6/2025 đạt 9.003 tỷ đồng, tăng 6,8% ", MB)],
  ["phối hợp với", repeatTo("phối hợp với ", MB)],
  ["spaces", repeatTo(" ", MB)],
  ["newlines", repeatTo("\n", MB)],
  ["brackets", repeatTo("[", MB / 2) + repeatTo("]", MB / 2)],
  ["parentheses", repeatTo("(", MB)],
  ["quotes", repeatTo("“", MB)],
  ["bullets", repeatTo("- ", MB)],
  ["dates and symbols", repeatTo("1/2/3-4.5,6 84-TTr/TU ", MB)],
  ["percentages", repeatTo("tăng 5% ", MB)],
  ["citations", repeatTo("Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị và ", MB)],
  ["footnote numbers", repeatTo("kỳ1;\n1 Tổng\n", MB)],
  ["invisible characters", repeatTo(" \u200B", MB)],
];

describe("hostile inputs of 4 MB", () => {
  it.each(HOSTILE)("reads %s without throwing", (_name, text) => {
    const x = extractText(text);
    expect(x.text.length).toBeGreaterThanOrEqual(0);
    expect(spansInside(x)).toBe(true);
  });
});
