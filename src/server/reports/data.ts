import { createHash } from "node:crypto";
import { sql } from "kysely";
import {
  CLASSIFICATION_LABELS,
  type DirectiveClassification,
  type DirectiveStatus,
  type Outcome,
  outcomeOf,
  type OutcomeTally,
  type Timeliness,
  timelinessOf,
} from "../../domain/directives.ts";
import { addDays, viCollator } from "../../domain/format.ts";
import { comparePeriods, endDate, type Period, parsePeriodCode, samePeriodLastYear, startDate } from "../../domain/periods.ts";
import {
  type Assessment,
  actualFor,
  assessPeriod,
  figuresInUse,
  indexFigures,
  type ResolutionKind,
  STATUS_LABELS as TARGET_STATUS_LABELS,
  type Status as TargetStatus,
  type StoredValue,
  summarize,
  type Summary,
} from "../../domain/targets.ts";
import type { UnitKind } from "../../domain/units.ts";
import { canonicalJson } from "../audit/audit.ts";
import type { Queryable } from "../db/schema.ts";
import { resolutionScope, ruleOf } from "../targets/assess.ts";
import { unitsAsOf } from "../units/queries.ts";

// What a report says, read from the record as it stood at the end of a cut-off day: the
// directives' dated states (directive_states) and the target figures approved by then. The
// same province, period and cut-off always give the same data, whatever happened after the
// cut-off — the basis of reproducible reports — and each figure keeps the ids of the records
// it came from, for the report's annex.

/** The first instant after the cut-off day in Vietnam (UTC+7). */
export function endOfDayVietnam(day: string): Date {
  return new Date(`${addDays(day, 1)}T00:00:00+07:00`);
}

// ---------------------------------------------------------------------------
// The province as the paper names it on the cut-off day

export interface ProvinceHeading {
  provinceId: number;
  /** "Tỉnh ủy Tiền Giang": the province committee's name on the day. */
  issuer: string;
  /** "Tiền Giang": the place in "Tiền Giang, ngày …". */
  place: string;
  /** Units by id with their names on the day (or their last name, for units gone by then). */
  units: Map<string, { name: string; kind: UnitKind | null; code: string; parentId: string | null }>;
}

export async function provinceHeading(db: Queryable, provinceId: number, day: string): Promise<ProvinceHeading> {
  const province = await db.selectFrom("provinces").select(["name"]).where("id", "=", provinceId).executeTakeFirstOrThrow();
  const slices = await unitsAsOf(db, provinceId, day);
  const units = new Map<string, { name: string; kind: UnitKind | null; code: string; parentId: string | null }>();
  for (const s of slices) units.set(s.id, { name: s.name, kind: s.kind, code: s.code, parentId: s.parentId });
  const root = slices.find((s) => s.kind === "province_committee" && !s.parentId) ?? slices.find((s) => s.kind === "province_committee");
  const issuer = root?.name ?? `Tỉnh ủy ${province.name}`;
  const place = issuer.replace(/^(Tỉnh ủy|Thành ủy)\s+/i, "").trim() || province.name;
  return { provinceId, issuer, place, units };
}

/** Names of units that do not exist on the day (abolished or merged before it): their last name. */
export async function fillMissingUnits(db: Queryable, heading: ProvinceHeading, ids: Iterable<string>): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !heading.units.has(id));
  if (!missing.length) return;
  const rows = await db
    .selectFrom("unit_versions as v")
    .innerJoin("units as u", (j) => j.onRef("u.province_id", "=", "v.province_id").onRef("u.id", "=", "v.unit_id"))
    .select(["v.unit_id", "v.name", "v.kind", "u.code", "v.parent_id", "v.valid_from"])
    .where("v.province_id", "=", heading.provinceId)
    .where("v.unit_id", "in", missing)
    .orderBy("v.valid_from")
    .execute();
  for (const r of rows) heading.units.set(r.unit_id, { name: r.name, kind: r.kind as UnitKind, code: r.code, parentId: r.parent_id });
}

// ---------------------------------------------------------------------------
// Directives

export interface DirectiveFact {
  id: string;
  ordinal: string | null;
  content: string;
  classification: DirectiveClassification;
  status: DirectiveStatus;
  leadUnitId: string;
  dueOn: string | null;
  deadlineKind: string;
  requestedOn: string | null;
  completedOn: string | null;
  timeliness: Timeliness;
  outcome: Outcome;
  /** Days past the last day at the cut-off (overdue) or at completion (done late). */
  daysLate: number | null;
  paper: { id: string; symbol: string | null; kind: string | null; issuedOn: string | null; title: string | null } | null;
  /** The day the directive's state in force at the cut-off began. */
  stateFrom: string;
}

