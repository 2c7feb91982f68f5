import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import {
  type Deadline,
  type DirectiveStatus,
  formatDeadline,
  onTimePercent,
  OPEN_STATUSES,
  rankUnits,
  REQUEST_LABELS,
  REQUEST_STATUS_LABELS,
  STATUS_LABELS,
  type Timeliness,
  TIMELINESS_LABELS,
  timelinessOf,
  PRIORITY_LABELS,
  CLASSIFICATION_LABELS,
  daysLeft,
} from "../../domain/directives.ts";
import { addDays, todayInVietnam, viCollator } from "../../domain/format.ts";
import type { DirectiveDetail, DirectiveStats, MyWork, SheetRow } from "../../domain/api/directives.ts";
import type { SheetSort } from "../../domain/api/directives-input.ts";
import type { DirectiveClassification, Priority } from "../../domain/directives.ts";
import type { Database, Queryable } from "../db/schema.ts";
import { unitNamesOn } from "../units/queries.ts";
import type { DirectiveBrief } from "./notify.ts";
import type { DirectiveRow } from "./service.ts";

// Reading directives: the office's tracking sheet, a unit's "Việc của tôi", per-unit
// statistics and one directive's page — all as of a cut-off day. The state on the day is
// the row of directive_states in force then; for today (and later days) that is the row
// with valid_to null, which the partial indexes serve. Timeliness is computed, never read.

type States = ExpressionBuilder<Database & { s: Database["directive_states"] }, "s">;

/** Rows of directive_states in force at the end of `asOf`. */
export function inForce(eb: States, asOf: string, today = todayInVietnam()): Expression<SqlBool> {
  // No state begins after today, so for today and later the open rows are the ones in force.
  if (asOf >= today) return eb("s.valid_to", "is", null);
  return eb.and([eb("s.valid_from", "<=", asOf), eb.or([eb("s.valid_to", "is", null), eb("s.valid_to", ">", asOf)])]);
}

const OPEN = [...OPEN_STATUSES] as DirectiveStatus[];

/**
 * The SQL twin of timelinessOf (src/domain/directives.ts) for one kind: the tests check that
 * every state falls in exactly the class the domain gives it.
 */
export function timelinessIs(eb: States, t: Timeliness, asOf: string, dueSoonDays: number, today = todayInVietnam()): Expression<SqlBool> {
  const soon = addDays(asOf, dueSoonDays);
  switch (t) {
    case "overdue": {
      const overdue = eb.or([
        eb.and([eb("s.status", "in", OPEN), eb("s.due_on", "<", asOf)]),
        eb.and([eb("s.status", "=", "awaiting_confirmation"), eb("s.requested_on", ">", eb.ref("s.due_on"))]),
      ]);
      // From today on, a completion was asked for on or before today, so a late request also has its
      // last day before the cut-off: the bounds let the index of today's states be read as a range.
      if (asOf < today) return overdue;
      return eb.and([eb("s.status", "in", [...OPEN, "awaiting_confirmation"]), eb("s.due_on", "<", asOf), overdue]);
    }
    case "due_soon":
      return eb.and([eb("s.status", "in", OPEN), eb("s.due_on", ">=", asOf), eb("s.due_on", "<=", soon)]);
    case "on_time":
      return eb.or([
        eb.and([eb("s.status", "in", OPEN), eb("s.due_on", ">", soon)]),
        eb.and([eb("s.status", "=", "awaiting_confirmation"), eb("s.requested_on", "<=", eb.ref("s.due_on"))]),
      ]);
    case "no_deadline":
      return eb.and([eb("s.status", "in", [...OPEN, "awaiting_confirmation"]), eb("s.due_on", "is", null)]);
    case "done_on_time":
      return eb.and([eb("s.status", "=", "done"), eb.or([eb("s.due_on", "is", null), eb("s.completed_on", "<=", eb.ref("s.due_on"))])]);
    case "done_late":
      return eb.and([eb("s.status", "=", "done"), eb("s.completed_on", ">", eb.ref("s.due_on"))]);
    case "not_tracked":
      return eb("s.status", "in", ["suspended", "withdrawn"]);
  }
}

// ---------------------------------------------------------------------------
// Names

