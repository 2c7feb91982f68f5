import { z } from "zod";
import type { SplitResult, UnitDetail, UnitTree } from "../../domain/api/units.ts";
import { ChangeBody, CorrectionBody, CreateUnitBody, MergeBody, SplitBody, unitId } from "../../domain/api/units-input.ts";
import { todayInVietnam } from "../../domain/format.ts";
import { isoDate } from "../../domain/schemas.ts";
import { validOn } from "../../domain/units.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { route } from "../http/route.ts";
import {
  changeFrom,
  correctVersion,
  createUnit,
  endUnit,
  insertUnit,
  recordChange,
  unitChanges,
  unitsAsOf,
  unitVersions,
} from "./queries.ts";
import { exportTree, importTreeFile, treeToXlsx } from "./transfer.ts";

async function unitDetail(db: Parameters<typeof unitVersions>[0], provinceId: number, id: string): Promise<UnitDetail<Date>> {
  const unit = await db.selectFrom("units").selectAll().where("province_id", "=", provinceId).where("id", "=", id).executeTakeFirst();
  if (!unit) throw notFound("Không tìm thấy đơn vị.");
  const versions = await unitVersions(db, provinceId, id);
  const parentIds = [...new Set(versions.map((v) => v.parentId).filter((p): p is string => !!p))];
  // One query for every version of every parent; each of the unit's periods is named with
  // the parent's name on the day the period began.
  const parentVersions = parentIds.length
    ? await db
        .selectFrom("unit_versions")
        .select(["unit_id", "valid_from", "valid_to", "name"])
        .where("province_id", "=", provinceId)
        .where("unit_id", "in", parentIds)
        .execute()
    : [];
  const parentNameOn = (parentId: string, day: string) =>
    parentVersions.find((p) => p.unit_id === parentId && validOn(day, p.valid_from, p.valid_to))?.name ?? "";
  return {
    unit: { id: unit.id, code: unit.code, createdAt: unit.created_at },
    versions: versions.map((v) => ({ ...v, parentName: v.parentId ? parentNameOn(v.parentId, v.validFrom) : null })),
    changes: await unitChanges(db, provinceId, id),
    parentIds,
  };
}

