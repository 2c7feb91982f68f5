import { type Deadline, formatDeadline, type ReminderKind } from "../../domain/directives.ts";
import { formatDate } from "../../domain/format.ts";
import type { Queryable } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { queueMail } from "../mail/outbox.ts";

// Who hears about a directive, and what they read: in-app notices and e-mails, in
// Vietnamese, with dates as dd/mm/yyyy. Notices and mails carry unique keys so that a
// reminder or an urging reaches each person once.

export const DIRECTIVES_WEB_PATH = "/nhiem-vu";
export const directiveWebPath = (id: string) => `${DIRECTIVES_WEB_PATH}/${id}`;

export interface Recipient {
  id: string;
  fullName: string;
  email: string | null;
}

/** The active users of a unit who act for it (its leaders and staff). */
export async function unitUsers(db: Queryable, provinceId: number, unitIds: string[]): Promise<Recipient[]> {
  if (!unitIds.length) return [];
  return db
    .selectFrom("users as u")
    .innerJoin("user_units as l", (j) => j.onRef("l.province_id", "=", "u.province_id").onRef("l.user_id", "=", "u.id"))
    .select(["u.id", "u.full_name as fullName", "u.email"])
    .distinct()
    .where("u.province_id", "=", provinceId)
    .where("l.unit_id", "in", unitIds)
    .where("u.role", "in", ["unit_leader", "unit_staff"])
    .where("u.disabled_at", "is", null)
    .orderBy("u.id")
    .execute();
}

export async function usersById(db: Queryable, provinceId: number, ids: (string | null | undefined)[]): Promise<Recipient[]> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return [];
  return db
    .selectFrom("users")
    .select(["id", "full_name as fullName", "email"])
    .where("province_id", "=", provinceId)
    .where("id", "in", wanted)
    .where("disabled_at", "is", null)
    .execute();
}

/** The office: the directive's follower, or every office user when it has none. */
export async function officeRecipients(db: Queryable, provinceId: number, followerId: string | null): Promise<Recipient[]> {
  if (followerId) {
    const f = await usersById(db, provinceId, [followerId]);
    if (f.length) return f;
  }
  return db
    .selectFrom("users")
    .select(["id", "full_name as fullName", "email"])
    .where("province_id", "=", provinceId)
    .where("role", "=", "office")
    .where("disabled_at", "is", null)
    .execute();
}

export function uniqueRecipients(...lists: Recipient[][]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const list of lists) for (const r of list) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

export interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  directiveId: string | null;
}

/** In-app notices, one per user; with `dedupeKey`, a user gets the notice once however often it is sent. */
export async function notify(db: Queryable, provinceId: number, userIds: string[], notice: Notice, dedupeKey?: string): Promise<number> {
  const users = [...new Set(userIds)];
  if (!users.length) return 0;
  const rows = await db
    .insertInto("notifications")
    .values(
      users.map((userId) => ({
        province_id: provinceId,
        id: newId(),
        user_id: userId,
        kind: notice.kind,
        title: notice.title.slice(0, 300),
        body: notice.body.slice(0, 4000),
        link: notice.link,
        directive_id: notice.directiveId,
        dedupe_key: dedupeKey ? `${dedupeKey}:${userId}` : null,
      })),
    )
    .onConflict((oc) => oc.columns(["province_id", "dedupe_key"]).where("dedupe_key", "is not", null).doNothing())
    .returning("id")
    .execute();
  return rows.length;
}

/** A notice and, for those with an address, an e-mail — each once per user and key. */
export async function notifyAndMail(
  db: Queryable,
  provinceId: number,
  recipients: Recipient[],
  notice: Notice,
  mail: { subject: string; text: string; dedupeKey: string },
): Promise<{ notices: number; mails: number }> {
  const notices = await notify(
    db,
    provinceId,
    recipients.map((r) => r.id),
    notice,
    mail.dedupeKey,
  );
  let mails = 0;
  for (const r of recipients) {
    if (!r.email) continue;
    const queued = await queueMail(db, provinceId, {
      dedupeKey: `${mail.dedupeKey}:${r.id}`,
      kind: notice.kind,
      directiveId: notice.directiveId,
      toUserId: r.id,
      toAddress: r.email,
      subject: mail.subject,
      text: `Kính gửi ${r.fullName},\n\n${mail.text}`,
    });
    if (queued) mails++;
  }
  return { notices, mails };
}

// ---------------------------------------------------------------------------
// What a directive looks like in a notice or an e-mail

export interface DirectiveBrief {
  id: string;
  content: string;
  ordinal: string | null;
  paperSymbol: string | null;
  paperIssuedOn: string | null;
  paperKind: string | null;
  leadUnitName: string;
  deadline: Deadline;
}

