// A grammar of Vietnamese body names, as papers write them:
//   Ban Cán sự đảng Ủy ban nhân dân tỉnh · Đảng đoàn Hội đồng nhân dân tỉnh · Ban Tổ chức Tỉnh ủy ·
//   Ủy ban Kiểm tra Tỉnh ủy · Văn phòng Tỉnh ủy · Sở Giáo dục và Đào tạo · Huyện ủy Châu Thành ·
//   Đảng ủy xã Tân Phú · thị xã Gò Công · Ngành công an · Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh ·
//   UBND tỉnh · BCS đảng UBND tỉnh · Các ban Đảng của Tỉnh ủy …
// A name is a head (the kind of body) followed by complements (the level it belongs to, another body,
// a proper name). Open classes ("các cấp", "các sở, ban, ngành", "cấp ủy") are recognised too and
// marked generic: they address everybody and cannot be followed up.
import { collapseSpaces, foldForMatch } from "../normalize.ts";
import type { KnownBody } from "../types.ts";
import { firstWordRange, isCapitalized, PhraseLexicon, TokenWords, type Token } from "./tokens.ts";
import { LowerCaseWords } from "../chars.ts";

export interface BodyMatch {
  /** Index of the first token and one past the last. */
  from: number;
  to: number;
  generic: boolean;
}

/** Heads that can only start a body when capitalised ("Sở", not "sở hữu"; "Báo", not "báo cáo"). */
const CAPITALISED_HEADS = [
  "sở", "báo", "đài", "hội", "cục", "chi cục", "viện", "trường", "bộ", "thanh tra", "kho bạc nhà nước", "bảo hiểm xã hội",
  "ngân hàng nhà nước", "trung tâm", "tòa án nhân dân", "viện kiểm sát nhân dân", "liên minh hợp tác xã", "quân sự",
  "biên phòng", "hội đồng", "tổ công tác", "tiểu ban", "chi bộ", "đảng bộ", "tỉnh đoàn", "ủy ban", "ban", "phòng",
  "ngân hàng", "viễn thông",
];

/**
 * Heads named by their field, as "Sở" is: "Chi cục Trồng trọt và Bảo vệ thực vật", "Phòng Kế hoạch - Tài chính",
 * "Trung tâm Phục vụ hành chính công phường", "Ngân hàng Chính sách xã hội". Without a field they name nothing.
 */
const FIELD_HEADS = new Set(["sở", "chi cục", "cục", "phòng", "trung tâm", "viện", "ngân hàng", "bộ"]);

/** Heads matched in any case. */
const HEADS = [
  // Party organs
  "ban cán sự đảng", "ban cán sự", "bcs đảng", "bcsđ", "đảng đoàn", "đảng ủy", "đảng ủy các cơ quan đảng",
  "đảng ủy khối các cơ quan", "đảng ủy khối doanh nghiệp", "ban thường vụ", "btv", "thường trực",
  "ban chấp hành", "bch", "ủy ban kiểm tra", "ubkt", "ban tổ chức", "ban tuyên giáo và dân vận", "ban tuyên giáo", "ban dân vận",
  "ban nội chính", "ban kinh tế", "ban xây dựng đảng", "ban chính sách, chiến lược", "ban đối ngoại", "ban bảo vệ chăm sóc sức khỏe cán bộ", "văn phòng", "vptu",
  "tỉnh ủy", "huyện ủy", "thị ủy", "thành ủy", "quận ủy", "bộ chính trị", "ban bí thư", "trường chính trị",
  "ban chỉ đạo", "ban chỉ huy", "ban quản lý",
  // State bodies
  "ủy ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd", "công an", "bộ chỉ huy quân sự", "bộ chỉ huy bộ đội biên phòng",
  "bộ đội biên phòng", "chính phủ", "thủ tướng chính phủ", "quốc hội", "đoàn đại biểu quốc hội",
  // Fatherland Front and mass organisations
  "ủy ban mặt trận tổ quốc việt nam", "ủy ban mặt trận tổ quốc", "ubmttq", "mặt trận tổ quốc việt nam", "mặt trận tổ quốc",
  "mttq", "liên đoàn lao động", "tổng liên đoàn lao động việt nam", "hội nông dân", "hội liên hiệp phụ nữ", "hội cựu chiến binh",
  "đoàn thanh niên cộng sản hồ chí minh", "đoàn thanh niên", "hội liên hiệp thanh niên việt nam", "hội chữ thập đỏ",
  // Sectors named as bodies: "Ngành công an", "Quân sự, Biên phòng"
  "ngành",
];

