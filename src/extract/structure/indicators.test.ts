import { describe, expect, it } from "vitest";
import { extractText } from "../index.ts";
import { unitAfter } from "./units.ts";

function facts(text: string) {
  return extractText(text).indicators.map((i) => [i.value, i.unit, i.planPercent, i.changePercent]);
}

describe("units", () => {
  it.each([
    [" tỷ đồng, đạt", "tỷ đồng"],
    [" ngàn tỷ đồng và", "ngàn tỷ đồng"],
    [" triệu USD", "triệu USD"],
    ["%", "%"],
    [" %", "%"],
    [" tấn/ha, sản lượng", "tấn/ha"],
    [" triệu đồng/người/năm, tăng", "triệu đồng/người/năm"],
    [" tỷ đồng/dự án", "tỷ đồng/dự án"],
    [" tố cáo còn tồn đọng", "tố cáo"],
    [" thửa đất vào", "thửa"],
    [" trạm y tế", "trạm"],
    [" m3/ngày đêm", "m3/ngày đêm"],
    [" đồng/m3", "đồng/m3"],
    [" giếng, lắp đặt", "giếng"],
    [" thuê bao/100 dân", "thuê bao/100 dân"],
    [" bác sĩ/vạn dân", "bác sĩ/vạn dân"],
    [" đồng/phần", "đồng/phần"],
    [" đảng viên mới", "đảng viên"],
    [" tổ chức cơ sở đảng", "tổ chức cơ sở đảng"],
    [" căn nhà", "căn"],
    [" con heo", "con"],
    [" đồng chí", "đồng chí"],
    [" hợp tác xã", "hợp tác xã"],
    [" điểm phần trăm so cùng kỳ", "điểm phần trăm"],
    [" đồng/kg", "đồng/kg"],
    [" giấy chứng nhận quyền sử dụng đất", "giấy chứng nhận"],
    [" bài viết", "bài"],
    [" cơn bão", "cơn"],
    [" ổ dịch", "ổ"],
  ])("%j → %s", (after, unit) => {
    expect(unitAfter(after)?.unit).toBe(unit);
  });

  it("finds no unit after a bare number", () => {
    expect(unitAfter(", cảnh cáo")).toBeNull();
    expect(unitAfter(" khiển trách")).toBeNull();
  });
});

