import { z } from "zod";
import type { AuditLog } from "../../domain/api/audit.ts";
import { addDays } from "../../domain/format.ts";
import { isoDate } from "../../domain/schemas.ts";
import { route } from "../http/route.ts";
import { verifyAudit } from "./audit.ts";

/** Midnight of a calendar day in Vietnam (UTC+7, no daylight saving), as an instant. */
function startOfVietnamDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

export const auditRoutes = [
  route({
    method: "get",
    path: "/api/audit",
    access: "audit.read",
    summary: "Nhật ký thay đổi (mới nhất trước), lọc theo đối tượng",
    tags: ["Nhật ký"],
    query: z.strictObject({
      objectType: z.string().max(50).optional(),
      objectId: z.string().max(100).optional(),
      /** Actions starting with this ("directive." for every action on directives). */
      action: z.string().max(80).optional(),
      actorId: z.uuid().optional(),
      /** Calendar days in Vietnam, both included. */
      from: isoDate.optional(),
      to: isoDate.optional(),
      before: z.coerce.number().int().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    handler: async (ctx, { query }): Promise<AuditLog<Date>> => {
      let q = ctx.db
        .selectFrom("audit_log")
        .select(["seq", "at", "actor_id", "actor_name", "action", "object_type", "object_id", "before", "after", "reason", "ip"])
        .where("province_id", "=", ctx.user.provinceId);
      if (query.objectType) q = q.where("object_type", "=", query.objectType);
      if (query.objectId) q = q.where("object_id", "=", query.objectId);
      if (query.action) q = q.where("action", "like", `${query.action.replace(/[\\%_]/g, "\\$&")}%`);
      if (query.actorId) q = q.where("actor_id", "=", query.actorId);
      if (query.from) q = q.where("at", ">=", startOfVietnamDay(query.from));
      if (query.to) q = q.where("at", "<", startOfVietnamDay(addDays(query.to, 1)));
      if (query.before) q = q.where("seq", "<", query.before);
      const rows = await q.orderBy("seq", "desc").limit(query.limit).execute();
      return {
        entries: rows.map((r) => ({
          seq: Number(r.seq),
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          before: r.before,
          after: r.after,
          reason: r.reason,
          ip: r.ip,
        })),
      };
    },
  }),
  route({
    method: "get",
    path: "/api/audit/verify",
    access: "audit.read",
    summary: "Kiểm tra tính toàn vẹn của chuỗi nhật ký",
    tags: ["Nhật ký"],
    handler: async (ctx) => verifyAudit(ctx.db, { provinceId: ctx.user.provinceId }),
  }),
];
