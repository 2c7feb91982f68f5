// .docx: the archive is inspected (zip.ts) before anything is inflated; only its XML parts are
// inflated, within limits, and refused if they declare a DOCTYPE or entities. Word's list labels,
// which mammoth drops, are computed from numbering.xml and written into the body as marked runs
// (numbering.ts). mammoth then converts a clean archive holding only those checked XML parts
// (no media: images are never read) to HTML, which is turned into blocks here.
import { zipSync } from "fflate";
import mammoth from "mammoth";
import { PaperError } from "../errors.ts";
import type { Block } from "../types.ts";
import { parseHtml, type HtmlElement, type HtmlNode } from "./html.ts";
import { injectListLabels, LABEL_CLOSE, LABEL_OPEN, parseNumbering, parseStyles } from "./numbering.ts";
import { xmlTags } from "./xml.ts";
import { inflateEntry, listZip, MAX_ZIP_TOTAL_BYTES } from "./zip.ts";

export interface DocxContent {
  blocks: Block[];
  footnotes: string[];
  warnings: string[];
}

const XML_PART = /(?:\.xml|\.rels)$/i;
const ENTITY_DECLARATION = /<!DOCTYPE|<!ENTITY/i;
const OFFICE_DOCUMENT = /\/officeDocument$/;

function decodeXmlPart(bytes: Uint8Array): { text: string; wasUtf16: boolean } {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  const nulLe = !le && !be && bytes[0] === 0x3c && bytes[1] === 0;
  const nulBe = !le && !be && bytes[0] === 0 && bytes[1] === 0x3c;
  if (le || be || nulLe || nulBe) {
    const text = new TextDecoder(le || nulLe ? "utf-16le" : "utf-16be").decode(bytes);
    return { text, wasUtf16: true };
  }
  return { text: new TextDecoder("utf-8").decode(bytes), wasUtf16: false };
}

interface Relationship {
  type: string;
  target: string;
}

function readRelationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const t of xmlTags(xml)) {
    if (t.kind === "close" || !/(?:^|:)Relationship$/.test(t.name)) continue;
    const type = t.attrs.Type;
    const target = t.attrs.Target;
    if (type && target && t.attrs.TargetMode !== "External") out.push({ type, target });
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Reads a .docx. Throws PaperError("unsupported_format") for an archive that is not a Word document. */
export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const entries = listZip(bytes);
  const budget = { remaining: MAX_ZIP_TOTAL_BYTES };
  const parts = new Map<string, string>();
  for (const entry of entries) {
    if (!XML_PART.test(entry.name) || entry.name.endsWith("/")) continue;
    const { text, wasUtf16 } = decodeXmlPart(inflateEntry(bytes, entry, budget));
    if (ENTITY_DECLARATION.test(text)) throw new PaperError("xml_entities");
    parts.set(entry.name, wasUtf16 ? text.replace(/^\uFEFF/, "").replace(/(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, "$1UTF-8$2") : text);
  }
  const main = readRelationships(parts.get("_rels/.rels")).find((r) => OFFICE_DOCUMENT.test(r.type));
  const mainPath = main ? resolvePath("", main.target) : "word/document.xml";
  const body = parts.get(mainPath);
  if (body === undefined || !/<(?:\w+:)?document[\s>]/.test(body.slice(0, 4096))) throw new PaperError("unsupported_format");

  const rels = readRelationships(parts.get(relsPathOf(mainPath)));
  const partOf = (kind: string, fallback: string) => {
    const r = rels.find((x) => x.type.endsWith(`/${kind}`));
    return parts.get(r ? resolvePath(mainPath, r.target) : fallback);
  };
  const numberingXml = partOf("numbering", "word/numbering.xml");
  const stylesXml = partOf("styles", "word/styles.xml");
  if (numberingXml !== undefined) {
    parts.set(mainPath, injectListLabels(body, parseNumbering(numberingXml), parseStyles(stylesXml ?? "")));
  }

  const clean: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  for (const [name, text] of parts) clean[name] = encoder.encode(text);
  let html: string;
  try {
    const zip = zipSync(clean, { level: 0 });
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) },
      {
        idPrefix: ID_PREFIX,
        ignoreEmptyParagraphs: true,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    html = result.value;
  } catch (e) {
    throw new PaperError("corrupt", undefined, { cause: e });
  }
  return htmlToBlocks(html);
}

