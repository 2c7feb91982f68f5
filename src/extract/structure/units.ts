// Units of quantities as papers write them (gold README §3.2): measures with their multiplier word
// ("tỷ đồng", "ngàn tỷ đồng", "triệu USD", "ha", "tấn/ha"), rates ("thuê bao/100 dân", "bác sĩ/vạn dân")
// and counted nouns — the noun without its modifiers, or the classifier alone when one stands before
// the noun ("194 căn nhà" → "căn"). Fixed terms stay whole ("tổ chức cơ sở đảng", "hợp tác xã").

export const MEASURES = [
  "ngàn tỷ đồng", "nghìn tỷ đồng", "trăm triệu đồng", "trăm nghìn đồng", "trăm ngàn đồng", "tỷ đồng", "triệu đồng",
  "nghìn đồng", "ngàn đồng", "đồng", "tỷ USD", "triệu USD", "nghìn USD", "ngàn USD", "USD", "triệu con", "nghìn con",
  "triệu lượt", "nghìn lượt", "ha", "hécta", "km2", "km", "m2", "m3", "m", "tấn", "tạ", "kg", "lít", "MW", "kWh", "cm",
  "mm", "triệu tấn", "nghìn tấn", "ngàn tấn", "triệu người",
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
];

/** Classifiers that stand for the noun after them: "194 căn nhà" → unit "căn". */
export const CLASSIFIERS = new Set(["căn", "con", "cây", "đợt", "điểm", "lượt", "chiếc", "cuốn", "quyển", "bộ", "phần"]);

/** Time units: "05 năm thực hiện", "chưa đủ 06 tháng" are durations, not indicators. */
export const TIME_UNITS = ["năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "quý", "thập kỷ", "thế kỷ", "năm tuổi"];

/** Denominators of rates: "thuê bao/100 dân", "bác sĩ/vạn dân", "tiêu chí/xã", "đồng/phần", "ngày/tháng". */
const RATE_SOURCE = String.raw`\/\s{0,2}(?:\d{1,5}\s{1,2})?(?:vạn dân|nghìn dân|ngàn dân|dân|xã|phần|tháng|năm|ha|người|hộ|lượt|ngày|km2|km)`;

function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, String.raw`\s{1,3}`))
    .join("|");
}

const END = String.raw`(?![\p{L}\p{M}\d])`;
const MEASURE_AFTER = new RegExp(String.raw`^\s{1,3}(?:${alternation(MEASURES)})(?:${RATE_SOURCE})?${END}`, "iu");
const RATE_NOUN_AFTER = new RegExp(String.raw`^\s{1,3}(?:${alternation(COUNT_NOUNS)}|\p{L}{1,7}\s\p{L}{1,7}|\p{L}{1,7})${RATE_SOURCE}${END}`, "iu");
const COUNT_AFTER = new RegExp(String.raw`^\s{1,3}(?:${alternation(COUNT_NOUNS)})${END}`, "iu");
const TIME_AFTER = new RegExp(String.raw`^\s{1,3}(?:${alternation(TIME_UNITS)})${END}`, "iu");
const CLASS_AFTER = /^\s{1,3}sao(?![\p{L}\p{M}])/iu;
const QUOTED_NOUN_AFTER = new RegExp(String.raw`^\s{1,3}[“"]\s{0,2}(${alternation(COUNT_NOUNS)})${END}`, "iu");

export type UnitKind = "percent" | "measure" | "count";

export interface UnitMatch {
  /** The unit as written, spaces collapsed. */
  unit: string;
  kind: UnitKind;
  /** Characters consumed after the number. */
  length: number;
}

/** The unit written right after a number, given the text that follows it; null when there is none. */
export function unitAfter(after: string): UnitMatch | null {
  const percent = /^\s{0,2}%/.exec(after);
  if (percent) return { unit: "%", kind: "percent", length: percent[0].length };
  const count = COUNT_AFTER.exec(after);
  const measure = MEASURE_AFTER.exec(after);
  // "đồng chí" is a count, not the currency "đồng": the longer reading wins.
  if (measure && (!count || measure[0].length >= count[0].length)) return { unit: clean(measure[0]), kind: "measure", length: measure[0].length };
  const rate = RATE_NOUN_AFTER.exec(after);
  if (rate) return { unit: clean(rate[0]), kind: "measure", length: rate[0].length };
  if (count) {
    const word = clean(count[0]);
    const first = word.split(" ")[0]!;
    // "căn nhà", "con heo": the classifier is the unit, the noun goes to the label.
    if (CLASSIFIERS.has(first.toLocaleLowerCase("vi"))) return { unit: first, kind: "count", length: count[0].indexOf(first) + first.length };
    return { unit: word, kind: "count", length: count[0].length };
  }
  const quoted = QUOTED_NOUN_AFTER.exec(after);
  if (quoted) return { unit: clean(quoted[1]!).toLocaleLowerCase("vi"), kind: "count", length: quoted[0].length };
  return null;
}

export function isDurationAfter(after: string): boolean {
  return TIME_AFTER.test(after) && !/^\s{1,3}\S{1,12}\//u.test(after);
}

export function isClassAfter(after: string): boolean {
  return CLASS_AFTER.test(after);
}

/** The counted noun of "số <noun>" / "tổng số <noun>", used for numbers written without a unit. */
export function countNounAt(text: string): string | null {
  const m = COUNT_AFTER.exec(` ${text}`);
  return m ? clean(m[0]) : null;
}

function clean(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** "tỷ động" (typo) → "tỷ đồng". */
export function correctUnit(unit: string): string {
  return unit.replace(/(tỷ|triệu|nghìn|ngàn)\s+động$/iu, "$1 đồng");
}
