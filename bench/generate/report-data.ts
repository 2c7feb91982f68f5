import { sql } from "kysely";
import type { Db } from "../../src/server/db/schema.ts";
import { refreshResolution } from "../../src/server/targets/assess.ts";
import { prng } from "../lib/stats.ts";

function uuidFrom(rand: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `0190b000-${hex(4)}-7${hex(3)}-8${hex(3)}-${hex(12)}`;
}

export { generateDirectives, type GeneratedDirectives } from "../../src/server/reports/history.ts";

// Deterministic follow-up data for reports and the dashboard: conclusion notices of a year
// with their directives, each directive with the dated states a real one goes through
// (chưa thực hiện → đang thực hiện → chờ xác nhận → hoàn thành, or still open), and a year's
// resolution with targets, plans and monthly figures. The same seed gives the same data.

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
