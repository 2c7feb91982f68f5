import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { type Align, type Annex, type Block, type Cell, cellText, type Inline, type PartyDocument, roman, type TableBlock } from "./model.ts";

// The model of ./model.ts as a .docx laid out per Hướng dẫn 36-HD/VPTW: A4, margins top and
// bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt body, justified, first line
// indented 1,27 cm, single-and-a-bit line spacing, 6 pt between paragraphs; page numbers centred
// at the top from the second page. Output is reproducible: the same model gives the same bytes
// (timestamps inside the file come from the model, the zip carries a fixed date).

export const FONT = "Times New Roman";
/** Millimetres to twips, rounded (the library's own helper rounds down: A4 would be 11905 wide). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const PAGE = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 } as const;
/** The width of the text area in twips (165 mm). */
const TEXT_WIDTH = convertMillimetersToTwip(PAGE.width - PAGE.left - PAGE.right);
const FIRST_LINE = convertMillimetersToTwip(12.7);
const LINE = 264; // 1.1 × single spacing (in 240ths of a line)
const pt = (n: number) => n * 2; // half-points
const afterPt = (n: number) => n * 20; // twips

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: pt(style.size ?? 14),
    bold: style.bold,
    italics: style.italic,
    ...(style.underline ? { underline: {} } : {}),
  });
}

/** Collects footnotes in order of appearance while the body is written. */
class Footnotes {
  readonly notes: Record<number, { children: Paragraph[] }> = {};
  private next = 1;

  add(text: string): number {
    const id = this.next++;
    this.notes[id] = {
      children: [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [run(text, { size: 12 })] })],
    };
    return id;
  }
}

function inlines(content: Inline[], base: RunStyle, notes: Footnotes): (TextRun | FootnoteReferenceRun)[] {
  return content.map((c) => {
    if (typeof c === "string") return run(c, base);
    if ("footnote" in c) return new FootnoteReferenceRun(notes.add(c.footnote));
    return run(c.text, { ...base, bold: c.bold ?? base.bold, italic: c.italic ?? base.italic, underline: c.underline ?? base.underline });
  });
}

function bodyParagraph(children: (TextRun | FootnoteReferenceRun)[], opts: { indent?: boolean; align?: Align; keepNext?: boolean; before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[opts.align ?? "justify"],
    indent: opts.indent === false ? undefined : { firstLine: FIRST_LINE },
    spacing: { before: afterPt(opts.before ?? 0), after: afterPt(opts.after ?? 6), line: LINE, lineRule: LineRuleType.AUTO },
    keepNext: opts.keepNext,
    children,
  });
}

function centred(text: string, style: RunStyle, after = 0, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: afterPt(before), after: afterPt(after), line: 240, lineRule: LineRuleType.AUTO }, children: [run(text, style)] });
}

function sectionNumber(path: number[]): string {
  const depth = path.length;
  if (depth === 1) return `${roman(path[0]!)}.`;
  if (depth === 2) return `${path[1]}.`;
  if (depth === 3) return `${path[1]}.${path[2]}.`;
  return `${String.fromCharCode(96 + path[depth - 1]!)})`;
}

function heading(path: number[], title: string): Paragraph {
  const depth = path.length;
  const text = `${sectionNumber(path)} ${depth === 1 ? title.toLocaleUpperCase("vi") : title}`;
  return bodyParagraph([run(text, { bold: depth <= 3, italic: depth >= 3 })], { keepNext: true, before: depth === 1 ? 6 : 0 });
}

// Tables are written as WordprocessingML directly: a report's annex has thousands of rows, and
// building them as library objects costs seconds. The body holds a marker paragraph where each
// table goes; renderDocx puts the table's XML in its place.