export async function userNames(db: Queryable, provinceId: number, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom("users").select(["id", "full_name"]).where("province_id", "=", provinceId).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

async function partnersOn(db: Queryable, provinceId: number, directiveIds: string[], day: string): Promise<Map<string, { unitId: string; name: string }[]>> {
  const out = new Map<string, { unitId: string; name: string }[]>();
  if (!directiveIds.length) return out;
  const rows = await db
    .selectFrom("directive_partners as p")
    .select((eb) => [
      "p.directive_id",
      "p.unit_id",
      // The unit's name on the day (its first name when it did not exist yet).
      eb
        .selectFrom("unit_versions as v")
        .select("v.name")
        .whereRef("v.province_id", "=", "p.province_id")
        .whereRef("v.unit_id", "=", "p.unit_id")
        .orderBy(sql`v.valid_from <= ${day}`, "desc")
        .orderBy(sql`case when v.valid_from <= ${day} then v.valid_from end`, (o) => o.desc().nullsLast())
        .orderBy("v.valid_from")
        .limit(1)
        .as("name"),
    ])
    .where("p.province_id", "=", provinceId)
    .where("p.directive_id", "in", directiveIds)
    .where("p.valid_from", "<=", day)
    .where((eb) => eb.or([eb("p.valid_to", "is", null), eb("p.valid_to", ">", day)]))
    .execute();
  for (const r of rows) out.set(r.directive_id, [...(out.get(r.directive_id) ?? []), { unitId: r.unit_id, name: r.name ?? "" }]);
  return out;
}

/** The deadline in force on `day` (its history is directive_deadlines). */
async function deadlinesOn(db: Queryable, provinceId: number, directiveIds: string[], day: string): Promise<Map<string, Deadline>> {
  const out = new Map<string, Deadline>();
  if (!directiveIds.length) return out;
  const rows = await db
    .selectFrom("directive_deadlines")
    .select(["directive_id", "kind", "value", "effective_on", "seq"])
    .where("province_id", "=", provinceId)
    .where("directive_id", "in", directiveIds)
    .orderBy("directive_id")
    .orderBy("seq")
    .execute();
  for (const r of rows) {
    if (!out.has(r.directive_id) || r.effective_on <= day) out.set(r.directive_id, { kind: r.kind, value: r.value });
  }
  return out;
}

// ---------------------------------------------------------------------------
// The tracking sheet

export interface SheetFilter {
  asOf: string;
  paperId?: string;
  unitId?: string;
  /** lead (default): the unit leads; any: leads or supports. */
  unitRole?: "lead" | "any";
  statuses?: DirectiveStatus[];
  timeliness?: Timeliness[];
  dueFrom?: string;
  dueTo?: string;
  leaderId?: string;
  followerId?: string;
  q?: string;
  /** top (default): the directives as assigned; all: with the parts passed down. */
  parts?: "top" | "all";
  sort?: SheetSort;
  order?: "asc" | "desc";
  limit?: number;
  offset?: number;
}

export interface Reach {
  /** null: the whole province. */
  units: Set<string> | null;
  userId: string | null;
}

function directivesOf(db: Queryable, provinceId: number) {
  return db.selectFrom("directives").select("id").where("province_id", "=", provinceId);
}

function sheetBase(db: Queryable, provinceId: number, f: SheetFilter, reach: Reach, dueSoonDays: number, today: string) {
  // The states alone: filters on the directive's own fields are subqueries, so that counting
  // and paging read the (partial, covering) indexes of directive_states only.
  let q = db
    .selectFrom("directive_states as s")
    .where("s.province_id", "=", provinceId)
    .where((eb) => inForce(eb as unknown as States, f.asOf, today));
  const directivesWhere = (where: (d: ReturnType<typeof directivesOf>) => ReturnType<typeof directivesOf>) =>
    q.where("s.directive_id", "in", where(directivesOf(db, provinceId)));
  if ((f.parts ?? "top") === "top") q = q.where("s.is_part", "=", false);
  if (f.paperId) q = q.where("s.paper_id", "=", f.paperId);
  if (f.unitId) {
    const unitId = f.unitId;
    q =
      f.unitRole === "any"
        ? q.where((eb) =>
            eb.or([
              eb("s.lead_unit_id", "=", unitId),
              eb.exists(
                eb
                  .selectFrom("directive_partners as p")
                  .select(sql`1`.as("x"))
                  .whereRef("p.province_id", "=", "s.province_id")
                  .whereRef("p.directive_id", "=", "s.directive_id")
                  .where("p.unit_id", "=", unitId)
                  .where("p.valid_from", "<=", f.asOf)
                  .where((e2) => e2.or([e2("p.valid_to", "is", null), e2("p.valid_to", ">", f.asOf)])),
              ),
            ]),
          )
        : q.where("s.lead_unit_id", "=", unitId);
  }
  if (f.statuses?.length) q = q.where("s.status", "in", f.statuses);
  if (f.timeliness?.length) {
    const kinds = f.timeliness;
    q = q.where((eb) => eb.or(kinds.map((t) => timelinessIs(eb as unknown as States, t, f.asOf, dueSoonDays))));
  }
  if (f.dueFrom) q = q.where("s.due_on", ">=", f.dueFrom);
  if (f.dueTo) q = q.where("s.due_on", "<=", f.dueTo);
  if (f.leaderId) q = directivesWhere((d) => d.where("leader_id", "=", f.leaderId!));
  if (f.followerId) q = directivesWhere((d) => d.where("follower_id", "=", f.followerId!));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = directivesWhere((d) => d.where((eb) => eb.or([eb("content", "ilike", like), eb("ordinal", "=", f.q!)])));
  }
  if (reach.units) {
    const units = [...reach.units];
    const userId = reach.userId;
    if (!units.length && !userId) return q.where(sql<boolean>`false`);
    q = q.where((eb) =>
      eb.or([
        ...(units.length ? [eb("s.lead_unit_id", "in", units)] : []),
        ...(userId ? [eb("s.directive_id", "in", directivesOf(db, provinceId).where("assignee_id", "=", userId))] : []),
        ...(units.length
          ? [
              eb.exists(
                eb
                  .selectFrom("directive_partners as rp")
                  .select(sql`1`.as("x"))
                  .whereRef("rp.province_id", "=", "s.province_id")
                  .whereRef("rp.directive_id", "=", "s.directive_id")
                  .where("rp.unit_id", "in", units)
                  .where("rp.valid_to", "is", null),
              ),
            ]
          : []),
      ]),
    );
  }
  return q;
}

