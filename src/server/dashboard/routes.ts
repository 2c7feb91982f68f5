import { z } from "zod";
import type { DashboardData, UnitData } from "../../domain/api/dashboard.ts";
import { isIsoDate, todayInVietnam } from "../../domain/format.ts";
import { type Period, periodLabel, periodsOfYear, startDate } from "../../domain/periods.ts";
import { badRequest, notFound } from "../http/errors.ts";
import { route } from "../http/route.ts";
import { reportPeriod } from "../reports/work-results.ts";
import { dashboard, latestTargetPeriod, unitDrillDown } from "./queries.ts";

// The leaders' dashboard over HTTP: the picture for a period and a cut-off day, and the
// drill-down to one unit. Leaders, the office and administrators see the whole province.

const PeriodQuery = z.strictObject({
  period: z.string().trim().max(10).optional(),
  asOf: z.string().trim().max(10).optional(),
});

/** The period and cut-off a request asks for; by default the current year, as of today. */
export function dashboardScope(query: { period?: string; asOf?: string }, today = todayInVietnam()): { period: Period; asOf: string } {
  const code = query.period || today.slice(0, 4);
  const period = reportPeriod(code);
  if (!period) throw badRequest(`Kỳ "${code}" không hợp lệ. Chọn năm (2024), 6 tháng (2024-H1), 9 tháng (2024-9M) hoặc quý (2024-Q3).`);
  const asOf = query.asOf || today;
  if (!isIsoDate(asOf)) throw badRequest("Ngày cắt số liệu phải có dạng yyyy-mm-dd.");
  if (query.asOf && asOf < startDate(period)) throw badRequest(`Ngày cắt số liệu phải từ ngày đầu của kỳ (${periodLabel(period)}) trở đi.`);
  return { period, asOf };
}

/** The periods the selector offers: this year's and the two before (and the shown one's year), newest first. */
export function periodChoices(shownYear: number, today = todayInVietnam()): { code: string; label: string }[] {
  const thisYear = Number(today.slice(0, 4));
  const years = [...new Set([thisYear, thisYear - 1, thisYear - 2, shownYear])].sort((a, b) => b - a);
  return years.flatMap((year) =>
    periodsOfYear(year, ["quarter", "half", "nine_months", "year"])
      .filter((p) => p.kind !== "half" || p.startMonth === 1)
      .filter((p) => startDate(p) <= today)
      .map((p) => ({ code: p.code, label: periodLabel(p) }))
      .reverse(),
  );
}

export const dashboardRoutes = [
  route({
    method: "get",
    path: "/api/dashboard",
    access: "dashboard.read",
    summary: "Bảng điều hành: nhiệm vụ theo tình hình thực hiện, quá hạn theo đơn vị, chỉ tiêu theo mức độ, xu hướng theo tháng",
    tags: ["Bảng điều hành"],
    query: PeriodQuery,
    handler: async (ctx, { query }): Promise<DashboardData> => {
      const { period, asOf } = dashboardScope(query);
      const data = await dashboard(ctx.db, { provinceId: ctx.user.provinceId, period, asOf });
      // Where to look instead is only asked when the period shows no targets.
      const hint = data.targets.resolutions.length ? null : await latestTargetPeriod(ctx.db, ctx.user.provinceId);
      return { ...data, choices: periodChoices(period.year), today: todayInVietnam(), latestTargetPeriod: hint };
    },
  }),
  route({
    method: "get",
    path: "/api/dashboard/units/:unitId",
    access: "dashboard.read",
    summary: "Bảng điều hành: nhiệm vụ và chỉ tiêu của một đơn vị",
    tags: ["Bảng điều hành"],
    params: z.strictObject({ unitId: z.uuid() }),
    query: PeriodQuery,
    handler: async (ctx, { params, query }): Promise<UnitData> => {
      const { period, asOf } = dashboardScope(query);
      const result = await unitDrillDown(ctx.db, { provinceId: ctx.user.provinceId, period, asOf, unitId: params.unitId });
      if (!result.unit) throw notFound("Không tìm thấy đơn vị.");
      return { period: { code: period.code, label: periodLabel(period) }, asOf, ...result };
    },
  }),
];
