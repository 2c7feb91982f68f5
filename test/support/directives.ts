import type { Hono } from "hono";
import { recordAudit } from "../../src/server/audit/audit.ts";
import type { Db } from "../../src/server/db/schema.ts";
import type { ActingUser, Writer } from "../../src/server/directives/service.ts";
import type { AppEnv } from "../../src/server/http/route.ts";
import { newId } from "../../src/server/ids.ts";
import type { Role } from "../../src/server/policy.ts";
import { insertUnit } from "../../src/server/units/queries.ts";
import { createTestProvince } from "./db.ts";
import { createTestUser, signedInClient, type TestClient, uniqueName } from "./http.ts";

// A small province for directive tests: a few bodies (one with a sub-unit), an office,
// a provincial leader, and people in each body, plus a confirmed paper with items.

export interface DirectiveWorld {
  provinceId: number;
  units: { root: string; office: string; finance: string; financeDept: string; planning: string; organisation: string; district: string };
  users: Record<"office" | "leader" | "financeLeader" | "financeStaff" | "deptLeader" | "deptStaff" | "planningLeader" | "organisationLeader", { id: string; username: string; email: string }>;
  clients: Record<"office" | "leader" | "financeLeader" | "financeStaff" | "deptLeader" | "deptStaff" | "planningLeader" | "organisationLeader", TestClient>;
}

export async function createDirectiveWorld(app: Hono<AppEnv>, db: Db): Promise<DirectiveWorld> {
  const provinceId = await createTestProvince(db);
  const u = await db.transaction().execute(async (tx) => {
    const add = (code: string, kind: Parameters<typeof insertUnit>[3]["kind"], name: string, parentId: string | null, validTo: string | null = null, aliases: string[] = []) =>
      insertUnit(tx, provinceId, code, { validFrom: "2020-01-01", validTo, parentId, kind, name, shortName: null, aliases });
    const root = await add("TU", "province_committee", "Tỉnh ủy Thử Nghiệm", null);
    const office = await add("VPTU", "party_organ", "Văn phòng Tỉnh ủy", root);
    const finance = await add("SO-TC", "department", "Sở Tài chính", root);
    const financeDept = await add("SO-TC-NS", "department", "Phòng Quản lý ngân sách", finance);
    const planning = await add("SO-KH", "department", "Sở Kế hoạch và Đầu tư", root, null, ["Sở KH&ĐT"]);
    const organisation = await add("BTC", "party_organ", "Ban Tổ chức Tỉnh ủy", root);
    const district = await add("H-TPD", "district", "Huyện ủy Tân Phú Đông", root, "2025-07-01");
    return { root, office, finance, financeDept, planning, organisation, district };
  });
  const specs: [keyof DirectiveWorld["users"], Role, string[]][] = [
    ["office", "office", [u.office]],
    ["leader", "leader", [u.root]],
    ["financeLeader", "unit_leader", [u.finance]],
    ["financeStaff", "unit_staff", [u.finance]],
    ["deptLeader", "unit_leader", [u.financeDept]],
    ["deptStaff", "unit_staff", [u.financeDept]],
    ["planningLeader", "unit_leader", [u.planning]],
    ["organisationLeader", "unit_leader", [u.organisation]],
  ];
  const users = {} as DirectiveWorld["users"];
  const clients = {} as DirectiveWorld["clients"];
  for (const [key, role, unitIds] of specs) {
    const username = uniqueName(key);
    const email = `${username}@thu-nghiem.local`;
    const id = await createTestUser(db, provinceId, { username, role, unitIds, fullName: `Cán bộ ${key}`, email });
    users[key] = { id, username, email };
    clients[key] = await signedInClient(app, username);
  }
  return { provinceId, units: u, users, clients };
}

export interface PaperItemSpec {
  ordinal: string;
  text: string;
  leads: { name: string; unitId: string | null }[];
  partners?: { name: string; unitId: string | null }[];
  deadline?: string | null;
  deadlineText?: string | null;
}

/** A confirmed paper with its directive items, inserted directly (the papers feature is tested on its own). */
export async function insertConfirmedPaper(db: Db, provinceId: number, symbol: string, items: PaperItemSpec[], issuedOn = "2024-10-08"): Promise<{ paperId: string; itemIds: string[] }> {
  const paperId = newId();
  await db
    .insertInto("papers")
    .values({ province_id: provinceId, id: paperId, kind: "TB", symbol, issued_on: issuedOn, title: "Thông báo kết luận", issuer: "Tỉnh ủy", status: "confirmed", confirmed_at: new Date() })
    .execute();
  const itemIds: string[] = [];
  for (const [i, it] of items.entries()) {
    const id = newId();
    itemIds.push(id);
    await db
      .insertInto("paper_directives")
      .values({
        province_id: provinceId,
        paper_id: paperId,
        id,
        position: i,
        ordinal: it.ordinal,
        text: it.text,
        leads: JSON.stringify(it.leads),
        partners: JSON.stringify(it.partners ?? []),
        deadline: it.deadline ?? null,
        deadline_text: it.deadlineText ?? null,
        span_start: null,
        span_end: null,
      })
      .execute();
  }
  return { paperId, itemIds };
}

/** Runs service calls as a user at a chosen instant (to build a history in the past). */
export async function asUserAt<T>(db: Db, provinceId: number, user: ActingUser, at: string | Date, fn: (w: Writer) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) =>
    fn({
      tx,
      provinceId,
      user,
      at: typeof at === "string" ? new Date(`${at}T09:00:00+07:00`) : at,
      baseUrl: "http://dondoc.test",
      audit: (e) => recordAudit(tx, { ...e, provinceId, actor: { id: user.id, name: user.fullName } }),
    }),
  );
}

export function acting(world: DirectiveWorld, key: keyof DirectiveWorld["users"], role: Role, unitIds: string[]): ActingUser {
  return { id: world.users[key].id, fullName: `Cán bộ ${key}`, role, unitIds };
}