export const unitRoutes = [
  route({
    method: "get",
    path: "/api/units",
    access: "units.read",
    summary: "Cây tổ chức vào một ngày (mặc định hôm nay)",
    tags: ["Tổ chức bộ máy"],
    query: z.strictObject({ asOf: isoDate.optional() }),
    handler: async (ctx, { query }): Promise<UnitTree> => {
      const asOf = query.asOf ?? todayInVietnam();
      return { asOf, units: await unitsAsOf(ctx.db, ctx.user.provinceId, asOf) };
    },
  }),

  route({
    method: "get",
    path: "/api/units/export",
    access: "units.export",
    summary: "Xuất cây tổ chức (toàn bộ lịch sử) ra JSON hoặc Excel",
    tags: ["Tổ chức bộ máy"],
    query: z.strictObject({ format: z.enum(["json", "xlsx"]).default("json") }),
    handler: async (ctx, { query }) => {
      const tree = await exportTree(ctx.db, ctx.user.provinceId);
      const stamp = todayInVietnam();
      if (query.format === "json") {
        return new Response(JSON.stringify(tree, null, 2), {
          headers: {
            "content-type": "application/json; charset=utf-8",
            "content-disposition": `attachment; filename="co-cau-to-chuc-${stamp}.json"`,
          },
        });
      }
      const bytes = await treeToXlsx(tree);
      return new Response(bytes, {
        headers: {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": `attachment; filename="co-cau-to-chuc-${stamp}.xlsx"`,
        },
      });
    },
  }),

  route({
    method: "post",
    path: "/api/units/import",
    access: "units.write",
    summary: "Nhập cây tổ chức từ tệp JSON hoặc Excel (chỉ thêm, không xóa)",
    tags: ["Tổ chức bộ máy"],
    body: "multipart",
    handler: async (ctx) => {
      const form = await ctx.hono.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw new HttpError(400, "no_file", "Hãy chọn tệp cần nhập (.json hoặc .xlsx).");
      const bytes = new Uint8Array(await file.arrayBuffer());
      return ctx.transaction((tx, audit) => importTreeFile(tx, ctx.user.provinceId, file.name, bytes, audit, ctx.user.id));
    },
  }),

  route({
    method: "get",
    path: "/api/units/:id",
    access: "units.read",
    summary: "Một đơn vị: các giai đoạn hiệu lực và các lần thay đổi",
    tags: ["Tổ chức bộ máy"],
    params: z.strictObject({ id: unitId }),
    handler: async (ctx, { params }) => unitDetail(ctx.db, ctx.user.provinceId, params.id),
  }),

  route({
    method: "post",
    path: "/api/units",
    access: "units.write",
    summary: "Thêm đơn vị mới có hiệu lực từ một ngày",
    tags: ["Tổ chức bộ máy"],
    body: CreateUnitBody,
    handler: async (ctx, { body }) => {
      const id = await ctx.transaction(async (tx, audit) => {
        const id = await createUnit(tx, ctx.user.provinceId, body.code, {
          validFrom: body.validFrom,
          parentId: body.parentId,
          kind: body.kind,
          name: body.name,
          shortName: body.shortName,
          aliases: body.aliases,
        });
        await audit({ action: "unit.create", objectType: "unit", objectId: id, after: body });
        return id;
      });
      return unitDetail(ctx.db, ctx.user.provinceId, id);
    },
  }),

  route({
    method: "patch",
    path: "/api/units/:id/versions/:validFrom",
    access: "units.write",
    summary: "Sửa lỗi một giai đoạn hiệu lực (không tạo giai đoạn mới)",
    tags: ["Tổ chức bộ máy"],
    params: z.strictObject({ id: unitId, validFrom: isoDate }),
    body: CorrectionBody,
    handler: async (ctx, { params, body }) => {
      const { version, ...fields } = body;
      await ctx.transaction(async (tx, audit) => {
        const result = await correctVersion(tx, ctx.user.provinceId, params.id, params.validFrom, version, fields);
        await audit({ action: "unit.correct", objectType: "unit", objectId: params.id, before: result.before, after: result.after });
      });
      return unitDetail(ctx.db, ctx.user.provinceId, params.id);
    },
  }),

  route({
    method: "post",
    path: "/api/units/:id/changes",
    access: "units.write",
    summary: "Ghi nhận thay đổi từ một ngày: đổi tên, chuyển trực thuộc, sửa thông tin, giải thể",
    tags: ["Tổ chức bộ máy"],
    params: z.strictObject({ id: unitId }),
    body: ChangeBody,
    handler: async (ctx, { params, body }) => {
      const p = ctx.user.provinceId;
      await ctx.transaction(async (tx, audit) => {
        let before: unknown;
        let after: unknown;
        if (body.kind === "abolish") {
          const r = await endUnit(tx, p, params.id, body.effective, body.moveChildrenTo);
          before = r.before;
          after = { validTo: body.effective, movedChildren: r.movedChildren, moveChildrenTo: body.moveChildrenTo };
        } else {
          const fields =
            body.kind === "rename"
              ? {
                  name: body.name,
                  ...(body.shortName !== undefined ? { shortName: body.shortName } : {}),
                  ...(body.aliases ? { aliases: body.aliases } : {}),
                }
              : body.kind === "move"
                ? { parentId: body.parentId }
                : {
                    ...(body.unitKind ? { kind: body.unitKind } : {}),
                    ...(body.shortName !== undefined ? { shortName: body.shortName } : {}),
                    ...(body.aliases ? { aliases: body.aliases } : {}),
                  };
          const r = await changeFrom(tx, p, params.id, body.effective, fields);
          before = r.before;
          after = r.after;
        }
        await recordChange(tx, p, {
          effective: body.effective,
          kind: body.kind,
          note: body.note,
          from: [params.id],
          to: body.kind === "abolish" ? [] : [params.id],
          createdBy: ctx.user.id,
        });
        await audit({ action: `unit.${body.kind}`, objectType: "unit", objectId: params.id, before, after, reason: body.note });
      });
      return unitDetail(ctx.db, p, params.id);
    },
  }),

  route({
    method: "post",
    path: "/api/units/merge",
    access: "units.write",
    summary: "Hợp nhất, sáp nhập các đơn vị từ một ngày",
    tags: ["Tổ chức bộ máy"],
    body: MergeBody,
    handler: async (ctx, { body }) => {
      const p = ctx.user.provinceId;
      const targetId = await ctx.transaction(async (tx, audit) => {
        let targetId: string;
        if ("create" in body.target) {
          const c = body.target.create;
          targetId = await insertUnit(tx, p, c.code, {
            validFrom: body.effective,
            parentId: c.parentId,
            kind: c.kind,
            name: c.name,
            shortName: c.shortName,
            aliases: c.aliases,
          });
        } else {
          targetId = body.target.existingId;
          if (body.target.rename) await changeFrom(tx, p, targetId, body.effective, body.target.rename);
        }
        const ended = body.fromIds.filter((id) => id !== targetId);
        if (!ended.length) throw new HttpError(400, "nothing_to_merge", "Hãy chọn ít nhất một đơn vị khác đơn vị tiếp nhận.");
        for (const id of ended) await endUnit(tx, p, id, body.effective, targetId);
        await recordChange(tx, p, { effective: body.effective, kind: "merge", note: body.note, from: body.fromIds, to: [targetId], createdBy: ctx.user.id });
        await audit({ action: "unit.merge", objectType: "unit", objectId: targetId, after: body, reason: body.note });
        return targetId;
      });
      return unitDetail(ctx.db, p, targetId);
    },
  }),

  route({
    method: "post",
    path: "/api/units/split",
    access: "units.write",
    summary: "Chia tách một đơn vị thành các đơn vị mới từ một ngày",
    tags: ["Tổ chức bộ máy"],
    body: SplitBody,
    handler: async (ctx, { body }): Promise<SplitResult> => {
      const p = ctx.user.provinceId;
      const ids = await ctx.transaction(async (tx, audit) => {
        const created = new Map<string, string>();
        for (const u of body.into) {
          created.set(u.code, await insertUnit(tx, p, u.code, { validFrom: body.effective, parentId: u.parentId, kind: u.kind, name: u.name, shortName: u.shortName, aliases: u.aliases }));
        }
        if (body.endSource) {
          const heir = body.childrenTo ? created.get(body.childrenTo) : null;
          if (body.childrenTo && !heir) throw new HttpError(400, "unknown_heir", "Đơn vị tiếp nhận đơn vị trực thuộc phải là một trong các đơn vị mới.");
          await endUnit(tx, p, body.fromId, body.effective, heir ?? null);
        }
        const ids = [...created.values()];
        await recordChange(tx, p, { effective: body.effective, kind: "split", note: body.note, from: [body.fromId], to: ids, createdBy: ctx.user.id });
        await audit({ action: "unit.split", objectType: "unit", objectId: body.fromId, after: body, reason: body.note });
        return ids;
      });
      return { created: ids };
    },
  }),
];
