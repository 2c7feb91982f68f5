import { type Selectable, sql } from "kysely";
import {
  applyEvent,
  applyTransition,
  type Deadline,
  deadlineProblem,
  type DirectiveClassification,
  DirectiveRuleError,
  type DirectiveState,
  FINAL_STATUSES,
  formatDeadline,
  type HistoryEvent,
  holds,
  initialState,
  lastDay,
  mayDecide,
  mayRequest,
  type Party,
  type Priority,
  REQUEST_LABELS,
  REQUESTS,
  type RequestKind,
  STATUS_LABELS,
  TRANSITIONS,
  type TransitionAction,
} from "../../domain/directives.ts";
import { todayInVietnam } from "../../domain/format.ts";
import { subtreeIds } from "../../domain/units.ts";
import type { Queryable, Tx } from "../db/schema.ts";
import { forbidden, HttpError, notFound, staleEdit } from "../http/errors.ts";
import type { Audit } from "../http/route.ts";
import { newId } from "../ids.ts";
import { enqueueJob } from "../jobs/queue.ts";
import type { Role } from "../policy.ts";
import { unitsAsOf } from "../units/queries.ts";
import { DIRECTIVES_WEB_PATH, directiveWebPath, notify, notifyAndMail, officeRecipients, shortContent, unitUsers, urgingText, usersById, uniqueRecipients } from "./notify.ts";
import { directiveBriefs } from "./queries.ts";
import type { DirectiveSource, DirectivesTable, DirectiveStatesTable } from "./tables.ts";

// Every change to a directive goes through here, inside one transaction that also writes
// the audit log: the directive row is locked (and its version checked when the caller read
// one), the domain rules decide the next state, the dated state row is closed or edited,
// the event is appended, and the people concerned are told.

export type DirectiveRow = Selectable<DirectivesTable>;
export type StateRow = Selectable<DirectiveStatesTable>;

export interface ActingUser {
  id: string | null;
  fullName: string;
  role: Role;
  unitIds: string[];
}

export interface Writer {
  tx: Tx;
  provinceId: number;
  user: ActingUser;
  at: Date;
  audit: Audit;
  /** The public address, for links in e-mails. */
  baseUrl: string;
}

export const REMINDER_SCAN_JOB = "directives.reminders.scan";

const dayOf = (w: Writer) => todayInVietnam(w.at);

function ruleError(e: unknown, current?: unknown): never {
  if (e instanceof DirectiveRuleError) throw new HttpError(409, e.code, e.message, current === undefined ? undefined : { current });
  throw e;
}

// ---------------------------------------------------------------------------
// Reading one directive, its state and the caller's standing

