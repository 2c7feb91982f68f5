// A small HTML reader for mammoth's output, which is regular: well-nested elements, escaped text,
// double-quoted attributes, no comments or scripts. Unmatched end tags are tolerated.

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID = new Set(["br", "img", "hr", "input", "col", "meta", "link", "wbr", "area", "base", "source"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function decodeHtmlEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g, (m, dec, hex, name) => {
    if (name) return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" }[name as "amp"];
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: "#root", attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let at = 0;
  const text = (s: string) => {
    if (s.length > 0) stack[stack.length - 1]!.children.push(decodeHtmlEntities(s));
  };
  for (const m of html.matchAll(TAG)) {
    text(html.slice(at, m.index));
    at = m.index + m[0].length;
    const tag = m[2]!.toLowerCase();
    if (m[1]) {
      const i = stack.findLastIndex((e) => e.tag === tag);
      if (i > 0) stack.length = i;
      continue;
    }
    const attrs: Record<string, string> = Object.create(null);
    for (const a of (m[3] ?? "").matchAll(ATTR)) attrs[a[1]!.toLowerCase()] = decodeHtmlEntities(a[2] ?? a[3] ?? a[4] ?? "");
    const el: HtmlElement = { tag, attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (!VOID.has(tag) && !m[4]) stack.push(el);
  }
  text(html.slice(at));
  return root;
}
