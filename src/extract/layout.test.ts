import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { composeUnstable, layoutText, NFC_STABLE_RANGES, splitLabel } from "./layout.ts";
import type { Block } from "./types.ts";

function paragraphs(blocks: Block[]): string[] {
  return blocks.map((b) => (b.kind === "paragraph" ? `${b.label ? `${b.label} ` : ""}${b.text}` : "[bảng]"));
}

describe("splitLabel", () => {
  it.each([
    ["1. Rà soát các chỉ tiêu", "1.", "Rà soát các chỉ tiêu"],
    ["1.1. Công tác dân vận", "1.1.", "Công tác dân vận"],
    ["2.3 Giao Sở Tài chính", "2.3", "Giao Sở Tài chính"],
    ["II. NHIỆM VỤ TRỌNG TÂM", "II.", "NHIỆM VỤ TRỌNG TÂM"],
    ["a) Tổ chức hội nghị", "a)", "Tổ chức hội nghị"],
    ["- Kinh tế tăng trưởng", "-", "Kinh tế tăng trưởng"],
    ["+ Chi bộ ấp", "+", "Chi bộ ấp"],
    ["(1) Nội dung kiểm tra", "(1)", "Nội dung kiểm tra"],
  ])("%s", (text, label, rest) => {
    expect(splitLabel(text)).toEqual({ label, rest });
  });

  it.each(["2010) tăng 6,18%", "IV/2025.", "Ngày 02/10/2024, Ban Thường vụ", "1 Tổng kim ngạch", "IIII. x"])("no label in %j", (text) => {
    expect(splitLabel(text).label).toBeNull();
  });
});

