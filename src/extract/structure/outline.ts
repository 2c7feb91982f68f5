// The outline of a paper's body: numbered items ("I.", "1.", "1.1.", "a)") and bullets ("-", "+", "•")
// nested by their kind of label, each with the unlabelled paragraphs that follow it. Bullets end with
// their paragraph; a numbered item runs to the next item of the same or a higher level. A title-only
// item ("1.3. Phương hướng, nhiệm vụ") whose content was a list is closed by the next unlabelled
// paragraph, which then belongs to the item above it (002: "Giao Văn phòng Tỉnh ủy …" ends item 1).
import type { Para, Part, Table } from "./document.ts";
import { isRomanNumeral } from "./numbers.ts";
import { isAppendixHeading } from "../layout.ts";

export interface OutlineNode {
  para: Para | null;
  kind: LabelKind;
  /** The label without its final "." or ")": "1.3", "II", "a", "-". */
  number: string;
  children: OutlineNode[];
  /** Unlabelled paragraphs after the label paragraph, before any child. */
  body: Para[];
  /** Unlabelled paragraphs after the children. */
  trailing: Para[];
  /** Tables written under this item (a task table under "II. NHIỆM VỤ TRỌNG TÂM"). */
  tables: Table[];
  parent: OutlineNode | null;
  /** The free paragraph that introduced the list this node opens (root lists only). */
  leadIn: Para | null;
}

export type LabelKind = "root" | "article" | "roman" | "number" | "letter" | "paren" | "dash" | "plus" | "dot";

export interface Outline {
  root: OutlineNode;
  /** Paragraphs outside any item (opening, lead-ins, closings). */
  free: Para[];
}

// "Trên đây là …", "Nơi nhận", "Chỉ thị này được phổ biến …", "Văn phòng Tỉnh ủy thông báo để các cơ quan … thực
// hiện": the paper's closing.
const CLOSING = /^(?:Trên đây là|Trên đây\b|Nơi nhận|(?:Chỉ thị|Kết luận|Nghị quyết|Kế hoạch|Chương trình|Thông báo|Quyết định|Đề án|Hướng dẫn) này (?:được|có hiệu lực)|[^.;:]{3,60}\sthông báo (?:để|đến)\s)/u;

/**
 * Where CLOSING's "thông báo " must end: it starts after at most 60 characters (two code units each when
 * astral) and one white space.
 */
const NOTICE_END_BOUND = 2 * 60 + 1 + "thông báo ".length;

/** "Chỉ thị này được phổ biến đến chi bộ.", "Nghị quyết này có hiệu lực …": the paper speaking of itself. */
const PAPER_ITSELF = /^\p{Lu}[\p{Ll}\p{M}]{1,8}(?: [\p{Ll}\p{M}]{1,8})? này /u;

export function isClosingParagraph(text: string): boolean {
  // Every closing starts with "Trên đây", "Nơi nhận" or "<kind> này", or holds "thông báo " near its start: most
  // paragraphs are dismissed without the pattern, and without reading past that start.
  if (!text.startsWith("Trên đây") && !text.startsWith("Nơi nhận") && !PAPER_ITSELF.test(text) && !text.slice(0, NOTICE_END_BOUND).includes("thông báo ")) return false;
  return CLOSING.test(text);
}

const ARTICLE = /^Điều\s{1,3}(\d{1,3})\.\s/u;

export function labelKind(label: string): { kind: LabelKind; number: string; depth: number } {
  const core = label.replace(/[.)]+$/, "").replace(/^\(/, "");
  if (/^[-–]$/.test(label)) return { kind: "dash", number: "-", depth: 0 };
  if (label === "+") return { kind: "plus", number: "+", depth: 0 };
  if (/^[•*·]$/.test(label)) return { kind: "dot", number: label, depth: 0 };
  if (label.startsWith("(")) return { kind: "paren", number: core, depth: 0 };
  if (/^\d+(?:\.\d+)*$/.test(core)) return { kind: "number", number: core, depth: core.split(".").length };
  if (isRomanNumeral(core)) return { kind: "roman", number: core, depth: 0 };
  return { kind: "letter", number: core, depth: 0 };
}

