import { sql } from "kysely";
import { hashPassword } from "../src/server/auth/passwords.ts";
import { createApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import type { Db } from "../src/server/db/schema.ts";
import { newId } from "../src/server/ids.ts";
import { refreshResolution } from "../src/server/targets/assess.ts";
import { editValue, resolutionSummary, resolutionTable } from "../src/server/targets/queries.ts";
import { recordAudit } from "../src/server/audit/audit.ts";
import { signIn } from "./lib/http.ts";
import { benchDatabase, type Engine } from "./lib/databases.ts";
import { measure, printTable, type Row, summary } from "./lib/stats.ts";

// Targets at national scale: 34 provinces, each with a congress resolution (term 2020–2025) of
// 60 targets and a monthly figure for every month of the term's five years — 34 × 60 × 60 =
// 122.400 approved figures, generated in SQL (generate_series; values and ids are derived from
// the target and month by hashing, so every run has the same data). Measured:
// - a resolution's table for a period (the query the table screen runs), and its summary;
// - the same table over HTTP (session, policy, JSON);
// - a new figure: the office corrects a month's figure (audit, assessments rewritten in the same
//   transaction) and reads the summary again — the time until the summary shows it.

const PROVINCES = 34;
const TARGETS = 60;
const PASSWORD = "bench-mat-khau";

export async function generateTargetsProvince(db: Db, provinceId: number): Promise<{ resolutionId: string; officeUser: string | null }> {
  const p = provinceId;
  await db.insertInto("provinces").values({ id: p, code: `bench-${p}`, name: `Tỉnh Số ${p}` }).execute();
  const units: { id: string; code: string }[] = [];
  for (let i = 0; i < 20; i++) units.push({ id: newId(), code: `SO-${i}` });
  await db.insertInto("units").values(units.map((u) => ({ province_id: p, id: u.id, code: u.code }))).execute();
  await db
    .insertInto("unit_versions")
    .values(units.map((u, i) => ({ province_id: p, unit_id: u.id, valid_from: "2020-01-01", valid_to: null, parent_id: null, kind: "department", name: `Sở Số ${i + 1}`, short_name: null, aliases: [] })))
    .execute();
  const resolutionId = newId();
  await db.insertInto("resolutions").values({ province_id: p, id: resolutionId, kind: "congress", term: "2020-2025", title: `Nghị quyết Đại hội Đảng bộ tỉnh Số ${p}` }).execute();
  const targets = Array.from({ length: TARGETS }, (_, i) => {
    const flow = i % 3 !== 2; // two in three accumulate (money, counts); one in three is a rate
    return {
      province_id: p,
      resolution_id: resolutionId,
      id: newId(),
      code: String(i + 1),
      name: `Chỉ tiêu số ${i + 1}`,
      measure_unit: flow ? "tỷ đồng" : "%",
      direction: (i % 10 === 9 ? "decrease" : "increase") as "increase" | "decrease",
      threshold: null,
      accumulates: flow,
      term_basis: (flow ? "sum" : "end") as "sum" | "end",
      period_kinds: ["month", "quarter", "half", "nine_months", "year"],
      owner_unit_id: units[i % units.length]!.id,
      position: i + 1,
      note: null,
    };
  });
  await db.insertInto("targets").values(targets).execute();
  // Monthly figures: a base per target, 6% a year, a seasonal swing, a little deterministic noise.
  await sql`
    insert into target_values (province_id, id, target_id, period, basis, value, status, source, submitted_at, approved_at)
    select t.province_id, overlay(overlay(md5(t.id::text || y || '-' || m) placing '4' from 13) placing '8' from 17)::uuid, t.id, to_char(make_date(y, m, 1), 'YYYY-MM'), 'official',
      case when t.accumulates
        then (50 + abs(hashtext(t.code)) % 100) * power(1.06, y - 2021) * (0.7 + 0.6 * m / 12.0) * (0.95 + (abs(hashtext(t.id::text || y || m)) % 100) / 1000.0)
        else 60 + (abs(hashtext(t.code)) % 30) + (y - 2021) * 1.5 + m * 0.05
      end,
      'approved', 'Số liệu sinh tự động', now(), now()
    from targets t cross join generate_series(2021, 2025) y cross join generate_series(1, 12) m
    where t.province_id = ${p}`.execute(db);
  // Plans: a year's plan close to what the year brings (some above, some below), and the term's.
  await sql`
    insert into target_plans (province_id, target_id, period, value)
    select t.province_id, t.id, y::text,
      case when t.accumulates
        then 12 * (50 + abs(hashtext(t.code)) % 100) * power(1.06, y - 2021) * (0.96 + (abs(hashtext(t.code || y)) % 10) / 100.0)
        else 61 + (abs(hashtext(t.code)) % 30) + (y - 2021) * 1.5
      end
    from targets t cross join generate_series(2021, 2025) y
    where t.province_id = ${p}`.execute(db);
  await sql`
    insert into target_plans (province_id, target_id, period, value)
    select t.province_id, t.id, '2020-2025', case when t.accumulates then sum(pl.value) else max(pl.value) end
    from targets t join target_plans pl on pl.province_id = t.province_id and pl.target_id = t.id
    where t.province_id = ${p} group by t.province_id, t.id, t.accumulates`.execute(db);
  await refreshResolution(db, p, resolutionId);
  let officeUser: string | null = null;
  if (p === 1) {
    officeUser = `bench-vanphong-${p}`;
    await db
      .insertInto("users")
      .values({ province_id: p, id: newId(), username: officeUser, full_name: "Văn phòng Tỉnh ủy", role: "office", password_hash: await hashPassword(PASSWORD) })
      .execute();
  }
  return { resolutionId, officeUser };
}


export async function benchTargets(engines: Engine[]): Promise<void> {
  const rows: Row[] = [];
  for (const engine of engines) {
    const handle = await benchDatabase(engine, "targets");
    try {
      const db = handle.db;
      const t0 = performance.now();
      let first: { resolutionId: string; officeUser: string | null } | null = null;
      for (let p = 1; p <= PROVINCES; p++) {
        const g = await generateTargetsProvince(db, p);
        first ??= g;
      }
      const counts = await sql<{ values: number; assessments: number }>`
        select (select count(*) from target_values)::int as values, (select count(*) from target_assessments)::int as assessments`.execute(db);
      console.log(
        `  [${engine}] sinh dữ liệu: ${PROVINCES} tỉnh × ${TARGETS} chỉ tiêu × 60 tháng = ${counts.rows[0]!.values} số liệu, ${counts.rows[0]!.assessments} dòng đánh giá (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
      await sql`analyze`.execute(db);
      const { resolutionId, officeUser } = first!;
      const scale = `${PROVINCES} tỉnh`;

      const periods = ["2024-9M", "2025", "2023-Q2", "2020-2025"];
      let i = 0;
      const table = await measure(() => resolutionTable(db, 1, resolutionId, periods[i++ % periods.length]!, null), 300, 10);
      rows.push({ engine, scale, operation: "bảng chỉ tiêu một kỳ (truy vấn, 60 chỉ tiêu)", ...summary(table) });
      const sum = await measure(() => resolutionSummary(db, 1, resolutionId, periods[i++ % periods.length]!), 300, 10);
      rows.push({ engine, scale, operation: "tóm tắt \"x/y đủ điều kiện; a/b đạt tiến độ\"", ...summary(sum) });

      const app = createApp({ db, engine: handle.engine, config: { ...loadConfig({}), runWorker: false, loadDemo: false } });
      const session = await signIn(app, officeUser!, PASSWORD);
      const http = await measure(async () => {
        const res = await app.request(`/api/targets/resolutions/${resolutionId}/table?period=${periods[i++ % 3]}`, { headers: { cookie: session.cookie } });
        if (res.status !== 200) throw new Error(`table ${res.status}`);
        await res.arrayBuffer();
      }, 200, 10);
      rows.push({ engine, scale, operation: "GET bảng chỉ tiêu (HTTP, JSON)", ...summary(http) });

      // A new figure: the office corrects one month (audited, assessments of the target rewritten in
      // the same transaction), then the summary is read again and must show the new status.
      const values = await db
        .selectFrom("target_values as v")
        .innerJoin("targets as t", (j) => j.onRef("t.province_id", "=", "v.province_id").onRef("t.id", "=", "v.target_id"))
        .select(["v.id", "v.value", "v.version", "t.id as target_id"])
        .where("v.province_id", "=", 1)
        .where("v.period", "=", "2024-09")
        .where("t.accumulates", "=", true)
        .where("t.direction", "=", "increase")
        .execute();
      const state = new Map(values.map((v) => [v.id, { version: v.version, value: v.value }]));
      let k = 0;
      const headers = { cookie: session.cookie, "x-csrf-token": session.csrf, "content-type": "application/json" };
      const update = await measure(async () => {
        const v = values[k++ % values.length]!;
        const s = state.get(v.id)!;
        // Alternate between a collapse and the original figure so statuses really move.
        const next = s.value === v.value ? v.value * 0.01 : v.value;
        const res = await app.request(`/api/targets/values/${v.id}`, { method: "PATCH", headers, body: JSON.stringify({ version: s.version, value: next, reason: "Đo hiệu năng" }) });
        if (res.status !== 200) throw new Error(`patch ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { version: number; value: number };
        state.set(v.id, { version: body.version, value: body.value });
        const s2 = await app.request(`/api/targets/resolutions/${resolutionId}/summary?period=2024-Q3`, { headers: { cookie: session.cookie } });
        if (s2.status !== 200) throw new Error(`summary ${s2.status}`);
        await s2.arrayBuffer();
      }, 100, 5);
      rows.push({ engine, scale, operation: "số liệu mới → tình trạng và tóm tắt (PATCH + GET, HTTP)", ...summary(update) });

      // The same without HTTP: the write transaction (figure, audit, assessments) and the summary query.
      const officeRow = await db.selectFrom("users").select(["id", "full_name"]).where("username", "=", officeUser!).executeTakeFirstOrThrow();
      const viewer = { provinceId: 1, userId: officeRow.id, ownUnits: new Set<string>(), office: true, enters: true, unitRole: false };
      const service = await measure(async () => {
        const v = values[k++ % values.length]!;
        const s = state.get(v.id)!;
        const next = s.value === v.value ? v.value * 0.01 : v.value;
        const after = await db.transaction().execute(async (tx) => {
          const r = await editValue(tx, viewer, v.id, { version: s.version, value: next, reason: "Đo hiệu năng" });
          await recordAudit(tx, { provinceId: 1, actor: { id: officeRow.id, name: officeRow.full_name }, action: "target_value.update", objectType: "target_value", objectId: v.id, before: r.before, after: r.after });
          return r.after;
        });
        state.set(v.id, { version: after.version, value: after.value });
        await resolutionSummary(db, 1, resolutionId, "2024-Q3");
      }, 100, 5);
      rows.push({ engine, scale, operation: "số liệu mới → tóm tắt (giao dịch ghi + truy vấn, không qua HTTP)", ...summary(service) });
    } finally {
      await handle.close();
    }
  }
  printTable("Chỉ tiêu — thời gian (ms): p50 / p95 / lớn nhất (mục tiêu PostgreSQL: bảng ≤ 30 ms; số liệu mới → tóm tắt ≤ 10 ms)", rows);
}