// ---------------------------------------------------------------------------
// HTML → blocks

const ID_PREFIX = "dondoc-";
const NOTE_ID = new RegExp(`^${ID_PREFIX}(?:footnote|endnote)-\\d+$`);
const NOTE_REF_ID = new RegExp(`^${ID_PREFIX}(?:footnote|endnote)-ref-\\d+$`);
const BACKLINK = new RegExp(`^#${ID_PREFIX}(?:footnote|endnote)-ref-`);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "blockquote"]);
const MARKERS = /[\uE000\uE001]/g;

function isElement(n: HtmlNode): n is HtmlElement {
  return typeof n !== "string";
}

/** Inline text of an element; block children (lists, tables) are left to the caller. */
function inlineText(el: HtmlElement, skip: (e: HtmlElement) => boolean = () => false): string {
  let out = "";
  for (const c of el.children) {
    if (!isElement(c)) {
      out += c;
      continue;
    }
    if (skip(c)) continue;
    if (c.tag === "br") out += "\n";
    else if (c.tag === "img") continue;
    else if (c.tag === "sup" && c.children.some((x) => isElement(x) && NOTE_REF_ID.test(x.attrs.id ?? ""))) continue;
    else if (c.tag === "a" && BACKLINK.test(c.attrs.href ?? "")) continue;
    else if (c.tag === "table") out += `\n${tableText(c)}\n`;
    else if (c.tag === "ol" || c.tag === "ul") out += `\n${listText(c)}\n`;
    else if (c.tag === "p" || /^h[1-6]$/.test(c.tag) || c.tag === "li") out += `\n${inlineText(c)}\n`;
    else out += inlineText(c, skip);
  }
  return out;
}

/** Splits the label written by injectListLabels off the start of a text. */
function splitLabel(text: string): { label: string | undefined; text: string } {
  const lead = text.match(/^\s*\uE000([^\uE000\uE001]*)\uE001/);
  if (!lead) return { label: undefined, text: text.replace(MARKERS, "") };
  const label = lead[1]!.trim();
  return { label: label.length > 0 ? label : undefined, text: text.slice(lead[0].length).replace(MARKERS, "") };
}

function cleanText(s: string): string {
  return s
    .split("\n")
    .map((l) => l.trim())
    .filter((l, i, all) => l.length > 0 || (i > 0 && i < all.length - 1 && all[i - 1]!.length > 0))
    .join("\n")
    .trim();
}

function paragraphBlock(raw: string): Block | null {
  const { label, text } = splitLabel(raw);
  const t = cleanText(text);
  if (t.length === 0) return null;
  return label ? { kind: "paragraph", text: t, label } : { kind: "paragraph", text: t };
}

/** A table cell or list as text: one line per paragraph, labels kept in front. */
function withLabel(raw: string): string {
  const { label, text } = splitLabel(raw);
  const t = cleanText(text);
  return label && t ? `${label} ${t}` : t;
}

function listText(list: HtmlElement): string {
  const lines: string[] = [];
  for (const li of list.children) {
    if (!isElement(li)) continue;
    lines.push(withLabel(inlineText(li, (c) => c.tag === "ol" || c.tag === "ul")));
    for (const c of li.children) if (isElement(c) && (c.tag === "ol" || c.tag === "ul")) lines.push(listText(c));
  }
  return lines.filter((l) => l.length > 0).join("\n");
}

function cellText(cell: HtmlElement): string {
  const lines: string[] = [];
  let inline = "";
  const flush = () => {
    if (inline.trim()) lines.push(withLabel(inline));
    inline = "";
  };
  for (const c of cell.children) {
    if (isElement(c) && (c.tag === "p" || /^h[1-6]$/.test(c.tag))) {
      flush();
      lines.push(withLabel(inlineText(c)));
    } else if (isElement(c) && (c.tag === "ol" || c.tag === "ul")) {
      flush();
      lines.push(listText(c));
    } else if (isElement(c) && c.tag === "table") {
      flush();
      lines.push(tableText(c));
    } else {
      inline += isElement(c) ? inlineText({ tag: "#", attrs: {}, children: [c] }) : c;
    }
  }
  flush();
  return lines.filter((l) => l.length > 0).join("\n");
}

