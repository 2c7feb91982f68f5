import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedActions,
  applyEvent,
  applyTransition,
  type Deadline,
  DEADLINE_KINDS,
  deadlineFromPaper,
  deadlineProblem,
  DIRECTIVE_STATUSES,
  type DirectiveState,
  DirectiveRuleError,
  type DirectiveStatus,
  FINAL_STATUSES,
  formatDeadline,
  type HistoryEvent,
  holds,
  initialState,
  lastDay,
  mayDecide,
  mayRequest,
  onTimePercent,
  parseDeadline,
  rankUnits,
  remindersDue,
  replay,
  REQUEST_KINDS,
  REQUESTS,
  stateAsOf,
  stateProblems,
  tally,
  EMPTY_TALLY,
  timelinessOf,
  TRANSITION_ACTIONS,
  TRANSITIONS,
  type TransitionAction,
  type ActorRole,
  type Party,
} from "./directives.ts";
import { addDays } from "./format.ts";

const U1 = "unit-1";
const d = (value: string): Deadline => ({ kind: "date", value });

describe("the lifecycle", () => {
  it("goes chưa thực hiện → đang thực hiện → chờ xác nhận → hoàn thành", () => {
    let s = initialState(U1, d("2024-10-31"));
    expect(s.status).toBe("not_started");
    s = applyTransition(s, "start", "2024-10-09");
    expect(s.status).toBe("in_progress");
    s = applyTransition(s, "request_completion", "2024-10-25");
    expect(s).toMatchObject({ status: "awaiting_confirmation", requestedOn: "2024-10-25" });
    s = applyTransition(s, "confirm_completion", "2024-11-04");
    // Done on the day the unit asked, not on the day the office got round to it.
    expect(s).toMatchObject({ status: "done", completedOn: "2024-10-25" });
    expect(timelinessOf(s, "2024-12-01")).toBe("done_on_time");
  });

  it("sends a refused completion back to work and forgets the request day", () => {
    let s = initialState(U1, d("2024-10-31"));
    s = applyTransition(s, "report", "2024-10-09");
    expect(s.status).toBe("in_progress");
    s = applyTransition(s, "request_completion", "2024-10-20");
    s = applyTransition(s, "refuse_completion", "2024-10-22");
    expect(s).toMatchObject({ status: "in_progress", requestedOn: null, completedOn: null });
  });

  it("refuses an action the state does not allow, in Vietnamese", () => {
    const s = initialState(U1, d("2024-10-31"));
    expect(() => applyTransition(s, "confirm_completion", "2024-10-09")).toThrow(DirectiveRuleError);
    expect(() => applyTransition(s, "confirm_completion", "2024-10-09")).toThrow(/Không thể "xác nhận hoàn thành" khi nhiệm vụ đang ở trạng thái "chưa thực hiện"/);
    const done = replay([
      { type: "created", on: "2024-10-08", leadUnitId: U1, deadline: d("2024-10-31") },
      { type: "transition", on: "2024-10-09", action: "start" },
      { type: "transition", on: "2024-10-20", action: "request_completion" },
      { type: "transition", on: "2024-10-21", action: "confirm_completion" },
    ])!;
    for (const a of TRANSITION_ACTIONS) expect(() => applyTransition(done, a, "2024-10-22")).toThrow(DirectiveRuleError);
  });

  it("gives each action to the roles that hold it", () => {
    expect(holds("start", "unit_staff", ["lead"])).toBe(true);
    expect(holds("start", "unit_staff", ["partner"])).toBe(false);
    expect(holds("request_completion", "unit_staff", ["lead"])).toBe(false);
    expect(holds("request_completion", "unit_leader", ["lead"])).toBe(true);
    expect(holds("confirm_completion", "office", ["office"])).toBe(true);
    expect(holds("confirm_completion", "unit_leader", ["lead"])).toBe(false);
    // The leader of the unit that passed a part down decides on that part.
    expect(holds("confirm_completion", "unit_leader", ["delegator"])).toBe(true);
    expect(holds("suspend", "leader", ["office"])).toBe(false);
    expect(mayRequest("extension", "unit_leader", ["lead"])).toBe(true);
    expect(mayRequest("extension", "unit_staff", ["lead"])).toBe(false);
    expect(mayDecide("office", ["office"])).toBe(true);
    expect(mayDecide("admin", ["office"])).toBe(false);
    expect(allowedActions("in_progress", "unit_leader", ["lead"]).sort()).toEqual(["report", "request_completion"]);
    expect(allowedActions("awaiting_confirmation", "office", ["office"]).sort()).toEqual(["confirm_completion", "refuse_completion", "withdraw"]);
  });

  it("requires a reason exactly for refusals, suspensions and withdrawals", () => {
    const withReason = TRANSITION_ACTIONS.filter((a) => TRANSITIONS[a].reasonRequired).sort();
    expect(withReason).toEqual(["refuse_completion", "suspend", "withdraw"]);
  });

  it("keeps every deadline through an approved extension, and a suspension through its request", () => {
    const events: HistoryEvent[] = [
      { type: "created", on: "2024-10-08", leadUnitId: U1, deadline: d("2024-10-31") },
      { type: "request", on: "2024-10-25", kind: "extension" },
      { type: "decision", on: "2024-10-28", kind: "extension", approved: true, deadline: { kind: "month", value: "2024-11" } },
      { type: "request", on: "2024-11-10", kind: "suspension" },
      { type: "decision", on: "2024-11-12", kind: "suspension", approved: true },
    ];
    expect(stateAsOf(events, "2024-10-27")!.dueOn).toBe("2024-10-31");
    expect(stateAsOf(events, "2024-10-27")!.pending).toEqual(["extension"]);
    expect(stateAsOf(events, "2024-10-28")!.dueOn).toBe("2024-11-30");
    expect(stateAsOf(events, "2024-11-12")!.status).toBe("suspended");
    expect(stateAsOf(events, "2024-10-07")).toBeNull();
    expect(() => applyEvent(stateAsOf(events, "2024-10-25"), { type: "request", on: "2024-10-26", kind: "extension" })).toThrow(/đang chờ quyết định/);
  });

  it("cancels pending requests when a directive is withdrawn", () => {
    const s = replay([
      { type: "created", on: "2024-10-08", leadUnitId: U1, deadline: d("2024-10-31") },
      { type: "request", on: "2024-10-09", kind: "extension" },
      { type: "transition", on: "2024-10-10", action: "withdraw" },
    ])!;
    expect(s.status).toBe("withdrawn");
    expect(s.pending).toEqual([]);
  });
});

