import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PaperError } from "../errors.ts";
import { encodeTcvn3 } from "./legacy.ts";
import { detectFormat, readPaper } from "./index.ts";

const SEEDS = resolve(import.meta.dirname, "../../../../shared/seeds");
const FIXTURES = join(import.meta.dirname, "fixtures");
const load = (path: string) => new Uint8Array(readFileSync(path));
const utf8 = (s: string) => new TextEncoder().encode(s);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof PaperError) return e.code;
    throw e;
  }
}

async function smallDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph("Thông báo kết luận của Ban Thường vụ Tỉnh ủy.")] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("readPaper: formats and limits", () => {
  it("reads the five seed papers as text, unchanged but for normalisation", async () => {
    const names = readdirSync(SEEDS).sort();
    expect(names).toHaveLength(5);
    for (const name of names) {
      const bytes = load(join(SEEDS, name));
      const doc = await readPaper(bytes, name);
      expect(doc.format, name).toBe("txt");
      if (doc.format !== "txt") continue;
      expect(doc.warnings, name).toEqual([]);
      expect(doc.text.length, name).toBeGreaterThan(5000);
      expect(doc.text, name).toBe(doc.text.normalize("NFC"));
      expect(doc.text, name).not.toMatch(/\r|\u00D0|\uFEFF/);
    }
  });

  it("tells the format by the bytes first, the name second", async () => {
    const docx = await smallDocx();
    expect(detectFormat(docx, "tai-lieu.pdf")).toBe("docx");
    expect(detectFormat(load(join(FIXTURES, "notice.pdf")), "x.txt")).toBe("pdf");
    expect(detectFormat(load(join(FIXTURES, "notice.doc")), "x")).toBe("doc");
    expect(detectFormat(utf8("Báo cáo"), "bao-cao")).toBe("txt");
    expect(detectFormat(utf8("Báo cáo"), "bao-cao.md")).toBe("txt");
    const doc = await readPaper(docx, "tai-lieu.pdf");
    expect(doc.format).toBe("docx");
  });

  it("refuses a file over the limit before reading it, saying how large it is", async () => {
    const big = new Uint8Array(Math.round(31.2 * 1024 * 1024));
    await expect(readPaper(big, "lon.pdf")).rejects.toMatchObject({ code: "too_large", message: "Tệp quá lớn: 31,2 MB, giới hạn 20 MB." });
    await expect(readPaper(utf8("x".repeat(2000)), "a.txt", { maxBytes: 1000 })).rejects.toMatchObject({ code: "too_large" });
  });

  it("refuses files of other kinds, and Word or PDF names on other bytes", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(readPaper(png, "anh.png")).rejects.toMatchObject({
      code: "unsupported_format",
      message: "Định dạng tệp không được hỗ trợ. Hãy tải lên .docx, .doc, .pdf hoặc .txt.",
    });
    expect(await codeOf(readPaper(png, "anh.docx"))).toBe("unsupported_format");
    expect(await codeOf(readPaper(utf8("{\\rtf1\\ansi Báo cáo}"), "a.doc"))).toBe("unsupported_format");
    await expect(readPaper(utf8("Đây không phải PDF"), "van-ban.pdf")).rejects.toMatchObject({
      code: "corrupt",
      message: "Tệp bị hỏng hoặc không đúng định dạng.",
    });
    const binary = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    expect(await codeOf(readPaper(binary, "du-lieu.bin"))).toBe("unsupported_format");
    expect(await codeOf(readPaper(binary, "du-lieu.txt"))).toBe("corrupt");
  });

  it("says when there is nothing to read", async () => {
    expect(await codeOf(readPaper(new Uint8Array(0), "rong.txt"))).toBe("empty");
    await expect(readPaper(utf8(" \n\t\n "), "rong.txt")).rejects.toMatchObject({
      code: "empty",
      message: "Tệp không có nội dung văn bản (có thể là bản quét ảnh).",
    });
  });

  it("normalises every text it returns", async () => {
    const decomposed = "Ðảng bộ tỉnh, Ủy ban — hoà giải\r\nthứ hai".normalize("NFD");
    const doc = await readPaper(utf8(decomposed), "a.txt");
    expect(doc.format === "txt" && doc.text).toBe("Đảng bộ tỉnh, Ủy ban - hòa giải\nthứ hai");
  });

  it("converts legacy text and warns, whichever way it arrived", async () => {
    const sentence = "Ban Thường vụ Tỉnh ủy kết luận như sau:";
    const raw = await readPaper(encodeTcvn3(sentence), "cu.txt");
    expect(raw).toEqual({ format: "txt", text: sentence, footnotes: [], warnings: ["Đã chuyển mã TCVN3 sang Unicode."] });
    // A .VnTime text pasted into a UTF-8 file.
    const pasted = await readPaper(utf8("Ban Th­êng vô TØnh ñy kÕt luËn nh­ sau:"), "dan.txt");
    expect(pasted).toEqual({ format: "txt", text: sentence, footnotes: [], warnings: ["Đã chuyển mã TCVN3 sang Unicode."] });
  });
});

describe("readPaper never throws anything but PaperError", () => {
  const isPaperErrorOrDocument = async (bytes: Uint8Array, name: string) => {
    try {
      const doc = await readPaper(bytes, name);
      expect(["txt", "doc", "docx", "pdf"]).toContain(doc.format);
    } catch (e) {
      expect(e).toBeInstanceOf(PaperError);
    }
  };

  it("on arbitrary bytes under any name", async () => {
    const names = fc.constantFrom("a.txt", "a.docx", "a.doc", "a.pdf", "a", "a.png");
    const prefixes = fc.constantFrom(
      new Uint8Array(0),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      utf8("%PDF-1.7\n"),
      new Uint8Array([0xff, 0xfe]),
      new Uint8Array([0xef, 0xbb, 0xbf]),
    );
    await fc.assert(
      fc.asyncProperty(prefixes, fc.uint8Array({ maxLength: 3000 }), names, async (prefix, rest, name) => {
        await isPaperErrorOrDocument(new Uint8Array([...prefix, ...rest]), name);
      }),
      { numRuns: 300 },
    );
  });

  /** Random byte changes and cuts applied to a real file. */
  const mutations = (size: number) =>
    fc.record({
      changes: fc.array(fc.tuple(fc.nat({ max: size - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 24 }),
      cut: fc.option(fc.nat({ max: size }), { freq: 4 }),
    });
  const mutate = (bytes: Uint8Array, m: { changes: Array<[number, number]>; cut: number | null }) => {
    const out = new Uint8Array(bytes);
    for (const [at, value] of m.changes) out[at] = value;
    return m.cut === null ? out : out.subarray(0, m.cut);
  };

  for (const [name, file] of [
    ["a.pdf", join(FIXTURES, "notice.pdf")],
    ["a.doc", join(FIXTURES, "notice.doc")],
  ] as const) {
    it(`on mutated ${name.slice(2)} bytes`, async () => {
      const bytes = load(file);
      await fc.assert(
        fc.asyncProperty(mutations(bytes.length), async (m) => {
          await isPaperErrorOrDocument(mutate(bytes, m), name);
        }),
        { numRuns: 80 },
      );
    });
  }

  it("on mutated docx bytes", async () => {
    const bytes = await smallDocx();
    await fc.assert(
      fc.asyncProperty(mutations(bytes.length), async (m) => {
        await isPaperErrorOrDocument(mutate(bytes, m), "a.docx");
      }),
      { numRuns: 120 },
    );
  });
});
