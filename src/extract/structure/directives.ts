// Directives: the numbered items (and bullets) of the parts of a paper that give tasks, and the rows of
// task tables. Parts that report results, shortcomings or assessments give none (gold README §2).
// For each directive: its ordinal, text, the bodies made responsible (leads), the bodies named with
// "phối hợp" (partners) and its deadline.
import type { Directive, DocumentKind, ExtractOptions, Located, Span } from "../types.ts";
import {
  isPredicateStart,
  knownBodyMatcher,
  matchNamedBodyAt,
  matchSectorAt,
  bodyKey,
  BODY_FIRST_WORDS,
  type BodyMatch,
} from "./bodies.ts";
import { chooseDeadline, findDeadlinePhrases, parseDeadlineCell, quotedRanges, type DeadlinePhrase } from "./deadlines.ts";
import type { Cell, DocModel, Para, Table } from "./document.ts";
import { buildOutline, isBullet, isClosingParagraph, isTitleOnly, type OutlineNode } from "./outline.ts";
import { isCapitalized, tokenize, TokenWords, WordTable, type Token } from "./tokens.ts";
import { isSpace, isUpperAt } from "../chars.ts";
import { append } from "./append.ts";
import { matchesOf } from "../matches.ts";

export type LocatedDirective = Directive & Located;

export interface DirectiveContext {
  kind: DocumentKind | null;
  /** Year that deadlines written without one are read in. */
  year: number | null;
}

export function findDirectives(model: DocModel, ctx: DirectiveContext, opts: ExtractOptions = {}): LocatedDirective[] {
  const canonical = knownBodyMatcher(opts.bodies);
  const bodyParts = model.parts.filter((p) => (p.kind === "para" ? p.para.region : p.table.region) === "body");
  const outline = buildOutline(bodyParts);
  const defaultTask = ctx.kind !== "BC";
  const romanParts = outline.root.children.some((c) => c.kind === "roman" && (c.children.some((k) => k.kind === "number") || c.tables.length > 0));
  const found: Array<{ at: number; d: LocatedDirective }> = [];
  const emit = (ordinal: string, paras: Para[], leadIn: Para | null = null) => {
    const d = directiveFromParas(ordinal, paras, ctx, canonical);
    // "2.3. Giao Ban … tham mưu …:" with bullets: each bullet is done by the body its lead-in assigns.
    if (d && d.leads.length === 0 && leadIn) d.leads = uniqueNames(leadInBodies(leadIn.text).map(canonical));
    if (d) found.push({ at: paras[0]!.start, d });
  };
  const emitTable = (prefix: string, table: Table, task: boolean) => {
    for (const d of directivesFromTable(table, prefix, task, ctx, canonical)) found.push({ at: d.span.start, d });
  };
  for (const table of outline.root.tables) emitTable("", table, defaultTask);
  walk(outline.root, defaultTask, romanParts, emit, emitTable, true);
  if (found.length === 0 && defaultTask) {
    for (const [k, para] of unnumberedItems(outline.free).entries()) emit(String(k + 1), [para]);
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.d);
}

// ---------------------------------------------------------------------------
// Which parts give tasks

const RESULT_HEADING = /^(?:về\s+)?(?:những\s+|một số\s+|các\s+)?(?:kết quả|ưu điểm|tồn tại|hạn chế|khó khăn|nguyên nhân|đánh giá|bài học|tình hình|thuận lợi|thành tích|khuyết điểm|yếu kém|đặc điểm|mục đích|quan điểm|căn cứ|sự cần thiết|thực trạng|kinh phí)/iu;
const RESULT_IN_HEADING = /kết quả (?:thực hiện|đạt được)|đánh giá chung|tồn tại, hạn chế/iu;
const TASK_HEADING = /nhiệm vụ|giải pháp|phương hướng|kiến nghị|đề xuất|đề nghị|kết luận|tổ chức thực hiện|phân công|chỉ tiêu chủ yếu/iu;
const RESULT_LEAD_IN = /hạn chế|tồn tại|khó khăn|yếu kém|khuyết điểm|nguyên nhân|ưu điểm|thành tích|(?:đạt được|đã đạt|đạt) (?:những|các|một số|nhiều) kết quả|kết quả (?:như sau|sau|nổi bật|đạt được)/iu;
const TASK_LEAD_IN = /nhiệm vụ|giải pháp|kết luận|lưu ý|yêu cầu|đề nghị|\bgiao\b|chỉ đạo|\bcần\b|\bphải\b|tập trung|phương hướng|như sau/iu;

