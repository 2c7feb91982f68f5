// Tracked directives (nhiệm vụ): the follow-up cycle as rules a user could state in a
// sentence. Shared by the server and the browser; no I/O.
//
// - A directive moves through a small state machine: chưa thực hiện → đang thực hiện →
//   chờ xác nhận hoàn thành → hoàn thành, with refusal (back to work), suspension and
//   withdrawal. Each action is held by certain roles acting as a certain party (the lead
//   unit, a supporting unit, the office, or the unit that passed a part down).
// - A deadline has a kind (a day, a month, a quarter, "thường xuyên", none) and a value;
//   the kind and value give the last day.
// - Timeliness (trong hạn, sắp đến hạn, quá hạn …) is always derived from the state and a
//   cut-off day, never typed in; the state on any day follows from the dated history.

import { addDays, daysBetween, formatDate, isIsoDate, parseDate } from "./format.ts";

// ---------------------------------------------------------------------------
// States

export const DIRECTIVE_STATUSES = ["not_started", "in_progress", "awaiting_confirmation", "done", "suspended", "withdrawn"] as const;
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number];

export const STATUS_LABELS: Record<DirectiveStatus, string> = {
  not_started: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  awaiting_confirmation: "Chờ xác nhận hoàn thành",
  done: "Hoàn thành",
  suspended: "Tạm hoãn",
  withdrawn: "Rút khỏi chương trình",
};

/** States in which the lead unit still owes work. */
export const OPEN_STATUSES: readonly DirectiveStatus[] = ["not_started", "in_progress"];
/** States from which nothing can follow. */
export const FINAL_STATUSES: readonly DirectiveStatus[] = ["done", "withdrawn"];

