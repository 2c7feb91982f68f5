import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkZip, ZIP_LIMITS } from "./transfer.ts";

// A workbook is a zip; its central directory declares each entry's size, which is checked
// before anything is inflated, so a small file that would expand to gigabytes is refused.

describe("the zip-bomb check", () => {
  it("accepts an ordinary workbook-sized archive", () => {
    const zip = zipSync({ "xl/worksheets/sheet1.xml": strToU8("<sheetData/>".repeat(1000)), "[Content_Types].xml": strToU8("<Types/>") });
    expect(() => checkZip(zip)).not.toThrow();
  });

  it("refuses an archive declaring more than the limit", () => {
    const zip = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(200_000) });
    expect(zip.byteLength).toBeLessThan(2_000);
    expect(() => checkZip(zip, { ...ZIP_LIMITS, maxTotalBytes: 100_000 })).toThrow(/giải nén quá lớn/);
    expect(() => checkZip(zip, { ...ZIP_LIMITS, ratioFromBytes: 100_000 })).toThrow(/giải nén quá lớn/);
  });

  it("refuses too many entries and what is not a zip", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.xml`, strToU8("x")]));
    expect(() => checkZip(zipSync(many), { ...ZIP_LIMITS, maxEntries: 10 })).toThrow(/giải nén quá lớn/);
    expect(() => checkZip(strToU8("không phải tệp nén"))).toThrow(/không phải là tệp Excel/);
  });
});
