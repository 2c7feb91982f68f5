import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { encodeTcvn3, encodeVni } from "./legacy.ts";
import { decodeText, looksBinary, sniffUtf16 } from "./txt.ts";

const SEEDS = resolve(import.meta.dirname, "../../../../shared/seeds");
const seed = (name: string) => readFileSync(join(SEEDS, name), "utf8");

const SENTENCE =
  "Ngày 02/10/2024, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh (mở rộng) lần thứ hai mươi để sơ kết, đánh giá kết quả lãnh đạo thực hiện nhiệm vụ chính trị 9 tháng; tổng thu ngân sách đạt 85% dự toán, tăng 6,8% so cùng kỳ.";

/** Windows-1258 as Vietnamese keyboards wrote it: letters it has precomposed, else base letter + tone mark. */
function encodeWindows1258(s: string): Uint8Array {
  const parts: Buffer[] = [];
  for (const ch of s.normalize("NFC")) {
    const direct = iconv.encode(ch, "windows1258");
    if (direct.length === 1 && (direct[0] !== 0x3f || ch === "?")) {
      parts.push(direct);
      continue;
    }
    const nfd = ch.normalize("NFD");
    const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(nfd)?.[0] ?? "";
    parts.push(iconv.encode(nfd.replace(tone, "").normalize("NFC") + tone, "windows1258"));
  }
  return new Uint8Array(Buffer.concat(parts));
}

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const body = Buffer.from(s, "utf16le");
  if (!le) body.swap16();
  const mark = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  return new Uint8Array([...mark, ...body]);
}

describe("decodeText", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    const bytes = new TextEncoder().encode(SENTENCE);
    expect(decodeText(bytes)).toEqual({ text: SENTENCE, encoding: "UTF-8", warnings: [] });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: SENTENCE, encoding: "UTF-8", warnings: [] });
  });

  it("reads UTF-16 little and big endian, with a byte-order mark or told by its bytes", () => {
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const d = decodeText(utf16(SENTENCE, le, bom));
        expect(d.text, `${le ? "LE" : "BE"} ${bom ? "BOM" : "no BOM"}`).toBe(SENTENCE);
        expect(d.encoding).toBe(le ? "UTF-16LE" : "UTF-16BE");
      }
    }
    expect(sniffUtf16(new TextEncoder().encode(SENTENCE))).toBeNull();
  });

  it("reads Windows-1258 (letters with separate tone marks)", () => {
    const d = decodeText(encodeWindows1258(SENTENCE));
    expect(d.encoding).toBe("Windows-1258");
    expect(d.text.normalize("NFC")).toBe(SENTENCE);
    expect(d.warnings).toEqual(["Đã chuyển mã Windows-1258 sang Unicode."]);
  });

  it("reads TCVN3 and VNI and says so", () => {
    const t = decodeText(encodeTcvn3(SENTENCE));
    expect(t).toEqual({ text: SENTENCE, encoding: "TCVN3", warnings: ["Đã chuyển mã TCVN3 sang Unicode."] });
    const v = decodeText(encodeVni(SENTENCE));
    expect(v).toEqual({ text: SENTENCE, encoding: "VNI", warnings: ["Đã chuyển mã VNI sang Unicode."] });
  });

  it("tells the encoding of whole seed papers", () => {
    for (const name of ["002_eff06c92c98cfc55.txt", "000_ca7f4624484c02cc.txt"]) {
      const text = seed(name).normalize("NFC").replace(/[^\p{Script=Latin}\p{N}\s.,;:!?()"'%/\-+*]/gu, "");
      expect(decodeText(encodeVni(text)).text, name).toBe(text);
      expect(decodeText(encodeVni(text)).encoding).toBe("VNI");
      expect(decodeText(encodeTcvn3(text)).encoding).toBe("TCVN3");
      expect(decodeText(encodeWindows1258(text)).encoding).toBe("Windows-1258");
      expect(decodeText(new TextEncoder().encode(text)).encoding).toBe("UTF-8");
    }
  });

  it("keeps UTF-8 with a few broken bytes as UTF-8 and warns", () => {
    const bytes = new TextEncoder().encode(SENTENCE);
    const broken = new Uint8Array([...bytes.subarray(0, 20), 0xff, ...bytes.subarray(20)]);
    const d = decodeText(broken);
    expect(d.encoding).toBe("UTF-8");
    expect(d.text).toContain("\uFFFD");
    expect(d.warnings[0]).toMatch(/UTF-8/);
  });

  it("tells binary bytes from text", () => {
    expect(looksBinary(new TextEncoder().encode(SENTENCE))).toBe(false);
    expect(looksBinary(encodeTcvn3(SENTENCE))).toBe(false);
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]))).toBe(true);
  });
});