describe("deadlines", () => {
  it("gives the last day of each kind", () => {
    expect(lastDay(d("2024-10-31"))).toBe("2024-10-31");
    expect(lastDay({ kind: "month", value: "2024-02" })).toBe("2024-02-29");
    expect(lastDay({ kind: "quarter", value: "2024-Q4" })).toBe("2024-12-31");
    expect(lastDay({ kind: "quarter", value: "2025-Q1" })).toBe("2025-03-31");
    expect(lastDay({ kind: "recurring", value: "hằng tháng" })).toBeNull();
    expect(lastDay({ kind: "none", value: null })).toBeNull();
  });

  it("reads and writes them as the office does", () => {
    expect(formatDeadline(d("2024-10-31"))).toBe("31/10/2024");
    expect(formatDeadline({ kind: "month", value: "2024-12" })).toBe("Tháng 12/2024");
    expect(formatDeadline({ kind: "quarter", value: "2024-Q4" })).toBe("Quý IV/2024");
    expect(formatDeadline({ kind: "recurring", value: null })).toBe("Thường xuyên");
    expect(formatDeadline({ kind: "none", value: null })).toBe("Không thời hạn");
    expect(parseDeadline("31/10/2024")).toEqual(d("2024-10-31"));
    expect(parseDeadline("trước ngày 15/12/2024")).toEqual(d("2024-12-15"));
    expect(parseDeadline("Tháng 12/2024")).toEqual({ kind: "month", value: "2024-12" });
    expect(parseDeadline("Quý IV/2024")).toEqual({ kind: "quarter", value: "2024-Q4" });
    expect(parseDeadline("trong quý 2 năm 2025")).toEqual({ kind: "quarter", value: "2025-Q2" });
    expect(parseDeadline("Thường xuyên")).toEqual({ kind: "recurring", value: null });
    expect(parseDeadline("")).toEqual({ kind: "none", value: null });
    expect(parseDeadline("sớm nhất có thể")).toBeNull();
    expect(parseDeadline("31/02/2024")).toBeNull();
  });

  it("round-trips every well-formed deadline through its Vietnamese form", () => {
    const deadline = fc.oneof(
      fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((x) => d(x.toISOString().slice(0, 10))),
      fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]): Deadline => ({ kind: "month", value: `${y}-${String(m).padStart(2, "0")}` })),
      fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 4 })).map(([y, q]): Deadline => ({ kind: "quarter", value: `${y}-Q${q}` })),
      fc.constant<Deadline>({ kind: "recurring", value: null }),
      fc.constant<Deadline>({ kind: "none", value: null }),
    );
    fc.assert(
      fc.property(deadline, (dl) => {
        expect(deadlineProblem(dl)).toBeNull();
        expect(parseDeadline(formatDeadline(dl))).toEqual(dl);
      }),
    );
  });

  it("refuses malformed values", () => {
    expect(deadlineProblem({ kind: "date", value: "2024-13-01" })).toMatch(/ngày hợp lệ/);
    expect(deadlineProblem({ kind: "month", value: "2024-13" })).toMatch(/yyyy-mm/);
    expect(deadlineProblem({ kind: "quarter", value: "2024-Q5" })).toMatch(/yyyy-Qn/);
    expect(deadlineProblem({ kind: "none", value: "x" })).not.toBeNull();
    for (const kind of DEADLINE_KINDS) expect(typeof formatDeadline({ kind, value: null })).toBe("string");
  });

  it("takes a paper's deadline phrase as the right kind", () => {
    expect(deadlineFromPaper("2024-12-31", "trong quý IV/2024")).toEqual({ kind: "quarter", value: "2024-Q4" });
    expect(deadlineFromPaper("2024-12-31", "trong tháng 12/2024")).toEqual({ kind: "month", value: "2024-12" });
    expect(deadlineFromPaper("2024-10-31", "trước ngày 31/10/2024")).toEqual(d("2024-10-31"));
    expect(deadlineFromPaper("2025-12-31", "đến năm 2025")).toEqual(d("2025-12-31"));
    expect(deadlineFromPaper(null, "thường xuyên")).toEqual({ kind: "recurring", value: null });
    expect(deadlineFromPaper(null, "hằng tháng")).toEqual({ kind: "recurring", value: null });
    expect(deadlineFromPaper(null, null)).toEqual({ kind: "none", value: null });
  });
});

