import { describe, expect, it } from "vitest";
import { endOfMonth, endOfQuarter, findDates, isLeapYear, isoDate, lastDayOfMonth } from "./dates.ts";
import { findDeadlinePhrases, parseDeadlineCell, pickDeadline } from "./deadlines.ts";

describe("calendar", () => {
  it("knows leap years", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(2025, 2)).toBe(28);
    expect(lastDayOfMonth(2100, 2)).toBe(28);
  });

  it("rejects days that do not exist", () => {
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(2024, 2, 29)).toBe("2024-02-29");
    expect(isoDate(2024, 4, 31)).toBeNull();
    expect(isoDate(2024, 13, 1)).toBeNull();
    expect(isoDate(2024, 0, 1)).toBeNull();
  });

  it("gives month and quarter ends", () => {
    expect(endOfMonth(2024, 2)).toBe("2024-02-29");
    expect(endOfMonth(2026, 2)).toBe("2026-02-28");
    expect(endOfQuarter(2025, 1)).toBe("2025-03-31");
    expect(endOfQuarter(2025, 2)).toBe("2025-06-30");
    expect(endOfQuarter(2025, 3)).toBe("2025-09-30");
    expect(endOfQuarter(2024, 4)).toBe("2024-12-31");
  });

  it("finds numeric and worded dates", () => {
    const found = findDates("Ngày 02/10/2024, hội nghị; diễn ra ngày 05 tháng 7 năm 2024; sai 31/2/2024.");
    expect(found.map((d) => d.iso)).toEqual(["2024-10-02", "2024-07-05"]);
  });

  it("leaves a blank draft date alone", () => {
    expect(findDates("Hậu Giang, ngày      tháng    năm 2024")).toEqual([]);
  });
});

