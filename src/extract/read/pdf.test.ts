import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PaperError } from "../errors.ts";
import { readPaper } from "./index.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");
const load = (path: string) => new Uint8Array(readFileSync(path));
// notice.pdf: three pages printed by LibreOffice from the notice of fixtures/make-fixtures.ts.
const NOTICE = load(join(FIXTURES, "notice.pdf"));

async function textOf(bytes: Uint8Array): Promise<{ text: string; footnotes: string[] }> {
  const doc = await readPaper(bytes, "van-ban.pdf");
  if (doc.format !== "pdf") throw new Error(doc.format);
  return doc;
}

const flat = (s: string) => s.replace(/\s+/g, " ");
const paragraphsOf = (text: string) => text.split("\n\n").map(flat);

/**
 * A small PDF drawn with the standard Helvetica font: each page is a list of [x, y, size, text]
 * (origin bottom-left, A4). For tests that need exact positions.
 */
function makePdf(pages: Array<Array<[number, number, number, string]>>): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(""); // pages, filled below
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const items of pages) {
    const content = items.map(([x, y, size, t]) => `BT /F1 ${size} Tf ${x} ${y} Td (${t.replace(/[()\\]/g, "\\$&")}) Tj ET`).join("\n");
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** A page of body text: lines 15 points apart from the top, 12-point Helvetica. */
function bodyLines(lines: string[], top = 760, x = 72): Array<[number, number, number, string]> {
  return lines.map((t, i) => [x, top - i * 15, 12, t]);
}

describe("readPaper on a PDF printed by LibreOffice", () => {
  it("reads the header and the signature block column by column", async () => {
    const { text } = await textOf(NOTICE);
    const paragraphs = text.split("\n\n");
    expect(paragraphs[0]).toBe("TỈNH ỦY AN GIANG\n*\nSố 27-TB/TU");
    expect(paragraphs[1]).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(paragraphs[2]).toBe("An Giang, ngày 15 tháng 7 năm 2025");
    expect(paragraphs[3]).toBe(
      "THÔNG BÁO\nkết luận của Thường trực Tỉnh ủy về tình hình thực hiện\nnhiệm vụ 6 tháng đầu năm và phương hướng, nhiệm vụ\n6 tháng cuối năm 2025\n-----",
    );
    expect(paragraphs.slice(-3)).toEqual([
      "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy,\n- Ban Cán sự đảng UBND tỉnh,\n- Các ban đảng Tỉnh ủy,\n- Các huyện ủy, thị ủy, thành ủy,\n- Lưu Văn phòng Tỉnh ủy.",
      "T/L THƯỜNG TRỰC TỈNH ỦY\nCHÁNH VĂN PHÒNG",
      "Lê Hoàng Minh",
    ]);
  });

  it("drops page numbers and the running footer", async () => {
    const { text } = await textOf(NOTICE);
    expect(text).not.toMatch(/^- \d -$/m);
    expect(text).not.toContain("Thông báo số 27-TB/TU, trang");
  });

  it("returns footnotes and the end note in order, their markers out of the body", async () => {
    const { text, footnotes } = await textOf(NOTICE);
    expect(footnotes).toEqual([
      "Số liệu do Cục Thống kê tỉnh công bố ngày 05/7/2025.",
      "Trong đó có 14 dự án chuyển tiếp và 6 dự án khởi công mới.",
      "Theo Kế hoạch số 102-KH/TU ngày 12/3/2025 của Ban Thường vụ Tỉnh ủy.",
      "Các chỉ tiêu chưa đạt được rà soát lại trong quý III/2025.",
    ]);
    expect(flat(text)).toContain("tăng 7,2% so cùng kỳ; tổng thu ngân sách");
    expect(flat(text)).toContain("chưa giải ngân được; công tác giải phóng");
    expect(flat(text)).toContain("các cơ quan sau sắp xếp; hoàn thành trước ngày 31/8/2025.");
    expect(flat(text)).toContain("trong tháng 12/2025.");
    // An exponent is not a note marker.
    expect(flat(text)).toContain("được bảo vệ là 58 km2, không xảy ra cháy rừng");
  });

  it("keeps paragraphs apart with a blank line and lines of a paragraph together", async () => {
    const { text } = await textOf(NOTICE);
    const paragraphs = paragraphsOf(text);
    expect(paragraphs).toContain("1. Về kết quả 6 tháng đầu năm");
    expect(paragraphs).toContain(
      "2.2. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy tham mưu Ban Thường vụ Tỉnh ủy kiện toàn tổ chức bộ máy các cơ quan sau sắp xếp; hoàn thành trước ngày 31/8/2025.",
    );
    // 2.3 runs from page 1 onto page 2 and stays one paragraph.
    expect(paragraphs.find((p) => p.startsWith("2.3."))).toMatch(/Thực hiện thường xuyên\.$/);
    expect(paragraphs.filter((p) => /^2\.\d\. /.test(p))).toHaveLength(8);
  });

  it("reads the fixture team's two-page notice: page number and footnote out, marker removed", async () => {
    const bytes = load(resolve(import.meta.dirname, "../../../test/fixtures/papers/tb-1234-ket-luan-2025.pdf"));
    const { text, footnotes } = await textOf(bytes);
    expect(footnotes).toEqual([
      "Còn 1.507 hồ sơ giải quyết trễ hạn, tập trung ở lĩnh vực đất đai (chiếm 71%) do thiếu công chức địa chính và đường truyền dữ liệu chưa ổn định.",
    ]);
    expect(flat(text)).toContain("giải quyết đúng hạn 36.905 hồ sơ, chiếm 96,08%. Tuy nhiên");
    expect(text.split("\n")).not.toContain("2");
  });

  it("does not detach the caller's buffer", async () => {
    const copy = new Uint8Array(NOTICE);
    await readPaper(copy, "a.pdf");
    expect(copy.length).toBe(NOTICE.length);
    expect(copy[0]).toBe(0x25);
  });
});

describe("page furniture and notes at exact positions", () => {
  const body = (n: number) => [`Noi dung trang ${n} dong mot tiep tuc`, `va dong hai cua trang ${n} ket thuc.`];

  it("drops '- N -', 'Trang N' and lone numbers in the margins, and a header repeated on most pages", async () => {
    const pdf = makePdf([
      [[260, 810, 10, "BAN THUONG VU TINH UY"], ...bodyLines(body(1)), [290, 40, 10, "Trang 1"]],
      [[260, 810, 10, "BAN THUONG VU TINH UY"], [290, 790, 12, "- 2 -"], ...bodyLines(body(2)), [290, 40, 10, "Trang 2/3"]],
      [[260, 810, 10, "BAN THUONG VU TINH UY"], [290, 790, 12, "3"], ...bodyLines(body(3)), [290, 40, 10, "Trang 3/3"]],
    ]);
    const { text } = await textOf(pdf);
    expect(text).not.toMatch(/BAN THUONG VU|Trang \d|- 2 -|^3$/m);
    expect(flat(text)).toContain("Noi dung trang 1 dong mot tiep tuc va dong hai cua trang 1 ket thuc.");
    expect(flat(text)).toContain("trang 3 ket thuc.");
  });

  it("takes the small-print block at the foot of a page as notes only when it starts with a note number", async () => {
    const pdf = makePdf([
      [
        ...bodyLines([
          "Trong chin thang, kinh te cua tinh tiep tuc tang truong kha, cac nganh deu",
          "dat va vuot ke hoach de ra; thu hut dau tu co nhieu chuyen bien tich cuc.",
          "Cong tac xay dung Dang va he thong chinh tri duoc quan tam thuc hien.",
          "Tong thu ngan sach dat 85% du toan, tang 6,8% so cung ky.",
        ]),
        [408, 719, 7, "1"],
        [72, 80, 9, "1 So lieu cua Cuc Thong ke tinh,"],
        [72, 69, 9, "cong bo thang 10."],
        [72, 58, 9, "2 Chua ke von dau tu cong."],
      ],
      [...bodyLines(["Noi nhan:"]), [72, 745, 9, "- Nhu tren,"], [72, 734, 9, "- Luu VT."]],
    ]);
    const { text, footnotes } = await textOf(pdf);
    expect(footnotes).toEqual(["So lieu cua Cuc Thong ke tinh, cong bo thang 10.", "Chua ke von dau tu cong."]);
    expect(text).toContain("- Nhu tren,");
    expect(flat(text)).toContain("tang 6,8% so cung ky.");
    expect(text).not.toMatch(/ky\.\s*1/);
  });

  it("keeps small numbered lines at the foot of a page in the body when no marker announces them", async () => {
    const lines = [
      "Trong chin thang, kinh te cua tinh tiep tuc tang truong kha, cac nganh deu",
      "dat va vuot ke hoach de ra; thu hut dau tu co nhieu chuyen bien tich cuc.",
      "Cong tac xay dung Dang va he thong chinh tri duoc quan tam thuc hien.",
    ];
    const pdf = makePdf([[...bodyLines(lines), [72, 80, 9, "5 Ban To chuc Thanh uy"], [72, 69, 9, "6 Van phong Thanh uy"]]]);
    const { text, footnotes } = await textOf(pdf);
    expect(footnotes).toEqual([]);
    expect(text).toContain("5 Ban To chuc Thanh uy");
  });
});

describe("PDFs that cannot be read", () => {
  it("says when a PDF needs a password", async () => {
    await expect(readPaper(load(join(FIXTURES, "encrypted.pdf")), "mat.pdf")).rejects.toMatchObject({
      code: "encrypted",
      message: "Tệp PDF được bảo vệ bằng mật khẩu.",
    });
  });

  it("says when a PDF has no text (a scan)", async () => {
    await expect(readPaper(makePdf([[], []]), "scan.pdf")).rejects.toMatchObject({
      code: "empty",
      message: "Tệp không có nội dung văn bản (có thể là bản quét ảnh).",
    });
  });

  it("refuses a damaged PDF with PaperError", async () => {
    const cut = NOTICE.subarray(0, 2000);
    await expect(readPaper(cut, "cut.pdf")).rejects.toBeInstanceOf(PaperError);
  });
});
