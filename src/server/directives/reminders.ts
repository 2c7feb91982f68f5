import { OPEN_STATUSES, type Reminder, reminderHorizon, remindersDue } from "../../domain/directives.ts";
import { addDays, todayInVietnam } from "../../domain/format.ts";
import { recordAudit } from "../audit/audit.ts";
import { type Config, loadConfig } from "../config.ts";
import type { Db } from "../db/schema.ts";
import { enqueueJob, type JobContext, registerJobHandler } from "../jobs/queue.ts";
import { sendQueuedMail } from "../mail/outbox.ts";
import { createMailTransport } from "../mail/transport.ts";
import { directiveWebPath, notifyAndMail, officeRecipients, type Recipient, reminderText, uniqueRecipients, unitUsers, usersById } from "./notify.ts";
import { directiveBriefs } from "./queries.ts";
import { appendEvent, REMINDER_SCAN_JOB, type Writer } from "./service.ts";

// Urging by the calendar. Once a day a job scans each province: every directive its lead
// unit still owes that is due within the reminder thresholds (7, 3, 1 days by default) or
// overdue gets its reminder — an in-app notice and an e-mail to the lead unit's users and the
// follower; continued lateness goes to the leader in charge too. A reminder is written to a
// ledger keyed (directive, kind, threshold, last day) in the same transaction as its notices
// and mails, so several processes scanning at once (or one scanning twice) send it once.
// Mail goes out through the outbox, claimed with FOR UPDATE SKIP LOCKED.

export const MAIL_SEND_JOB = "mail.send";

const SYSTEM = { id: null, name: "dondoc (nhắc hạn tự động)" };

export interface ScanSettings {
  today: string;
  reminderDays: readonly number[];
  baseUrl: string;
}

export interface ScanResult {
  reminders: number;
  notices: number;
  mails: number;
}

interface Candidate {
  directive_id: string;
  status: (typeof OPEN_STATUSES)[number];
  due_on: string;
  lead_unit_id: string;
  follower_id: string | null;
  leader_id: string | null;
  assignee_id: string | null;
}

const keyOf = (directiveId: string, r: Pick<Reminder, "kind" | "threshold" | "dueOn">) => `${directiveId}:${r.kind}:${r.threshold}:${r.dueOn}`;

/** Writes the reminders of `today` for one province; returns what it wrote (nothing twice). */
export async function scanReminders(db: Db, provinceId: number, settings: ScanSettings): Promise<ScanResult> {
  const result: ScanResult = { reminders: 0, notices: 0, mails: 0 };
  const horizon = reminderHorizon(settings.today, settings.reminderDays);
  const candidates = (await db
    .selectFrom("directive_states as s")
    .innerJoin("directives as d", (j) => j.onRef("d.province_id", "=", "s.province_id").onRef("d.id", "=", "s.directive_id"))
    .select(["s.directive_id", "s.status", "s.due_on", "s.lead_unit_id", "d.follower_id", "d.leader_id", "d.assignee_id"])
    .where("s.province_id", "=", provinceId)
    .where("s.valid_to", "is", null)
    .where("s.status", "in", [...OPEN_STATUSES])
    .where("s.due_on", "<=", horizon)
    .orderBy("s.due_on")
    .execute()) as Candidate[];
  const due = candidates.flatMap((c) => remindersDue({ status: c.status, dueOn: c.due_on }, settings.today, settings.reminderDays).map((r) => ({ c, r })));
  if (!due.length) return result;
  // Skip what the ledger already holds without opening a transaction for it.
  const sent = new Set<string>();
  const ids = [...new Set(due.map((x) => x.c.directive_id))];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom("directive_reminders")
      .select(["directive_id", "kind", "threshold", "due_on"])
      .where("province_id", "=", provinceId)
      .where("directive_id", "in", ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) sent.add(keyOf(r.directive_id, { kind: r.kind, threshold: r.threshold, dueOn: r.due_on }));
  }
  const todo = due.filter(({ c, r }) => !sent.has(keyOf(c.directive_id, r)));
  const briefs = await directiveBriefs(db, provinceId, [...new Set(todo.map((x) => x.c.directive_id))], settings.today);
  for (const { c, r } of todo) {
    const brief = briefs.get(c.directive_id);
    if (!brief) continue;
    await db.transaction().execute(async (tx) => {
      // The directive's lock orders this with the users' changes and with other scanners.
      const locked = await tx
        .selectFrom("directives")
        .select("id")
        .where("province_id", "=", provinceId)
        .where("id", "=", c.directive_id)
        .forUpdate()
        .executeTakeFirst();
      if (!locked) return;
      // The state may have changed since the candidates were read (completed, extended …).
      const now = await tx
        .selectFrom("directive_states")
        .select(["status", "due_on"])
        .where("province_id", "=", provinceId)
        .where("directive_id", "=", c.directive_id)
        .where("valid_to", "is", null)
        .executeTakeFirst();
      if (!now || !remindersDue({ status: now.status, dueOn: now.due_on }, settings.today, settings.reminderDays).some((x) => keyOf(c.directive_id, x) === keyOf(c.directive_id, r))) return;
      const inserted = await tx
        .insertInto("directive_reminders")
        .values({ province_id: provinceId, directive_id: c.directive_id, kind: r.kind, threshold: r.threshold, due_on: r.dueOn, scanned_on: settings.today })
        .onConflict((oc) => oc.columns(["province_id", "directive_id", "kind", "threshold", "due_on"]).doNothing())
        .returning("directive_id")
        .executeTakeFirst();
      if (!inserted) return;
      let recipients: Recipient[];
      if (r.kind === "escalation") {
        recipients = uniqueRecipients(await usersById(tx, provinceId, [c.leader_id]), await usersById(tx, provinceId, [c.follower_id]));
        if (!c.leader_id) recipients = uniqueRecipients(recipients, await officeRecipients(tx, provinceId, c.follower_id));
      } else {
        recipients = uniqueRecipients(
          await unitUsers(tx, provinceId, [c.lead_unit_id]),
          await usersById(tx, provinceId, [c.assignee_id, c.follower_id]),
        );
      }
      const text = reminderText(r.kind, brief, r.dueOn, r.daysLeft, settings.today, settings.baseUrl);
      const sentNow = await notifyAndMail(
        tx,
        provinceId,
        recipients,
        { kind: `reminder_${r.kind}`, title: text.title, body: text.text.split("\n\n")[0]!, link: directiveWebPath(c.directive_id), directiveId: c.directive_id },
        { subject: text.subject, text: text.text, dedupeKey: `reminder:${keyOf(c.directive_id, r)}` },
      );
      const at = new Date();
      const w: Writer = {
        tx,
        provinceId,
        user: { id: null, fullName: SYSTEM.name, role: "office", unitIds: [] },
        at,
        baseUrl: settings.baseUrl,
        audit: (e) => recordAudit(tx, { ...e, provinceId, actor: SYSTEM }),
      };
      const data = { kind: r.kind, threshold: r.threshold, dueOn: r.dueOn, recipients: recipients.length, mails: sentNow.mails };
      await appendEvent(w, c.directive_id, { kind: `reminder_${r.kind}`, data });
      await w.audit({ action: "directive.remind", objectType: "directive", objectId: c.directive_id, after: data });
      result.reminders++;
      result.notices += sentNow.notices;
      result.mails += sentNow.mails;
    });
  }
  return result;
}

