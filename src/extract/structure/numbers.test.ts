import { describe, expect, it } from "vitest";
import { intToRoman, parseScaledAmount, parseVietnameseNumber, romanToInt } from "./numbers.ts";

describe("parseVietnameseNumber", () => {
  it.each([
    ["9.003", 9003],
    ["102,3", 102.3],
    ["1.175.889", 1175889],
    ["4,25", 4.25],
    ["01", 1],
    ["03", 3],
    ["4571", 4571],
    ["0,78", 0.78],
    ["288,521", 288.521],
    ["500.000", 500000],
    ["145,89", 145.89],
    ["93.78", 93.78], // a decimal typed with a dot: not a 3-digit thousands group
    ["6.490", 6490],
    ["100", 100],
  ])("reads %s as %d", (raw, value) => {
    expect(parseVietnameseNumber(raw)).toBe(value);
  });

  it.each(["", "abc", "1,2,3", "1..2", "12.", ",5", "1.2.3", "1.23.456", "9,003.5"])("rejects %j", (raw) => {
    expect(parseVietnameseNumber(raw)).toBeNull();
  });
});

describe("parseScaledAmount", () => {
  it("applies the multiplier word and ignores the currency", () => {
    expect(parseScaledAmount("3,5 ngàn tỷ đồng")).toBe(3.5e12);
    expect(parseScaledAmount("2,9 nghìn tỷ")).toBeCloseTo(2.9e12);
    expect(parseScaledAmount("226 tỷ đồng")).toBe(226e9);
    expect(parseScaledAmount("4,25 tỷ USD")).toBe(4.25e9);
    expect(parseScaledAmount("88,84 triệu đồng")).toBeCloseTo(88.84e6);
    expect(parseScaledAmount("12.448")).toBe(12448);
    expect(parseScaledAmount("không có số")).toBeNull();
  });
});

describe("roman numerals", () => {
  it("reads canonical numerals of parts and terms", () => {
    expect(romanToInt("I")).toBe(1);
    expect(romanToInt("IV")).toBe(4);
    expect(romanToInt("IX")).toBe(9);
    expect(romanToInt("XIV")).toBe(14);
    expect(romanToInt("XIII")).toBe(13);
    expect(romanToInt("MMXXIV")).toBe(2024);
  });

  it("rejects what is not a numeral", () => {
    for (const s of ["", "IIII", "VX", "IC", "ii", "ABC", "XIVX"]) expect(romanToInt(s)).toBeNull();
  });

  it("round-trips", () => {
    for (let n = 1; n < 200; n++) expect(romanToInt(intToRoman(n))).toBe(n);
  });
});
