import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  endDate,
  endExclusive,
  lastEndedPeriod,
  monthPeriod,
  parsePeriod,
  parsePeriodCode,
  periodContains,
  periodLabel,
  periodShortLabel,
  periodsContaining,
  periodsOfYear,
  samePeriodLastYear,
  startDate,
  termOfYear,
  termYears,
  yearElapsedShare,
} from "./periods.ts";

const code = (s: string) => parsePeriodCode(s)!;

describe("period codes and labels", () => {
  it.each([
    ["2024", "year", "Năm 2024", "2024-01-01", "2024-12-31"],
    ["2024-H1", "half", "6 tháng đầu năm 2024", "2024-01-01", "2024-06-30"],
    ["2024-H2", "half", "6 tháng cuối năm 2024", "2024-07-01", "2024-12-31"],
    ["2024-9M", "nine_months", "9 tháng năm 2024", "2024-01-01", "2024-09-30"],
    ["2024-Q3", "quarter", "Quý III/2024", "2024-07-01", "2024-09-30"],
    ["2024-02", "month", "Tháng 2/2024", "2024-02-01", "2024-02-29"],
    ["2020-2025", "term", "Nhiệm kỳ 2020 - 2025", "2021-01-01", "2025-12-31"],
  ])("%s is a %s: %s, %s to %s", (c, kind, label, start, end) => {
    const p = code(c);
    expect(p.kind).toBe(kind);
    expect(p.code).toBe(c);
    expect(periodLabel(p)).toBe(label);
    expect(startDate(p)).toBe(start);
    expect(endDate(p)).toBe(end);
  });

  it("reads the labels papers use", () => {
    expect(parsePeriod("9 tháng năm 2024")?.code).toBe("2024-9M");
    expect(parsePeriod("9 tháng đầu năm 2024")?.code).toBe("2024-9M");
    expect(parsePeriod("Quý III/2024")?.code).toBe("2024-Q3");
    expect(parsePeriod("quý 4 năm 2024")?.code).toBe("2024-Q4");
    expect(parsePeriod("6 tháng đầu năm 2024")?.code).toBe("2024-H1");
    expect(parsePeriod("6 tháng cuối năm 2024")?.code).toBe("2024-H2");
    expect(parsePeriod("Tháng 05 năm 2024")?.code).toBe("2024-05");
    expect(parsePeriod("tháng 5/2024")?.code).toBe("2024-05");
    expect(parsePeriod("Năm 2024")?.code).toBe("2024");
    expect(parsePeriod("cả năm 2024")?.code).toBe("2024");
    expect(parsePeriod("Nhiệm kỳ 2020 - 2025")?.code).toBe("2020-2025");
    expect(parsePeriod("giai đoạn 2021 - 2025")?.code).toBe("2020-2025");
    // Decomposed Unicode (as some PDFs give it) reads the same.
    expect(parsePeriod("9 tháng năm 2024".normalize("NFD"))?.code).toBe("2024-9M");
  });

  it("refuses what is not a period", () => {
    for (const s of ["2024-13", "2024-Q5", "2024-H3", "2020-2024", "2021-2026", "năm", "", "Quý V/2024", "abc"]) expect(parsePeriod(s), s).toBeNull();
  });

  it("round-trips every label and code", () => {
    for (const p of [...periodsOfYear(2024), code("2020-2025")]) {
      expect(parsePeriod(periodLabel(p))).toEqual(p);
      expect(parsePeriodCode(p.code)).toEqual(p);
    }
  });

  it("has short labels for chart axes", () => {
    expect(periodShortLabel(code("2024-9M"))).toBe("9T/2024");
    expect(periodShortLabel(code("2024-Q3"))).toBe("Q3/2024");
    expect(periodShortLabel(code("2024-05"))).toBe("T5/2024");
  });
});

describe("period arithmetic", () => {
  it("finds the same period last year, and the previous term", () => {
    expect(samePeriodLastYear(code("2024-9M")).code).toBe("2023-9M");
    expect(samePeriodLastYear(code("2024-Q1")).code).toBe("2023-Q1");
    expect(samePeriodLastYear(code("2024-02")).code).toBe("2023-02");
    expect(samePeriodLastYear(code("2025-2030")).code).toBe("2020-2025");
  });

  it("names the term whose plans cover a year", () => {
    expect(termOfYear(2021).code).toBe("2020-2025");
    expect(termOfYear(2025).code).toBe("2020-2025");
    expect(termOfYear(2026).code).toBe("2025-2030");
    expect(termOfYear(2020).code).toBe("2015-2020");
    expect(termYears(code("2020-2025"))).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it("lists the periods a date falls in", () => {
    expect(periodsContaining("2024-10-02").map((p) => p.code)).toEqual(["2024-10", "2024-Q4", "2024-H2", "2024", "2020-2025"]);
    expect(periodsContaining("2024-09-30").map((p) => p.code)).toEqual(["2024-09", "2024-Q3", "2024-H2", "2024-9M", "2024", "2020-2025"]);
    expect(periodsContaining("2026-01-15").map((p) => p.code)).toEqual(["2026-01", "2026-Q1", "2026-H1", "2026-9M", "2026", "2025-2030"]);
  });

  it("computes the elapsed share of a year", () => {
    expect(yearElapsedShare("2024-12-31")).toBe(1);
    expect(yearElapsedShare("2023-01-01")).toBeCloseTo(1 / 365);
    expect(yearElapsedShare("2024-09-30")).toBeCloseTo(274 / 366);
  });

  it("lists a year's twenty periods in order of their end", () => {
    const codes = periodsOfYear(2024).map((p) => p.code);
    expect(codes).toHaveLength(20);
    expect(codes.slice(0, 4)).toEqual(["2024-01", "2024-02", "2024-03", "2024-Q1"]);
    expect(codes.slice(-5)).toEqual(["2024-11", "2024-12", "2024-Q4", "2024-H2", "2024"]);
  });

  it("knows containment", () => {
    expect(periodContains(code("2024"), code("2024-Q3"))).toBe(true);
    expect(periodContains(code("2024-9M"), code("2024-Q4"))).toBe(false);
    expect(periodContains(code("2020-2025"), code("2024-9M"))).toBe(true);
    expect(periodContains(code("2020-2025"), code("2026"))).toBe(false);
  });

  it("finds the last period that has ended", () => {
    expect(lastEndedPeriod("quarter", "2024-10-02").code).toBe("2024-Q3");
    expect(lastEndedPeriod("nine_months", "2024-09-30").code).toBe("2024-9M");
    expect(lastEndedPeriod("nine_months", "2024-09-29").code).toBe("2023-9M");
    expect(lastEndedPeriod("year", "2025-03-01").code).toBe("2024");
    expect(lastEndedPeriod("month", "2025-01-10").code).toBe("2024-12");
  });

  it("orders periods by end, months before the quarter they close", () => {
    const sorted = [code("2024"), code("2024-Q3"), code("2024-09"), code("2024-9M"), code("2023")].sort(comparePeriods).map((p) => p.code);
    expect(sorted).toEqual(["2023", "2024-09", "2024-Q3", "2024-9M", "2024"]);
  });

  it("keeps end dates and exclusive ends consistent (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const p = monthPeriod(y, m);
        const end = new Date(`${endDate(p)}T00:00:00Z`);
        end.setUTCDate(end.getUTCDate() + 1);
        expect(end.toISOString().slice(0, 10)).toBe(endExclusive(p));
        expect(samePeriodLastYear(p).code).toBe(monthPeriod(y - 1, m).code);
      }),
    );
  });
});