const STATUS_ORDER = sql<number>`case s.status when 'not_started' then 1 when 'in_progress' then 2 when 'awaiting_confirmation' then 3 when 'suspended' then 4 when 'done' then 5 else 6 end`;

/** The office's tracking sheet: the page of rows asked for and how many match (null when told not to count). */
export function trackingSheet(db: Queryable, provinceId: number, f: SheetFilter, reach: Reach, dueSoonDays: number, options?: { count?: true }): Promise<{ total: number; rows: SheetRow[] }>;
export function trackingSheet(db: Queryable, provinceId: number, f: SheetFilter, reach: Reach, dueSoonDays: number, options: { count: false }): Promise<{ total: null; rows: SheetRow[] }>;
export async function trackingSheet(
  db: Queryable,
  provinceId: number,
  f: SheetFilter,
  reach: Reach,
  dueSoonDays: number,
  options: { count?: boolean } = {},
): Promise<{ total: number | null; rows: SheetRow[] }> {
  const today = todayInVietnam();
  const base = sheetBase(db, provinceId, f, reach, dueSoonDays, today);
  const dir = f.order === "desc" ? "desc" : "asc";
  const stateColumns = [...STATE_COLUMNS, ...DIRECTIVE_COLUMNS];
  const limit = Math.min(f.limit ?? 200, 20_000);
  const sort = f.sort ?? "due";
  // The directive's own fields are joined for the page only (the count reads the states alone).
  const joined = base.innerJoin("directives as d", (j) => j.onRef("d.province_id", "=", "s.province_id").onRef("d.id", "=", "s.directive_id"));
  const page = async (): Promise<BareRow[]> => {
    if (sort === "ordinal" || sort === "created") {
      let q = joined.select(stateColumns);
      q = sort === "ordinal" ? q.orderBy("s.paper_id").orderBy("d.position", dir).orderBy("d.ordinal", dir) : q.orderBy("d.created_at", dir);
      return q.orderBy("s.directive_id").limit(limit).offset(f.offset ?? 0).execute();
    }
    let q = joined.select(stateColumns);
    if (sort === "due") q = q.orderBy("s.due_on", (o) => (dir === "asc" ? o.asc().nullsLast() : o.desc().nullsLast()));
    else if (sort === "unit") q = q.orderBy("s.lead_unit_id", dir);
    else q = q.orderBy(STATUS_ORDER, dir).orderBy("s.due_on", (o) => o.asc().nullsLast());
    return q.orderBy("s.directive_id").limit(limit).offset(f.offset ?? 0).execute();
  };
  // The page is decorated while the count still runs: the count is the slowest of the lookups.
  const [rows, total] = await Promise.all([
    page().then((states) => decorate(db, provinceId, states as BareRow[], f.asOf, dueSoonDays)),
    options.count === false ? Promise.resolve(null) : base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((c) => Number(c.n)),
  ]);
  return { total, rows };
}

const STATE_COLUMNS = ["s.directive_id", "s.status", "s.lead_unit_id", "s.due_on", "s.requested_on", "s.completed_on"] as const;
const DIRECTIVE_COLUMNS = [
  "d.version",
  "d.ordinal",
  "d.content",
  "d.paper_id",
  "d.follower_id",
  "d.leader_id",
  "d.deadline_kind",
  "d.deadline_value",
  "d.priority",
  "d.classification",
  "d.expected_product",
  "d.note",
  "d.parent_id",
  "d.assignee_id",
] as const;

