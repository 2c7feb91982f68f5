import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngine } from "../../../test/support/db.ts";
import { verifyAudit } from "../audit/audit.ts";
import { type DatabaseHandle, openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { DEMO_STEPS } from "../demo/steps.ts";
import { resolutionSummary, resolutionTable } from "./queries.ts";

// The demo a newcomer opens must show the seeds' real numbers and the seeds' own conclusions:
// Tiền Giang's 6-month line "18/22 … 6/18 đạt tiến độ" (002), its 9-month figures (000), and
// Hậu Giang's "18/18" (003). The demo loads provinces 1 and 2, so it gets a database of its own
// (an in-memory PGlite; the PostgreSQL run would only repeat it).

const skip = testEngine() === "postgres";
let handle: DatabaseHandle;

beforeAll(async () => {
  if (skip) return;
  handle = await openDatabase({ inMemory: true });
  await migrateToLatest(handle.db);
  for (const step of DEMO_STEPS) await step.run(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

async function resolution(provinceId: number, kind: string) {
  return handle.db.selectFrom("resolutions").selectAll().where("province_id", "=", provinceId).where("kind", "=", kind as never).executeTakeFirstOrThrow();
}

describe.skipIf(skip)("demo targets", () => {
  it("gives Tiền Giang's 6-month summary of 2024 as the conclusion states it", async () => {
    const r = await resolution(1, "yearly_resolution");
    expect((await resolutionSummary(handle.db, 1, r.id, "2024-H1")).line).toBe("18/22 chỉ tiêu đủ điều kiện đánh giá; 6/18 đạt tiến độ");
    const rows = await resolutionTable(handle.db, 1, r.id, "2024-H1", null);
    expect(rows.filter((x) => x.status === "met" || x.status === "exceeded").map((x) => x.name)).toEqual([
      "Tổng kim ngạch xuất khẩu",
      "Tổng lượt khách du lịch",
      "Tỷ lệ lao động qua đào tạo",
      "Tỷ lệ dân số tham gia bảo hiểm y tế",
      "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý",
      "Tỷ lệ dân đô thị sử dụng nước sạch",
    ]);
    const exports = rows.find((x) => x.name === "Tổng kim ngạch xuất khẩu")!;
    expect(exports.change).toBeCloseTo(11.1, 1); // shown as "+11,1%"
  });

  it("shows the 9-month figures of 2024 with their plan and change", async () => {
    const r = await resolution(1, "yearly_resolution");
    const rows = await resolutionTable(handle.db, 1, r.id, "2024-9M", null);
    const by = (name: string) => rows.find((x) => x.name === name)!;
    expect(by("Tốc độ tăng trưởng kinh tế (GRDP, giá so sánh 2010)")).toMatchObject({ actual: 6.18, status: "behind" });
    expect(by("Tổng kim ngạch xuất khẩu")).toMatchObject({ actual: 4.25, plan: 5 });
    expect(by("Tổng kim ngạch xuất khẩu").percentOfPlan).toBeCloseTo(85, 6);
    expect(by("Tổng kim ngạch xuất khẩu").change).toBeCloseTo(6.8, 1);
    expect(by("Tổng thu ngân sách nhà nước trên địa bàn").percentOfPlan).toBeCloseTo(102.3, 1);
    expect(by("Tổng thu ngân sách nhà nước trên địa bàn").change).toBeCloseTo(23.4, 1);
    expect(by("Tổng thu ngân sách nhà nước trên địa bàn").pending).toBe(1);
    expect(by("Tổng chi ngân sách địa phương").percentOfPlan).toBeCloseTo(84.2, 1);
    expect(by("Tổng chi ngân sách địa phương").change).toBeCloseTo(14.3, 1);
    expect(by("Tốc độ tăng trưởng kinh tế (GRDP, giá so sánh 2010)").openExplanations).toBe(1);
  });

  it("gives Hậu Giang's programme of 2024 as met in full: 18/18", async () => {
    const r = await resolution(2, "yearly_programme");
    expect((await resolutionSummary(handle.db, 2, r.id, "2024")).line).toBe("18/18 chỉ tiêu đủ điều kiện đánh giá; 18/18 đạt kế hoạch");
    const rows = await resolutionTable(handle.db, 2, r.id, "2024", null);
    const income = rows.find((x) => x.name === "Thu nhập bình quân đầu người")!;
    expect(income).toMatchObject({ actual: 93.78, plan: 88.84 });
    expect(income.change).toBeCloseTo(14.2, 1);
    expect(rows.find((x) => x.name === "Kết nạp đảng viên mới")!.percentOfPlan).toBeCloseTo(112.43, 2);
  });

  it("shows the term's forecast for the congress resolution and keeps the audit chain intact", async () => {
    const r = await resolution(1, "congress");
    const rows = await resolutionTable(handle.db, 1, r.id, "2020-2025", null);
    expect(rows).toHaveLength(4);
    expect(rows.every((x) => x.forecastTerm !== null && x.likelihoodTerm !== null)).toBe(true);
    expect((await verifyAudit(handle.db)).ok).toBe(true);
  });
});