/** Heads whose name goes on with a description of their remit: "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh". */
const DESCRIBED_HEADS = new Set(["ban chỉ đạo", "ban chỉ huy", "ban quản lý", "hội đồng", "tổ công tác", "tiểu ban"]);

/** Places and levels; a place word needs a proper name ("huyện Châu Thành"), a level may end a name ("… tỉnh"). */
const PLACE_WORDS = ["thành phố", "thị xã", "huyện", "quận", "xã", "phường", "đặc khu", "thị trấn", "tỉnh", "ấp", "khu phố"];
const LEVELS = [
  "tỉnh ủy", "tu", "huyện ủy", "thị ủy", "thành ủy", "quận ủy", "trung ương", "tw", "trung ương đảng", "đảng bộ tỉnh",
  "tỉnh", "huyện", "thị xã", "thành phố", "xã", "phường", "đặc khu", "thị trấn", "quận", "cấp tỉnh", "cấp huyện", "cấp xã", "đảng",
  "việt nam", "tỉnh đoàn", "khu vực", "chi nhánh",
];
/** Complements that make a name an open class. */
const GENERIC_COMPLEMENTS = [
  "các cấp", "cấp ủy", "các ngành", "địa phương", "cơ sở", "các địa phương", "liên quan", "cấp trên", "cùng cấp", "các huyện",
  "các xã", "các phường", "các tỉnh", "các sở", "các ban", "các đơn vị", "các cơ quan", "các thành phố", "các thị xã", "huyện, thị",
];

/** Sectors after "Ngành" or in a list of forces ("Ngành Công an, Quân sự, Biên phòng"). */
const SECTORS = [
  "công an", "quân sự", "biên phòng", "bộ đội biên phòng", "kiểm sát", "tòa án", "thanh tra", "thuế", "hải quan",
  "giáo dục", "y tế", "tư pháp", "tài chính", "ngân hàng", "văn hóa", "nông nghiệp", "công thương", "giao thông",
  "tài nguyên và môi trường", "lao động", "nội vụ", "xây dựng", "du lịch", "giáo dục và đào tạo",
];

/** Departments: "Sở" + the domain as officially named. */
const DEPARTMENT_DOMAINS = [
  "tài chính", "kế hoạch và đầu tư", "xây dựng", "nội vụ", "y tế", "giáo dục và đào tạo", "tư pháp", "công thương",
  "nông nghiệp và phát triển nông thôn", "nông nghiệp và môi trường", "tài nguyên và môi trường",
  "lao động - thương binh và xã hội", "lao động, thương binh và xã hội", "văn hóa, thể thao và du lịch", "văn hóa và thể thao",
  "văn hóa, thể thao", "du lịch", "thông tin và truyền thông", "khoa học và công nghệ", "giao thông vận tải", "ngoại vụ",
  "dân tộc và tôn giáo", "khoa học, công nghệ", "văn hóa - thể thao và du lịch",
];

/** Words that begin a predicate: a described name ("Ban Chỉ đạo …") never runs into them. */
const PREDICATE_STARTS = [
  "tiếp tục", "thường xuyên", "cần", "phải", "chủ trì", "chủ động", "phối hợp", "chịu trách nhiệm", "chịu", "tham mưu",
  "khẩn trương", "tập trung", "theo dõi", "chỉ đạo", "lãnh đạo", "đã", "sẽ", "đang", "được", "có", "là", "không", "rà soát",
  "kiểm tra", "hoàn thành", "tăng cường", "nghiên cứu", "sớm", "đẩy mạnh", "quan tâm", "thực hiện tốt", "bảo đảm", "đảm bảo",
  "tích cực", "nắm", "xử lý", "báo cáo", "trình", "hướng dẫn", "đề xuất", "kịp thời", "thành lập", "tổ chức thực hiện",
  "với", "cùng", "nhằm", "để", "trong", "theo", "tại", "về", "và các", "thuộc",
];

