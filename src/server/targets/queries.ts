import { type Selectable, sql } from "kysely";
import type {
  ExplanationView,
  FactSuggestion,
  PeriodOption,
  ResolutionView,
  SummaryView,
  TableRow,
  TargetCatalogue,
  TargetDetail,
  ValueListRow,
  ValueView,
} from "../../domain/api/targets.ts";
import { todayInVietnam } from "../../domain/format.ts";
import { comparePeriods, endDate, labelOfCode, type Period, parsePeriod, parsePeriodCode, periodLabel } from "../../domain/periods.ts";
import {
  type Direction,
  type ExplanationStatus,
  figuresInUse,
  indexFigures,
  LIKELIHOOD_LABELS,
  type Likelihood,
  RESOLUTION_KIND_LABELS,
  type ResolutionKind,
  STATUS_REASON_LABELS,
  statusLabel,
  type Status,
  type StatusReason,
  summarize,
  type Summary,
  summaryLine,
  type TermBasis,
  type ValueBasis,
  type ValueStatus,
  yearlySeries,
  yearTrajectory,
} from "../../domain/targets.ts";
import type { Queryable, Tx } from "../db/schema.ts";
import { badRequest, HttpError, notFound, staleEdit } from "../http/errors.ts";
import { newId } from "../ids.ts";
import { unitNamesOn } from "../units/queries.ts";
import { refreshAssessments, resolutionPeriods, resolutionScope, ruleOf } from "./assess.ts";
import type { ResolutionsTable, TargetsTable, TargetValuesTable } from "./tables.ts";

// SQL of the targets feature. Every query names the province. Who may see and change what
// is decided by the caller's `Viewer` (from the policy scope): unit roles enter figures only
// for targets their units own, and see drafts only of those; the office enters figures
// approved at once and approves the units' figures.

export type ResolutionRow = Selectable<ResolutionsTable>;
export type TargetRow = Selectable<TargetsTable>;
export type ValueRow = Selectable<TargetValuesTable>;

/** Who is asking, as far as targets are concerned. */
export interface Viewer {
  provinceId: number;
  userId: string;
  /** The units the caller's own units reach (subtree); their drafts and entries are theirs. */
  ownUnits: Set<string>;
  /** The caller enters figures for any target, approved at once (the office). */
  office: boolean;
  /** The caller may enter figures at all (office or a unit role). */
  enters: boolean;
  /** A unit role: sees only its own units' explanation requests and entries. */
  unitRole: boolean;
}

export function mayEnter(viewer: Viewer, ownerUnitId: string | null): boolean {
  if (!viewer.enters) return false;
  return viewer.office || (ownerUnitId !== null && viewer.ownUnits.has(ownerUnitId));
}

function mayseeDrafts(viewer: Viewer, ownerUnitId: string | null): boolean {
  return ownerUnitId !== null && viewer.ownUnits.has(ownerUnitId);
}

// ---------------------------------------------------------------------------
// Resolutions