type Cue = "task" | "result" | null;

/** "Điều 3. Tổ chức thực hiện": the article whose clauses assign the tasks of a legal paper. */
const ARTICLE_TASKS = /^Điều\s{1,3}\d{1,3}\.\s{0,3}(?:tổ chức thực hiện|trách nhiệm (?:thực hiện|thi hành|tổ chức thực hiện)|nhiệm vụ(?:,| và) giải pháp|phân công)/iu;

/** "MỤC TIÊU", "Mục tiêu cụ thể đến năm 2030", "CHỈ TIÊU NĂM 2027": targets to reach, not tasks. */
const TARGET_HEADING = /^(?:mục tiêu|chỉ tiêu)/iu;

function headingCue(node: OutlineNode): Cue {
  // The articles of a legal paper are its content (scope, subjects, rates), but the one that organises
  // its implementation ("Điều 3. Tổ chức thực hiện"), whose heading is read from the start of its line.
  if (node.kind === "article" && node.para) return node.children.length > 0 && ARTICLE_TASKS.test(node.para.text) ? "task" : "result";
  if (!node.para || !isTitleOnly(node.para)) return null;
  const t = node.para.text;
  if (RESULT_HEADING.test(t) || RESULT_IN_HEADING.test(t)) return "result";
  if (TARGET_HEADING.test(t) && !TASK_HEADING.test(t)) return "result";
  if (TASK_HEADING.test(t)) return "task";
  return null;
}

/**
 * The last part of `text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)`: what follows the last ".", "!" or "?" that
 * white space and an upper-case letter follow, found from the end instead of splitting the paragraph.
 */
function lastSentence(text: string): string {
  for (let upper = text.length - 1; upper > 1; upper--) {
    if (!isSpace(text.charCodeAt(upper - 1)) || !isUpperAt(text, upper)) continue;
    let end = upper - 1;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    const c = text.charCodeAt(end - 1);
    if (end > 0 && (c === 0x2e || c === 0x21 || c === 0x3f)) return text.slice(upper);
    upper = end; // the white space before this letter follows no sentence end
  }
  return text;
}

function leadInCue(para: Para | null): Cue {
  if (!para) return null;
  // "Kính gửi:" lists the recipients of a letter, not tasks.
  if (/^Kính gửi\s{0,2}:?$/u.test(para.text)) return "result";
  const s = lastSentence(para.text);
  if (RESULT_LEAD_IN.test(s)) return "result";
  if (TASK_LEAD_IN.test(s)) return "task";
  return null;
}

function walk(
  node: OutlineNode,
  inheritedTask: boolean,
  romanParts: boolean,
  emit: (ordinal: string, paras: Para[], leadIn?: Para | null) => void,
  emitTable: (prefix: string, table: Table, task: boolean) => void,
  nodeIsLast: boolean,
): void {
  // The items of one list share their lead-in: its cue is read once for them.
  let leadIn: Para | null = null;
  let leadCue: Cue = null;
  for (const [i, child] of node.children.entries()) {
    if (node.parent === null && child.leadIn !== leadIn) {
      leadIn = child.leadIn;
      leadCue = leadInCue(leadIn);
    }
    const cue = headingCue(child) ?? (node.parent === null ? leadCue : null);
    const task = cue === null ? inheritedTask : cue === "task";
    const isLast = i === node.children.length - 1;
    for (const table of child.tables) emitTable(ordinalOf(child, romanParts), table, task);
    if (child.children.length === 0) {
      // A title whose content is a table ("II. NHIỆM VỤ TRỌNG TÂM" + table) is not itself a task.
      if (!task || (child.tables.length > 0 && isTitleOnly(child.para))) continue;
      // "III. NHIỆM VỤ, GIẢI PHÁP" whose paragraph says the tasks are in the appendix: the appendix's rows are the tasks.
      if (isTitleOnly(child.para) && child.body.some((p) => /phụ lục/iu.test(p.text))) continue;
      const bulletsLeadIn = isBullet(child) && node.para && /:\s*$/.test(node.para.text) ? node.para : null;
      // After the last sub-item of an item that is not the last one, a paragraph assigning "the tasks above"
      // is that item's own directive ("2.6. …" then "Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc …").
      if (isLast && !nodeIsLast && node.kind === "number" && !isBullet(child)) {
        const own = leafParas(child, true).slice(1);
        emit(ordinalOf(child, romanParts), [child.para!], bulletsLeadIn);
        if (own.length > 0) emit(ordinalOf(node, romanParts), own);
        continue;
      }
      emit(ordinalOf(child, romanParts), leafParas(child, isLast), bulletsLeadIn);
      continue;
    }
    walk(child, task, romanParts, emit, emitTable, isLast);
    if (task) {
      const own = child.trailing.filter((p) => isAssignment(p.text));
      if (own.length > 0) emit(ordinalOf(child, romanParts), own);
    }
  }
}

