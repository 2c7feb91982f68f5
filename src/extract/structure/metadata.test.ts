import { describe, expect, it } from "vitest";
import { extract, extractText } from "../index.ts";
import { normalCaseBody, normalCasePosition } from "./metadata.ts";

describe("document metadata", () => {
  it("reads a Party header, number, issue date, title and signature", () => {
    const x = extractText(
      [
        "ĐẢNG BỘ TỈNH ĐỒNG THÁP          ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY XÃ TÂN PHÚ",
        "*",
        "Số 21-KL/ĐU",
        "Tân Phú, ngày 15 tháng 10 năm 2025",
        "KẾT LUẬN",
        "của Ban Thường vụ Đảng ủy xã",
        "về công tác quý III",
        "-----",
        "Ngày 12/10/2025, Ban Thường vụ Đảng ủy xã họp và kết luận:",
        "1. Giao Văn phòng Đảng ủy theo dõi.",
        "Nơi nhận:",
        "- Lưu VP.",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Nguyễn Văn An",
      ].join("\n"),
    );
    expect(x.document).toEqual({
      kind: "KL",
      symbol: "21-KL/ĐU",
      date: "2025-10-15",
      title: "của Ban Thường vụ Đảng ủy xã về công tác quý III",
      issuer: "Đảng ủy xã Tân Phú",
      signer: { name: "Nguyễn Văn An", position: "Bí thư" },
    });
    expect(x.classification).toBeNull();
  });

  it("leaves a draft's blank number and date empty, and falls back to the meeting date", () => {
    const draft = extractText("TỈNH ỦY AN GIANG\nSố      -BC/TU\nDự thảo\nAn Giang, ngày      tháng    năm 2025\nBÁO CÁO\nkết quả năm 2025\n-----\nNăm 2025 tỉnh đạt nhiều kết quả.");
    expect(draft.document.symbol).toBeNull();
    expect(draft.document.date).toBeNull();
    expect(draft.document.kind).toBe("BC");
    const meeting = extractText("THÔNG BÁO\nkết luận hội nghị\n-----\nNgày 02/10/2024, Ban Thường vụ tổ chức Hội nghị theo Kế hoạch số 5-KH/TU ngày 01/9/2024.");
    expect(meeting.document.date).toBe("2024-10-02");
  });

  it("finds the signature in a two-column distribution list", () => {
    const x = extractText(
      ["THÔNG BÁO", "ý kiến chỉ đạo", "-----", "Văn phòng Tỉnh ủy thông báo để thực hiện.", "Nơi nhận:  T/L BAN THƯỜNG VỤ", "- Các ban đảng, CHÁNH VĂN PHÒNG", "- Lưu Văn phòng. Lê Thị Hồng"].join("\n"),
    );
    expect(x.document.signer).toEqual({ name: "Lê Thị Hồng", position: "Chánh Văn phòng" });
    expect(x.document.issuer).toBe("Văn phòng Tỉnh ủy");
  });

  it("infers the issuer of a paper without header from its opening sentence", () => {
    const x = extractText("Căn cứ chương trình năm 2025, trong quý IV, Tỉnh ủy Bạc Liêu tập trung triển khai các nhiệm vụ sau:\n1. Rà soát chỉ tiêu.\nTrên đây là một số mặt công tác trọng tâm.");
    expect(x.document.issuer).toBe("Tỉnh ủy Bạc Liêu");
    expect(x.document.kind).toBe("CTr");
  });

  it("reads the header table of a .docx", () => {
    const x = extract({
      format: "docx",
      footnotes: [],
      warnings: [],
      blocks: [
        { kind: "table", rows: [["THÀNH ỦY CẦN THƠ\n*\nSố 15-CTr/TU", "ĐẢNG CỘNG SẢN VIỆT NAM\nCần Thơ, ngày 20 tháng 3 năm 2026"]] },
        { kind: "paragraph", text: "CHƯƠNG TRÌNH" },
        { kind: "paragraph", text: "công tác quý II năm 2026" },
        { kind: "paragraph", text: "-----" },
        { kind: "paragraph", text: "Nội dung." },
      ],
    });
    expect(x.document).toMatchObject({ kind: "CTr", symbol: "15-CTr/TU", date: "2026-03-20", title: "công tác quý II năm 2026", issuer: "Thành ủy Cần Thơ" });
  });

  it("reads a signature set beside the recipients in a table, a number typed in capitals and a name wrapped in its cell", () => {
    const x = extract({
      format: "docx",
      footnotes: [],
      warnings: [],
      blocks: [
        { kind: "table", rows: [["TỈNH ỦY GIA LAI\nBAN TUYÊN GIÁO VÀ DÂN\nVẬN\n*\nSỐ 47-KH/BTGDVTU", "ĐẢNG CỘNG SẢN VIỆT NAM\nGia Lai, ngày 20 tháng 3 năm 2026"]] },
        { kind: "paragraph", text: "KẾ HOẠCH" },
        { kind: "paragraph", text: "tuyên truyền quý II năm 2026" },
        { kind: "paragraph", text: "-----" },
        { kind: "paragraph", text: "1. Văn phòng Ban theo dõi, tổng hợp." },
        { kind: "table", rows: [["Nơi nhận:\n- Thường trực Tỉnh ủy,\n- Lưu Văn phòng.", "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nPhạm Thị Lan Anh"]] },
      ],
    });
    expect(x.document).toMatchObject({ symbol: "47-KH/BTGDVTU", kind: "KH" });
    expect(x.document.issuer?.toLowerCase()).toBe("ban tuyên giáo và dân vận");
    expect(x.document.signer.name).toBe("Phạm Thị Lan Anh");
    expect(x.document.signer.position?.toLowerCase()).toBe("phó trưởng ban");
  });

  it("marks classified papers, but not internal circulation", () => {
    expect(extractText("TỈNH ỦY AN GIANG\nMẬT\nBÁO CÁO\nvề công tác\n-----\nNội dung.").classification).toBe("Mật");
    expect(extractText("TỐI MẬT\nBÁO CÁO\nvề công tác\n-----\nNội dung.").classification).toBe("Tối mật");
    expect(extractText("Lưu hành nội bộ\nBÁO CÁO\nvề công tác\n-----\nNội dung.").classification).toBeNull();
  });

  it("writes names and positions in their normal case", () => {
    expect(normalCaseBody("TỈNH ỦY HẬU GIANG")).toBe("Tỉnh ủy Hậu Giang");
    expect(normalCaseBody("ĐẢNG ỦY XÃ VỊ THỦY")).toBe("Đảng ủy xã Vị Thủy");
    expect(normalCasePosition("PHÓ BÍ THƯ")).toBe("Phó Bí thư");
    expect(normalCasePosition("CHÁNH VĂN PHÒNG")).toBe("Chánh Văn phòng");
  });

  it("reads a title opening like a body sentence, an issuer printed over two lines, and an action programme", () => {
    const plan = extractText(
      [
        "ỦY BAN NHÂN DÂN",
        "XÃ THẠNH HÓA",
        "Số: 86/KH-UBND",
        "KẾ HOẠCH",
        "Thực hiện Chương trình xây dựng nông thôn mới",
        "trên địa bàn xã năm 2027",
        "___________",
        "Căn cứ Nghị quyết của Hội đồng nhân dân xã;",
        "1. Phòng Kinh tế theo dõi.",
      ].join("\n"),
    );
    expect(plan.document.title).toBe("Thực hiện Chương trình xây dựng nông thôn mới trên địa bàn xã năm 2027");
    expect(plan.document.issuer).toBe("Ủy ban nhân dân xã Thạnh Hóa");
    const programme = extractText(
      ["TỈNH ỦY ĐỒNG NAI", "*", "Số 27-CTr/TU", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "thực hiện Nghị quyết số 72-NQ/TW", "-----", "1. Sở Y tế chủ trì."].join("\n"),
    );
    expect(programme.document).toMatchObject({ kind: "CTr", title: "thực hiện Nghị quyết số 72-NQ/TW", issuer: "Tỉnh ủy Đồng Nai" });
  });

  it("ends a legal resolution's title at its enacting body", () => {
    const x = extractText(
      ["HỘI ĐỒNG NHÂN DÂN TỈNH TUYÊN QUANG", "Số: 25/2026/NQ-HĐND", "NGHỊ QUYẾT", "Quy định chính sách hỗ trợ sản xuất", "HỘI ĐỒNG NHÂN DÂN TỈNH TUYÊN QUANG", "KHÓA XX, KỲ HỌP THỨ HAI", "Căn cứ Luật Tổ chức chính quyền địa phương;"].join("\n"),
    );
    expect(x.document.title).toBe("Quy định chính sách hỗ trợ sản xuất");
  });

  it("reads a letter's subject line as its title, and the issue date before a web copy's posting date", () => {
    const letter = extract({
      format: "docx",
      footnotes: [],
      warnings: [],
      blocks: [
        { kind: "table", rows: [["TỈNH ỦY CÀ MAU\nVĂN PHÒNG\n*\nSố 2150-CV/VPTU\nV/v đôn đốc thực hiện các nhiệm vụ\nchậm tiến độ năm 2026", "ĐẢNG CỘNG SẢN VIỆT NAM\nCà Mau, ngày 01 tháng 12 năm 2026"]] },
        { kind: "paragraph", text: "Kính gửi: Ban Tổ chức Tỉnh ủy" },
      ],
    });
    expect(letter.document).toMatchObject({ kind: "CV", title: "đôn đốc thực hiện các nhiệm vụ chậm tiến độ năm 2026", date: "2026-12-01" });
    const copy = extractText(["Ngày đăng: 12/01/2027 08:15 | Lượt xem: 1.254", "ĐẢNG ỦY XÃ GIA VIỄN", "Số 52-KH/ĐU", "Gia Viễn, ngày 08 tháng 01 năm 2027", "KẾ HOẠCH", "phát triển du lịch", "-----", "Nội dung."].join("\n"));
    expect(copy.document.date).toBe("2027-01-08");
  });

  it("knows the surnames of the mountain peoples in a signature", () => {
    const x = extractText(["BÁO CÁO", "-----", "Nội dung.", "Nơi nhận:", "- Lưu.", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Giàng Thị Dung"].join("\n"));
    expect(x.document.signer).toEqual({ name: "Giàng Thị Dung", position: "Phó trưởng ban" });
  });
});