interface BareRow {
  directive_id: string;
  status: DirectiveStatus;
  lead_unit_id: string;
  due_on: string | null;
  requested_on: string | null;
  completed_on: string | null;
  version: number;
  ordinal: string | null;
  content: string;
  paper_id: string | null;
  follower_id: string | null;
  leader_id: string | null;
  deadline_kind: Deadline["kind"];
  deadline_value: string | null;
  priority: Priority;
  classification: DirectiveClassification;
  expected_product: string | null;
  note: string | null;
  parent_id: string | null;
  assignee_id: string | null;
}

/** Names, partners, the deadline on the day, the last report and the result, for a page of rows. */
async function decorate(db: Queryable, provinceId: number, rows: BareRow[], asOf: string, dueSoonDays: number): Promise<SheetRow[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.directive_id);
  const today = todayInVietnam();
  // One round of independent lookups (run side by side on a pool).
  const [partners, deadlines, papers, reports, results, leadNames, users] = await Promise.all([
    partnersOn(db, provinceId, ids, asOf),
    asOf >= today ? Promise.resolve(null) : deadlinesOn(db, provinceId, ids, asOf),
    (async () => {
      const paperIds = [...new Set(rows.map((r) => r.paper_id).filter((x): x is string => !!x))];
      if (!paperIds.length) return new Map<string, { symbol: string | null; issued_on: string | null }>();
      const ps = await db.selectFrom("papers").select(["id", "symbol", "issued_on"]).where("province_id", "=", provinceId).where("id", "in", paperIds).execute();
      return new Map(ps.map((p) => [p.id, p]));
    })(),
    lastReports(db, provinceId, ids, asOf),
    db
      .selectFrom("directive_requests")
      .select(["directive_id", "result", "requested_on"])
      .where("province_id", "=", provinceId)
      .where("directive_id", "in", ids)
      .where("kind", "=", "completion")
      .where("status", "in", ["pending", "approved"])
      .where("requested_on", "<=", asOf)
      .orderBy("requested_at")
      .execute(),
    unitNamesOn(
      db,
      provinceId,
      rows.map((r) => r.lead_unit_id),
      asOf,
    ),
    userNames(
      db,
      provinceId,
      rows.flatMap((r) => [r.follower_id, r.leader_id]),
    ),
  ]);
  const resultOf = new Map(results.map((r) => [r.directive_id, r.result]));
  const units = new Map([...leadNames, ...[...partners.values()].flat().map((p) => [p.unitId, p.name] as [string, string])]);
  return rows.map((r) => {
    const deadline = deadlines?.get(r.directive_id) ?? { kind: r.deadline_kind, value: r.deadline_value };
    const t = timelinessOf({ status: r.status, dueOn: r.due_on, requestedOn: r.requested_on, completedOn: r.completed_on }, asOf, dueSoonDays);
    const p = r.paper_id ? papers.get(r.paper_id) : undefined;
    const partnerIds = (partners.get(r.directive_id) ?? []).map((p) => p.unitId);
    const rep = reports.get(r.directive_id);
    return {
      id: r.directive_id,
      version: r.version,
      ordinal: r.ordinal,
      content: r.content,
      paperId: r.paper_id,
      paperSymbol: p?.symbol ?? null,
      paperIssuedOn: p?.issued_on ?? null,
      leadUnitId: r.lead_unit_id,
      leadUnitName: units.get(r.lead_unit_id) ?? "",
      partnerUnitIds: partnerIds,
      partnerUnitNames: partnerIds.map((u) => units.get(u) ?? "").sort(viCollator.compare),
      deadline,
      deadlineText: formatDeadline(deadline),
      dueOn: r.due_on,
      daysLeft: r.status === "done" || r.status === "withdrawn" ? null : daysLeft(r.due_on, asOf),
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      timeliness: t,
      timelinessLabel: TIMELINESS_LABELS[t],
      progress: r.status === "done" ? 100 : (rep?.progress ?? null),
      lastReportOn: rep?.reported_on ?? null,
      lastReport: rep?.narrative ?? null,
      result: resultOf.get(r.directive_id) ?? null,
      requestedOn: r.requested_on,
      completedOn: r.completed_on,
      followerId: r.follower_id,
      followerName: r.follower_id ? (users.get(r.follower_id) ?? null) : null,
      leaderId: r.leader_id,
      leaderName: r.leader_id ? (users.get(r.leader_id) ?? null) : null,
      priority: r.priority,
      priorityLabel: PRIORITY_LABELS[r.priority as keyof typeof PRIORITY_LABELS] ?? r.priority,
      classification: r.classification,
      classificationLabel: CLASSIFICATION_LABELS[r.classification as keyof typeof CLASSIFICATION_LABELS] ?? r.classification,
      expectedProduct: r.expected_product,
      note: r.note,
      parentId: r.parent_id,
      assigneeId: r.assignee_id,
    };
  });
}