export function isDirectiveStatus(s: string): s is DirectiveStatus {
  return (DIRECTIVE_STATUSES as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------
// Who acts

export type ActorRole = "admin" | "office" | "leader" | "unit_leader" | "unit_staff";

/**
 * How the acting user stands to the directive:
 * lead — a user of the lead unit (or of a unit above it), or the staff member it was passed to;
 * partner — a user of a supporting unit;
 * office — the committee office, which follows every directive of the province;
 * delegator — a user of the unit that passed this part down (the parent directive's lead unit).
 */
export type Party = "lead" | "partner" | "office" | "delegator";

export interface Holder {
  role: ActorRole;
  party: Party;
}

// ---------------------------------------------------------------------------
// The transition table: state × action → state, and who holds each action.

export const TRANSITION_ACTIONS = [
  "start",
  "report",
  "request_completion",
  "recall_completion",
  "confirm_completion",
  "refuse_completion",
  "suspend",
  "resume",
  "withdraw",
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export interface TransitionRule {
  label: string;
  /** The states the action may be taken in. */
  from: readonly DirectiveStatus[];
  /** The state it leads to. */
  to: DirectiveStatus;
  holders: readonly Holder[];
  /** A reason must be written (refusals, suspensions, withdrawals). */
  reasonRequired: boolean;
}

const LEAD_STAFF: Holder[] = [
  { role: "unit_leader", party: "lead" },
  { role: "unit_staff", party: "lead" },
];
const LEAD_LEADER: Holder[] = [{ role: "unit_leader", party: "lead" }];
// The office decides on every directive of the province; for a part passed down to a
// sub-unit or a staff member, the leader of the unit that passed it decides as well.
const DECIDERS: Holder[] = [
  { role: "office", party: "office" },
  { role: "unit_leader", party: "delegator" },
];

export const TRANSITIONS: Record<TransitionAction, TransitionRule> = {
  start: { label: "Bắt đầu thực hiện", from: ["not_started"], to: "in_progress", holders: LEAD_STAFF, reasonRequired: false },
  // A progress report by the lead unit starts the work if it had not started.
  report: { label: "Báo cáo tiến độ", from: ["not_started", "in_progress"], to: "in_progress", holders: LEAD_STAFF, reasonRequired: false },
  request_completion: {
    label: "Đề nghị xác nhận hoàn thành",
    from: ["in_progress"],
    to: "awaiting_confirmation",
    holders: LEAD_LEADER,
    reasonRequired: false,
  },
  recall_completion: {
    label: "Rút lại đề nghị xác nhận hoàn thành",
    from: ["awaiting_confirmation"],
    to: "in_progress",
    holders: LEAD_LEADER,
    reasonRequired: false,
  },
  confirm_completion: { label: "Xác nhận hoàn thành", from: ["awaiting_confirmation"], to: "done", holders: DECIDERS, reasonRequired: false },
  refuse_completion: { label: "Không xác nhận hoàn thành", from: ["awaiting_confirmation"], to: "in_progress", holders: DECIDERS, reasonRequired: true },
  suspend: { label: "Tạm hoãn", from: ["not_started", "in_progress"], to: "suspended", holders: DECIDERS, reasonRequired: true },
  resume: { label: "Tiếp tục thực hiện", from: ["suspended"], to: "in_progress", holders: DECIDERS, reasonRequired: false },
  withdraw: {
    label: "Rút khỏi chương trình",
    from: ["not_started", "in_progress", "awaiting_confirmation", "suspended"],
    to: "withdrawn",
    holders: DECIDERS,
    reasonRequired: true,
  },
};

export function isTransitionAction(s: string): s is TransitionAction {
  return (TRANSITION_ACTIONS as readonly string[]).includes(s);
}

export function holds(action: TransitionAction, role: ActorRole, parties: Iterable<Party>): boolean {
  const set = new Set(parties);
  return TRANSITIONS[action].holders.some((h) => h.role === role && set.has(h.party));
}

/** The actions a user standing as `parties` may take on a directive in `status`. */
export function allowedActions(status: DirectiveStatus, role: ActorRole, parties: Iterable<Party>): TransitionAction[] {
  const set = [...parties];
  return TRANSITION_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status) && holds(a, role, set));
}

// ---------------------------------------------------------------------------
// Requests a lead unit puts to the office: completion, extension, suspension, withdrawal.

export const REQUEST_KINDS = ["completion", "extension", "suspension", "withdrawal"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_LABELS: Record<RequestKind, string> = {
  completion: "Đề nghị xác nhận hoàn thành",
  extension: "Đề nghị gia hạn",
  suspension: "Đề nghị tạm hoãn",
  withdrawal: "Đề nghị rút khỏi chương trình",
};

export const REQUEST_STATUSES = ["pending", "approved", "refused", "cancelled"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: "Chờ quyết định",
  approved: "Đã chấp thuận",
  refused: "Không chấp thuận",
  cancelled: "Đã hủy",
};

export interface RequestRule {
  /** States in which the request may be made. */
  from: readonly DirectiveStatus[];
  /** Who may make it. */
  holders: readonly Holder[];
  /** The transition that approving it takes (extension changes the deadline instead). */
  onApprove: TransitionAction | null;
  onRefuse: TransitionAction | null;
  /** The transition that making it takes (completion puts the directive in "chờ xác nhận"). */
  onSubmit: TransitionAction | null;
}

export const REQUESTS: Record<RequestKind, RequestRule> = {
  completion: { from: ["in_progress"], holders: LEAD_LEADER, onSubmit: "request_completion", onApprove: "confirm_completion", onRefuse: "refuse_completion" },
  extension: { from: ["not_started", "in_progress", "suspended"], holders: LEAD_LEADER, onSubmit: null, onApprove: null, onRefuse: null },
  suspension: { from: ["not_started", "in_progress"], holders: LEAD_LEADER, onSubmit: null, onApprove: "suspend", onRefuse: null },
  withdrawal: { from: ["not_started", "in_progress", "suspended"], holders: LEAD_LEADER, onSubmit: null, onApprove: "withdraw", onRefuse: null },
};

export function isRequestKind(s: string): s is RequestKind {
  return (REQUEST_KINDS as readonly string[]).includes(s);
}

export function mayRequest(kind: RequestKind, role: ActorRole, parties: Iterable<Party>): boolean {
  const set = new Set(parties);
  return REQUESTS[kind].holders.some((h) => h.role === role && set.has(h.party));
}

/** Who decides on requests (and suspends, resumes, withdraws directly). */
export function mayDecide(role: ActorRole, parties: Iterable<Party>): boolean {
  return holds("confirm_completion", role, parties);
}

// ---------------------------------------------------------------------------
// Deadlines

export const DEADLINE_KINDS = ["date", "month", "quarter", "recurring", "none"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: "Ngày cụ thể",
  month: "Trong tháng",
  quarter: "Trong quý",
  recurring: "Thường xuyên",
  none: "Không thời hạn",
};

/**
 * date: "2024-10-31"; month: "2024-12"; quarter: "2024-Q4"; recurring and none: null
 * (a recurring directive may carry how often it reports: "hằng tháng").
 */
export interface Deadline {
  kind: DeadlineKind;
  value: string | null;
}

export const NO_DEADLINE: Deadline = { kind: "none", value: null };

const ROMAN = ["I", "II", "III", "IV"] as const;

function monthEnd(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/** Why a deadline is not well formed, in Vietnamese; null when it is. */
export function deadlineProblem(d: Deadline): string | null {
  switch (d.kind) {
    case "date":
      return d.value && isIsoDate(d.value) ? null : "Thời hạn phải là một ngày hợp lệ.";
    case "month": {
      const m = d.value ? /^(\d{4})-(\d{2})$/.exec(d.value) : null;
      return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? null : "Tháng của thời hạn phải có dạng yyyy-mm.";
    }
    case "quarter":
      return d.value && /^\d{4}-Q[1-4]$/.test(d.value) ? null : "Quý của thời hạn phải có dạng yyyy-Qn (n từ 1 đến 4).";
    case "recurring":
      return d.value === null || (typeof d.value === "string" && d.value.length <= 100) ? null : "Chu kỳ báo cáo quá dài.";
    case "none":
      return d.value === null ? null : "Nhiệm vụ không thời hạn không có giá trị thời hạn.";
  }
}

/** The last day a deadline allows (inclusive), or null for "thường xuyên" and no deadline. */
export function lastDay(d: Deadline): string | null {
  if (deadlineProblem(d)) return null;
  switch (d.kind) {
    case "date":
      return d.value;
    case "month": {
      const [y, m] = d.value!.split("-").map(Number) as [number, number];
      return monthEnd(y, m);
    }
    case "quarter": {
      const y = Number(d.value!.slice(0, 4));
      const q = Number(d.value!.slice(6));
      return monthEnd(y, q * 3);
    }
    default:
      return null;
  }
}

/** How a deadline reads in a table: "31/10/2024", "Tháng 12/2024", "Quý IV/2024", "Thường xuyên". */
export function formatDeadline(d: Deadline): string {
  switch (d.kind) {
    case "date":
      return formatDate(d.value);
    case "month": {
      const [y, m] = (d.value ?? "").split("-");
      return `Tháng ${Number(m)}/${y}`;
    }
    case "quarter":
      return `Quý ${ROMAN[Number((d.value ?? "").slice(6)) - 1] ?? "?"}/${(d.value ?? "").slice(0, 4)}`;
    case "recurring":
      return d.value ? `Thường xuyên (${d.value})` : "Thường xuyên";
    case "none":
      return "Không thời hạn";
  }
}

const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

/**
 * Reads a deadline as the office writes it in a sheet: "31/10/2024", "tháng 12/2024",
 * "quý IV/2024", "Q4/2024", "thường xuyên", "" (none). Null when it cannot be read.
 */
export function parseDeadline(text: string): Deadline | null {
  const s = fold(text);
  if (!s || s === "không" || s === "không thời hạn" || s === "không hạn") return NO_DEADLINE;
  if (/^(thường xuyên|hằng|hàng|định kỳ)/.test(s)) {
    const rest = /^thường xuyên\s*\((.+)\)$/.exec(s)?.[1] ?? null;
    return { kind: "recurring", value: rest };
  }
  const day = parseDate(s.replace(/^(trước|đến|chậm nhất|ngày)\s+(ngày\s+)?/, ""));
  if (day) return { kind: "date", value: day };
  const month = /^(?:trong\s+)?tháng\s+(\d{1,2})\s*(?:\/|-|năm\s+)\s*(\d{4})$/.exec(s);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return { kind: "month", value: `${month[2]}-${month[1]!.padStart(2, "0")}` };
  const quarter = /^(?:trong\s+)?(?:quý|q)\s*(iv|iii|ii|i|[1-4])\s*(?:\/|-|năm\s+)\s*(\d{4})$/.exec(s);
  if (quarter) {
    const q = /^\d$/.test(quarter[1]!) ? Number(quarter[1]) : ROMAN.indexOf(quarter[1]!.toUpperCase() as (typeof ROMAN)[number]) + 1;
    return { kind: "quarter", value: `${quarter[2]}-Q${q}` };
  }
  return null;
}

/**
 * The deadline a confirmed paper's item proposes, from the extractor's last day and phrase:
 * "trong quý IV/2024" → quarter, "trong tháng 12/2024" → month, "thường xuyên" → recurring,
 * another phrase with a last day → that day.
 */
export function deadlineFromPaper(lastDayOfPhrase: string | null, phrase: string | null): Deadline {
  const p = phrase ? fold(phrase) : "";
  if (lastDayOfPhrase && isIsoDate(lastDayOfPhrase)) {
    const [y, m] = lastDayOfPhrase.split("-") as [string, string, string];
    if (/quý/.test(p) && ["03", "06", "09", "12"].includes(m) && lastDayOfPhrase === monthEnd(Number(y), Number(m))) {
      return { kind: "quarter", value: `${y}-Q${Number(m) / 3}` };
    }
    if (/^(trong |đến |trước )?(trong )?tháng \d/.test(p) && lastDayOfPhrase === monthEnd(Number(y), Number(m))) {
      return { kind: "month", value: `${y}-${m}` };
    }
    return { kind: "date", value: lastDayOfPhrase };
  }
  if (/thường xuyên|hằng|hàng (tháng|quý|năm|tuần)|định kỳ/.test(p)) return { kind: "recurring", value: null };
  return NO_DEADLINE;
}

// ---------------------------------------------------------------------------
// Timeliness — derived, never stored.

export const TIMELINESS = ["on_time", "due_soon", "overdue", "no_deadline", "done_on_time", "done_late", "not_tracked"] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: "Trong hạn",
  due_soon: "Sắp đến hạn",
  overdue: "Quá hạn",
  no_deadline: "Không hạn",
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành quá hạn",
  not_tracked: "Không theo dõi hạn",
};

export const DEFAULT_DUE_SOON_DAYS = 3;

/** What timeliness needs to know about a directive on a day. */
export interface TimelinessInput {
  status: DirectiveStatus;
  /** Last day of the deadline in force, null for "thường xuyên" and none. */
  dueOn: string | null;
  /** The day the lead unit asked for its completion to be confirmed (while waiting, and once done). */
  requestedOn: string | null;
  /** The day the work was done: the day of the completion request the office confirmed. */
  completedOn: string | null;
}

/**
 * Timeliness on `asOf`:
 * - done: on time when completed on or before the last day;
 * - suspended or withdrawn: not tracked;
 * - no last day: không hạn;
 * - waiting for the office's confirmation: judged on the day the unit asked (the office's delay is not the unit's);
 * - otherwise quá hạn after the last day, sắp đến hạn within `dueSoonDays` of it, else trong hạn.
 */
export function timelinessOf(s: TimelinessInput, asOf: string, dueSoonDays = DEFAULT_DUE_SOON_DAYS): Timeliness {
  if (s.status === "done") return s.dueOn && s.completedOn && s.completedOn > s.dueOn ? "done_late" : "done_on_time";
  if (s.status === "suspended" || s.status === "withdrawn") return "not_tracked";
  if (!s.dueOn) return "no_deadline";
  if (s.status === "awaiting_confirmation") return s.requestedOn && s.requestedOn > s.dueOn ? "overdue" : "on_time";
  if (asOf > s.dueOn) return "overdue";
  if (daysBetween(asOf, s.dueOn) <= dueSoonDays) return "due_soon";
  return "on_time";
}

/** Timeliness as the office says it: "Quá hạn 5 ngày", "Sắp đến hạn (còn 2 ngày)", "Sắp đến hạn (hôm nay)", "Trong hạn". */
export function timelinessPhrase(t: Timeliness, daysLeft: number | null): string {
  if (t === "overdue" && daysLeft !== null && daysLeft < 0) return `${TIMELINESS_LABELS[t]} ${-daysLeft} ngày`;
  if (t === "due_soon" && daysLeft !== null) return `${TIMELINESS_LABELS[t]} ${daysLeft === 0 ? "(hôm nay)" : `(còn ${daysLeft} ngày)`}`;
  return TIMELINESS_LABELS[t];
}

/** Days left until the last day (negative once overdue), or null without one. */
export function daysLeft(dueOn: string | null, asOf: string): number | null {
  return dueOn ? daysBetween(asOf, dueOn) : null;
}

// ---------------------------------------------------------------------------
// The dated history: the state on any day follows from the events up to that day.

export interface DirectiveState extends TimelinessInput {
  leadUnitId: string;
  deadline: Deadline;
  /** Requests (other than completion, which is a state) waiting for a decision. */
  pending: RequestKind[];
}

export type HistoryEvent =
  | { type: "created"; on: string; leadUnitId: string; deadline: Deadline }
  | { type: "transition"; on: string; action: TransitionAction }
  | { type: "deadline"; on: string; deadline: Deadline }
  | { type: "lead"; on: string; leadUnitId: string }
  | { type: "request"; on: string; kind: Exclude<RequestKind, "completion"> }
  | { type: "decision"; on: string; kind: Exclude<RequestKind, "completion">; approved: boolean; deadline?: Deadline };

export class DirectiveRuleError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "DirectiveRuleError";
    this.code = code;
  }
}

