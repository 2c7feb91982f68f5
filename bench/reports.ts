import { createApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import type { Db } from "../src/server/db/schema.ts";
import { addDays, todayInVietnam } from "../src/domain/format.ts";
import { generateConclusion, generateWorkResults } from "../src/server/reports/generate.ts";
import { BENCH_PASSWORD, generateProvince } from "./generate/org.ts";
import { generateDirectives, generateYearTargets } from "./generate/report-data.ts";
import { signIn } from "./lib/http.ts";
import { benchDatabase, type Engine } from "./lib/databases.ts";
import { measure, percentile, printTable, type Row, summary } from "./lib/stats.ts";

// Reports and the dashboard.
// - A year report for one province at realistic scale: 2.000 directives given in the year by
//   80 conclusion notices to 150 provincial bodies (plus 1.500 of the year before), 60 targets
//   with monthly figures — read, drafted with charts and annexes, written as .docx (goal ≤ 2 s),
//   also as .xlsx, and a conclusion notice of 25 items.
// - The dashboard API at national scale: 34 provinces, each with last year's and this year's
//   directives (3.000) and 60 targets; GET /api/dashboard for today (served by the trigger-kept
//   aggregate), for a past cut-off (dated states), and a unit's drill-down, signed in as each
//   province's leader in turn (goal p95 ≤ 50 ms on PostgreSQL). Also: a state change with the
//   trigger that keeps the overdue-by-month aggregate at work.

const TARGETS = 60;


async function provinceWithFollowUp(db: Db, id: number, year: number, until: string, count: number): Promise<{ bodies: string[] }> {
  const p = await generateProvince(db, id, { usersPerBody: 0 });
  const bodies = p.bodyIds.slice(1);
  await generateDirectives(db, id, { units: bodies, year: year - 1, count: Math.round(count * 0.75), until });
  await generateDirectives(db, id, { units: bodies, year, count, until });
  await generateYearTargets(db, id, { units: bodies.slice(0, 40), year, count: TARGETS });
  return { bodies };
}

async function benchYearReport(engine: Engine, rows: Row[]): Promise<void> {
  const handle = await benchDatabase(engine, "reports_year");
  try {
    const t = performance.now();
    await provinceWithFollowUp(handle.db, 1, 2024, "2024-12-31", 2000);
    const gen = performance.now() - t;
    const directives = await handle.db.selectFrom("directives").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    console.log(`  [${engine}] sinh dữ liệu 1 tỉnh: ${(gen / 1000).toFixed(1)} s → ${directives.n} nhiệm vụ, ${TARGETS} chỉ tiêu`);
    let size = 0;
    const docx = await measure(
      async () => {
        const f = await generateWorkResults(handle.db, { provinceId: 1, period: "2024", asOf: "2024-12-31", format: "docx" });
        size = f.bytes.byteLength;
      },
      5,
      1,
    );
    rows.push({ engine, operation: `báo cáo năm (.docx, ${Math.round(size / 1024)} KB)`, ...summary(docx), goal: "≤ 2000", ok: percentile(docx, 50) <= 2000 ? "đạt" : "KHÔNG ĐẠT" });
    const nine = await measure(() => generateWorkResults(handle.db, { provinceId: 1, period: "2024-9M", asOf: "2024-10-10", format: "docx" }), 5, 1);
    rows.push({ engine, operation: "báo cáo 9 tháng (.docx)", ...summary(nine), goal: "", ok: "" });
    const xlsx = await measure(() => generateWorkResults(handle.db, { provinceId: 1, period: "2024", asOf: "2024-12-31", format: "xlsx" }), 3, 1);
    rows.push({ engine, operation: "bảng số liệu năm (.xlsx)", ...summary(xlsx), goal: "", ok: "" });
    const paper = await handle.db.selectFrom("papers").select("id").where("province_id", "=", 1).orderBy("issued_on", "desc").executeTakeFirstOrThrow();
    const notice = await measure(() => generateConclusion(handle.db, { provinceId: 1, paperId: paper.id, format: "docx" }), 5, 1);
    rows.push({ engine, operation: "thông báo kết luận 25 mục (.docx)", ...summary(notice), goal: "", ok: "" });
  } finally {
    await handle.close();
  }
}

async function benchNationalDashboard(engine: Engine, rows: Row[]): Promise<void> {
  const handle = await benchDatabase(engine, "reports_national");
  try {
    const today = todayInVietnam();
    const year = Number(today.slice(0, 4));
    const provinces = 34;
    const t = performance.now();
    const bodies: string[][] = [];
    for (let id = 1; id <= provinces; id++) bodies.push((await provinceWithFollowUp(handle.db, id, year, today, 1500)).bodies);
    const gen = performance.now() - t;
    const counts = await handle.db.selectFrom("directive_states").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const agg = await handle.db.selectFrom("derived.dashboard_overdue_spans").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    console.log(`  [${engine}] sinh dữ liệu ${provinces} tỉnh: ${(gen / 1000).toFixed(1)} s → ${counts.n} dòng trạng thái nhiệm vụ; bảng tổng hợp quá hạn theo tháng ${agg.n} dòng`);
    const config = { ...loadConfig({}), runWorker: false, loadDemo: false };
    const app = createApp({ db: handle.db, engine: handle.engine, config });
    const cookies: string[] = [];
    for (let id = 1; id <= provinces; id++) cookies.push((await signIn(app, `p${id}.lanhdao`, BENCH_PASSWORD)).cookie);
    let k = 0;
    const get = async (url: (i: number) => string) => {
      const i = k++ % provinces;
      const res = await app.request(url(i), { headers: { cookie: cookies[i]! } });
      if (res.status !== 200) throw new Error(`${url(i)} → ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const pastCut = addDays(`${year}-01-01`, -1);
    const cases: [string, (i: number) => string][] = [
      [`GET /api/dashboard (năm ${year}, hôm nay)`, () => `/api/dashboard?period=${year}`],
      [`GET /api/dashboard (quý, hôm nay)`, () => `/api/dashboard?period=${year}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`],
      [`GET /api/dashboard (năm ${year - 1}, cắt ${pastCut.split("-").reverse().join("/")})`, () => `/api/dashboard?period=${year - 1}&asOf=${pastCut}`],
      [`GET /api/dashboard/units/:id (đơn vị, hôm nay)`, (i) => `/api/dashboard/units/${bodies[i]![0]}?period=${year}`],
    ];
    for (const [operation, url] of cases) {
      const samples = await measure(() => get(url), 340, 34);
      const goal = engine === "postgres";
      rows.push({ engine, operation, ...summary(samples), goal: goal ? "p95 ≤ 50" : "", ok: goal ? (percentile(samples, 95) <= 50 ? "đạt" : "KHÔNG ĐẠT") : "" });
    }
    // A state change with the trigger at work: close today's row, open the next.
    const open = await handle.db
      .selectFrom("directive_states")
      .selectAll()
      .where("valid_to", "is", null)
      .where("status", "=", "in_progress")
      .where("valid_from", "<", today)
      .limit(200)
      .execute();
    let j = 0;
    const change = await measure(
      async () => {
        const row = open[j++]!;
        await handle.db.transaction().execute(async (tx) => {
          await tx.updateTable("directive_states").set({ valid_to: today }).where("province_id", "=", row.province_id).where("directive_id", "=", row.directive_id).where("valid_from", "=", row.valid_from).execute();
          await tx.insertInto("directive_states").values({ ...row, valid_from: today, valid_to: null, status: "awaiting_confirmation", requested_on: today }).execute();
        });
      },
      Math.min(150, open.length - 10),
      10,
    );
    rows.push({ engine, operation: "đổi trạng thái một nhiệm vụ (kèm trigger)", ...summary(change), goal: "", ok: "" });
  } finally {
    await handle.close();
  }
}

export async function benchReports(engines: Engine[]): Promise<void> {
  const rows: Row[] = [];
  for (const engine of engines) await benchYearReport(engine, rows);
  printTable("Báo cáo — thời gian (ms): p50 / p95 / lớn nhất", rows.splice(0));
  for (const engine of engines) await benchNationalDashboard(engine, rows);
  printTable("Bảng điều hành, 34 tỉnh — thời gian (ms): p50 / p95 / lớn nhất", rows);
}
