import type { Insertable, Selectable } from "kysely";
import { type Period, parsePeriodCode, termOfYear, termYears, WITHIN_YEAR_KINDS, type WithinYearKind } from "../../domain/periods.ts";
import { type Assessment, assessedPeriods, assessPeriod, figuresInUse, indexFigures, type StoredValue, type TargetRule } from "../../domain/targets.ts";
import type { Queryable } from "../db/schema.ts";
import type { ResolutionKind, TargetAssessmentsTable, TargetsTable } from "./tables.ts";

// The assessments of a target — one row per period of its resolution's years and its term —
// are rewritten by every change that can move them (a figure entered, approved or returned, a
// plan or the target's rules edited), in the transaction that makes the change. Reading a table
// or a summary is then a single indexed query; nothing is recomputed by a batch.

export function ruleOf(t: Pick<Selectable<TargetsTable>, "direction" | "accumulates" | "threshold" | "period_kinds" | "measure_unit" | "term_basis">): TargetRule {
  return {
    direction: t.direction,
    accumulates: t.accumulates,
    threshold: t.threshold,
    periodKinds: t.period_kinds.filter((k): k is WithinYearKind => (WITHIN_YEAR_KINDS as readonly string[]).includes(k)),
    unit: t.measure_unit,
    termBasis: t.term_basis,
  };
}

/** The years a resolution's targets are assessed in, and the term they belong to. */
export function resolutionScope(r: { kind: ResolutionKind; term: string | null; year: number | null }): { years: number[]; term: Period } {
  if (r.kind === "congress") {
    const term = parsePeriodCode(r.term ?? "");
    if (!term || term.kind !== "term") throw new Error(`resolution with a bad term: ${r.term}`);
    return { years: termYears(term), term };
  }
  return { years: [r.year!], term: termOfYear(r.year!) };
}

/** The periods a resolution's table can show, in order. */
export function resolutionPeriods(r: { kind: ResolutionKind; term: string | null; year: number | null }): Period[] {
  const { years, term } = resolutionScope(r);
  return assessedPeriods(years, r.kind === "congress" ? term : null);
}

type AssessmentRow = Insertable<TargetAssessmentsTable>;

function toRow(provinceId: number, resolutionId: string, targetId: string, a: Assessment, pending: number): AssessmentRow {
  const finite = (n: number | null) => (n !== null && Number.isFinite(n) ? n : null);
  return {
    province_id: provinceId,
    resolution_id: resolutionId,
    period: a.period,
    target_id: targetId,
    actual: finite(a.actual),
    actual_basis: a.actualBasis,
    actual_from: a.actualFrom,
    plan: finite(a.plan),
    expected_share: finite(a.expectedShare),
    share_method: a.shareMethod,
    expected: finite(a.expected),
    percent_of_plan: finite(a.percentOfPlan),
    ratio: finite(a.ratio),
    last_year: finite(a.lastYear),
    change: finite(a.change),
    change_kind: a.changeKind,
    status: a.status,
    reason: a.reason,
    forecast_year: finite(a.forecastYear),
    forecast_year_method: a.forecastYearMethod,
    likelihood_year: a.likelihoodYear,
    forecast_term: finite(a.forecastTerm),
    likelihood_term: a.likelihoodTerm,
    pending,
    computed_at: new Date(),
  };
}

const UPDATE_COLUMNS = [
  "actual",
  "actual_basis",
  "actual_from",
  "plan",
  "expected_share",
  "share_method",
  "expected",
  "percent_of_plan",
  "ratio",
  "last_year",
  "change",
  "change_kind",
  "status",
  "reason",
  "forecast_year",
  "forecast_year_method",
  "likelihood_year",
  "forecast_term",
  "likelihood_term",
  "pending",
  "computed_at",
] as const;

async function upsert(db: Queryable, rows: AssessmentRow[]): Promise<void> {
  // ~25 parameters a row: 1.000 rows stay far below PostgreSQL's 65.535.
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto("target_assessments")
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(["province_id", "resolution_id", "period", "target_id"]).doUpdateSet((eb) => Object.fromEntries(UPDATE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
}

/**
 * Recomputes the assessments of the given targets (all their periods) from their plans and
 * figures, and writes them. Run inside the transaction that changed the targets.
 */
export async function refreshAssessments(db: Queryable, provinceId: number, targetIds: readonly string[]): Promise<void> {
  if (!targetIds.length) return;
  for (let i = 0; i < targetIds.length; i += 500) {
    const ids = targetIds.slice(i, i + 500);
    const targets = await db
      .selectFrom("targets as t")
      .innerJoin("resolutions as r", (j) => j.onRef("r.province_id", "=", "t.province_id").onRef("r.id", "=", "t.resolution_id"))
      .select(["t.id", "t.resolution_id", "t.direction", "t.accumulates", "t.threshold", "t.period_kinds", "t.measure_unit", "t.term_basis", "r.kind", "r.term", "r.year"])
      .where("t.province_id", "=", provinceId)
      .where("t.id", "in", ids)
      .execute();
    const plans = await db.selectFrom("target_plans").select(["target_id", "period", "value"]).where("province_id", "=", provinceId).where("target_id", "in", ids).execute();
    const values = await db
      .selectFrom("target_values")
      .select(["target_id", "period", "basis", "value", "status"])
      .where("province_id", "=", provinceId)
      .where("target_id", "in", ids)
      .where("status", "!=", "draft")
      .execute();
    const plansOf = new Map<string, Map<string, number>>();
    for (const p of plans) {
      const m = plansOf.get(p.target_id) ?? new Map<string, number>();
      m.set(p.period, p.value);
      plansOf.set(p.target_id, m);
    }
    const valuesOf = new Map<string, StoredValue[]>();
    for (const v of values) {
      const list = valuesOf.get(v.target_id) ?? [];
      list.push({ period: v.period, basis: v.basis, value: v.value, status: v.status });
      valuesOf.set(v.target_id, list);
    }
    const rows: AssessmentRow[] = [];
    for (const t of targets) {
      const { years, term } = resolutionScope(t);
      const stored = valuesOf.get(t.id) ?? [];
      const pending = new Map<string, number>();
      for (const v of stored) if (v.status === "submitted") pending.set(v.period, (pending.get(v.period) ?? 0) + 1);
      const rule = ruleOf(t);
      const planMap = plansOf.get(t.id) ?? new Map<string, number>();
      const index = indexFigures(figuresInUse(stored));
      for (const period of assessedPeriods(years, t.kind === "congress" ? term : null)) {
        rows.push(toRow(provinceId, t.resolution_id, t.id, assessPeriod(rule, planMap, index, period, term), pending.get(period.code) ?? 0));
      }
    }
    await upsert(db, rows);
  }
}

/** Recomputes every target of a resolution (after loading a catalogue or in a benchmark's setup). */
export async function refreshResolution(db: Queryable, provinceId: number, resolutionId: string): Promise<void> {
  const ids = await db.selectFrom("targets").select("id").where("province_id", "=", provinceId).where("resolution_id", "=", resolutionId).execute();
  await refreshAssessments(
    db,
    provinceId,
    ids.map((r) => r.id),
  );
}