const head = new PhraseLexicon(HEADS);
const capitalisedHead = new PhraseLexicon(CAPITALISED_HEADS);
const placeWord = new PhraseLexicon(PLACE_WORDS);
const level = new PhraseLexicon(LEVELS);
const genericComplement = new PhraseLexicon(GENERIC_COMPLEMENTS);
const sector = new PhraseLexicon(SECTORS);
const departmentDomain = new PhraseLexicon(DEPARTMENT_DOMAINS);
const predicateStart = new PhraseLexicon(PREDICATE_STARTS);

/** Committees named after their place: "Tỉnh ủy Hậu Giang", "Huyện ủy Châu Thành". */
const PLACE_COMMITTEES = new Set(["tỉnh ủy", "huyện ủy", "thị ủy", "thành ủy", "quận ủy", "đảng bộ", "chi bộ", "tỉnh đoàn", "viễn thông"]);

const MAX_NAME_TOKENS = 24;
const MAX_PROPER_NAME = 5;

/** Proper name: capitalised syllables ("Châu Thành", "Mỹ Tho", "Hậu Giang"), not a head of another body. */
function properNameLength(tokens: readonly Token[], i: number): number {
  let n = 0;
  while (n < MAX_PROPER_NAME && i + n < tokens.length) {
    const t = tokens[i + n]!;
    if (n > 0 && !t.spaced && t.gap.trim() !== "-") break;
    if (!isCapitalized(t.text) || /\d/.test(t.text)) break;
    // "Chi bộ Ủy ban nhân dân phường": a body's name, not a proper name, follows.
    if (head.longestAt(tokens, i + n) > 0 || capitalisedHead.longestAt(tokens, i + n) > 0) break;
    n++;
  }
  return n;
}

/**
 * The head at tokens[i]: its length, its words (lower case) and whether it is described. Capitalised heads
 * need a capital letter.
 */
function headAt(tokens: readonly Token[], i: number): { length: number; phrase: string; described: boolean } | null {
  const any = head.matchAt(tokens, i);
  // The lexicon first: most tokens start no head, and their text is not made to look at its case.
  let cap = capitalisedHead.matchAt(tokens, i);
  if (cap !== null && !isCapitalized(tokens[i]!.text)) cap = null;
  // The longer match; of two as long, the phrase is the same (the same tokens' lower case).
  const found = cap !== null && (any === null || cap.length > any.length) ? cap : any;
  if (found === null) return null;
  const { phrase, length } = found;
  // A bare "Ban"/"Ủy ban" is only a head when what follows names it ("Ban Tổ chức" is in the lexicon).
  if ((phrase === "ban" || phrase === "ủy ban") && any === null) return null;
  // "Báo cáo …" is a verb, not the newspaper "Báo Hậu Giang".
  if (phrase === "báo" && tokens[i + 1]?.is("cáo")) return null;
  return { length, phrase, described: DESCRIBED_HEADS.has(phrase) };
}

