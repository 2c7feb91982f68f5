import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { barChartPng } from "../charts.ts";
import { b, dash, fn, p, type PartyDocument, section, tablesOf } from "./model.ts";
import { numberLine, placeAndDate, renderDocx } from "./render.ts";

function sample(overrides: Partial<PartyDocument> = {}): PartyDocument {
  return {
    issuer: { name: "Tỉnh ủy Đồng Tháp" },
    number: 125,
    symbol: "BC/TU",
    draft: true,
    place: "Đồng Tháp",
    date: "2025-01-05",
    year: 2025,
    kind: "Báo cáo",
    subject: ["Kết quả thực hiện nhiệm vụ công tác năm 2024"],
    body: [
      p("Năm 2024, toàn tỉnh ", b("hoàn thành 18/22 chỉ tiêu"), " Nghị quyết", fn("Tổng thu ngân sách 9.003 tỷ đồng, đạt 102,3% kế hoạch."), "."),
      section(
        "Kết quả thực hiện các chỉ tiêu",
        section("Kinh tế", p("Tăng trưởng khá."), dash("Xuất khẩu 4,25 tỷ USD;")),
        {
          kind: "table",
          caption: "Nhiệm vụ theo đơn vị",
          columns: [
            { title: "TT", width: 5 },
            { title: "Đơn vị", width: 40 },
            { title: "Tổng số", width: 10 },
          ],
          rows: [[1, "Sở Tài chính", 12]],
          totalRows: [[{ text: "Cộng", colSpan: 2 }, 12]],
          sheetName: "Theo đơn vị",
        },
        {
          kind: "image",
          png: barChartPng({ categories: ["Sở Tài chính"], series: [{ name: "Đúng hạn", data: [3], color: "#2e7d32" }], width: 400, height: 200 }),
          widthMm: 100,
          heightMm: 50,
          caption: "Nhiệm vụ theo đơn vị",
        },
      ),
    ],
    recipients: ["Văn phòng Trung ương Đảng,", "Lưu Văn phòng Tỉnh ủy."],
    signature: { authority: "T/M Tỉnh ủy", position: "Phó Bí thư", name: "Nguyễn Văn An" },
    annexes: [{ title: "NGUỒN SỐ LIỆU", blocks: [p("Các số liệu lấy từ dondoc.")] }],
    properties: { title: "Báo cáo kết quả năm 2024", creator: "dondoc", created: new Date("2025-01-05T00:00:00Z") },
    ...overrides,
  };
}

async function parts(doc: PartyDocument) {
  const bytes = await renderDocx(doc);
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]!);
  return { bytes, files, text };
}

/** The visible text of a part: the w:t runs joined. */
function visible(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("Party-format .docx", () => {
  it("has the header, the title, numbered sections, the closing block and the annex", async () => {
    const { text } = await parts(sample());
    const body = visible(text("word/document.xml"));
    expect(body).toContain("TỈNH ỦY ĐỒNG THÁP");
    expect(body).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(body).toContain("Số 125-BC/TU");
    expect(body).toContain("Dự thảo");
    expect(body).toContain("Đồng Tháp, ngày 05 tháng 01 năm 2025");
    expect(body).toContain("BÁO CÁO");
    expect(body).toContain("Kết quả thực hiện nhiệm vụ công tác năm 2024");
    expect(body).toContain("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
    expect(body).toContain("1. Kinh tế");
    expect(body).toContain("Bảng 1. Nhiệm vụ theo đơn vị");
    expect(body).toContain("Biểu đồ 1. Nhiệm vụ theo đơn vị");
    expect(body).toContain("Nơi nhận:");
    expect(body).toContain("- Lưu Văn phòng Tỉnh ủy.");
    expect(body).toContain("T/M TỈNH ỦYPHÓ BÍ THƯ");
    expect(body).toContain("Nguyễn Văn An");
    expect(body).toContain("PHỤ LỤC");
    // Body order: header, title, body, closing, annex.
    expect(body.indexOf("ĐẢNG CỘNG SẢN")).toBeLessThan(body.indexOf("BÁO CÁO"));
    expect(body.indexOf("BÁO CÁO")).toBeLessThan(body.indexOf("Nơi nhận:"));
    expect(body.indexOf("Nơi nhận:")).toBeLessThan(body.indexOf("PHỤ LỤC"));
  });

  it("sets Times New Roman 14 pt, A4 with the guide's margins, and page numbers from page 2", async () => {
    const { text, files } = await parts(sample());
    const styles = text("word/styles.xml");
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:rPrDefault>.*<w:sz w:val="28"\/>/);
    const doc = text("word/document.xml");
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // top 20 mm, right 15 mm, bottom 20 mm, left 30 mm
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(doc).toContain("<w:titlePg/>");
    const headers = Object.keys(files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map(text);
    expect(headers.some((h) => h.includes("PAGE"))).toBe(true);
    expect(text("word/footnotes.xml")).toContain("Tổng thu ngân sách 9.003 tỷ đồng");
    expect(Object.keys(files).some((n) => n.startsWith("word/media/") && n.endsWith(".png"))).toBe(true);
  });

  it("is reproducible: the same model gives the same bytes, with the model's timestamps", async () => {
    const a = await parts(sample());
    const b2 = await parts(sample());
    expect(Buffer.from(a.bytes).equals(Buffer.from(b2.bytes))).toBe(true);
    expect(a.text("docProps/core.xml")).toContain("2025-01-05T00:00:00Z");
  });

  it("leaves number and day blank in a draft without them", () => {
    expect(numberLine(null, "BC/TU")).toBe("Số      -BC/TU");
    expect(placeAndDate("Cần Thơ", null, 2025)).toBe("Cần Thơ, ngày      tháng      năm 2025");
    expect(placeAndDate("Cần Thơ", "2024-10-02", 2024)).toBe("Cần Thơ, ngày 02 tháng 10 năm 2024");
  });

  it("lists the document's tables for the workbook", () => {
    expect(tablesOf(sample()).map((t) => t.sheetName)).toEqual(["Theo đơn vị"]);
  });
});
