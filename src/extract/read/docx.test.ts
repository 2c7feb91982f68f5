import { crc32, deflateRawSync } from "node:zlib";
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { PaperError } from "../errors.ts";
import type { Block } from "../types.ts";
import { readDocx } from "./docx.ts";
import { readPaper } from "./index.ts";
import { formatNumber } from "./numbering.ts";
import { MAX_ZIP_ENTRIES } from "./zip.ts";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof PaperError) return e.code;
    throw e;
  }
}

const paragraphs = (blocks: Block[]) =>
  blocks.filter((b): b is Extract<Block, { kind: "paragraph" }> => b.kind === "paragraph").map((b) => (b.label ? `${b.label} ${b.text}` : b.text));

// ---------------------------------------------------------------------------
// A paper made with the `docx` package

async function programmeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "items",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: "%2)", alignment: AlignmentType.START },
            { level: 2, format: LevelFormat.DECIMAL, text: "%1.%3.", alignment: AlignmentType.START },
          ],
        },
        { reference: "parts", levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.START }] },
        { reference: "dash", levels: [{ level: 0, format: LevelFormat.BULLET, text: "-", alignment: AlignmentType.START }] },
      ],
    },
    footnotes: {
      1: { children: [new Paragraph("Tổng kim ngạch xuất khẩu đạt 3,2 tỷ USD.")] },
      2: { children: [new Paragraph("Theo số liệu của Cục Thống kê.")] },
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "KẾT LUẬN", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ numbering: { reference: "parts", level: 0 }, children: [new TextRun({ text: "ĐÁNH GIÁ CHUNG", bold: true })] }),
          new Paragraph({
            children: [new TextRun("Kinh tế tăng trưởng khá"), new FootnoteReferenceRun(1), new TextRun("; thu ngân sách đạt 85% dự toán"), new FootnoteReferenceRun(2), new TextRun(".")],
          }),
          new Paragraph({ numbering: { reference: "parts", level: 0 }, text: "NHIỆM VỤ" }),
          new Paragraph({ numbering: { reference: "items", level: 0 }, text: "Ban Tổ chức chủ trì:" }),
          new Paragraph({ numbering: { reference: "items", level: 1 }, text: "rà soát đội ngũ cán bộ;" }),
          new Paragraph({ numbering: { reference: "items", level: 1 }, text: "báo cáo trước ngày 30/6." }),
          new Paragraph({ numbering: { reference: "items", level: 0 }, text: "Văn phòng theo dõi, đôn đốc." }),
          new Paragraph({ numbering: { reference: "items", level: 2 }, text: "Tổng hợp hằng tháng." }),
          new Paragraph({ numbering: { reference: "dash", level: 0 }, text: "Thực hiện thường xuyên." }),
          new Paragraph({ numbering: { reference: "items", level: 0, instance: 2 }, text: "Danh sách mới bắt đầu lại." }),
          new Table({
            rows: [
              new TableRow({ children: ["TT", "Nội dung", "Chủ trì"].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
              new TableRow({ children: [new TableCell({ columnSpan: 3, children: [new Paragraph("I. Kinh tế")] })] }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph("1")] }),
                  new TableCell({ children: [new Paragraph("Thu ngân sách"), new Paragraph("Đầu tư công")] }),
                  new TableCell({ rowSpan: 2, children: [new Paragraph("Sở Tài chính")] }),
                ],
              }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph("2")] }), new TableCell({ children: [new Paragraph("Giải ngân")] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("readDocx on a paper made with the docx package", () => {
  it("keeps headings, bold text and Word's list labels", async () => {
    const { blocks } = await readDocx(await programmeDocx());
    expect(paragraphs(blocks)).toEqual([
      "KẾT LUẬN",
      "I. ĐÁNH GIÁ CHUNG",
      "Kinh tế tăng trưởng khá; thu ngân sách đạt 85% dự toán.",
      "II. NHIỆM VỤ",
      "1. Ban Tổ chức chủ trì:",
      "a) rà soát đội ngũ cán bộ;",
      "b) báo cáo trước ngày 30/6.",
      "2. Văn phòng theo dõi, đôn đốc.",
      "2.1. Tổng hợp hằng tháng.",
      "- Thực hiện thường xuyên.",
      "1. Danh sách mới bắt đầu lại.",
    ]);
  });

  it("returns footnotes in order, with their markers out of the body", async () => {
    const { footnotes, blocks } = await readDocx(await programmeDocx());
    expect(footnotes).toEqual(["Tổng kim ngạch xuất khẩu đạt 3,2 tỷ USD.", "Theo số liệu của Cục Thống kê."]);
    expect(JSON.stringify(blocks)).not.toMatch(/\[\d\]|↑/);
  });

  it("reads a table as rows, merged cells repeated down and left empty across", async () => {
    const { blocks } = await readDocx(await programmeDocx());
    const table = blocks.find((b) => b.kind === "table");
    expect(table).toEqual({
      kind: "table",
      rows: [
        ["TT", "Nội dung", "Chủ trì"],
        ["I. Kinh tế", "", ""],
        ["1", "Thu ngân sách\nĐầu tư công", "Sở Tài chính"],
        ["2", "Giải ngân", "Sở Tài chính"],
      ],
    });
  });
});

// ---------------------------------------------------------------------------
// Papers written part by part, as Word writes them

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

interface Parts {
  body: string;
  numbering?: string;
  styles?: string;
  extra?: Record<string, string | Uint8Array>;
}

function docxOf({ body, numbering, styles, extra }: Parts): Uint8Array {
  const rels = [
    styles ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : "",
    numbering ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : "",
  ].join("");
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/_rels/document.xml.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W} ${MC}><w:body>${body}</w:body></w:document>`),
  };
  if (numbering) files["word/numbering.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W} ${MC}>${numbering}</w:numbering>`);
  if (styles) files["word/styles.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${styles}</w:styles>`);
  for (const [k, v] of Object.entries(extra ?? {})) files[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(files);
}

const p = (text: string, props = "") => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = "") =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

describe("list labels as Word numbers them", () => {
  it("numbers headings through their styles, restarting the lower level under each heading", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "upperRoman", "%1.", '<w:pStyle w:val="Heading1"/>')}${lvl(1, "decimal", "%2.", '<w:pStyle w:val="Heading2"/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const styles =
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr>${num(1, 0)}</w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    const body = [
      p("MỤC ĐÍCH, YÊU CẦU", style("Heading1")),
      p("Mục đích", style("Heading2")),
      p("Yêu cầu", style("Heading2")),
      p("Văn bản thường."),
      p("NHIỆM VỤ", style("Heading1")),
      p("Xây dựng Đảng", style("Heading2")),
      p("Không đánh số", style("Heading1") + num(0)),
    ].join("");
    const { blocks } = await readDocx(docxOf({ body, numbering, styles }));
    expect(paragraphs(blocks)).toEqual([
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
      "2. Yêu cầu",
      "Văn bản thường.",
      "II. NHIỆM VỤ",
      "1. Xây dựng Đảng",
      "Không đánh số",
    ]);
  });

  it("continues one count across w:num instances of one definition; startOverride restarts it", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "%1)")}</w:abstractNum>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    const body = [p("một", num(2)), p("hai", num(3)), p("ba", num(2)), p("lại một", num(4)), p("lại hai", num(4)), p("lại ba", num(2))].join("");
    const { blocks } = await readDocx(docxOf({ body, numbering }));
    expect(paragraphs(blocks)).toEqual(["1) một", "2) hai", "3) ba", "1) lại một", "2) lại hai", "3) lại ba"]);
  });

  it("honours w:isLgl, w:lvlRestart and bullet glyphs of symbol fonts", async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%1.%2.", "<w:isLgl/>")}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "%1.")}${lvl(1, "lowerLetter", "%2)", '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2">${lvl(0, "bullet", "\uF0B7", '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>')}${lvl(1, "bullet", "–")}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>`;
    const body = [
      p("Phần", num(1, 0)),
      p("Mục", num(1, 1)),
      p("Một", num(2, 0)),
      p("a", num(2, 1)),
      p("Hai", num(2, 0)),
      p("tiếp", num(2, 1)),
      p("chấm", num(3, 0)),
      p("gạch", num(3, 1)),
    ].join("");
    const { blocks } = await readDocx(docxOf({ body, numbering }));
    expect(paragraphs(blocks)).toEqual(["I. Phần", "1.1. Mục", "1. Một", "a) a", "2. Hai", "b) tiếp", "• chấm", "- gạch"]);
  });

  it("counts a text box once (Word's mc:Choice and mc:Fallback hold the same paragraphs)", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "decimal", "%1.")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const box = (inner: string) => `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${inner}</w:drawing></mc:Choice><mc:Fallback><w:pict>${inner}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const body = [p("đầu", num(1)), box(`<w:txbxContent>${p("trong khung", num(1))}</w:txbxContent>`), p("cuối", num(1))].join("");
    const { blocks } = await readDocx(docxOf({ body, numbering }));
    expect(paragraphs(blocks)).toEqual(["1. đầu", "2. trong khung", "3. cuối"]);
  });

  it("formats numbers as Word does", () => {
    expect(formatNumber(27, "lowerLetter")).toBe("aa");
    expect(formatNumber(1999, "upperRoman")).toBe("MCMXCIX");
    expect(formatNumber(4, "lowerRoman")).toBe("iv");
    expect(formatNumber(7, "decimalZero")).toBe("07");
    expect(formatNumber(21, "vietnameseCounting")).toBe("hai mươi mốt");
    expect(formatNumber(15, "vietnameseCounting")).toBe("mười lăm");
  });
});

