// The tracking sheet filters and the statistics count timeliness in SQL (timelinessIs); the
// screens show it from the domain rule (timelinessOf). Both must agree on every state a
// directive can be in, on any cut-off day: each state falls in exactly the class the rule gives.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestProvince } from "../../../test/support/db.ts";
import { testApp } from "../../../test/support/http.ts";
import { type DirectiveStatus, TIMELINESS, type Timeliness, timelinessOf } from "../../domain/directives.ts";
import { addDays, todayInVietnam } from "../../domain/format.ts";
import type { Db } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { insertUnit } from "../units/queries.ts";
import { inForce, timelinessIs } from "./queries.ts";

const DUE_SOON = 3;
const today = todayInVietnam();
const day = (n: number) => addDays(today, n);

interface State {
  id: string;
  status: DirectiveStatus;
  dueOn: string | null;
  requestedOn: string | null;
  completedOn: string | null;
}

let db: Db;
let provinceId: number;
const states: State[] = [];

/**
 * Every combination that can happen: each status, deadlines long past to far ahead (and none),
 * requests and completions before, on and after the last day — never in the future, as nobody
 * asks or confirms on a day that has not come.
 */
function combinations(): Omit<State, "id">[] {
  const dues = [null, day(-40), day(-4), day(-1), day(0), day(1), day(3), day(4), day(30)];
  const out: Omit<State, "id">[] = [];
  for (const dueOn of dues) {
    for (const status of ["not_started", "in_progress", "suspended", "withdrawn"] as const) out.push({ status, dueOn, requestedOn: null, completedOn: null });
    for (const requestedOn of [day(-50), day(-5), day(-2), day(0)]) {
      out.push({ status: "awaiting_confirmation", dueOn, requestedOn, completedOn: null });
      for (const completedOn of [requestedOn, day(0)]) if (completedOn >= requestedOn) out.push({ status: "done", dueOn, requestedOn, completedOn });
    }
  }
  return out;
}

beforeAll(async () => {
  ({ db } = await testApp());
  provinceId = await createTestProvince(db);
  await db.transaction().execute(async (tx) => {
    const unit = await insertUnit(tx, provinceId, "SO-TC", { validFrom: "2020-01-01", parentId: null, kind: "department", name: "Sở Tài chính", shortName: null, aliases: [] });
    for (const c of combinations()) {
      const id = newId();
      states.push({ id, ...c });
      await tx
        .insertInto("directives")
        .values({ province_id: provinceId, id, content: `Nhiệm vụ ${states.length}`, lead_unit_id: unit, deadline_kind: c.dueOn ? "date" : "none", deadline_value: c.dueOn, source: "manual" })
        .execute();
      // In force since long before every cut-off tested, and still today.
      await tx
        .insertInto("directive_states")
        .values({ province_id: provinceId, directive_id: id, valid_from: day(-60), valid_to: null, status: c.status, lead_unit_id: unit, due_on: c.dueOn, requested_on: c.requestedOn, completed_on: c.completedOn })
        .execute();
    }
  });
});

async function idsIn(t: Timeliness, asOf: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("directive_states as s")
    .select("s.directive_id")
    .where("s.province_id", "=", provinceId)
    .where((eb) => inForce(eb as never, asOf))
    .where((eb) => timelinessIs(eb as never, t, asOf, DUE_SOON))
    .execute();
  return new Set(rows.map((r) => r.directive_id));
}

describe("timeliness in SQL and in the domain rule", () => {
  for (const offset of [0, 2, 10]) {
    it(`agree on every state, as of ${offset ? `${offset} days ahead` : "today"}`, async () => {
      const asOf = day(offset);
      const byClass = new Map<Timeliness, Set<string>>();
      for (const t of TIMELINESS) byClass.set(t, await idsIn(t, asOf));
      for (const s of states) {
        const expected = timelinessOf(s, asOf, DUE_SOON);
        const found = TIMELINESS.filter((t) => byClass.get(t)!.has(s.id));
        expect(found, JSON.stringify(s)).toEqual([expected]);
      }
    });
  }
});