/** The lead unit's latest report on or before the day, per directive (one index probe each). */
async function lastReports(db: Queryable, provinceId: number, ids: string[], day: string) {
  const end = new Date(`${addDays(day, 1)}T00:00:00+07:00`);
  const rows = await sql<{ directive_id: string; progress: number; narrative: string; reported_on: string }>`
    select x.id as directive_id, r.progress, r.narrative, r.reported_on
    from unnest(array[${sql.join(ids)}]::uuid[]) as x(id)
    cross join lateral (
      select progress, narrative, reported_on from directive_reports r
      where r.province_id = ${provinceId} and r.directive_id = x.id and r.role = 'lead' and r.reported_at < ${end}
      order by r.reported_at desc limit 1
    ) r`.execute(db);
  return new Map(rows.rows.map((r) => [r.directive_id, r]));
}

// ---------------------------------------------------------------------------
// "Việc của tôi"

const TIMELINESS_RANK: Record<Timeliness, number> = { overdue: 0, due_soon: 1, on_time: 2, no_deadline: 3, done_late: 4, done_on_time: 4, not_tracked: 5 };

/** Overdue first, then soonest last day; "chờ xác nhận" (the office's turn) after the work still owed. */
export function compareOwed(a: SheetRow, b: SheetRow): number {
  const wa = a.status === "awaiting_confirmation" ? 1 : 0;
  const wb = b.status === "awaiting_confirmation" ? 1 : 0;
  return (
    wa - wb ||
    TIMELINESS_RANK[a.timeliness] - TIMELINESS_RANK[b.timeliness] ||
    (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") ||
    a.id.localeCompare(b.id)
  );
}

/**
 * What the user's units owe (they lead it, or it was passed to the user), and what they
 * support; for the office and leaders, what they follow or are in charge of.
 */
export async function myWork(db: Queryable, provinceId: number, user: { id: string; role: string; unitIds: string[] }, asOf: string, dueSoonDays: number): Promise<MyWork> {
  const today = todayInVietnam();
  const owedStatuses: DirectiveStatus[] = [...OPEN, "awaiting_confirmation"];
  const states = () =>
    db
      .selectFrom("directive_states as s")
      .innerJoin("directives as d", (j) => j.onRef("d.province_id", "=", "s.province_id").onRef("d.id", "=", "s.directive_id"))
      .select([...STATE_COLUMNS, ...DIRECTIVE_COLUMNS])
      .where("s.province_id", "=", provinceId)
      .where((eb) => inForce(eb as unknown as States, asOf, today))
      .where("s.status", "in", owedStatuses)
      .limit(2000);
  const ofDirectives = (where: (q: ReturnType<typeof directivesOf>) => ReturnType<typeof directivesOf>) =>
    states().where("s.directive_id", "in", where(directivesOf(db, provinceId)));
  const finish = async (parts: BareRow[][]) => {
    const seen = new Set<string>();
    const unique = parts.flat().filter((r) => !seen.has(r.directive_id) && !!seen.add(r.directive_id));
    return decorate(db, provinceId, unique, asOf, dueSoonDays);
  };
  let lead: SheetRow[] = [];
  let partner: SheetRow[] = [];
  if (user.role === "unit_leader" || user.role === "unit_staff") {
    const units = user.unitIds;
    const supported = db
      .selectFrom("directive_partners as p")
      .select("p.directive_id")
      .where("p.province_id", "=", provinceId)
      .where("p.unit_id", "in", units.length ? units : ["00000000-0000-0000-0000-000000000000"])
      .where("p.valid_from", "<=", asOf)
      .where((e2) => e2.or([e2("p.valid_to", "is", null), e2("p.valid_to", ">", asOf)]));
    // Three index lookups side by side rather than one OR: what the units lead, what was passed
    // to the user, what the units support; then one round of lookups for all of them.
    const [byUnit, byAssignee, bySupport] = await Promise.all([
      units.length ? states().where("s.lead_unit_id", "in", units).execute() : Promise.resolve([]),
      ofDirectives((d) => d.where("assignee_id", "=", user.id)).execute(),
      units.length ? states().where("s.directive_id", "in", supported).execute() : Promise.resolve([]),
    ]);
    const all = await finish([byUnit, byAssignee, bySupport]);
    const leadIds = new Set([...byUnit, ...byAssignee].map((r) => r.directive_id));
    lead = all.filter((r) => leadIds.has(r.id));
    partner = all.filter((r) => !leadIds.has(r.id));
  } else {
    lead = await finish([await ofDirectives((d) => d.where((eb) => eb.or([eb("follower_id", "=", user.id), eb("leader_id", "=", user.id)]))).execute()]);
  }
  lead.sort(compareOwed);
  partner.sort(compareOwed);
  return {
    asOf,
    lead,
    partner,
    counts: {
      overdue: lead.filter((r) => r.timeliness === "overdue").length,
      dueSoon: lead.filter((r) => r.timeliness === "due_soon").length,
      awaiting: lead.filter((r) => r.status === "awaiting_confirmation").length,
      total: lead.length,
    },
  };
}

// ---------------------------------------------------------------------------
// Per-unit statistics

export interface StatsFilter {
  asOf: string;
  paperId?: string;
  dueFrom?: string;
  dueTo?: string;
  parts?: "top" | "all";
}

export async function unitStatistics(
  db: Queryable,
  provinceId: number,
  f: StatsFilter,
  reachUnits: Set<string> | null,
  dueSoonDays: number,
): Promise<DirectiveStats> {
  const today = todayInVietnam();
  let q = db
    .selectFrom("directive_states as s")
    .select((eb) => [
      "s.lead_unit_id",
      eb.fn.countAll<number>().filterWhere("s.status", "<>", "withdrawn").as("total"),
      eb.fn.countAll<number>().filterWhere(timelinessIs(eb as unknown as States, "done_on_time", f.asOf, dueSoonDays)).as("done_on_time"),
      eb.fn.countAll<number>().filterWhere(timelinessIs(eb as unknown as States, "done_late", f.asOf, dueSoonDays)).as("done_late"),
      eb.fn.countAll<number>().filterWhere(timelinessIs(eb as unknown as States, "overdue", f.asOf, dueSoonDays)).as("overdue"),
    ])
    .where("s.province_id", "=", provinceId)
    .where((eb) => inForce(eb as unknown as States, f.asOf, today))
    .groupBy("s.lead_unit_id");
  if ((f.parts ?? "top") === "top") q = q.where("s.is_part", "=", false);
  if (f.paperId) q = q.where("s.paper_id", "=", f.paperId);
  if (f.dueFrom) q = q.where("s.due_on", ">=", f.dueFrom);
  if (f.dueTo) q = q.where("s.due_on", "<=", f.dueTo);
  if (reachUnits) {
    if (!reachUnits.size) return { asOf: f.asOf, units: [], totals: { total: 0, doneOnTime: 0, doneLate: 0, notYetDue: 0, overdue: 0, onTimePercent: null } };
    q = q.where("s.lead_unit_id", "in", [...reachUnits]);
  }
  const rows = (await q.execute()).filter((r) => Number(r.total) > 0);
  const names = await unitNamesOn(
    db,
    provinceId,
    rows.map((r) => r.lead_unit_id),
    f.asOf,
  );
  const tallies = rows.map((r) => {
    const total = Number(r.total);
    const doneOnTime = Number(r.done_on_time);
    const doneLate = Number(r.done_late);
    const overdue = Number(r.overdue);
    return { unitId: r.lead_unit_id, unitName: names.get(r.lead_unit_id) ?? "", total, doneOnTime, doneLate, overdue, notYetDue: total - doneOnTime - doneLate - overdue };
  });
  tallies.sort((a, b) => viCollator.compare(a.unitName, b.unitName));
  const units = rankUnits(tallies).map(({ rank, item }) => ({ ...item, rank, onTimePercent: onTimePercent(item) }));
  const totals = tallies.reduce((t, u) => ({ total: t.total + u.total, doneOnTime: t.doneOnTime + u.doneOnTime, doneLate: t.doneLate + u.doneLate, notYetDue: t.notYetDue + u.notYetDue, overdue: t.overdue + u.overdue }), {
    total: 0,
    doneOnTime: 0,
    doneLate: 0,
    notYetDue: 0,
    overdue: 0,
  });
  return { asOf: f.asOf, units, totals: { ...totals, onTimePercent: onTimePercent(totals) } };
}

// ---------------------------------------------------------------------------
// One directive's page

/** The sheet's rows of these directives as they stood on `asOf` (in no particular order). */
export async function sheetRowsOf(db: Queryable, provinceId: number, ids: string[], asOf: string, dueSoonDays: number): Promise<SheetRow[]> {
  if (!ids.length) return [];
  const states = await db
    .selectFrom("directive_states as s")
    .innerJoin("directives as d", (j) => j.onRef("d.province_id", "=", "s.province_id").onRef("d.id", "=", "s.directive_id"))
    .select([...STATE_COLUMNS, ...DIRECTIVE_COLUMNS])
    .where("s.province_id", "=", provinceId)
    .where("s.directive_id", "in", ids)
    .where((eb) => inForce(eb as unknown as States, asOf))
    .execute();
  return decorate(db, provinceId, states as BareRow[], asOf, dueSoonDays);
}

export async function directiveDetail(db: Queryable, provinceId: number, d: DirectiveRow, asOf: string, dueSoonDays: number): Promise<DirectiveDetail<Date>> {
  const [summary] = await sheetRowsOf(db, provinceId, [d.id], asOf, dueSoonDays);
  const [events, deadlines, reports, requests, urgings, children, states, paperItem] = await Promise.all([
    db.selectFrom("directive_events").selectAll().where("province_id", "=", provinceId).where("directive_id", "=", d.id).orderBy("seq").execute(),
    db.selectFrom("directive_deadlines").selectAll().where("province_id", "=", provinceId).where("directive_id", "=", d.id).orderBy("seq").execute(),
    db.selectFrom("directive_reports").selectAll().where("province_id", "=", provinceId).where("directive_id", "=", d.id).orderBy("reported_at", "desc").execute(),
    db.selectFrom("directive_requests").selectAll().where("province_id", "=", provinceId).where("directive_id", "=", d.id).orderBy("requested_at", "desc").execute(),
    db
      .selectFrom("directive_urging_items as i")
      .innerJoin("directive_urgings as u", (j) => j.onRef("u.province_id", "=", "i.province_id").onRef("u.id", "=", "i.urging_id"))
      .select(["u.id", "u.symbol", "u.issued_on", "u.content", "u.issued_by", "u.created_at"])
      .where("i.province_id", "=", provinceId)
      .where("i.directive_id", "=", d.id)
      .orderBy("u.created_at", "desc")
      .execute(),
    db.selectFrom("directives").select(["id", "content", "lead_unit_id", "assignee_id", "ordinal"]).where("province_id", "=", provinceId).where("parent_id", "=", d.id).orderBy("created_at").execute(),
    db.selectFrom("directive_states").selectAll().where("province_id", "=", provinceId).where("directive_id", "=", d.id).orderBy("valid_from").execute(),
    d.paper_directive_id
      ? db.selectFrom("paper_directives").select(["ordinal", "text", "deadline_text"]).where("province_id", "=", provinceId).where("id", "=", d.paper_directive_id).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const files = reports.length
    ? await db
        .selectFrom("directive_report_files as rf")
        .innerJoin("files as f", (j) => j.onRef("f.province_id", "=", "rf.province_id").onRef("f.id", "=", "rf.file_id"))
        .select(["rf.report_id", "f.id", "f.name", "f.mime", "f.size"])
        .where("rf.province_id", "=", provinceId)
        .where(
          "rf.report_id",
          "in",
          reports.map((r) => r.id),
        )
        .orderBy("rf.position")
        .execute()
    : [];
  const unitIds = [...reports.map((r) => r.unit_id), ...children.map((c) => c.lead_unit_id), ...states.map((s) => s.lead_unit_id)];
  const userIds = [
    ...events.map((e) => e.actor_id),
    ...reports.map((r) => r.reported_by),
    ...requests.flatMap((r) => [r.requested_by, r.decided_by]),
    ...urgings.map((u) => u.issued_by),
    ...children.map((c) => c.assignee_id),
    d.assignee_id,
    ...deadlines.map((x) => x.set_by),
  ];
  const [units, users, parent] = await Promise.all([
    unitNamesOn(db, provinceId, unitIds, asOf),
    userNames(db, provinceId, userIds),
    d.parent_id ? db.selectFrom("directives").select(["id", "content", "ordinal", "lead_unit_id"]).where("province_id", "=", provinceId).where("id", "=", d.parent_id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const parentUnit = parent ? (await unitNamesOn(db, provinceId, [parent.lead_unit_id], asOf)).get(parent.lead_unit_id) : undefined;
  const name = (id: string | null) => (id ? (users.get(id) ?? null) : null);
  return {
    asOf,
    directive: summary ?? null,
    paperItem: paperItem ?? null,
    assigneeName: name(d.assignee_id),
    source: d.source,
    createdAt: d.created_at,
    parent: parent ? { id: parent.id, content: parent.content, ordinal: parent.ordinal, leadUnitName: parentUnit ?? "" } : null,
    children: children.map((c) => ({ id: c.id, content: c.content, ordinal: c.ordinal, leadUnitName: units.get(c.lead_unit_id) ?? "", assigneeName: name(c.assignee_id) })),
    history: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      onDate: e.on_date,
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      reason: e.reason,
      data: e.data,
    })),
    states: states.map((s) => ({
      validFrom: s.valid_from,
      validTo: s.valid_to,
      status: s.status,
      statusLabel: STATUS_LABELS[s.status],
      leadUnitName: units.get(s.lead_unit_id) ?? "",
      dueOn: s.due_on,
    })),
    deadlines: deadlines.map((x) => ({
      seq: x.seq,
      deadline: { kind: x.kind, value: x.value } as Deadline,
      text: formatDeadline({ kind: x.kind, value: x.value }),
      dueOn: x.due_on,
      effectiveOn: x.effective_on,
      requestId: x.request_id,
      reason: x.reason,
      setByName: name(x.set_by),
      setAt: x.set_at,
    })),
    reports: reports.map((r) => ({
      id: r.id,
      version: r.version,
      unitId: r.unit_id,
      unitName: units.get(r.unit_id) ?? "",
      role: r.role,
      progress: r.progress,
      narrative: r.narrative,
      difficulties: r.difficulties,
      proposals: r.proposals,
      reportedById: r.reported_by,
      reportedByName: name(r.reported_by),
      reportedAt: r.reported_at,
      reportedOn: r.reported_on,
      files: files.filter((f) => f.report_id === r.id).map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, url: `/api/directives/${d.id}/files/${f.id}` })),
    })),
    requests: requests.map((r) => ({
      id: r.id,
      version: r.version,
      kind: r.kind,
      kindLabel: REQUEST_LABELS[r.kind],
      status: r.status,
      statusLabel: REQUEST_STATUS_LABELS[r.status],
      reason: r.reason,
      result: r.result,
      proposedDeadline: r.proposed_kind ? ({ kind: r.proposed_kind, value: r.proposed_value } as Deadline) : null,
      proposedDeadlineText: r.proposed_kind ? formatDeadline({ kind: r.proposed_kind, value: r.proposed_value }) : null,
      requestedByName: name(r.requested_by),
      requestedAt: r.requested_at,
      requestedOn: r.requested_on,
      decidedByName: name(r.decided_by),
      decidedAt: r.decided_at,
      decisionReason: r.decision_reason,
      approvedDeadlineText: r.approved_kind ? formatDeadline({ kind: r.approved_kind, value: r.approved_value }) : null,
    })),
    urgings: urgings.map((u) => ({ id: u.id, symbol: u.symbol, issuedOn: u.issued_on, content: u.content, issuedByName: name(u.issued_by), createdAt: u.created_at })),
  };
}