const ASSIGNMENT = /^(?:Giao(?:\s+cho)?|Đề nghị|Yêu cầu|Chỉ đạo)\s/u;
/** A paragraph of assignment fields ("Cơ quan chủ trì: …", "Thời gian: …") under an item. */
const FIELDS_START = /^(?:(?:Cơ quan|Đơn vị) (?:chủ trì|phối hợp)\s{0,2}:|Thời (?:gian|hạn)[^:]{0,15}:)/u;

function isAssignment(text: string): boolean {
  return ASSIGNMENT.test(text) || FIELDS_START.test(text);
}

/**
 * The paragraphs of a leaf item. The last item of a list ends with its paragraph (a following paragraph
 * addressed to everyone is a closing), unless it is a title whose content are the paragraphs after it,
 * or those paragraphs assign a task ("Giao Văn phòng Tỉnh ủy …").
 */
function leafParas(node: OutlineNode, isLast: boolean): Para[] {
  const paras = [node.para!];
  if (!isLast || isTitleOnly(node.para) || isBullet(node)) return paras.concat(isBullet(node) ? [] : node.body);
  for (const p of node.body) {
    if (!isAssignment(p.text)) break;
    paras.push(p);
  }
  return paras;
}

function ordinalOf(node: OutlineNode, romanParts: boolean): string {
  if (isBullet(node)) {
    const parent = node.parent;
    const siblings = parent ? parent.children.filter(isBullet) : [node];
    const letter = bulletLetter(siblings.indexOf(node));
    const base = parent && parent.kind !== "root" ? ordinalOf(parent, romanParts) : "";
    return base ? `${base}-${letter}` : letter;
  }
  const chain: string[] = [];
  for (let n: OutlineNode | null = node; n && n.kind !== "root"; n = n.parent) {
    if (isBullet(n)) continue;
    chain.unshift(n.number);
    // "1.3" already carries its parents' numbers.
    if (n.kind === "number" && n.number.includes(".")) {
      let up = n.parent;
      while (up && up.kind === "number") up = up.parent;
      if (up && up.kind === "roman" && romanParts) chain.unshift(up.number);
      break;
    }
    if (n.kind === "roman" && !romanParts) break;
  }
  return chain.join(".");
}

function bulletLetter(i: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  if (i < 0) return "a";
  return i < 26 ? letters[i]! : `${letters[Math.floor(i / 26) - 1] ?? "z"}${letters[i % 26]}`;
}

// ---------------------------------------------------------------------------
// One directive from its paragraphs

function directiveFromParas(ordinal: string, paras: Para[], ctx: DirectiveContext, canonical: (s: string) => string): LocatedDirective | null {
  const texts = paras.map((p) => p.text).filter(Boolean);
  if (texts.length === 0) return null;
  const leads: string[] = [];
  const partners: string[] = [];
  const phrases: DeadlinePhrase[] = [];
  for (const p of paras) {
    const fields = assignmentFields(p.text);
    if (fields) {
      append(leads, bodiesInCell(fields.lead));
      append(partners, bodiesInCell(fields.partner));
      if (fields.time) phrases.push({ ...parseDeadlineCell(fields.time, ctx.year), deadlineText: fields.time, start: 0, end: 0 });
      continue;
    }
    const found = responsibleBodies(p.text);
    append(leads, found.leads);
    append(partners, found.partners);
    append(phrases, findDeadlinePhrases(p.text, ctx.year));
  }
  const span: Span = { start: paras[0]!.start, end: paras[paras.length - 1]!.end };
  const { deadline, deadlineText } = chooseDeadline(phrases);
  const finalLeads = uniqueNames(leads.map(canonical));
  const leadKeys = new Set(finalLeads.map(bodyKey));
  const finalPartners = uniqueNames(partners.map(canonical)).filter((n) => !leadKeys.has(bodyKey(n)));
  return { ordinal, text: texts.join(" "), leads: finalLeads, partners: finalPartners, deadline, deadlineText, span };
}

