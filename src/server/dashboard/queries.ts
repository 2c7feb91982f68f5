import { sql } from "kysely";
import type { Dashboard, StatusCounts, TargetsOverview, TrendPoint, UnitDirective, UnitDrillDown, UnitOutcomes, UnitTarget } from "../../domain/api/dashboard.ts";
import type { Outcome, OutcomeTally } from "../../domain/directives.ts";
import { addDays, todayInVietnam, viCollator } from "../../domain/format.ts";
import { endDate, parsePeriodCode, type Period, periodLabel, startDate } from "../../domain/periods.ts";
import { summaryLine, type Summary } from "../../domain/targets.ts";
import type { Queryable } from "../db/schema.ts";
import { emptyTally, onTimeShare } from "../reports/data.ts";
import { resolutionScope } from "../targets/assess.ts";
import { unitNamesOn, unitsAsOf } from "../units/queries.ts";

// The leaders' dashboard: for a province, a period and a cut-off day, the directives followed
// in the period by outcome (done on time, late, overdue, not yet due, suspended) and status,
// the overdue work by lead unit (ranked), the targets' "x/y" for the period, and month by
// month trends. The directives counted are those the work-results report counts (followed in
// the period, in the state in force at the end of the cut-off day), so the dashboard and the
// report always agree.
//
// Reading: the counts come from directive_states — for today, the rows in force (valid_to
// null) through their partial indexes; for a past cut-off, through the index on valid_from.
// The trend's overdue work at each month's end comes from dashboard_overdue_spans, which a
// trigger on directive_states keeps right on every change (see migration 0006_reports).

export interface DashboardScope {
  provinceId: number;
  period: Period;
  asOf: string;
  /** Only these lead units (a drill-down, or a unit leader's reach); null for the whole province. */
  units?: string[] | null;
}

interface OutcomeRow {
  lead_unit_id: string;
  status: string;
  outcome: Outcome;
  n: number;
}

const OPEN = sql`('not_started', 'in_progress')`;

/** The outcome of a state row on the cut-off day, in SQL (the twin of outcomeOf(timelinessOf(…))). */
function outcomeSql(asOf: string, ref: (c: string) => ReturnType<typeof sql.ref>) {
  const status = ref("status");
  const due = ref("due_on");
  return sql<Outcome>`case
    when ${status} = 'done' then case when ${ref("completed_on")} > ${due} then 'done_late' else 'done_on_time' end
    when ${status} = 'suspended' then 'suspended'
    when ${status} in ${OPEN} and ${due} < ${asOf} then 'overdue'
    when ${status} = 'awaiting_confirmation' and ${ref("requested_on")} > ${due} then 'overdue'
    else 'not_due' end`;
}

async function outcomeRowsAsOf(db: Queryable, scope: DashboardScope, today: string): Promise<OutcomeRow[]> {
  const periodStart = startDate(scope.period);
  const periodEnd = endDate(scope.period);
  const existedBy = scope.asOf < periodEnd ? scope.asOf : periodEnd;
  const current = scope.asOf >= today;
  let q = db
    .selectFrom("directive_states as s")
    .select([
      "s.lead_unit_id",
      "s.status",
      outcomeSql(scope.asOf, (c) => sql.ref(`s.${c}`)).as("outcome"),
      sql<number>`count(*)::int`.as("n"),
    ])
    .where("s.province_id", "=", scope.provinceId)
    .where("s.is_part", "=", false)
    .where("s.status", "!=", "withdrawn")
    .where((eb) => eb.not(eb.and([eb("s.status", "=", "done"), eb("s.completed_on", "<", periodStart)])))
    .groupBy(["s.lead_unit_id", "s.status", "outcome"]);
  // No state begins after today: for today and later, the open rows are the ones in force.
  q = current
    ? q.where("s.valid_to", "is", null)
    : q.where("s.valid_from", "<=", scope.asOf).where((eb) => eb.or([eb("s.valid_to", "is", null), eb("s.valid_to", ">", scope.asOf)]));
  if (existedBy < today) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("directive_states as f")
          .select(sql`1`.as("one"))
          .whereRef("f.province_id", "=", "s.province_id")
          .whereRef("f.directive_id", "=", "s.directive_id")
          .where("f.valid_from", "<=", existedBy),
      ),
    );
  }
  if (scope.units) q = q.where("s.lead_unit_id", "in", scope.units.length ? scope.units : ["00000000-0000-0000-0000-000000000000"]);
  return await q.execute();
}