/** "Nội dung" cut to a readable length for a subject line. */
export function shortContent(content: string, max = 90): string {
  const s = content.replace(/\s+/g, " ").trim();
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** "mục 3, văn bản số 1012-TB/TU ngày 08/10/2024". */
export function sourceLine(d: Pick<DirectiveBrief, "ordinal" | "paperSymbol" | "paperIssuedOn">): string {
  const parts: string[] = [];
  if (d.ordinal) parts.push(`mục ${d.ordinal}`);
  if (d.paperSymbol) parts.push(`văn bản số ${d.paperSymbol}${d.paperIssuedOn ? ` ngày ${formatDate(d.paperIssuedOn)}` : ""}`);
  return parts.join(", ");
}

function describe(d: DirectiveBrief, baseUrl: string): string {
  const source = sourceLine(d);
  return [
    `Nhiệm vụ: ${d.content.replace(/\s+/g, " ").trim()}`,
    source ? `Nguồn: ${source[0]!.toUpperCase()}${source.slice(1)}` : null,
    `Đơn vị chủ trì: ${d.leadUnitName}`,
    `Thời hạn: ${formatDeadline(d.deadline)}`,
    `Xem và báo cáo tiến độ: ${baseUrl}${directiveWebPath(d.id)}`,
  ]
    .filter(Boolean)
    .join("\n");
}

export interface ReminderText {
  title: string;
  subject: string;
  text: string;
}

/** The words of a reminder, by kind: before the deadline, overdue, escalated to the leader in charge. */
export function reminderText(kind: ReminderKind, d: DirectiveBrief, dueOn: string, daysLeft: number, today: string, baseUrl: string): ReminderText {
  const symbol = d.paperSymbol ? ` (${d.paperSymbol})` : "";
  const head = shortContent(d.content, 70);
  if (kind === "before") {
    const when = daysLeft === 0 ? "hết hạn hôm nay" : `còn ${daysLeft} ngày`;
    return {
      title: `Nhắc hạn: ${when} — ${head}`,
      subject: `[dondoc] Nhắc hạn: ${when} (đến ${formatDate(dueOn)}) — ${head}${symbol}`,
      text: `Nhiệm vụ dưới đây ${when}, hạn cuối ngày ${formatDate(dueOn)} (nhắc ngày ${formatDate(today)}).\n\n${describe(d, baseUrl)}\n\nĐề nghị đơn vị khẩn trương hoàn thành và báo cáo kết quả đúng hạn.`,
    };
  }
  const over = -daysLeft;
  if (kind === "overdue") {
    return {
      title: `Quá hạn ${over} ngày — ${head}`,
      subject: `[dondoc] Quá hạn ${over} ngày (hạn ${formatDate(dueOn)}) — ${head}${symbol}`,
      text: `Nhiệm vụ dưới đây đã quá hạn ${over} ngày (hạn cuối ngày ${formatDate(dueOn)}; tính đến ngày ${formatDate(today)}).\n\n${describe(d, baseUrl)}\n\nĐề nghị đơn vị báo cáo ngay tiến độ, nguyên nhân chậm và thời gian hoàn thành; nếu cần, gửi đề nghị gia hạn.`,
    };
  }
  return {
    title: `Báo cáo lãnh đạo: quá hạn ${over} ngày — ${head}`,
    subject: `[dondoc] Báo cáo lãnh đạo phụ trách: nhiệm vụ quá hạn ${over} ngày — ${head}${symbol}`,
    text: `Kính báo cáo đồng chí: nhiệm vụ dưới đây do ${d.leadUnitName} chủ trì đã quá hạn ${over} ngày (hạn cuối ngày ${formatDate(dueOn)}; tính đến ngày ${formatDate(today)}) và đã được nhắc nhưng chưa hoàn thành.\n\n${describe(d, baseUrl)}`,
  };
}

/** The words of a written urging (đôn đốc) as it reaches a unit's users. */
export function urgingText(u: { symbol: string | null; issuedOn: string; content: string }, items: DirectiveBrief[], baseUrl: string): ReminderText {
  const label = u.symbol ? `Văn bản đôn đốc số ${u.symbol} ngày ${formatDate(u.issuedOn)}` : `Đôn đốc ngày ${formatDate(u.issuedOn)}`;
  const list = items.map((d, i) => `${i + 1}. ${describe(d, baseUrl)}`).join("\n\n");
  return {
    title: `${label}: ${items.length} nhiệm vụ`,
    subject: `[dondoc] ${label} — ${items.length === 1 ? shortContent(items[0]!.content, 70) : `${items.length} nhiệm vụ`}`,
    text: `${u.content.trim()}\n\nCác nhiệm vụ được đôn đốc:\n\n${list}`,
  };
}
