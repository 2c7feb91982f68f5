import { hostname } from "node:os";
import { sql } from "kysely";
import type { Db, Queryable } from "../db/schema.ts";
import { newId } from "../ids.ts";
import type { MailTransport } from "./transport.ts";

// The mail outbox: a message is written once (unique key per province) in the transaction
// that decides it must go, then sent by whichever process claims it. Claiming takes rows
// with FOR UPDATE SKIP LOCKED and leases them, so concurrent senders never take the same
// message; a lease that runs out (the process died mid-send) lets another sender retry.

export interface OutgoingMail {
  dedupeKey: string;
  kind: string;
  directiveId?: string | null;
  toUserId?: string | null;
  toAddress: string;
  subject: string;
  text: string;
}

/** Queues a message; returns false when one with the same key was queued before. */
export async function queueMail(db: Queryable, provinceId: number, mail: OutgoingMail): Promise<boolean> {
  const row = await db
    .insertInto("mail_outbox")
    .values({
      province_id: provinceId,
      id: newId(),
      dedupe_key: mail.dedupeKey,
      kind: mail.kind,
      directive_id: mail.directiveId ?? null,
      to_user_id: mail.toUserId ?? null,
      to_address: mail.toAddress,
      subject: mail.subject,
      body_text: mail.text,
    })
    .onConflict((oc) => oc.columns(["province_id", "dedupe_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return !!row;
}

const LEASE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 5;
/** Messages older than this are not sent any more (a reminder of last month helps nobody). */
const EXPIRE_MS = 3 * 24 * 3_600_000;

export interface SendOptions {
  from: string;
  batchSize?: number;
  /** Names this sender in the rows it claims (tests run several in one process). */
  senderId?: string;
}

export interface SendResult {
  sent: number;
  failed: number;
  expired: number;
}

async function claim(db: Db, provinceId: number, senderId: string, batchSize: number) {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom("mail_outbox")
      .select(["id", "to_address", "subject", "body_text", "attempts", "created_at"])
      .where("province_id", "=", provinceId)
      .where((eb) =>
        eb.or([eb("status", "=", "pending"), eb.and([eb("status", "=", "sending"), eb("claimed_until", "<", sql<Date>`now()`)])]),
      )
      .orderBy("created_at")
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!rows.length) return rows;
    await tx
      .updateTable("mail_outbox")
      .set({ status: "sending", claimed_by: senderId, claimed_until: new Date(Date.now() + LEASE_MS), attempts: sql`attempts + 1` })
      .where("province_id", "=", provinceId)
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    return rows;
  });
}

/** Sends the province's queued mail until none is left; safe to run in several processes at once. */
export async function sendQueuedMail(db: Db, provinceId: number, transport: MailTransport, options: SendOptions): Promise<SendResult> {
  const senderId = options.senderId ?? `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  const result: SendResult = { sent: 0, failed: 0, expired: 0 };
  for (;;) {
    const batch = await claim(db, provinceId, senderId, options.batchSize ?? 20);
    if (!batch.length) return result;
    for (const m of batch) {
      const mine = (q: ReturnType<typeof db.updateTable<"mail_outbox">>) =>
        q.where("province_id", "=", provinceId).where("id", "=", m.id).where("claimed_by", "=", senderId);
      if (Date.now() - new Date(m.created_at).getTime() > EXPIRE_MS) {
        await mine(db.updateTable("mail_outbox").set({ status: "expired", claimed_by: null, claimed_until: null })).execute();
        result.expired++;
        continue;
      }
      try {
        const info = await transport.send({ from: options.from, to: m.to_address, subject: m.subject, text: m.body_text });
        await mine(
          db.updateTable("mail_outbox").set({ status: "sent", sent_at: new Date(), message_id: info.messageId, claimed_until: null, last_error: null }),
        ).execute();
        result.sent++;
      } catch (e) {
        const attempts = m.attempts + 1;
        await mine(
          // Left "sending" with a lease in the future: claimable again once it runs out (1, 2, 3 … minutes).
          db.updateTable("mail_outbox").set({
            status: attempts >= MAX_ATTEMPTS ? "failed" : "sending",
            claimed_by: null,
            claimed_until: attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + attempts * 60_000),
            last_error: e instanceof Error ? e.message : String(e),
          }),
        ).execute();
        result.failed++;
      }
    }
  }
}
