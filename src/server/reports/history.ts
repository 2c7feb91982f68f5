import { addDays, daysBetween } from "../../domain/format.ts";
import type { Db } from "../db/schema.ts";

// A deterministic history of follow-up: conclusion notices of a year with their directives,
// each directive with the dated states a real one goes through (chưa thực hiện → đang thực
// hiện → chờ xác nhận → hoàn thành, or still open, some done late, some overdue). The demo gives
// one province such a year (so that the dashboard and the reports show a province's picture),
// and the benchmarks give it to 34. The same seed gives the same data.

/** A deterministic pseudo-random generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(rand: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `0190b000-${hex(4)}-7${hex(3)}-8${hex(3)}-${hex(12)}`;
}

const CLASSES = ["economy", "society", "defence", "party_building", "administration", "other"] as const;
const VERBS = [
  "Rà soát, đánh giá kết quả thực hiện",
  "Xây dựng kế hoạch triển khai",
  "Tham mưu ban hành",
  "Đẩy nhanh tiến độ",
  "Tổ chức sơ kết",
  "Kiểm tra, giám sát việc thực hiện",
  "Hoàn chỉnh hồ sơ, thủ tục",
  "Tập trung tháo gỡ khó khăn, vướng mắc",
];
const OBJECTS = [
  "các chỉ tiêu kinh tế - xã hội năm",
  "dự án đường tỉnh và các công trình trọng điểm",
  "công tác giải ngân vốn đầu tư công",
  "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
  "công tác chuyển đổi số, cải cách hành chính",
  "việc sắp xếp tổ chức bộ máy, tinh giản biên chế",
  "công tác phòng, chống thiên tai, sạt lở",
  "công tác phát triển đảng viên mới",
  "công tác phòng, chống tội phạm, bảo đảm trật tự an toàn xã hội",
  "các chính sách an sinh xã hội, giảm nghèo bền vững",
];

export interface GeneratedDirectives {
  papers: number;
  directives: number;
  states: number;
}

/**
 * `count` directives given in `year` by conclusion notices (about 25 items each) to the
 * given units — a few units get many, most a handful, as in life — with their histories
 * up to `until` (inclusive).
 */
export async function generateDirectives(
  db: Db,
  provinceId: number,
  options: { units: string[]; year: number; count: number; until: string; seed?: number; titleSuffix?: string; firstNumber?: number },
): Promise<GeneratedDirectives> {
  const rand = prng(options.seed ?? 7000 + provinceId * 31 + options.year);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  // Skewed: unit i is chosen with weight 1/(i+1).
  const weights = options.units.map((_, i) => 1 / (i + 1));
  const sum = weights.reduce((s, w) => s + w, 0);
  const unitOf = () => {
    let r = rand() * sum;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return options.units[i]!;
    }
    return options.units[0]!;
  };
  const papers: { province_id: number; id: string; kind: string; symbol: string; issued_on: string; title: string; issuer: string; status: "confirmed" }[] = [];
  const directives: Record<string, unknown>[] = [];
  const states: Record<string, unknown>[] = [];
  const perPaper = 25;
  const nPapers = Math.max(1, Math.ceil(options.count / perPaper));
  let made = 0;
  for (let k = 0; k < nPapers; k++) {
    const dayOfYear = Math.floor((k / nPapers) * 330) + Math.floor(rand() * 10);
    const issued = addDays(`${options.year}-01-05`, dayOfYear);
    if (issued > options.until) break;
    const paperId = uuidFrom(rand);
    papers.push({
      province_id: provinceId,
      id: paperId,
      kind: "TB",
      symbol: `${(options.firstNumber ?? 100) + k}-TB/TU`,
      issued_on: issued,
      title: `Thông báo kết luận của Thường trực Tỉnh ủy tại buổi làm việc số ${k + 1}${options.titleSuffix ?? ""}`,
      issuer: "Tỉnh ủy",
      status: "confirmed",
    });
    for (let i = 0; i < perPaper && made < options.count; i++, made++) {
      const id = uuidFrom(rand);
      const lead = unitOf();
      const recurring = rand() < 0.08;
      const due = recurring ? null : addDays(issued, 20 + Math.floor(rand() * 200));
      directives.push({
        province_id: provinceId,
        id,
        paper_id: paperId,
        ordinal: String(i + 1),
        position: i,
        content: `${pick(VERBS)} ${pick(OBJECTS)} ${options.year}; báo cáo kết quả về Thường trực Tỉnh ủy.`,
        lead_unit_id: lead,
        deadline_kind: recurring ? "recurring" : "date",
        deadline_value: due,
        classification: pick(CLASSES),
        source: "paper",
      });
      // The history: started after a while; then done on time, done late, waiting, or still open.
      const started = addDays(issued, 3 + Math.floor(rand() * 20));
      const r = rand();
      const row = (from: string, to: string | null, status: string, extra: Record<string, unknown> = {}) =>
        states.push({
          province_id: provinceId,
          directive_id: id,
          valid_from: from,
          valid_to: to,
          status,
          lead_unit_id: lead,
          due_on: due,
          requested_on: null,
          completed_on: null,
          paper_id: paperId,
          is_part: false,
          ...extra,
        });
      const clip = (d: string) => (d > options.until ? null : d);
      if (clip(started) === null) {
        row(issued, null, "not_started");
        continue;
      }
      row(issued, started, "not_started");
      let asked: string | null = null;
      if (due && r < 0.55) asked = addDays(started, Math.floor(rand() * Math.max(1, daysBetween(started, due))));
      else if (due && r < 0.72) asked = addDays(due, 1 + Math.floor(rand() * 60));
      else if (!due && r < 0.6) asked = addDays(started, 30 + Math.floor(rand() * 120));
      if (asked && asked <= started) asked = addDays(started, 1);
      if (!asked || asked > options.until) {
        row(started, null, "in_progress");
        continue;
      }
      row(started, asked, "in_progress");
      const confirmed = addDays(asked, 1 + Math.floor(rand() * 6));
      if (confirmed > options.until) {
        row(asked, null, "awaiting_confirmation", { requested_on: asked });
        continue;
      }
      row(asked, confirmed, "awaiting_confirmation", { requested_on: asked });
      row(confirmed, null, "done", { requested_on: asked, completed_on: asked });
    }
  }
  for (let i = 0; i < papers.length; i += 500) await db.insertInto("papers").values(papers.slice(i, i + 500)).execute();
  for (let i = 0; i < directives.length; i += 500) await db.insertInto("directives").values(directives.slice(i, i + 500) as never).execute();
  for (let i = 0; i < states.length; i += 1000) await db.insertInto("directive_states").values(states.slice(i, i + 1000) as never).execute();
  return { papers: papers.length, directives: directives.length, states: states.length };
}