/** The body name starting at tokens[i], or null. */
export function matchBodyAt(tokens: readonly Token[], i: number): BodyMatch | null {
  if (i >= tokens.length) return null;
  const h = headAt(tokens, i);
  const place = placeWord.longestAt(tokens, i);
  if (place > 0 && (!h || h.length <= place)) {
    const name = properNameLength(tokens, i + place);
    if (name > 0 && tokens[i + place]!.spaced) return { from: i, to: i + place + name, generic: false };
    return null;
  }
  if (!h) return null;
  const first = h.phrase;
  let j = i + h.length;
  let generic = false;
  if (first === "ngành") {
    const s = sector.longestAt(tokens, j);
    if (s === 0 || !tokens[j]!.spaced) return null;
    return { from: i, to: j + s, generic: false };
  }
  if (FIELD_HEADS.has(first)) {
    const d = (first === "sở" ? departmentDomain.longestAt(tokens, j) : 0) || fieldLength(tokens, j);
    if (d === 0) return null;
    j += d;
  }
  if (h.described) j = describedEnd(tokens, j);
  if (PLACE_COMMITTEES.has(first) && j < tokens.length && tokens[j]!.spaced) j += properNameLength(tokens, j);
  // Complements: levels, generic classes, other bodies, proper names after a level.
  for (let guard = 0; guard < 6 && j < tokens.length && j - i < MAX_NAME_TOKENS; guard++) {
    const t = tokens[j]!;
    if (!t.spaced) break;
    const g = genericComplement.longestAt(tokens, j);
    if (g > 0) {
      generic = true;
      j += g;
      continue;
    }
    const nested = headAt(tokens, j);
    if (nested && !nested.described) {
      const inner = matchBodyAt(tokens, j);
      if (inner) {
        generic ||= inner.generic;
        j = inner.to;
        continue;
      }
    }
    const l = level.longestAt(tokens, j);
    if (l > 0) {
      j += l;
      const name = properNameLength(tokens, j);
      if (name > 0 && j < tokens.length && tokens[j]!.spaced) j += name;
      continue;
    }
    break;
  }
  if (first === "văn phòng" && j === i + h.length) {
    // "Văn phòng Sở", "Văn phòng Ban", "Văn phòng Đăng ký đất đai": the office of the body it belongs to.
    j += fieldLength(tokens, j, true);
  } else if (first === "văn phòng" && tokens[j]?.is("và") && tokens[j]!.spaced) {
    // "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường": one office of two bodies.
    const second = headAt(tokens, j + 1) ? matchBodyAt(tokens, j + 1) : null;
    if (second && !second.generic && tokens[j + 1]!.spaced) j = second.to;
  }
  return { from: i, to: j, generic };
}

const MAX_FIELD_TOKENS = 14;
/** Lower-case words a piece of a field may carry after its capitalised word ("Bảo vệ thực vật"). */
const MAX_FIELD_TAIL = 4;

/**
 * The field of "Sở", "Chi cục", "Phòng"…: pieces that each open with a capital ("Tài chính", "Bảo vệ thực vật",
 * "VNPT"), joined by "và" or " - " ("Kế hoạch - Tài chính"), or by commas when a "và" closes the list ("Chăn nuôi,
 * Thú y và Thủy sản"). A piece never opens with another body's head nor runs into the predicate.
 * `headAllowed`: the first piece may be a bare head ("Văn phòng Sở", "Văn phòng Ban").
 */
function fieldLength(tokens: readonly Token[], i: number, headAllowed = false): number {
  let n = 0; // tokens accepted
  let commasOpen = false; // pieces joined by commas wait for a closing "và"
  let k = i;
  let afterDash = false;
  let tailAllowed = true; // lower-case words may follow a piece opened by a link, not a proper name run on
  while (k < tokens.length && k - i < MAX_FIELD_TOKENS) {
    const t = tokens[k]!;
    if (!isCapitalized(t.text) || (k === i && !t.spaced)) break;
    const isHead = headAt(tokens, k) !== null;
    if (isHead && !afterDash && !(k === i && headAllowed)) break;
    // One piece: the capitalised word, further capitalised words, then a few lower-case words — none after
    // a bare head ("Văn phòng Sở tổng hợp …": what follows is the predicate).
    k++;
    while (k < tokens.length && tokens[k]!.spaced && isCapitalized(tokens[k]!.text) && headAt(tokens, k) === null) k++;
    for (let tail = 0; tailAllowed && (!isHead || afterDash) && tail < MAX_FIELD_TAIL && k < tokens.length; tail++) {
      const w = tokens[k]!;
      if (!w.spaced || isCapitalized(w.text) || w.is("và") || /\d/.test(w.text)) break;
      if (predicateStart.longestAt(tokens, k) > 0 && !compoundWithPrevious(tokens, k)) break;
      if ((level.longestAt(tokens, k) > 0 && !isSocial(tokens, k)) || genericComplement.longestAt(tokens, k) > 0) break;
      k++;
    }
    if (!commasOpen) n = k - i;
    const next = tokens[k];
    if (!next) break;
    afterDash = false;
    tailAllowed = true;
    if (next.is("và") && next.spaced && tokens[k + 1]?.spaced && isCapitalized(tokens[k + 1]!.text)) {
      commasOpen = false;
      k++;
    } else if (/^ ?- ?$/.test(next.gap) && isCapitalized(next.text)) {
      if (commasOpen) break;
      afterDash = true;
    } else if (/^, ?$/.test(next.gap) && isCapitalized(next.text)) {
      commasOpen = true;
    } else if (next.spaced && isCapitalized(next.text)) {
      // A proper name or an acronym goes on ("Trung tâm Kinh doanh VNPT Vĩnh Long"), without lower-case words.
      tailAllowed = false;
    } else break;
  }
  return n;
}