const JC: Record<Align, string> = { left: "left", center: "center", right: "right", justify: "both" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;")).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

function cellXml(cell: Cell, width: number, span: number, align: Align, size: number, bold: boolean, italic: boolean): string {
  const text = cellText(cell);
  const rPr = `<w:rPr>${bold ? "<w:b/><w:bCs/>" : ""}${italic ? "<w:i/><w:iCs/>" : ""}<w:sz w:val="${pt(size)}"/><w:szCs w:val="${pt(size)}"/></w:rPr>`;
  const runs = text
    .split("\n")
    .map((line, i) => `<w:r>${rPr}${i ? "<w:br/>" : ""}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join("");
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:spacing w:before="30" w:after="30" w:line="240" w:lineRule="auto"/><w:jc w:val="${JC[align]}"/></w:pPr>${text ? runs : ""}</w:p></w:tc>`
  );
}

/** A table as WordprocessingML: thin borders, a header row repeated on every page, rows kept whole. */
export function tableXml(block: TableBlock): string {
  const size = block.size ?? 12;
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.round((c.width / total) * TEXT_WIDTH));
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
      `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
  ];
  const row = (cells: Cell[], header: boolean, bold: boolean) => {
    let col = 0;
    let xml = `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>`;
    for (const cell of cells) {
      if (col >= widths.length) break;
      const obj = typeof cell === "object" && cell !== null ? cell : null;
      const span = Math.max(1, Math.min(obj?.colSpan ?? 1, widths.length - col));
      const width = widths.slice(col, col + span).reduce((a, w) => a + w, 0);
      const align: Align = header ? "center" : (obj?.align ?? block.columns[col]?.align ?? (typeof cell === "number" ? "right" : "left"));
      xml += cellXml(cell, width, span, align, size, header || bold || Boolean(obj?.bold), Boolean(obj?.italic));
      col += span;
    }
    // A short row is padded so that every row covers the grid.
    for (; col < widths.length; col++) xml += cellXml(null, widths[col]!, 1, "left", size, false, false);
    return `${xml}</w:tr>`;
  };
  parts.push(
    row(
      block.columns.map((c) => c.title),
      true,
      true,
    ),
  );
  for (const r of block.rows) parts.push(row(r, false, false));
  for (const r of block.totalRows ?? []) parts.push(row(r, false, true));
  parts.push("</w:tbl>");
  return parts.join("");
}

/** Tables waiting to be put in place of their marker paragraphs. */
class TableSlots {
  readonly xml = new Map<string, string>();

  marker(block: TableBlock): Paragraph {
    const key = `\u27e6DONDOC-TABLE-${this.xml.size + 1}\u27e7`;
    this.xml.set(key, tableXml(block));
    return new Paragraph({ children: [new TextRun(key)] });
  }

  /** Replaces each marker paragraph of document.xml by its table. */
  fill(documentXml: string): string {
    let out = documentXml;
    for (const [key, xml] of this.xml) {
      const at = out.indexOf(key);
      if (at < 0) throw new Error(`table marker ${key} not found`);
      const open = Math.max(out.lastIndexOf("<w:p>", at), out.lastIndexOf("<w:p ", at));
      const close = out.indexOf("</w:p>", at) + "</w:p>".length;
      out = out.slice(0, open) + xml + out.slice(close);
    }
    return out;
  }
}

const PX_PER_MM = 96 / 25.4;

interface Context {
  notes: Footnotes;
  tables: TableSlots;
  counters: { tables: number; figures: number };
}

function blocks(list: Block[], ctx: Context, path: number[]): (Paragraph | Table)[] {
  const { notes, counters } = ctx;
  const out: (Paragraph | Table)[] = [];
  let sectionIndex = 0;
  for (const block of list) {
    switch (block.kind) {
      case "paragraph":
        out.push(
          bodyParagraph(inlines(block.content, { bold: block.bold, italic: block.italic, size: block.size }, notes), {
            indent: block.indent,
            align: block.align,
            keepNext: block.keepNext,
          }),
        );
        break;
      case "dash":
        out.push(bodyParagraph([run("- "), ...inlines(block.content, {}, notes)]));
        break;
      case "section": {
        sectionIndex++;
        const here = [...path, sectionIndex];
        out.push(heading(here, block.title));
        out.push(...blocks(block.blocks, ctx, here));
        break;
      }
      case "table":
        if (block.caption) {
          counters.tables++;
          out.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              keepNext: true,
              spacing: { before: afterPt(6), after: afterPt(4), line: 240, lineRule: LineRuleType.AUTO },
              children: [run(`Bảng ${counters.tables}. ${block.caption}`, { bold: true, size: 13 })],
            }),
          );
        }
        out.push(ctx.tables.marker(block));
        out.push(
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: { before: afterPt(2), after: afterPt(6), line: 240, lineRule: LineRuleType.AUTO },
            children: block.note ? [run(block.note, { italic: true, size: 12 })] : [],
          }),
        );
        break;
      case "image":
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: Boolean(block.caption),
            spacing: { before: afterPt(6), after: afterPt(2), line: 240, lineRule: LineRuleType.AUTO },
            children: [
              new ImageRun({
                type: "png",
                data: block.png,
                transformation: { width: Math.round(block.widthMm * PX_PER_MM), height: Math.round(block.heightMm * PX_PER_MM) },
                altText: { name: block.caption ?? "Biểu đồ", description: block.caption ?? "Biểu đồ", title: block.caption ?? "Biểu đồ" },
              }),
            ],
          }),
        );
        if (block.caption) {
          counters.figures++;
          out.push(centred(`Biểu đồ ${counters.figures}. ${block.caption}`, { italic: true, size: 13 }, 8));
        }
        break;
      case "pageBreak":
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  return out;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "Đồng Tháp, ngày 05 tháng 02 năm 2025"; without a date: "Đồng Tháp, ngày      tháng      năm 2025". */
export function placeAndDate(place: string, date: string | null, year: number): string {
  if (!date) return `${place}, ngày      tháng      năm ${year}`;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${place}, ngày ${pad2(d)} tháng ${pad2(m)} năm ${y}`;
}

