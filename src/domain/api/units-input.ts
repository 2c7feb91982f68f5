import { z } from "zod";
import { isoDate } from "../schemas.ts";
import { UNIT_KINDS } from "../units.ts";

// What the browser sends to the organisation-tree API: the schemas the server validates with
// (src/server/units/routes.ts; unknown fields are refused, messages are Vietnamese), and at the
// end the bodies' types as the browser writes them (z.input, under their schemas' names). Pure
// — zod and the tree's vocabulary only — so both sides import it.

export const unitId = z.uuid({ error: "Mã đơn vị không hợp lệ." });
const code = z
  .string()
  .trim()
  .min(1, { error: "Hãy nhập mã đơn vị." })
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, { error: "Mã đơn vị chỉ gồm chữ, số và các dấu . _ -" });
const name = z.string().trim().min(1, { error: "Hãy nhập tên đơn vị." }).max(300);
const shortName = z.string().trim().max(100).nullable();
const aliases = z.array(z.string().trim().min(1).max(300)).max(50);
const note = z.string().trim().max(2000).nullable().default(null);

/** A new unit as it starts: code, kind, names and parent. */
export const NewUnit = z.strictObject({
  code,
  kind: z.enum(UNIT_KINDS),
  name,
  shortName: shortName.default(null),
  aliases: aliases.default([]),
  parentId: unitId.nullable().default(null),
});

/** POST /api/units: a new unit, valid from a day. */
export const CreateUnitBody = NewUnit.extend({ validFrom: isoDate });

/** POST /api/units/:id/changes: a change from a day (rename, move, edit, abolish). */
export const ChangeBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("rename"), effective: isoDate, name, shortName: shortName.optional(), aliases: aliases.optional(), note }),
  z.strictObject({ kind: z.literal("move"), effective: isoDate, parentId: unitId.nullable(), note }),
  z.strictObject({
    kind: z.literal("edit"),
    effective: isoDate,
    unitKind: z.enum(UNIT_KINDS).optional(),
    shortName: shortName.optional(),
    aliases: aliases.optional(),
    note,
  }),
  z.strictObject({ kind: z.literal("abolish"), effective: isoDate, moveChildrenTo: unitId.nullable().default(null), note }),
]);

/** PATCH /api/units/:id/versions/:validFrom: a correction of one period (no new period). */
export const CorrectionBody = z.strictObject({
  version: z.number().int().min(1),
  name: name.optional(),
  shortName: shortName.optional(),
  aliases: aliases.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  parentId: unitId.nullable().optional(),
});

/** POST /api/units/merge */
export const MergeBody = z.strictObject({
  effective: isoDate,
  fromIds: z.array(unitId).min(1, { error: "Hãy chọn các đơn vị được hợp nhất." }).max(200),
  target: z.union([z.strictObject({ existingId: unitId, rename: z.strictObject({ name, shortName: shortName.default(null), aliases: aliases.default([]) }).optional() }), z.strictObject({ create: NewUnit })]),
  note,
});

/** POST /api/units/split */
export const SplitBody = z.strictObject({
  effective: isoDate,
  fromId: unitId,
  into: z.array(NewUnit).min(1).max(50),
  /** Whether the split unit ends; false when new units are carved out of a unit that continues. */
  endSource: z.boolean().default(true),
  /** Code of the new unit that takes over the units under the split one. */
  childrenTo: code.nullable().default(null),
  note,
});

// ---------------------------------------------------------------------------
// The bodies as the browser writes them, under their schemas' names

export type NewUnit = z.input<typeof NewUnit>;
export type CreateUnitBody = z.input<typeof CreateUnitBody>;
export type ChangeBody = z.input<typeof ChangeBody>;
export type CorrectionBody = z.input<typeof CorrectionBody>;
export type MergeBody = z.input<typeof MergeBody>;
export type SplitBody = z.input<typeof SplitBody>;