describe("timeliness, derived on any day", () => {
  const open = (status: DirectiveStatus, dueOn: string | null) => ({ status, dueOn, requestedOn: null, completedOn: null });

  it("is trong hạn, sắp đến hạn (3 days by default), quá hạn, không hạn", () => {
    expect(timelinessOf(open("in_progress", "2024-10-31"), "2024-10-20")).toBe("on_time");
    expect(timelinessOf(open("in_progress", "2024-10-31"), "2024-10-28")).toBe("due_soon");
    expect(timelinessOf(open("in_progress", "2024-10-31"), "2024-10-31")).toBe("due_soon");
    expect(timelinessOf(open("in_progress", "2024-10-31"), "2024-11-01")).toBe("overdue");
    expect(timelinessOf(open("not_started", "2024-10-31"), "2024-10-25", 7)).toBe("due_soon");
    expect(timelinessOf(open("in_progress", null), "2030-01-01")).toBe("no_deadline");
    expect(timelinessOf(open("suspended", "2024-10-31"), "2024-12-01")).toBe("not_tracked");
  });

  it("judges finished work on the day it was done, and waiting work on the day it was handed in", () => {
    expect(timelinessOf({ status: "done", dueOn: "2024-10-31", requestedOn: "2024-11-03", completedOn: "2024-11-03" }, "2024-12-01")).toBe("done_late");
    expect(timelinessOf({ status: "done", dueOn: "2024-10-31", requestedOn: "2024-10-31", completedOn: "2024-10-31" }, "2024-12-01")).toBe("done_on_time");
    expect(timelinessOf({ status: "awaiting_confirmation", dueOn: "2024-10-31", requestedOn: "2024-10-30", completedOn: null }, "2024-11-20")).toBe("on_time");
    expect(timelinessOf({ status: "awaiting_confirmation", dueOn: "2024-10-31", requestedOn: "2024-11-02", completedOn: null }, "2024-11-20")).toBe("overdue");
  });

  it("follows the deadline in force on the cut-off day", () => {
    const events: HistoryEvent[] = [
      { type: "created", on: "2024-10-08", leadUnitId: U1, deadline: d("2024-10-31") },
      { type: "transition", on: "2024-10-10", action: "start" },
      { type: "request", on: "2024-11-02", kind: "extension" },
      { type: "decision", on: "2024-11-04", kind: "extension", approved: true, deadline: d("2024-11-30") },
      { type: "transition", on: "2024-11-20", action: "request_completion" },
      { type: "transition", on: "2024-11-25", action: "confirm_completion" },
    ];
    const at = (day: string) => timelinessOf(stateAsOf(events, day)!, day);
    expect(at("2024-10-15")).toBe("on_time");
    expect(at("2024-11-03")).toBe("overdue");
    expect(at("2024-11-05")).toBe("on_time");
    expect(at("2024-11-21")).toBe("on_time");
    expect(at("2024-12-31")).toBe("done_on_time");
  });
});