function tableText(table: HtmlElement): string {
  return tableRows(table)
    .map((r) => r.filter((c) => c.length > 0).join(" | "))
    .filter((l) => l.length > 0)
    .join("\n");
}

function rowsOf(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const c of table.children) {
    if (!isElement(c)) continue;
    if (c.tag === "tr") rows.push(c);
    else if (c.tag === "thead" || c.tag === "tbody" || c.tag === "tfoot") rows.push(...rowsOf(c));
  }
  return rows;
}

function span(v: string | undefined): number {
  const n = Number(v ?? "1");
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/**
 * The table as a grid. A cell merged across rows repeats its text in every row it covers (each
 * row of a task table then names its lead body); a cell merged across columns keeps its text in
 * the first column and leaves the others empty, so columns stay aligned.
 */
export function tableRows(table: HtmlElement): string[][] {
  const grid: string[][] = [];
  const pending: Array<{ text: string; rows: number } | undefined> = [];
  for (const tr of rowsOf(table)) {
    const row: string[] = [];
    let col = 0;
    const fillPending = () => {
      while (pending[col] && pending[col]!.rows > 0) {
        row[col] = pending[col]!.text;
        pending[col]!.rows--;
        col++;
      }
    };
    for (const cell of tr.children) {
      if (!isElement(cell) || (cell.tag !== "td" && cell.tag !== "th")) continue;
      fillPending();
      const text = cellText(cell);
      const colspan = span(cell.attrs.colspan);
      const rowspan = span(cell.attrs.rowspan);
      for (let k = 0; k < colspan; k++) {
        row[col + k] = k === 0 ? text : "";
        pending[col + k] = rowspan > 1 ? { text: k === 0 ? text : "", rows: rowspan - 1 } : undefined;
      }
      col += colspan;
    }
    // Cells merged from above at the end of the row.
    for (; col < pending.length; col++) {
      if (pending[col] && pending[col]!.rows > 0) {
        row[col] = pending[col]!.text;
        pending[col]!.rows--;
      }
    }
    grid.push(Array.from(row, (c) => c ?? ""));
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]).filter((r) => r.some((c) => c.length > 0));
}

export function htmlToBlocks(html: string): DocxContent {
  const root = parseHtml(html);
  const blocks: Block[] = [];
  const footnotes: string[] = [];
  const push = (b: Block | null) => {
    if (b) blocks.push(b);
  };
  const walkList = (list: HtmlElement) => {
    for (const li of list.children) {
      if (!isElement(li)) continue;
      if (NOTE_ID.test(li.attrs.id ?? "")) {
        const note = cleanText(inlineText(li).replace(MARKERS, "")).replace(/\s+/g, " ").trim();
        if (note) footnotes.push(note);
        continue;
      }
      if (li.tag !== "li") {
        walk(li);
        continue;
      }
      push(paragraphBlock(inlineText(li, (c) => c.tag === "ol" || c.tag === "ul" || c.tag === "table" || c.tag === "p")));
      for (const c of li.children) {
        if (!isElement(c)) continue;
        if (c.tag === "ol" || c.tag === "ul") walkList(c);
        else if (c.tag === "table") walk(c);
        else if (c.tag === "p") push(paragraphBlock(inlineText(c)));
      }
    }
  };
  const walk = (el: HtmlElement) => {
    for (const c of el.children) {
      if (!isElement(c)) {
        push(paragraphBlock(c));
        continue;
      }
      if (HEADINGS.has(c.tag)) push(paragraphBlock(inlineText(c)));
      else if (c.tag === "ol" || c.tag === "ul") walkList(c);
      else if (c.tag === "table") {
        const rows = tableRows(c);
        if (rows.length > 0) blocks.push({ kind: "table", rows });
      } else if (c.tag === "dl") continue;
      else walk(c);
    }
  };
  walk(root);
  return { blocks, footnotes, warnings: [] };
}

