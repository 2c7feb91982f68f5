import { hostname } from "node:os";
import { sql } from "kysely";
import type { Db, Queryable } from "../db/schema.ts";
import { newId } from "../ids.ts";

// Background work lives in the `jobs` table, not in timers: it survives restarts, and
// several server processes share it safely — a job is claimed with
// FOR UPDATE SKIP LOCKED, so exactly one process runs it. A job that is not finished
// before its lease runs out (the process was killed) is taken up again.

export interface JobContext {
  db: Db;
  provinceId: number;
  jobId: string;
  payload: unknown;
  /** Reports progress (0..1) and a Vietnamese message the browser shows. */
  progress(fraction: number, message?: string): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

const handlers = new Map<string, JobHandler>();

/** Features register what runs their jobs, by kind ("report.work-results", "reminders.scan" …). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one job per key and province, ever: enqueueing twice is harmless. */
  dedupeKey?: string;
  maxAttempts?: number;
  createdBy?: string | null;
}

export async function enqueueJob(db: Queryable, provinceId: number, kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
  const id = newId();
  const inserted = await db
    .insertInto("jobs")
    .values({
      province_id: provinceId,
      id,
      kind,
      payload: JSON.stringify(payload ?? {}),
      status: "queued",
      run_at: options.runAt ?? new Date(),
      max_attempts: options.maxAttempts ?? 5,
      dedupe_key: options.dedupeKey ?? null,
      created_by: options.createdBy ?? null,
    })
    .onConflict((oc) => oc.columns(["province_id", "dedupe_key"]).where("dedupe_key", "is not", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom("jobs")
    .select("id")
    .where("province_id", "=", provinceId)
    .where("dedupe_key", "=", options.dedupeKey!)
    .executeTakeFirstOrThrow();
  return existing.id;
}

const LEASE_MS = 5 * 60_000;
const workerId = `${hostname()}:${process.pid}`;

/** Claims one due job, or none. Concurrent callers never claim the same job. */
export async function claimJob(db: Db): Promise<{ province_id: number; id: string; kind: string; payload: unknown; attempts: number; max_attempts: number } | null> {
  return db.transaction().execute(async (tx) => {
    for (;;) {
      const row = await tx
        .selectFrom("jobs")
        .select(["province_id", "id", "kind", "payload", "status", "attempts", "max_attempts"])
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "queued"), eb("run_at", "<=", sql<Date>`now()`)]),
            eb.and([eb("status", "=", "running"), eb("locked_until", "<", sql<Date>`now()`)]),
          ]),
        )
        .orderBy("run_at")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return null;
      if (row.status === "running" && row.attempts >= row.max_attempts) {
        // Its process died on the last attempt allowed: it is not run again.
        await tx
          .updateTable("jobs")
          .set({ status: "failed", locked_by: null, locked_until: null, finished_at: new Date(), error: "Công việc bị dừng giữa chừng (tiến trình xử lý bị tắt) và đã hết số lần thử." })
          .where("province_id", "=", row.province_id)
          .where("id", "=", row.id)
          .execute();
        continue;
      }
      await tx
        .updateTable("jobs")
        .set({ status: "running", locked_by: workerId, locked_until: new Date(Date.now() + LEASE_MS), attempts: row.attempts + 1 })
        .where("province_id", "=", row.province_id)
        .where("id", "=", row.id)
        .execute();
      const { status: _status, ...claimed } = row;
      return { ...claimed, attempts: row.attempts + 1 };
    }
  });
}

async function finish(db: Db, provinceId: number, id: string, values: Record<string, unknown>): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ ...values, locked_by: null, locked_until: null })
    .where("province_id", "=", provinceId)
    .where("id", "=", id)
    .execute();
}

/** Runs one due job if there is one; returns whether it did. */
export async function runOneJob(db: Db): Promise<boolean> {
  const job = await claimJob(db);
  if (!job) return false;
  const handler = handlers.get(job.kind);
  const ctx: JobContext = {
    db,
    provinceId: job.province_id,
    jobId: job.id,
    payload: job.payload,
    progress: async (fraction, message) => {
      await db
        .updateTable("jobs")
        .set({ progress: Math.max(0, Math.min(1, fraction)), message: message ?? null, locked_until: new Date(Date.now() + LEASE_MS) })
        .where("province_id", "=", job.province_id)
        .where("id", "=", job.id)
        .execute();
    },
  };
  try {
    if (!handler) throw new Error(`Không có bộ xử lý cho loại công việc "${job.kind}".`);
    const result = await handler(ctx);
    await finish(db, job.province_id, job.id, {
      status: "done",
      progress: 1,
      result: JSON.stringify(result ?? null),
      error: null,
      finished_at: new Date(),
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const retry = job.attempts < job.max_attempts;
    // Back off 30 s, 2 min, 8 min … between attempts.
    const delay = 30_000 * 4 ** (job.attempts - 1);
    await finish(db, job.province_id, job.id, {
      status: retry ? "queued" : "failed",
      run_at: new Date(Date.now() + delay),
      error: message,
      ...(retry ? {} : { finished_at: new Date() }),
    });
  }
  return true;
}

/** A loop that runs due jobs until stopped; `wake()` makes it look now rather than at the next tick. */
export function startWorker(db: Db, intervalMs = 2000): { stop(): Promise<void>; wake(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const loop = async () => {
    timer = null;
    try {
      while (!stopped && (await runOneJob(db))) {
        /* drain what is due */
      }
    } catch (e) {
      if (!stopped) console.error("Lỗi khi chạy công việc nền:", e);
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  const tick = () => {
    if (stopped || running) return;
    running = loop().finally(() => (running = null));
  };
  timer = setTimeout(tick, 100);
  return {
    wake() {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
