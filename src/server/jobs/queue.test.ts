import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestProvince, testDatabase } from "../../../test/support/db.ts";
import type { Db } from "../db/schema.ts";
import { claimJob, enqueueJob, registerJobHandler, runOneJob } from "./queue.ts";

// The job table is what makes reminders and reports survive restarts: a failed job is tried
// again later, a job whose process died is taken up again when its lease runs out, and
// workers running side by side never run the same job twice.

let db: Db;
let provinceId: number;

beforeAll(async () => {
  db = (await testDatabase()).db;
  provinceId = await createTestProvince(db);
});

async function job(id: string) {
  return db.selectFrom("jobs").selectAll().where("province_id", "=", provinceId).where("id", "=", id).executeTakeFirstOrThrow();
}

/** Runs due jobs (other tests' ones too, harmlessly) until `id` leaves the queue or nothing is due. */
async function runUntilSettled(id: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const before = await job(id);
    if (!(await runOneJob(db))) return;
    const after = await job(id);
    if (after.attempts !== before.attempts && after.status !== "running") return;
  }
}

describe("the job queue", () => {
  it("tries a failing job again later, then marks it failed with its error", async () => {
    const kind = `test.fails.${provinceId}`;
    let calls = 0;
    registerJobHandler(kind, async () => {
      calls++;
      throw new Error("Máy chủ thư không trả lời.");
    });
    const id = await enqueueJob(db, provinceId, kind, {}, { maxAttempts: 2 });
    await runUntilSettled(id);
    const first = await job(id);
    expect(first).toMatchObject({ status: "queued", attempts: 1, error: "Máy chủ thư không trả lời." });
    expect(first.run_at.getTime() - Date.now()).toBeGreaterThan(20_000); // backs off, not a hot loop
    await db.updateTable("jobs").set({ run_at: sql<Date>`now()` }).where("province_id", "=", provinceId).where("id", "=", id).execute();
    await runUntilSettled(id);
    const last = await job(id);
    expect(last).toMatchObject({ status: "failed", attempts: 2 });
    expect(last.finished_at).not.toBeNull();
    expect(calls).toBe(2);
  });

  it("takes up again a job whose process died (lease run out), and gives up when attempts are spent", async () => {
    const kind = `test.lease.${provinceId}`;
    let calls = 0;
    registerJobHandler(kind, async () => {
      calls++;
      return { file: "bao-cao.docx" };
    });
    const expire = (id: string) =>
      db.updateTable("jobs").set({ locked_until: sql<Date>`now() - interval '1 minute'` }).where("province_id", "=", provinceId).where("id", "=", id).execute();

    const resumed = await enqueueJob(db, provinceId, kind, {}, { maxAttempts: 3 });
    const exhausted = await enqueueJob(db, provinceId, kind, {}, { maxAttempts: 1 });
    // A worker claims both and is killed before finishing either.
    const claimed = new Set<string>();
    for (let i = 0; i < 50 && claimed.size < 2; i++) {
      const c = await claimJob(db);
      if (!c) break;
      if (c.id === resumed || c.id === exhausted) claimed.add(c.id);
    }
    expect(claimed.size).toBe(2);
    expect((await job(resumed)).status).toBe("running");
    expect(await claimJob(db).then((c) => c?.id === resumed || c?.id === exhausted)).toBe(false); // leased
    await expire(resumed);
    await expire(exhausted);

    await runUntilSettled(resumed);
    await runUntilSettled(exhausted);
    expect(await job(resumed)).toMatchObject({ status: "done", attempts: 2, result: { file: "bao-cao.docx" } });
    const gaveUp = await job(exhausted);
    expect(gaveUp).toMatchObject({ status: "failed", attempts: 1 });
    expect(gaveUp.error).toMatch(/bị dừng giữa chừng/);
    expect(calls).toBe(1);
  });

  it("runs each job once when several workers claim side by side", async () => {
    const kind = `test.once.${provinceId}`;
    const runs: string[] = [];
    registerJobHandler(kind, async (ctx) => {
      runs.push(ctx.jobId);
      await new Promise((r) => setTimeout(r, 2));
    });
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => enqueueJob(db, provinceId, kind, { i })));
    const worker = async () => {
      while (await runOneJob(db)) {
        /* drain */
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(runs.sort()).toEqual([...ids].sort());
    const states = await db.selectFrom("jobs").select("status").where("province_id", "=", provinceId).where("kind", "=", kind).execute();
    expect(states.every((s) => s.status === "done")).toBe(true);
  });

  it("enqueues a job with a key only once", async () => {
    const a = await enqueueJob(db, provinceId, "test.dedupe", {}, { dedupeKey: "nhac-han:abc:2026-11-30" });
    const b = await enqueueJob(db, provinceId, "test.dedupe", {}, { dedupeKey: "nhac-han:abc:2026-11-30" });
    expect(b).toBe(a);
  });
});