/** When tomorrow's scan runs: 07:00 in Vietnam, before the office opens. */
export function nextScanAt(today: string): { day: string; runAt: Date } {
  const day = addDays(today, 1);
  return { day, runAt: new Date(`${day}T07:00:00+07:00`) };
}

type JobSettings = Pick<Config, "reminderDays" | "baseUrl" | "smtpUrl" | "mailFrom">;

/** The daily scan job: reminders of today, then the mail, then tomorrow's scan. */
export async function runReminderScanJob(ctx: Pick<JobContext, "db" | "provinceId">, settings: JobSettings, today = todayInVietnam()): Promise<ScanResult> {
  const result = await scanReminders(ctx.db, ctx.provinceId, { today, reminderDays: settings.reminderDays, baseUrl: settings.baseUrl });
  if (result.mails) await enqueueJob(ctx.db, ctx.provinceId, MAIL_SEND_JOB, {});
  const next = nextScanAt(today);
  await enqueueJob(ctx.db, ctx.provinceId, REMINDER_SCAN_JOB, { day: next.day }, { dedupeKey: `${REMINDER_SCAN_JOB}:${next.day}`, runAt: next.runAt });
  return result;
}

/** The mail job: sends what the province's outbox holds (nothing without SMTP_URL; in-app notices still work). */
export async function runMailJob(ctx: Pick<JobContext, "db" | "provinceId">, settings: JobSettings) {
  const transport = createMailTransport(settings);
  if (!transport) return { skipped: "Chưa cấu hình máy chủ thư (SMTP_URL): thư nhắc chờ trong hàng đợi." };
  try {
    return await sendQueuedMail(ctx.db, ctx.provinceId, transport, { from: settings.mailFrom });
  } finally {
    transport.close();
  }
}

registerJobHandler(REMINDER_SCAN_JOB, (ctx) => runReminderScanJob(ctx, loadConfig()));
registerJobHandler(MAIL_SEND_JOB, (ctx) => runMailJob(ctx, loadConfig()));

/** Queues the mail job after a change that wrote to the outbox (urgings). */
export async function queueMailJob(db: Db, provinceId: number, wake?: () => void): Promise<void> {
  await enqueueJob(db, provinceId, MAIL_SEND_JOB, {});
  wake?.();
}
