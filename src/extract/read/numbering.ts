// Word list labels ("1.", "2.1.", "a)", "-"), which mammoth drops, computed from numbering.xml
// the way Word computes them (ECMA-376 §17.9):
// - a paragraph is numbered by its own w:numPr or by the one of its paragraph style (or of a style
//   it is based on); w:numId 0 switches numbering off;
// - counters belong to the abstract numbering definition, so several w:num instances of one
//   definition continue one sequence; a w:num's w:startOverride restarts its level the first
//   time that instance uses the level (the `docx` npm package gives every instance a
//   startOverride on every level, which makes each instance a list of its own);
// - using a level restarts the deeper levels (unless their w:lvlRestart says otherwise);
// - w:lvlText "%1.%2." is filled with each level's counter in that level's format.
import { escapeXml, prefixOf, qualifier, wordTags, WORDML_NAMESPACES, type XmlTag } from "./xml.ts";

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** One-based level whose use restarts this one; 0 never; undefined: any higher level. */
  restart: number | undefined;
  isLgl: boolean;
  pStyle: string | undefined;
  symbolFont: boolean;
}

interface AbstractNum {
  levels: Map<number, LevelDef>;
  numStyleLink: string | undefined;
}

interface Num {
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

export interface Numbering {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, Num>;
}

export interface StyleDef {
  id: string;
  type: string;
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  isDefault: boolean;
}

const MAX_LEVEL = 8;

function wordPrefix(first: XmlTag | undefined): string {
  return prefixOf(first, WORDML_NAMESPACES) ?? "w";
}

function intAttr(v: string | undefined): number | undefined {
  if (v === undefined || !/^-?\d{1,9}$/.test(v.trim())) return undefined;
  return Number(v.trim());
}

function emptyLevel(): LevelDef {
  return { start: 0, numFmt: "decimal", lvlText: "", restart: undefined, isLgl: false, pStyle: undefined, symbolFont: false };
}

const SYMBOL_FONTS = /^(?:symbol|wingdings.*|webdings|marlett|zapfdingbats|monotype sorts)$/i;

export function parseNumbering(xml: string): Numbering {
  const abstracts = new Map<string, AbstractNum>();
  const nums = new Map<string, Num>();
  let q = qualifier("w");
  let first = true;
  let abstract: AbstractNum | null = null;
  let num: Num | null = null;
  let level: LevelDef | null = null;
  let levelIndex = 0;
  let override: number | null = null;
  const val = (t: XmlTag) => t.attrs[q("val")];
  for (const t of wordTags(xml)) {
    if (first) {
      q = qualifier(wordPrefix(t));
      first = false;
    }
    const name = t.name;
    if (t.kind === "close") {
      if (name === q("abstractNum")) abstract = null;
      else if (name === q("num")) num = null;
      else if (name === q("lvlOverride")) override = null;
      else if (name === q("lvl") && level) {
        if (override !== null && num) num.levelOverrides.set(levelIndex, level);
        else if (abstract) abstract.levels.set(levelIndex, level);
        level = null;
      }
      continue;
    }
    if (name === q("abstractNum")) {
      const id = t.attrs[q("abstractNumId")];
      abstract = { levels: new Map(), numStyleLink: undefined };
      if (id !== undefined && t.kind === "open") abstracts.set(id, abstract);
      if (t.kind === "empty") abstract = null;
    } else if (name === q("num")) {
      const id = t.attrs[q("numId")];
      num = { abstractNumId: "", startOverrides: new Map(), levelOverrides: new Map() };
      if (id !== undefined && t.kind === "open") nums.set(id, num);
      if (t.kind === "empty") num = null;
    } else if (name === q("abstractNumId") && num) {
      num.abstractNumId = val(t) ?? "";
    } else if (name === q("lvlOverride") && num) {
      override = clampLevel(intAttr(t.attrs[q("ilvl")]) ?? 0);
      if (t.kind === "empty") override = null;
    } else if (name === q("startOverride") && num && override !== null) {
      const v = intAttr(val(t));
      if (v !== undefined) num.startOverrides.set(override, v);
    } else if (name === q("lvl") && (abstract || (num && override !== null))) {
      levelIndex = override !== null && num ? override : clampLevel(intAttr(t.attrs[q("ilvl")]) ?? 0);
      level = emptyLevel();
      if (t.kind === "empty") {
        if (override !== null && num) num.levelOverrides.set(levelIndex, level);
        else abstract?.levels.set(levelIndex, level);
        level = null;
      }
    } else if (level) {
      if (name === q("start")) level.start = intAttr(val(t)) ?? 0;
      else if (name === q("numFmt")) level.numFmt = val(t) ?? "decimal";
      else if (name === q("lvlText")) level.lvlText = val(t) ?? "";
      else if (name === q("lvlRestart")) level.restart = intAttr(val(t));
      else if (name === q("isLgl")) level.isLgl = val(t) !== "0" && val(t) !== "false";
      else if (name === q("pStyle")) level.pStyle = val(t);
      else if (name === q("rFonts")) {
        const font = t.attrs[q("ascii")] ?? t.attrs[q("hAnsi")] ?? "";
        level.symbolFont = SYMBOL_FONTS.test(font.trim());
      }
    } else if (name === q("numStyleLink") && abstract) {
      abstract.numStyleLink = val(t);
    }
  }
  return { abstracts, nums };
}

function clampLevel(n: number): number {
  return Math.max(0, Math.min(MAX_LEVEL, n));
}

export function parseStyles(xml: string): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  let q = qualifier("w");
  let first = true;
  let style: StyleDef | null = null;
  // Only the numPr directly in the style's pPr counts (not in a tracked pPrChange).
  const path: string[] = [];
  for (const t of wordTags(xml)) {
    if (first) {
      q = qualifier(wordPrefix(t));
      first = false;
    }
    if (t.kind === "close") {
      path.pop();
      if (t.name === q("style")) style = null;
      continue;
    }
    const parent = path[path.length - 1];
    if (t.name === q("style")) {
      const id = t.attrs[q("styleId")];
      style = {
        id: id ?? "",
        type: t.attrs[q("type")] ?? "paragraph",
        basedOn: undefined,
        numId: undefined,
        ilvl: undefined,
        isDefault: ["1", "true", "on"].includes(t.attrs[q("default")] ?? ""),
      };
      if (id !== undefined) styles.set(id, style);
    } else if (style) {
      const v = t.attrs[q("val")];
      if (t.name === q("basedOn") && parent === q("style")) style.basedOn = v;
      else if (t.name === q("numId") && parent === q("numPr") && path[path.length - 2] === q("pPr") && path[path.length - 3] === q("style")) style.numId = v;
      else if (t.name === q("ilvl") && parent === q("numPr") && path[path.length - 2] === q("pPr") && path[path.length - 3] === q("style")) style.ilvl = intAttr(v);
    }
    if (t.kind === "open") path.push(t.name);
  }
  return styles;
}

