import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkXlsxArchive, XLSX_LIMITS } from "./xlsx-guard.ts";

// A workbook is a zip. Its central directory declares each entry's size, checked before
// anything is inflated; then every entry is inflated under a byte budget, so an archive that
// lies about its sizes is stopped too.

const types = { "[Content_Types].xml": strToU8("<Types/>") };

/** Rewrites the declared uncompressed size of `name` in both the local and the central header. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const patched = new Uint8Array(zip);
  const view = new DataView(patched.buffer);
  const nameAt = (offset: number, lengthAt: number) => new TextDecoder().decode(patched.subarray(offset, offset + view.getUint16(lengthAt, true)));
  for (let i = 0; i < patched.length - 4; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i + 30, i + 26) === name) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && nameAt(i + 46, i + 28) === name) view.setUint32(i + 24, size, true);
  }
  return patched;
}

describe("the zip-bomb check of .xlsx uploads", () => {
  it("accepts an ordinary workbook-sized archive", () => {
    const zip = zipSync({ ...types, "xl/worksheets/sheet1.xml": strToU8("<sheetData/>".repeat(1000)) });
    expect(() => checkXlsxArchive(zip)).not.toThrow();
  });

  it("refuses an archive declaring more than the limits, before inflating it", () => {
    const zip = zipSync({ ...types, "xl/worksheets/sheet1.xml": new Uint8Array(2_000_000) }, { level: 9 });
    expect(zip.byteLength).toBeLessThan(5_000);
    expect(() => checkXlsxArchive(zip, { ...XLSX_LIMITS, maxTotalBytes: 100_000 })).toThrow(/giải nén lớn bất thường/);
    expect(() => checkXlsxArchive(zip)).toThrow(/giải nén lớn bất thường/); // ratio above 200 for a 2 MB entry
  });

  it("stops an entry that inflates to more than it declares", () => {
    const zip = zipSync({ ...types, "xl/big.xml": new Uint8Array(800 * 1024) }, { level: 9 });
    expect(() => checkXlsxArchive(zip)).not.toThrow();
    expect(() => checkXlsxArchive(declareSize(zip, "xl/big.xml", 1024))).toThrow(/giải nén lớn bất thường/);
  });

  it("refuses too many entries, and what is not an Office archive", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.xml`, strToU8("x")]));
    expect(() => checkXlsxArchive(zipSync({ ...types, ...many }), { ...XLSX_LIMITS, maxEntries: 10 })).toThrow(/giải nén lớn bất thường/);
    expect(() => checkXlsxArchive(strToU8("không phải tệp nén"))).toThrow(/không phải là tệp Excel/);
    expect(() => checkXlsxArchive(zipSync({ "a.txt": strToU8("x") }))).toThrow(/không phải là tệp Excel/);
  });
});