export function initialState(leadUnitId: string, deadline: Deadline): DirectiveState {
  return { status: "not_started", leadUnitId, deadline, dueOn: lastDay(deadline), requestedOn: null, completedOn: null, pending: [] };
}

/** The state after one transition; throws DirectiveRuleError when the state does not allow it. */
export function applyTransition(s: DirectiveState, action: TransitionAction, on: string): DirectiveState {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(s.status)) {
    throw new DirectiveRuleError(
      "not_allowed_in_state",
      `Không thể "${rule.label.toLocaleLowerCase("vi")}" khi nhiệm vụ đang ở trạng thái "${STATUS_LABELS[s.status].toLocaleLowerCase("vi")}".`,
    );
  }
  const next: DirectiveState = { ...s, status: rule.to, pending: [...s.pending] };
  if (action === "request_completion") next.requestedOn = on;
  // The request day belongs to a pending or confirmed completion only (a withdrawal while
  // waiting, a refusal or a recall forgets it).
  if (next.status !== "awaiting_confirmation" && next.status !== "done") next.requestedOn = null;
  if (action === "confirm_completion") next.completedOn = s.requestedOn ?? on;
  // Nothing stays pending on a directive that is finished or withdrawn; a suspension request
  // has no object once the directive is suspended.
  if (FINAL_STATUSES.includes(next.status)) next.pending = [];
  if (next.status === "suspended") next.pending = next.pending.filter((k) => k !== "suspension");
  return next;
}