export interface DirectiveScope {
  /** Directives followed in the period: existing by its end, not finished before its start, not withdrawn by the cut-off. */
  periodStart: string;
  periodEnd: string;
  asOf: string;
  /** Only directives led by these units (a drill-down). */
  unitIds?: string[];
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The directives followed in a period, each in the state it was in at the end of the cut-off
 * day. Parts passed down to sub-units are counted with the directive they belong to, not twice.
 */
export async function directivesAsOf(db: Queryable, provinceId: number, scope: DirectiveScope, dueSoonDays = 3): Promise<DirectiveFact[]> {
  const existedBy = scope.asOf < scope.periodEnd ? scope.asOf : scope.periodEnd;
  const rows = await db
    .selectFrom("directive_states as s")
    .innerJoin("directives as d", (j) => j.onRef("d.province_id", "=", "s.province_id").onRef("d.id", "=", "s.directive_id"))
    .leftJoin("papers as p", (j) => j.onRef("p.province_id", "=", "d.province_id").onRef("p.id", "=", "d.paper_id"))
    .select([
      "s.directive_id",
      "s.status",
      "s.lead_unit_id",
      "s.due_on",
      "s.requested_on",
      "s.completed_on",
      "s.valid_from",
      "d.ordinal",
      "d.content",
      "d.classification",
      "d.deadline_kind",
      "d.position",
      "p.id as paper_id",
      "p.symbol as paper_symbol",
      "p.kind as paper_kind",
      "p.issued_on as paper_issued_on",
      "p.title as paper_title",
    ])
    .where("s.province_id", "=", provinceId)
    .where("s.valid_from", "<=", scope.asOf)
    .where((eb) => eb.or([eb("s.valid_to", "is", null), eb("s.valid_to", ">", scope.asOf)]))
    .where("s.is_part", "=", false)
    .where("s.status", "!=", "withdrawn")
    .where((eb) => eb.not(eb.and([eb("s.status", "=", "done"), eb("s.completed_on", "<", scope.periodStart)])))
    .$if(scope.unitIds !== undefined, (q) => q.where("s.lead_unit_id", "in", scope.unitIds!.length ? scope.unitIds! : ["00000000-0000-0000-0000-000000000000"]))
    // It existed by the end of the period (its first state began by then).
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("directive_states as f")
          .select(sql`1`.as("one"))
          .whereRef("f.province_id", "=", "s.province_id")
          .whereRef("f.directive_id", "=", "s.directive_id")
          .where("f.valid_from", "<=", existedBy),
      ),
    )
    .execute();
  const facts = rows.map((r): DirectiveFact => {
    const timeliness = timelinessOf({ status: r.status, dueOn: r.due_on, requestedOn: r.requested_on, completedOn: r.completed_on }, scope.asOf, dueSoonDays);
    const outcome = outcomeOf(timeliness);
    let daysLate: number | null = null;
    if (outcome === "overdue" && r.due_on) daysLate = daysBetween(r.due_on, r.status === "awaiting_confirmation" && r.requested_on ? r.requested_on : scope.asOf);
    if (outcome === "done_late" && r.due_on && r.completed_on) daysLate = daysBetween(r.due_on, r.completed_on);
    return {
      id: r.directive_id,
      ordinal: r.ordinal,
      content: r.content,
      classification: r.classification,
      status: r.status,
      leadUnitId: r.lead_unit_id,
      dueOn: r.due_on,
      deadlineKind: r.deadline_kind,
      requestedOn: r.requested_on,
      completedOn: r.completed_on,
      timeliness,
      outcome,
      daysLate,
      paper: r.paper_id ? { id: r.paper_id, symbol: r.paper_symbol, kind: r.paper_kind, issuedOn: r.paper_issued_on, title: r.paper_title } : null,
      stateFrom: r.valid_from,
    };
  });
  // A stable order: by paper date and symbol, then item order, then id.
  const position = new Map(rows.map((r) => [r.directive_id, r.position]));
  facts.sort(
    (a, b) =>
      (a.paper?.issuedOn ?? "9999").localeCompare(b.paper?.issuedOn ?? "9999") ||
      (a.paper?.symbol ?? "").localeCompare(b.paper?.symbol ?? "") ||
      (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0) ||
      a.id.localeCompare(b.id),
  );
  return facts;
}

