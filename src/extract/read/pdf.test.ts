import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PaperError } from "../errors.ts";
import { extract } from "../index.ts";
import { TABLE_MARK } from "../types.ts";
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

/** Text [x, y, size, text], a stroked line { line: [x0, y0, x1, y1] } or a filled rectangle { box: [x, y, w, h] }. */
type Drawn = [number, number, number, string] | { line: [number, number, number, number] } | { box: [number, number, number, number] };

/**
 * A small PDF drawn with the standard Helvetica font: each page is a list of texts and rules
 * (origin bottom-left, A4 unless `width` says otherwise). For tests that need exact positions.
 */
function makePdf(pages: Drawn[][], width = 595): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(""); // pages, filled below
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const items of pages) {
    const content = items
      .map((d) =>
        Array.isArray(d)
          ? `BT /F1 ${d[2]} Tf ${d[0]} ${d[1]} Td (${d[3].replace(/[()\\]/g, "\\$&")}) Tj ET`
          : "line" in d
            ? `0.5 w ${d.line[0]} ${d.line[1]} m ${d.line[2]} ${d.line[3]} l S`
            : `${d.box.join(" ")} re f`,
      )
      .join("\n");
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`);
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

// ---------------------------------------------------------------------------
// Tables

async function tablesOf(bytes: Uint8Array): Promise<{ text: string; tables: string[][][] }> {
  const doc = await readPaper(bytes, "bang.pdf");
  if (doc.format !== "pdf") throw new Error(doc.format);
  return { text: doc.text, tables: doc.tables ?? [] };
}

/** A ruled grid: rules at every x of `xs` from `top` to `bottom` (except through `open` bands) and at every y of `ys`. */
function grid(xs: number[], ys: number[], open: Array<[number, number]> = [], asBoxes = false): Drawn[] {
  const top = Math.max(...ys);
  const bottom = Math.min(...ys);
  const out: Drawn[] = [];
  const rule = (x0: number, y0: number, x1: number, y1: number): Drawn =>
    asBoxes ? { box: [x0 - 0.25, y0 - 0.25, x1 - x0 + 0.5, y1 - y0 + 0.5] } : { line: [x0, y0, x1, y1] };
  for (const y of ys) out.push(rule(xs[0]!, y, xs[xs.length - 1]!, y));
  xs.forEach((x, i) => {
    const edge = i === 0 || i === xs.length - 1;
    let from = top;
    for (const [hi, lo] of edge ? [] : open) {
      out.push(rule(x, hi, x, from));
      from = lo;
    }
    out.push(rule(x, bottom, x, from));
  });
  return out;
}

const COLUMNS = [60, 90, 290, 390, 490, 585];
const TASK_TABLE: string[][] = [
  ["STT", "Noi dung cong viec", "Co quan chu tri", "Co quan phoi hop", "Thoi gian"],
  ["I. CONG TAC XAY DUNG DANG", "", "", "", ""],
  ["1", "Tong ket cong tac xay dung Dang nam 2026", "Ban To chuc Tinh uy", "Van phong Tinh uy", "Thang 3/2027"],
  ["2", "Kiem tra cong tac kiem tra, giam sat nam 2027", "Uy ban Kiem tra Tinh uy", "Van phong Tinh uy", "Quy I/2027"],
  ["3", "Bao cao so ket 6 thang", "Van phong Tinh uy", "", "Truoc 15/6/2027"],
];

/** Two pages: a paragraph, the task table running over the page break (header printed again, row 2 cut), a paragraph. */
function taskTablePdf(asBoxes = false): Uint8Array {
  const header = (y: number): Drawn[] => [
    [65, y, 10, "STT"], [95, y, 10, "Noi dung cong viec"], [295, y + 6, 10, "Co quan"], [295, y - 6, 10, "chu tri"],
    [395, y + 6, 10, "Co quan"], [395, y - 6, 10, "phoi hop"], [495, y, 10, "Thoi gian"],
  ];
  const page1: Drawn[] = [
    [60, 790, 12, "Ke hoach thuc hien nhiem vu nam 2027 nhu sau:"],
    ...grid(COLUMNS, [770, 740, 722, 680, 60], [[740, 722]], asBoxes),
    ...header(752),
    [65, 728, 10, "I. CONG TAC XAY DUNG DANG"],
    [70, 708, 10, "1"], [95, 708, 10, "Tong ket cong tac xay dung"], [95, 696, 10, "Dang nam 2026"],
    [295, 708, 10, "Ban To chuc"], [295, 696, 10, "Tinh uy"], [395, 708, 10, "Van phong Tinh uy"], [495, 708, 10, "Thang 3/2027"],
    [70, 666, 10, "2"], [95, 666, 10, "Kiem tra cong tac kiem tra,"], [295, 666, 10, "Uy ban Kiem tra"], [295, 654, 10, "Tinh uy"],
    [495, 666, 10, "Quy I/2027"],
    [295, 30, 10, "1"],
  ];
  const page2: Drawn[] = [
    [295, 815, 10, "2"],
    ...grid(COLUMNS, [800, 770, 752, 720]),
    ...header(782),
    [95, 758, 10, "giam sat nam 2027"], [395, 758, 10, "Van phong Tinh uy"],
    [70, 740, 10, "3"], [95, 740, 10, "Bao cao so ket 6 thang"], [295, 740, 10, "Van phong Tinh uy"], [495, 740, 10, "Truoc 15/6/2027"],
    [60, 700, 12, "Tren day la ke hoach thuc hien nhiem vu nam 2027."],
  ];
  return makePdf([page1, page2]);
}

describe("tables", () => {
  it("rebuilds a ruled task table over a page break: rows, multi-line cells, a group row, the header once", async () => {
    const { text, tables } = await tablesOf(taskTablePdf());
    expect(tables).toEqual([TASK_TABLE]);
    expect(paragraphsOf(text)).toEqual([
      "Ke hoach thuc hien nhiem vu nam 2027 nhu sau:",
      TABLE_MARK,
      "Tren day la ke hoach thuc hien nhiem vu nam 2027.",
    ]);
  });

  it("reads borders drawn as thin filled rectangles as rules", async () => {
    const { tables } = await tablesOf(taskTablePdf(true));
    expect(tables).toEqual([TASK_TABLE]);
  });

  it("cuts rows at the row numbers when only the columns are ruled", async () => {
    const page: Drawn[] = [
      ...grid([60, 90, 300, 420, 540], [760, 740, 600]),
      [65, 746, 10, "TT"], [95, 746, 10, "Noi dung"], [305, 746, 10, "Chu tri"], [425, 746, 10, "Thoi han"],
      [70, 726, 10, "1"], [95, 726, 10, "Viec thu nhat, dong mot"], [95, 714, 10, "va dong hai"], [305, 726, 10, "So Tai chinh"], [425, 726, 10, "Quy I/2027"],
      [70, 700, 10, "2"], [95, 700, 10, "Viec thu hai"], [305, 700, 10, "So Noi vu"], [425, 700, 10, "Thuong xuyen"],
    ];
    const { tables } = await tablesOf(makePdf([page]));
    expect(tables).toEqual([
      [
        ["TT", "Noi dung", "Chu tri", "Thoi han"],
        ["1", "Viec thu nhat, dong mot va dong hai", "So Tai chinh", "Quy I/2027"],
        ["2", "Viec thu hai", "So Noi vu", "Thuong xuyen"],
      ],
    ]);
  });

  it("rebuilds a table without rules from its aligned columns", async () => {
    const page: Drawn[] = [
      [60, 790, 12, "Cac nhiem vu cu the:"],
      [60, 760, 10, "STT"], [100, 760, 10, "Noi dung cong viec"], [330, 760, 10, "Chu tri"], [420, 760, 10, "Phoi hop"], [500, 760, 10, "Thoi gian"],
      [65, 740, 10, "1"], [100, 740, 10, "Tong ket cong tac"], [330, 740, 10, "Ban To chuc"], [420, 740, 10, "Van phong"], [500, 740, 10, "Thang 3/2027"],
      [100, 728, 10, "xay dung Dang nam 2026"], [330, 728, 10, "Tinh uy"],
      [65, 708, 10, "2"], [100, 708, 10, "So ket 6 thang"], [330, 708, 10, "Van phong"], [500, 708, 10, "Quy II/2027"],
      [60, 680, 12, "Tren day la chuong trinh cong tac quy I va quy II nam 2027 cua Ban Thuong vu."],
    ];
    const { text, tables } = await tablesOf(makePdf([page]));
    expect(tables).toEqual([
      [
        ["STT", "Noi dung cong viec", "Chu tri", "Phoi hop", "Thoi gian"],
        ["1", "Tong ket cong tac xay dung Dang nam 2026", "Ban To chuc Tinh uy", "Van phong", "Thang 3/2027"],
        ["2", "So ket 6 thang", "Van phong", "", "Quy II/2027"],
      ],
    ]);
    expect(paragraphsOf(text)).toEqual([
      "Cac nhiem vu cu the:",
      TABLE_MARK,
      "Tren day la chuong trinh cong tac quy I va quy II nam 2027 cua Ban Thuong vu.",
    ]);
  });

  it("joins a word cut in a narrow column and a number cut after its dash", async () => {
    const page: Drawn[] = [
      ...grid([60, 80, 300, 420, 540], [760, 730, 690]),
      [63, 750, 10, "ST"], [66, 738, 10, "T"], [95, 746, 10, "Noi dung"], [305, 746, 10, "Chu tri"], [425, 746, 10, "Thoi han"],
      [68, 716, 10, "1"], [95, 716, 10, "Theo Huong dan so 12-"], [95, 704, 10, "HD/UBKTTU ngay 05/01/2027"],
      [305, 716, 10, "Uy ban Kiem tra"], [425, 716, 10, "Quy I/2027"],
    ];
    const { tables } = await tablesOf(makePdf([page]));
    expect(tables[0]?.[0]?.[0]).toBe("STT");
    expect(tables[0]?.[1]?.[1]).toBe("Theo Huong dan so 12-HD/UBKTTU ngay 05/01/2027");
  });

  it("leaves text without tables as it was: a frame around a paragraph is not a table", async () => {
    const page: Drawn[] = [...grid([60, 540], [780, 720]), ...bodyLines(["Mot doan van ban trong khung,", "hai dong."], 760, 70)];
    const { text, tables } = await tablesOf(makePdf([page]));
    expect(tables).toEqual([]);
    expect(flat(text)).toBe("Mot doan van ban trong khung, hai dong.");
  });

  it("hands the rows to extract() as a table block between the paragraphs", async () => {
    const doc = await readPaper(taskTablePdf(), "bang.pdf");
    const x = extract(doc);
    expect(x.text).not.toContain(TABLE_MARK);
    expect(x.text).toContain("2 | Kiem tra cong tac kiem tra, giam sat nam 2027 | Uy ban Kiem tra Tinh uy | Van phong Tinh uy | Quy I/2027");
  });
});

describe("tables that are not task tables", () => {
  it("come through as tables whose cells feed the indicators", async () => {
    const page: Drawn[] = [
      [60, 790, 12, "Ket qua san xuat nong nghiep:"],
      ...grid([60, 90, 330, 460], [770, 750, 730, 710]),
      [65, 756, 10, "TT"], [95, 756, 10, "Chi tieu"], [335, 756, 10, "Ket qua"],
      [65, 736, 10, "1"], [95, 736, 10, "Dien tich gieo trong lua"], [335, 736, 10, "4.870 ha"],
      [65, 716, 10, "2"], [95, 716, 10, "Duong giao thong nong thon"], [335, 716, 10, "3,2 km"],
    ];
    const x = extract(await readPaper(makePdf([page]), "bang.pdf"));
    expect(x.directives).toEqual([]);
    expect(x.indicators.map((i) => [i.value, i.unit])).toEqual([
      [4870, "ha"],
      [3.2, "km"],
    ]);
  });
});

describe("hostile PDFs", () => {
  it("reads a page of thousands of tiny text items", async () => {
    const items: Drawn[] = [];
    for (let row = 0; row < 80; row++) for (let col = 0; col < 100; col++) items.push([20 + col * 5.5, 800 - row * 9, 3, "a"]);
    // and as many scattered at pseudo-random places
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 8000; k++) items.push([10 + rand() * 570, 10 + rand() * 820, 2 + rand() * 4, "b"]);
    const { text, tables } = await tablesOf(makePdf([items]));
    expect(text.length + tables.length).toBeGreaterThan(0);
  });

  it("reads a ruled table of hundreds of columns", async () => {
    const cols = 300;
    const xs = Array.from({ length: cols + 1 }, (_, i) => 20 + i * 10);
    const ys = [800, 780, 760, 740];
    const items: Drawn[] = [...grid(xs, ys)];
    const letter = (r: number, c: number) => String.fromCharCode(97 + ((r * 7 + c) % 26));
    for (const [r, y] of [785, 765, 745].entries()) for (let c = 0; c < cols; c++) items.push([22 + c * 10, y, 5, letter(r, c)]);
    const { tables } = await tablesOf(makePdf([items], 20 + cols * 10 + 20));
    expect(tables).toHaveLength(1);
    expect(tables[0]).toHaveLength(3);
    expect(tables[0]![0]).toHaveLength(cols);
    expect(tables[0]![2]![299]).toBe(letter(2, 299));
  });

  it("does not try to connect the rules of a dense hatching", async () => {
    const items: Drawn[] = [];
    for (let k = 0; k < 2500; k++) {
      items.push({ line: [10, 10 + k * 0.33, 585, 10 + k * 0.33] });
      items.push({ line: [10 + k * 0.23, 10, 10 + k * 0.23, 832] });
    }
    items.push(...bodyLines(["Noi dung van ban tren nen ke o.", "Dong thu hai."]));
    const { text } = await tablesOf(makePdf([items]));
    expect(flat(text)).toContain("Noi dung van ban tren nen ke o.");
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
