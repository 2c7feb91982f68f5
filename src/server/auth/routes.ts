import { deleteCookie, setCookie } from "hono/cookie";
import { sql } from "kysely";
import { z } from "zod";
import { formatDateTime } from "../../domain/format.ts";
import { HttpError } from "../http/errors.ts";
import { anonymousCsrfToken, isSecureRequest } from "../http/middleware.ts";
import { type AuthUser, type RequestContext, route } from "../http/route.ts";
import { type Action, POLICY, ROLE_LABELS, type Scope, scopeFor } from "../policy.ts";
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { createSession, endSession, endUserSessions, SESSION_COOKIE } from "./sessions.ts";
import { addressBlocked, clearFailures, LOCK_MINUTES, MAX_FAILED_LOGINS, noteFailure } from "./throttle.ts";

const WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng.";

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  role: z.string(),
  roleLabel: z.string(),
  provinceId: z.number(),
  provinceName: z.string(),
  unitIds: z.array(z.string()),
  /** The actions this user may perform, with their scope: the browser shows only what is allowed. */
  permissions: z.record(z.string(), z.enum(["province", "units", "self"])),
});
export type Me = z.infer<typeof Me>;

async function presentMe(ctx: RequestContext, user: AuthUser): Promise<Me> {
  const province = await ctx.db.selectFrom("provinces").select("name").where("id", "=", user.provinceId).executeTakeFirst();
  const permissions: Record<string, Scope> = {};
  for (const action of Object.keys(POLICY) as Action[]) {
    const scope = scopeFor(user.role, action);
    if (scope) permissions[action] = scope;
  }
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    provinceId: user.provinceId,
    provinceName: province?.name ?? "",
    unitIds: user.unitIds,
    permissions,
  };
}

const SessionResponse = z.object({ user: Me.nullable(), csrfToken: z.string() });