export function emptyTally(): OutcomeTally {
  return { total: 0, done_on_time: 0, done_late: 0, overdue: 0, not_due: 0, suspended: 0 };
}

export function tallyOf(items: readonly Pick<DirectiveFact, "outcome">[]): OutcomeTally {
  const t = emptyTally();
  for (const d of items) {
    t.total++;
    t[d.outcome]++;
  }
  return t;
}

/** % done on time among directives whose outcome is known (done, or overdue), as src/domain/directives.ts defines it. */
export function onTimeShare(t: OutcomeTally): number | null {
  const judged = t.done_on_time + t.done_late + t.overdue;
  return judged ? (100 * t.done_on_time) / judged : null;
}

export interface UnitRow extends OutcomeTally {
  unitId: string;
  name: string;
  onTimePercent: number | null;
  rank: number | null;
}

/**
 * One row per lead unit, ranked as the domain ranks units: % on time (higher first), fewer
 * overdue, more done; units with nothing to judge at the end, by name.
 */
export function unitRows(items: readonly DirectiveFact[], names: (id: string) => string): UnitRow[] {
  const by = new Map<string, DirectiveFact[]>();
  for (const d of items) by.set(d.leadUnitId, [...(by.get(d.leadUnitId) ?? []), d]);
  const rows = [...by].map(([unitId, list]) => {
    const t = tallyOf(list);
    return { unitId, name: names(unitId), ...t, onTimePercent: onTimeShare(t), rank: null as number | null };
  });
  const cmp = (a: UnitRow, b: UnitRow) =>
    (b.onTimePercent ?? -1) - (a.onTimePercent ?? -1) || a.overdue - b.overdue || b.done_on_time + b.done_late - (a.done_on_time + a.done_late);
  rows.sort((a, b) => cmp(a, b) || viCollator.compare(a.name, b.name));
  rows.forEach((r, i) => {
    if (r.onTimePercent === null) return;
    const prev = rows[i - 1];
    r.rank = prev && prev.onTimePercent !== null && cmp(prev, r) === 0 ? prev.rank : i + 1;
  });
  return rows;
}

export interface AreaRow extends OutcomeTally {
  area: DirectiveClassification;
  label: string;
}

export function areaRows(items: readonly DirectiveFact[]): AreaRow[] {
  return (Object.keys(CLASSIFICATION_LABELS) as DirectiveClassification[])
    .map((area) => ({ area, label: CLASSIFICATION_LABELS[area], ...tallyOf(items.filter((d) => d.classification === area)) }))
    .filter((r) => r.total > 0);
}

// ---------------------------------------------------------------------------
// Targets

/** A figure the report uses and the stored value it came from. */
export interface FigureSource {
  valueId: string;
  period: string;
  basis: "estimate" | "official";
  value: number;
  source: string | null;
  cutoffOn: string | null;
  approvedAt: string | null;
  paper: { id: string; symbol: string | null; issuedOn: string | null } | null;
}

export interface TargetFigure {
  id: string;
  code: string;
  name: string;
  unit: string;
  ownerUnitId: string | null;
  assessment: Assessment;
  /** Stored values the period's figure is made of (one, or the shorter periods summed). */
  actualSources: FigureSource[];
  /** Stored values of the same period last year. */
  lastYearSources: FigureSource[];
}

export interface ResolutionFigures {
  id: string;
  kind: ResolutionKind;
  symbol: string | null;
  title: string;
  issuedOn: string | null;
  targets: TargetFigure[];
  summary: Summary;
}

