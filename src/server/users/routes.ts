import { sql } from "kysely";
import { z } from "zod";
import type { UserList, UserView } from "../../domain/api/users.ts";
import { NewUserBody, PasswordBody, UserEditBody } from "../../domain/api/users-input.ts";
import { viCollator } from "../../domain/format.ts";
import { hashPassword, passwordProblem } from "../auth/passwords.ts";
import { endUserSessions } from "../auth/sessions.ts";
import type { Queryable } from "../db/schema.ts";
import { HttpError, notFound, staleEdit } from "../http/errors.ts";
import { type RequestContext, route } from "../http/route.ts";
import { newId } from "../ids.ts";
import { ROLE_LABELS, ROLES, type Role } from "../policy.ts";
import { reachableUnitIds } from "../units/scope.ts";

const userId = z.uuid({ error: "Mã người dùng không hợp lệ." });

async function listUsers(db: Queryable, provinceId: number, ids?: string[]): Promise<UserView<Date>[]> {
  let q = db.selectFrom("users").selectAll().where("province_id", "=", provinceId);
  if (ids) {
    if (!ids.length) return [];
    q = q.where("id", "in", ids);
  }
  const rows = await q.execute();
  const links = await db.selectFrom("user_units").select(["user_id", "unit_id"]).where("province_id", "=", provinceId).execute();
  const unitsOf = new Map<string, string[]>();
  for (const l of links) unitsOf.set(l.user_id, [...(unitsOf.get(l.user_id) ?? []), l.unit_id]);
  const now = Date.now();
  return rows
    .map((r) => ({
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      email: r.email,
      role: r.role as Role,
      roleLabel: ROLE_LABELS[r.role as Role] ?? r.role,
      unitIds: unitsOf.get(r.id) ?? [],
      disabled: r.disabled_at !== null,
      locked: r.locked_until !== null && r.locked_until.getTime() > now,
      lockedUntil: r.locked_until,
      version: r.version,
      createdAt: r.created_at,
    }))
    .sort((a, b) => viCollator.compare(a.fullName, b.fullName));
}

/** A user the caller may see, or 404: a unit leader sees only people of their own units. */
async function visibleUser(ctx: RequestContext, id: string): Promise<UserView<Date>> {
  const [user] = await listUsers(ctx.db, ctx.user!.provinceId, [id]);
  if (!user) throw notFound("Không tìm thấy người dùng.");
  const reach = await reachableUnitIds(ctx.db, ctx.user!, ctx.scope);
  if (reach && !user.unitIds.some((u) => reach.has(u)) && user.id !== ctx.user!.id) throw notFound("Không tìm thấy người dùng.");
  return user;
}

async function assertUnitsExist(db: Queryable, provinceId: number, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await db.selectFrom("units").select("id").where("province_id", "=", provinceId).where("id", "in", ids).execute();
  if (found.length !== new Set(ids).size) throw new HttpError(400, "unknown_unit", "Có đơn vị không tồn tại trong tỉnh.");
}

async function setUnits(ctx: RequestContext, tx: Queryable, id: string, ids: string[]): Promise<void> {
  const p = ctx.user!.provinceId;
  await tx.deleteFrom("user_units").where("province_id", "=", p).where("user_id", "=", id).execute();
  if (ids.length) await tx.insertInto("user_units").values([...new Set(ids)].map((u) => ({ province_id: p, user_id: id, unit_id: u }))).execute();
}

/** PostgreSQL's code for a broken unique index. */
const UNIQUE_VIOLATION = "23505";