// "Cơ quan chủ trì: …; cơ quan phối hợp: …; thời gian: …": an item's assignment written as fields, on lines of
// their own or in one, read as the cells of a task table are (heldout README, reading 36).
const ASSIGNMENT_FIELD = /(?:^|[;.]\s{0,3})(?:(?:cơ quan|đơn vị) (chủ trì|phối hợp)|thời (?:gian|hạn)(?: thực hiện| hoàn thành)?)\s{0,2}:\s{0,3}([^;]*)/giu;

interface AssignmentFields {
  lead: string;
  partner: string;
  time: string;
}

/** The fields of a paragraph that is made of them (it opens with one), else null. */
function assignmentFields(text: string): AssignmentFields | null {
  if (!FIELDS_START.test(text)) return null;
  const fields: AssignmentFields = { lead: "", partner: "", time: "" };
  for (const m of matchesOf(text, ASSIGNMENT_FIELD)) {
    const value = m[2]!.trim().replace(/[.;,]+$/u, "");
    const role = m[1]?.toLowerCase();
    if (role === "chủ trì") fields.lead = value;
    else if (role === "phối hợp") fields.partner = value;
    else fields.time = value;
  }
  return fields;
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const key = bodyKey(n);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Leads and partners in a paragraph

/** Words of collective subjects ("Các cấp ủy, chính quyền, các ngành và các địa phương"): no body of their own. */
const GENERIC_VOCABULARY = new TokenWords([
  "các", "những", "từng", "mỗi", "cấp", "ngành", "địa", "phương", "ủy", "chính", "quyền", "tổ", "chức", "đảng", "đoàn", "thể",
  "sở", "ban", "cơ", "quan", "đơn", "vị", "lãnh", "đạo", "năng", "liên", "hệ", "thống", "trị", "xã", "hội", "mặt", "trận",
  "quốc", "huyện", "thành", "thị", "tỉnh", "trong", "tham", "mưu", "giúp", "việc", "doanh", "nghiệp", "nhân", "dân",
  "lực", "lượng", "vũ", "trang", "chuyên", "môn", "phòng", "trực", "thuộc", "chi", "bộ", "sơ", "cán", "ngành,", "trung", "ương",
]);
const LIST_LINKS = sequences([["và"], ["nòng", "cốt", "là"], ["trong", "đó"], ["nhất", "là"], ["trước", "hết", "là"], ["đặc", "biệt", "là"], ["cùng", "với"]]);
const PERSON_WORDS = new Set(["đồng chí", "người đứng đầu", "bí thư", "chủ tịch", "giám đốc", "ủy viên", "trưởng ban", "thủ trưởng", "cá nhân", "cán bộ", "đảng viên"]);
/** The first words of PERSON_WORDS: a word that is none of them starts no person (no phrase to build). */
const PERSON_FIRST = new TokenWords([...PERSON_WORDS].map((p) => p.split(" ")[0]!));
const NOT_PREDICATES = new TokenWords([
  "của", "về", "với", "tại", "ở", "theo", "trong", "trên", "cho", "đối", "từ", "đến", "thuộc", "do", "bởi", "là", "như", "và",
  "hoặc", "hay", "các", "những", "mà", "khi", "nếu", "tỉnh", "huyện", "xã",
]);
/** "được giao", "đã đề nghị", "đúng yêu cầu": not an assignment. */
const NOT_ASSIGNING_BEFORE = new TokenWords(["được", "đã", "đúng"]);
/** Verbs whose object is made responsible: "Giao Văn phòng Tỉnh ủy …", "đề nghị Sở Tài chính …". */
const ASSIGNING_VERB_WORDS = [["giao", "cho"], ["giao"], ["đề", "nghị"], ["yêu", "cầu"]];
const ASSIGNING_VERBS = sequences(ASSIGNING_VERB_WORDS);
/** The first words of the cues below a clause's start: an assigning verb, "chủ trì", "phối hợp". */
const CUE_STARTS = new TokenWords(["chủ", "phối", ...ASSIGNING_VERB_WORDS.map((words) => words[0]!)]);

interface Bodies {
  leads: string[];
  partners: string[];
}

/** Bodies made responsible in one paragraph, and bodies named with "phối hợp với". */
export function responsibleBodies(text: string): Bodies {
  const tokens = tokenize(text);
  const excluded = excludedTokens(text, tokens);
  const leads: BodyMatch[] = [];
  const partners: BodyMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (excluded !== null && excluded[i]) continue;
    if (i === 0 || tokens[i]!.opensClause) leads.push(...clauseLeads(tokens, i));
    // Most words start no cue: one look-up passes over them.
    if (!CUE_STARTS.has(tokens[i]!)) continue;
    const assigned = matchWords(tokens, i, ASSIGNING_VERBS);
    if (assigned > 0 && (i === 0 || !NOT_ASSIGNING_BEFORE.has(tokens[i - 1]!))) {
      const objects = bodyList(tokens, i + assigned, false).bodies;
      leads.push(...(objects.length > 0 ? objects : bodiesDirectedByPerson(tokens, i + assigned)));
    }
    if (tokens[i]!.is("chủ") && tokens[i + 1]?.is("trì") && tokens[i + 1]!.spaced) {
      const before = bodyEndingAt(tokens, i);
      // "… là cơ quan thường trực, chủ trì …": a role in lower case, not a body.
      if (before && isCapitalized(tokens[before.from]!.text)) leads.push(before);
    }
    if (tokens[i]!.is("phối") && tokens[i + 1]?.is("hợp")) {
      partners.push(...partnersAfter(tokens, i + 2));
    }
  }
  const name = (m: BodyMatch) => text.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end);
  return { leads: uniqueNames(leads.filter((m) => !m.generic).map(name)), partners: uniqueNames(partners.filter((m) => !m.generic).map(name)) };
}

