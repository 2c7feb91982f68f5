import { describe, expect, it } from "vitest";
import { extract, extractText } from "../index.ts";
import { bodiesInCell, responsibleBodies } from "./directives.ts";
import { knownBodyMatcher, matchNamedBodyAt } from "./bodies.ts";
import { tokenize } from "./tokens.ts";

function bodiesIn(text: string): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = matchNamedBodyAt(tokens, i);
    if (!m) continue;
    out.push(`${m.generic ? "*" : ""}${text.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end)}`);
    i = m.to - 1;
  }
  return out;
}

describe("body names", () => {
  it.each([
    ["Ban Cán sự đảng Ủy ban nhân dân tỉnh chịu trách nhiệm", ["Ban Cán sự đảng Ủy ban nhân dân tỉnh"]],
    ["Đảng đoàn Hội đồng nhân dân tỉnh, Văn phòng Tỉnh ủy", ["Đảng đoàn Hội đồng nhân dân tỉnh", "Văn phòng Tỉnh ủy"]],
    ["Sở Giáo dục và Đào tạo chủ trì", ["Sở Giáo dục và Đào tạo"]],
    ["Huyện ủy Châu Thành và Đảng ủy xã Tân Phú", ["Huyện ủy Châu Thành", "Đảng ủy xã Tân Phú"]],
    ["UBND tỉnh, BCS đảng UBND tỉnh", ["UBND tỉnh", "BCS đảng UBND tỉnh"]],
    ["Ủy ban Kiểm tra Đảng ủy xã kiểm tra", ["Ủy ban Kiểm tra Đảng ủy xã"]],
    ["Ban Tuyên giáo và Dân vận Thành ủy", ["Ban Tuyên giáo và Dân vận Thành ủy"]],
    ["Kho bạc Nhà nước khu vực XIX", ["Kho bạc Nhà nước khu vực XIX"]],
    ["Các cơ quan tham mưu, giúp việc Tỉnh ủy thực hiện", ["Các cơ quan tham mưu, giúp việc Tỉnh ủy"]],
    ["ủy ban nhân dân các cấp cần", ["*ủy ban nhân dân các cấp"]],
    ["Báo cáo kết quả về Sở Nội vụ", ["Sở Nội vụ"]],
    // Names holding commas, and heads named by their field as "Sở" is.
    ["Sở Văn hóa, Thể thao và Du lịch chủ trì", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["Chi cục Chăn nuôi, Thú y và Thủy sản chịu trách nhiệm", ["Chi cục Chăn nuôi, Thú y và Thủy sản"]],
    ["Sở Tài chính, Sở Xây dựng thẩm định", ["Sở Tài chính", "Sở Xây dựng"]],
    ["Phòng Kế hoạch - Tài chính phối hợp", ["Phòng Kế hoạch - Tài chính"]],
    ["Phòng chống dịch bệnh là nhiệm vụ", []],
    ["Trung tâm Phục vụ hành chính công phường hướng dẫn", ["Trung tâm Phục vụ hành chính công phường"]],
    ["Ngân hàng Chính sách xã hội chi nhánh Cà Mau cho vay", ["Ngân hàng Chính sách xã hội chi nhánh Cà Mau"]],
    ["Văn phòng Sở tổng hợp, báo cáo", ["Văn phòng Sở"]],
    ["Văn phòng Đăng ký đất đai chủ trì", ["Văn phòng Đăng ký đất đai"]],
    ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã tham mưu", ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]],
    ["Chi bộ Ủy ban nhân dân phường lãnh đạo", ["Chi bộ Ủy ban nhân dân phường"]],
    ["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh đẩy nhanh", ["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"]],
  ])("%s", (text, expected) => {
    expect(bodiesIn(text)).toEqual(expected);
  });

  it("matches names to the organisation tree and returns the canonical name", () => {
    const canonical = knownBodyMatcher([{ id: "1", names: ["Ủy ban nhân dân tỉnh", "UBND tỉnh"] }, { id: "2", names: ["Văn phòng Tỉnh ủy"] }]);
    expect(canonical("UBND tỉnh")).toBe("Ủy ban nhân dân tỉnh");
    expect(canonical("Ủy ban nhân dân  tỉnh,")).toBe("Ủy ban nhân dân tỉnh");
    expect(canonical("VPTU")).toBe("Văn phòng Tỉnh ủy");
    expect(canonical("Sở Y tế")).toBe("Sở Y tế");
  });
});

describe("leads and partners", () => {
  it.each([
    ["Sở Tài chính chủ trì, phối hợp với Sở Xây dựng và Kho bạc Nhà nước tỉnh thẩm định.", ["Sở Tài chính"], ["Sở Xây dựng", "Kho bạc Nhà nước tỉnh"]],
    ["Giao Văn phòng Tỉnh ủy theo dõi, tổng hợp.", ["Văn phòng Tỉnh ủy"], []],
    ["Tiếp tục lãnh đạo, chỉ đạo Đảng đoàn Hội đồng nhân dân tỉnh nâng cao chất lượng giám sát.", ["Đảng đoàn Hội đồng nhân dân tỉnh"], []],
    ["Đảng ủy Công an tỉnh lãnh đạo Công an tỉnh mở đợt cao điểm.", ["Đảng ủy Công an tỉnh"], []],
    ["Ngành Công an, Quân sự, Biên phòng phải phối hợp chặt chẽ.", ["Ngành Công an", "Quân sự", "Biên phòng"], []],
    ["Ngành công an cần phối hợp với quân sự, bộ đội biên phòng.", ["Ngành công an"], ["quân sự", "bộ đội biên phòng"]],
    ["Các cấp ủy, chính quyền, các ngành cần tập trung chỉ đạo.", [], []],
    ["Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy phụ trách địa bàn chịu trách nhiệm.", [], []],
    ["Ban Thường vụ Tỉnh ủy thống nhất chủ trương bổ sung vốn.", [], []],
    ["Chủ động phối hợp với các bộ, ngành Trung ương.", [], []],
    ["Công an xã phối hợp với Ban Chỉ huy Quân sự xã tuần tra.", ["Công an xã"], ["Ban Chỉ huy Quân sự xã"]],
    ["(Riêng huyện Tân Phú, Ủy ban nhân dân tỉnh cần hỗ trợ thêm.)", ["huyện Tân Phú", "Ủy ban nhân dân tỉnh"], []],
    ["Lưu ý bổ sung nội dung: Thường trực Tỉnh ủy lãnh đạo trực tiếp các đảng đoàn.", [], []],
    ["Thực hiện theo Công văn số 12 của Ban Tổ chức Tỉnh ủy.", [], []],
    ["Ban Thường vụ Đảng ủy xã lãnh đạo xây dựng Đề án, với sự phối hợp của Sở Văn hóa, Thể thao và Du lịch.", ["Ban Thường vụ Đảng ủy xã"], ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["Ủy ban nhân dân xã phối hợp với Ngân hàng Chính sách xã hội và các ngân hàng thương mại triển khai.", ["Ủy ban nhân dân xã"], ["Ngân hàng Chính sách xã hội"]],
  ])("%s", (text, leads, partners) => {
    const found = responsibleBodies(text);
    expect(found.leads).toEqual(leads);
    expect(found.partners).toEqual(partners);
  });

  it("reads the bodies of a table cell, one per body, without open classes", () => {
    expect(bodiesInCell("Văn phòng Thành ủy;\nĐảng ủy các cơ quan Đảng thành phố")).toEqual(["Văn phòng Thành ủy", "Đảng ủy các cơ quan Đảng thành phố"]);
    expect(bodiesInCell("Sở Xây dựng;\nỦy ban nhân dân các xã, phường có dự án đi qua")).toEqual(["Sở Xây dựng"]);
    expect(bodiesInCell("Sở Tài chính, Ban Quản lý các khu công nghiệp tỉnh")).toEqual(["Sở Tài chính", "Ban Quản lý các khu công nghiệp tỉnh"]);
  });
});

describe("directives of a paper", () => {
  const paper = [
    "THÔNG BÁO",
    "kết luận của Ban Thường vụ về công tác quý I",
    "-----",
    "Ngày 10/4/2026, Ban Thường vụ họp và kết luận như sau:",
    "1. Kết quả đạt được",
    "- Thu ngân sách đạt 1.200 tỷ đồng, tăng 8% so cùng kỳ.",
    "- Kết nạp 120 đảng viên.",
    "2. Nhiệm vụ thời gian tới",
    "2.1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát biên chế, hoàn thành trước ngày 30/6/2026.",
    "2.2. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc; báo cáo trong quý III.",
    "Trên đây là kết luận của Ban Thường vụ.",
  ].join("\n");

  it("takes the items of the part that gives tasks, not the results", () => {
    const x = extractText(paper);
    expect(x.directives.map((d) => [d.ordinal, d.leads, d.partners, d.deadline])).toEqual([
      ["2.1", ["Sở Tài chính"], ["Sở Nội vụ"], "2026-06-30"],
      ["2.2", ["Văn phòng Tỉnh ủy"], [], "2026-09-30"],
    ]);
    const first = x.directives[0]!;
    expect(x.text.slice(first.span.start, first.span.end)).toBe(first.text);
  });

  it("reads a task table under its part, with group rows and a generic partner left out", () => {
    const x = extract({
      format: "docx",
      footnotes: [],
      warnings: [],
      blocks: [
        { kind: "paragraph", text: "CHƯƠNG TRÌNH" },
        { kind: "paragraph", text: "công tác quý II năm 2026" },
        { kind: "paragraph", text: "-----" },
        { kind: "paragraph", text: "NHIỆM VỤ TRỌNG TÂM", label: "I." },
        {
          kind: "table",
          rows: [
            ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["A. CÔNG TÁC XÂY DỰNG ĐẢNG", "", "", "", ""],
            ["1", "Kiện toàn đội ngũ cán bộ cấp xã", "Ban Tổ chức Tỉnh ủy", "Sở Nội vụ; Ủy ban nhân dân các xã", "Quý II/2026"],
            ["2", "Theo dõi việc thực hiện kết luận", "Văn phòng Tỉnh ủy", "Các ban đảng Tỉnh ủy", "Thường xuyên"],
          ],
        },
      ],
    });
    expect(x.directives.map((d) => [d.ordinal, d.text, d.leads, d.partners, d.deadline, d.deadlineText])).toEqual([
      ["I.1", "Kiện toàn đội ngũ cán bộ cấp xã", ["Ban Tổ chức Tỉnh ủy"], ["Sở Nội vụ"], "2026-06-30", "Quý II/2026"],
      ["I.2", "Theo dõi việc thực hiện kết luận", ["Văn phòng Tỉnh ủy"], ["Các ban đảng Tỉnh ủy"], null, "Thường xuyên"],
    ]);
  });

  it("replaces names found in the organisation tree by their canonical name", () => {
    const x = extractText("KẾT LUẬN\nhội nghị\n-----\nHội nghị kết luận:\n1. Giao UBND tỉnh chủ trì triển khai.", {
      bodies: [{ id: "u", names: ["Ủy ban nhân dân tỉnh", "UBND tỉnh"] }],
    });
    expect(x.directives[0]!.leads).toEqual(["Ủy ban nhân dân tỉnh"]);
  });

  it("takes the tasks of a legal paper from the article organising its implementation only", () => {
    const x = extractText(
      [
        "QUYẾT NGHỊ:",
        "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
        "1. Phạm vi điều chỉnh: chính sách hỗ trợ sản xuất.",
        "Điều 2. Nội dung và mức hỗ trợ",
        "1. Hỗ trợ 50% chi phí mua giống.",
        "Điều 3. Tổ chức thực hiện",
        "1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết.",
        "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia giám sát.",
        "Điều 4. Hiệu lực thi hành",
        "Nghị quyết này có hiệu lực từ ngày 01 tháng 8 năm 2026.",
      ].join("\n"),
    );
    expect(x.directives.map((d) => [d.ordinal, d.leads])).toEqual([
      ["3.1", ["Ủy ban nhân dân tỉnh"]],
      ["3.2", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]],
    ]);
  });

  it("leaves target parts out and reads lettered items of a plain text", () => {
    const x = extractText(
      [
        "I. MỤC TIÊU",
        "- 100% trạm y tế có bác sĩ làm việc.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Nâng cao năng lực y tế cơ sở",
        "a) Sở Y tế chủ trì, phối hợp với Sở Nội vụ bố trí bác sĩ, hoàn thành trong quý II/2026.",
        "b) Bảo hiểm xã hội tỉnh thực hiện giám định chi phí khám bệnh.",
      ].join("\n"),
    );
    expect(x.directives.map((d) => [d.ordinal, d.leads, d.partners, d.deadline])).toEqual([
      ["II.1.a", ["Sở Y tế"], ["Sở Nội vụ"], "2026-06-30"],
      ["II.1.b", ["Bảo hiểm xã hội tỉnh"], [], null],
    ]);
  });

  it("makes the body a person is assigned to direct the lead, and keeps a body of an anchored plural whole", () => {
    expect(responsibleBodies("Giao đồng chí Phó Bí thư Thường trực chỉ đạo Văn phòng Đảng ủy phối hợp với Ủy ban nhân dân phường rà soát.")).toEqual({
      leads: ["Văn phòng Đảng ủy"],
      partners: ["Ủy ban nhân dân phường"],
    });
    expect(responsibleBodies("Ủy ban kiểm tra các đảng ủy trực thuộc Tỉnh ủy chủ động kiểm tra.").leads).toEqual(["Ủy ban kiểm tra các đảng ủy trực thuộc Tỉnh ủy"]);
    expect(responsibleBodies("Phòng Kinh tế là cơ quan thường trực, chủ trì theo dõi.").leads).toEqual(["Phòng Kinh tế"]);
  });

  it("reads an item's assignment written as fields, on lines of their own or in one", () => {
    const x = extractText(
      [
        "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN",
        "1. Xây dựng quy chế quản lý hoạt động du lịch cộng đồng.",
        "Cơ quan chủ trì: Ủy ban nhân dân xã.",
        "Cơ quan phối hợp: Phòng Văn hóa - Xã hội; các chi bộ thôn.",
        "Thời gian: Quý I/2027.",
        "2. Kiểm tra an toàn thực phẩm tại các cơ sở kinh doanh.",
        "Cơ quan chủ trì: Phòng Kinh tế; cơ quan phối hợp: Công an xã, Trạm Y tế xã; thời gian: hằng quý.",
      ].join("\n"),
    );
    expect(x.directives.map((d) => [d.ordinal, d.leads, d.partners, d.deadline, d.deadlineText])).toEqual([
      ["II.1", ["Ủy ban nhân dân xã"], ["Phòng Văn hóa - Xã hội"], "2027-03-31", "Quý I/2027"],
      ["II.2", ["Phòng Kinh tế"], ["Công an xã", "Trạm Y tế xã"], null, "hằng quý"],
    ]);
  });

  it("gives bullets the body their lead-in assigns, and a closing assignment to the item it closes", () => {
    const x = extractText(
      [
        "2. Nhiệm vụ trọng tâm năm 2027",
        "2.1. Giao Ban Tuyên giáo và Dân vận Tỉnh ủy tham mưu Ban Thường vụ Tỉnh ủy:",
        "- Ban hành hướng dẫn tuyên truyền, xong trước ngày 15/4/2027;",
        "- Sơ kết 3 năm thực hiện Nghị quyết vào tháng 12/2027.",
        "2.2. Công an tỉnh chủ trì bảo đảm an ninh mạng, trước ngày 31/10/2027.",
        "Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện các nhiệm vụ trên.",
        "3. Về đề xuất của Đảng ủy Ủy ban nhân dân tỉnh",
        "3.1. Sở Nội vụ nghiên cứu phương án sắp xếp biên chế.",
      ].join("\n"),
    );
    expect(x.directives.map((d) => [d.ordinal, d.leads, d.deadline])).toEqual([
      ["2.1-a", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], "2027-04-15"],
      ["2.1-b", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], "2027-12-31"],
      ["2.2", ["Công an tỉnh"], "2027-10-31"],
      ["2", ["Văn phòng Tỉnh ủy"], null],
      ["3.1", ["Sở Nội vụ"], null],
    ]);
  });

  it("takes a letter's recipients for no tasks, and reads the tasks of a decision's appendix table", () => {
    const letter = extractText(
      ["Kính gửi:", "- Ban Tổ chức Tỉnh ủy,", "- Các đảng ủy xã, phường.", "Văn phòng Tỉnh ủy đề nghị các cơ quan thực hiện một số việc sau:", "1. Ban Tổ chức Tỉnh ủy khẩn trương tham mưu ban hành Quy định."].join("\n"),
    );
    expect(letter.directives.map((d) => d.ordinal)).toEqual(["1"]);
    const decision = extract({
      format: "docx",
      footnotes: [],
      warnings: [],
      blocks: [
        { kind: "paragraph", text: "QUYẾT ĐỊNH:" },
        { kind: "paragraph", text: "Điều 1. Giao nhiệm vụ cho các sở, ngành (chi tiết tại Phụ lục kèm theo)." },
        { kind: "paragraph", text: "Điều 2. Quyết định này có hiệu lực kể từ ngày ký." },
        { kind: "paragraph", text: "Nơi nhận:" },
        { kind: "paragraph", text: "KT. CHỦ TỊCH" },
        { kind: "paragraph", text: "PHỤ LỤC" },
        {
          kind: "table",
          rows: [
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kinh phí (triệu đồng)"],
            ["1", "Khoan mới giếng cho các thôn vùng cao", "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân đặc khu Lý Sơn", "Tháng 5/2026", "6.450"],
            ["", "Tổng cộng", "", "", "", "6.450"],
          ],
        },
      ],
    });
    expect(decision.directives.map((d) => [d.ordinal, d.leads, d.partners, d.deadline])).toEqual([
      ["1", ["Sở Nông nghiệp và Môi trường"], ["Ủy ban nhân dân đặc khu Lý Sơn"], "2026-05-31"],
    ]);
    expect(decision.indicators.map((i) => [i.value, i.unit, i.label])).toEqual([
      [6450, "triệu đồng", "Kinh phí Khoan mới giếng cho các thôn vùng cao"],
      [6450, "triệu đồng", "Kinh phí Tổng cộng"],
    ]);
  });

  it("reads the items of a paper that lost its automatic numbers, up to the paper speaking of itself", () => {
    const x = extractText(
      [
        "CHỈ THỊ",
        "về công tác phòng cháy, chữa cháy",
        "-----",
        "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tập trung thực hiện tốt các nhiệm vụ sau:",
        "Đảng ủy Công an tỉnh lãnh đạo Công an tỉnh chủ trì kiểm tra an toàn phòng cháy, hoàn thành trong quý II/2027.",
        "Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Chỉ thị.",
        "Chỉ thị này được phổ biến đến chi bộ.",
      ].join("\n"),
    );
    expect(x.directives.map((d) => [d.ordinal, d.leads, d.deadline])).toEqual([
      ["1", ["Đảng ủy Công an tỉnh", "Công an tỉnh"], "2027-06-30"],
      ["2", ["Văn phòng Tỉnh ủy"], null],
    ]);
  });

  it("takes no lead from the body an item advises, and no task from a part on the situation", () => {
    expect(responsibleBodies("Tham mưu Ban Thường vụ Tỉnh ủy sơ kết 1 năm thực hiện Quy định.").leads).toEqual([]);
    const x = extractText(["ĐỀ ÁN", "-----", "I. THỰC TRẠNG", "Toàn xã có 1.245 ha chè.", "II. NHIỆM VỤ, GIẢI PHÁP", "1. Ủy ban nhân dân xã rà soát diện tích chè."].join("\n"));
    expect(x.directives.map((d) => d.ordinal)).toEqual(["II.1"]);
  });

  it("leaves the lettered group rows of a task table out and reads a span of quarters", () => {
    const x = extract({
      format: "docx",
      footnotes: [],
      warnings: [],
      blocks: [
        { kind: "paragraph", text: "KẾ HOẠCH" },
        { kind: "paragraph", text: "-----" },
        {
          kind: "table",
          rows: [
            ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
            ["A", "GIÁO DỤC STEM", "", "", ""],
            ["1", "Bồi dưỡng giáo viên cốt cán", "Phòng Giáo dục trung học", "", "Quý I-II/2027"],
          ],
        },
      ],
    });
    expect(x.directives.map((d) => [d.ordinal, d.leads, d.deadline])).toEqual([["1", ["Phòng Giáo dục trung học"], "2027-06-30"]]);
  });
});

