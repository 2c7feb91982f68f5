import { createApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { unitsAsOf } from "../src/server/units/queries.ts";
import { BENCH_PASSWORD, type GeneratedProvince, generateProvince } from "./generate/org.ts";
import { benchDatabase, type Engine } from "./lib/databases.ts";
import { signIn } from "./lib/http.ts";
import { measure, printTable, type Row, summary } from "./lib/stats.ts";

// The foundation's figures at province scale (1 province) and national scale (34):
// the organisation tree as of a date, signing in (argon2id dominates), and a list
// filtered by the caller's units.


async function measureScale(engine: Engine, scale: string, app: ReturnType<typeof createApp>, db: Parameters<typeof unitsAsOf>[0], p: GeneratedProvince): Promise<Row[]> {
  const rows: Row[] = [];
  const tree2024 = await measure(() => unitsAsOf(db, p.id, "2024-10-01"), 200);
  rows.push({ engine, scale, operation: "cây tổ chức ngày 01/10/2024", ...summary(tree2024) });
  const tree2025 = await measure(() => unitsAsOf(db, p.id, "2025-09-01"), 200);
  rows.push({ engine, scale, operation: "cây tổ chức ngày 01/09/2025", ...summary(tree2025) });
  const login = await measure(() => signIn(app, p.officeUser, BENCH_PASSWORD), 30, 2);
  rows.push({ engine, scale, operation: "đăng nhập (argon2id)", ...summary(login) });
  const leader = await signIn(app, p.districtLeader, BENCH_PASSWORD);
  const list = await measure(async () => {
    const res = await app.request("/api/users", { headers: { cookie: leader.cookie } });
    if (res.status !== 200) throw new Error(`list ${res.status}`);
    await res.arrayBuffer();
  }, 100);
  rows.push({ engine, scale, operation: "danh sách người dùng theo phạm vi đơn vị", ...summary(list) });
  const apiTree = await measure(async () => {
    const res = await app.request("/api/units?asOf=2024-10-01", { headers: { cookie: leader.cookie } });
    await res.arrayBuffer();
  }, 100);
  rows.push({ engine, scale, operation: "GET /api/units (HTTP, JSON)", ...summary(apiTree) });
  return rows;
}

export async function benchFoundation(engines: Engine[]): Promise<void> {
  const rows: Row[] = [];
  for (const engine of engines) {
    const handle = await benchDatabase(engine, "foundation");
    try {
      const config = { ...loadConfig({}), runWorker: false, loadDemo: false };
      const app = createApp({ db: handle.db, engine: handle.engine, config });
      let t = performance.now();
      const first = await generateProvince(handle.db, 1);
      const provinceGen = performance.now() - t;
      rows.push(...(await measureScale(engine, "1 tỉnh", app, handle.db, first)));
      t = performance.now();
      for (let id = 2; id <= 34; id++) await generateProvince(handle.db, id);
      const nationalGen = performance.now() - t;
      rows.push(...(await measureScale(engine, "34 tỉnh", app, handle.db, first)));
      const counts = await handle.db.selectFrom("units").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      const users = await handle.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      console.log(`  [${engine}] sinh dữ liệu: 1 tỉnh ${(provinceGen / 1000).toFixed(1)} s; thêm 33 tỉnh ${(nationalGen / 1000).toFixed(1)} s → ${counts.n} đơn vị, ${users.n} người dùng`);
    } finally {
      await handle.close();
    }
  }
  printTable("Nền tảng — thời gian (ms): p50 / p95 / lớn nhất", rows);
}