/** Counts by lead unit, status and outcome for the scope, from the states in force at the end of the cut-off day. */
export async function outcomeRows(db: Queryable, scope: DashboardScope, today = todayInVietnam()): Promise<OutcomeRow[]> {
  return outcomeRowsAsOf(db, scope, today);
}

/**
 * Month by month from the period's first month to the cut-off's: work done (on time, late) and
 * work overdue at each month's end — for the month the cut-off falls in, at the cut-off. The
 * month-ends are read from dashboard_overdue_spans (whole province), the cut-off's point from
 * the counts; a drill-down to some units reads the dated states.
 */
export async function trend(db: Queryable, scope: DashboardScope, today = todayInVietnam(), overdueAtCutOff?: number): Promise<TrendPoint[]> {
  const first = startDate(scope.period);
  const lastDay = scope.asOf < endDate(scope.period) ? scope.asOf : endDate(scope.period);
  if (lastDay < first) return [];
  const ends: string[] = [];
  for (let m = first; m <= lastDay; m = addDays(lastOfMonth(m), 1)) ends.push(lastOfMonth(m) < lastDay ? lastOfMonth(m) : lastDay);
  const monthEnds = ends.filter((e) => e === lastOfMonth(e));
  const unitFilter = scope.units ? sql`and s.lead_unit_id = any(${scope.units.length ? scope.units : ["00000000-0000-0000-0000-000000000000"]}::uuid[])` : sql``;
  const current = scope.asOf >= today;
  const inForce = current ? sql`s.valid_to is null` : sql`s.valid_from <= ${scope.asOf}::date and (s.valid_to is null or s.valid_to > ${scope.asOf}::date)`;
  // Work done per month, from the states in force at the cut-off.
  const doneQuery = sql<{ month: string; on_time: number; late: number }>`
    select to_char(s.completed_on, 'YYYY-MM') as month,
      count(*) filter (where s.due_on is null or s.completed_on <= s.due_on)::int as on_time,
      count(*) filter (where s.completed_on > s.due_on)::int as late
    from directive_states s
    where s.province_id = ${scope.provinceId} and ${inForce} and not s.is_part and s.status = 'done'
      and s.completed_on between ${first}::date and ${lastDay}::date ${unitFilter}
    group by 1`;
  // Overdue at each month's end.
  const overdueQuery = !scope.units
    ? sql<{ day: string; n: number }>`
    select e.day::text as day, coalesce(sum(o.n), 0)::int as n
    from unnest(${monthEnds}::date[]) as e(day)
    left join derived.dashboard_overdue_spans o on o.province_id = ${scope.provinceId} and o.from_month <= e.day and o.to_month > e.day
    group by e.day`
    : sql<{ day: string; n: number }>`
    select e.day::text as day, count(s.directive_id)::int as n
    from unnest(${ends}::date[]) as e(day)
    left join directive_states s on s.province_id = ${scope.provinceId} and not s.is_part
      and s.valid_from <= e.day and (s.valid_to is null or s.valid_to > e.day)
      and ((s.status in ${OPEN} and s.due_on < e.day) or (s.status = 'awaiting_confirmation' and s.requested_on > s.due_on))
      ${unitFilter}
    group by e.day`;
  const [done, overdue] = await Promise.all([doneQuery.execute(db), monthEnds.length || scope.units ? overdueQuery.execute(db) : Promise.resolve({ rows: [] })]);
  const doneBy = new Map(done.rows.map((r) => [r.month, r]));
  const overdueBy = new Map(overdue.rows.map((r) => [String(r.day).slice(0, 10), r.n]));
  return ends.map((day) => ({
    month: day.slice(0, 7),
    doneOnTime: doneBy.get(day.slice(0, 7))?.on_time ?? 0,
    doneLate: doneBy.get(day.slice(0, 7))?.late ?? 0,
    overdue: overdueBy.get(day) ?? (day === lastDay && overdueAtCutOff !== undefined ? overdueAtCutOff : 0),
    ...(day !== lastOfMonth(day) && !scope.units ? { atCutOff: true } : {}),
  }));
}

