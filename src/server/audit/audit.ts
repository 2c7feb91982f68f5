import { createHash } from "node:crypto";
import type { AuditCheck } from "../../domain/api/audit.ts";
import type { Queryable, Tx } from "../db/schema.ts";

// Every change is appended to audit_log in the transaction that makes it. Rows are
// chained per province: hash = SHA-256(previous hash + "\n" + canonical content), so
// changing, removing or reordering any row breaks the chain from that row on. The
// database refuses UPDATE, DELETE and TRUNCATE on the table.

export const GENESIS_HASH = "0".repeat(64);

export interface Actor {
  id: string | null;
  name: string;
}

export interface AuditEntry {
  provinceId: number;
  actor: Actor | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** A JSON value with the shape jsonb will give back: Dates as strings, no undefined, no NUL. */
export function jsonSafe(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "string" ? v.replaceAll("\u0000", "") : v)));
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

interface HashedContent {
  province_id: number;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export function chainHash(prevHash: string, content: HashedContent): string {
  return createHash("sha256").update(`${prevHash}\n${canonicalJson(content)}`).digest("hex");
}

/** Appends one entry to the province's chain. Must run inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const head = await lockHead(tx, entry.provinceId);
  const content: HashedContent = {
    province_id: entry.provinceId,
    seq: head.seq + 1,
    at: new Date().toISOString(),
    actor_id: entry.actor?.id ?? null,
    actor_name: entry.actor?.name ?? null,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId,
    before: jsonSafe(entry.before),
    after: jsonSafe(entry.after),
    reason: entry.reason ?? null,
    ip: entry.ip ?? null,
    user_agent: entry.userAgent ?? null,
  };
  const hash = chainHash(head.hash, content);
  await tx
    .insertInto("audit_log")
    .values({
      ...content,
      before: content.before === null ? null : JSON.stringify(content.before),
      after: content.after === null ? null : JSON.stringify(content.after),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await tx
    .updateTable("audit_heads")
    .set({ seq: content.seq, hash })
    .where("province_id", "=", entry.provinceId)
    .execute();
}

/** The chain head, locked until the transaction ends: appends to one province are serialised. */
async function lockHead(tx: Tx, provinceId: number): Promise<{ seq: number; hash: string }> {
  await tx
    .insertInto("audit_heads")
    .values({ province_id: provinceId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column("province_id").doNothing())
    .execute();
  const head = await tx
    .selectFrom("audit_heads")
    .select(["seq", "hash"])
    .where("province_id", "=", provinceId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** Walks the chain of every province, or of one (what a province's administrator may check). */
export async function verifyAudit(db: Queryable, options: { provinceId?: number; batchSize?: number } = {}): Promise<AuditCheck> {
  const batchSize = options.batchSize ?? 5000;
  let headsQuery = db.selectFrom("audit_heads").selectAll().orderBy("province_id");
  if (options.provinceId !== undefined) headsQuery = headsQuery.where("province_id", "=", options.provinceId);
  const heads = await headsQuery.execute();
  let rows = 0;
  for (const head of heads) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const batch = await db
        .selectFrom("audit_log")
        .selectAll()
        .where("province_id", "=", head.province_id)
        .where("seq", ">=", expectedSeq)
        .orderBy("seq")
        .limit(batchSize)
        .execute();
      for (const row of batch) {
        rows++;
        const seq = Number(row.seq);
        const fail = (problem: string): AuditCheck => ({ ok: false, provinceId: head.province_id, seq, problem, rows });
        if (seq !== expectedSeq) return fail(`thiếu bản ghi số ${expectedSeq}`);
        if (row.prev_hash !== prevHash) return fail("liên kết với bản ghi trước bị sai");
        const hash = chainHash(prevHash, {
          province_id: row.province_id,
          seq,
          at: row.at.toISOString(),
          actor_id: row.actor_id,
          actor_name: row.actor_name,
          action: row.action,
          object_type: row.object_type,
          object_id: row.object_id,
          before: row.before ?? null,
          after: row.after ?? null,
          reason: row.reason,
          ip: row.ip,
          user_agent: row.user_agent,
        });
        if (hash !== row.hash) return fail("nội dung không khớp mã băm");
        prevHash = row.hash;
        expectedSeq++;
      }
      if (batch.length < batchSize) break;
    }
    if (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
      return { ok: false, provinceId: head.province_id, seq: expectedSeq, problem: "đầu chuỗi không khớp bản ghi cuối", rows };
    }
  }
  return { ok: true, provinces: heads.length, rows };
}