export const userRoutes = [
  route({
    method: "get",
    path: "/api/users",
    access: "users.read",
    summary: "Danh sách người dùng",
    tags: ["Người dùng"],
    query: z.strictObject({
      q: z.string().trim().max(100).optional(),
      role: z.enum(ROLES).optional(),
      unitId: z.uuid().optional(),
      includeDisabled: z.enum(["true", "false"]).optional(),
    }),
    handler: async (ctx, { query }): Promise<UserList<Date>> => {
      const reach = await reachableUnitIds(ctx.db, ctx.user, ctx.scope);
      const q = query.q?.toLocaleLowerCase("vi");
      const users = (await listUsers(ctx.db, ctx.user.provinceId)).filter(
        (u) =>
          (!reach || u.unitIds.some((id) => reach.has(id))) &&
          (query.includeDisabled === "true" || !u.disabled) &&
          (!query.role || u.role === query.role) &&
          (!query.unitId || u.unitIds.includes(query.unitId)) &&
          (!q || u.fullName.toLocaleLowerCase("vi").includes(q) || u.username.toLowerCase().includes(q)),
      );
      return { users };
    },
  }),

  route({
    method: "get",
    path: "/api/users/:id",
    access: "users.read",
    summary: "Một người dùng",
    tags: ["Người dùng"],
    params: z.strictObject({ id: userId }),
    handler: async (ctx, { params }) => visibleUser(ctx, params.id),
  }),

  route({
    method: "post",
    path: "/api/users",
    access: "users.write",
    summary: "Tạo người dùng",
    tags: ["Người dùng"],
    body: NewUserBody,
    handler: async (ctx, { body }) => {
      const problem = passwordProblem(body.password, body.username);
      if (problem) throw new HttpError(400, "weak_password", problem);
      if ((body.role === "unit_leader" || body.role === "unit_staff") && !body.unitIds.length) {
        throw new HttpError(400, "unit_required", "Lãnh đạo và chuyên viên đơn vị phải thuộc ít nhất một đơn vị.");
      }
      await assertUnitsExist(ctx.db, ctx.user.provinceId, body.unitIds);
      const duplicate = () => new HttpError(409, "duplicate", `Tên đăng nhập "${body.username}" đã được dùng.`);
      const taken = await ctx.db.selectFrom("users").select("id").where(sql<string>`lower(username)`, "=", body.username.toLowerCase()).executeTakeFirst();
      if (taken) throw duplicate();
      const id = newId();
      const hash = await hashPassword(body.password);
      await ctx.transaction(async (tx, audit) => {
        // Two administrators creating the same name at once: the unique index decides, the loser gets the same answer.
        await tx
          .insertInto("users")
          .values({ province_id: ctx.user.provinceId, id, username: body.username, full_name: body.fullName, email: body.email, role: body.role, password_hash: hash })
          .execute()
          .catch((e: unknown) => {
            throw (e as { code?: string }).code === UNIQUE_VIOLATION ? duplicate() : e;
          });
        await setUnits(ctx, tx, id, body.unitIds);
        const { password: _, ...after } = body;
        await audit({ action: "user.create", objectType: "user", objectId: id, after });
      });
      return visibleUser(ctx, id);
    },
  }),

  route({
    method: "patch",
    path: "/api/users/:id",
    access: "users.write",
    summary: "Sửa người dùng (họ tên, thư, vai trò, đơn vị, khóa/mở)",
    tags: ["Người dùng"],
    params: z.strictObject({ id: userId }),
    body: UserEditBody,
    handler: async (ctx, { params, body }) => {
      const before = await visibleUser(ctx, params.id);
      if (before.version !== body.version) throw staleEdit(before);
      if (body.unitIds) await assertUnitsExist(ctx.db, ctx.user.provinceId, body.unitIds);
      if (params.id === ctx.user.id && (body.disabled || (body.role && body.role !== "admin"))) {
        throw new HttpError(400, "self_lockout", "Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.");
      }
      await ctx.transaction(async (tx, audit) => {
        const updated = await tx
          .updateTable("users")
          .set({
            ...(body.fullName ? { full_name: body.fullName } : {}),
            ...(body.email !== undefined ? { email: body.email } : {}),
            ...(body.role ? { role: body.role } : {}),
            ...(body.disabled !== undefined ? { disabled_at: body.disabled ? new Date() : null } : {}),
            version: sql`version + 1`,
            updated_at: new Date(),
          })
          .where("province_id", "=", ctx.user.provinceId)
          .where("id", "=", params.id)
          .where("version", "=", body.version)
          .returning("id")
          .executeTakeFirst();
        if (!updated) throw staleEdit(await visibleUser(ctx, params.id));
        if (body.unitIds) await setUnits(ctx, tx, params.id, body.unitIds);
        if (body.disabled || body.role) await endUserSessions(tx, ctx.user.provinceId, params.id);
        const { version: _, ...after } = body;
        await audit({ action: "user.update", objectType: "user", objectId: params.id, before, after });
      });
      return visibleUser(ctx, params.id);
    },
  }),

  route({
    method: "post",
    path: "/api/users/:id/password",
    access: "users.write",
    summary: "Đặt lại mật khẩu cho người dùng",
    tags: ["Người dùng"],
    params: z.strictObject({ id: userId }),
    body: PasswordBody,
    handler: async (ctx, { params, body }) => {
      const user = await visibleUser(ctx, params.id);
      const problem = passwordProblem(body.newPassword, user.username);
      if (problem) throw new HttpError(400, "weak_password", problem);
      const hash = await hashPassword(body.newPassword);
      await ctx.transaction(async (tx, audit) => {
        await tx
          .updateTable("users")
          .set({ password_hash: hash, failed_logins: 0, locked_until: null, version: sql`version + 1`, updated_at: new Date() })
          .where("province_id", "=", ctx.user.provinceId)
          .where("id", "=", params.id)
          .execute();
        await endUserSessions(tx, ctx.user.provinceId, params.id);
        await audit({ action: "user.password_reset", objectType: "user", objectId: params.id });
      });
      return undefined;
    },
  }),

  route({
    method: "post",
    path: "/api/users/:id/unlock",
    access: "users.write",
    summary: "Mở khóa tài khoản bị tạm khóa do đăng nhập sai",
    tags: ["Người dùng"],
    params: z.strictObject({ id: userId }),
    handler: async (ctx, { params }) => {
      await visibleUser(ctx, params.id);
      await ctx.transaction(async (tx, audit) => {
        await tx
          .updateTable("users")
          .set({ failed_logins: 0, locked_until: null, version: sql`version + 1`, updated_at: new Date() })
          .where("province_id", "=", ctx.user.provinceId)
          .where("id", "=", params.id)
          .execute();
        await audit({ action: "user.unlock", objectType: "user", objectId: params.id });
      });
      return visibleUser(ctx, params.id);
    },
  }),
];
