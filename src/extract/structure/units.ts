// Units of quantities as papers write them (gold README §3.2): measures with their multiplier word
// ("tỷ đồng", "ngàn tỷ đồng", "triệu USD", "ha", "tấn/ha"), rates ("thuê bao/100 dân", "bác sĩ/vạn dân")
// and counted nouns — the noun without its modifiers, or the classifier alone when one stands before
// the noun ("194 căn nhà" → "căn"). Fixed terms stay whole ("tổ chức cơ sở đảng", "hợp tác xã").
import { isSpace, isWordChar, LowerCaseMap, LowerCaseWords } from "../chars.ts";

export const MEASURES = [
  "ngàn tỷ đồng", "nghìn tỷ đồng", "trăm triệu đồng", "trăm nghìn đồng", "trăm ngàn đồng", "tỷ đồng", "triệu đồng",
  "nghìn đồng", "ngàn đồng", "đồng", "tỷ USD", "triệu USD", "nghìn USD", "ngàn USD", "USD", "triệu con", "nghìn con",
  "triệu lượt", "nghìn lượt", "ha", "hécta", "km2", "km", "m2", "m3", "m", "tấn", "tạ", "kg", "lít", "MW", "kWh", "cm",
  "mm", "triệu tấn", "nghìn tấn", "ngàn tấn", "triệu người", "điểm phần trăm",
  // A typo seen in drafts, read as the currency it means (see correctUnit).
  "tỷ động", "triệu động",
];

/** Counted nouns, longest first where one contains another ("tổ chức cơ sở đảng" before "tổ chức đảng"). */
export const COUNT_NOUNS = [
  // Party
  "tổ chức cơ sở đảng", "tổ chức đảng", "đảng viên", "chi bộ", "đảng bộ", "ban cán sự đảng", "đảng đoàn", "đảng ủy",
  "cấp ủy viên", "ủy viên", "đồng chí", "cán bộ", "công chức", "viên chức", "người lao động", "lao động", "hội viên",
  "đoàn viên", "thanh niên", "học sinh", "sinh viên", "giáo viên", "bác sĩ", "y tá", "bệnh nhân", "đại biểu", "cử tri",
  "tác giả", "tác phẩm", "tập thể", "cá nhân", "gia đình", "hộ gia đình", "hộ", "người", "nhân khẩu", "lượt", "ca",
  "trường hợp", "vụ án", "vụ việc", "vụ", "phiên tòa", "đối tượng", "bị can", "đơn", "đơn thư", "hồ sơ", "thủ tục",
  // Documents, tasks
  "nghị quyết", "quyết định", "quy định", "chỉ thị", "kết luận", "đề án", "chương trình", "kế hoạch", "văn bản",
  "báo cáo", "hướng dẫn", "thông báo", "công văn", "quy chế", "chỉ tiêu", "nhiệm vụ", "công việc", "nội dung",
  "tiêu chí", "chỉ số", "chuẩn mực", "câu hỏi", "ý kiến", "kiến nghị", "đề tài", "sáng kiến", "mô hình", "bài",
  "bài viết", "tin bài", "tin", "cuộc", "buổi", "đợt", "lớp", "hội nghị", "kỳ họp", "phiên họp", "đoàn",
  "tiểu ban", "tổ", "nhóm", "câu lạc bộ",
  // Places and organisations
  "xã", "phường", "thị trấn", "huyện", "tỉnh", "thành phố", "ấp", "khu phố", "khu vực", "vùng", "cấp", "địa phương",
  "đơn vị", "cơ quan", "doanh nghiệp", "hợp tác xã", "liên hiệp hợp tác xã", "tổ hợp tác", "trường", "trung tâm",
  "bệnh viện", "trạm y tế", "cơ sở", "phòng", "trưởng phòng", "phó trưởng phòng", "ban", "sở", "ngành", "dự án",
  "công trình", "tuyến", "cầu", "đường", "cụm công nghiệp", "khu công nghiệp", "chợ", "điểm",
  // Things counted
  "giải", "huy chương", "huy hiệu", "bằng khen", "giấy khen", "danh hiệu", "sản phẩm", "phần quà", "phần", "suất",
  "căn", "căn nhà", "nhà", "con", "cây", "thuê bao", "giường bệnh", "giường", "bậc", "lần", "loại", "mặt hàng",
  "phương án", "tàu", "xe", "máy", "camera", "ý tưởng", "tiêu chuẩn", "quyển", "cuốn", "bộ", "chiếc",
  "giấy chứng nhận", "giấy phép", "ổ", "cơn", "tham luận", "cụm", "tố cáo", "thửa", "trạm",
  "thôn", "bản", "biển", "giếng", "bồn", "trụ", "bình", "quầy", "biên chế", "nhà máy",
];

/** Classifiers that stand for the noun after them: "194 căn nhà" → unit "căn". */
export const CLASSIFIERS = new Set(["căn", "con", "cây", "đợt", "điểm", "lượt", "chiếc", "cuốn", "quyển", "bộ", "phần", "bài", "cơn", "cụm", "ổ", "thửa", "trạm"]);

