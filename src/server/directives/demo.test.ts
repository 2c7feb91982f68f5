import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "../../domain/format.ts";
import { testEngine } from "../../../test/support/db.ts";
import { verifyAudit } from "../audit/audit.ts";
import { type DatabaseHandle, openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { DEMO_STEPS } from "../demo/steps.ts";
import { loadDemoDirectives } from "./demo.ts";
import { myWork, trackingSheet, unitStatistics } from "./queries.ts";

// The demo a newcomer opens shows the cycle: as of today one directive done on time, one
// done late, one overdue, one due soon, one extended, one followed every month, and two items
// of the notice still to assign. It loads provinces 1 and 2, so it gets an in-memory PGlite of
// its own (the PostgreSQL run would only repeat it).

const skip = testEngine() === "postgres";
let handle: DatabaseHandle;
const today = todayInVietnam();

beforeAll(async () => {
  if (skip) return;
  handle = await openDatabase({ inMemory: true });
  await migrateToLatest(handle.db);
  for (const step of DEMO_STEPS) await step.run(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

/** "II.3" → "3": the notice numbers its items inside part II. */
const short = (ordinal: string | null) => (ordinal ?? "").replace(/^[IVXLC]+\./, "");

describe.skipIf(skip)("demo directives", () => {
  it("tells each story as of today", async () => {
    const { rows } = await trackingSheet(handle.db, 1, { asOf: today, sort: "ordinal" }, { units: null, userId: null }, 3);
    const by = new Map(rows.map((r) => [short(r.ordinal), r]));
    expect([...by.keys()]).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(by.get("1")).toMatchObject({ status: "done", timeliness: "done_on_time", leadUnitName: "Đảng ủy Ủy ban nhân dân tỉnh", paperSymbol: "1012-TB/TU" });
    expect(by.get("2")).toMatchObject({ status: "in_progress", timeliness: "overdue", leadUnitName: "Sở Tài chính", progress: 70, daysLeft: -5 });
    expect(by.get("3")).toMatchObject({ timeliness: "no_deadline", deadlineText: "Thường xuyên (báo cáo hằng tháng)" });
    expect(by.get("4")).toMatchObject({ timeliness: "due_soon", daysLeft: 2 });
    expect(by.get("5")).toMatchObject({ status: "done", timeliness: "done_late" });
    expect(by.get("6")).toMatchObject({ status: "in_progress", timeliness: "on_time", daysLeft: 25 });
  });

  it("puts the overdue directive on top of Sở Tài chính's 'Việc của tôi'", async () => {
    const user = await handle.db.selectFrom("users").select("id").where("username", "=", "cv.sotaichinh").executeTakeFirstOrThrow();
    const unit = await handle.db.selectFrom("units").select("id").where("province_id", "=", 1).where("code", "=", "SO-TC").executeTakeFirstOrThrow();
    const mine = await myWork(handle.db, 1, { id: user.id, role: "unit_staff", unitIds: [unit.id] }, today, 3);
    expect(mine.lead.map((r) => short(r.ordinal))).toEqual(["2", "3"]);
    expect(mine.counts.overdue).toBe(1);
  });

  it("counts per unit and ranks them", async () => {
    const stats = await unitStatistics(handle.db, 1, { asOf: today }, null, 3);
    expect(stats.totals).toMatchObject({ total: 6, doneOnTime: 1, doneLate: 1, overdue: 1, notYetDue: 3 });
    expect(stats.units.find((u) => u.unitName === "Đảng ủy Ủy ban nhân dân tỉnh")).toMatchObject({ rank: 1, onTimePercent: 100 });
  });

  it("keeps the history: the urging, the extension and the notices; the audit chain is intact; loading twice adds nothing", async () => {
    const urgings = await handle.db.selectFrom("directive_urgings").select(["symbol"]).where("province_id", "=", 1).execute();
    expect(urgings.map((u) => u.symbol)).toEqual(["2315-CV/VPTU"]);
    const deadlines = await handle.db.selectFrom("directive_deadlines").select("directive_id").where("province_id", "=", 1).where("request_id", "is not", null).execute();
    expect(deadlines).toHaveLength(1);
    const before = await handle.db.selectFrom("directives").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    await loadDemoDirectives(handle.db);
    const after = await handle.db.selectFrom("directives").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const untracked = await handle.db
      .selectFrom("paper_directives as i")
      .innerJoin("papers as p", (j) => j.onRef("p.province_id", "=", "i.province_id").onRef("p.id", "=", "i.paper_id"))
      .leftJoin("directives as d", (j) => j.onRef("d.province_id", "=", "i.province_id").onRef("d.paper_directive_id", "=", "i.id"))
      .select("i.ordinal")
      .where("p.symbol", "=", "1012-TB/TU")
      .where("d.id", "is", null)
      .execute();
    expect(untracked.map((u) => short(u.ordinal)).sort()).toEqual(["7", "8"]);
    expect((await verifyAudit(handle.db)).ok).toBe(true);
  });
});
