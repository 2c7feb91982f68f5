// What a paper says about itself (gold README §1): kind, number, date, title, issuer, signer, and a
// security classification. Read from the head (header block and title), the first body paragraph
// (the meeting date, the speaking body) and the tail (signature block, also when it shares its lines
// with "Nơi nhận" in two columns, as in 000).
import type { DocumentKind, DocumentMeta, Extraction, IsoDate } from "../types.ts";
import { collapseSpaces } from "../normalize.ts";
import { isKindWordLine, isSeparatorLine, isTailStart } from "../layout.ts";
import { isPredicateStart, matchNamedBodyAt } from "./bodies.ts";
import { findDates } from "./dates.ts";
import type { DocModel, Para } from "./document.ts";
import { isDocumentSymbol, kindOfSymbol, kindOfWord } from "./symbols.ts";
import { isAllCapsWord, isCapitalized, isLowerWord, tokenize } from "./tokens.ts";

export interface Metadata {
  document: DocumentMeta;
  classification: Extraction["classification"];
}

export function readMetadata(model: DocModel): Metadata {
  const head = headLines(model);
  const body = model.paras.filter((p) => p.region === "body");
  const tail = tailLines(model);
  const symbol = ownSymbol(head);
  const title = titleOf(head);
  const kind = kindOf(symbol, head, body);
  return {
    document: {
      kind,
      symbol,
      date: issueDate(head) ?? meetingDate(body),
      title,
      issuer: headerIssuer(head) ?? speakingBody(body),
      signer: signerOf(tail),
    },
    classification: classificationOf(head, body),
  };
}

/**
 * The lines of the tail in order: its paragraphs, and the lines of the cells of its tables (a .docx often
 * sets the recipients and the signature side by side in a borderless table).
 */
function tailLines(model: DocModel): string[] {
  const parts: Array<{ index: number; lines: string[] }> = model.paras.filter((p) => p.region === "tail").map((p) => ({ index: p.index, lines: [fullText(p)] }));
  for (const table of model.tables) {
    if (table.region !== "tail") continue;
    const lines = table.rows.flatMap((row) => row.flatMap((cell) => cell.lines));
    parts.push({ index: table.index, lines });
  }
  return parts.sort((a, b) => a.index - b.index).flatMap((p) => p.lines);
}

function fullText(p: Para): string {
  return p.label ? `${p.label} ${p.text}` : p.text;
}

