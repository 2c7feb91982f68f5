import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Config } from "../config.ts";
import type { Db, Queryable } from "../db/schema.ts";
import type { AuthUser } from "../http/route.ts";
import { isRole } from "../policy.ts";

// Server-side sessions. The cookie holds "<province>.<secret>"; the database holds
// only SHA-256(secret), so a leaked database does not leak live sessions. The
// province prefix routes the lookup to the province's data without a global index.

export const SESSION_COOKIE = "dondoc_session";
export const CSRF_COOKIE = "dondoc_csrf";
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Queryable,
  config: Config,
  input: { provinceId: number; userId: string; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const secret = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + config.sessionMaxMs);
  await db
    .insertInto("sessions")
    .values({
      province_id: input.provinceId,
      id: sha256Hex(secret),
      user_id: input.userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return { cookieValue: `${input.provinceId}.${secret}`, csrfToken, expiresAt };
}

function parseCookie(value: string): { provinceId: number; id: string } | null {
  const m = /^(\d{1,9})\.([A-Za-z0-9_-]{20,100})$/.exec(value);
  if (!m) return null;
  return { provinceId: Number(m[1]), id: sha256Hex(m[2]!) };
}

/** The signed-in user for a session cookie, or null when it is unknown, ended, idle too long or expired. */
export async function loadSession(db: Db, config: Config, cookieValue: string | undefined): Promise<AuthUser | null> {
  if (!cookieValue) return null;
  const key = parseCookie(cookieValue);
  if (!key) return null;
  const now = Date.now();
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", (j) => j.onRef("u.province_id", "=", "s.province_id").onRef("u.id", "=", "s.user_id"))
    .select([
      "s.id as session_id",
      "s.csrf_token",
      "s.last_seen_at",
      "s.expires_at",
      "s.ended_at",
      "u.id",
      "u.province_id",
      "u.username",
      "u.full_name",
      "u.email",
      "u.role",
      "u.disabled_at",
    ])
    .where("s.province_id", "=", key.provinceId)
    .where("s.id", "=", key.id)
    .executeTakeFirst();
  if (!row || row.ended_at || row.disabled_at || !isRole(row.role)) return null;
  if (row.expires_at.getTime() <= now || now - row.last_seen_at.getTime() > config.sessionIdleMs) return null;
  if (now - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(now) })
      .where("province_id", "=", key.provinceId)
      .where("id", "=", key.id)
      .execute();
  }
  const units = await db
    .selectFrom("user_units")
    .select("unit_id")
    .where("province_id", "=", row.province_id)
    .where("user_id", "=", row.id)
    .execute();
  return {
    id: row.id,
    provinceId: row.province_id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    role: row.role,
    unitIds: units.map((u) => u.unit_id),
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
  };
}

export async function endSession(db: Queryable, provinceId: number, sessionId: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ ended_at: new Date() })
    .where("province_id", "=", provinceId)
    .where("id", "=", sessionId)
    .execute();
}

/** Ends every session of a user (password changed, account disabled). */
export async function endUserSessions(db: Queryable, provinceId: number, userId: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ ended_at: new Date() })
    .where("province_id", "=", provinceId)
    .where("user_id", "=", userId)
    .where("ended_at", "is", null)
    .execute();
}
