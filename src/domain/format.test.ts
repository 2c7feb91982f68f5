import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatChange, formatDate, formatDateTime, formatNumber, formatPercent, parseDate, todayInVietnam } from "./format.ts";

describe("Vietnamese numbers", () => {
  it("groups thousands with dots and uses a comma for decimals", () => {
    expect(formatNumber(9003.5)).toBe("9.003,5");
    expect(formatNumber(1175889)).toBe("1.175.889");
    expect(formatNumber(4.25)).toBe("4,25");
    expect(formatPercent(102.3)).toBe("102,3%");
    expect(formatChange(6.8)).toBe("+6,8%");
    expect(formatChange(-39.9)).toBe("-39,9%");
    expect(formatNumber(null)).toBe("");
  });
});

describe("Vietnamese dates", () => {
  it("prints dd/mm/yyyy and reads it back", () => {
    expect(formatDate("2024-10-02")).toBe("02/10/2024");
    expect(parseDate("2/10/2024")).toBe("2024-10-02");
    expect(parseDate("30/02/2024")).toBeNull();
    expect(parseDate("29/02/2024")).toBe("2024-02-29");
  });
  it("tells the day in Vietnam, not in UTC", () => {
    expect(todayInVietnam(new Date("2024-06-30T18:30:00Z"))).toBe("2024-07-01");
    expect(formatDateTime(new Date("2024-06-30T18:30:00Z"))).toBe("01:30 01/07/2024");
  });
  it("counts days across month ends", () => {
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(daysBetween("2024-12-25", "2025-01-01")).toBe(7);
  });
});