/** The resolutions whose targets a period is assessed against: the term's congress resolution and the year's. */
export async function targetFiguresAsOf(db: Queryable, provinceId: number, period: Period, asOf: string): Promise<ResolutionFigures[]> {
  const cutoff = endOfDayVietnam(asOf);
  const resolutions = await db
    .selectFrom("resolutions")
    .selectAll()
    .where("province_id", "=", provinceId)
    .where((eb) => eb.or([eb("archived_at", "is", null), eb("archived_at", ">=", cutoff)]))
    .execute();
  const inScope = resolutions.filter((r) => {
    const { years } = resolutionScope(r);
    return years.includes(period.year);
  });
  if (!inScope.length) return [];
  inScope.sort((a, b) => (a.kind === "congress" ? 0 : 1) - (b.kind === "congress" ? 0 : 1) || (a.issued_on ?? "").localeCompare(b.issued_on ?? "") || a.id.localeCompare(b.id));
  const targets = await db
    .selectFrom("targets")
    .selectAll()
    .where("province_id", "=", provinceId)
    .where(
      "resolution_id",
      "in",
      inScope.map((r) => r.id),
    )
    .where((eb) => eb.or([eb("archived_at", "is", null), eb("archived_at", ">=", cutoff)]))
    .orderBy("position")
    .orderBy("code")
    .execute();
  const ids = targets.map((t) => t.id);
  const plans = ids.length ? await db.selectFrom("target_plans").selectAll().where("province_id", "=", provinceId).where("target_id", "in", ids).execute() : [];
  const values = ids.length
    ? await db
        .selectFrom("target_values as v")
        .leftJoin("papers as p", (j) => j.onRef("p.province_id", "=", "v.province_id").onRef("p.id", "=", "v.paper_id"))
        .select(["v.id", "v.target_id", "v.period", "v.basis", "v.value", "v.source", "v.cutoff_on", "v.approved_at", "p.id as paper_id", "p.symbol as paper_symbol", "p.issued_on as paper_issued_on"])
        .where("v.province_id", "=", provinceId)
        .where("v.target_id", "in", ids)
        .where("v.status", "=", "approved")
        .where("v.approved_at", "<", cutoff)
        .execute()
    : [];
  const plansOf = new Map<string, Map<string, number>>();
  for (const p of plans) plansOf.set(p.target_id, (plansOf.get(p.target_id) ?? new Map()).set(p.period, p.value));
  const valuesOf = new Map<string, typeof values>();
  for (const v of values) valuesOf.set(v.target_id, [...(valuesOf.get(v.target_id) ?? []), v]);

  return inScope.map((r) => {
    const { term } = resolutionScope(r);
    const rows: TargetFigure[] = targets
      .filter((t) => t.resolution_id === r.id)
      .map((t) => {
        const stored = valuesOf.get(t.id) ?? [];
        const rule = ruleOf(t);
        const inUse = figuresInUse(stored.map((v): StoredValue => ({ period: v.period, basis: v.basis, value: v.value, status: "approved" })));
        const index = indexFigures(inUse);
        const assessment = assessPeriod(rule, plansOf.get(t.id) ?? new Map(), index, period, r.kind === "congress" ? term : null);
        const sourcesOf = (codes: string[]): FigureSource[] =>
          codes.flatMap((code) => {
            const chosen = inUse.find((f) => f.period === code);
            const v = chosen && stored.find((s) => s.period === code && s.basis === chosen.basis);
            return v
              ? [
                  {
                    valueId: v.id,
                    period: v.period,
                    basis: v.basis,
                    value: v.value,
                    source: v.source,
                    cutoffOn: v.cutoff_on,
                    approvedAt: v.approved_at ? v.approved_at.toISOString() : null,
                    paper: v.paper_id ? { id: v.paper_id, symbol: v.paper_symbol, issuedOn: v.paper_issued_on } : null,
                  },
                ]
              : [];
          });
        const actualCodes = assessment.actual === null ? [] : (assessment.actualFrom ?? [period.code]);
        const last = period.kind === "term" ? null : actualFor(rule, index, samePeriodLastYear(period));
        const lastCodes = last && assessment.lastYear !== null ? (last.from ?? [samePeriodLastYear(period).code]) : [];
        return {
          id: t.id,
          code: t.code,
          name: t.name,
          unit: t.measure_unit,
          ownerUnitId: t.owner_unit_id,
          assessment,
          actualSources: sourcesOf(actualCodes).sort((a, b) => comparePeriods(parsePeriodCode(a.period)!, parsePeriodCode(b.period)!)),
          lastYearSources: sourcesOf(lastCodes).sort((a, b) => comparePeriods(parsePeriodCode(a.period)!, parsePeriodCode(b.period)!)),
        };
      });
    return {
      id: r.id,
      kind: r.kind,
      symbol: r.symbol,
      title: r.title,
      issuedOn: r.issued_on,
      targets: rows,
      summary: summarize(rows.map((x) => x.assessment.status)),
    };
  });
}

export const TARGET_STATUS_ORDER: TargetStatus[] = ["exceeded", "met", "behind", "not_assessable"];
export { TARGET_STATUS_LABELS };

// ---------------------------------------------------------------------------

/** A short, stable fingerprint of the data a report was made from: the same data, the same code. */
export function fingerprint(value: unknown): string {
  return createHash("sha256").update(canonicalJson(JSON.parse(JSON.stringify(value)))).digest("hex").slice(0, 16).toUpperCase();
}

/** The period's first and last day. */
export function periodBounds(p: Period): { start: string; end: string } {
  return { start: startDate(p), end: endDate(p) };
}