/**
 * A paper without a single numbered item whose lead-in announces tasks ("… tập trung thực hiện tốt các nhiệm vụ
 * sau:"): the paragraphs after it, up to the closing, are its items. A Word 97 file loses the numbers of its
 * automatic lists, and only its text is left.
 */
function unnumberedItems(free: readonly Para[]): Para[] {
  const at = free.findIndex((p) => /:$/.test(p.text) && TASK_LEAD_IN.test(lastSentence(p.text)));
  if (at < 0) return [];
  const items: Para[] = [];
  for (const p of free.slice(at + 1)) {
    if (isClosingParagraph(p.text)) break;
    items.push(p);
  }
  return items.length >= 2 ? items : [];
}

/** The bodies a lead-in assigns ("Giao Ban Tuyên giáo … tham mưu …:"), or that it names as its heading ("Văn phòng Sở:"). */
function leadInBodies(text: string): string[] {
  const assigned = responsibleBodies(text).leads;
  if (assigned.length > 0) return assigned;
  const heading = /^([^.;:]{2,80}):$/u.exec(text.trim());
  return heading ? bodiesInCell(heading[1]!) : [];
}

/**
 * "Ủy ban kiểm tra các đảng ủy trực thuộc Tỉnh ủy": a body name followed, a space apart, by a plural anchored
 * to a body names the bodies of that kind in each of them, one body of the list.
 */
function ofAnchoredPlural(tokens: Token[], m: BodyMatch | null): BodyMatch | null {
  if (!m || m.generic) return m;
  const next = tokens[m.to];
  if (!next || !next.spaced || !next.is("các")) return m;
  const plural = matchNamedBodyAt(tokens, m.to);
  return plural && !plural.generic ? { from: m.from, to: plural.to, generic: false } : m;
}

/**
 * "Giao đồng chí Phó Bí thư Thường trực chỉ đạo Văn phòng Đảng ủy …": the person assigned is no body; the
 * bodies that person is to direct, named in the same clause, are the leads.
 */
function bodiesDirectedByPerson(tokens: Token[], start: number): BodyMatch[] {
  const first = tokens[start];
  if (!first || !(first.is("đồng") && tokens[start + 1]?.is("chí"))) return [];
  for (let k = start + 2; k < Math.min(tokens.length, start + 12); k++) {
    if (tokens[k]!.opensClause) break;
    if (matchWords(tokens, k, DIRECT) && tokens[k + 2]?.spaced) return bodyList(tokens, k + 2, false).bodies;
  }
  return [];
}

/** Tokens whose bodies give no task now: quotations, and the content of a rule being decided ("nội dung: …"). */
function excludedTokens(text: string, tokens: Token[]): boolean[] | null {
  const quotes = quotedRanges(text);
  // Most paragraphs quote nothing and decide no content: then no token is excluded (null).
  if (quotes.length === 0 && !/dung/i.test(text)) return null;
  const out = new Array<boolean>(tokens.length).fill(false);
  let q = 0;
  let inContent = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (inContent && /[.!?]/.test(t.gap)) inContent = false;
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    const quoted = q < quotes.length && t.start > quotes[q]!.start && t.start < quotes[q]!.end;
    out[i] = inContent || quoted;
    if (t.is("dung") && tokens[i - 1]?.is("nội") && tokens[i + 1] && tokens[i + 1]!.gap.includes(":")) inContent = true;
  }
  return out;
}