/** The state after one event of the history. */
export function applyEvent(s: DirectiveState | null, e: HistoryEvent): DirectiveState {
  if (e.type === "created") {
    if (s) throw new DirectiveRuleError("already_created", "Nhiệm vụ đã được tạo.");
    return initialState(e.leadUnitId, e.deadline);
  }
  if (!s) throw new DirectiveRuleError("not_created", "Nhiệm vụ chưa được tạo.");
  switch (e.type) {
    case "transition":
      return applyTransition(s, e.action, e.on);
    case "deadline":
      if (FINAL_STATUSES.includes(s.status)) throw new DirectiveRuleError("final", "Nhiệm vụ đã kết thúc, không thể đổi thời hạn.");
      return { ...s, deadline: e.deadline, dueOn: lastDay(e.deadline) };
    case "lead":
      if (FINAL_STATUSES.includes(s.status)) throw new DirectiveRuleError("final", "Nhiệm vụ đã kết thúc, không thể đổi đơn vị chủ trì.");
      return { ...s, leadUnitId: e.leadUnitId };
    case "request": {
      if (!REQUESTS[e.kind].from.includes(s.status)) {
        throw new DirectiveRuleError(
          "not_allowed_in_state",
          `Không thể gửi "${REQUEST_LABELS[e.kind].toLocaleLowerCase("vi")}" khi nhiệm vụ đang ở trạng thái "${STATUS_LABELS[s.status].toLocaleLowerCase("vi")}".`,
        );
      }
      if (s.pending.includes(e.kind)) throw new DirectiveRuleError("already_pending", `Đã có ${REQUEST_LABELS[e.kind].toLocaleLowerCase("vi")} đang chờ quyết định.`);
      return { ...s, pending: [...s.pending, e.kind] };
    }
    case "decision": {
      if (!s.pending.includes(e.kind)) throw new DirectiveRuleError("not_pending", "Không có đề nghị nào đang chờ quyết định.");
      const cleared: DirectiveState = { ...s, pending: s.pending.filter((k) => k !== e.kind) };
      if (!e.approved) return cleared;
      if (e.kind === "extension") {
        if (!e.deadline) throw new DirectiveRuleError("no_deadline", "Chấp thuận gia hạn phải có thời hạn mới.");
        return { ...cleared, deadline: e.deadline, dueOn: lastDay(e.deadline) };
      }
      return applyTransition(cleared, REQUESTS[e.kind].onApprove!, e.on);
    }
  }
}