describe("reminders", () => {
  const s = (dueOn: string, status: DirectiveStatus = "in_progress") => ({ status, dueOn });
  it("reminds 7, 3 and 1 days before, never a stale threshold after a missed day", () => {
    expect(remindersDue(s("2024-10-31"), "2024-10-20")).toEqual([]);
    expect(remindersDue(s("2024-10-31"), "2024-10-24")).toEqual([{ kind: "before", threshold: 7, dueOn: "2024-10-31", daysLeft: 7 }]);
    expect(remindersDue(s("2024-10-31"), "2024-10-26")[0]!.threshold).toBe(7);
    expect(remindersDue(s("2024-10-31"), "2024-10-29")[0]!.threshold).toBe(3);
    expect(remindersDue(s("2024-10-31"), "2024-10-30")[0]!.threshold).toBe(1);
    expect(remindersDue(s("2024-10-31"), "2024-10-31")[0]!.threshold).toBe(1);
  });
  it("reminds weekly once overdue and escalates after a week", () => {
    expect(remindersDue(s("2024-10-31"), "2024-11-01")).toEqual([{ kind: "overdue", threshold: 1, dueOn: "2024-10-31", daysLeft: -1 }]);
    expect(remindersDue(s("2024-10-31"), "2024-11-06").map((r) => r.threshold)).toEqual([1]);
    expect(remindersDue(s("2024-10-31"), "2024-11-07")).toEqual([
      { kind: "overdue", threshold: 1, dueOn: "2024-10-31", daysLeft: -7 },
      { kind: "escalation", threshold: 7, dueOn: "2024-10-31", daysLeft: -7 },
    ]);
    expect(remindersDue(s("2024-10-31"), "2024-11-08").map((r) => `${r.kind}:${r.threshold}`)).toEqual(["overdue:8", "escalation:7"]);
    expect(remindersDue(s("2024-10-31"), "2024-11-14").map((r) => `${r.kind}:${r.threshold}`)).toEqual(["overdue:8", "escalation:14"]);
  });
  it("does not remind work the unit no longer owes", () => {
    for (const status of ["awaiting_confirmation", "done", "suspended", "withdrawn"] as const) expect(remindersDue(s("2024-10-31", status), "2024-11-20")).toEqual([]);
    expect(remindersDue({ status: "in_progress", dueOn: null }, "2024-11-20")).toEqual([]);
  });
  it("sends each threshold at most once however many days are scanned", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 60 }), (start, span) => {
        const due = "2024-10-31";
        const keys = new Set<string>();
        let count = 0;
        for (let i = 0; i < span; i++) {
          for (const r of remindersDue(s(due), addDays(due, start + i))) {
            keys.add(`${r.kind}:${r.threshold}:${r.dueOn}`);
            count++;
          }
        }
        // The same key comes back on later days (the ledger drops it), but keys never go backwards:
        // a scan of every day produces each key on consecutive days only.
        expect(keys.size).toBeLessThanOrEqual(count);
        for (const k of keys) expect(k).toMatch(/^(before|overdue|escalation):\d+:2024-10-31$/);
      }),
    );
  });
});