/** "Số 125-BC/TU"; without a number "Số      -BC/TU". */
export function numberLine(number: number | null, symbol: string): string {
  return number === null ? `Số      -${symbol}` : `Số ${number}-${symbol}`;
}

function cell(children: Paragraph[], widthTwips: number): TableCell {
  return new TableCell({ width: { size: widthTwips, type: WidthType.DXA }, borders: NO_BORDERS, children });
}

function borderless(columns: number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    // The row is kept whole: "Nơi nhận" and the signature stay together on one page.
    rows: [new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, columns[i]!)) })],
  });
}

// Columns of the header and of the closing block, in twips (they add up to the text width).
const HEADER_LEFT = convertMillimetersToTwip(72);
const CLOSING_LEFT = Math.round(TEXT_WIDTH / 2);

function headerBlock(doc: PartyDocument): Table {
  const left: Paragraph[] = [];
  if (doc.issuer.superior) left.push(centred(doc.issuer.superior.toLocaleUpperCase("vi"), {}));
  left.push(centred(doc.issuer.name.toLocaleUpperCase("vi"), { bold: true }));
  left.push(centred("*", {}, 6));
  left.push(centred(numberLine(doc.number, doc.symbol), {}));
  if (doc.letter) left.push(centred(doc.letter.regarding, { italic: true, size: 12 }));
  if (doc.draft) left.push(centred("Dự thảo", { bold: true, italic: true }, 0, 6));
  const rightWidth = TEXT_WIDTH - HEADER_LEFT;
  // The rule under "ĐẢNG CỘNG SẢN VIỆT NAM" is as long as the words: the paragraph's border,
  // with the paragraph narrowed to the words' width (about 81 mm at 15 pt bold).
  const motto = convertMillimetersToTwip(81);
  const side = Math.max(0, Math.round((rightWidth - motto) / 2));
  const right: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: side, right: side },
      spacing: { after: afterPt(14), line: 240, lineRule: LineRuleType.AUTO },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
      children: [run("ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, size: 15 })],
    }),
    centred(placeAndDate(doc.place, doc.date, doc.year), { italic: true }),
  ];
  return borderless([HEADER_LEFT, rightWidth], [left, right]);
}

function titleBlock(doc: PartyDocument): Paragraph[] {
  if (doc.letter) return addresseesBlock(doc.letter.addressees);
  return [
    centred(doc.kind.toLocaleUpperCase("vi"), { bold: true, size: 16 }, 2, 24),
    ...doc.subject.map((line) => centred(line, { bold: true })),
    centred("-----", {}, 12),
  ];
}

/** "Kính gửi: X" on one line, or the addressees as a dash list under "Kính gửi:". */
function addresseesBlock(addressees: string[]): Paragraph[] {
  const line = (children: TextRun[], indent: number, after = 0) =>
    new Paragraph({ indent: { left: indent }, spacing: { before: 0, after: afterPt(after), line: LINE, lineRule: LineRuleType.AUTO }, children });
  const label = run("Kính gửi: ", { italic: true });
  const left = convertMillimetersToTwip(35);
  if (addressees.length === 1) return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: afterPt(12), after: afterPt(12) }, children: [label, run(addressees[0]!)] })];
  return [
    new Paragraph({ indent: { left }, spacing: { before: afterPt(12), after: 0 }, children: [label] }),
    ...addressees.map((a, k) => line([run(`- ${a}${k === addressees.length - 1 ? "." : ","}`)], left + convertMillimetersToTwip(10), k === addressees.length - 1 ? 12 : 0)),
  ];
}

function closingBlock(doc: PartyDocument): Table {
  const left: Paragraph[] = [
    new Paragraph({ spacing: { after: 0 }, children: [run("Nơi nhận:", { underline: true, bold: true, italic: true, size: 14 })] }),
    ...doc.recipients.map((r) => new Paragraph({ spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [run(`- ${r}`, { size: 12 })] })),
  ];
  const s = doc.signature;
  const right: Paragraph[] = [
    ...(s.authority ? [centred(s.authority.toLocaleUpperCase("vi"), { bold: true })] : []),
    centred(s.position.toLocaleUpperCase("vi"), { bold: true }),
    ...[1, 2, 3, 4].map(() => centred("", {})),
    centred(s.name ?? "", { bold: true }),
  ];
  return borderless([CLOSING_LEFT, TEXT_WIDTH - CLOSING_LEFT], [left, right]);
}