/** Replays a history (in the order it happened). */
export function replay(events: readonly HistoryEvent[]): DirectiveState | null {
  let s: DirectiveState | null = null;
  for (const e of events) s = applyEvent(s, e);
  return s;
}

/** The state at the end of `asOf`, or null when the directive did not exist yet. */
export function stateAsOf(events: readonly HistoryEvent[], asOf: string): DirectiveState | null {
  return replay(events.filter((e) => e.on <= asOf));
}

/** Checks a state against the invariants every reachable state keeps; returns the broken ones. */
export function stateProblems(s: DirectiveState): string[] {
  const problems: string[] = [];
  if (!isDirectiveStatus(s.status)) problems.push(`unknown status ${s.status}`);
  if ((s.status === "done") !== (s.completedOn !== null)) problems.push("completedOn set iff done");
  if ((s.status === "awaiting_confirmation" || s.status === "done") !== (s.requestedOn !== null)) problems.push("requestedOn set iff awaiting or done");
  if (s.completedOn && s.requestedOn && s.completedOn !== s.requestedOn) problems.push("completed on the day asked");
  if (FINAL_STATUSES.includes(s.status) && s.pending.length) problems.push("no pending request on a finished directive");
  if (new Set(s.pending).size !== s.pending.length) problems.push("one pending request per kind");
  if (s.pending.includes("completion" as never)) problems.push("completion is a state, not a pending request");
  if (s.dueOn !== lastDay(s.deadline)) problems.push("dueOn follows the deadline");
  if (s.status === "suspended" && s.pending.includes("suspension")) problems.push("no suspension request on a suspended directive");
  return problems;
}