describe("statistics", () => {
  it("tallies per unit and ranks them, equal units sharing a rank", () => {
    let a = EMPTY_TALLY;
    a = tally(a, "done_on_time", "done");
    a = tally(a, "done_on_time", "done");
    a = tally(a, "overdue", "in_progress");
    a = tally(a, "on_time", "in_progress");
    a = tally(a, "not_tracked", "withdrawn");
    expect(a).toEqual({ total: 4, doneOnTime: 2, doneLate: 0, notYetDue: 1, overdue: 1 });
    expect(onTimePercent(a)).toBeCloseTo(66.67, 1);
    const b = { ...EMPTY_TALLY, total: 2, doneOnTime: 2 };
    const c = { ...EMPTY_TALLY, total: 2, doneOnTime: 2 };
    const e = { ...EMPTY_TALLY, total: 1, notYetDue: 1 };
    const ranked = rankUnits([a, e, b, c]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3, null]);
    expect(ranked[2]!.item).toBe(a);
    expect(ranked[3]!.item).toBe(e);
  });
});

// ---------------------------------------------------------------------------
// Property tests: no sequence of allowed actions reaches an impossible state.

const ROLES: ActorRole[] = ["admin", "office", "leader", "unit_leader", "unit_staff"];
const PARTIES: Party[] = ["lead", "partner", "office", "delegator"];

type Step =
  | { t: "act"; action: TransitionAction; role: ActorRole; parties: Party[]; gap: number }
  | { t: "request"; kind: "extension" | "suspension" | "withdrawal"; gap: number }
  | { t: "decide"; kind: "extension" | "suspension" | "withdrawal"; approved: boolean; gap: number; months: number }
  | { t: "lead"; gap: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  // Mostly a user who holds the action, sometimes anyone (whom the table must turn away).
  fc
    .record({ action: fc.constantFrom(...TRANSITION_ACTIONS), holder: fc.nat(), gap: fc.integer({ min: 0, max: 20 }) })
    .map(({ action, holder, gap }): Step => {
      const h = TRANSITIONS[action].holders[holder % TRANSITIONS[action].holders.length]!;
      return { t: "act", action, role: h.role, parties: [h.party], gap };
    }),
  fc.record({
    t: fc.constant("act" as const),
    action: fc.constantFrom(...TRANSITION_ACTIONS),
    role: fc.constantFrom(...ROLES),
    parties: fc.subarray(PARTIES),
    gap: fc.integer({ min: 0, max: 20 }),
  }),
  fc.record({ t: fc.constant("request" as const), kind: fc.constantFrom("extension" as const, "suspension" as const, "withdrawal" as const), gap: fc.integer({ min: 0, max: 20 }) }),
  fc.record({
    t: fc.constant("decide" as const),
    kind: fc.constantFrom("extension" as const, "suspension" as const, "withdrawal" as const),
    approved: fc.boolean(),
    gap: fc.integer({ min: 0, max: 20 }),
    months: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ t: fc.constant("lead" as const), gap: fc.integer({ min: 0, max: 5 }) }),
);