export async function findResolution(db: Queryable, provinceId: number, id: string, forUpdate = false): Promise<ResolutionRow> {
  let q = db.selectFrom("resolutions").selectAll().where("province_id", "=", provinceId).where("id", "=", id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("Không tìm thấy nghị quyết, chương trình.");
  return row;
}

function scopeLabel(r: Pick<ResolutionRow, "kind" | "term" | "year">): string {
  if (r.kind === "congress") return periodLabel(parsePeriodCode(r.term!)!);
  return `Năm ${r.year}`;
}

export async function resolutionViews(db: Queryable, provinceId: number, rows: ResolutionRow[]): Promise<ResolutionView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .selectFrom("targets")
    .select(["resolution_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("province_id", "=", provinceId)
    .where("resolution_id", "in", ids)
    .where("archived_at", "is", null)
    .groupBy("resolution_id")
    .execute();
  const paperIds = rows.map((r) => r.paper_id).filter((p): p is string => !!p);
  const papers = paperIds.length
    ? await db.selectFrom("papers").select(["id", "symbol", "title", "status"]).where("province_id", "=", provinceId).where("id", "in", paperIds).execute()
    : [];
  return rows.map((r) => {
    const paper = papers.find((p) => p.id === r.paper_id);
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: RESOLUTION_KIND_LABELS[r.kind],
      symbol: r.symbol,
      title: r.title,
      term: r.term,
      year: r.year,
      scopeLabel: scopeLabel(r),
      issuedOn: r.issued_on,
      paperId: r.paper_id,
      paper: paper ? { id: paper.id, symbol: paper.symbol, title: paper.title, status: paper.status } : null,
      note: r.note,
      archived: r.archived_at !== null,
      version: r.version,
      targetCount: Number(counts.find((c) => c.resolution_id === r.id)?.n ?? 0),
    };
  });
}

export async function resolutionView(db: Queryable, provinceId: number, row: ResolutionRow): Promise<ResolutionView> {
  return (await resolutionViews(db, provinceId, [row]))[0]!;
}

export async function listResolutions(db: Queryable, provinceId: number, includeArchived: boolean): Promise<ResolutionView[]> {
  let q = db.selectFrom("resolutions").selectAll().where("province_id", "=", provinceId);
  if (!includeArchived) q = q.where("archived_at", "is", null);
  const rows = await q.execute();
  // Newest first: by the last year covered, congress resolutions before the yearly ones of the same year.
  const lastYear = (r: ResolutionRow) => (r.kind === "congress" ? parsePeriodCode(r.term!)!.year + 0.5 : r.year!);
  rows.sort((a, b) => lastYear(b) - lastYear(a) || (a.symbol ?? "").localeCompare(b.symbol ?? "", "vi"));
  return resolutionViews(db, provinceId, rows);
}

async function checkPaper(db: Queryable, provinceId: number, paperId: string | null): Promise<void> {
  if (!paperId) return;
  const p = await db.selectFrom("papers").select("id").where("province_id", "=", provinceId).where("id", "=", paperId).executeTakeFirst();
  if (!p) throw badRequest("Không tìm thấy văn bản được dẫn.");
}

export interface NewResolutionInput {
  kind: ResolutionKind;
  term?: string;
  year?: number;
  symbol: string | null;
  title: string;
  issuedOn: string | null;
  paperId: string | null;
  note: string | null;
}

export async function insertResolution(tx: Tx, provinceId: number, input: NewResolutionInput, userId: string | null): Promise<ResolutionRow> {
  await checkPaper(tx, provinceId, input.paperId);
  return tx
    .insertInto("resolutions")
    .values({
      province_id: provinceId,
      id: newId(),
      kind: input.kind,
      term: input.kind === "congress" ? parsePeriodCode(input.term!)!.code : null,
      year: input.kind === "congress" ? null : input.year!,
      symbol: input.symbol,
      title: input.title,
      issued_on: input.issuedOn,
      paper_id: input.paperId,
      note: input.note,
      created_by: userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateResolution(
  tx: Tx,
  provinceId: number,
  id: string,
  input: { version: number; symbol?: string | null; title?: string; issuedOn?: string | null; paperId?: string | null; note?: string | null; archived?: boolean },
): Promise<{ before: ResolutionRow; after: ResolutionRow }> {
  const before = await findResolution(tx, provinceId, id, true);
  if (before.version !== input.version) throw staleEdit((await resolutionViews(tx, provinceId, [before]))[0]);
  if (input.paperId !== undefined) await checkPaper(tx, provinceId, input.paperId);
  const after = await tx
    .updateTable("resolutions")
    .set({
      ...(input.symbol !== undefined ? { symbol: input.symbol } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.issuedOn !== undefined ? { issued_on: input.issuedOn } : {}),
      ...(input.paperId !== undefined ? { paper_id: input.paperId } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.archived !== undefined ? { archived_at: input.archived ? (before.archived_at ?? new Date()) : null } : {}),
      updated_at: new Date(),
      version: before.version + 1,
    })
    .where("province_id", "=", provinceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before, after };
}

/** Periods a resolution's table can show, with labels, grouped by year in order. */
export function periodOptions(r: ResolutionRow): PeriodOption[] {
  return resolutionPeriods(r).map((p) => ({ code: p.code, label: periodLabel(p), kind: p.kind, year: p.year }));
}

const DEFAULT_KIND_RANK: Record<string, number> = { year: 0, nine_months: 1, half: 2, quarter: 3, month: 4 };

/**
 * The period a table opens on: a congress resolution's term; otherwise the latest period with an
 * approved figure (the longest among those ending together), else the year.
 */
export async function defaultPeriod(db: Queryable, provinceId: number, r: ResolutionRow): Promise<string> {
  if (r.kind === "congress") return resolutionScope(r).term.code;
  const rows = await db
    .selectFrom("target_assessments")
    .select("period")
    .distinct()
    .where("province_id", "=", provinceId)
    .where("resolution_id", "=", r.id)
    .where("actual", "is not", null)
    .execute();
  const periods = rows
    .map((x) => parsePeriodCode(x.period))
    .filter((p): p is Period => !!p && p.kind !== "term")
    .sort((a, b) => b.year - a.year || b.endMonth - a.endMonth || DEFAULT_KIND_RANK[a.kind]! - DEFAULT_KIND_RANK[b.kind]!);
  if (periods[0]) return periods[0].code;
  return String(resolutionScope(r).years[0]);
}

export function checkPeriodOf(r: ResolutionRow, code: string): Period {
  const p = parsePeriodCode(code);
  if (!p || !resolutionPeriods(r).some((q) => q.code === p.code)) {
    throw badRequest(`Kỳ ${p ? periodLabel(p) : code} không thuộc phạm vi của ${RESOLUTION_KIND_LABELS[r.kind].toLowerCase()} này (${scopeLabel(r)}).`);
  }
  return p;
}

// ---------------------------------------------------------------------------
// A resolution's table for a period, and its summary: one query each.

function tableQuery(db: Queryable, provinceId: number, resolutionId: string, period: string, day: string) {
  return db
    .selectFrom("targets as t")
    .leftJoin("target_assessments as a", (j) =>
      j.onRef("a.province_id", "=", "t.province_id").onRef("a.resolution_id", "=", "t.resolution_id").onRef("a.target_id", "=", "t.id").on("a.period", "=", period),
    )
    .where("t.province_id", "=", provinceId)
    .where("t.resolution_id", "=", resolutionId)
    .where("t.archived_at", "is", null)
    .select([
      "t.id",
      "t.code",
      "t.name",
      "t.measure_unit",
      "t.direction",
      "t.accumulates",
      "t.period_kinds",
      "t.owner_unit_id",
      "t.position",
      "a.plan",
      "a.actual",
      "a.actual_basis",
      "a.actual_from",
      "a.expected_share",
      "a.share_method",
      "a.expected",
      "a.percent_of_plan",
      "a.last_year",
      "a.change",
      "a.change_kind",
      "a.status",
      "a.reason",
      "a.forecast_year",
      "a.forecast_year_method",
      "a.likelihood_year",
      "a.forecast_term",
      "a.likelihood_term",
      "a.pending",
    ])
    .select((eb) => [
      // The owner's name today, or its last name if it has since ended.
      eb
        .selectFrom("unit_versions as v")
        .select("v.name")
        .whereRef("v.province_id", "=", "t.province_id")
        .whereRef("v.unit_id", "=", "t.owner_unit_id")
        .where("v.valid_from", "<=", day)
        .orderBy("v.valid_from", "desc")
        .limit(1)
        .as("owner_name"),
      eb
        .selectFrom("target_explanations as e")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("e.province_id", "=", "t.province_id")
        .whereRef("e.target_id", "=", "t.id")
        .where("e.status", "!=", "closed")
        .as("open_explanations"),
    ])
    .orderBy("t.position")
    .orderBy("t.code");
}

export async function resolutionTable(db: Queryable, provinceId: number, resolutionId: string, period: string, viewer: Viewer | null): Promise<TableRow[]> {
  const rows = await tableQuery(db, provinceId, resolutionId, period, todayInVietnam()).execute();
  const p = parsePeriodCode(period);
  return rows.map((r) => {
    const status = (r.status ?? "not_assessable") as Status;
    const reason = (r.status ? r.reason : "no_value") as StatusReason | null;
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      unit: r.measure_unit,
      direction: r.direction,
      accumulates: r.accumulates,
      periodKinds: r.period_kinds,
      owner: r.owner_unit_id ? { id: r.owner_unit_id, name: r.owner_name ?? "" } : null,
      position: r.position,
      plan: r.plan,
      actual: r.actual,
      actualBasis: r.actual_basis,
      actualFrom: r.actual_from,
      expectedShare: r.expected_share,
      shareMethod: r.share_method,
      expected: r.expected,
      percentOfPlan: r.percent_of_plan,
      lastYear: r.last_year,
      change: r.change,
      changeKind: r.change_kind ?? "percent",
      status,
      statusLabel: statusLabel(status, p),
      reason,
      reasonLabel: reason ? STATUS_REASON_LABELS[reason] : null,
      forecastYear: r.forecast_year,
      forecastYearMethod: r.forecast_year_method,
      likelihoodYear: r.likelihood_year as Likelihood | null,
      likelihoodYearLabel: r.likelihood_year ? LIKELIHOOD_LABELS[r.likelihood_year as Likelihood] : null,
      forecastTerm: r.forecast_term,
      likelihoodTerm: r.likelihood_term as Likelihood | null,
      likelihoodTermLabel: r.likelihood_term ? LIKELIHOOD_LABELS[r.likelihood_term as Likelihood] : null,
      pending: r.pending ?? 0,
      openExplanations: Number(r.open_explanations ?? 0),
      mine: viewer ? mayEnter(viewer, r.owner_unit_id) : false,
    };
  });
}

/** "x/y chỉ tiêu đủ điều kiện đánh giá; a/b đạt tiến độ" for a resolution and period, in one query. */
export async function resolutionSummary(db: Queryable, provinceId: number, resolutionId: string, period: string): Promise<SummaryView> {
  const row = await db
    .selectFrom("targets as t")
    .leftJoin("target_assessments as a", (j) =>
      j.onRef("a.province_id", "=", "t.province_id").onRef("a.resolution_id", "=", "t.resolution_id").onRef("a.target_id", "=", "t.id").on("a.period", "=", period),
    )
    .where("t.province_id", "=", provinceId)
    .where("t.resolution_id", "=", resolutionId)
    .where("t.archived_at", "is", null)
    .select([
      sql<number>`count(*)`.as("total"),
      sql<number>`count(*) filter (where a.status = 'exceeded')`.as("exceeded"),
      sql<number>`count(*) filter (where a.status = 'met')`.as("met"),
      sql<number>`count(*) filter (where a.status = 'behind')`.as("behind"),
    ])
    .executeTakeFirstOrThrow();
  const exceeded = Number(row.exceeded);
  const met = Number(row.met);
  const behind = Number(row.behind);
  const s: Summary = { total: Number(row.total), assessable: exceeded + met + behind, onTrack: exceeded + met, exceeded, met, behind };
  const p = parsePeriodCode(period);
  return { ...s, period, periodLabel: p ? periodLabel(p) : period, line: summaryLine(s, p) };
}

/** The same summary from table rows (the browser and tests cross-check the query with it). */
export function summaryOfRows(rows: Pick<TableRow, "status">[]): Summary {
  return summarize(rows.map((r) => r.status));
}

// ---------------------------------------------------------------------------
// Targets

export async function findTarget(db: Queryable, provinceId: number, id: string, forUpdate = false): Promise<TargetRow & { resolution: ResolutionRow }> {
  let q = db.selectFrom("targets").selectAll().where("province_id", "=", provinceId).where("id", "=", id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("Không tìm thấy chỉ tiêu.");
  const resolution = await findResolution(db, provinceId, row.resolution_id);
  return { ...row, resolution };
}

/** A target the caller may enter figures for; others answer 404 as if absent. */
export async function findTargetForEntry(db: Queryable, viewer: Viewer, id: string, forUpdate = false) {
  const t = await findTarget(db, viewer.provinceId, id, forUpdate);
  if (!mayEnter(viewer, t.owner_unit_id)) throw notFound("Không tìm thấy chỉ tiêu.");
  return t;
}

async function checkOwner(db: Queryable, provinceId: number, unitId: string | null): Promise<void> {
  if (!unitId) return;
  const u = await db.selectFrom("units").select("id").where("province_id", "=", provinceId).where("id", "=", unitId).executeTakeFirst();
  if (!u) throw badRequest("Không tìm thấy đơn vị chủ trì.");
}

async function plansOf(db: Queryable, provinceId: number, targetId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom("target_plans").select(["period", "value"]).where("province_id", "=", provinceId).where("target_id", "=", targetId).execute();
  return new Map(rows.map((r) => [r.period, r.value]));
}

function checkPlans(r: ResolutionRow, plans: { period: string }[]): void {
  const allowed = new Set<string>();
  const { years, term } = resolutionScope(r);
  for (const y of years) allowed.add(String(y));
  allowed.add(term.code);
  for (const p of plans) {
    if (!allowed.has(p.period)) throw badRequest(`Kế hoạch ${labelOfCode(p.period)} không thuộc phạm vi ${scopeLabel(r)}.`);
  }
}

export interface TargetInput {
  code: string;
  name: string;
  unit: string;
  direction: Direction;
  threshold: number | null;
  accumulates: boolean;
  termBasis?: TermBasis | undefined;
  periodKinds: string[];
  ownerUnitId: string | null;
  position?: number | undefined;
  note: string | null;
  plans: { period: string; value: number }[];
}

export async function insertTarget(tx: Tx, provinceId: number, resolution: ResolutionRow, input: TargetInput): Promise<TargetRow> {
  if (resolution.archived_at) throw badRequest("Nghị quyết, chương trình đã lưu trữ: không thêm chỉ tiêu.");
  await checkOwner(tx, provinceId, input.ownerUnitId);
  checkPlans(resolution, input.plans);
  const dup = await tx
    .selectFrom("targets")
    .select("id")
    .where("province_id", "=", provinceId)
    .where("resolution_id", "=", resolution.id)
    .where("code", "=", input.code)
    .executeTakeFirst();
  if (dup) throw new HttpError(409, "duplicate", `Đã có chỉ tiêu mã ${input.code} trong văn bản này.`);
  let position = input.position;
  if (position === undefined) {
    const max = await tx
      .selectFrom("targets")
      .select((eb) => eb.fn.max("position").as("m"))
      .where("province_id", "=", provinceId)
      .where("resolution_id", "=", resolution.id)
      .executeTakeFirst();
    position = (max?.m ?? 0) + 1;
  }
  const id = newId();
  const row = await tx
    .insertInto("targets")
    .values({
      province_id: provinceId,
      resolution_id: resolution.id,
      id,
      code: input.code,
      name: input.name,
      measure_unit: input.unit,
      direction: input.direction,
      threshold: input.threshold,
      accumulates: input.accumulates,
      term_basis: input.termBasis ?? (input.accumulates ? "sum" : "end"),
      period_kinds: input.periodKinds,
      owner_unit_id: input.ownerUnitId,
      position,
      note: input.note,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.plans.length) await tx.insertInto("target_plans").values(input.plans.map((p) => ({ province_id: provinceId, target_id: id, period: p.period, value: p.value }))).execute();
  await refreshAssessments(tx, provinceId, [id]);
  return row;
}

/** Whether a new plan asks less than the old one (a lowered target). */
function easier(direction: Direction, before: number, after: number): boolean {
  return direction === "decrease" ? after > before : after < before;
}

export async function updateTarget(
  tx: Tx,
  provinceId: number,
  id: string,
  input: Partial<Omit<TargetInput, "plans">> & { version: number; plans?: { period: string; value: number }[]; archived?: boolean; reason?: string | null },
): Promise<{ before: unknown; after: unknown }> {
  const before = await findTarget(tx, provinceId, id, true);
  const oldPlans = await plansOf(tx, provinceId, id);
  if (before.version !== input.version) throw staleEdit(targetCatalogue(before, oldPlans));
  if (input.ownerUnitId !== undefined) await checkOwner(tx, provinceId, input.ownerUnitId);
  const direction = input.direction ?? before.direction;
  const threshold = input.threshold !== undefined ? input.threshold : before.threshold;
  if (direction === "threshold" && threshold === null) throw badRequest("Chỉ tiêu đạt ngưỡng cần giá trị ngưỡng.");
  if (input.code !== undefined && input.code !== before.code) {
    const dup = await tx
      .selectFrom("targets")
      .select("id")
      .where("province_id", "=", provinceId)
      .where("resolution_id", "=", before.resolution_id)
      .where("code", "=", input.code)
      .executeTakeFirst();
    if (dup) throw new HttpError(409, "duplicate", `Đã có chỉ tiêu mã ${input.code} trong văn bản này.`);
  }
  if (input.plans) {
    checkPlans(before.resolution, input.plans);
    const lowered = input.plans.filter((p) => oldPlans.has(p.period) && easier(direction, oldPlans.get(p.period)!, p.value));
    if (lowered.length && !input.reason) {
      throw badRequest(
        `Không điều chỉnh giảm chỉ tiêu (${lowered.map((p) => labelOfCode(p.period)).join(", ")}). Nếu đã có quyết định điều chỉnh, hãy ghi căn cứ vào ô lý do.`,
      );
    }
    for (const p of input.plans) {
      await tx
        .insertInto("target_plans")
        .values({ province_id: provinceId, target_id: id, period: p.period, value: p.value })
        .onConflict((oc) => oc.columns(["province_id", "target_id", "period"]).doUpdateSet({ value: p.value }))
        .execute();
    }
  }
  const after = await tx
    .updateTable("targets")
    .set({
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.unit !== undefined ? { measure_unit: input.unit } : {}),
      ...(input.direction !== undefined ? { direction: input.direction } : {}),
      ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
      ...(input.accumulates !== undefined ? { accumulates: input.accumulates } : {}),
      ...(input.termBasis !== undefined ? { term_basis: input.termBasis } : {}),
      ...(input.periodKinds !== undefined ? { period_kinds: input.periodKinds } : {}),
      ...(input.ownerUnitId !== undefined ? { owner_unit_id: input.ownerUnitId } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.archived !== undefined ? { archived_at: input.archived ? (before.archived_at ?? new Date()) : null } : {}),
      updated_at: new Date(),
      version: before.version + 1,
    })
    .where("province_id", "=", provinceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await refreshAssessments(tx, provinceId, [id]);
  return { before: targetCatalogue(before, oldPlans), after: targetCatalogue(after, await plansOf(tx, provinceId, id)) };
}

export function targetCatalogue(t: TargetRow, plans: Map<string, number>): TargetCatalogue {
  return {
    id: t.id,
    resolutionId: t.resolution_id,
    code: t.code,
    name: t.name,
    unit: t.measure_unit,
    direction: t.direction,
    threshold: t.threshold,
    accumulates: t.accumulates,
    termBasis: t.term_basis,
    periodKinds: t.period_kinds,
    ownerUnitId: t.owner_unit_id,
    position: t.position,
    note: t.note,
    archived: t.archived_at !== null,
    version: t.version,
    plans: [...plans.entries()]
      .map(([period, value]) => ({ period, label: labelOfCode(period), value }))
      .sort((a, b) => comparePeriods(parsePeriodCode(a.period)!, parsePeriodCode(b.period)!)),
  };
}

// ---------------------------------------------------------------------------
// Values

async function valueViews(db: Queryable, provinceId: number, rows: ValueRow[]): Promise<ValueView[]> {
  const paperIds = [...new Set(rows.map((r) => r.paper_id).filter((p): p is string => !!p))];
  const factIds = [...new Set(rows.map((r) => r.paper_fact_id).filter((p): p is string => !!p))];
  const userIds = [...new Set(rows.flatMap((r) => [r.entered_by, r.approved_by]).filter((p): p is string => !!p))];
  const papers = paperIds.length
    ? await db.selectFrom("papers").select(["id", "symbol", "title", "issued_on"]).where("province_id", "=", provinceId).where("id", "in", paperIds).execute()
    : [];
  const facts = factIds.length ? await db.selectFrom("paper_facts").select(["id", "text"]).where("province_id", "=", provinceId).where("id", "in", factIds).execute() : [];
  const users = userIds.length ? await db.selectFrom("users").select(["id", "full_name"]).where("province_id", "=", provinceId).where("id", "in", userIds).execute() : [];
  const nameOf = (id: string | null) => (id ? (users.find((u) => u.id === id)?.full_name ?? null) : null);
  return rows.map((r) => {
    const paper = papers.find((p) => p.id === r.paper_id);
    const fact = facts.find((f) => f.id === r.paper_fact_id);
    return {
      id: r.id,
      targetId: r.target_id,
      period: r.period,
      periodLabel: labelOfCode(r.period),
      basis: r.basis,
      value: r.value,
      source: r.source,
      cutoffOn: r.cutoff_on,
      note: r.note,
      status: r.status,
      returnNote: r.return_note,
      paper: paper ? { id: paper.id, symbol: paper.symbol, title: paper.title, issuedOn: paper.issued_on } : null,
      fact: fact ? { id: fact.id, text: fact.text } : null,
      enteredBy: nameOf(r.entered_by),
      approvedBy: nameOf(r.approved_by),
      approvedAt: r.approved_at?.toISOString() ?? null,
      updatedAt: r.updated_at.toISOString(),
      version: r.version,
    };
  });
}

export async function findValue(db: Queryable, provinceId: number, id: string, forUpdate = false): Promise<ValueRow> {
  let q = db.selectFrom("target_values").selectAll().where("province_id", "=", provinceId).where("id", "=", id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("Không tìm thấy số liệu.");
  return row;
}

export async function valueView(db: Queryable, provinceId: number, row: ValueRow): Promise<ValueView> {
  return (await valueViews(db, provinceId, [row]))[0]!;
}

/** Checks a figure's period against the target: a kind it is measured in, and an official figure only once the period has ended. */
export function checkValuePeriod(t: TargetRow, code: string, basis: ValueBasis, today = todayInVietnam()): Period {
  const p = parsePeriodCode(code);
  if (!p || p.kind === "term") throw badRequest("Số liệu được nhập theo tháng, quý, 6 tháng, 9 tháng hoặc năm; số liệu nhiệm kỳ được tính từ các năm.");
  if (!t.period_kinds.includes(p.kind)) throw badRequest(`Chỉ tiêu "${t.name}" không theo dõi theo kỳ ${periodLabel(p).toLowerCase()}.`);
  if (basis === "official" && endDate(p) >= today) throw badRequest(`${periodLabel(p)} chưa kết thúc: chỉ nhập được số ước thực hiện.`);
  return p;
}

export interface ValueInput {
  period: string;
  basis: ValueBasis;
  value: number;
  source: string | null;
  cutoffOn: string | null;
  note: string | null;
  submit: boolean;
  paperId?: string | null;
  paperFactId?: string | null;
}

/** Records a new figure: the office's figures are approved at once, a unit's are a draft or sent for approval. */
export async function insertValue(tx: Tx, viewer: Viewer, t: TargetRow & { resolution: ResolutionRow }, input: ValueInput): Promise<ValueRow> {
  if (t.archived_at || t.resolution.archived_at) throw badRequest("Chỉ tiêu đã lưu trữ: không nhập số liệu.");
  const p = checkValuePeriod(t, input.period, input.basis);
  if (input.cutoffOn && input.cutoffOn < `${p.firstYear}-${String(p.startMonth).padStart(2, "0")}-01`) throw badRequest("Ngày chốt số liệu phải sau ngày bắt đầu kỳ.");
  const existing = await tx
    .selectFrom("target_values")
    .selectAll()
    .where("province_id", "=", viewer.provinceId)
    .where("target_id", "=", t.id)
    .where("period", "=", p.code)
    .where("basis", "=", input.basis)
    .executeTakeFirst();
  if (existing) throw staleEdit(await valueView(tx, viewer.provinceId, existing));
  const now = new Date();
  const status: ValueStatus = viewer.office ? "approved" : input.submit ? "submitted" : "draft";
  const row = await tx
    .insertInto("target_values")
    .values({
      province_id: viewer.provinceId,
      id: newId(),
      target_id: t.id,
      period: p.code,
      basis: input.basis,
      value: input.value,
      source: input.source,
      cutoff_on: input.cutoffOn,
      note: input.note,
      status,
      paper_id: input.paperId ?? null,
      paper_fact_id: input.paperFactId ?? null,
      entered_by: viewer.userId,
      submitted_by: status === "draft" ? null : viewer.userId,
      submitted_at: status === "draft" ? null : now,
      approved_by: status === "approved" ? viewer.userId : null,
      approved_at: status === "approved" ? now : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await refreshAssessments(tx, viewer.provinceId, [t.id], { fromYear: p.year });
  return row;
}

/** The value, locked, if the caller may change it (404 otherwise) and the version matches (409 otherwise). */
async function lockValue(tx: Tx, viewer: Viewer, id: string, version: number) {
  // The figure (locked) and its target's owner in one round trip.
  const found = await tx
    .selectFrom("target_values as v")
    .innerJoin("targets as t", (j) => j.onRef("t.province_id", "=", "v.province_id").onRef("t.id", "=", "v.target_id"))
    .selectAll("v")
    .select("t.owner_unit_id")
    .where("v.province_id", "=", viewer.provinceId)
    .where("v.id", "=", id)
    .forUpdate("v")
    .executeTakeFirst();
  if (!found) throw notFound("Không tìm thấy số liệu.");
  const { owner_unit_id, ...row } = found;
  if (row.status === "draft" && !mayseeDrafts(viewer, owner_unit_id)) throw notFound("Không tìm thấy số liệu.");
  if (row.version !== version) throw staleEdit(await valueView(tx, viewer.provinceId, row));
  return { row, target: { owner_unit_id } };
}

export async function editValue(
  tx: Tx,
  viewer: Viewer,
  id: string,
  input: { version: number; value?: number; source?: string | null; cutoffOn?: string | null; note?: string | null; submit?: boolean; reason?: string | null },
): Promise<{ before: ValueRow; after: ValueRow }> {
  const { row, target } = await lockValue(tx, viewer, id, input.version);
  if (!mayEnter(viewer, target.owner_unit_id)) throw notFound("Không tìm thấy số liệu.");
  if (row.status === "approved" && !viewer.office) throw badRequest("Số liệu đã được Văn phòng duyệt; đơn vị không sửa được. Hãy đề nghị Văn phòng điều chỉnh hoặc nhập số liệu chính thức.");
  if (row.status === "approved" && input.value !== undefined && input.value !== row.value && !input.reason) throw badRequest("Điều chỉnh số liệu đã duyệt cần ghi lý do.");
  const now = new Date();
  let status = row.status;
  if (!viewer.office && input.submit !== undefined) status = input.submit ? "submitted" : "draft";
  const after = await tx
    .updateTable("target_values")
    .set({
      ...(input.value !== undefined ? { value: input.value } : {}),
      ...(input.source !== undefined ? { source: input.source } : {}),
      ...(input.cutoffOn !== undefined ? { cutoff_on: input.cutoffOn } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      status,
      ...(status === "submitted" && row.status !== "submitted" ? { submitted_by: viewer.userId, submitted_at: now, return_note: null } : {}),
      // A figure taken from a paper and then changed by hand no longer is the paper's.
      ...(input.value !== undefined && input.value !== row.value ? { paper_fact_id: null } : {}),
      updated_at: now,
      version: row.version + 1,
    })
    .where("province_id", "=", viewer.provinceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await refreshAssessments(tx, viewer.provinceId, [row.target_id], { fromYear: parsePeriodCode(row.period)!.year });
  return { before: row, after };
}

export async function submitValue(tx: Tx, viewer: Viewer, id: string, version: number) {
  return editValue(tx, viewer, id, { version, submit: true });
}

export async function decideValue(tx: Tx, viewer: Viewer, id: string, version: number, decision: "approve" | "return", reason?: string): Promise<{ before: ValueRow; after: ValueRow }> {
  const { row } = await lockValue(tx, viewer, id, version);
  if (row.status !== "submitted") throw badRequest(row.status === "approved" ? "Số liệu đã được duyệt." : "Số liệu chưa được đơn vị gửi.");
  const now = new Date();
  const after = await tx
    .updateTable("target_values")
    .set(
      decision === "approve"
        ? { status: "approved", approved_by: viewer.userId, approved_at: now, return_note: null, updated_at: now, version: row.version + 1 }
        : { status: "draft", return_note: reason ?? null, updated_at: now, version: row.version + 1 },
    )
    .where("province_id", "=", viewer.provinceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await refreshAssessments(tx, viewer.provinceId, [row.target_id], { fromYear: parsePeriodCode(row.period)!.year });
  return { before: row, after };
}

/**
 * Figures in the province, newest first: the office's approval queue (status = submitted) or a
 * unit's own entries. Unit roles only see their own units' figures here; drafts are only ever
 * shown to the unit that owns the target.
 */
export async function listValues(
  db: Queryable,
  viewer: Viewer,
  filter: { status?: ValueStatus | undefined; resolutionId?: string | undefined; onlyMine: boolean; limit: number },
): Promise<ValueListRow[]> {
  const day = todayInVietnam();
  let q = db
    .selectFrom("target_values as v")
    .innerJoin("targets as t", (j) => j.onRef("t.province_id", "=", "v.province_id").onRef("t.id", "=", "v.target_id"))
    .innerJoin("resolutions as r", (j) => j.onRef("r.province_id", "=", "t.province_id").onRef("r.id", "=", "t.resolution_id"))
    .selectAll("v")
    .select(["t.code as t_code", "t.name as t_name", "t.measure_unit as t_unit", "t.owner_unit_id as t_owner", "r.id as r_id", "r.title as r_title", "r.symbol as r_symbol"])
    .select((eb) =>
      eb
        .selectFrom("unit_versions as uv")
        .select("uv.name")
        .whereRef("uv.province_id", "=", "t.province_id")
        .whereRef("uv.unit_id", "=", "t.owner_unit_id")
        .where("uv.valid_from", "<=", day)
        .orderBy("uv.valid_from", "desc")
        .limit(1)
        .as("owner_name"),
    )
    .where("v.province_id", "=", viewer.provinceId);
  if (filter.status) q = q.where("v.status", "=", filter.status);
  if (filter.resolutionId) q = q.where("t.resolution_id", "=", filter.resolutionId);
  const own = [...viewer.ownUnits];
  if (filter.onlyMine) {
    if (!own.length) return [];
    q = q.where("t.owner_unit_id", "in", own);
  } else if (own.length) {
    q = q.where((eb) => eb.or([eb("v.status", "!=", "draft"), eb("t.owner_unit_id", "in", own)]));
  } else {
    q = q.where("v.status", "!=", "draft");
  }
  const rows = await q.orderBy("v.updated_at", "desc").limit(filter.limit).execute();
  const views = await valueViews(db, viewer.provinceId, rows);
  return rows.map((r, i) => ({
    ...views[i]!,
    target: { id: r.target_id, code: r.t_code, name: r.t_name, unit: r.t_unit, ownerName: r.owner_name },
    resolution: { id: r.r_id, title: r.r_title, symbol: r.r_symbol },
  }));
}

// ---------------------------------------------------------------------------
// A target's page

export async function targetDetail(db: Queryable, viewer: Viewer, id: string, chartYear?: number): Promise<TargetDetail> {
  const t = await findTarget(db, viewer.provinceId, id);
  const plans = await plansOf(db, viewer.provinceId, id);
  const seeDrafts = mayseeDrafts(viewer, t.owner_unit_id);
  let vq = db.selectFrom("target_values").selectAll().where("province_id", "=", viewer.provinceId).where("target_id", "=", id);
  if (!seeDrafts) vq = vq.where("status", "!=", "draft");
  const valueRows = await vq.execute();
  valueRows.sort((a, b) => comparePeriods(parsePeriodCode(b.period)!, parsePeriodCode(a.period)!) || a.basis.localeCompare(b.basis));
  const assessments = await db
    .selectFrom("target_assessments")
    .selectAll()
    .where("province_id", "=", viewer.provinceId)
    .where("resolution_id", "=", t.resolution_id)
    .where("target_id", "=", id)
    .execute();
  assessments.sort((a, b) => comparePeriods(parsePeriodCode(a.period)!, parsePeriodCode(b.period)!));

  // Charts are drawn from the approved figures, computed on read (one target: cheap).
  const rule = ruleOf(t);
  const index = indexFigures(figuresInUse(valueRows));
  const { years, term } = resolutionScope(t.resolution);
  const dataYears = [...index.byYear.keys()];
  const firstYear = Math.min(years[0]!, ...dataYears);
  const lastYear = Math.max(years.at(-1)!, ...dataYears.filter((y) => y <= years.at(-1)! + 1));
  const allYears: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) allYears.push(y);
  const latestWithData = Math.max(...dataYears.filter((y) => years.includes(y)), years[0]!);
  const year = chartYear && allYears.includes(chartYear) ? chartYear : latestWithData;
  const owner = t.owner_unit_id ? ((await unitNamesOn(db, viewer.provinceId, [t.owner_unit_id], todayInVietnam())).get(t.owner_unit_id) ?? "") : null;
  const explanations = await listExplanations(db, viewer, { targetId: id, onlyMine: viewer.unitRole, limit: 100 });

  return {
    target: { ...targetCatalogue(t, plans), owner: t.owner_unit_id ? { id: t.owner_unit_id, name: owner ?? "" } : null },
    resolution: (await resolutionViews(db, viewer.provinceId, [t.resolution]))[0]!,
    termCode: term.code,
    values: await valueViews(db, viewer.provinceId, valueRows),
    assessments: assessments.map((a) => ({
      period: a.period,
      periodLabel: labelOfCode(a.period),
      plan: a.plan,
      actual: a.actual,
      actualBasis: a.actual_basis,
      actualFrom: a.actual_from,
      expectedShare: a.expected_share,
      shareMethod: a.share_method,
      expected: a.expected,
      percentOfPlan: a.percent_of_plan,
      lastYear: a.last_year,
      change: a.change,
      changeKind: a.change_kind,
      status: a.status,
      statusLabel: statusLabel(a.status, parsePeriodCode(a.period)),
      reason: a.reason,
      forecastYear: a.forecast_year,
      forecastYearMethod: a.forecast_year_method,
      likelihoodYear: a.likelihood_year,
      forecastTerm: a.forecast_term,
      likelihoodTerm: a.likelihood_term,
      pending: a.pending,
    })),
    chart: {
      year,
      years: allYears,
      months: yearTrajectory(rule, plans, index, year),
      yearly: yearlySeries(rule, plans, index, allYears),
      termPlan: plans.get(term.code) ?? null,
    },
    explanations,
    mine: mayEnter(viewer, t.owner_unit_id),
  };
}

// ---------------------------------------------------------------------------
// Paper facts: a figure read from a confirmed paper becomes a target's figure in one click.

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

const STOP = new Set(["tong", "cua", "va", "tren", "dia", "ban", "tinh", "ty", "le", "so", "cac", "nam", "thang", "dat", "nhung"]);

function words(s: string): Set<string> {
  return new Set(
    fold(s)
      .split(" ")
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );
}

/** How close a fact's label is to a target's name (0–1, shared words over the target's). */
export function labelMatch(targetName: string, label: string): number {
  const a = words(targetName);
  const b = words(label);
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

export function sameUnit(a: string, b: string): boolean {
  return fold(a).replace(/\s+/g, "") === fold(b).replace(/\s+/g, "");
}

export async function factSuggestions(db: Queryable, provinceId: number, t: TargetRow, limit = 20): Promise<FactSuggestion[]> {
  const rows = await db
    .selectFrom("paper_facts as f")
    .innerJoin("papers as p", (j) => j.onRef("p.province_id", "=", "f.province_id").onRef("p.id", "=", "f.paper_id"))
    .select(["f.id", "f.label", "f.value", "f.unit", "f.plan_percent", "f.change_percent", "f.period", "f.text", "p.id as paper_id", "p.symbol", "p.title", "p.issued_on"])
    .where("f.province_id", "=", provinceId)
    .where("p.status", "=", "confirmed")
    .orderBy("p.issued_on", "desc")
    .limit(5000)
    .execute();
  const attached = await db
    .selectFrom("target_values")
    .select(["paper_fact_id"])
    .where("province_id", "=", provinceId)
    .where("target_id", "=", t.id)
    .where("paper_fact_id", "is not", null)
    .execute();
  const used = new Set(attached.map((a) => a.paper_fact_id));
  return rows
    .map((r) => ({ r, score: labelMatch(t.name, r.label) + (sameUnit(r.unit, t.measure_unit) ? 0.25 : 0) }))
    .filter((x) => x.score >= 0.5)
    .sort((a, b) => b.score - a.score || (b.r.issued_on ?? "").localeCompare(a.r.issued_on ?? ""))
    .slice(0, limit)
    .map(({ r, score }) => {
      const p = r.period ? parsePeriod(r.period) : null;
      return {
        id: r.id,
        label: r.label,
        value: r.value,
        unit: r.unit,
        planPercent: r.plan_percent,
        changePercent: r.change_percent,
        period: p?.code ?? null,
        periodText: r.period,
        text: r.text,
        paper: { id: r.paper_id, symbol: r.symbol, title: r.title, issuedOn: r.issued_on },
        unitMatches: sameUnit(r.unit, t.measure_unit),
        attached: used.has(r.id),
        score,
      };
    });
}

export async function findConfirmedFact(db: Queryable, provinceId: number, factId: string) {
  const row = await db
    .selectFrom("paper_facts as f")
    .innerJoin("papers as p", (j) => j.onRef("p.province_id", "=", "f.province_id").onRef("p.id", "=", "f.paper_id"))
    .select(["f.id", "f.label", "f.value", "f.unit", "f.period", "f.text", "p.id as paper_id", "p.symbol", "p.kind", "p.issued_on", "p.status"])
    .where("f.province_id", "=", provinceId)
    .where("f.id", "=", factId)
    .executeTakeFirst();
  if (!row) throw notFound("Không tìm thấy số liệu trong văn bản.");
  if (row.status !== "confirmed") throw badRequest("Chỉ gắn được số liệu của văn bản đã xác nhận.");
  return row;
}

/** "Thông báo số 1012-TB/TU ngày 08/10/2024": where a figure taken from a paper comes from. */
export function paperSource(p: { symbol: string | null; issued_on: string | null; kind: string | null }, kindLabel: (k: string | null) => string): string {
  const date = p.issued_on ? ` ngày ${p.issued_on.slice(8, 10)}/${p.issued_on.slice(5, 7)}/${p.issued_on.slice(0, 4)}` : "";
  return `${kindLabel(p.kind)}${p.symbol ? ` số ${p.symbol}` : ""}${date}`;
}

// ---------------------------------------------------------------------------
// Explanation requests

export async function listExplanations(
  db: Queryable,
  viewer: Viewer,
  filter: { targetId?: string; status?: ExplanationStatus | undefined; onlyMine?: boolean; limit: number },
): Promise<ExplanationView[]> {
  let q = db
    .selectFrom("target_explanations as e")
    .innerJoin("targets as t", (j) => j.onRef("t.province_id", "=", "e.province_id").onRef("t.id", "=", "e.target_id"))
    .selectAll("e")
    .select(["t.code", "t.name", "t.resolution_id"])
    .where("e.province_id", "=", viewer.provinceId);
  if (filter.targetId) q = q.where("e.target_id", "=", filter.targetId);
  if (filter.status) q = q.where("e.status", "=", filter.status);
  if (filter.onlyMine) {
    const own = [...viewer.ownUnits];
    if (!own.length) return [];
    q = q.where("e.unit_id", "in", own);
  }
  const rows = await q.orderBy("e.requested_at", "desc").limit(filter.limit).execute();
  const units = await unitNamesOn(db, viewer.provinceId, rows.map((r) => r.unit_id).filter((u): u is string => !!u), todayInVietnam());
  const userIds = [...new Set(rows.flatMap((r) => [r.requested_by, r.answered_by]).filter((u): u is string => !!u))];
  const users = userIds.length ? await db.selectFrom("users").select(["id", "full_name"]).where("province_id", "=", viewer.provinceId).where("id", "in", userIds).execute() : [];
  const nameOf = (id: string | null) => (id ? (users.find((u) => u.id === id)?.full_name ?? null) : null);
  return rows.map((r) => ({
    id: r.id,
    target: { id: r.target_id, code: r.code, name: r.name, resolutionId: r.resolution_id },
    period: r.period,
    periodLabel: labelOfCode(r.period),
    unit: r.unit_id ? { id: r.unit_id, name: units.get(r.unit_id) ?? "" } : null,
    message: r.message,
    dueOn: r.due_on,
    status: r.status,
    requestedBy: nameOf(r.requested_by),
    requestedAt: r.requested_at.toISOString(),
    answer: r.answer,
    answeredBy: nameOf(r.answered_by),
    answeredAt: r.answered_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    version: r.version,
    canAnswer: r.status !== "closed" && r.unit_id !== null && viewer.ownUnits.has(r.unit_id) && !viewer.office,
  }));
}

export async function findExplanation(db: Queryable, provinceId: number, id: string, forUpdate = false) {
  let q = db.selectFrom("target_explanations").selectAll().where("province_id", "=", provinceId).where("id", "=", id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("Không tìm thấy yêu cầu giải trình.");
  return row;
}

export async function explanationView(db: Queryable, viewer: Viewer, id: string): Promise<ExplanationView> {
  const row = await findExplanation(db, viewer.provinceId, id);
  const found = (await listExplanations(db, viewer, { targetId: row.target_id, onlyMine: viewer.unitRole, limit: 1000 })).find((e) => e.id === id);
  if (!found) throw notFound("Không tìm thấy yêu cầu giải trình.");
  return found;
}