describe("indicators", () => {
  it("attaches plan and change percentages to the quantity they qualify", () => {
    expect(facts("tổng thu ngân sách 9.003 tỷ đồng, đạt 102,3% kế hoạch, tăng 23,4%; tổng chi 12.448 tỷ đồng, vượt 3,35% kế hoạch, giảm 2% so cùng kỳ.")).toEqual([
      [9003, "tỷ đồng", 102.3, 23.4],
      [12448, "tỷ đồng", 103.35, -2],
    ]);
  });

  it("reads 'bằng X so cùng kỳ', 'bằng cùng kỳ' and percentages written without %", () => {
    expect(facts("thu xuất nhập khẩu 503 tỷ đồng, bằng 88,4 so cùng kỳ, đạt 71,86% dự toán.")).toEqual([[503, "tỷ đồng", 71.86, -11.6]]);
    expect(facts("Rau màu xuống giống 29.280 ha, đạt 108,4% so với kế hoạch, bằng cùng kỳ năm 2023.")).toEqual([[29280, "ha", 108.4, 0]]);
    expect(facts("tổng thu đạt 7.520 tỷ đồng, tăng 23,52 so cùng kỳ.")).toEqual([[7520, "tỷ đồng", null, 23.52]]);
  });

  it("keeps a percentage with nothing to qualify as its own indicator", () => {
    const x = extractText("Tốc độ tăng trưởng kinh tế tăng 6,18%; tỷ lệ giải ngân đạt 100% kế hoạch.");
    expect(x.indicators.map((i) => [i.value, i.unit, i.planPercent, i.changePercent])).toEqual([
      [6.18, "%", null, null],
      [100, "%", null, null],
    ]);
    expect(x.indicators[0]!.label).toMatch(/tốc độ tăng trưởng kinh tế/iu);
  });

  it("gives a share its own indicator and takes the numerator of X/Y", () => {
    expect(facts("kết nạp 1.293/1.150 đảng viên mới, đạt 112,43% chỉ tiêu; có 77/505 tổ chức cơ sở đảng, chiếm 15,24%.")).toEqual([
      [1293, "đảng viên", 112.43, null],
      [77, "tổ chức cơ sở đảng", null, null],
      [15.24, "%", null, null],
    ]);
  });

  it("attaches a bracketed change after an absolute change to the base quantity", () => {
    expect(facts("Phát hiện 470 vụ phạm tội, giảm 20 vụ (giảm 4,1%) so với cùng kỳ.")).toEqual([
      [470, "vụ", null, -4.1],
      [20, "vụ", null, null],
    ]);
  });

  it("gives numbers without a unit the noun of their sentence or list", () => {
    expect(facts("thi hành kỷ luật 163 đảng viên, bằng các hình thức: khiển trách 90, cảnh cáo 32; kỷ luật 02 tổ chức đảng (01 khiển trách; 01 cảnh cáo).")).toEqual([
      [163, "đảng viên", null, null],
      [90, "đảng viên", null, null],
      [32, "đảng viên", null, null],
      [2, "tổ chức đảng", null, null],
      [1, "tổ chức đảng", null, null],
      [1, "tổ chức đảng", null, null],
    ]);
  });

  it("leaves out dates, years, terms, symbols, ordinals, durations, names and quotes", () => {
    const text = [
      "Ngày 02/10/2024 và đợt 3/2, 19/5, nhiệm kỳ 2020 - 2025, năm 2024, Chỉ thị 35-CT/TW, chỉ tiêu số 02,",
      "cơn bão số 3, Cầu Rạch Miễu 2, xếp thứ 19/63, lần thứ 2, sau 05 năm thực hiện, chưa đủ 06 tháng,",
      "kỷ niệm 80 năm Ngày thành lập, “Gia đình 05 không, 03 sạch”, giai đoạn 1, sản phẩm 4 sao, Ban Chỉ đạo 35 tỉnh,",
      "bệnh viện đa khoa 1.000 giường, (1) nội dung.",
    ].join(" ");
    expect(facts(text)).toEqual([]);
  });

  it("labels a figure opening its clause with what the clause says of it", () => {
    const x = extractText("BÁO CÁO\nkết quả\n-----\n100% cán bộ, công chức được cấp tài khoản và sử dụng hệ thống điều hành. Có 230 doanh nghiệp tạm ngưng hoạt động, tăng 61 doanh nghiệp so cùng kỳ.");
    expect(x.indicators.map((i) => [i.value, i.label])).toEqual([
      [100, "cán bộ, công chức được cấp tài khoản và sử dụng hệ thống điều hành"],
      [230, "doanh nghiệp tạm ngưng hoạt động"],
      [61, "doanh nghiệp tạm ngưng hoạt động tăng so cùng kỳ"],
    ]);
  });

  it("labels a sum named only as money with what was counted before it, and a bracketed figure with what it measures", () => {
    const x = extractText("BÁO CÁO\nkết quả\n-----\nXử phạt vi phạm hành chính 14 cơ sở với số tiền 1.286 triệu đồng. Giải ngân đạt 32% kế hoạch, thấp hơn mức bình quân chung của tỉnh (41,5%).");
    expect(x.indicators.find((i) => i.value === 1286)?.label).toMatch(/^số tiền .*xử phạt vi phạm hành chính/i);
    expect(x.indicators.find((i) => i.value === 41.5)?.label).toMatch(/mức bình quân chung của tỉnh$/);
  });

  it("reads a comma inside the phrase opening a sentence as part of the label", () => {
    const x = extractText("BÁO CÁO\nkết quả\n-----\nKim ngạch xuất khẩu nông, thủy sản ước đạt 1,12 tỷ USD. Tiến độ giải phóng mặt bằng còn chậm, mới đạt 64% khối lượng.");
    expect(x.indicators.map((i) => [i.value, i.label])).toEqual([
      [1.12, "Kim ngạch xuất khẩu nông, thủy sản"],
      [64, expect.stringMatching(/^Tiến độ giải phóng mặt bằng/)],
    ]);
  });

  it("keeps counts in footnotes and labels what is measured", () => {
    const x = extractText("THÔNG BÁO\nkết quả\n-----\nKết quả tốt[1].\n[1] Đã xóa tên 125 đảng viên.");
    expect(x.indicators).toHaveLength(1);
    expect(x.indicators[0]).toMatchObject({ value: 125, unit: "đảng viên", label: "xóa tên đảng viên" });
  });

  it("keeps a two-syllable word whole where a label's bound falls inside it", () => {
    const x = extractText("Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95,5%. Đã thi hành kỷ luật 143 đảng viên.");
    expect(x.indicators.map((i) => i.label)).toEqual(["Tỷ lệ người dân tham gia bảo hiểm y tế", "thi hành kỷ luật đảng viên"]);
  });

  it("gives a count joined by ', và' after a qualifier the head of the count before it", () => {
    const x = extractText("Giám sát chuyên đề 742 tổ chức đảng, tăng 8,4% so với cùng kỳ, và 2.315 đảng viên.");
    expect(x.indicators.map((i) => [i.value, i.label, i.changePercent])).toEqual([
      [742, "Giám sát chuyên đề tổ chức đảng", 8.4],
      [2315, "Giám sát chuyên đề đảng viên", null],
    ]);
  });

  it("leaves out the number of a numbered tax office", () => {
    expect(facts("Phối hợp với Thuế cơ sở 1 tỉnh Thanh Hóa đôn đốc thu hồi 2,5 tỷ đồng nợ thuế.")).toEqual([[2.5, "tỷ đồng", null, null]]);
  });

  it("reads yearly rates, labels before a colon holding a number, and comparisons with the population", () => {
    expect(facts("Tỷ lệ hộ nghèo giảm bình quân 2,5%/năm.")).toEqual([[2.5, "%/năm", null, null]]);
    const badges = extractText("Trao tặng 3.275 Huy hiệu Đảng (Huy hiệu 80 năm tuổi Đảng: 6; Huy hiệu 75 năm tuổi Đảng: 31).").indicators;
    expect(badges.map((i) => i.value)).toEqual([3275, 6, 31]);
    expect(badges[1]!.label).toContain("tuổi Đảng");
    expect(extractText("Tỷ lệ đảng viên so với dân số đạt 8,6%.").indicators[0]!.label).toBe("Tỷ lệ đảng viên so với dân số");
  });

  it("gives figures the first period of the title, with the paper's year when the title leaves it out", () => {
    const text = ["BÁO CÁO", "sơ kết 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng cuối năm 2026", "-----", "Đã kiểm tra 12 tổ chức đảng."].join("\n");
    expect(extractText(text).indicators[0]!.period).toBe("6 tháng đầu năm 2026");
    expect(extractText(["BÁO CÁO", "kết quả 9 tháng năm 2024", "-----", "Đã kiểm tra 12 tổ chức đảng."].join("\n")).indicators[0]!.period).toBe("9 tháng năm 2024");
  });
});