/** What notices and e-mails say about directives: content, source, lead unit (named today), deadline. */
export async function directiveBriefs(db: Queryable, provinceId: number, ids: string[], day = todayInVietnam()): Promise<Map<string, DirectiveBrief>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("directives as d")
    .leftJoin("papers as p", (j) => j.onRef("p.province_id", "=", "d.province_id").onRef("p.id", "=", "d.paper_id"))
    .select(["d.id", "d.content", "d.ordinal", "d.lead_unit_id", "d.deadline_kind", "d.deadline_value", "p.symbol", "p.issued_on", "p.kind"])
    .where("d.province_id", "=", provinceId)
    .where("d.id", "in", [...new Set(ids)])
    .execute();
  const names = await unitNamesOn(
    db,
    provinceId,
    rows.map((r) => r.lead_unit_id),
    day,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        content: r.content,
        ordinal: r.ordinal,
        paperSymbol: r.symbol,
        paperIssuedOn: r.issued_on,
        paperKind: r.kind,
        leadUnitName: names.get(r.lead_unit_id) ?? "",
        deadline: { kind: r.deadline_kind, value: r.deadline_value },
      },
    ]),
  );
}

/**
 * Where a unit's work went when it ceased to exist: the units its merges and splits lead
 * to, followed until units alive on `day` ("Ban cán sự đảng UBND tỉnh" → "Đảng ủy UBND tỉnh").
 * A live unit is its own successor; one that simply ended has none.
 */