/**
 * Word sequences by their first word. Most tokens start none and are dismissed by their first letter,
 * which spares hashing the token to look it up.
 */
type WordSequences = WordTable<string[][]>;

function sequences(options: string[][]): WordSequences {
  const byFirst = new WordTable<string[][]>();
  for (const words of options) byFirst.set(words[0]!, [...(byFirst.get(words[0]!) ?? []), words]);
  return byFirst;
}

/** Number of tokens of the first of `options` (in their order) written at tokens[i], 0 when none. */
function matchWords(tokens: Token[], i: number, options: WordSequences): number {
  const t = tokens[i];
  const candidates = t ? options.at(t) : undefined;
  if (!candidates) return 0;
  for (const words of candidates) {
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      const t = tokens[i + k];
      if (!t || !t.is(words[k]!) || (k > 0 && !t.spaced)) {
        ok = false;
        break;
      }
    }
    if (ok) return words.length;
  }
  return 0;
}

const CONTINUE = sequences([["tiếp", "tục"]]);
const ADVISE = sequences([["tham", "mưu"]]);
const LEAD = sequences([["lãnh", "đạo"]]);
const DIRECT = sequences([["chỉ", "đạo"]]);
/**
 * The words clauseLeads reads something after at the start of a clause: "riêng", its verbs, and the words a
 * list of subjects starts with (persons, collective words, body names). A clause opening with another word
 * has no leads.
 */
const CLAUSE_LEAD_STARTS = new TokenWords([
  "riêng",
  ...[ADVISE, CONTINUE, LEAD, DIRECT].flatMap((verb) => verb.words()),
  ...PERSON_FIRST.words(),
  ...GENERIC_VOCABULARY.words(),
  ...BODY_FIRST_WORDS,
]);

/** Leads at the start of a clause: its subject, a topic ("Riêng huyện X, …"), or the object of "chỉ đạo". */
function clauseLeads(tokens: Token[], i: number): BodyMatch[] {
  const out: BodyMatch[] = [];
  // Most clauses open with another word: one look-up instead of trying each reading.
  if (!CLAUSE_LEAD_STARTS.has(tokens[i]!)) return out;
  let j = i;
  // "Tham mưu Ban Thường vụ Tỉnh ủy sơ kết …": the body advised is not the one that acts.
  if (matchWords(tokens, j, ADVISE)) return out;
  if (tokens[j]?.is("riêng")) {
    const topic = matchNamedBodyAt(tokens, j + 1);
    if (topic && tokens[topic.to] && /^,/.test(tokens[topic.to]!.gap)) {
      out.push(topic);
      j = topic.to;
    }
  }
  // "(Tiếp tục) (lãnh đạo,) chỉ đạo X …": the issuer leads X to act.
  let k = j;
  if (matchWords(tokens, k, CONTINUE)) k += 2;
  if (matchWords(tokens, k, LEAD) && tokens[k + 2] && /^, ?$/.test(tokens[k + 2]!.gap)) k += 2;
  if (matchWords(tokens, k, DIRECT) && k + 2 < tokens.length && tokens[k + 2]!.spaced) {
    const objects = bodyList(tokens, k + 2, false);
    out.push(...objects.bodies);
    return out;
  }
  const subject = bodyList(tokens, j, true);
  if (subject.bodies.length > 0 && subject.valid && !decides(tokens, subject.end)) out.push(...subject.bodies);
  return out;
}

/**
 * A list of bodies joined by ", " / "và" / "nòng cốt là", possibly mixed with words of collective
 * subjects. As a subject (`asSubject`) it must be followed by a predicate, and persons make it invalid.
 */
