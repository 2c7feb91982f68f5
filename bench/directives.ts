import { sql } from "kysely";
import { addDays, todayInVietnam } from "../src/domain/format.ts";
import type { Db } from "../src/server/db/schema.ts";
import { myWork, trackingSheet, unitStatistics } from "../src/server/directives/queries.ts";
import { generateProvince, type GeneratedProvince } from "./generate/org.ts";
import { benchDatabase, type Engine } from "./lib/databases.ts";
import { measure, printTable, type Row, summary } from "./lib/stats.ts";

// Directives at province scale (1 province: ~29.400 directives, ~147.000 progress reports) and
// national scale (34 provinces: 1.000.000 directives, 5.000.000 reports), generated in SQL
// (insert … select … from generate_series; ids derived from the province and row number by
// md5, so every run has the same data). Each province has ~250 lead units (bodies and communes),
// so a unit leads ~120 directives. Statuses: 25% not started, 35% in progress, 5% waiting for
// confirmation, 30% done (some late), 3% suspended, 2% withdrawn; deadlines spread over the
// year around today; two dated state rows for every directive that has started.
// Measured (p95 over 100 runs, province 1, as of today unless said):
// - the office's tracking sheet: first 200 rows and the count — unfiltered (by deadline), overdue
//   only, one unit's in-progress work, one paper's items, and as of a past cut-off;
// - a unit's "Việc của tôi";
// - per-unit statistics and ranking, as of today and of a past cut-off.

const PROVINCES = 34;
const DIRECTIVES = 1_000_000;
const REPORTS_PER_DIRECTIVE = 5;
const PAPERS_PER_PROVINCE = 200;
// Unmeasured runs of each case first: a server answers these all day, from warm caches.
const WARM_UP = 20;

export async function generateDirectives(db: Db, p: GeneratedProvince, n: number, today: string): Promise<void> {
  const units = [...p.bodyIds, ...p.communeIds];
  const unitArray = sql.raw(`array[${units.map((u) => `'${u}'::uuid`).join(",")}]`);
  const k = units.length;
  const office = await db.selectFrom("users").select("id").where("province_id", "=", p.id).where("role", "=", "office").executeTakeFirstOrThrow();
  const leader = await db.selectFrom("users").select("id").where("province_id", "=", p.id).where("role", "=", "leader").executeTakeFirstOrThrow();
  const id = (expr: string) => sql.raw(`md5('${p.id}-' || ${expr})::uuid`);
  await sql`
    insert into papers (province_id, id, kind, symbol, issued_on, title, status)
    select ${p.id}, ${id("'paper-' || g")}, 'TB', g || '-TB/TU', ${today}::date - (g * 3), 'Thông báo kết luận số ' || g, 'confirmed'
    from generate_series(1, ${PAPERS_PER_PROVINCE}) g`.execute(db);
  // Day numbers relative to today: created 30–330 days ago; the deadline 20–220 days after creation.
  await sql`
    insert into directives (province_id, id, paper_id, ordinal, position, content, lead_unit_id, follower_id, leader_id,
      deadline_kind, deadline_value, priority, classification, source, created_at, updated_at)
    select ${p.id}, ${id("g")}, ${id("'paper-' || (1 + g % " + PAPERS_PER_PROVINCE + ")")}, (1 + g / ${PAPERS_PER_PROVINCE} % 30)::text, g / ${PAPERS_PER_PROVINCE},
      'Nhiệm vụ số ' || g || ': tăng cường quản lý, rà soát và báo cáo kết quả thực hiện',
      (${unitArray})[1 + (g * 7919) % ${k}], ${office.id}::uuid, case when g % 3 = 0 then ${leader.id}::uuid end,
      'date', to_char(${today}::date - 30 - (g * 7) % 300 + 20 + (g * 13) % 200, 'YYYY-MM-DD'),
      case when g % 10 = 0 then 'high' else 'normal' end, 'economy', 'paper', now(), now()
    from generate_series(1, ${n}) g`.execute(db);
  // The state before work started, for every directive that has started.
  const created = sql.raw(`(${"'" + today + "'"}::date - 30 - (g * 7) % 300)`);
  const due = sql.raw(`(${"'" + today + "'"}::date - 30 - (g * 7) % 300 + 20 + (g * 13) % 200)`);
  await sql`
    insert into directive_states (province_id, directive_id, valid_from, valid_to, status, lead_unit_id, due_on, paper_id, is_part)
    select ${p.id}, ${id("g")}, ${created}, ${created} + 3, 'not_started', (${unitArray})[1 + (g * 7919) % ${k}], ${due},
      ${id("'paper-' || (1 + g % " + PAPERS_PER_PROVINCE + ")")}, false
    from generate_series(1, ${n}) g where g % 100 >= 25`.execute(db);
  await sql`
    insert into directive_states (province_id, directive_id, valid_from, valid_to, status, lead_unit_id, due_on, requested_on, completed_on, paper_id, is_part)
    select ${p.id}, ${id("g")},
      case when g % 100 < 25 then ${created} else ${created} + 3 end, null,
      case when g % 100 < 25 then 'not_started' when g % 100 < 60 then 'in_progress' when g % 100 < 65 then 'awaiting_confirmation'
           when g % 100 < 95 then 'done' when g % 100 < 98 then 'suspended' else 'withdrawn' end,
      (${unitArray})[1 + (g * 7919) % ${k}], ${due},
      case when g % 100 between 60 and 94 then least(${due} - 5 + g % 11, ${today}::date) end,
      case when g % 100 between 65 and 94 then least(${due} - 5 + g % 11, ${today}::date) end,
      ${id("'paper-' || (1 + g % " + PAPERS_PER_PROVINCE + ")")}, false
    from generate_series(1, ${n}) g`.execute(db);
  await sql`
    insert into directive_partners (province_id, directive_id, unit_id, valid_from)
    select ${p.id}, ${id("g")}, (${unitArray})[1 + (g * 7001 + 1) % ${k}], ${created}
    from generate_series(1, ${n}) g where g % 2 = 0 and (g * 7001 + 1) % ${k} <> (g * 7919) % ${k}`.execute(db);
  await sql`
    insert into directive_reports (province_id, id, directive_id, unit_id, role, progress, narrative, reported_at, reported_on)
    select ${p.id}, ${id("'r-' || r")}, ${id(`(1 + (r - 1) / ${REPORTS_PER_DIRECTIVE})`)},
      (${unitArray})[1 + ((1 + (r - 1) / ${REPORTS_PER_DIRECTIVE}) * 7919) % ${k}], 'lead', least(100, 20 * (1 + (r - 1) % ${REPORTS_PER_DIRECTIVE})),
      'Báo cáo tiến độ lần ' || (1 + (r - 1) % ${REPORTS_PER_DIRECTIVE}),
      (${today}::date - ((r * 11) % 300))::timestamptz, ${today}::date - ((r * 11) % 300)
    from generate_series(1, ${n * REPORTS_PER_DIRECTIVE}) r`.execute(db);
}