export async function successorResolver(db: Queryable, provinceId: number, live: Set<string>): Promise<(unitId: string) => string[]> {
  const links = await db
    .selectFrom("unit_change_units as l")
    .innerJoin("unit_changes as c", (j) => j.onRef("c.province_id", "=", "l.province_id").onRef("c.id", "=", "l.change_id"))
    .select(["l.change_id", "l.unit_id", "l.role", "c.effective"])
    .where("l.province_id", "=", provinceId)
    .where("c.kind", "in", ["merge", "split"])
    .execute();
  const byChange = new Map<string, { from: string[]; to: string[]; effective: string }>();
  for (const l of links) {
    const c = byChange.get(l.change_id) ?? { from: [], to: [], effective: l.effective };
    (l.role === "from" ? c.from : c.to).push(l.unit_id);
    byChange.set(l.change_id, c);
  }
  const next = new Map<string, string[]>();
  for (const c of byChange.values()) for (const f of c.from) next.set(f, [...(next.get(f) ?? []), ...c.to.filter((t) => t !== f)]);
  return (unitId) => {
    const out = new Set<string>();
    const seen = new Set<string>();
    const queue = [unitId];
    while (queue.length && seen.size < 200) {
      const u = queue.shift()!;
      if (seen.has(u)) continue;
      seen.add(u);
      if (live.has(u)) out.add(u);
      else queue.push(...(next.get(u) ?? []));
    }
    return [...out];
  };
}