/** How deep a kind of label sits: lower ranks contain higher ones. */
function rank(kind: LabelKind, depth: number): number {
  switch (kind) {
    case "root":
      return -1;
    case "article":
    case "roman":
      return 0;
    case "number":
      return depth;
    case "letter":
      return 10;
    case "paren":
      return 11;
    case "dash":
      return 20;
    case "plus":
      return 21;
    case "dot":
      return 22;
  }
}

export function isBullet(node: OutlineNode): boolean {
  return node.kind === "dash" || node.kind === "plus" || node.kind === "dot";
}

/** A label paragraph that is only a title: short, no sentence end ("1.1. Công tác dân vận", "II. CÔNG TÁC …"). */
export function isTitleOnly(para: Para | null): boolean {
  if (!para) return false;
  const t = para.text;
  return t.length <= 160 && !/[.;!?…:]["”)]?$/.test(t);
}

interface StackEntry {
  node: OutlineNode;
  rank: number;
  depth: number;
}

export function buildOutline(parts: readonly Part[]): Outline {
  const root = newNode(null, "root", "", null, null);
  const free: Para[] = [];
  const stack: StackEntry[] = [{ node: root, rank: -1, depth: 0 }];
  let leadIn: Para | null = null;

  for (const part of parts) {
    if (part.kind === "table") {
      while (stack.length > 1 && isBullet(stack[stack.length - 1]!.node)) stack.pop();
      stack[stack.length - 1]!.node.tables.push(part.table);
      continue;
    }
    const para = part.para;
    // "Điều 3. Tổ chức thực hiện": an article of a legal paper holds its numbered clauses as a part does.
    const article = para.label ? null : ARTICLE.exec(para.text);
    if (article) {
      stack.length = 1;
      const node = newNode(para, "article", article[1]!, root, leadIn);
      root.children.push(node);
      stack.push({ node, rank: rank("article", 0), depth: 0 });
      continue;
    }
    // An appendix ("PHỤ LỤC" after the signature) starts over at the top: its table is no article's.
    if (!para.label && isAppendixHeading(para.text)) {
      stack.length = 1;
      free.push(para);
      leadIn = null;
      continue;
    }
    if (isClosingParagraph(para.text) && !para.label) {
      stack.length = 1;
      free.push(para);
      leadIn = null;
      continue;
    }
    if (para.label) {
      const { kind, number, depth } = labelKind(para.label);
      const r = rank(kind, depth);
      const same = findSameKind(stack, kind, depth);
      if (same > 0) stack.length = same;
      else while (stack.length > 1 && stack[stack.length - 1]!.rank >= r) stack.pop();
      const parent = stack[stack.length - 1]!.node;
      const node = newNode(para, kind, number, parent, parent === root ? leadIn : null);
      parent.children.push(node);
      stack.push({ node, rank: r, depth });
      continue;
    }
    // Unlabelled paragraph: bullets have ended.
    while (stack.length > 1 && isBullet(stack[stack.length - 1]!.node)) stack.pop();
    // A title-only item whose content was a list is over.
    while (stack.length > 1) {
      const top = stack[stack.length - 1]!.node;
      if (top.children.length > 0 && isTitleOnly(top.para)) stack.pop();
      else break;
    }
    const top = stack[stack.length - 1]!.node;
    if (top === root) {
      free.push(para);
      leadIn = para;
    } else if (top.children.length === 0) top.body.push(para);
    else top.trailing.push(para);
  }
  return { root, free };
}

function findSameKind(stack: StackEntry[], kind: LabelKind, depth: number): number {
  for (let i = stack.length - 1; i > 0; i--) {
    const e = stack[i]!;
    if (e.node.kind === kind && (kind !== "number" || e.depth === depth)) return i;
  }
  return -1;
}

function newNode(para: Para | null, kind: LabelKind, number: string, parent: OutlineNode | null, leadIn: Para | null): OutlineNode {
  return { para, kind, number, children: [], body: [], trailing: [], tables: [], parent, leadIn };
}