// ---------------------------------------------------------------------------
// Reminders (nhắc hạn) and escalation

export const DEFAULT_REMINDER_DAYS = [7, 3, 1] as const;
/** Overdue reminders repeat every this many days. */
export const OVERDUE_REPEAT_DAYS = 7;
/** After this many days overdue the leader in charge is told too, and again every OVERDUE_REPEAT_DAYS. */
export const ESCALATE_AFTER_DAYS = 7;

export type ReminderKind = "before" | "overdue" | "escalation";

export interface Reminder {
  kind: ReminderKind;
  /** The threshold this reminder stands for: days before (before), days overdue (overdue, escalation). */
  threshold: number;
  /** The last day the reminder is about; a new deadline gets its own reminders. */
  dueOn: string;
  /** Days left (negative once overdue) on the day of the scan. */
  daysLeft: number;
}

/**
 * The reminders a directive calls for on `today`, each keyed by (kind, threshold, dueOn) so
 * that one is never sent twice: before the last day, the nearest threshold of
 * `reminderDays` not yet passed (a missed day does not send a stale one); after it, one every
 * OVERDUE_REPEAT_DAYS days; from ESCALATE_AFTER_DAYS on, an escalation to the leader in charge.
 * Only work the lead unit still owes is reminded of.
 */