/** "xã hội" (society) in a field ("Chính sách xã hội"), not the level "xã". */
function isSocial(tokens: readonly Token[], k: number): boolean {
  return tokens[k]!.is("xã") && !!tokens[k + 1]?.is("hội") && tokens[k + 1]!.spaced;
}

/** "công trình", "chương trình": the word is part of a noun here, not the verb it may be ("trình" = submit). */
function compoundWithPrevious(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return !!prev && tokens[k]!.is("trình") && (prev.is("công") || prev.is("chương") || prev.is("quy") || prev.is("tiến") || prev.is("lộ"));
}

/** The end of a described name: words up to the predicate, a clause break or the length limit. */
function describedEnd(tokens: readonly Token[], j: number): number {
  const start = j;
  while (j < tokens.length && j - start < 18) {
    const t = tokens[j]!;
    if (j > start && !/^(?: {1,3}|, | - )$/.test(t.gap)) break;
    if (j === start && !t.spaced) break;
    if (predicateStart.longestAt(tokens, j) > 0 && !compoundWithPrevious(tokens, j)) break;
    if (genericComplement.longestAt(tokens, j) > 0) break;
    j++;
  }
  // A remit ends with the level the body works at ("Ban Chỉ huy Quân sự xã", "… tiêu cực tỉnh"): what
  // follows the last level word is already the predicate.
  let lastLevelEnd = -1;
  for (let k = start; k < j; k++) {
    const l = DESCRIPTION_LEVEL.longestAt(tokens, k);
    if (l > 0) {
      lastLevelEnd = k + l;
      k += l - 1;
    }
  }
  if (lastLevelEnd > start && lastLevelEnd < j) {
    const name = properNameLength(tokens, lastLevelEnd);
    return Math.min(j, lastLevelEnd + (name > 0 && tokens[lastLevelEnd]!.spaced ? name : 0));
  }
  return j;
}

const DESCRIPTION_LEVEL = new PhraseLexicon(["tỉnh", "huyện", "xã", "phường", "đặc khu", "thị trấn", "quận", "thành phố", "thị xã", "trung ương", "đảng"]);

// ---------------------------------------------------------------------------
// Plurals anchored to one body: "Các ban Đảng của Tỉnh ủy", "Các cơ quan tham mưu, giúp việc Tỉnh ủy".

/** Words of "Các ban Đảng của Tỉnh ủy", "Các cơ quan tham mưu, giúp việc Tỉnh ủy", "các phòng chuyên môn …". */
const PLURAL_PARTS = new TokenWords([
  "ban", "đảng", "cơ", "quan", "tham", "mưu", "giúp", "việc", "chuyên", "trách", "môn", "đơn", "vị", "trực", "thuộc", "sự",
  "nghiệp", "phòng", "sở", "ngành", "hội", "đoàn", "thể", "chi", "bộ", "ủy", "tổ", "chức", "xây", "dựng", "các",
]);

/** "Các …" naming a closed set of one body's parts, or (generic) an open class ("Các cấp, các ngành"). */
export function matchPluralAt(tokens: readonly Token[], i: number): BodyMatch | null {
  const t = tokens[i];
  if (!t || (!t.is("các") && !t.is("những"))) return null;
  for (let k = i + 1; k < Math.min(tokens.length, i + 9); k++) {
    const tk = tokens[k]!;
    if (!/^(?: {1,3}|, )$/.test(tk.gap)) break;
    // Only words naming parts of a body may stand between "Các" and the owner.
    if (!PLURAL_PARTS.has(tk) && !tk.is("của") && !(k > i + 1 && isCapitalized(tk.text))) return null;
    if (tk.is("của") && tk.spaced) {
      const owner = matchBodyAt(tokens, k + 1);
      return owner && !owner.generic ? { from: i, to: owner.to, generic: false } : null;
    }
    if (k > i + 1) {
      const owner = matchBodyAt(tokens, k);
      if (owner && isCapitalized(tokens[k]!.text)) return owner.generic ? null : { from: i, to: owner.to, generic: false };
    }
    if (genericComplement.longestAt(tokens, k) > 0) return null;
  }
  return null;
}

