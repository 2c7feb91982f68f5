import { sql } from "kysely";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, formatDate, todayInVietnam } from "../../domain/format.ts";
import { acting, asUserAt, createDirectiveWorld, type DirectiveWorld, insertConfirmedPaper } from "../../../test/support/directives.ts";
import { testDatabase, testEngine } from "../../../test/support/db.ts";
import { TEST_POSTGRES_URL, withDatabase } from "../../../test/support/postgres.ts";
import { testApp } from "../../../test/support/http.ts";
import { openDatabase, type DatabaseHandle } from "../db/connect.ts";
import type { Db } from "../db/schema.ts";
import { runMailJob, runReminderScanJob, scanReminders } from "./reminders.ts";
import { act, createDirective, REMINDER_SCAN_JOB } from "./service.ts";
import { sendQueuedMail } from "../mail/outbox.ts";
import { createMailTransport } from "../mail/transport.ts";

// Reminders go out once, whoever scans: several workers (separate connections on
// PostgreSQL) scan and send at the same time, twice over, and a real SMTP server on a
// free port receives what they send. Each reminder must arrive exactly once, in Vietnamese.

interface Received {
  to: string[];
  subject: string;
  body: string;
}

/** Decodes RFC 2047 encoded words ("=?UTF-8?Q?…?=" / "=?UTF-8?B?…?="). */
function decodeWords(s: string): string {
  return s.replace(/\r?\n\s+/g, " ").replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) => {
    if (enc.toUpperCase() === "B") return Buffer.from(text, "base64").toString("utf8");
    const bytes = text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  });
}

function decodeMessage(raw: string): { subject: string; body: string } {
  const split = raw.indexOf("\r\n\r\n") >= 0 ? raw.indexOf("\r\n\r\n") : raw.indexOf("\n\n");
  const head = raw.slice(0, split);
  let body = raw.slice(split).trim();
  const subject = decodeWords(/^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? "");
  const cte = /^Content-Transfer-Encoding: (.*)$/im.exec(head)?.[1]?.trim().toLowerCase();
  if (cte === "quoted-printable") {
    body = Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))), "latin1").toString("utf8");
  } else if (cte === "base64") body = Buffer.from(body, "base64").toString("utf8");
  return { subject, body };
}

let smtp: SMTPServer;
let smtpUrl: string;
const received: Received[] = [];

let app: Awaited<ReturnType<typeof testApp>>["app"];
let db: Db;
let w: DirectiveWorld;
const handles: DatabaseHandle[] = [];
const workers: Db[] = [];
const today = todayInVietnam();
const ids: Record<string, string> = {};

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const { subject, body } = decodeMessage(Buffer.concat(chunks).toString("utf8"));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject, body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;

  ({ app, db } = await testApp());
  w = await createDirectiveWorld(app, db);
  // The workers: on PostgreSQL, separate pools on the same database; PGlite has one connection.
  if (testEngine() === "postgres") {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
    for (let i = 0; i < 4; i++) {
      const h = await openDatabase({ databaseUrl: withDatabase(TEST_POSTGRES_URL, rows[0]!.name), poolSize: 3 });
      handles.push(h);
      workers.push(h.db);
    }
  } else {
    const h = await testDatabase();
    for (let i = 0; i < 4; i++) workers.push(h.db);
  }

  const { paperId } = await insertConfirmedPaper(db, w.provinceId, "1012-TB/TU", [{ ordinal: "3", text: "Sở Tài chính tăng cường quản lý thu", leads: [] }]);
  const office = acting(w, "office", "office", [w.units.office]);
  const staff = acting(w, "financeStaff", "unit_staff", [w.units.finance]);
  const make = async (key: string, due: number | null, at = today, leader = true) => {
    const row = await asUserAt(db, w.provinceId, office, at, (wr) =>
      createDirective(wr, {
        content: `Nhắc hạn ${key}: rà soát các khoản thu ngân sách`,
        ordinal: "3",
        leadUnitId: key === "planning" ? w.units.planning : w.units.finance,
        deadline: due === null ? { kind: "none", value: null } : { kind: "date", value: addDays(today, due) },
        followerId: w.users.office.id,
        leaderId: leader ? w.users.leader.id : null,
        paperId,
        source: "manual",
      }),
    );
    ids[key] = row.id;
  };
  await make("in3", 3);
  await make("in7", 7);
  await make("in20", 20);
  await make("late1", -1, addDays(today, -30));
  await make("late10", -10, addDays(today, -30));
  await make("planning", 1);
  await make("none", null);
  await make("suspended", 2);
  const v = (await db.selectFrom("directives").select("version").where("province_id", "=", w.provinceId).where("id", "=", ids.suspended!).executeTakeFirstOrThrow()).version;
  await asUserAt(db, w.provinceId, office, today, (wr) => act(wr, ids.suspended!, "suspend", { version: v, reason: "Tạm hoãn" }));
  void staff;
});