export function remindersDue(s: Pick<TimelinessInput, "status" | "dueOn">, today: string, reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS): Reminder[] {
  if (!OPEN_STATUSES.includes(s.status) || !s.dueOn) return [];
  const left = daysBetween(today, s.dueOn);
  if (left >= 0) {
    const thresholds = reminderDays.filter((t) => t >= left);
    if (!thresholds.length) return [];
    return [{ kind: "before", threshold: Math.min(...thresholds), dueOn: s.dueOn, daysLeft: left }];
  }
  const over = -left;
  const out: Reminder[] = [{ kind: "overdue", threshold: 1 + OVERDUE_REPEAT_DAYS * Math.floor((over - 1) / OVERDUE_REPEAT_DAYS), dueOn: s.dueOn, daysLeft: left }];
  if (over >= ESCALATE_AFTER_DAYS) {
    const k = ESCALATE_AFTER_DAYS + OVERDUE_REPEAT_DAYS * Math.floor((over - ESCALATE_AFTER_DAYS) / OVERDUE_REPEAT_DAYS);
    out.push({ kind: "escalation", threshold: k, dueOn: s.dueOn, daysLeft: left });
  }
  return out;
}

/** The furthest day ahead a reminder can be about: directives due later need no look today. */
export function reminderHorizon(today: string, reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS): string {
  return addDays(today, Math.max(0, ...reminderDays));
}

// ---------------------------------------------------------------------------
// Per-unit statistics as of a cut-off day

export interface UnitTally {
  total: number;
  doneOnTime: number;
  doneLate: number;
  notYetDue: number;
  overdue: number;
}

export const EMPTY_TALLY: UnitTally = { total: 0, doneOnTime: 0, doneLate: 0, notYetDue: 0, overdue: 0 };

/** Adds one directive's timeliness to a tally; withdrawn directives count nowhere. */
export function tally(t: UnitTally, timeliness: Timeliness, status: DirectiveStatus): UnitTally {
  if (status === "withdrawn") return t;
  const next = { ...t, total: t.total + 1 };
  if (timeliness === "done_on_time") next.doneOnTime++;
  else if (timeliness === "done_late") next.doneLate++;
  else if (timeliness === "overdue") next.overdue++;
  else next.notYetDue++;
  return next;
}

