import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import type { Db } from "../db/schema.ts";
import type { Audit } from "../http/route.ts";
import { readAndExtract, storeRead } from "./ingest.ts";
import { confirmPaper, metaOf } from "./queries.ts";

// Demo: papers of the seeds' kinds, written in our own words with the seeds' facts and
// figures, go through the real pipeline (read → extract → store → confirm) on first
// start, so a newcomer sees confirmed papers with their directives linked to units.
// Later demo steps (directives, targets) build on the confirmed rows.

const PAPERS_DIR = join(import.meta.dirname, "../demo/papers");
const SYSTEM: Actor = { id: null, name: "Dữ liệu trình diễn" };

/** Which demo paper goes to which demo province, in the order they were issued. */
export const DEMO_PAPERS: Array<{ province: string; file: string }> = [
  { province: "dong-thap", file: "tb-ket-luan-9-thang-2024.txt" },
  { province: "can-tho", file: "ctr-quy-iv-2024.txt" },
  { province: "can-tho", file: "bc-ket-qua-2024.txt" },
];

const MAX_BYTES = 20 * 1024 * 1024;

export async function loadDemoPapers(db: Db): Promise<void> {
  for (const { province, file } of DEMO_PAPERS) {
    const p = await db.selectFrom("provinces").select("id").where("code", "=", province).executeTakeFirst();
    if (!p) continue;
    // The office account of the province uploads and confirms, as it would in real life.
    const clerk = await db
      .selectFrom("users")
      .select(["id", "full_name"])
      .where("province_id", "=", p.id)
      .where("role", "=", "office")
      .orderBy("username")
      .executeTakeFirst();
    const actor: Actor = clerk ? { id: clerk.id, name: `${clerk.full_name} (dữ liệu trình diễn)` } : SYSTEM;
    const bytes = new Uint8Array(readFileSync(join(PAPERS_DIR, file)));
    const read = await readAndExtract(db, p.id, bytes, file, MAX_BYTES);
    await db.transaction().execute(async (tx) => {
      const audit: Audit = (e) => recordAudit(tx, { ...e, provinceId: e.provinceId ?? p.id, actor: e.actor === undefined ? actor : e.actor });
      const stored = await storeRead(tx, p.id, { bytes, fileName: file, userId: clerk?.id ?? null }, read, audit);
      const result = await confirmPaper(tx, p.id, stored.row.id, stored.row.version, clerk?.id ?? null);
      await audit({
        action: "paper.confirm",
        objectType: "paper",
        objectId: stored.row.id,
        before: { status: "review" },
        after: { status: "confirmed", ...metaOf(result.row), counts: result.counts, linked: result.linked, citedBy: result.citedBy },
      });
    });
  }
}
