import { describe, expect, it } from "vitest";
import { extract, extractText } from "../index.ts";
import type { Block, ReadDocument } from "../types.ts";

function docx(blocks: Block[]): ReadDocument {
  return { format: "docx", blocks, footnotes: [], warnings: [] };
}

describe("figure tables", () => {
  it("reads each bare number with the row's unit, content and column heading, the ratio as the result's plan percentage", () => {
    const x = extract(
      docx([
        { kind: "paragraph", text: "BÁO CÁO" },
        { kind: "paragraph", text: "sơ kết công tác kiểm tra 6 tháng đầu năm 2026" },
        { kind: "paragraph", text: "-----" },
        { kind: "paragraph", text: "Kết quả thực hiện một số chỉ tiêu chủ yếu:" },
        {
          kind: "table",
          rows: [
            ["TT", "Nội dung", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện 6 tháng", "Tỷ lệ (%)"],
            ["1", "Kiểm tra tổ chức đảng", "tổ chức", "2.200", "1.236", "56,2"],
          ],
        },
      ]),
    );
    expect(x.indicators.map((i) => [i.value, i.unit, i.label, i.planPercent, i.period])).toEqual([
      [2200, "tổ chức", "Kế hoạch năm 2026 Kiểm tra tổ chức đảng", null, "năm 2026"],
      [1236, "tổ chức", "Kiểm tra tổ chức đảng Thực hiện 6 tháng", 56.2, "6 tháng đầu năm 2026"],
    ]);
    expect(x.indicators[1]!.text).toBe("Kiểm tra tổ chức đảng tổ chức 2.200 1.236 56,2");
    expect(x.text.slice(x.indicators[1]!.span.start, x.indicators[1]!.span.end)).toBe("1.236");
  });

  it("leaves tables without a unit column to the running-text reader", () => {
    const x = extract(
      docx([
        { kind: "paragraph", text: "BÁO CÁO" },
        { kind: "paragraph", text: "-----" },
        { kind: "table", rows: [["TT", "Nội dung", "Kết quả"], ["1", "Kết nạp đảng viên", "46 đảng viên"]] },
      ]),
    );
    expect(x.indicators.map((i) => [i.value, i.unit])).toEqual([[46, "đảng viên"]]);
  });

  it("reads the bodies on separate lines of a task table's cell as separate bodies", () => {
    const x = extract(
      docx([
        { kind: "paragraph", text: "KẾ HOẠCH" },
        { kind: "paragraph", text: "-----" },
        {
          kind: "table",
          rows: [
            ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1", "Tổ chức hội thi", "Phòng Văn hóa - Xã hội", "Hội Liên hiệp Phụ nữ xã\nHội Nông dân xã\nBan điều hành các ấp", "Quý III/2027"],
          ],
        },
      ]),
    );
    expect(x.directives.map((d) => [d.leads, d.partners, d.deadline])).toEqual([[["Phòng Văn hóa - Xã hội"], ["Hội Liên hiệp Phụ nữ xã", "Hội Nông dân xã"], "2027-09-30"]]);
  });

  it("reads a ratio to the same period as the result's change", () => {
    const x = extract(
      docx([
        { kind: "paragraph", text: "BÁO CÁO" },
        { kind: "paragraph", text: "-----" },
        {
          kind: "table",
          rows: [
            ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện 9 tháng", "So với kế hoạch (%)", "So với cùng kỳ (%)"],
            ["1", "Thu ngân sách nhà nước", "tỷ đồng", "95,7", "80,1", "110,4"],
          ],
        },
      ]),
    );
    expect(x.indicators.map((i) => [i.value, i.unit, i.planPercent, i.changePercent])).toEqual([[95.7, "tỷ đồng", 80.1, 10.4]]);
  });

  it("reads a Markdown pipe table of a text copy as a table", () => {
    const x = extractText(
      [
        "BÁO CÁO",
        "-----",
        "Một số chỉ tiêu chủ yếu:",
        "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026 | Thực hiện 6 tháng | Tỷ lệ so kế hoạch (%) |",
        "|---|---|---|---|---|---|",
        "| 1 | Kết nạp đảng viên mới | đảng viên | 2.800 | 1.412 | 50,4 |",
        "Nhìn chung, kết quả đạt khá.",
      ].join("\n"),
    );
    expect(x.indicators.map((i) => [i.value, i.unit, i.planPercent])).toEqual([
      [2800, "đảng viên", null],
      [1412, "đảng viên", 50.4],
    ]);
  });
});