/** Time units: "05 năm thực hiện", "chưa đủ 06 tháng" are durations, not indicators. */
export const TIME_UNITS = ["năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "quý", "thập kỷ", "thế kỷ", "năm tuổi"];

/** Denominators of rates: "thuê bao/100 dân", "bác sĩ/vạn dân", "tiêu chí/xã", "đồng/phần", "ngày/tháng". */
const DENOMINATORS = ["vạn dân", "nghìn dân", "ngàn dân", "dân", "xã", "phần", "tháng", "năm", "ha", "người", "hộ", "lượt", "ngày", "km2", "km", "kg", "tấn", "lít", "dự án", "ngày đêm", "m3"];

export type UnitKind = "percent" | "measure" | "count";

export interface UnitMatch {
  /** The unit as written, spaces collapsed. */
  unit: string;
  kind: UnitKind;
  /** Characters consumed after the number. */
  length: number;
}

// Units are looked up word by word in tries (lower case), which is much faster than running long
// alternations of regular expressions at every number. A word is looked up by its place in the text
// (LowerCaseMap), without copying it out or lowering it.
class WordTrie {
  private readonly root = new LowerCaseMap<TrieNode>();

  constructor(phrases: readonly string[]) {
    for (const p of phrases) {
      let level = this.root;
      let node: TrieNode | undefined;
      for (const w of p.toLowerCase().split(" ")) {
        node = level.get(w);
        if (!node) {
          node = { end: false, next: new LowerCaseMap() };
          level.set(w, node);
        }
        level = node.next;
      }
      node!.end = true;
    }
  }

  /** Number of words of the longest phrase at words[i]. */
  longest(words: Words, i: number): number {
    let level = this.root;
    let best = 0;
    for (let k = i; ; k++) {
      const word = words.at(k);
      if (!word) break;
      const node = level.find(words.text, word.start, word.end);
      if (!node) break;
      if (node.end) best = k - i + 1;
      level = node.next;
    }
    return best;
  }
}

interface TrieNode {
  end: boolean;
  next: LowerCaseMap<TrieNode>;
}

interface Word {
  /** Where the word starts and ends in the scanned string ("/" is a word of its own). */
  start: number;
  end: number;
  /** Spaces before the word. */
  spaces: number;
}

const MEASURE_TRIE = new WordTrie(MEASURES);
const COUNT_TRIE = new WordTrie(COUNT_NOUNS);
const TIME_TRIE = new WordTrie(TIME_UNITS);
const DENOMINATOR_TRIE = new WordTrie(DENOMINATORS);
const CLASSIFIER_WORDS = new LowerCaseWords(CLASSIFIERS);
const STAR_CLASS = new LowerCaseWords(["sao"]);

/**
 * Up to `max` words after a number: letters, marks and digits; "/" as a word of its own; stops at other
 * punctuation. Words are read as the look-ups ask for them: most stop after one or two.
 */
class Words {
  readonly text: string;
  private readonly list: Word[] = [];
  private readonly max: number;
  private next = 0;
  private done = false;

  constructor(text: string, max: number) {
    this.text = text;
    this.max = max;
  }

  at(k: number): Word | undefined {
    while (this.list.length <= k && !this.done) this.read();
    return this.list[k];
  }

  /** The k-th word as written. */
  textOf(k: number): string {
    const w = this.at(k)!;
    return this.text.slice(w.start, w.end);
  }

  isSlash(w: Word | undefined): boolean {
    return w !== undefined && w.end - w.start === 1 && this.text.charCodeAt(w.start) === 0x2f;
  }

  private read(): void {
    const s = this.text;
    let i = this.next;
    if (this.list.length >= this.max || i >= s.length) {
      this.done = true;
      return;
    }
    let spaces = 0;
    while (i < s.length && s.charCodeAt(i) === 0x20) {
      i++;
      spaces++;
    }
    if (i >= s.length) {
      this.done = true;
      return;
    }
    if (s.charCodeAt(i) === 0x2f) {
      this.list.push({ start: i, end: i + 1, spaces });
      this.next = i + 1;
      return;
    }
    const start = i;
    while (i < s.length && i - start < 24 && isWordChar(s.charCodeAt(i))) i++;
    if (i === start) {
      this.done = true;
      return;
    }
    this.list.push({ start, end: i, spaces });
    this.next = i;
  }
}

function wordsOf(s: string, max: number): Words {
  return new Words(s, max);
}

function joined(words: Words, from: number, to: number): string {
  let out = "";
  for (let k = from; k < to; k++) {
    const w = words.at(k)!;
    out += k > from && !words.isSlash(w) && !words.isSlash(words.at(k - 1)) ? ` ${words.textOf(k)}` : words.textOf(k);
  }
  return out;
}

/** `/^\d{1,5}$/` of a word. */
function isShortNumber(words: Words, w: Word | undefined): boolean {
  if (!w || w.end - w.start > 5) return false;
  for (let i = w.start; i < w.end; i++) {
    const c = words.text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** "/100 dân", "/vạn dân", "/xã" after a unit: the number of words it takes, or 0. */
function rateLength(words: Words, i: number): number {
  const slash = words.at(i);
  if (!slash || !words.isSlash(slash) || slash.spaces > 2) return 0;
  let k = i + 1;
  if (isShortNumber(words, words.at(k))) k++;
  const d = DENOMINATOR_TRIE.longest(words, k);
  return d > 0 ? k + d - i : 0;
}

/** `/^\s{0,2}%/.exec(after)?.[0].length`: a percent sign after at most two white space characters. */
function percentLength(after: string): number {
  let i = 0;
  while (i < 2 && isSpace(after.charCodeAt(i))) i++;
  return after.charCodeAt(i) === 0x25 ? i + 1 : 0;
}

/** The unit written right after a number, given the text that follows it; null when there is none. */
export function unitAfter(after: string): UnitMatch | null {
  const percent = percentLength(after);
  if (percent > 0) {
    // "giảm bình quân 2,5%/năm": a yearly rate.
    const perYear = /^\/(?:năm|tháng)(?![\p{L}\p{M}])/u.exec(after.slice(percent));
    return perYear ? { unit: `%${perYear[0]}`, kind: "percent", length: percent + perYear[0].length } : { unit: "%", kind: "percent", length: percent };
  }
  const words = wordsOf(after, 8);
  const first = words.at(0);
  if (!first || first.spaces < 1 || first.spaces > 3) {
    return quotedNounAfter(after);
  }
  const measure = MEASURE_TRIE.longest(words, 0);
  const count = COUNT_TRIE.longest(words, 0);
  // "đồng chí" is a count, not the currency "đồng": the longer reading wins.
  if (measure > 0 && measure >= count) {
    const rate = rateLength(words, measure);
    // "triệu đồng/người/năm": a rate may have a second denominator.
    const n = measure + rate + (rate > 0 ? rateLength(words, measure + rate) : 0);
    return { unit: joined(words, 0, n), kind: "measure", length: words.at(n - 1)!.end };
  }
  // Rates of nouns: "thuê bao/100 dân", "bác sĩ/vạn dân", "giường bệnh/vạn dân".
  for (let option = 0; option < 3; option++) {
    const nounWords = option === 0 ? count : 3 - option; // the noun read, else two words, else one
    if (nounWords <= 0) continue;
    const rate = rateLength(words, nounWords);
    if (rate > 0) return { unit: joined(words, 0, nounWords + rate), kind: "measure", length: words.at(nounWords + rate - 1)!.end };
  }
  if (count > 0) {
    // "căn nhà", "con heo": the classifier is the unit, the noun goes to the label.
    if (CLASSIFIER_WORDS.find(after, first.start, first.end) !== null) return { unit: words.textOf(0), kind: "count", length: first.end };
    return { unit: joined(words, 0, count), kind: "count", length: words.at(count - 1)!.end };
  }
  return null;
}

/** "1.400 “Nhà đại đoàn kết”": the counted noun opens a quotation. */
function quotedNounAfter(after: string): UnitMatch | null {
  const q = /^\s{1,3}[“"]\s{0,2}/.exec(after);
  if (!q) return null;
  const words = wordsOf(after.slice(q[0].length), 6);
  const count = COUNT_TRIE.longest(words, 0);
  if (count === 0) return null;
  return { unit: joined(words, 0, count).toLowerCase(), kind: "count", length: q[0].length + words.at(count - 1)!.end };
}

export function isDurationAfter(after: string): boolean {
  const words = wordsOf(after, 4);
  const first = words.at(0);
  if (!first || first.spaces < 1 || first.spaces > 3) return false;
  const t = TIME_TRIE.longest(words, 0);
  return t > 0 && !words.isSlash(words.at(t));
}

export function isClassAfter(after: string): boolean {
  const first = wordsOf(after, 1).at(0);
  return !!first && first.spaces >= 1 && first.spaces <= 3 && STAR_CLASS.find(after, first.start, first.end) !== null;
}

/** The counted noun of "số <noun>" / "tổng số <noun>", used for numbers written without a unit. */
export function countNounAt(text: string): string | null {
  const words = wordsOf(` ${text}`, 6);
  const count = COUNT_TRIE.longest(words, 0);
  return count > 0 ? joined(words, 0, count) : null;
}

/** "tỷ động" (typo) → "tỷ đồng". */
export function correctUnit(unit: string): string {
  // Only a unit ending with "động" (in any case) is changed: its third letter from the end is "ộ".
  const c = unit.charCodeAt(unit.length - 3);
  if (c !== 0x1ed9 && c !== 0x1ed8) return unit;
  return unit.replace(/(tỷ|triệu|nghìn|ngàn)\s+động$/iu, "$1 đồng");
}