/** The words a body name or an anchored plural may start with. */
export const BODY_FIRST_WORDS: readonly string[] = ["các", "những", ...[...HEADS, ...CAPITALISED_HEADS, ...PLACE_WORDS].map((p) => p.toLowerCase().split(/\s+/).filter(Boolean)[0]!)];
const FIRST_WORDS = new LowerCaseWords(BODY_FIRST_WORDS);
/** The same words for tokens: one look-up passes over a word that starts no body, instead of one per lexicon. */
const FIRST_TOKENS = new TokenWords(BODY_FIRST_WORDS);

/** Whether a body name or an anchored plural may start with the first word of `text`: a cheap test before tokenizing. */
export function firstWordMayStartBody(text: string): boolean {
  const range = firstWordRange(text);
  return range !== null && FIRST_WORDS.find(text, range[0], range[1]) !== null;
}

/** A body name or an anchored plural at tokens[i]. */
export function matchNamedBodyAt(tokens: readonly Token[], i: number): BodyMatch | null {
  const t = tokens[i];
  if (t === undefined || !FIRST_TOKENS.has(t)) return null;
  return matchPluralAt(tokens, i) ?? matchBodyAt(tokens, i);
}

/** A sector noun standing alone in a list of forces: "quân sự", "bộ đội biên phòng". */
export function matchSectorAt(tokens: readonly Token[], i: number): BodyMatch | null {
  const s = sector.longestAt(tokens, i);
  return s > 0 ? { from: i, to: i + s, generic: false } : null;
}

export function isPredicateStart(tokens: readonly Token[], i: number): boolean {
  return predicateStart.longestAt(tokens, i) > 0;
}

// ---------------------------------------------------------------------------
// Matching names against the organisation tree

const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bubmttq\b/gu, "ủy ban mặt trận tổ quốc"],
  [/\bmttq\b/gu, "mặt trận tổ quốc"],
  [/\bubnd\b/gu, "ủy ban nhân dân"],
  [/\bhđnd\b/gu, "hội đồng nhân dân"],
  [/\bubkt\b/gu, "ủy ban kiểm tra"],
  [/\bbcs đảng\b/gu, "ban cán sự đảng"],
  [/\bbcsđ\b/gu, "ban cán sự đảng"],
  [/\bbtv\b/gu, "ban thường vụ"],
  [/\bbch\b/gu, "ban chấp hành"],
  [/\bvptu\b/gu, "văn phòng tỉnh ủy"],
  [/\btu\b/gu, "tỉnh ủy"],
];

// The same names are keyed over and over (each directive's leads and partners several times, the
// organisation tree's names for every paper): keys are remembered, a bounded number of them.
const KEYS = new Map<string, string>();
const MAX_KEYS = 4096;

/** The key two body names are compared by: folded, abbreviations spelt out. */
export function bodyKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    key = foldedBodyKey(name);
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    KEYS.set(name, key);
  }
  return key;
}

function foldedBodyKey(name: string): string {
  let s = foldForMatch(name);
  if (s.length > 300) s = s.slice(0, 300);
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  return collapseSpaces(s);
}

/** A matcher that replaces names found in the organisation tree by their first (canonical) name. */
export function knownBodyMatcher(bodies: readonly KnownBody[] | undefined): (name: string) => string {
  if (!bodies || bodies.length === 0) return (name) => name;
  const byKey = new Map<string, string>();
  for (const body of bodies) {
    const canonical = body.names[0];
    if (!canonical) continue;
    for (const n of body.names) {
      const key = bodyKey(n);
      if (key && !byKey.has(key)) byKey.set(key, canonical);
    }
  }
  return (name) => byKey.get(bodyKey(name)) ?? name;
}