// ---------------------------------------------------------------------------
// Formats

const ONES = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

function vietnameseCounting(n: number): string {
  if (n < 0 || n > 99) return String(n);
  if (n < 10) return ONES[n]!;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 1) return unit === 0 ? "mười" : `mười ${unit === 5 ? "lăm" : ONES[unit]}`;
  const tail = unit === 0 ? "" : ` ${unit === 1 ? "mốt" : unit === 4 ? "tư" : unit === 5 ? "lăm" : ONES[unit]}`;
  return `${ONES[tens]} mươi${tail}`;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Word's letter numbering: a … z, then aa, bb … (the letter repeated). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.min(Math.floor((n - 1) / 26) + 1, 10));
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case "none":
    case "bullet":
      return "";
    case "decimalZero":
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "vietnameseCounting":
      return vietnameseCounting(n);
    default:
      return String(n);
  }
}

/** A bullet glyph as plain text: dashes → "-", symbol-font glyphs → "•". */
function bulletLabel(text: string, symbolFont: boolean): string {
  const t = text.trim();
  if (t.length === 0) return "";
  if (/^[-\u2010-\u2015\u2212]$/u.test(t)) return "-";
  if (t === "+" || t === "*" || t === "•") return t;
  if (symbolFont || /[\uF000-\uF0FF]/u.test(t) || t === "o" || t === "·") return "•";
  return t;
}