// ---------------------------------------------------------------------------
// Hostile archives

/** An archive whose only entry is `megabytes` of zeros, deflated by zlib (fast) and wrapped by hand. */
function zerosZip(name: string, megabytes: number): Uint8Array {
  const zeros = Buffer.alloc(megabytes * 1024 * 1024);
  const data = deflateRawSync(zeros, { level: 9 });
  const crc = crc32(zeros);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(zeros.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(zeros.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

/** Rewrites the uncompressed size an archive declares for its entries (central directory and local headers). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const dv = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x02014b50) dv.setUint32(i + 24, size, true);
    else if (sig === 0x04034b50) dv.setUint32(i + 22, size, true);
  }
  return out;
}

describe("hostile .docx", () => {
  it("refuses a zip bomb (200 MB of zeros) from its directory, without inflating", async () => {
    const bomb = zerosZip("word/document.xml", 200);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(readPaper(bomb, "bom.docx")).rejects.toMatchObject({
      code: "zip_bomb",
      message: "Tệp .docx có cấu trúc nén bất thường (nghi là 'bom nén'), không thể đọc.",
    });
  });

  it("refuses an entry compressed far beyond any real document, under the total limit", async () => {
    expect(await codeOf(readDocx(zerosZip("word/document.xml", 40)))).toBe("zip_bomb");
  });

  it("stops inflating an entry that produces more than it declared", async () => {
    expect(await codeOf(readDocx(declareSize(zerosZip("word/document.xml", 3), 1000)))).toBe("zip_bomb");
  });

  it("refuses an archive with too many entries", async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) files[`word/media/x${i}.xml`] = strToU8("<a/>");
    expect(await codeOf(readDocx(zipSync(files, { level: 0 })))).toBe("zip_bomb");
  });

  it("refuses DOCTYPE and ENTITY declarations in any XML part", async () => {
    const body = p("Nội dung");
    const entities = '<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>';
    expect(await codeOf(readDocx(docxOf({ body })))).toBe("ok");
    const bad = docxOf({ body, extra: { "docProps/core.xml": `<?xml version="1.0"?>${entities}<cp:coreProperties/>` } });
    await expect(readPaper(bad, "a.docx")).rejects.toMatchObject({
      code: "xml_entities",
      message: "Tệp chứa khai báo thực thể XML (DOCTYPE/ENTITY), bị từ chối vì lý do an toàn.",
    });
    const utf16 = new Uint8Array(Buffer.from(`\uFEFF<?xml version="1.0" encoding="UTF-16"?>${entities}<a/>`, "utf16le"));
    expect(await codeOf(readDocx(docxOf({ body, extra: { "word/settings.xml": utf16 } })))).toBe("xml_entities");
    const inDocument = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8(`<?xml version="1.0"?><!DOCTYPE d SYSTEM "file:///etc/passwd"><w:document ${W}/>`),
    });
    expect(await codeOf(readDocx(inDocument))).toBe("xml_entities");
  });

  it("never reads media: a broken image does not matter", async () => {
    const garbage = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    const zip = docxOf({ body: p("Có ảnh hỏng."), extra: {} });
    const files = { ...unzipSync(zip), "word/media/image1.png": garbage };
    const { blocks } = await readDocx(zipSync(files));
    expect(paragraphs(blocks)).toEqual(["Có ảnh hỏng."]);
  });

  it("tells an archive that is not a Word document", async () => {
    const zip = zipSync({ "mimetype": strToU8("application/vnd.oasis.opendocument.text"), "content.xml": strToU8("<office:document-content/>") });
    expect(await codeOf(readPaper(zip, "bang.ods"))).toBe("unsupported_format");
    expect(await codeOf(readPaper(zip, "van-ban.docx"))).toBe("corrupt");
  });

  it("repairs a .docx typed in the .VnTime fonts (TCVN3) and says so", async () => {
    const doc = await readPaper(docxOf({ body: p("Th«ng b¸o kÕt luËn cña Ban Th­êng vô TØnh ñy") + p("Văn bản Unicode.") }), "cu.docx");
    expect(doc.format).toBe("docx");
    if (doc.format !== "docx") return;
    expect(paragraphs(doc.blocks)).toEqual(["Thông báo kết luận của Ban Thường vụ Tỉnh ủy", "Văn bản Unicode."]);
    expect(doc.warnings).toEqual(["Đã chuyển mã TCVN3 sang Unicode."]);
  });
});