describe("pickDeadline", () => {
  const cases: Array<[string, number | null, string | null, string | null]> = [
    ["hoàn thành trước ngày 30/6/2025.", null, "2025-06-30", "trước ngày 30/6/2025"],
    ["báo cáo trước 30/6/2026", null, "2026-06-30", "trước 30/6/2026"],
    ["báo cáo trước 30/6", 2025, "2025-06-30", "trước 30/6"],
    ["trình chậm nhất ngày 15/9/2025", null, "2025-09-15", "chậm nhất ngày 15/9/2025"],
    ["chậm nhất là ngày 29/02/2024", null, "2024-02-29", "chậm nhất là ngày 29/02/2024"],
    ["xong trước ngày 29/02/2023 (không có ngày này)", null, null, "trước ngày 29/02/2023"],
    ["trước ngày 15 tháng 8 năm 2025", null, "2025-08-15", "trước ngày 15 tháng 8 năm 2025"],
    ["hoàn thành trong tháng 5/2025", null, "2025-05-31", "trong tháng 5/2025"],
    ["trong tháng 2/2024", null, "2024-02-29", "trong tháng 2/2024"],
    ["trong tháng 2 năm 2025", null, "2025-02-28", "trong tháng 2 năm 2025"],
    ["tổ chức trong quý III/2025", null, "2025-09-30", "trong quý III/2025"],
    ["trong quý IV/2024", null, "2024-12-31", "trong quý IV/2024"],
    ["khảo sát theo kế hoạch trong quý IV năm 2024.", null, "2024-12-31", "trong quý IV năm 2024"],
    ["(hoàn thành trong quý IV/2024)", null, "2024-12-31", "trong quý IV/2024"],
    ["trong quý I", 2026, "2026-03-31", "trong quý I"],
    ["triển khai trong 6 tháng đầu năm 2026", null, "2026-06-30", "trong 6 tháng đầu năm 2026"],
    ["triển khai trong 6 tháng cuối năm 2024", null, "2024-12-31", "trong 6 tháng cuối năm 2024"],
    ["thực hiện trong 6 tháng cuối năm.", 2024, "2024-12-31", "trong 6 tháng cuối năm"],
    ["hoàn thành trong năm 2023", null, "2023-12-31", "trong năm 2023"],
    ["để đến năm 2025 tỉnh hoàn thành", null, "2025-12-31", "đến năm 2025"],
    ["thực hiện đến cuối năm 2025", null, "2025-12-31", "đến cuối năm 2025"],
    ["Thường xuyên theo dõi tình hình", null, null, "Thường xuyên"],
    ["Ban Chỉ huy thường xuyên theo dõi, nắm chắc", null, null, "thường xuyên"],
    ["hằng năm tổ chức sơ kết", null, null, "hằng năm"],
    ["Thường xuyên theo dõi; tổ chức trong năm 2024", null, "2024-12-31", "trong năm 2024"],
    ["trong quý III/2025 và trước ngày 30/11/2025", null, "2025-11-30", "trước ngày 30/11/2025"],
  ];
  it.each(cases)("%s", (text, year, deadline, deadlineText) => {
    expect(pickDeadline(text, year)).toEqual({ deadline, deadlineText });
  });

  it.each([
    "Triển khai Chương trình công tác năm 2024.",
    "thực hiện kế hoạch đầu tư công năm 2025",
    "Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050",
    "Nghị quyết đại hội nhiệm kỳ 2020 - 2025",
    "đền ơn đáp nghĩa nhân kỷ niệm 76 năm ngày Thương binh - Liệt sĩ (27/7).",
    "chào mừng 80 năm Ngày thành lập Quân đội (22/12/1944 - 22/12/2024).",
    "trong dịp Tết Nguyên đán",
    "(Khi có hướng dẫn của Trung ương về thời gian)",
    "các cơ sở giáo dục thường xuyên",
    "các hộ dân sinh sống trong vùng thường xuyên bị ảnh hưởng do bão",
    "lãnh đạo, chỉ đạo trực tiếp và thường xuyên các đảng đoàn",
    "rà soát 9 tháng qua so với nghị quyết",
    "làm cơ sở triển khai thực hiện nhiệm vụ 6 tháng cuối năm 2024.",
    "Đề án “Phát triển lúa chất lượng cao vùng đồng bằng sông Cửu Long đến năm 2030”.",
    "đã được xác định trong năm và cả nhiệm kỳ",
    "chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy",
    "đánh giá khả năng thực hiện đến cuối năm, đến cuối nhiệm kỳ",
  ])("no deadline in %j", (text) => {
    expect(pickDeadline(text, 2024).deadline).toBeNull();
    expect(pickDeadline(text, 2024).deadlineText).toBeNull();
  });

  it("reads a deadline without year only when the year is known", () => {
    expect(pickDeadline("trước 30/6", null)).toEqual({ deadline: null, deadlineText: "trước 30/6" });
  });

  it("reads 'trước' a month or quarter as the end of the one before", () => {
    expect(pickDeadline("trước tháng 6/2025", null).deadline).toBe("2025-05-31");
    expect(pickDeadline("trước tháng 1/2025", null).deadline).toBe("2024-12-31");
    expect(pickDeadline("trước quý III/2025", null).deadline).toBe("2025-06-30");
    expect(pickDeadline("trước năm 2026", null).deadline).toBe("2025-12-31");
  });

  it("reads 'vào' a time, 'cuối quý' and a period of months", () => {
    expect(pickDeadline("tham mưu sơ kết vào cuối năm 2028", null)).toEqual({ deadline: "2028-12-31", deadlineText: "vào cuối năm 2028" });
    expect(pickDeadline("hoàn thành vào cuối quý II/2026", null)).toEqual({ deadline: "2026-06-30", deadlineText: "vào cuối quý II/2026" });
    expect(pickDeadline("định kỳ 6 tháng báo cáo Thường trực Tỉnh ủy", null)).toEqual({ deadline: null, deadlineText: "định kỳ 6 tháng" });
  });

  it("reports where each phrase is", () => {
    const text = "Sở Tài chính chủ trì, hoàn thành trong quý IV/2024.";
    const [p] = findDeadlinePhrases(text, null);
    expect(text.slice(p!.start, p!.end)).toBe("hoàn thành trong quý IV/2024");
  });
});

describe("parseDeadlineCell", () => {
  it.each([
    ["Quý II/2026", "2026-06-30"],
    ["Quý I-II/2027", "2027-06-30"],
    ["Quý IV năm 2025", "2025-12-31"],
    ["quý 3/2025", "2025-09-30"],
    ["Tháng 5/2026", "2026-05-31"],
    ["Tháng 02/2028", "2028-02-29"],
    ["30/6/2026", "2026-06-30"],
    ["Năm 2026", "2026-12-31"],
    ["2027", "2027-12-31"],
    ["6 tháng đầu năm 2026", "2026-06-30"],
    ["6 tháng cuối năm 2024", "2024-12-31"],
    ["Trước ngày 15/3/2026", "2026-03-15"],
  ])("%s → %s", (cell, deadline) => {
    expect(parseDeadlineCell(cell, null)).toEqual({ deadline, deadlineText: cell });
  });

  it("keeps periodic cells as text", () => {
    expect(parseDeadlineCell("Thường xuyên", null)).toEqual({ deadline: null, deadlineText: "Thường xuyên" });
    expect(parseDeadlineCell("Hằng năm", null)).toEqual({ deadline: null, deadlineText: "Hằng năm" });
    expect(parseDeadlineCell("", null)).toEqual({ deadline: null, deadlineText: null });
  });

  it("keeps a condition as text without date", () => {
    expect(parseDeadlineCell("Khi có hướng dẫn của Trung ương", null)).toEqual({
      deadline: null,
      deadlineText: "Khi có hướng dẫn của Trung ương",
    });
  });
});
