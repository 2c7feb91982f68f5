import { type Insertable, type Selectable, sql } from "kysely";
import { type Period, parsePeriodCode, TERM_YEARS, termOfYear, termYears, WITHIN_YEAR_KINDS, type WithinYearKind } from "../../domain/periods.ts";
import { type Assessment, assessedPeriods, assessPeriod, figuresInUse, indexFigures, type ResolutionKind, type StoredValue, type TargetRule, type ValueBasis } from "../../domain/targets.ts";
import type { Queryable } from "../db/schema.ts";
import type { TargetAssessmentsTable, TargetsTable } from "./tables.ts";

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

// Column name → SQL type of the array it travels in. Rows are sent as one array per column and
// unnested in the database: one small statement whatever the number of rows.
const COLUMNS = [
  ["province_id", "int"],
  ["resolution_id", "uuid"],
  ["period", "text"],
  ["target_id", "uuid"],
  ["actual", "float8"],
  ["actual_basis", "text"],
  ["actual_from", "text"],
  ["plan", "float8"],
  ["expected_share", "float8"],
  ["share_method", "text"],
  ["expected", "float8"],
  ["percent_of_plan", "float8"],
  ["ratio", "float8"],
  ["last_year", "float8"],
  ["change", "float8"],
  ["change_kind", "text"],
  ["status", "text"],
  ["reason", "text"],
  ["forecast_year", "float8"],
  ["forecast_year_method", "text"],
  ["likelihood_year", "text"],
  ["forecast_term", "float8"],
  ["likelihood_term", "text"],
  ["pending", "int"],
] as const;
const KEY = new Set(["province_id", "resolution_id", "period", "target_id"]);
const UPDATED = COLUMNS.map(([c]) => c).filter((c) => !KEY.has(c));

async function upsert(db: Queryable, rows: AssessmentRow[]): Promise<void> {
  if (!rows.length) return;
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const arrays = COLUMNS.map(([c, type]) => {
      const values = chunk.map((r) => {
        const v = r[c as keyof AssessmentRow];
        return c === "actual_from" ? (Array.isArray(v) ? v.join(",") : null) : (v ?? null);
      });
      return sql`${values}::${sql.raw(type)}[]`;
    });
    const names = COLUMNS.map(([c]) => sql.ref(c));
    const select = COLUMNS.map(([c]) => (c === "actual_from" ? sql`string_to_array(u.actual_from, ',')` : sql.ref(`u.${c}`)));
    await sql`
      insert into target_assessments (${sql.join(names)}, computed_at)
      select ${sql.join(select)}, now()
      from unnest(${sql.join(arrays)}) as u(${sql.join(names)})
      on conflict (province_id, resolution_id, period, target_id) do update set
        ${sql.join(UPDATED.map((c) => sql`${sql.ref(c)} = ${sql.ref(`excluded.${c}`)}`))}, computed_at = excluded.computed_at`.execute(db);
  }
}

function sameRow(stored: Record<string, unknown>, row: AssessmentRow): boolean {
  for (const c of UPDATED) {
    const a = stored[c] ?? null;
    const b = row[c as keyof AssessmentRow] ?? null;
    if (c === "actual_from") {
      if ((Array.isArray(a) ? a.join(",") : null) !== (Array.isArray(b) ? b.join(",") : null)) return false;
    } else if (a !== b) return false;
  }
  return true;
}

interface LoadedTarget {
  id: string;
  resolution_id: string;
  direction: TargetRule["direction"];
  accumulates: boolean;
  threshold: number | null;
  period_kinds: string[];
  measure_unit: string;
  term_basis: TargetRule["termBasis"];
  kind: ResolutionKind;
  term: string | null;
  year: number | null;
  plans: unknown;
  figures: unknown;
  stored: unknown;
}

/** json columns arrive parsed from pg and PGlite alike; text only if a driver leaves them so. */
function asJson<T>(v: unknown): T {
  return (typeof v === "string" ? JSON.parse(v) : v) as T;
}

export interface RefreshOptions {
  /**
   * The earliest year whose figures changed: periods ending before it cannot move (a period reads
   * figures of its own year and earlier ones: so cùng kỳ, seasonality, the term's closed years), so
   * only that year, later ones and the term are recomputed. All periods when absent (a plan or the
   * target's rules changed).
   */
  fromYear?: number;
}

/**
 * Recomputes the assessments of the given targets from their plans and figures, and writes the
 * rows that changed. Run inside the transaction that changed the targets.
 */
export async function refreshAssessments(db: Queryable, provinceId: number, targetIds: readonly string[], options: RefreshOptions = {}): Promise<void> {
  if (!targetIds.length) return;
  for (let i = 0; i < targetIds.length; i += 500) {
    const ids = targetIds.slice(i, i + 500);
    // One round trip: each target with its resolution, plans, counted figures and stored assessments.
    const { rows: targets } = await sql<LoadedTarget>`
      select t.id, t.resolution_id, t.direction, t.accumulates, t.threshold, t.period_kinds, t.measure_unit, t.term_basis, r.kind, r.term, r.year,
        coalesce((select json_agg(json_build_array(p.period, p.value)) from target_plans p
                  where p.province_id = t.province_id and p.target_id = t.id), '[]') as plans,
        coalesce((select json_agg(json_build_array(v.period, v.basis, v.value, v.status)) from target_values v
                  where v.province_id = t.province_id and v.target_id = t.id and v.status <> 'draft'), '[]') as figures,
        coalesce((select json_agg(a) from target_assessments a
                  where a.province_id = t.province_id and a.target_id = t.id${options.fromYear !== undefined ? sql` and left(a.period, 4)::int >= ${options.fromYear - TERM_YEARS}` : sql``}), '[]') as stored
      from targets t join resolutions r on r.province_id = t.province_id and r.id = t.resolution_id
      where t.province_id = ${provinceId} and t.id in (${sql.join(ids)})`.execute(db);
    const rows: AssessmentRow[] = [];
    for (const t of targets) {
      const { years, term } = resolutionScope(t);
      const parsed = asJson<[string, ValueBasis, number, StoredValue["status"]][]>(t.figures);
      const figures: StoredValue[] = parsed.map(([period, basis, value, status]) => ({ period, basis, value, status }));
      const pending = new Map<string, number>();
      for (const v of figures) if (v.status === "submitted") pending.set(v.period, (pending.get(v.period) ?? 0) + 1);
      const rule = ruleOf(t);
      const planMap = new Map<string, number>(asJson<[string, number][]>(t.plans));
      const stored = new Map<string, Record<string, unknown>>(asJson<Record<string, unknown>[]>(t.stored).map((r) => [r.period as string, r]));
      const index = indexFigures(figuresInUse(figures));
      for (const period of assessedPeriods(years, t.kind === "congress" ? term : null)) {
        if (options.fromYear !== undefined && period.year < options.fromYear) continue;
        const row = toRow(provinceId, t.resolution_id, t.id, assessPeriod(rule, planMap, index, period, term), pending.get(period.code) ?? 0);
        const old = stored.get(row.period);
        if (!old || !sameRow(old, row)) rows.push(row);
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