/** Runs the steps a server would accept (the role holds the action and the state allows it), skipping the rest. */
function run(steps: Step[]): { events: HistoryEvent[]; states: DirectiveState[] } {
  let day = "2024-10-08";
  const events: HistoryEvent[] = [{ type: "created", on: day, leadUnitId: U1, deadline: d("2024-10-31") }];
  let s = replay(events)!;
  const states = [s];
  for (const st of steps) {
    day = addDays(day, st.gap);
    let e: HistoryEvent;
    if (st.t === "act") {
      if (!holds(st.action, st.role, st.parties)) continue;
      e = { type: "transition", on: day, action: st.action };
    } else if (st.t === "request") e = { type: "request", on: day, kind: st.kind };
    else if (st.t === "decide") {
      e = { type: "decision", on: day, kind: st.kind, approved: st.approved, deadline: { kind: "month", value: `2025-${String(st.months).padStart(2, "0")}` } };
    } else e = { type: "lead", on: day, leadUnitId: `unit-${st.gap}` };
    try {
      s = applyEvent(s, e);
    } catch (err) {
      expect(err).toBeInstanceOf(DirectiveRuleError);
      continue;
    }
    events.push(e);
    states.push(s);
  }
  return { events, states };
}

describe("no sequence of allowed actions reaches an impossible state", () => {
  it("keeps the invariants after every step", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        for (const s of run(steps).states) expect(stateProblems(s)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("never leaves a finished directive, and reaches done only through the office's confirmation", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { events, states } = run(steps);
        for (let i = 1; i < states.length; i++) {
          const before = states[i - 1]!;
          const after = states[i]!;
          if (FINAL_STATUSES.includes(before.status)) expect(after.status).toBe(before.status);
          if (after.status === "done" && before.status !== "done") {
            const e = events[i]!;
            expect(e.type === "transition" && e.action === "confirm_completion").toBe(true);
            expect(before.status).toBe("awaiting_confirmation");
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("answers the same state on any day whether replayed or applied step by step", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.integer({ min: 0, max: 400 }), (steps, offset) => {
        const { events, states } = run(steps);
        const day = addDays("2024-10-08", offset);
        // The state on `day` is the state after the last event on or before it.
        let expected: DirectiveState | null = null;
        events.forEach((e, i) => {
          if (e.on <= day) expected = states[i]!;
        });
        expect(stateAsOf(events, day)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("never calls finished work overdue nor open work done", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.integer({ min: 0, max: 400 }), (steps, offset) => {
        const { states } = run(steps);
        const s = states.at(-1)!;
        const t = timelinessOf(s, addDays("2024-10-08", offset));
        if (s.status === "done") expect(["done_on_time", "done_late"]).toContain(t);
        else expect(["done_on_time", "done_late"]).not.toContain(t);
        if (!s.dueOn && s.status !== "done") expect(t).not.toBe("overdue");
      }),
    );
  });

  it("covers the whole table: every state is reachable from a new directive, and only the final ones are dead ends", () => {
    const seen = new Set<DirectiveStatus>(["not_started"]);
    const queue: DirectiveStatus[] = ["not_started"];
    while (queue.length) {
      const status = queue.shift()!;
      for (const a of TRANSITION_ACTIONS) {
        if (!TRANSITIONS[a].from.includes(status)) continue;
        const to = TRANSITIONS[a].to;
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...DIRECTIVE_STATUSES].sort());
    for (const status of DIRECTIVE_STATUSES) {
      const exits = TRANSITION_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
      expect(exits.length === 0, status).toBe(FINAL_STATUSES.includes(status));
    }
    for (const k of REQUEST_KINDS) expect(REQUESTS[k].from.length).toBeGreaterThan(0);
  });
});
