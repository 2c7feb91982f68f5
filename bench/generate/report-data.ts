import { sql } from "kysely";
import { addDays, daysBetween } from "../../src/domain/format.ts";
import type { Db } from "../../src/server/db/schema.ts";
import { refreshResolution } from "../../src/server/targets/assess.ts";
import { prng } from "../lib/stats.ts";

// Deterministic follow-up data for reports and the dashboard: conclusion notices of a year
// with their directives, each directive with the dated states a real one goes through
// (chưa thực hiện → đang thực hiện → chờ xác nhận → hoàn thành, or still open), and a year's
// resolution with targets, plans and monthly figures. The same seed gives the same data.

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
  options: { units: string[]; year: number; count: number; until: string; seed?: number; parts?: boolean },
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
      symbol: `${100 + k}-TB/TU`,
      issued_on: issued,
      title: `Thông báo kết luận của Thường trực Tỉnh ủy tại buổi làm việc số ${k + 1}`,
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

/** A year's resolution of `count` targets owned by the given units, with plans and approved monthly figures for the year and the one before. */
export async function generateYearTargets(db: Db, provinceId: number, options: { units: string[]; year: number; count: number }): Promise<string> {
  const p = provinceId;
  const rand = prng(9000 + provinceId);
  const resolutionId = uuidFrom(rand);
  await db
    .insertInto("resolutions")
    .values({ province_id: p, id: resolutionId, kind: "yearly_resolution", year: options.year, symbol: `${options.year - 2000}-NQ/TU`, title: `Nghị quyết về nhiệm vụ năm ${options.year}`, issued_on: `${options.year - 1}-12-15` })
    .execute();
  const NAMES = ["Tổng thu ngân sách nhà nước trên địa bàn", "Kim ngạch xuất khẩu", "Tổng vốn đầu tư phát triển toàn xã hội", "Số doanh nghiệp thành lập mới", "Tạo việc làm mới", "Kết nạp đảng viên mới", "Tỷ lệ hộ nghèo", "Tỷ lệ tham gia bảo hiểm y tế", "Số xã đạt chuẩn nông thôn mới", "Tốc độ tăng trưởng kinh tế (GRDP)"];
  const UNITS = ["tỷ đồng", "triệu USD", "tỷ đồng", "doanh nghiệp", "lao động", "đảng viên", "%", "%", "xã", "%"];
  const targets = Array.from({ length: options.count }, (_, i) => {
    const flow = !UNITS[i % 10]!.includes("%");
    return {
      province_id: p,
      resolution_id: resolutionId,
      id: uuidFrom(rand),
      code: String(i + 1),
      name: i < 10 ? NAMES[i]! : `${NAMES[i % 10]} (nhóm ${Math.floor(i / 10) + 1})`,
      measure_unit: UNITS[i % 10]!,
      direction: (i % 10 === 6 ? "decrease" : "increase") as "increase" | "decrease",
      threshold: null,
      accumulates: flow,
      term_basis: (flow ? "sum" : "end") as "sum" | "end",
      period_kinds: ["month", "quarter", "half", "nine_months", "year"],
      owner_unit_id: options.units[i % options.units.length]!,
      position: i + 1,
      note: null,
    };
  });
  await db.insertInto("targets").values(targets).execute();
  await sql`
    insert into target_values (province_id, id, target_id, period, basis, value, status, source, submitted_at, approved_at)
    select t.province_id, md5(t.id::text || y || '-' || m)::uuid, t.id, to_char(make_date(y, m, 1), 'YYYY-MM'), 'official',
      case when t.accumulates
        then (50 + abs(hashtext(t.code)) % 100) * power(1.06, y - ${options.year - 1}::int) * (0.7 + 0.6 * m / 12.0) * (0.95 + (abs(hashtext(t.id::text || y || m)) % 100) / 1000.0)
        else 60 + (abs(hashtext(t.code)) % 30) + (y - ${options.year - 1}::int) * 1.5 + m * 0.05
      end,
      'approved', 'Báo cáo của cơ quan chủ trì', make_date(y, m, 1) + interval '40 days', make_date(y, m, 1) + interval '40 days'
    from targets t cross join generate_series(${options.year - 1}::int, ${options.year}::int) y cross join generate_series(1, 12) m
    where t.province_id = ${p} and t.resolution_id = ${resolutionId}`.execute(db);
  // The year's estimate (ước thực hiện cả năm) approved in early December, as year-end reports are drafted.
  await sql`
    insert into target_values (province_id, id, target_id, period, basis, value, status, source, cutoff_on, submitted_at, approved_at)
    select t.province_id, md5(t.id::text || 'year-estimate')::uuid, t.id, ${String(options.year)}, 'estimate',
      case when t.accumulates then sum(v.value) * 12 / 11 else max(v.value) filter (where v.period = ${`${options.year}-11`}) end,
      'approved', 'Báo cáo ước thực hiện cả năm của cơ quan chủ trì', make_date(${options.year}::int, 11, 30),
      make_date(${options.year}::int, 12, 10), make_date(${options.year}::int, 12, 10)
    from targets t join target_values v on v.province_id = t.province_id and v.target_id = t.id and v.period between ${`${options.year}-01`} and ${`${options.year}-11`}
    where t.province_id = ${p} and t.resolution_id = ${resolutionId}
    group by t.province_id, t.id, t.accumulates`.execute(db);
  await sql`
    insert into target_plans (province_id, target_id, period, value)
    select t.province_id, t.id, ${String(options.year)},
      case when t.accumulates
        then 12 * (50 + abs(hashtext(t.code)) % 100) * 1.06 * (0.96 + (abs(hashtext(t.code || 'p')) % 10) / 100.0)
        else 61 + (abs(hashtext(t.code)) % 30) + 1.5
      end
    from targets t where t.province_id = ${p} and t.resolution_id = ${resolutionId}`.execute(db);
  await refreshResolution(db, p, resolutionId);
  return resolutionId;
}