afterAll(async () => {
  for (const h of handles) await h.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const settings = () => ({ today, reminderDays: [7, 3, 1], baseUrl: "https://dondoc.example.vn" });

async function scanAndSendEverywhere() {
  const transports = workers.map(() => createMailTransport({ smtpUrl })!);
  try {
    await Promise.all(
      workers.map(async (wdb, i) => {
        await scanReminders(wdb, w.provinceId, settings());
        await sendQueuedMail(wdb, w.provinceId, transports[i]!, { from: "dondoc <khong-tra-loi@dondoc.local>", senderId: `worker-${i}`, batchSize: 3 });
      }),
    );
  } finally {
    for (const t of transports) t.close();
  }
}

describe("reminders by the calendar", () => {
  it("sends each reminder exactly once however many workers scan and send at the same time", async () => {
    await scanAndSendEverywhere();
    await scanAndSendEverywhere();

    const ledger = await db.selectFrom("directive_reminders").selectAll().where("province_id", "=", w.provinceId).execute();
    const keys = ledger.map((r) => `${Object.entries(ids).find(([, id]) => id === r.directive_id)![0]}:${r.kind}:${r.threshold}`).sort();
    expect(keys).toEqual(["in3:before:3", "in7:before:7", "late1:overdue:1", "late10:escalation:7", "late10:overdue:8", "planning:before:1"].sort());

    // Lead unit reminders go to the unit's two users and the follower; escalations to the leader in charge and the follower.
    const fin = [w.users.financeLeader.email, w.users.financeStaff.email, w.users.office.email];
    const expected = [
      ...["in3", "in7", "late1", "late10"].flatMap((k) => fin.map((to) => `${to}|${k}`)),
      ...[w.users.planningLeader.email, w.users.office.email].map((to) => `${to}|planning`),
      ...[w.users.leader.email, w.users.office.email].map((to) => `${to}|late10`),
    ].sort();
    const got = received.map((m) => `${m.to.join(",")}|${/Nhắc hạn (\w+):/.exec(m.body)?.[1]}`).sort();
    expect(got).toEqual(expected);
    // Exactly once: no (recipient, subject) twice.
    const pairs = received.map((m) => `${m.to.join(",")}|${m.subject}`);
    expect(new Set(pairs).size).toBe(pairs.length);

    const outbox = await db.selectFrom("mail_outbox").select(["status"]).where("province_id", "=", w.provinceId).where("kind", "like", "reminder_%").execute();
    expect(outbox.every((o) => o.status === "sent")).toBe(true);
    expect(outbox).toHaveLength(received.length);
  });

  it("writes in Vietnamese, with dd/mm/yyyy dates, the directive's text and the paper's number", async () => {
    const before = received.find((m) => m.to[0] === w.users.financeStaff.email && /Nhắc hạn in3:/.test(m.body))!;
    expect(before.subject).toBe(`[dondoc] Nhắc hạn: còn 3 ngày (đến ${formatDate(addDays(today, 3))}) — Nhắc hạn in3: rà soát các khoản thu ngân sách (1012-TB/TU)`);
    expect(before.body).toContain(`Kính gửi Cán bộ financeStaff,`);
    expect(before.body).toContain(`hạn cuối ngày ${formatDate(addDays(today, 3))}`);
    expect(before.body).toContain("Nguồn: Mục 3, văn bản số 1012-TB/TU ngày 08/10/2024");
    expect(before.body).toContain("Đơn vị chủ trì: Sở Tài chính");
    expect(before.body).toContain(`https://dondoc.example.vn/nhiem-vu/${ids.in3}`);
    const overdue = received.find((m) => m.to[0] === w.users.financeLeader.email && /Nhắc hạn late10:/.test(m.body))!;
    expect(overdue.subject).toMatch(/^\[dondoc\] Quá hạn 10 ngày \(hạn \d{2}\/\d{2}\/\d{4}\)/);
    const escalation = received.find((m) => m.to[0] === w.users.leader.email)!;
    expect(escalation.subject).toMatch(/Báo cáo lãnh đạo phụ trách: nhiệm vụ quá hạn 10 ngày/);
    expect(escalation.body).toContain("do Sở Tài chính chủ trì đã quá hạn 10 ngày");
  });

  it("gives each person one in-app notice per reminder and records it in the directive's history", async () => {
    const notices = await db
      .selectFrom("notifications")
      .select(["user_id", "directive_id", "kind"])
      .where("province_id", "=", w.provinceId)
      .where("kind", "like", "reminder_%")
      .execute();
    const keys = notices.map((n) => `${n.user_id}:${n.directive_id}:${n.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    // in3, in7, late1, late10 (the escalation goes to the leader in charge, not to the unit).
    expect(notices.filter((n) => n.user_id === w.users.financeStaff.id)).toHaveLength(4);
    const history = await db.selectFrom("directive_events").select("kind").where("province_id", "=", w.provinceId).where("directive_id", "=", ids.late10!).orderBy("seq").execute();
    expect(history.map((h) => h.kind).filter((k) => k.startsWith("reminder_")).sort()).toEqual(["reminder_escalation", "reminder_overdue"]);
  });

  it("reminds again for a new deadline, and the next day only what is new", async () => {
    const tomorrow = addDays(today, 1);
    const before = received.length;
    const r = await scanReminders(db, w.provinceId, { ...settings(), today: tomorrow });
    // in3 is now 2 days away (threshold 3, already sent); planning is due tomorrow (threshold 1, sent); late1 is 2 days over (bucket 1, sent).
    expect(r.reminders).toBe(0);
    const day4 = await scanReminders(db, w.provinceId, { ...settings(), today: addDays(today, 4) });
    // in7 crosses 3 days; in3 and planning become overdue; late10 (14 days over) escalates again.
    expect(day4.reminders).toBe(4);
    expect(received.length).toBe(before);
  });

  it("runs as a daily job that queues the mail and tomorrow's scan", async () => {
    const result = await runReminderScanJob({ db, provinceId: w.provinceId }, { reminderDays: [7, 3, 1], baseUrl: "https://dondoc.example.vn", smtpUrl, mailFrom: "dondoc <a@b.c>" }, addDays(today, 8));
    expect(result.reminders).toBeGreaterThan(0);
    const jobs = await db.selectFrom("jobs").select(["kind", "dedupe_key", "run_at"]).where("province_id", "=", w.provinceId).execute();
    const next = jobs.find((j) => j.dedupe_key === `${REMINDER_SCAN_JOB}:${addDays(today, 9)}`);
    expect(next).toBeTruthy();
    expect(new Date(next!.run_at).toISOString()).toBe(new Date(`${addDays(today, 9)}T00:00:00Z`).toISOString());
    expect(jobs.some((j) => j.kind === "mail.send")).toBe(true);
    const before = received.length;
    const sent = await runMailJob({ db, provinceId: w.provinceId }, { reminderDays: [7, 3, 1], baseUrl: "", smtpUrl, mailFrom: "dondoc <a@b.c>" });
    expect((sent as { sent: number }).sent).toBe(received.length - before);
    const without = await runMailJob({ db, provinceId: w.provinceId }, { reminderDays: [7, 3, 1], baseUrl: "", smtpUrl: undefined, mailFrom: "x" });
    expect((without as { skipped: string }).skipped).toMatch(/Chưa cấu hình máy chủ thư/);
  });

  it("retries a failed send later instead of losing it", async () => {
    await db
      .insertInto("mail_outbox")
      .values({ province_id: w.provinceId, id: crypto.randomUUID(), dedupe_key: `test:${Date.now()}`, kind: "test", to_address: "ai@dondoc.local", subject: "Thử", body_text: "Thử" })
      .execute();
    const broken = { send: async () => Promise.reject(new Error("Máy chủ thư không trả lời")), close() {} };
    const r1 = await sendQueuedMail(db, w.provinceId, broken, { from: "x" });
    expect(r1).toMatchObject({ sent: 0, failed: 1 });
    const row = await db.selectFrom("mail_outbox").selectAll().where("province_id", "=", w.provinceId).where("kind", "=", "test").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sending", attempts: 1, last_error: "Máy chủ thư không trả lời" });
    // Not claimable until its back-off runs out.
    const r2 = await sendQueuedMail(db, w.provinceId, broken, { from: "x" });
    expect(r2.failed).toBe(0);
  });
});