export async function findDirective(db: Queryable, provinceId: number, id: string, forUpdate = false): Promise<DirectiveRow | undefined> {
  let q = db.selectFrom("directives").selectAll().where("province_id", "=", provinceId).where("id", "=", id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function currentStateRow(db: Queryable, provinceId: number, id: string): Promise<StateRow> {
  return db
    .selectFrom("directive_states")
    .selectAll()
    .where("province_id", "=", provinceId)
    .where("directive_id", "=", id)
    .where("valid_to", "is", null)
    .executeTakeFirstOrThrow();
}

export async function pendingKinds(db: Queryable, provinceId: number, id: string): Promise<Exclude<RequestKind, "completion">[]> {
  const rows = await db
    .selectFrom("directive_requests")
    .select("kind")
    .where("province_id", "=", provinceId)
    .where("directive_id", "=", id)
    .where("status", "=", "pending")
    .where("kind", "<>", "completion")
    .execute();
  return rows.map((r) => r.kind as Exclude<RequestKind, "completion">);
}

export async function domainState(db: Queryable, d: DirectiveRow): Promise<{ row: StateRow; state: DirectiveState }> {
  const row = await currentStateRow(db, d.province_id, d.id);
  return {
    row,
    state: {
      status: row.status,
      leadUnitId: row.lead_unit_id,
      deadline: { kind: d.deadline_kind, value: d.deadline_value },
      dueOn: row.due_on,
      requestedOn: row.requested_on,
      completedOn: row.completed_on,
      pending: await pendingKinds(db, d.province_id, d.id),
    },
  };
}

export async function currentPartners(db: Queryable, provinceId: number, directiveId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("directive_partners")
    .select("unit_id")
    .where("province_id", "=", provinceId)
    .where("directive_id", "=", directiveId)
    .where("valid_to", "is", null)
    .execute();
  return rows.map((r) => r.unit_id);
}

const PROVINCE_ROLES: Role[] = ["office", "leader", "admin"];

/** The units a user acts for: null (all) for the office, leaders and administrators; else their units and those below. */
export async function reachOf(db: Queryable, provinceId: number, user: Pick<ActingUser, "role" | "unitIds">, day = todayInVietnam()): Promise<Set<string> | null> {
  if (PROVINCE_ROLES.includes(user.role)) return null;
  return subtreeIds(await unitsAsOf(db, provinceId, day), user.unitIds);
}

/** How the user stands to the directive (lead, partner, office, the unit that passed it down). */
export async function partiesOf(db: Queryable, provinceId: number, user: ActingUser, d: DirectiveRow, reach: Set<string> | null): Promise<Party[]> {
  const parties: Party[] = [];
  if (user.role === "office") parties.push("office");
  if (!reach) return parties;
  if (reach.has(d.lead_unit_id) || (user.id && d.assignee_id === user.id)) parties.push("lead");
  if ((await currentPartners(db, provinceId, d.id)).some((u) => reach.has(u))) parties.push("partner");
  if (d.parent_id) {
    const parent = await findDirective(db, provinceId, d.parent_id);
    if (parent && reach.has(parent.lead_unit_id)) parties.push("delegator");
  }
  return parties;
}

/** Whether a user may see a directive at all: province roles see all; unit roles what their units lead or support, or what was passed to them. */
export async function canSee(db: Queryable, provinceId: number, user: ActingUser, d: DirectiveRow, reach: Set<string> | null): Promise<boolean> {
  if (!reach) return true;
  return (await partiesOf(db, provinceId, user, d, reach)).length > 0;
}

/** The directive locked for a change; 404 outside the caller's reach, 409 with the current data when `version` is stale. */
async function lockForChange(w: Writer, id: string, version: number | null): Promise<{ d: DirectiveRow; reach: Set<string> | null; parties: Party[] }> {
  const d = await findDirective(w.tx, w.provinceId, id, true);
  if (!d) throw notFound("Không tìm thấy nhiệm vụ.");
  const reach = await reachOf(w.tx, w.provinceId, w.user, dayOf(w));
  const parties = await partiesOf(w.tx, w.provinceId, w.user, d, reach);
  if (reach && !parties.length) throw notFound("Không tìm thấy nhiệm vụ.");
  if (version !== null && d.version !== version) throw staleEdit(await directiveSnapshot(w.tx, d));
  return { d, reach, parties };
}

/** What a 409 carries: the directive as it is now, with its state. */
export async function directiveSnapshot(db: Queryable, d: DirectiveRow) {
  const { row, state } = await domainState(db, d);
  return {
    id: d.id,
    version: d.version,
    content: d.content,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    leadUnitId: d.lead_unit_id,
    deadline: state.deadline,
    deadlineText: formatDeadline(state.deadline),
    dueOn: row.due_on,
    pending: state.pending,
    updatedAt: d.updated_at,
  };
}

// ---------------------------------------------------------------------------
// Writing state and history

async function nextSeq(tx: Tx, provinceId: number, table: "directive_events" | "directive_deadlines", directiveId: string): Promise<number> {
  const r = await tx
    .selectFrom(table)
    .select((eb) => eb.fn.coalesce(eb.fn.max("seq"), eb.lit(0)).as("m"))
    .where("province_id", "=", provinceId)
    .where("directive_id", "=", directiveId)
    .executeTakeFirstOrThrow();
  return Number(r.m) + 1;
}

export async function appendEvent(
  w: Writer,
  directiveId: string,
  e: { kind: string; from?: DirectiveState["status"] | null; to?: DirectiveState["status"] | null; reason?: string | null; data?: Record<string, unknown> | null },
): Promise<void> {
  await w.tx
    .insertInto("directive_events")
    .values({
      province_id: w.provinceId,
      directive_id: directiveId,
      seq: await nextSeq(w.tx, w.provinceId, "directive_events", directiveId),
      at: w.at,
      on_date: dayOf(w),
      kind: e.kind,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      actor_id: w.user.id,
      actor_name: w.user.fullName,
      reason: e.reason ?? null,
      data: e.data ? JSON.stringify(e.data) : null,
    })
    .execute();
}

const sameState = (row: StateRow, s: DirectiveState) =>
  row.status === s.status && row.lead_unit_id === s.leadUnitId && row.due_on === s.dueOn && row.requested_on === s.requestedOn && row.completed_on === s.completedOn;

/**
 * Records the state from `day` on: the row in force is edited when it began that day,
 * otherwise closed the day before and followed by a new one. History never moves backwards.
 */
async function writeState(w: Writer, d: DirectiveRow, row: StateRow, next: DirectiveState): Promise<void> {
  if (sameState(row, next)) return;
  const day = dayOf(w);
  const values = {
    status: next.status,
    lead_unit_id: next.leadUnitId,
    due_on: next.dueOn,
    requested_on: next.requestedOn,
    completed_on: next.completedOn,
  };
  if (row.valid_from === day) {
    await w.tx
      .updateTable("directive_states")
      .set(values)
      .where("province_id", "=", w.provinceId)
      .where("directive_id", "=", d.id)
      .where("valid_from", "=", day)
      .execute();
    return;
  }
  if (row.valid_from > day) throw new Error(`state of ${d.id} changed on ${row.valid_from}, cannot record ${day}`);
  await w.tx
    .updateTable("directive_states")
    .set({ valid_to: day })
    .where("province_id", "=", w.provinceId)
    .where("directive_id", "=", d.id)
    .where("valid_from", "=", row.valid_from)
    .execute();
  await w.tx
    .insertInto("directive_states")
    .values({ province_id: w.provinceId, directive_id: d.id, valid_from: day, valid_to: null, paper_id: d.paper_id, is_part: d.parent_id !== null, ...values })
    .execute();
}

async function touch(w: Writer, d: DirectiveRow, fields: Partial<Pick<DirectiveRow, "lead_unit_id" | "deadline_kind" | "deadline_value">> = {}): Promise<number> {
  const r = await w.tx
    .updateTable("directives")
    .set({ ...fields, version: sql`version + 1`, updated_at: w.at })
    .where("province_id", "=", w.provinceId)
    .where("id", "=", d.id)
    .returning("version")
    .executeTakeFirstOrThrow();
  return r.version;
}

/** Cancels the requests the new state no longer has pending (a withdrawal ends them all). */
async function syncPending(w: Writer, directiveId: string, next: DirectiveState, reason: string): Promise<void> {
  const keep = new Set<string>(next.pending);
  if (next.status === "awaiting_confirmation") keep.add("completion");
  const open = await w.tx
    .selectFrom("directive_requests")
    .select(["id", "kind"])
    .where("province_id", "=", w.provinceId)
    .where("directive_id", "=", directiveId)
    .where("status", "=", "pending")
    .execute();
  for (const r of open) {
    if (keep.has(r.kind)) continue;
    await w.tx
      .updateTable("directive_requests")
      .set({ status: "cancelled", decided_by: w.user.id, decided_at: w.at, decision_reason: reason, version: sql`version + 1`, updated_at: w.at })
      .where("province_id", "=", w.provinceId)
      .where("id", "=", r.id)
      .execute();
  }
}

async function insertDeadline(w: Writer, directiveId: string, deadline: Deadline, reason: string | null, requestId: string | null): Promise<void> {
  await w.tx
    .insertInto("directive_deadlines")
    .values({
      province_id: w.provinceId,
      directive_id: directiveId,
      seq: await nextSeq(w.tx, w.provinceId, "directive_deadlines", directiveId),
      kind: deadline.kind,
      value: deadline.value,
      due_on: lastDay(deadline),
      effective_on: dayOf(w),
      request_id: requestId,
      reason,
      set_by: w.user.id,
      set_at: w.at,
    })
    .execute();
}

/** Keeps the reminder scan of the day queued (it re-queues itself daily; this restarts a broken chain). */
export async function ensureReminderScan(db: Queryable, provinceId: number, day = todayInVietnam()): Promise<void> {
  await enqueueJob(db, provinceId, REMINDER_SCAN_JOB, { day }, { dedupeKey: `${REMINDER_SCAN_JOB}:${day}` });
}

// ---------------------------------------------------------------------------
// Creating

export interface NewDirective {
  content: string;
  ordinal?: string | null;
  position?: number;
  leadUnitId: string;
  partnerUnitIds?: string[];
  followerId?: string | null;
  leaderId?: string | null;
  assigneeId?: string | null;
  deadline: Deadline;
  expectedProduct?: string | null;
  priority?: Priority;
  classification?: DirectiveClassification;
  note?: string | null;
  paperId?: string | null;
  paperDirectiveId?: string | null;
  parentId?: string | null;
  source: DirectiveSource;
}

function checkDeadline(d: Deadline): void {
  const problem = deadlineProblem(d);
  if (problem) throw new HttpError(400, "invalid_deadline", problem);
}

/** Units that exist on `day` (a directive is assigned to bodies as they are then). */
async function assertUnitsOn(db: Queryable, provinceId: number, ids: string[], day: string): Promise<Map<string, string>> {
  const live = new Map((await unitsAsOf(db, provinceId, day)).map((u) => [u.id, u.name]));
  for (const id of ids) {
    if (!live.has(id)) throw new HttpError(400, "unknown_unit", "Có đơn vị không tồn tại hoặc không còn hoạt động vào ngày giao nhiệm vụ.");
  }
  return live;
}

async function assertUser(db: Queryable, provinceId: number, id: string | null | undefined, roles: Role[], what: string): Promise<void> {
  if (!id) return;
  const u = await db.selectFrom("users").select(["role", "disabled_at"]).where("province_id", "=", provinceId).where("id", "=", id).executeTakeFirst();
  if (!u || u.disabled_at) throw new HttpError(400, "unknown_user", `Không tìm thấy ${what} trong tỉnh.`);
  if (!roles.includes(u.role as Role)) throw new HttpError(400, "wrong_role", `Người được chọn làm ${what} không có vai trò phù hợp.`);
}

export async function createDirective(w: Writer, input: NewDirective): Promise<DirectiveRow> {
  checkDeadline(input.deadline);
  const day = dayOf(w);
  const partners = [...new Set(input.partnerUnitIds ?? [])].filter((u) => u !== input.leadUnitId);
  await assertUnitsOn(w.tx, w.provinceId, [input.leadUnitId, ...partners], day);
  await assertUser(w.tx, w.provinceId, input.followerId, input.source === "delegated" ? ["unit_leader", "unit_staff", "office"] : ["office"], "người theo dõi");
  await assertUser(w.tx, w.provinceId, input.leaderId, ["leader"], "lãnh đạo phụ trách");
  await assertUser(w.tx, w.provinceId, input.assigneeId, ["unit_leader", "unit_staff"], "cán bộ thực hiện");
  if (input.paperId) {
    const paper = await w.tx.selectFrom("papers").select("status").where("province_id", "=", w.provinceId).where("id", "=", input.paperId).executeTakeFirst();
    if (!paper) throw new HttpError(400, "unknown_paper", "Không tìm thấy văn bản.");
    if (paper.status !== "confirmed") throw new HttpError(400, "paper_not_confirmed", "Chỉ giao nhiệm vụ từ văn bản đã được xác nhận.");
  }
  if (input.paperDirectiveId) {
    const item = await w.tx
      .selectFrom("paper_directives")
      .select("paper_id")
      .where("province_id", "=", w.provinceId)
      .where("id", "=", input.paperDirectiveId)
      .executeTakeFirst();
    if (!item || item.paper_id !== input.paperId) throw new HttpError(400, "unknown_item", "Mục nhiệm vụ không thuộc văn bản đã chọn.");
    const taken = await w.tx
      .selectFrom("directives")
      .select("id")
      .where("province_id", "=", w.provinceId)
      .where("paper_directive_id", "=", input.paperDirectiveId)
      .where("parent_id", "is", null)
      .executeTakeFirst();
    if (taken) throw new HttpError(409, "already_tracked", `Mục ${input.ordinal ?? ""} của văn bản đã được giao theo dõi.`.replace("Mục  ", "Mục "), { directiveId: taken.id });
  }
  const id = newId();
  const row = await w.tx
    .insertInto("directives")
    .values({
      province_id: w.provinceId,
      id,
      paper_id: input.paperId ?? null,
      paper_directive_id: input.paperDirectiveId ?? null,
      ordinal: input.ordinal ?? null,
      position: input.position ?? 0,
      content: input.content,
      lead_unit_id: input.leadUnitId,
      follower_id: input.followerId ?? null,
      leader_id: input.leaderId ?? null,
      assignee_id: input.assigneeId ?? null,
      parent_id: input.parentId ?? null,
      deadline_kind: input.deadline.kind,
      deadline_value: input.deadline.value,
      expected_product: input.expectedProduct ?? null,
      priority: input.priority ?? "normal",
      classification: input.classification ?? "other",
      note: input.note ?? null,
      source: input.source,
      created_by: w.user.id,
      created_at: w.at,
      updated_at: w.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const s = initialState(input.leadUnitId, input.deadline);
  await w.tx
    .insertInto("directive_states")
    .values({
      province_id: w.provinceId,
      directive_id: id,
      valid_from: day,
      valid_to: null,
      status: s.status,
      lead_unit_id: s.leadUnitId,
      due_on: s.dueOn,
      requested_on: null,
      completed_on: null,
      paper_id: row.paper_id,
      is_part: row.parent_id !== null,
    })
    .execute();
  if (partners.length) {
    await w.tx
      .insertInto("directive_partners")
      .values(partners.map((u) => ({ province_id: w.provinceId, directive_id: id, unit_id: u, valid_from: day, valid_to: null })))
      .execute();
  }
  await insertDeadline(w, id, input.deadline, null, null);
  await appendEvent(w, id, {
    kind: "created",
    to: "not_started",
    data: { source: input.source, leadUnitId: input.leadUnitId, partnerUnitIds: partners, deadline: input.deadline, parentId: input.parentId ?? null },
  });
  await w.audit({ action: "directive.create", objectType: "directive", objectId: id, after: { ...input, partnerUnitIds: partners } });
  const leadUsers = await unitUsers(w.tx, w.provinceId, [input.leadUnitId]);
  await notify(
    w.tx,
    w.provinceId,
    input.assigneeId ? [input.assigneeId] : leadUsers.map((u) => u.id),
    {
      kind: "assigned",
      title: `Nhiệm vụ mới: ${shortContent(input.content, 80)}`,
      body: `Đơn vị được giao chủ trì thực hiện; thời hạn: ${formatDeadline(input.deadline)}.`,
      link: directiveWebPath(id),
      directiveId: id,
    },
  );
  await ensureReminderScan(w.tx, w.provinceId, day);
  return row;
}

// ---------------------------------------------------------------------------
// Transitions

export interface ActionInput {
  version: number;
  reason?: string | null;
}

function requireReason(required: boolean, reason: string | null | undefined, what: string): string | null {
  const r = reason?.trim() || null;
  if (required && !r) throw new HttpError(400, "reason_required", `Hãy ghi rõ lý do ${what}.`);
  return r;
}

async function tellAfterTransition(w: Writer, d: DirectiveRow, action: TransitionAction, reason: string | null): Promise<void> {
  const link = directiveWebPath(d.id);
  const head = shortContent(d.content, 80);
  if (action === "request_completion") {
    const office = await officeRecipients(w.tx, w.provinceId, d.follower_id);
    await notify(w.tx, w.provinceId, office.map((u) => u.id), { kind: "completion_requested", title: `Đề nghị xác nhận hoàn thành: ${head}`, body: `${w.user.fullName} đề nghị xác nhận hoàn thành nhiệm vụ.`, link, directiveId: d.id });
    return;
  }
  const texts: Partial<Record<TransitionAction, string>> = {
    confirm_completion: "Văn phòng đã xác nhận hoàn thành nhiệm vụ.",
    refuse_completion: `Chưa xác nhận hoàn thành nhiệm vụ. Lý do: ${reason ?? ""}`,
    suspend: `Nhiệm vụ được tạm hoãn. Lý do: ${reason ?? ""}`,
    resume: "Nhiệm vụ được tiếp tục thực hiện.",
    withdraw: `Nhiệm vụ được rút khỏi chương trình. Lý do: ${reason ?? ""}`,
  };
  const body = texts[action];
  if (!body) return;
  const users = await unitUsers(w.tx, w.provinceId, [d.lead_unit_id]);
  await notify(w.tx, w.provinceId, [...users.map((u) => u.id), ...(d.assignee_id ? [d.assignee_id] : [])], { kind: action, title: `${TRANSITIONS[action].label}: ${head}`, body, link, directiveId: d.id });
}

/** Applies one transition the caller holds; shared by the plain actions, reports, requests and decisions. */
async function transition(w: Writer, d: DirectiveRow, action: TransitionAction, reason: string | null, data?: Record<string, unknown>): Promise<DirectiveState> {
  const { row, state } = await domainState(w.tx, d);
  let next: DirectiveState;
  try {
    next = applyTransition(state, action, dayOf(w));
  } catch (e) {
    ruleError(e, await directiveSnapshot(w.tx, d));
  }
  await writeState(w, d, row, next);
  await syncPending(w, d.id, next, `Tự động hủy: nhiệm vụ chuyển sang "${STATUS_LABELS[next.status].toLocaleLowerCase("vi")}".`);
  // A report's event is written by submitReport (with the report it belongs to).
  if (action !== "report") await appendEvent(w, d.id, { kind: action, from: row.status, to: next.status, reason, data: data ?? null });
  await w.audit({ action: `directive.${action}`, objectType: "directive", objectId: d.id, before: { status: row.status }, after: { status: next.status, ...data }, reason });
  await tellAfterTransition(w, d, action, reason);
  return next;
}

const DIRECT_ACTIONS = ["start", "suspend", "resume", "withdraw"] as const;
export type DirectAction = (typeof DIRECT_ACTIONS)[number];

/** start (the lead unit), suspend, resume, withdraw (the office or the unit that passed the part down). */
export async function act(w: Writer, id: string, action: DirectAction, input: ActionInput): Promise<void> {
  const { d, parties } = await lockForChange(w, id, input.version);
  if (!holds(action, w.user.role, parties)) throw forbidden(`Bạn không có quyền "${TRANSITIONS[action].label.toLocaleLowerCase("vi")}" đối với nhiệm vụ này.`);
  const reason = requireReason(TRANSITIONS[action].reasonRequired, input.reason, TRANSITIONS[action].label.toLocaleLowerCase("vi"));
  await touch(w, d);
  await transition(w, d, action, reason);
}

// ---------------------------------------------------------------------------
// Requests and decisions

export interface RequestInput {
  version: number;
  kind: RequestKind;
  reason?: string | null;
  result?: string | null;
  proposedDeadline?: Deadline | null;
}

export async function submitRequest(w: Writer, id: string, input: RequestInput): Promise<string> {
  const { d, parties } = await lockForChange(w, id, input.version);
  if (!mayRequest(input.kind, w.user.role, parties)) {
    throw forbidden(`Chỉ lãnh đạo đơn vị chủ trì được gửi ${REQUEST_LABELS[input.kind].toLocaleLowerCase("vi")}.`);
  }
  const reason = requireReason(input.kind !== "completion", input.reason, "đề nghị");
  if (input.kind === "extension") {
    if (!input.proposedDeadline) throw new HttpError(400, "deadline_required", "Hãy nêu thời hạn đề nghị gia hạn đến.");
    checkDeadline(input.proposedDeadline);
  }
  if (input.kind === "completion" && !input.result?.trim()) throw new HttpError(400, "result_required", "Hãy nêu kết quả thực hiện khi đề nghị xác nhận hoàn thành.");
  await touch(w, d);
  const requestId = newId();
  if (input.kind === "completion") {
    // The state moves to "chờ xác nhận hoàn thành"; the request row carries the result.
    const { state } = await domainState(w.tx, d);
    if (state.status !== "in_progress") {
      ruleError(new DirectiveRuleError("not_allowed_in_state", `Chỉ đề nghị xác nhận hoàn thành khi nhiệm vụ đang thực hiện (hiện: ${STATUS_LABELS[state.status].toLocaleLowerCase("vi")}).`), await directiveSnapshot(w.tx, d));
    }
    await w.tx
      .insertInto("directive_requests")
      .values({ province_id: w.provinceId, id: requestId, directive_id: d.id, kind: "completion", reason, result: input.result!.trim(), requested_by: w.user.id, requested_at: w.at, requested_on: dayOf(w), proposed_kind: null, proposed_value: null, decided_by: null, decided_at: null, decision_reason: null, approved_kind: null, approved_value: null })
      .execute();
    await transition(w, d, "request_completion", reason, { requestId, result: input.result!.trim() });
    return requestId;
  }
  const { state } = await domainState(w.tx, d);
  try {
    applyEvent(state, { type: "request", on: dayOf(w), kind: input.kind });
  } catch (e) {
    ruleError(e, await directiveSnapshot(w.tx, d));
  }
  await w.tx
    .insertInto("directive_requests")
    .values({
      province_id: w.provinceId,
      id: requestId,
      directive_id: d.id,
      kind: input.kind,
      reason,
      result: null,
      proposed_kind: input.proposedDeadline?.kind ?? null,
      proposed_value: input.proposedDeadline?.value ?? null,
      requested_by: w.user.id,
      requested_at: w.at,
      requested_on: dayOf(w),
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      approved_kind: null,
      approved_value: null,
    })
    .execute();
  const data = { requestId, proposedDeadline: input.proposedDeadline ?? null };
  await appendEvent(w, d.id, { kind: `request_${input.kind}`, reason, data });
  await w.audit({ action: `directive.request_${input.kind}`, objectType: "directive", objectId: d.id, after: data, reason });
  const office = await officeRecipients(w.tx, w.provinceId, d.follower_id);
  await notify(w.tx, w.provinceId, office.map((u) => u.id), {
    kind: `request_${input.kind}`,
    title: `${REQUEST_LABELS[input.kind]}: ${shortContent(d.content, 80)}`,
    body: `${w.user.fullName}: ${reason}${input.proposedDeadline ? ` (đề nghị gia hạn đến: ${formatDeadline(input.proposedDeadline)})` : ""}`,
    link: directiveWebPath(d.id),
    directiveId: d.id,
  });
  return requestId;
}

async function findRequest(w: Writer, directiveId: string, requestId: string) {
  const r = await w.tx
    .selectFrom("directive_requests")
    .selectAll()
    .where("province_id", "=", w.provinceId)
    .where("id", "=", requestId)
    .where("directive_id", "=", directiveId)
    .executeTakeFirst();
  if (!r) throw notFound("Không tìm thấy đề nghị.");
  if (r.status !== "pending") throw new HttpError(409, "request_closed", "Đề nghị này đã được xử lý hoặc đã hủy.", { current: r });
  return r;
}

export interface DecisionInput {
  version: number;
  approve: boolean;
  reason?: string | null;
  /** For an extension: the deadline granted (defaults to the one asked for). */
  deadline?: Deadline | null;
}

export async function decide(w: Writer, id: string, requestId: string, input: DecisionInput): Promise<void> {
  const { d, parties } = await lockForChange(w, id, input.version);
  if (!mayDecide(w.user.role, parties)) throw forbidden("Chỉ Văn phòng (hoặc đơn vị đã giao phần việc) được quyết định đề nghị này.");
  const r = await findRequest(w, id, requestId);
  const reason = requireReason(!input.approve, input.reason, "không chấp thuận");
  let approvedDeadline: Deadline | null = null;
  if (input.approve && r.kind === "extension") {
    approvedDeadline = input.deadline ?? { kind: r.proposed_kind!, value: r.proposed_value };
    checkDeadline(approvedDeadline);
  }
  await touch(w, d);
  // The request is marked first, so that what the new state ends is cancelled around it.
  await w.tx
    .updateTable("directive_requests")
    .set({
      status: input.approve ? "approved" : "refused",
      decided_by: w.user.id,
      decided_at: w.at,
      decision_reason: reason,
      approved_kind: approvedDeadline?.kind ?? null,
      approved_value: approvedDeadline?.value ?? null,
      version: sql`version + 1`,
      updated_at: w.at,
    })
    .where("province_id", "=", w.provinceId)
    .where("id", "=", r.id)
    .execute();
  if (r.kind === "completion") {
    await transition(w, d, input.approve ? "confirm_completion" : "refuse_completion", reason, { requestId });
    return;
  }
  const { row, state } = await domainState(w.tx, d);
  // domainState no longer lists the request just decided: put it back for the rule to clear.
  state.pending = [...state.pending, r.kind];
  let next: DirectiveState;
  try {
    next = applyEvent(state, { type: "decision", on: dayOf(w), kind: r.kind, approved: input.approve, ...(approvedDeadline ? { deadline: approvedDeadline } : {}) });
  } catch (e) {
    ruleError(e, await directiveSnapshot(w.tx, d));
  }
  await writeState(w, d, row, next);
  if (approvedDeadline) {
    await w.tx
      .updateTable("directives")
      .set({ deadline_kind: approvedDeadline.kind, deadline_value: approvedDeadline.value })
      .where("province_id", "=", w.provinceId)
      .where("id", "=", d.id)
      .execute();
    await insertDeadline(w, d.id, approvedDeadline, r.reason, r.id);
  }
  const data = { requestId, approved: input.approve, deadline: approvedDeadline, status: next.status };
  await appendEvent(w, d.id, { kind: `decision_${r.kind}`, from: row.status, to: next.status, reason, data });
  await w.audit({ action: `directive.decide_${r.kind}`, objectType: "directive", objectId: d.id, before: { status: row.status, deadline: state.deadline }, after: data, reason });
  await syncPending(w, d.id, next, `Tự động hủy: nhiệm vụ chuyển sang "${STATUS_LABELS[next.status].toLocaleLowerCase("vi")}".`);
  const users = await unitUsers(w.tx, w.provinceId, [d.lead_unit_id]);
  await notify(w.tx, w.provinceId, users.map((u) => u.id), {
    kind: `decision_${r.kind}`,
    title: `${input.approve ? "Chấp thuận" : "Không chấp thuận"} ${REQUEST_LABELS[r.kind].toLocaleLowerCase("vi")}: ${shortContent(d.content, 70)}`,
    body: input.approve ? (approvedDeadline ? `Thời hạn mới: ${formatDeadline(approvedDeadline)}.` : "Đề nghị đã được chấp thuận.") : `Lý do: ${reason}`,
    link: directiveWebPath(d.id),
    directiveId: d.id,
  });
}

/** The lead unit takes back a request not yet decided (a completion request puts the directive back to work). */
export async function recallRequest(w: Writer, id: string, requestId: string, input: { version: number }): Promise<void> {
  const { d, parties } = await lockForChange(w, id, input.version);
  const r = await findRequest(w, id, requestId);
  if (!mayRequest(r.kind, w.user.role, parties)) throw forbidden("Chỉ lãnh đạo đơn vị chủ trì được rút lại đề nghị.");
  await touch(w, d);
  await w.tx
    .updateTable("directive_requests")
    .set({ status: "cancelled", decided_by: w.user.id, decided_at: w.at, decision_reason: "Đơn vị rút lại đề nghị.", version: sql`version + 1`, updated_at: w.at })
    .where("province_id", "=", w.provinceId)
    .where("id", "=", r.id)
    .execute();
  if (r.kind === "completion") {
    await transition(w, d, "recall_completion", null, { requestId });
    return;
  }
  await appendEvent(w, d.id, { kind: `recall_${r.kind}`, data: { requestId } });
  await w.audit({ action: `directive.recall_${r.kind}`, objectType: "directive", objectId: d.id, after: { requestId } });
}

// ---------------------------------------------------------------------------
// Reports

export interface StoredAttachment {
  fileId: string;
}

export interface ReportInput {
  progress: number;
  narrative: string;
  difficulties?: string | null;
  proposals?: string | null;
  /** As the caller stored them (storeFile), in order. */
  files?: StoredAttachment[];
  /** For a user of both the lead and a supporting unit: report as which. */
  as?: "lead" | "partner";
}

export async function submitReport(w: Writer, id: string, input: ReportInput): Promise<string> {
  const { d, reach, parties } = await lockForChange(w, id, null);
  const asLead = parties.includes("lead") && input.as !== "partner";
  const asPartner = !asLead && parties.includes("partner");
  if (!asLead && !asPartner) throw forbidden("Chỉ đơn vị chủ trì hoặc đơn vị phối hợp được báo cáo tiến độ nhiệm vụ này.");
  if (asLead && !holds("report", w.user.role, ["lead"])) throw forbidden();
  const { state } = await domainState(w.tx, d);
  if (asPartner && FINAL_STATUSES.includes(state.status)) {
    throw new HttpError(409, "not_allowed_in_state", `Nhiệm vụ đã ${STATUS_LABELS[state.status].toLocaleLowerCase("vi")}, không nhận thêm báo cáo.`);
  }
  let unitId = d.lead_unit_id;
  if (asPartner) {
    const partners = await currentPartners(w.tx, w.provinceId, d.id);
    unitId = partners.find((u) => reach?.has(u)) ?? partners[0]!;
  }
  await touch(w, d);
  const reportId = newId();
  await w.tx
    .insertInto("directive_reports")
    .values({
      province_id: w.provinceId,
      id: reportId,
      directive_id: d.id,
      unit_id: unitId,
      role: asLead ? "lead" : "partner",
      progress: input.progress,
      narrative: input.narrative,
      difficulties: input.difficulties ?? null,
      proposals: input.proposals ?? null,
      reported_by: w.user.id,
      reported_at: w.at,
      reported_on: dayOf(w),
      updated_at: w.at,
    })
    .execute();
  if (input.files?.length) {
    await w.tx
      .insertInto("directive_report_files")
      .values(input.files.map((f, i) => ({ province_id: w.provinceId, report_id: reportId, file_id: f.fileId, position: i })))
      .execute();
  }
  const data = { reportId, role: asLead ? "lead" : "partner", unitId, progress: input.progress, files: input.files?.length ?? 0 };
  if (asLead) {
    // The lead unit's report starts the work when it had not started.
    const next = await transition(w, d, "report", null, data);
    await appendEvent(w, d.id, { kind: "report", from: state.status, to: next.status, data });
  } else {
    await appendEvent(w, d.id, { kind: "report", data });
    await w.audit({ action: "directive.report", objectType: "directive", objectId: d.id, after: data });
  }
  return reportId;
}

export async function editReport(w: Writer, id: string, reportId: string, input: { version: number } & Partial<Omit<ReportInput, "files" | "as">>): Promise<void> {
  const { d } = await lockForChange(w, id, null);
  const r = await w.tx
    .selectFrom("directive_reports")
    .selectAll()
    .where("province_id", "=", w.provinceId)
    .where("id", "=", reportId)
    .where("directive_id", "=", d.id)
    .executeTakeFirst();
  if (!r) throw notFound("Không tìm thấy báo cáo.");
  if (r.reported_by !== w.user.id) throw forbidden("Chỉ người đã gửi báo cáo được sửa báo cáo.");
  if (r.version !== input.version) throw staleEdit(r);
  const updated = await w.tx
    .updateTable("directive_reports")
    .set({
      ...(input.progress !== undefined ? { progress: input.progress } : {}),
      ...(input.narrative !== undefined ? { narrative: input.narrative } : {}),
      ...(input.difficulties !== undefined ? { difficulties: input.difficulties } : {}),
      ...(input.proposals !== undefined ? { proposals: input.proposals } : {}),
      version: sql`version + 1`,
      updated_at: w.at,
    })
    .where("province_id", "=", w.provinceId)
    .where("id", "=", reportId)
    .where("version", "=", input.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw staleEdit(r);
  await touch(w, d);
  await appendEvent(w, d.id, { kind: "report_edit", data: { reportId } });
  await w.audit({ action: "directive.report_edit", objectType: "directive_report", objectId: reportId, before: r, after: updated });
}

// ---------------------------------------------------------------------------
// Editing (the office)

export interface EditInput {
  version: number;
  content?: string;
  ordinal?: string | null;
  leadUnitId?: string;
  partnerUnitIds?: string[];
  followerId?: string | null;
  leaderId?: string | null;
  deadline?: Deadline;
  expectedProduct?: string | null;
  priority?: Priority;
  classification?: DirectiveClassification;
  note?: string | null;
  reason?: string | null;
}

export async function editDirective(w: Writer, id: string, input: EditInput): Promise<void> {
  const { d } = await lockForChange(w, id, input.version);
  const day = dayOf(w);
  const { row, state } = await domainState(w.tx, d);
  const reason = input.reason?.trim() || null;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const set: Record<string, unknown> = {};
  const simple: [keyof EditInput, keyof DirectiveRow][] = [
    ["content", "content"],
    ["ordinal", "ordinal"],
    ["followerId", "follower_id"],
    ["leaderId", "leader_id"],
    ["expectedProduct", "expected_product"],
    ["priority", "priority"],
    ["classification", "classification"],
    ["note", "note"],
  ];
  for (const [k, col] of simple) {
    if (input[k] === undefined || input[k] === d[col]) continue;
    before[k] = d[col];
    after[k] = input[k];
    set[col] = input[k];
  }
  if ("followerId" in after) await assertUser(w.tx, w.provinceId, input.followerId, ["office"], "người theo dõi");
  if ("leaderId" in after) await assertUser(w.tx, w.provinceId, input.leaderId, ["leader"], "lãnh đạo phụ trách");
  let next = state;
  try {
    if (input.leadUnitId && input.leadUnitId !== d.lead_unit_id) {
      await assertUnitsOn(w.tx, w.provinceId, [input.leadUnitId], day);
      next = applyEvent(next, { type: "lead", on: day, leadUnitId: input.leadUnitId });
      before.leadUnitId = d.lead_unit_id;
      after.leadUnitId = input.leadUnitId;
      set.lead_unit_id = input.leadUnitId;
    }
    if (input.deadline && (input.deadline.kind !== d.deadline_kind || input.deadline.value !== d.deadline_value)) {
      checkDeadline(input.deadline);
      if (!reason) throw new HttpError(400, "reason_required", "Hãy ghi rõ lý do đổi thời hạn.");
      next = applyEvent(next, { type: "deadline", on: day, deadline: input.deadline });
      before.deadline = state.deadline;
      after.deadline = input.deadline;
      set.deadline_kind = input.deadline.kind;
      set.deadline_value = input.deadline.value;
    }
  } catch (e) {
    ruleError(e, await directiveSnapshot(w.tx, d));
  }
  if (input.partnerUnitIds) {
    const lead = (set.lead_unit_id as string | undefined) ?? d.lead_unit_id;
    const wanted = new Set(input.partnerUnitIds.filter((u) => u !== lead));
    const current = new Set(await currentPartners(w.tx, w.provinceId, d.id));
    const added = [...wanted].filter((u) => !current.has(u));
    const removed = [...current].filter((u) => !wanted.has(u));
    if (added.length || removed.length) {
      await assertUnitsOn(w.tx, w.provinceId, added, day);
      for (const u of removed) await closePartner(w, d.id, u, day);
      for (const u of added) await openPartner(w, d.id, u, day);
      before.partnerUnitIds = [...current];
      after.partnerUnitIds = [...wanted];
    }
  }
  if (!Object.keys(after).length) return;
  await w.tx
    .updateTable("directives")
    .set({ ...set, version: sql`version + 1`, updated_at: w.at })
    .where("province_id", "=", w.provinceId)
    .where("id", "=", d.id)
    .execute();
  await writeState(w, d, row, next);
  if (after.deadline) await insertDeadline(w, d.id, after.deadline as Deadline, reason, null);
  await appendEvent(w, d.id, { kind: "edit", reason, data: { before, after } });
  await w.audit({ action: "directive.update", objectType: "directive", objectId: d.id, before, after, reason });
  if (after.leadUnitId) {
    const users = await unitUsers(w.tx, w.provinceId, [after.leadUnitId as string]);
    await notify(w.tx, w.provinceId, users.map((u) => u.id), { kind: "assigned", title: `Nhiệm vụ được giao cho đơn vị: ${shortContent(d.content, 80)}`, body: "Đơn vị được giao chủ trì thực hiện.", link: directiveWebPath(d.id), directiveId: d.id });
  }
}

async function openPartner(w: Writer, directiveId: string, unitId: string, day: string): Promise<void> {
  // Re-added on the day it was removed: the closed row is reopened rather than duplicated.
  const reopened = await w.tx
    .updateTable("directive_partners")
    .set({ valid_to: null })
    .where("province_id", "=", w.provinceId)
    .where("directive_id", "=", directiveId)
    .where("unit_id", "=", unitId)
    .where("valid_to", "=", day)
    .returning("unit_id")
    .executeTakeFirst();
  if (reopened) return;
  await w.tx.insertInto("directive_partners").values({ province_id: w.provinceId, directive_id: directiveId, unit_id: unitId, valid_from: day, valid_to: null }).execute();
}

async function closePartner(w: Writer, directiveId: string, unitId: string, day: string): Promise<void> {
  // Added and removed the same day, the row closes on the day it opened: a period never in force.
  await w.tx
    .updateTable("directive_partners")
    .set({ valid_to: day })
    .where("province_id", "=", w.provinceId)
    .where("directive_id", "=", directiveId)
    .where("unit_id", "=", unitId)
    .where("valid_to", "is", null)
    .execute();
}

// ---------------------------------------------------------------------------
// Passing a part down (to a sub-unit or a staff member)

export interface DelegateInput {
  content: string;
  leadUnitId?: string | null;
  assigneeId?: string | null;
  deadline: Deadline;
  expectedProduct?: string | null;
}

export async function delegate(w: Writer, id: string, input: DelegateInput): Promise<DirectiveRow> {
  const { d, reach, parties } = await lockForChange(w, id, null);
  if (w.user.role !== "unit_leader" || !parties.includes("lead")) throw forbidden("Chỉ lãnh đạo đơn vị chủ trì được giao phần việc cho đơn vị trực thuộc hoặc cán bộ.");
  const { state } = await domainState(w.tx, d);
  if (FINAL_STATUSES.includes(state.status)) throw new HttpError(409, "not_allowed_in_state", "Nhiệm vụ đã kết thúc, không thể giao thêm phần việc.");
  const lead = input.leadUnitId ?? d.lead_unit_id;
  if (!reach?.has(lead)) throw new HttpError(400, "outside_units", "Chỉ giao cho đơn vị trực thuộc đơn vị của mình.");
  if (lead === d.lead_unit_id && !input.assigneeId) throw new HttpError(400, "assignee_required", "Hãy chọn đơn vị trực thuộc hoặc cán bộ nhận phần việc.");
  if (input.assigneeId) {
    const member = await w.tx
      .selectFrom("user_units")
      .select("user_id")
      .where("province_id", "=", w.provinceId)
      .where("user_id", "=", input.assigneeId)
      .where("unit_id", "=", lead)
      .executeTakeFirst();
    if (!member) throw new HttpError(400, "assignee_not_member", "Cán bộ được chọn không thuộc đơn vị nhận phần việc.");
  }
  const due = lastDay(input.deadline);
  if (state.dueOn && (!due || due > state.dueOn)) throw new HttpError(400, "deadline_after_parent", "Thời hạn của phần việc không được sau thời hạn của nhiệm vụ.");
  const siblings = await w.tx
    .selectFrom("directives")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("province_id", "=", w.provinceId)
    .where("parent_id", "=", d.id)
    .executeTakeFirstOrThrow();
  const child = await createDirective(w, {
    content: input.content,
    ordinal: d.ordinal ? `${d.ordinal}.${Number(siblings.n) + 1}` : null,
    position: d.position,
    leadUnitId: lead,
    assigneeId: input.assigneeId ?? null,
    followerId: w.user.id,
    deadline: input.deadline,
    expectedProduct: input.expectedProduct ?? null,
    priority: d.priority,
    classification: d.classification,
    paperId: d.paper_id,
    parentId: d.id,
    source: "delegated",
  });
  await touch(w, d);
  await appendEvent(w, d.id, { kind: "delegated", data: { childId: child.id, leadUnitId: lead, assigneeId: input.assigneeId ?? null } });
  return child;
}

// ---------------------------------------------------------------------------
// Written urgings (đôn đốc)

export interface UrgingInput {
  directiveIds: string[];
  content: string;
  symbol?: string | null;
}

export async function recordUrging(w: Writer, input: UrgingInput): Promise<{ id: string; directives: DirectiveRow[]; mails: number }> {
  const ids = [...new Set(input.directiveIds)];
  const rows = await w.tx.selectFrom("directives").selectAll().where("province_id", "=", w.provinceId).where("id", "in", ids).forUpdate().execute();
  if (rows.length !== ids.length) throw notFound("Không tìm thấy nhiệm vụ.");
  const id = newId();
  const day = dayOf(w);
  await w.tx.insertInto("directive_urgings").values({ province_id: w.provinceId, id, symbol: input.symbol ?? null, issued_on: day, content: input.content, issued_by: w.user.id, created_at: w.at }).execute();
  await w.tx.insertInto("directive_urging_items").values(ids.map((directiveId) => ({ province_id: w.provinceId, urging_id: id, directive_id: directiveId }))).execute();
  for (const d of rows) {
    await touch(w, d);
    await appendEvent(w, d.id, { kind: "urging", data: { urgingId: id, symbol: input.symbol ?? null, content: input.content } });
  }
  await w.audit({ action: "directive.urge", objectType: "directive_urging", objectId: id, after: { ...input, directiveIds: ids } });
  // Each lead unit receives the urging with the directives it leads (a part passed to a staff member reaches that person too).
  const briefs = await directiveBriefs(w.tx, w.provinceId, ids, day);
  const byUnit = new Map<string, DirectiveRow[]>();
  for (const d of rows) byUnit.set(d.lead_unit_id, [...(byUnit.get(d.lead_unit_id) ?? []), d]);
  let mails = 0;
  for (const [unitId, list] of byUnit) {
    const recipients = uniqueRecipients(await unitUsers(w.tx, w.provinceId, [unitId]), await usersById(w.tx, w.provinceId, list.map((d) => d.assignee_id)));
    const text = urgingText({ symbol: input.symbol ?? null, issuedOn: day, content: input.content }, list.map((d) => briefs.get(d.id)!), w.baseUrl);
    const sent = await notifyAndMail(
      w.tx,
      w.provinceId,
      recipients,
      { kind: "urging", title: text.title, body: input.content.slice(0, 500), link: list.length === 1 ? directiveWebPath(list[0]!.id) : DIRECTIVES_WEB_PATH, directiveId: list.length === 1 ? list[0]!.id : null },
      { subject: text.subject, text: text.text, dedupeKey: `urging:${id}:${unitId}` },
    );
    mails += sent.mails;
  }
  return { id, directives: rows, mails };
}
