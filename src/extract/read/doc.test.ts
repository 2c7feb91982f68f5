import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PaperError } from "../errors.ts";
import { readPaper } from "./index.ts";
import { inspectOle } from "./ole.ts";

// notice.doc: LibreOffice's Word 97 copy of the notice made by fixtures/make-fixtures.ts.
const NOTICE = new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures", "notice.doc")));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof PaperError) return e.code;
    throw e;
  }
}

function utf16(s: string): number[] {
  return [...Buffer.from(s, "utf16le")];
}

function indexOf(bytes: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Renames a stream of the compound file (same directory entry, new name). */
function renameStream(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = new Uint8Array(bytes);
  const at = indexOf(out, [...utf16(from), 0, 0]);
  expect(at).toBeGreaterThan(0);
  out.fill(0, at, at + 64);
  out.set(utf16(to), at);
  new DataView(out.buffer).setUint16(at + 64, (to.length + 1) * 2, true);
  return out;
}

describe("readPaper on a .doc", () => {
  it("reads the body, with table cells on their own lines and note markers out", async () => {
    const doc = await readPaper(NOTICE, "thong-bao.doc");
    expect(doc.format).toBe("doc");
    if (doc.format !== "doc") return;
    const lines = doc.text.split("\n");
    expect(lines.slice(0, 5)).toEqual(["TỈNH ỦY AN GIANG", "*", "Số 27-TB/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "An Giang, ngày 15 tháng 7 năm 2025"]);
    expect(doc.text).toContain("Tổng sản phẩm trên địa bàn tăng 7,2% so cùng kỳ; tổng thu ngân sách");
    expect(doc.text).toContain("còn 20 dự án chưa giải ngân được; công tác");
    expect(doc.text).toContain("2.2. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy");
    expect(lines).toContain("Nơi nhận:");
    expect(lines.slice(-3)).toEqual(["T/L THƯỜNG TRỰC TỈNH ỦY", "CHÁNH VĂN PHÒNG", "Lê Hoàng Minh"]);
    // Page headers and footers are not body text.
    expect(doc.text).not.toMatch(/trang \d|- \d -/);
  });

  it("returns footnotes then end notes, in order", async () => {
    const doc = await readPaper(NOTICE, "thong-bao.doc");
    expect(doc.footnotes).toEqual([
      "Số liệu do Cục Thống kê tỉnh công bố ngày 05/7/2025.",
      "Trong đó có 14 dự án chuyển tiếp và 6 dự án khởi công mới.",
      "Theo Kế hoạch số 102-KH/TU ngày 12/3/2025 của Ban Thường vụ Tỉnh ủy.",
      "Các chỉ tiêu chưa đạt được rà soát lại trong quý III/2025.",
    ]);
  });

  it("tells a password-protected Word file (encrypted FIB, or an encrypted .docx in its OLE wrapper)", async () => {
    const fib = inspectOle(NOTICE).fib!;
    const encrypted = new Uint8Array(NOTICE);
    encrypted[fib.byteOffset - NOTICE.byteOffset + 0x0b]! |= 0x01;
    await expect(readPaper(encrypted, "a.doc")).rejects.toMatchObject({ code: "encrypted", message: "Tệp Word được bảo vệ bằng mật khẩu." });
    expect(await codeOf(readPaper(renameStream(NOTICE, "1Table", "EncryptedPackage"), "a.docx"))).toBe("encrypted");
  });

  it("tells an OLE file that is not a Word document", async () => {
    expect(await codeOf(readPaper(renameStream(NOTICE, "WordDocument", "Workbook"), "bang.xls"))).toBe("unsupported_format");
  });

  it("refuses a sector chain that loops (word-extractor would loop until out of memory)", async () => {
    const bytes = new Uint8Array(NOTICE);
    const dv = new DataView(bytes.buffer);
    const fatSector = dv.getInt32(76, true);
    const dirStart = dv.getInt32(48, true);
    const fat = 512 + fatSector * 512;
    const other = dirStart + 1;
    dv.setInt32(fat + dirStart * 4, other, true);
    dv.setInt32(fat + other * 4, dirStart, true);
    expect(await codeOf(readPaper(bytes, "vong-lap.doc"))).toBe("corrupt");
  });

  it("refuses a truncated file", async () => {
    expect(await codeOf(readPaper(NOTICE.subarray(0, 3000), "cut.doc"))).toBe("corrupt");
  });
});
