// A small XML tag scanner for the parts of a .docx we read ourselves (numbering, styles,
// relationships, the document body). It yields tags with their positions so that the body can be
// edited in place; text content is not needed. Linear in the input: each step moves past what it
// read with indexOf. DOCTYPE and entity declarations were refused before any part gets here.

export interface XmlTag {
  kind: "open" | "close" | "empty";
  /** Qualified name as written: "w:p". */
  name: string;
  attrs: Record<string, string>;
  /** Offsets of "<" and just after ">". */
  start: number;
  end: number;
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function decodeXmlEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g, (m, dec, hex, name) => {
    if (name) return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[name as "amp"];
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Every tag of `xml` in order; comments, processing instructions and CDATA are skipped. */
export function* xmlTags(xml: string): Generator<XmlTag> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return;
    if (xml.startsWith("<!--", lt)) {
      const e = xml.indexOf("-->", lt + 4);
      if (e < 0) return;
      i = e + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      if (e < 0) return;
      i = e + 3;
      continue;
    }
    if (xml[lt + 1] === "?" || xml[lt + 1] === "!") {
      const e = xml.indexOf(">", lt + 2);
      if (e < 0) return;
      i = e + 1;
      continue;
    }
    // Find the closing ">" outside quoted attribute values.
    let j = lt + 1;
    let quote = "";
    for (; j < n; j++) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === ">") {
        break;
      }
    }
    if (j >= n) return;
    const inner = xml.slice(lt + 1, j);
    i = j + 1;
    if (inner.startsWith("/")) {
      yield { kind: "close", name: inner.slice(1).trim(), attrs: {}, start: lt, end: i };
      continue;
    }
    const selfClosing = inner.endsWith("/");
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const nameEnd = body.search(/[\s]/);
    const name = nameEnd < 0 ? body : body.slice(0, nameEnd);
    const attrs: Record<string, string> = Object.create(null);
    if (nameEnd >= 0) {
      for (const m of body.slice(nameEnd).matchAll(ATTR)) attrs[m[1]!] = decodeXmlEntities(m[2] ?? m[3] ?? "");
    }
    yield { kind: selfClosing ? "empty" : "open", name, attrs, start: lt, end: i };
  }
}

export const WORDML_NAMESPACES = [
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
export const MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** The prefix the root element binds to one of `uris` ("w", or "" for a default namespace), or null. */
export function prefixOf(root: XmlTag | undefined, uris: readonly string[]): string | null {
  if (!root) return null;
  for (const [k, v] of Object.entries(root.attrs)) {
    if (!uris.includes(v)) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return null;
}

/** Names in one namespace: `q("p")` is "w:p" (or "p" under a default namespace). */
export function qualifier(prefix: string): (local: string) => string {
  return (local) => (prefix ? `${prefix}:${local}` : local);
}

/**
 * Tags of a Word XML part as Word's readers see them: the content of mc:Choice is dropped and
 * that of mc:Fallback kept (mammoth does the same), so nothing is counted twice.
 */
export function* wordTags(xml: string): Generator<XmlTag> {
  let root: XmlTag | undefined;
  let skipDepth = 0;
  let choice = "mc:Choice";
  for (const tag of xmlTags(xml)) {
    if (!root && tag.kind !== "close") {
      root = tag;
      choice = qualifier(prefixOf(root, [MC_NAMESPACE]) ?? "mc")("Choice");
    }
    if (skipDepth > 0) {
      if (tag.name === choice) {
        if (tag.kind === "open") skipDepth++;
        else if (tag.kind === "close") skipDepth--;
      }
      continue;
    }
    if (tag.name === choice && tag.kind === "open") {
      skipDepth = 1;
      continue;
    }
    yield tag;
  }
}