export async function measureScale(engine: Engine, scale: string, db: Db, p: GeneratedProvince, today: string): Promise<Row[]> {
  const rows: Row[] = [];
  const all = { units: null, userId: null };
  const past = addDays(today, -120);
  const unit = p.bodyIds[3]!;
  const paper = (await db.selectFrom("papers").select("id").where("province_id", "=", p.id).orderBy("issued_on", "desc").limit(1).executeTakeFirstOrThrow()).id;
  const cases: [string, () => Promise<unknown>][] = [
    ["bảng theo dõi: 200 dòng đầu + tổng số (theo thời hạn)", () => trackingSheet(db, p.id, { asOf: today, limit: 200 }, all, 3)],
    ["bảng theo dõi: lọc quá hạn, 200 dòng đầu + tổng số", () => trackingSheet(db, p.id, { asOf: today, timeliness: ["overdue"], limit: 200 }, all, 3)],
    ["bảng theo dõi: lọc đơn vị + đang thực hiện", () => trackingSheet(db, p.id, { asOf: today, unitId: unit, statuses: ["in_progress"], limit: 200 }, all, 3)],
    ["bảng theo dõi: lọc theo văn bản", () => trackingSheet(db, p.id, { asOf: today, paperId: paper, sort: "ordinal", limit: 200 }, all, 3)],
    ["bảng theo dõi: quá hạn, tính đến 120 ngày trước", () => trackingSheet(db, p.id, { asOf: past, timeliness: ["overdue"], limit: 200 }, all, 3)],
    ["Việc của tôi (một đơn vị)", () => myWork(db, p.id, { id: "00000000-0000-7000-8000-000000000000", role: "unit_staff", unitIds: [unit] }, today, 3)],
    ["thống kê, xếp hạng theo đơn vị (hôm nay)", () => unitStatistics(db, p.id, { asOf: today }, null, 3)],
    ["thống kê, xếp hạng theo đơn vị (120 ngày trước)", () => unitStatistics(db, p.id, { asOf: past }, null, 3)],
  ];
  for (const [operation, fn] of cases) rows.push({ engine, scale, operation, ...summary(await measure(fn, 100, WARM_UP)) });
  return rows;
}

/**
 * The state production is in some time after a bulk load: statistics and the visibility map as
 * autovacuum leaves them (without them the index-only scans of the sheet read the heap too), and the
 * load's dirty pages written out (else the checkpointer writes gigabytes while the first case is timed).
 */
async function settle(db: Db): Promise<void> {
  await sql`vacuum analyze`.execute(db);
  await sql`checkpoint`.execute(db);
}

async function counts(db: Db): Promise<string> {
  const d = await db.selectFrom("directives").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const r = await db.selectFrom("directive_reports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return `${Number(d.n).toLocaleString("vi-VN")} nhiệm vụ, ${Number(r.n).toLocaleString("vi-VN")} báo cáo`;
}

export async function benchDirectives(engines: Engine[], options: { provinces?: number; directives?: number } = {}): Promise<void> {
  const provinces = options.provinces ?? PROVINCES;
  const perProvince = Math.round((options.directives ?? DIRECTIVES) / PROVINCES);
  const today = todayInVietnam();
  const rows: Row[] = [];
  for (const engine of engines) {
    const handle = await benchDatabase(engine, "directives");
    try {
      const db = handle.db;
      let t = performance.now();
      const first = await generateProvince(db, 1, { usersPerBody: 1 });
      await generateDirectives(db, first, perProvince, today);
      await settle(db);
      console.log(`  [${engine}] sinh dữ liệu 1 tỉnh: ${((performance.now() - t) / 1000).toFixed(1)} s → ${await counts(db)}`);
      rows.push(...(await measureScale(engine, "1 tỉnh", db, first, today)));
      t = performance.now();
      for (let id = 2; id <= provinces; id++) {
        const p = await generateProvince(db, id, { usersPerBody: 1 });
        await generateDirectives(db, p, perProvince, today);
      }
      await settle(db);
      console.log(`  [${engine}] sinh thêm ${provinces - 1} tỉnh: ${((performance.now() - t) / 1000).toFixed(1)} s → ${await counts(db)}`);
      rows.push(...(await measureScale(engine, `${provinces} tỉnh`, db, first, today)));
    } finally {
      await handle.close();
    }
  }
  printTable("Nhiệm vụ — thời gian (ms): p50 / p95 / lớn nhất (mục tiêu p95 ≤ 30 ms trên PostgreSQL, 34 tỉnh)", rows);
}