export const authRoutes = [
  route({
    method: "get",
    path: "/api/session",
    access: "public",
    summary: "Phiên làm việc hiện tại và mã chống giả mạo yêu cầu (CSRF)",
    tags: ["Đăng nhập"],
    response: SessionResponse,
    handler: async (ctx) => {
      const user = ctx.user;
      if (user) return { user: await presentMe(ctx, user), csrfToken: user.csrfToken };
      return { user: null, csrfToken: anonymousCsrfToken(ctx.hono) };
    },
  }),

  route({
    method: "post",
    path: "/api/auth/login",
    access: "public",
    summary: "Đăng nhập",
    tags: ["Đăng nhập"],
    body: z.strictObject({
      username: z.string().trim().min(1, { error: "Hãy nhập tên đăng nhập." }).max(100),
      password: z.string().min(1, { error: "Hãy nhập mật khẩu." }).max(200),
    }),
    response: SessionResponse,
    handler: async (ctx, { body }) => {
      const address = ctx.ip ?? "không rõ";
      if (addressBlocked(address)) {
        throw new HttpError(429, "too_many_attempts", "Có quá nhiều lần đăng nhập sai từ máy này. Hãy thử lại sau ít phút.");
      }
      const user = await ctx.db
        .selectFrom("users")
        .selectAll()
        .where(sql<string>`lower(username)`, "=", body.username.toLowerCase())
        .executeTakeFirst();
      if (!user || user.disabled_at) {
        await burnPasswordCheck(body.password);
        noteFailure(address);
        throw new HttpError(401, "wrong_credentials", WRONG_CREDENTIALS);
      }
      const actor = { id: user.id, name: user.full_name };
      const now = new Date();
      if (user.locked_until && user.locked_until > now) {
        noteFailure(address);
        throw new HttpError(
          423,
          "locked",
          `Tài khoản đang tạm khóa do đăng nhập sai nhiều lần, đến ${formatDateTime(user.locked_until)}. Hãy thử lại sau hoặc liên hệ quản trị hệ thống.`,
        );
      }
      if (!(await verifyPassword(user.password_hash, body.password))) {
        noteFailure(address);
        const failures = user.failed_logins + 1;
        const lock = failures >= MAX_FAILED_LOGINS;
        const lockedUntil = lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
        await ctx.transaction(async (tx, audit) => {
          await tx
            .updateTable("users")
            .set({ failed_logins: lock ? 0 : failures, locked_until: lockedUntil })
            .where("province_id", "=", user.province_id)
            .where("id", "=", user.id)
            .execute();
          await audit({
            provinceId: user.province_id,
            actor,
            action: lock ? "auth.locked" : "auth.login_failed",
            objectType: "user",
            objectId: user.id,
            after: { failedLogins: failures, lockedUntil },
          });
        });
        if (lock) {
          throw new HttpError(
            423,
            "locked",
            `Đăng nhập sai ${MAX_FAILED_LOGINS} lần: tài khoản bị tạm khóa ${LOCK_MINUTES} phút. Liên hệ quản trị hệ thống nếu cần mở sớm.`,
          );
        }
        throw new HttpError(401, "wrong_credentials", WRONG_CREDENTIALS);
      }
      clearFailures(address);
      const session = await ctx.transaction(async (tx, audit) => {
        await tx
          .updateTable("users")
          .set({ failed_logins: 0, locked_until: null })
          .where("province_id", "=", user.province_id)
          .where("id", "=", user.id)
          .execute();
        const created = await createSession(tx, ctx.config, {
          provinceId: user.province_id,
          userId: user.id,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
        });
        await audit({ provinceId: user.province_id, actor, action: "auth.login", objectType: "user", objectId: user.id });
        return created;
      });
      setCookie(ctx.hono, SESSION_COOKIE, session.cookieValue, {
        httpOnly: true,
        sameSite: "Lax",
        path: "/",
        secure: isSecureRequest(ctx.hono, ctx.config.secureCookies),
        expires: session.expiresAt,
      });
      const units = await ctx.db
        .selectFrom("user_units")
        .select("unit_id")
        .where("province_id", "=", user.province_id)
        .where("user_id", "=", user.id)
        .execute();
      const authUser: AuthUser = {
        id: user.id,
        provinceId: user.province_id,
        username: user.username,
        fullName: user.full_name,
        email: user.email,
        role: user.role as AuthUser["role"],
        unitIds: units.map((u) => u.unit_id),
        sessionId: "",
        csrfToken: session.csrfToken,
      };
      return { user: await presentMe(ctx, authUser), csrfToken: session.csrfToken };
    },
  }),

  route({
    method: "post",
    path: "/api/auth/logout",
    access: "signed-in",
    summary: "Đăng xuất",
    tags: ["Đăng nhập"],
    handler: async (ctx) => {
      await ctx.transaction(async (tx, audit) => {
        await endSession(tx, ctx.user.provinceId, ctx.user.sessionId);
        await audit({ action: "auth.logout", objectType: "user", objectId: ctx.user.id });
      });
      deleteCookie(ctx.hono, SESSION_COOKIE, { path: "/" });
      return undefined;
    },
  }),

  route({
    method: "post",
    path: "/api/account/password",
    access: "account.update",
    summary: "Đổi mật khẩu của chính mình",
    tags: ["Đăng nhập"],
    body: z.strictObject({
      currentPassword: z.string().min(1, { error: "Hãy nhập mật khẩu hiện tại." }).max(200),
      newPassword: z.string().max(200),
    }),
    handler: async (ctx, { body }) => {
      const row = await ctx.db
        .selectFrom("users")
        .select(["password_hash", "username"])
        .where("province_id", "=", ctx.user.provinceId)
        .where("id", "=", ctx.user.id)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(row.password_hash, body.currentPassword))) {
        throw new HttpError(400, "wrong_password", "Mật khẩu hiện tại không đúng.");
      }
      const problem = passwordProblem(body.newPassword, row.username);
      if (problem) throw new HttpError(400, "weak_password", problem);
      const hash = await hashPassword(body.newPassword);
      await ctx.transaction(async (tx, audit) => {
        await tx
          .updateTable("users")
          .set({ password_hash: hash, updated_at: new Date(), version: sql`version + 1` })
          .where("province_id", "=", ctx.user.provinceId)
          .where("id", "=", ctx.user.id)
          .execute();
        // Other devices signed in with the old password are signed out; this one stays.
        await endUserSessions(tx, ctx.user.provinceId, ctx.user.id);
        await tx
          .updateTable("sessions")
          .set({ ended_at: null })
          .where("province_id", "=", ctx.user.provinceId)
          .where("id", "=", ctx.user.sessionId)
          .execute();
        await audit({ action: "account.password_changed", objectType: "user", objectId: ctx.user.id });
      });
      return undefined;
    },
  }),
];