function bodyList(tokens: Token[], start: number, asSubject: boolean): { bodies: BodyMatch[]; valid: boolean; end: number } {
  const bodies: BodyMatch[] = [];
  let k = start;
  let sectorsAllowed = false;
  for (let guard = 0; guard < 48 && k < tokens.length; guard++) {
    const t = tokens[k]!;
    if (k > start && !/^(?: {1,3}|, | - )$/.test(t.gap)) break;
    const person = PERSON_FIRST.has(t) && (PERSON_WORDS.has(`${t.lower} ${tokens[k + 1]?.lower ?? ""}`) || PERSON_WORDS.has(t.lower) || PERSON_WORDS.has(threeWords(tokens, k)));
    if (person) {
      if (asSubject) return { bodies: [], valid: false, end: k };
      break;
    }
    const link = matchWords(tokens, k, LIST_LINKS);
    if (link > 0 && k > start) {
      k += link;
      continue;
    }
    const m: BodyMatch | null = ofAnchoredPlural(tokens, matchNamedBodyAt(tokens, k)) ?? (sectorsAllowed ? matchSectorAt(tokens, k) : null);
    if (m) {
      bodies.push(m);
      sectorsAllowed ||= tokens[m.from]!.is("ngành");
      k = m.to;
      continue;
    }
    // Right after a body name, a plain word is its predicate ("Ban Thường vụ Tỉnh ủy thống nhất …").
    if (bodies.length > 0 && bodies[bodies.length - 1]!.to === k && t.spaced) break;
    if (k > start && isPredicateStart(tokens, k)) break;
    if (GENERIC_VOCABULARY.has(t)) {
      k++;
      continue;
    }
    break;
  }
  if (!asSubject) return { bodies, valid: bodies.length > 0, end: k };
  const next = tokens[k];
  const valid = !!next && next.spaced && !isCapitalized(next.text) && !NOT_PREDICATES.has(next) && !/^\d/.test(next.text);
  return { bodies, valid: valid || (!!next && isPredicateStart(tokens, k) && next.spaced), end: k };
}

/** "Ban Thường vụ Tỉnh ủy thống nhất chủ trương …": the subject decides; it is not given a task. */
const DECISION_VERBS = sequences([["thống", "nhất"], ["đồng", "ý"], ["nhất", "trí"], ["ghi", "nhận"], ["chấp", "thuận"], ["kết", "luận"], ["biểu", "dương"], ["hoan", "nghênh"], ["đánh", "giá", "cao"], ["cơ", "bản", "thống", "nhất"], ["thông", "báo"]]);

function decides(tokens: Token[], k: number): boolean {
  return matchWords(tokens, k, DECISION_VERBS) > 0;
}

function threeWords(tokens: Token[], k: number): string {
  return [tokens[k]?.lower, tokens[k + 1]?.lower, tokens[k + 2]?.lower].filter(Boolean).join(" ");
}

/** A body whose name ends right before tokens[i] ("Sở Tài chính chủ trì"). */
function bodyEndingAt(tokens: Token[], i: number): BodyMatch | null {
  for (let from = Math.max(0, i - 24); from < i; from++) {
    const m = matchNamedBodyAt(tokens, from);
    if (m && m.to === i) return m;
  }
  return null;
}

const PARTNER_ADVERBS = new TokenWords(["chặt", "chẽ", "tốt", "hơn", "nữa", "thường", "xuyên", "đồng", "bộ", "hiệu", "quả", "toàn", "diện", "tích", "cực"]);

