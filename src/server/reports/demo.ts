import { addDays } from "../../domain/format.ts";
import { endDate, parsePeriodCode } from "../../domain/periods.ts";
import type { Db } from "../db/schema.ts";
import { generateDirectives } from "./history.ts";

// The demo's year of follow-up for the second province (Hậu Giang, now Cần Thơ): its 2024
// conclusion notices with their directives and histories, given to the bodies that lead such
// work (the party delegation of the People's Committee most, then the Party's boards, the
// district committees, the departments), so that its dashboard and its 2024 report show a
// province's picture beside the 2024 targets. Synthetic, marked "(minh họa)"; the first
// province keeps the directives the follow-up feature's demo gives it.
//
// The demo's target figures are loaded today but describe 2021–2024: each is dated as approved
// when it would have been (an estimate before its period ended, an official figure after it, a
// figure read from a paper the day after the paper; never later than now), so that a report
// "as of" a past day — the 9-month report as of 15/10/2024 — finds the figures known then.

const PROVINCE = "can-tho";
const LEADS = [
  "BCS-UBND",
  "BTC",
  "BTG",
  "VPTU",
  "H-VI-THANH",
  "H-CHAU-THANH",
  "H-PHUNG-HIEP",
  "BDV",
  "UBKT",
  "H-NGA-BAY",
  "DD-HDND",
  "BNC",
  "H-TX-LONG-MY",
  "H-CHAU-THANH-A",
  "DD-MTTQ",
  "DUK",
  "SO-KHDT",
  "SO-TC",
  "SO-NV",
  "DU-CA",
  "SO-YT",
  "SO-GDDT",
  "DU-QS",
  "SO-NNPTNT",
];

export async function loadDemoHistory(db: Db): Promise<void> {
  await dateDemoApprovals(db);
  await loadDemoDirectivesYear(db);
}

async function dateDemoApprovals(db: Db): Promise<void> {
  const now = new Date();
  const values = await db
    .selectFrom("target_values as v")
    .leftJoin("papers as p", (j) => j.onRef("p.province_id", "=", "v.province_id").onRef("p.id", "=", "v.paper_id"))
    .select(["v.province_id", "v.id", "v.period", "v.basis", "p.issued_on"])
    .where("v.status", "=", "approved")
    .execute();
  for (const v of values) {
    const p = parsePeriodCode(v.period);
    if (!p) continue;
    // A figure read from a paper is known from the day after the paper; an estimate (ước) is given
    // before its period ends, an official figure after it.
    const day = v.issued_on ? addDays(v.issued_on, 1) : v.basis === "estimate" ? addDays(endDate(p), -20) : addDays(endDate(p), 12);
    const at = new Date(`${day}T09:00:00+07:00`);
    if (at >= now) continue;
    await db.updateTable("target_values").set({ approved_at: at, submitted_at: at }).where("province_id", "=", v.province_id).where("id", "=", v.id).execute();
  }
}

async function loadDemoDirectivesYear(db: Db): Promise<void> {
  const province = await db.selectFrom("provinces").select("id").where("code", "=", PROVINCE).executeTakeFirst();
  if (!province) return;
  const already = await db.selectFrom("directives").select("id").where("province_id", "=", province.id).limit(1).executeTakeFirst();
  if (already) return;
  const units = await db.selectFrom("units").select(["id", "code"]).where("province_id", "=", province.id).where("code", "in", LEADS).execute();
  const byCode = new Map(units.map((u) => [u.code, u.id]));
  const leads = LEADS.map((c) => byCode.get(c)).filter((x): x is string => !!x);
  if (!leads.length) return;
  await generateDirectives(db, province.id, { units: leads, year: 2024, count: 420, until: "2024-12-31", seed: 2024, titleSuffix: " (minh họa)", firstNumber: 1100 });
}