function annexBlocks(annexes: Annex[], ctx: Context): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  annexes.forEach((a, k) => {
    out.push(
      new Paragraph({
        pageBreakBefore: true,
        alignment: AlignmentType.CENTER,
        spacing: { after: afterPt(4) },
        children: [run(annexes.length > 1 ? `PHỤ LỤC ${roman(k + 1)}` : "PHỤ LỤC", { bold: true })],
      }),
    );
    out.push(centred(a.title, { bold: true }, a.subtitle ? 0 : 10));
    if (a.subtitle) out.push(centred(a.subtitle, { italic: true }, 10));
    out.push(...blocks(a.blocks, ctx, []));
  });
  return out;
}

function pageHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })] })],
  });
}

/** Builds the docx object of a Party paper; its tables are filled in by `renderDocx`. */
export function buildDocument(doc: PartyDocument): { document: Document; tables: TableSlots } {
  const ctx: Context = { notes: new Footnotes(), tables: new TableSlots(), counters: { tables: 0, figures: 0 } };
  const notes = ctx.notes;
  const body = blocks(doc.body, ctx, []);
  const annexes = annexBlocks(doc.annexes ?? [], ctx);
  const document = new Document({
    title: doc.properties.title,
    subject: doc.properties.subject,
    creator: doc.properties.creator,
    lastModifiedBy: doc.properties.creator,
    keywords: doc.properties.keywords,
    revision: 1,
    styles: {
      default: {
        document: { run: { font: FONT, size: pt(14) }, paragraph: { spacing: { line: LINE, lineRule: LineRuleType.AUTO } } },
        footnoteText: { run: { font: FONT, size: pt(12) } },
      },
    },
    footnotes: notes.notes,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(PAGE.width), height: convertMillimetersToTwip(PAGE.height) },
            margin: {
              top: convertMillimetersToTwip(PAGE.top),
              bottom: convertMillimetersToTwip(PAGE.bottom),
              left: convertMillimetersToTwip(PAGE.left),
              right: convertMillimetersToTwip(PAGE.right),
              header: convertMillimetersToTwip(PAGE.header),
              footer: convertMillimetersToTwip(PAGE.footer),
            },
          },
        },
        headers: { default: pageHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: [headerBlock(doc), ...titleBlock(doc), ...body, new Paragraph({ keepNext: true, spacing: { after: afterPt(6) }, children: [] }), closingBlock(doc), ...annexes],
      },
    ],
  });
  return { document, tables: ctx.tables };
}

/** A fixed instant as Office writes it in core.xml: 2024-12-31T17:00:00Z. */
function w3cdtf(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/**
 * Makes a .docx reproducible: the created/modified timestamps become the model's, drawings are
 * numbered from 1 in each file, and the zip is rewritten with a fixed date. (The library draws random ids only for hyperlinks, comments and text
 * boxes, which the model does not use; a test checks that two generations are identical.)
 */
export function normalizeDocx(bytes: Uint8Array, created: Date, tables?: TableSlots): Uint8Array {
  const files = unzipSync(bytes);
  const stamp = w3cdtf(created);
  const out: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  const mtime = new Date(Math.max(created.getTime(), Date.UTC(1980, 1, 1)));
  let drawing = 0;
  for (const name of Object.keys(files)) {
    let data = files[name]!;
    if (name === "docProps/core.xml") {
      data = strToU8(strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`));
    } else if (name === "word/document.xml" && tables?.xml.size) {
      const text = tables.fill(strFromU8(data));
      data = strToU8(text.includes("<wp:docPr ") ? text.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`) : text);
    } else if (name.startsWith("word/") && name.endsWith(".xml")) {
      // Drawing ids come from a counter that lives as long as the process: number them per file.
      const text = strFromU8(data);
      if (text.includes("<wp:docPr ")) data = strToU8(text.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`));
    }
    out[name] = [data, { mtime, level: 6 }];
  }
  return zipSync(out);
}

/** The .docx file of a Party paper; the same model always gives the same bytes. */
export async function renderDocx(doc: PartyDocument): Promise<Uint8Array> {
  const { document, tables } = buildDocument(doc);
  const bytes = await Packer.toBuffer(document);
  return normalizeDocx(new Uint8Array(bytes), doc.properties.created, tables);
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