/** "phối hợp (chặt chẽ|tốt hơn nữa) với X, Y": the bodies after "với". */
function partnersAfter(tokens: Token[], i: number): BodyMatch[] {
  let k = i;
  for (let guard = 0; guard < 5 && k < tokens.length && PARTNER_ADVERBS.has(tokens[k]!); guard++) k++;
  // "với sự phối hợp của X": X is named with "phối hợp" too.
  const ofWhom = tokens[k]?.is("của") && tokens[i - 3]?.is("sự");
  if (!tokens[k]?.is("với") && !tokens[k]?.is("cùng") && !ofWhom) return [];
  const out: BodyMatch[] = [];
  let j = k + 1;
  for (let guard = 0; guard < 24 && j < tokens.length; guard++) {
    const t = tokens[j]!;
    if (!/^(?: {1,3}|, )$/.test(t.gap)) break;
    if (t.is("và")) {
      j++;
      continue;
    }
    // "các ngân hàng thương mại": a sector after "các" is an open class.
    const m = matchNamedBodyAt(tokens, j) ?? (tokens[j - 1]?.is("các") ? null : matchSectorAt(tokens, j));
    if (m) {
      out.push(m);
      j = m.to;
      continue;
    }
    if (isPredicateStart(tokens, j)) break;
    if (GENERIC_VOCABULARY.has(t)) {
      j++;
      continue;
    }
    break;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Task tables: STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành

interface Columns {
  ordinal: number;
  content: number;
  lead: number;
  partner: number;
  time: number;
}

function findColumns(row: Cell[]): Columns | null {
  const find = (re: RegExp) => row.findIndex((c) => re.test(c.text));
  const content = find(/nội dung|nhiệm vụ|công việc/iu);
  const lead = find(/chủ trì|thực hiện|chịu trách nhiệm|đơn vị thực hiện|cơ quan thực hiện/iu);
  const time = find(/thời gian|thời hạn|tiến độ|hoàn thành/iu);
  if (content < 0 || (lead < 0 && time < 0)) return null;
  return {
    ordinal: find(/^(?:stt|tt|số thứ tự|số tt)$/iu),
    content,
    lead: lead === content ? -1 : lead,
    partner: find(/phối hợp/iu),
    time: time === content ? -1 : time,
  };
}

function directivesFromTable(table: Table, prefix: string, task: boolean, ctx: DirectiveContext, canonical: (s: string) => string): LocatedDirective[] {
  const headerAt = table.rows.findIndex((r) => findColumns(r) !== null);
  if (headerAt < 0) return [];
  const cols = findColumns(table.rows[headerAt]!)!;
  // Outside a part that gives tasks, only a table that names who leads each row is a task table.
  if (!task && !table.rows[headerAt]!.some((c) => /chủ trì|chịu trách nhiệm/iu.test(c.text))) return [];
  const cell = (row: Cell[], i: number) => (i >= 0 ? row[i] : undefined);
  const out: LocatedDirective[] = [];
  let group = "";
  const groups = table.rows.slice(headerAt + 1).some((r) => /^[IVXLC]+\.?$/.test(cell(r, cols.ordinal)?.text ?? ""));
  for (const row of table.rows.slice(headerAt + 1)) {
    const stt = (cell(row, cols.ordinal)?.text ?? "").replace(/[.)]$/, "");
    const content = cell(row, cols.content);
    if (!content || !content.text) continue;
    // Column numbers printed under the header ("(1) | (2) | …").
    if (/^\(?\d+\)?$/.test(content.text)) continue;
    if (/^[IVXLC]+$/.test(stt)) {
      group = stt;
      continue;
    }
    // Bodies on separate lines of a cell are separate bodies (a line break inside one paragraph, too).
    const bodyLines = (c: Cell | undefined) => (c ? c.lines.join("\n") : "");
    const leadText = bodyLines(cell(row, cols.lead));
    const timeText = cell(row, cols.time)?.text ?? "";
    // "A | GIÁO DỤC STEM": a lettered group row names a field; the rows under it keep their own numbers.
    if (/^[A-Z]$/.test(stt) && !leadText && !timeText) continue;
    if (!stt && !leadText && !timeText) continue;
    const leads = uniqueNames(bodiesInCell(leadText).map(canonical));
    const leadKeys = new Set(leads.map(bodyKey));
    const partners = uniqueNames(bodiesInCell(bodyLines(cell(row, cols.partner))).map(canonical)).filter((n) => !leadKeys.has(bodyKey(n)));
    const { deadline, deadlineText } = parseDeadlineCell(timeText, ctx.year);
    out.push({
      ordinal: groups && group ? `${group}.${stt}` : prefix && stt ? `${prefix}.${stt}` : stt,
      text: content.text,
      leads,
      partners,
      deadline,
      deadlineText,
      span: { start: content.start, end: content.end },
    });
  }
  return out;
}

/** Bodies listed in a table cell: recognised names, else the comma-separated pieces that are not open classes. */
export function bodiesInCell(text: string): string[] {
  if (!text.trim()) return [];
  const out: string[] = [];
  for (const piece of text.split(/\s*[;\n]\s*/u).map((s) => s.trim()).filter(Boolean)) {
    const tokens = tokenize(piece);
    const found: BodyMatch[] = [];
    let covered = 0;
    for (let i = 0; i < tokens.length; i++) {
      const list = bodyList(tokens, i, false);
      if (list.bodies.length === 0) continue;
      append(found, list.bodies);
      for (const m of list.bodies) covered += m.to - m.from;
      i = Math.max(i, list.end - 1);
    }
    if (found.length > 0 && covered >= tokens.length / 2) {
      for (const m of found) if (!m.generic) out.push(piece.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end));
      continue;
    }
    for (const part of piece.split(/\s*,\s*/u)) {
      // Open classes ("các cơ quan …", "Ban điều hành các ấp") name no body of their own.
      if (/^(?:các|những|cơ quan|đơn vị)\b/iu.test(part) || /\s(?:các|những)\s/u.test(part) || !/^\p{Lu}/u.test(part)) continue;
      out.push(part.replace(/[.,;]+$/, ""));
    }
  }
  return out;
}