describe("layoutText", () => {
  it("re-joins hard-wrapped lines of a PDF copy with a blank line after each line", () => {
    const text = [
      "Ngày 05/3/2026, Ban Thường vụ Đảng ủy xã tổ chức hội nghị sơ kết công tác quý I",
      "",
      "năm 2026 và thống nhất các nhiệm vụ trọng tâm quý II như sau:",
      "",
      "1. Ban Xây dựng Đảng Đảng ủy xã chủ trì, phối hợp với Văn phòng Đảng ủy hướng dẫn",
      "",
      "các chi bộ tổ chức sinh hoạt chuyên đề.",
      "",
      "2. Ủy ban nhân dân xã chỉ đạo hoàn thành giải phóng mặt bằng trong quý II/2026.",
    ].join("\n");
    expect(paragraphs(layoutText(text).blocks)).toEqual([
      "Ngày 05/3/2026, Ban Thường vụ Đảng ủy xã tổ chức hội nghị sơ kết công tác quý I năm 2026 và thống nhất các nhiệm vụ trọng tâm quý II như sau:",
      "1. Ban Xây dựng Đảng Đảng ủy xã chủ trì, phối hợp với Văn phòng Đảng ủy hướng dẫn các chi bộ tổ chức sinh hoạt chuyên đề.",
      "2. Ủy ban nhân dân xã chỉ đạo hoàn thành giải phóng mặt bằng trong quý II/2026.",
    ]);
  });

  it("keeps head lines apart and splits a two-column header", () => {
    const text = "ĐẢNG ỦY XÃ TÂN PHÚ      ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-BC/ĐU\nBÁO CÁO\nkết quả quý I\n-----\nNội dung báo cáo.";
    const p = paragraphs(layoutText(text).blocks);
    expect(p.slice(0, 6)).toEqual(["ĐẢNG ỦY XÃ TÂN PHÚ", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BC/ĐU", "BÁO CÁO", "kết quả quý I", "-----"]);
  });

  it("takes a footnote out of the middle of a page and removes its glued marker", () => {
    const text = [
      "Kinh tế tiếp tục tăng trưởng, thu ngân sách đạt kế hoạch và tăng so cùng kỳ1; các lĩnh vực văn hóa",
      "1 Thu nội địa tăng 12%; thu xuất nhập khẩu giảm 3%.",
      " xã hội được quan tâm.",
    ].join("\n");
    const { blocks, footnotes } = layoutText(text);
    expect(footnotes).toEqual(["Thu nội địa tăng 12%; thu xuất nhập khẩu giảm 3%."]);
    expect(paragraphs(blocks)).toEqual([
      "Kinh tế tiếp tục tăng trưởng, thu ngân sách đạt kế hoạch và tăng so cùng kỳ; các lĩnh vực văn hóa xã hội được quan tâm.",
    ]);
  });

  it("removes broken markers [⏎] and reads end notes opened by [�], several paragraphs each", () => {
    const text = [
      "Công tác kiểm tra được tăng cường[",
      "]. Kỷ luật 3 đảng viên.",
      "Nơi nhận:",
      "- Lưu VPTU.",
      "[\uFFFD] Kiểm tra 12 tổ chức đảng.",
      "Giám sát 4 tổ chức đảng.",
      "[\uFFFD] Khiển trách 1 đảng viên.",
    ].join("\n");
    const { blocks, footnotes } = layoutText(text);
    expect(paragraphs(blocks)[0]).toBe("Công tác kiểm tra được tăng cường. Kỷ luật 3 đảng viên.");
    expect(footnotes).toEqual(["Kiểm tra 12 tổ chức đảng. Giám sát 4 tổ chức đảng.", "Khiển trách 1 đảng viên."]);
  });

  it("drops page numbers, keeps a split document symbol whole and strips Markdown emphasis", () => {
    const text = "Thực hiện Quy chế số 20-\nQC/TU của Ban Thường vụ (*nhất là ở cơ sở*).\n2\n**Trên đây là báo cáo.**";
    expect(paragraphs(layoutText(text).blocks)).toEqual(["Thực hiện Quy chế số 20-QC/TU của Ban Thường vụ (nhất là ở cơ sở).", "Trên đây là báo cáo."]);
    const state = "Thực hiện theo Công văn số 845/SNNMT-\nQLĐĐ ngày 02/4/2026 và Quyết định số 12/2025/QĐ-\nUBND của tỉnh.";
    expect(paragraphs(layoutText(state).blocks)).toEqual(["Thực hiện theo Công văn số 845/SNNMT-QLĐĐ ngày 02/4/2026 và Quyết định số 12/2025/QĐ-UBND của tỉnh."]);
    // A dash ending a line elsewhere is not a symbol's.
    expect(paragraphs(layoutText("Các ngành Y tế -\nGiáo dục phối hợp thực hiện tốt nhiệm vụ.").blocks).join(" ")).not.toContain("-Giáo");
  });
});

describe("NFC-stable characters (text made of them is not composed again)", () => {
  it("are left as they are by NFC, alone and after a letter", () => {
    const chars = NFC_STABLE_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, k) => String.fromCharCode(from + k)));
    expect(chars.filter((c) => c.normalize("NFC") !== c)).toEqual([]);
    const bases = ["a", "e", "o", "u", "y", "A", "O", "U", "ơ", "ư", "ă", "â", "đ", " ", "1"];
    expect(chars.flatMap((c) => bases.map((b) => b + c)).filter((s) => s.normalize("NFC") !== s)).toEqual([]);
  });

  it("composes only around characters outside the stable ranges, as NFC of the whole text does", () => {
    const pieces = ["a", "e", "o", "u", "ơ", "ư", "Ạ", " ", "\n", "1", "-", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b",
      "\u0327", "\u1100", "\u1161", "\u11a8", "\uac00", "\ufffd", "\u0344", "\u0958", "\u2126", "\u212b", "\ud835\udc00", "\u0cc6", "\u0cd5", "\u0dd9", "\u0dcf"];
    const texts = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join("")),
      fc.string({ unit: "binary", maxLength: 40 }),
    );
    fc.assert(
      fc.property(texts, (t) => {
        expect(composeUnstable(t)).toBe(t.normalize("NFC"));
      }),
      { numRuns: 3000 },
    );
  });
});