/**
 * Share done on time among the directives whose outcome is known by the cut-off — done
 * (on time or late) or already overdue — in percent; null when none is.
 */
export function onTimePercent(t: Pick<UnitTally, "doneOnTime" | "doneLate" | "overdue">): number | null {
  const judged = t.doneOnTime + t.doneLate + t.overdue;
  return judged ? (100 * t.doneOnTime) / judged : null;
}

export interface RankedUnit<T> {
  rank: number | null;
  item: T;
}

/**
 * Ranks units by % on time (higher first), then fewer overdue, then more done; equal
 * units share a rank (1, 2, 2, 4). Units with nothing to judge are left unranked at the end.
 */
export function rankUnits<T extends UnitTally>(items: readonly T[]): RankedUnit<T>[] {
  const keyed = items.map((item) => ({ item, pct: onTimePercent(item) }));
  const judged = keyed.filter((k) => k.pct !== null);
  const cmp = (a: (typeof keyed)[number], b: (typeof keyed)[number]) =>
    b.pct! - a.pct! || a.item.overdue - b.item.overdue || b.item.doneOnTime + b.item.doneLate - (a.item.doneOnTime + a.item.doneLate);
  judged.sort(cmp);
  const out: RankedUnit<T>[] = [];
  judged.forEach((k, i) => {
    const prev = judged[i - 1];
    const rank = prev && cmp(prev, k) === 0 ? out[i - 1]!.rank : i + 1;
    out.push({ rank, item: k.item });
  });
  for (const k of keyed) if (k.pct === null) out.push({ rank: null, item: k.item });
  return out;
}

// ---------------------------------------------------------------------------
// Outcomes: what the reports and the dashboard count on a cut-off day

/** The four outcomes a report counts (Hướng dẫn's "đúng hạn, trễ hạn, quá hạn, chưa đến hạn"), plus suspended. */
export const OUTCOMES = ["done_on_time", "done_late", "overdue", "not_due", "suspended"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành trễ hạn",
  overdue: "Quá hạn, chưa hoàn thành",
  not_due: "Đang thực hiện, chưa đến hạn",
  suspended: "Tạm hoãn",
};

/** The outcome a timeliness counts as: suspended and withdrawn ("not tracked") as suspended, work still running as not yet due. */
export function outcomeOf(t: Timeliness): Outcome {
  switch (t) {
    case "done_on_time":
      return "done_on_time";
    case "done_late":
      return "done_late";
    case "overdue":
      return "overdue";
    case "not_tracked":
      return "suspended";
    default:
      return "not_due";
  }
}

/** Directives counted by outcome. */
export interface OutcomeTally {
  total: number;
  done_on_time: number;
  done_late: number;
  overdue: number;
  not_due: number;
  suspended: number;
}

// ---------------------------------------------------------------------------
// Descriptive fields

export const PRIORITIES = ["normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { normal: "Bình thường", high: "Quan trọng", urgent: "Khẩn" };

/** Classification of a directive by field of work (lĩnh vực). */
export const CLASSIFICATIONS = ["economy", "society", "defence", "party_building", "administration", "other"] as const;
export type DirectiveClassification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Record<DirectiveClassification, string> = {
  economy: "Kinh tế",
  society: "Văn hóa - xã hội",
  defence: "Quốc phòng - an ninh",
  party_building: "Xây dựng Đảng, hệ thống chính trị",
  administration: "Cải cách hành chính, chuyển đổi số",
  other: "Khác",
};

/** "Ít nhất 70%" style progress: an integer 0–100. */
export function progressProblem(p: number): string | null {
  return Number.isInteger(p) && p >= 0 && p <= 100 ? null : "Tiến độ phải là số nguyên từ 0 đến 100 (%).";
}