// ---------------------------------------------------------------------------
// Counting

export class ListNumberer {
  #numbering: Numbering;
  #styles: Map<string, StyleDef>;
  #counters = new Map<string, Array<number | undefined>>();
  #seen = new Set<string>();
  #defaultStyle: string | undefined;

  constructor(numbering: Numbering, styles: Map<string, StyleDef>) {
    this.#numbering = numbering;
    this.#styles = styles;
    for (const s of styles.values()) if (s.isDefault && s.type === "paragraph") this.#defaultStyle = s.id;
  }

  /** The abstract definition a w:num uses, following w:numStyleLink through numbering styles. */
  #resolve(numId: string): { abstractId: string; abstract: AbstractNum } | null {
    let id = numId;
    for (let hops = 0; hops < 8; hops++) {
      const num = this.#numbering.nums.get(id);
      if (!num) return null;
      const abstract = this.#numbering.abstracts.get(num.abstractNumId);
      if (!abstract) return null;
      if (abstract.numStyleLink === undefined || abstract.levels.size > 0) return { abstractId: num.abstractNumId, abstract };
      const linked = this.#styles.get(abstract.numStyleLink)?.numId;
      if (linked === undefined) return null;
      id = linked;
    }
    return null;
  }

  /** numId and level of a paragraph from its own properties and its style chain. */
  #numberingOf(pStyle: string | undefined, numId: string | undefined, ilvl: number | undefined): { numId: string; ilvl: number } | null {
    let styleNumId: string | undefined;
    let styleIlvl: number | undefined;
    let styleId = pStyle ?? this.#defaultStyle;
    const chain: string[] = [];
    for (let hops = 0; styleId !== undefined && hops < 20; hops++) {
      const style = this.#styles.get(styleId);
      if (!style) break;
      chain.push(style.id);
      if (style.numId !== undefined) {
        styleNumId = style.numId;
        styleIlvl = style.ilvl;
        break;
      }
      styleId = style.basedOn;
    }
    const id = numId ?? styleNumId;
    if (id === undefined || id === "0") return null;
    let level = ilvl ?? styleIlvl;
    if (level === undefined) {
      // A level tied to the paragraph's style (headings numbered through their styles).
      const resolved = this.#resolve(id);
      if (resolved) {
        for (const [i, l] of resolved.abstract.levels) if (l.pStyle !== undefined && chain.includes(l.pStyle)) level = i;
      }
    }
    return { numId: id, ilvl: clampLevel(level ?? 0) };
  }

  /**
   * The label of the next paragraph with these properties, counting it; null when the paragraph
   * is not numbered or its level shows no text.
   */
  next(pStyle: string | undefined, numId: string | undefined, ilvl: number | undefined): string | null {
    const at = this.#numberingOf(pStyle, numId, ilvl);
    if (!at) return null;
    const resolved = this.#resolve(at.numId);
    if (!resolved) return null;
    const num = this.#numbering.nums.get(at.numId)!;
    const levelDef = (i: number): LevelDef | undefined => num.levelOverrides.get(i) ?? resolved.abstract.levels.get(i);
    const def = levelDef(at.ilvl);
    if (!def) return null;
    let counters = this.#counters.get(resolved.abstractId);
    if (!counters) {
      counters = new Array<number | undefined>(MAX_LEVEL + 1).fill(undefined);
      this.#counters.set(resolved.abstractId, counters);
    }
    const key = `${at.numId}:${at.ilvl}`;
    if (!this.#seen.has(key)) {
      this.#seen.add(key);
      const start = num.startOverrides.get(at.ilvl);
      if (start !== undefined) counters[at.ilvl] = start - 1;
    }
    const startOf = (i: number) => num.startOverrides.get(i) ?? levelDef(i)?.start ?? 0;
    counters[at.ilvl] = (counters[at.ilvl] ?? startOf(at.ilvl) - 1) + 1;
    for (let d = at.ilvl + 1; d <= MAX_LEVEL; d++) {
      const restart = levelDef(d)?.restart;
      if (restart === undefined || (restart > 0 && at.ilvl <= restart - 1)) counters[d] = undefined;
    }
    if (def.numFmt === "bullet") return bulletLabel(def.lvlText, def.symbolFont) || null;
    const text = def.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const value = counters[i] ?? startOf(i);
      const fmt = def.isLgl && i < at.ilvl ? "decimal" : (levelDef(i)?.numFmt ?? "decimal");
      return formatNumber(value, fmt);
    });
    const label = text.trim();
    return label.length > 0 ? label : null;
  }
}