function lastOfMonth(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The kinds of period the dashboard offers (routes.ts, periodChoices). */
const DASHBOARD_KINDS = new Set<Period["kind"]>(["quarter", "half", "nine_months", "year"]);

/**
 * The latest period the dashboard offers in which some target of the province could be assessed (its
 * figures recorded): where to look when the chosen period shows no targets.
 */
export async function latestTargetPeriod(db: Queryable, provinceId: number): Promise<{ code: string; label: string } | null> {
  const rows = await db.selectFrom("target_assessments").select("period").distinct().where("province_id", "=", provinceId).where("status", "!=", "not_assessable").execute();
  let best: Period | null = null;
  for (const { period } of rows) {
    const p = parsePeriodCode(period);
    if (!p || !DASHBOARD_KINDS.has(p.kind) || (p.kind === "half" && p.startMonth !== 1)) continue;
    // The latest end; of two ending together, the longer (the year before its fourth quarter).
    if (!best || endDate(p) > endDate(best) || (endDate(p) === endDate(best) && startDate(p) < startDate(best))) best = p;
  }
  return best ? { code: best.code, label: periodLabel(best) } : null;
}

/** The targets of the resolutions covering the period, by status, from the assessments kept fresh on every write. */
export async function targetsOverview(db: Queryable, provinceId: number, period: Period, ownerUnits: string[] | null = null): Promise<TargetsOverview> {
  const resolutions = (await db.selectFrom("resolutions").select(["id", "kind", "symbol", "title", "term", "year"]).where("province_id", "=", provinceId).where("archived_at", "is", null).execute()).filter(
    (r) => resolutionScope(r).years.includes(period.year),
  );
  const empty = (): Summary => ({ total: 0, assessable: 0, onTrack: 0, exceeded: 0, met: 0, behind: 0 });
  if (!resolutions.length) return { resolutions: [], total: empty() };
  let q = db
    .selectFrom("targets as t")
    .leftJoin("target_assessments as a", (j) =>
      j.onRef("a.province_id", "=", "t.province_id").onRef("a.resolution_id", "=", "t.resolution_id").onRef("a.target_id", "=", "t.id").on("a.period", "=", period.code),
    )
    .select([
      "t.resolution_id",
      sql<number>`count(*)::int`.as("total"),
      sql<number>`(count(*) filter (where a.status = 'exceeded'))::int`.as("exceeded"),
      sql<number>`(count(*) filter (where a.status = 'met'))::int`.as("met"),
      sql<number>`(count(*) filter (where a.status = 'behind'))::int`.as("behind"),
    ])
    .where("t.province_id", "=", provinceId)
    .where(
      "t.resolution_id",
      "in",
      resolutions.map((r) => r.id),
    )
    .where("t.archived_at", "is", null)
    .groupBy("t.resolution_id");
  if (ownerUnits) q = q.where("t.owner_unit_id", "in", ownerUnits.length ? ownerUnits : ["00000000-0000-0000-0000-000000000000"]);
  const rows = await q.execute();
  const total = empty();
  const out = resolutions
    .map((r) => {
      const row = rows.find((x) => x.resolution_id === r.id);
      const s: Summary = { total: row?.total ?? 0, exceeded: row?.exceeded ?? 0, met: row?.met ?? 0, behind: row?.behind ?? 0, assessable: 0, onTrack: 0 };
      s.assessable = s.exceeded + s.met + s.behind;
      s.onTrack = s.exceeded + s.met;
      for (const k of Object.keys(total) as (keyof Summary)[]) total[k] += s[k];
      return { id: r.id, kind: r.kind, symbol: r.symbol, title: r.title, summary: s, line: summaryLine(s, period) };
    })
    .filter((r) => r.summary.total > 0)
    .sort((a, b) => (a.kind === "congress" ? 1 : 0) - (b.kind === "congress" ? 1 : 0) || (a.symbol ?? "").localeCompare(b.symbol ?? ""));
  return { resolutions: out, total };
}

/** The same overview for a past cut-off: figures approved by then (as the report counts them). */
export async function targetsOverviewAsOf(db: Queryable, provinceId: number, period: Period, asOf: string, ownerUnits: string[] | null = null): Promise<TargetsOverview> {
  const { targetFiguresAsOf } = await import("../reports/data.ts");
  const { summarize } = await import("../../domain/targets.ts");
  const figures = await targetFiguresAsOf(db, provinceId, period, asOf);
  const total: Summary = { total: 0, assessable: 0, onTrack: 0, exceeded: 0, met: 0, behind: 0 };
  const resolutions = figures
    .map((r) => {
      const mine = ownerUnits ? r.targets.filter((t) => t.ownerUnitId && ownerUnits.includes(t.ownerUnitId)) : r.targets;
      const s = summarize(mine.map((t) => t.assessment.status));
      for (const k of Object.keys(total) as (keyof Summary)[]) total[k] += s[k];
      return { id: r.id, kind: r.kind, symbol: r.symbol, title: r.title, summary: s, line: summaryLine(s, period) };
    })
    .filter((r) => r.summary.total > 0)
    .sort((a, b) => (a.kind === "congress" ? 1 : 0) - (b.kind === "congress" ? 1 : 0) || (a.symbol ?? "").localeCompare(b.symbol ?? ""));
  return { resolutions, total };
}

export async function dashboard(db: Queryable, scope: DashboardScope, today = todayInVietnam()): Promise<Dashboard> {
  const day = scope.asOf < today ? scope.asOf : today;
  const [rows, targets, months, slices] = await Promise.all([
    outcomeRows(db, scope, today),
    // Today's figures come from the assessments kept fresh on every write; a past cut-off counts the figures approved by then.
    scope.asOf >= today ? targetsOverview(db, scope.provinceId, scope.period, scope.units ?? null) : targetsOverviewAsOf(db, scope.provinceId, scope.period, scope.asOf, scope.units ?? null),
    trend(db, scope, today),
    unitsAsOf(db, scope.provinceId, day),
  ]);
  const names = new Map(slices.map((s) => [s.id, s.name]));
  // Units gone by then (merged, abolished) keep their last name.
  const gone = [...new Set(rows.map((r) => r.lead_unit_id))].filter((id) => !names.has(id));
  for (const [id, name] of await unitNamesOn(db, scope.provinceId, gone, day)) names.set(id, name);
  const last = months.at(-1);
  const outcomes = emptyTally();
  const statuses: StatusCounts = { not_started: 0, in_progress: 0, awaiting_confirmation: 0, done: 0, suspended: 0 };
  const byUnit = new Map<string, OutcomeTally>();
  for (const r of rows) {
    outcomes.total += r.n;
    outcomes[r.outcome] += r.n;
    if (r.status in statuses) statuses[r.status as keyof StatusCounts] += r.n;
    const t = byUnit.get(r.lead_unit_id) ?? emptyTally();
    t.total += r.n;
    t[r.outcome] += r.n;
    byUnit.set(r.lead_unit_id, t);
  }
  const units: UnitOutcomes[] = [...byUnit].map(([unitId, t]) => ({ unitId, name: names.get(unitId) ?? "(đơn vị đã giải thể)", ...t, onTimePercent: onTimeShare(t), overdueRank: null }));
  units.sort((a, b) => b.overdue - a.overdue || b.total - a.total || viCollator.compare(a.name, b.name));
  units.forEach((u, i) => {
    if (!u.overdue) return;
    const prev = units[i - 1];
    u.overdueRank = prev && prev.overdue === u.overdue ? prev.overdueRank : i + 1;
  });
  // The cut-off day inside a month: its overdue work is the day's count.
  if (last?.atCutOff) {
    last.overdue = outcomes.overdue;
    delete last.atCutOff;
  }
  return {
    period: { code: scope.period.code, label: periodLabel(scope.period), start: startDate(scope.period), end: endDate(scope.period) },
    asOf: scope.asOf,
    directives: { outcomes, statuses, onTimePercent: onTimeShare(outcomes) },
    units,
    targets,
    trend: months,
  };
}

// ---------------------------------------------------------------------------
// Drill-down: one unit's directives and targets

/** A lead unit's directives in the scope (outcome as of the cut-off) and the targets it owns (status for the period). */
export async function unitDrillDown(
  db: Queryable,
  scope: DashboardScope & { unitId: string },
): Promise<UnitDrillDown | { unit: null; directives: UnitDirective[]; targets: UnitTarget[] }> {
  const { directivesAsOf } = await import("../reports/data.ts");
  const all = await directivesAsOf(db, scope.provinceId, { periodStart: startDate(scope.period), periodEnd: endDate(scope.period), asOf: scope.asOf, unitIds: [scope.unitId] });
  const order: Record<Outcome, number> = { overdue: 0, not_due: 1, done_late: 2, done_on_time: 3, suspended: 4 };
  const directives = all
    .filter((d) => d.leadUnitId === scope.unitId)
    .sort((a, b) => order[a.outcome] - order[b.outcome] || (b.daysLate ?? 0) - (a.daysLate ?? 0) || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"))
    .map((d) => ({
      id: d.id,
      ordinal: d.ordinal,
      content: d.content,
      status: d.status,
      outcome: d.outcome,
      dueOn: d.dueOn,
      completedOn: d.completedOn,
      daysLate: d.daysLate,
      paper: d.paper ? { id: d.paper.id, symbol: d.paper.symbol, issuedOn: d.paper.issuedOn } : null,
    }));
  const resolutions = (await db.selectFrom("resolutions").select(["id", "kind", "term", "year"]).where("province_id", "=", scope.provinceId).where("archived_at", "is", null).execute()).filter((r) =>
    resolutionScope(r).years.includes(scope.period.year),
  );
  const targets = resolutions.length
    ? await db
        .selectFrom("targets as t")
        .leftJoin("target_assessments as a", (j) =>
          j.onRef("a.province_id", "=", "t.province_id").onRef("a.resolution_id", "=", "t.resolution_id").onRef("a.target_id", "=", "t.id").on("a.period", "=", scope.period.code),
        )
        .select(["t.id", "t.resolution_id", "t.code", "t.name", "t.measure_unit", "a.plan", "a.actual", "a.percent_of_plan", "a.status"])
        .where("t.province_id", "=", scope.provinceId)
        .where("t.owner_unit_id", "=", scope.unitId)
        .where("t.archived_at", "is", null)
        .where(
          "t.resolution_id",
          "in",
          resolutions.map((r) => r.id),
        )
        .orderBy("t.position")
        .execute()
    : [];
  const slice = (await unitsAsOf(db, scope.provinceId, scope.asOf)).find((u) => u.id === scope.unitId);
  const unit = slice
    ? { id: slice.id, name: slice.name }
    : await db
        .selectFrom("unit_versions")
        .select(["unit_id as id", "name"])
        .where("province_id", "=", scope.provinceId)
        .where("unit_id", "=", scope.unitId)
        .orderBy("valid_from", "desc")
        .executeTakeFirst()
        .then((r) => r ?? null);
  return {
    unit,
    directives,
    targets: targets.map((t) => ({
      id: t.id,
      resolutionId: t.resolution_id,
      code: t.code,
      name: t.name,
      unit: t.measure_unit,
      plan: t.plan,
      actual: t.actual,
      percentOfPlan: t.percent_of_plan,
      status: t.status ?? "not_assessable",
    })),
  };
}