/** Head paragraphs and the cells of a header table, one string each. */
function headLines(model: DocModel): string[] {
  const out: string[] = [];
  for (const part of model.parts) {
    if (part.kind === "para") {
      if (part.para.region === "head") out.push(fullText(part.para));
    } else if (part.table.region === "head") {
      for (const row of part.table.rows) for (const cell of row) for (const line of cell.lines) out.push(line);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Number and kind

// "Số 15-CTr/TU", "Số: 412/BC-SNNMT", "SỐ 36-BC/ĐU" (a header typed in capitals).
const OWN_NUMBER = /^Số\s{0,3}:?\s{0,3}(\S{1,60})/iu;

function ownSymbol(head: string[]): string | null {
  for (const line of head) {
    const m = OWN_NUMBER.exec(line);
    if (!m) continue;
    const candidate = m[1]!.replace(/[,;.]$/, "");
    return isDocumentSymbol(candidate) ? candidate : null;
  }
  return null;
}

function kindOf(symbol: string | null, head: string[], body: Para[]): DocumentKind | null {
  if (symbol) {
    const k = kindOfSymbol(symbol);
    if (k) return k;
  }
  const word = head.find((l) => isKindWordLine(l));
  if (word) return kindOfWord(word);
  // No number, no title: what the paper says it is.
  for (const p of body) {
    const t = p.text;
    if (/^Trên đây là (?:một số )?(?:mặt công tác|nhiệm vụ|chương trình)/iu.test(t)) return "CTr";
    if (/^Trên đây là báo cáo/iu.test(t)) return "BC";
    if (/^Trên đây là kế hoạch/iu.test(t)) return "KH";
    if (/^Trên đây là (?:thông báo|ý kiến)/iu.test(t)) return "TB";
    if (/^Trên đây là kết luận/iu.test(t)) return "KL";
  }
  const first = body[0]?.text ?? "";
  if (/(?:các|những) nhiệm vụ (?:sau|trọng tâm)|chương trình công tác/iu.test(first)) return "CTr";
  return null;
}

// ---------------------------------------------------------------------------
// Title

const ENACTING_BODY = /^(?:HỘI ĐỒNG NHÂN DÂN|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)(?:\s+\p{Lu}+)*$/u;

function titleOf(head: string[]): string | null {
  const at = head.findIndex((l) => isKindWordLine(l));
  // A letter (công văn) has no kind line; its subject line "V/v …" is its title.
  if (at < 0) return subjectLine(head);
  const lines: string[] = [];
  for (const line of head.slice(at + 1)) {
    if (isSeparatorLine(line)) break;
    // A legal resolution names its enacting body under the title ("HỘI ĐỒNG NHÂN DÂN TỈNH …", "KHÓA XX, KỲ HỌP …").
    if (lines.length > 0 && ENACTING_BODY.test(line)) break;
    if (/^dự thảo$/iu.test(line)) continue;
    lines.push(line);
  }
  const title = collapseSpaces(lines.join(" "));
  return title || null;
}

const SUBJECT_LINE = /^V\/v\s{0,3}:?\s{0,3}(\S.*)$/u;

/** The subject after "V/v", with the lines it wraps onto (they open in lower case). */
function subjectLine(head: string[]): string | null {
  for (const [k, line] of head.entries()) {
    const m = SUBJECT_LINE.exec(line.trim());
    if (!m) continue;
    const parts = [m[1]!];
    for (const next of head.slice(k + 1)) {
      if (!isLowerWord(next.trim())) break;
      parts.push(next);
    }
    return collapseSpaces(parts.join(" "));
  }
  return null;
}

// ---------------------------------------------------------------------------
// Dates

// "Hậu Giang, ngày 15 tháng 10 năm 2024", "Vị Thanh, ngày 02/10/2024" (also after "*" in a two-column line).
const PLACE_DATE = /(?:^|[\s*])\p{Lu}[\p{L}\p{M} .'-]{1,40},\s{1,3}ngày\s/u;

function issueDate(head: string[]): IsoDate | null {
  // The place-and-date line first: a web copy's "Ngày đăng: …" above the paper is not its date.
  for (const line of head) {
    const at = PLACE_DATE.exec(line);
    if (!at) continue;
    const found = findDates(line.slice(at.index))[0];
    if (found) return found.iso;
  }
  for (const line of head) {
    if (!/^ngày\s/iu.test(line)) continue;
    const found = findDates(line)[0];
    if (found) return found.iso;
  }
  return null;
}

const SYMBOL_BEFORE = /\d{1,5}(?:\/\d{4})?[-/]\p{Lu}[\p{L}]{0,7}[-/][\p{L}\d]{1,12},?\s{0,3}(?:ngày\s{1,3})?$/u;

/** The date of the meeting the first paragraph reports on ("Ngày 02/10/2024, … tổ chức Hội nghị"). */
function meetingDate(body: Para[]): IsoDate | null {
  for (const p of body.slice(0, 2)) {
    if (!/hội nghị|họp|phiên|làm việc/iu.test(p.text)) continue;
    for (const d of findDates(p.text)) {
      const before = p.text.slice(Math.max(0, d.start - 40), d.start);
      if (SYMBOL_BEFORE.test(before)) continue;
      return d.iso;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Issuer

const NOT_ISSUER = /^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập|Số(?![\p{L}\p{M}])|Dự thảo|MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|HỎA TỐC)/iu;

function headerIssuer(head: string[]): string | null {
  const candidates: string[] = [];
  let continued = false; // the line before was a candidate
  for (const line of head) {
    if (isKindWordLine(line)) break;
    if (isSeparatorLine(line) || NOT_ISSUER.test(line) || PLACE_DATE.test(line)) continue;
    if (isAllCapsLine(line)) {
      candidates.push(line);
      continued = true;
    } else if (continued && candidates.length > 0 && isAllCapsWord(line.trim()) && /\p{L}/u.test(line)) {
      // "BAN TUYÊN GIÁO VÀ DÂN" ⏎ "VẬN": a name wrapped in its narrow header cell.
      candidates[candidates.length - 1] += ` ${line.trim()}`;
    } else continued = false;
  }
  // Two lines (superior above, issuer below): the lower one; but a lower line that only names the place
  // completes the line above ("ỦY BAN NHÂN DÂN" ⏎ "XÃ THẠNH HÓA": one name over two lines).
  let last = candidates[candidates.length - 1];
  const above = candidates[candidates.length - 2];
  if (last && above && PLACE_LINE.test(last) && NEEDS_PLACE.test(above)) last = `${above} ${last}`;
  return last ? normalCaseBody(last) : null;
}

/** A header line naming only a place: "XÃ THẠNH HÓA", "TỈNH TÂY NINH" (not "TỈNH ỦY …"). */
const PLACE_LINE = /^(?:XÃ|PHƯỜNG|ĐẶC KHU|THỊ TRẤN|THỊ XÃ|HUYỆN|TỈNH|THÀNH PHỐ)\s+(?!ỦY|UỶ)\S/u;
/** A body whose name goes on with its place: "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN". */
const NEEDS_PLACE = /(?:ỦY BAN|UỶ BAN|HỘI ĐỒNG) NHÂN DÂN$/u;

function isAllCapsLine(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 && words.every(isAllCapsWord);
}

const LOWER_IN_NAMES = new Set(["ủy", "uỷ", "ban", "nhân", "dân", "tỉnh", "huyện", "xã", "phường", "thị", "trấn", "thành", "phố", "bộ", "vụ", "hành", "trực", "đảng", "đoàn", "sự", "kiểm", "tra", "và", "quốc", "cấp", "tổ", "chức", "giáo", "vận", "chính"]);

/** "TỈNH ỦY HẬU GIANG" → "Tỉnh ủy Hậu Giang"; "ĐẢNG ỦY XÃ TÂN PHÚ" → "Đảng ủy xã Tân Phú". */
export function normalCaseBody(caps: string): string {
  const words = caps.toLowerCase().split(/\s+/).filter(Boolean);
  // Words after the last level word ("tỉnh", "huyện", "xã", "ủy") are a proper name.
  let properFrom = words.length;
  for (let i = words.length - 1; i >= 0; i--) {
    if (LOWER_IN_NAMES.has(words[i]!)) {
      properFrom = i + 1;
      break;
    }
  }
  return words
    .map((w, i) => (i === 0 || i >= properFrom || MAJOR_WORDS.has(w) ? capitalise(w) : w))
    .join(" ");
}

const MAJOR_WORDS = new Set(["đảng"]);

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Without header: the body the text names as speaking ("Văn phòng Tỉnh ủy thông báo", "Tỉnh ủy kết luận:"), else the subject of the opening sentence. */
function speakingBody(body: Para[]): string | null {
  for (const p of body) {
    // Two searches for a string are quicker than one pattern of two alternatives.
    if (!p.text.includes("thông báo") && !p.text.includes("kết luận")) continue;
    const tokens = tokenize(p.text);
    // The body stands right before "thông báo" or "kết luận": none starts at or after the last of these words.
    let lastVerb = 0;
    for (let k = tokens.length - 1; k > 0 && lastVerb === 0; k--) if (tokens[k]!.is("thông") || tokens[k]!.is("kết")) lastVerb = k;
    for (let i = 0; i < lastVerb; i++) {
      const m = matchNamedBodyAt(tokens, i);
      if (!m) continue;
      const next = tokens[m.to];
      if (!m.generic && next && next.spaced && /^(?:thông báo|kết luận)$/u.test(`${next.lower} ${tokens[m.to + 1]?.lower ?? ""}`)) {
        return p.text.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end);
      }
      i = m.to - 1;
    }
  }
  // The subject of the opening sentence: "…, trong quý IV, Tỉnh ủy Hậu Giang tập trung triển khai …".
  const first = body[0];
  if (!first) return null;
  const tokens = tokenize(first.text);
  for (let i = 0; i < tokens.length; i++) {
    const atClauseStart = i === 0 || /[,.;:(]/.test(tokens[i]!.gap);
    const m = atClauseStart ? matchNamedBodyAt(tokens, i) : null;
    if (!m) continue;
    const next = tokens[m.to];
    const predicate = !!next && next.spaced && !isCapitalized(next.text) && (isPredicateStart(tokens, m.to) || !NOT_A_PREDICATE.test(next.lower));
    if (!m.generic && predicate) return first.text.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end);
    i = m.to - 1;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Signer

const ON_BEHALF = /\b(?:T\/M|T\/L|K\/T|TM\.|TL\.|KT\.|TUQ\.)\s{0,3}[\p{Lu} ]{2,60}$/u;

/** The lines of the signature column: after the T/M line, or the right-hand part of two-column lines. */
function signatureColumn(tail: string[]): string[] {
  const start = tail.findIndex((l) => ON_BEHALF.test(l) || /^(?:T\/M|T\/L|K\/T|TM\.|TL\.|KT\.)/u.test(l));
  if (start < 0) return tail.filter((l) => !isTailStart(l) && !/^[-+•]/.test(l)).slice(-4);
  const out: string[] = [];
  for (const line of tail.slice(start + 1)) {
    if (/^[-+•]\s/.test(line) || /^Nơi nhận/iu.test(line)) {
      const right = rightColumn(line);
      if (right) out.push(right);
      continue;
    }
    out.push(line);
  }
  return out;
}

/** "- Các UVBCH Đảng bộ tỉnh, CHÁNH VĂN PHÒNG" → "CHÁNH VĂN PHÒNG"; "- Lưu Văn phòng Tỉnh ủy. Phạm Thị Mai Tiên" → the name. */
function rightColumn(line: string): string | null {
  const words = line.split(/\s+/);
  let k = words.length;
  while (k > 0 && isAllCapsWord(words[k - 1]!.replace(/[,.;]$/, "")) && words[k - 1]!.length > 1) k--;
  if (words.length - k >= 2 && /[,.;:]$/.test(words[k - 1] ?? ",")) return words.slice(k).join(" ");
  const name = /[.,;]\s+((?:\p{Lu}[\p{Ll}\p{M}]{0,7}\s){1,4}\p{Lu}[\p{Ll}\p{M}]{0,7})$/u.exec(line);
  if (name && looksLikePersonName(name[1]!)) return name[1]!;
  return null;
}

const SURNAMES = new Set([
  "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương", "lý",
  "đào", "đoàn", "vương", "trịnh", "đinh", "lâm", "phùng", "mai", "tô", "trương", "hà", "tạ", "lưu", "châu", "quách",
  "thái", "lương", "cao", "triệu", "văn", "kiều", "lại", "hứa", "từ", "la", "giang", "tăng", "thân", "nông", "lò",
  "chu", "diệp", "khổng", "mạc", "nghiêm", "ông", "âu", "đàm", "đồng", "tôn", "trình", "viên", "lục", "quan", "bạch",
  // Surnames of the northern mountain peoples (Tày, Nùng, Thái, Mông, Dao …).
  "ma", "giàng", "sùng", "thào", "vàng", "vừ", "lầu", "hạng", "mùa", "lù", "chảo", "bàn", "sầm", "bế", "lường", "cầm",
  "quàng", "điêu", "tòng", "lộc", "hầu", "đèo", "khà", "mã", "y", "rơ", "ksor", "siu", "nay", "rah", "h'",
]);

function looksLikePersonName(s: string): boolean {
  const words = s.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (!words.every((w) => isCapitalized(w) && !isAllCapsWord(w) && !/\d/.test(w))) return false;
  return SURNAMES.has(words[0]!.toLowerCase());
}

function signerOf(tail: string[]): DocumentMeta["signer"] {
  const column = signatureColumn(tail).map((l) => l.replace(/^\*+|\*+$/g, "").trim()).filter(Boolean);
  let name: string | null = null;
  let nameAt = column.length;
  for (const [i, line] of column.entries()) {
    if (looksLikePersonName(line)) {
      name = line;
      nameAt = i;
      break;
    }
  }
  let position: string | null = null;
  for (let i = Math.min(nameAt, column.length) - 1; i >= 0; i--) {
    const line = column[i]!;
    if (isAllCapsLine(line) || (isAllCapsWord(line) && line.length > 2)) {
      if (ON_BEHALF.test(line) || /^(?:T\/M|T\/L|K\/T)/u.test(line)) break;
      position = normalCasePosition(line);
      break;
    }
  }
  return { name, position };
}

const NOT_A_PREDICATE = /^(?:của|về|với|tại|và|theo|năm|nhiệm|khóa|lần|trong|trên|ở)$/u;

const POSITION_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}\p{M}])bí thư(?![\p{L}\p{M}])/gu, "Bí thư"],
  [/(?<![\p{L}\p{M}])văn phòng(?![\p{L}\p{M}])/gu, "Văn phòng"],
  [/(?<![\p{L}\p{M}])tỉnh ủy(?![\p{L}\p{M}])/gu, "Tỉnh ủy"],
  [/(?<![\p{L}\p{M}])huyện ủy(?![\p{L}\p{M}])/gu, "Huyện ủy"],
  [/(?<![\p{L}\p{M}])ủy ban kiểm tra(?![\p{L}\p{M}])/gu, "Ủy ban Kiểm tra"],
  [/(?<![\p{L}\p{M}])ban thường vụ(?![\p{L}\p{M}])/gu, "Ban Thường vụ"],
  [/(?<=Bí thư )thường trực(?![\p{L}\p{M}])/gu, "Thường trực"],
];

/** "PHÓ BÍ THƯ" → "Phó Bí thư", "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng". */
export function normalCasePosition(caps: string): string {
  let s = collapseSpaces(caps.toLowerCase());
  for (const [re, word] of POSITION_WORDS) s = s.replace(re, word);
  return capitalise(s);
}

// ---------------------------------------------------------------------------
// Classification

const CLASSIFICATION = /^(?:độ mật\s{0,3}:\s{0,3})?(tuyệt mật|tối mật|mật)$/iu;

function classificationOf(head: string[], body: Para[]): Extraction["classification"] {
  const lines = [...head, ...body.slice(0, 3).map((p) => p.text)];
  for (const line of lines) {
    const m = CLASSIFICATION.exec(line.trim());
    if (!m) continue;
    const level = m[1]!.toLowerCase();
    return level === "tuyệt mật" ? "Tuyệt mật" : level === "tối mật" ? "Tối mật" : "Mật";
  }
  return null;
}