// ---------------------------------------------------------------------------
// The body

/** Private-use characters around an injected label, found again in mammoth's HTML. */
export const LABEL_OPEN = "\uE000";
export const LABEL_CLOSE = "\uE001";

interface OpenParagraph {
  depth: number;
  /** Offset just after the <w:p> start tag. */
  afterStart: number;
  pStyle: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  /** Set once the paragraph's properties are known (its pPr closed, or another child began). */
  done: boolean;
  insertAt: number;
}

/**
 * Returns the document part with each numbered paragraph's label written as a first run,
 * between LABEL_OPEN and LABEL_CLOSE, so that it survives mammoth's conversion at the right place.
 * Paragraphs are counted in document order, including those in tables and text boxes.
 */
export function injectListLabels(documentXml: string, numbering: Numbering, styles: Map<string, StyleDef>): string {
  const numberer = new ListNumberer(numbering, styles);
  let q = qualifier("w");
  let first = true;
  const path: string[] = [];
  const paragraphs: OpenParagraph[] = [];
  const insertions: Array<{ at: number; text: string }> = [];
  const finish = (p: OpenParagraph, insertAt: number) => {
    if (p.done) return;
    p.done = true;
    p.insertAt = insertAt;
    const label = numberer.next(p.pStyle, p.numId, p.ilvl);
    if (label !== null) {
      const text = escapeXml(LABEL_OPEN + label.replace(/[\uE000\uE001]/g, "") + LABEL_CLOSE);
      insertions.push({ at: insertAt, text: `<${q("r")}><${q("t")} xml:space="preserve">${text}</${q("t")}></${q("r")}>` });
    }
  };
  for (const t of wordTags(documentXml)) {
    if (first) {
      q = qualifier(wordPrefix(t));
      first = false;
    }
    const current = paragraphs[paragraphs.length - 1];
    if (t.kind === "close") {
      if (t.name === q("p") && current && path.length - 1 === current.depth) {
        finish(current, current.afterStart);
        paragraphs.pop();
      } else if (t.name === q("pPr") && current && !current.done && path.length - 1 === current.depth + 1) {
        finish(current, t.end);
      }
      path.pop();
      continue;
    }
    const depth = path.length;
    if (current && !current.done) {
      const inPPr = path[current.depth + 1] === q("pPr") && depth > current.depth + 1;
      if (depth === current.depth + 1 && t.name !== q("pPr")) {
        finish(current, t.start);
      } else if (inPPr) {
        const parent = path[depth - 1];
        const v = t.attrs[q("val")];
        if (t.name === q("pStyle") && depth === current.depth + 2) current.pStyle = v;
        else if (t.name === q("numId") && parent === q("numPr") && depth === current.depth + 3) current.numId = v;
        else if (t.name === q("ilvl") && parent === q("numPr") && depth === current.depth + 3) current.ilvl = intAttr(v);
      }
    }
    if (t.name === q("p") && t.kind === "open") {
      paragraphs.push({ depth, afterStart: t.end, pStyle: undefined, numId: undefined, ilvl: undefined, done: false, insertAt: t.end });
    }
    if (t.kind === "open") path.push(t.name);
  }
  if (insertions.length === 0) return documentXml;
  insertions.sort((a, b) => a.at - b.at);
  let out = "";
  let at = 0;
  for (const ins of insertions) {
    out += documentXml.slice(at, ins.at) + ins.text;
    at = ins.at;
  }
  return out + documentXml.slice(at);
}
