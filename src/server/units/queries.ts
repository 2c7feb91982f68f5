import { sql } from "kysely";
import type { UnitChangeView, UnitVersion } from "../../domain/api/units.ts";
import { addDays } from "../../domain/format.ts";
import { type UnitChangeKind, type UnitKind, type UnitSlice } from "../../domain/units.ts";
import type { Queryable, Tx } from "../db/schema.ts";
import { HttpError, notFound, staleEdit } from "../http/errors.ts";
import { newId } from "../ids.ts";

// The dated organisation tree. A unit's identity (units) never changes; each row of
// unit_versions says what the unit was called, what kind it was and whom it reported
// to over [valid_from, valid_to). Changes close the version in force on their date and
// open the next one; nothing is deleted, so the tree of any past date stays answerable.

function toSlice(r: {
  id: string;
  code: string;
  kind: string;
  parent_id: string | null;
  name: string;
  short_name: string | null;
  aliases: string[];
  valid_from: string;
  valid_to: string | null;
}): UnitSlice {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as UnitKind,
    parentId: r.parent_id,
    name: r.name,
    shortName: r.short_name,
    aliases: r.aliases,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

function slicesQuery(db: Queryable, provinceId: number) {
  return db
    .selectFrom("unit_versions as v")
    .innerJoin("units as u", (j) => j.onRef("u.province_id", "=", "v.province_id").onRef("u.id", "=", "v.unit_id"))
    .select(["u.id", "u.code", "v.kind", "v.parent_id", "v.name", "v.short_name", "v.aliases", "v.valid_from", "v.valid_to"])
    .where("v.province_id", "=", provinceId);
}

/** Every unit as it was on `day`: its name, kind and parent then. */
export async function unitsAsOf(db: Queryable, provinceId: number, day: string): Promise<UnitSlice[]> {
  const rows = await slicesQuery(db, provinceId)
    .where("v.valid_from", "<=", day)
    .where((eb) => eb.or([eb("v.valid_to", "is", null), eb("v.valid_to", ">", day)]))
    .execute();
  return rows.map(toSlice);
}

/**
 * Units' names on `day`: the name in force then; a unit gone by then keeps its last name, and one
 * not created yet is called by its first.
 */
export async function unitNamesOn(db: Queryable, provinceId: number, ids: Iterable<string>, day: string): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom("unit_versions")
    .select(["unit_id", "name", "valid_from"])
    .where("province_id", "=", provinceId)
    .where("unit_id", "in", wanted)
    .orderBy("valid_from")
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    if (!out.has(r.unit_id) || r.valid_from <= day) out.set(r.unit_id, r.name);
  }
  return out;
}

/** Every version of every unit: the extractor matches names of any date against it. */
export async function allUnitVersions(db: Queryable, provinceId: number): Promise<UnitSlice[]> {
  return (await slicesQuery(db, provinceId).orderBy("u.code").orderBy("v.valid_from").execute()).map(toSlice);
}

export async function findUnitByCode(db: Queryable, provinceId: number, code: string): Promise<{ id: string } | undefined> {
  return db.selectFrom("units").select("id").where("province_id", "=", provinceId).where("code", "=", code).executeTakeFirst();
}

export async function unitVersions(db: Queryable, provinceId: number, unitId: string): Promise<UnitVersion[]> {
  const rows = await db
    .selectFrom("unit_versions")
    .selectAll()
    .where("province_id", "=", provinceId)
    .where("unit_id", "=", unitId)
    .orderBy("valid_from")
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    parentId: r.parent_id,
    kind: r.kind as UnitKind,
    name: r.name,
    shortName: r.short_name,
    aliases: r.aliases,
    version: r.version,
  }));
}

/** The changes a unit took part in, with the units on each side named as they were just before and on the day. */
export async function unitChanges(db: Queryable, provinceId: number, unitId: string): Promise<UnitChangeView[]> {
  const changeIds = await db
    .selectFrom("unit_change_units")
    .select("change_id")
    .distinct()
    .where("province_id", "=", provinceId)
    .where("unit_id", "=", unitId)
    .execute();
  if (!changeIds.length) return [];
  const changes = await db
    .selectFrom("unit_changes")
    .selectAll()
    .where("province_id", "=", provinceId)
    .where(
      "id",
      "in",
      changeIds.map((c) => c.change_id),
    )
    .orderBy("effective")
    .execute();
  const links = await db
    .selectFrom("unit_change_units as l")
    .innerJoin("units as u", (j) => j.onRef("u.province_id", "=", "l.province_id").onRef("u.id", "=", "l.unit_id"))
    .innerJoin("unit_changes as c", (j) => j.onRef("c.province_id", "=", "l.province_id").onRef("c.id", "=", "l.change_id"))
    .select(["l.change_id", "l.unit_id", "l.role", "u.code", "c.effective"])
    .select((eb) =>
      eb
        .selectFrom("unit_versions as v")
        .select("v.name")
        .whereRef("v.province_id", "=", "l.province_id")
        .whereRef("v.unit_id", "=", "l.unit_id")
        // "from" units are named as they were the day before, "to" units as they are on the day.
        .where(sql<boolean>`v.valid_from <= case when l.role = 'from' then c.effective - 1 else c.effective end`)
        .orderBy("v.valid_from", "desc")
        .limit(1)
        .as("name"),
    )
    .where("l.province_id", "=", provinceId)
    .where(
      "l.change_id",
      "in",
      changes.map((c) => c.id),
    )
    .execute();
  return changes.map((c) => {
    const side = (role: "from" | "to") =>
      links
        .filter((l) => l.change_id === c.id && l.role === role)
        .map((l) => ({ id: l.unit_id, code: l.code, name: l.name ?? l.code }));
    return { id: c.id, effective: c.effective, kind: c.kind as UnitChangeKind, note: c.note, from: side("from"), to: side("to") };
  });
}

// ---------------------------------------------------------------------------
// Writes. Each takes an open transaction; callers audit.

export interface NewVersion {
  validFrom: string;
  validTo?: string | null;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  aliases: string[];
}

const OVERLAP = "23P01";
const FOREIGN_KEY = "23503";
const UNIQUE = "23505";

function pgCode(e: unknown): string | undefined {
  return (e as { code?: string })?.code;
}

/** Runs a write and turns the database's integrity errors into Vietnamese ones. */
async function guarded<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const code = pgCode(e);
    if (code === OVERLAP) throw new HttpError(409, "overlap", `${what}: các giai đoạn hiệu lực của đơn vị bị chồng lấn.`);
    if (code === UNIQUE) throw new HttpError(409, "duplicate", `${what}: mã đơn vị đã tồn tại.`);
    if (code === FOREIGN_KEY) throw new HttpError(400, "unknown_reference", `${what}: đơn vị cấp trên không tồn tại.`);
    throw e;
  }
}

/** Locks the unit row so that concurrent changes to one unit's versions queue up. */
async function lockUnit(tx: Tx, provinceId: number, unitId: string): Promise<{ code: string }> {
  const unit = await tx
    .selectFrom("units")
    .select("code")
    .where("province_id", "=", provinceId)
    .where("id", "=", unitId)
    .forUpdate()
    .executeTakeFirst();
  if (!unit) throw notFound("Không tìm thấy đơn vị.");
  return unit;
}

async function assertParentValid(tx: Tx, provinceId: number, parentId: string | null, day: string, childId?: string) {
  if (!parentId) return;
  if (parentId === childId) throw new HttpError(400, "cycle", "Đơn vị không thể trực thuộc chính nó.");
  const slices = await unitsAsOf(tx, provinceId, day);
  const byId = new Map(slices.map((s) => [s.id, s]));
  if (!byId.has(parentId)) {
    throw new HttpError(400, "parent_not_valid", "Đơn vị cấp trên không còn hiệu lực vào ngày này.");
  }
  // Walking up from the new parent must never reach the child.
  for (let p: string | null | undefined = parentId, hops = 0; p && hops < 1000; p = byId.get(p)?.parentId, hops++) {
    if (p === childId) throw new HttpError(400, "cycle", "Không thể chuyển đơn vị vào dưới chính đơn vị trực thuộc của nó.");
  }
}

export async function insertUnit(tx: Tx, provinceId: number, code: string, first: NewVersion): Promise<string> {
  const id = newId();
  await guarded(`Đơn vị "${code}"`, async () => {
    await tx.insertInto("units").values({ province_id: provinceId, id, code }).execute();
    await insertVersion(tx, provinceId, id, first);
  });
  return id;
}

async function insertVersion(tx: Tx, provinceId: number, unitId: string, v: NewVersion): Promise<void> {
  await tx
    .insertInto("unit_versions")
    .values({
      province_id: provinceId,
      unit_id: unitId,
      valid_from: v.validFrom,
      valid_to: v.validTo ?? null,
      parent_id: v.parentId,
      kind: v.kind,
      name: v.name,
      short_name: v.shortName,
      aliases: v.aliases,
    })
    .execute();
}

export async function createUnit(tx: Tx, provinceId: number, code: string, first: NewVersion): Promise<string> {
  await assertParentValid(tx, provinceId, first.parentId, first.validFrom);
  const id = await insertUnit(tx, provinceId, code, first);
  await recordChange(tx, provinceId, { effective: first.validFrom, kind: "create", note: null, from: [], to: [id] });
  return id;
}

export async function recordChange(
  tx: Tx,
  provinceId: number,
  change: { effective: string; kind: UnitChangeKind; note: string | null; from: string[]; to: string[]; createdBy?: string | null },
): Promise<string> {
  const id = newId();
  await tx
    .insertInto("unit_changes")
    .values({ province_id: provinceId, id, effective: change.effective, kind: change.kind, note: change.note, created_by: change.createdBy ?? null })
    .execute();
  const links = [
    ...new Set(change.from.map((u) => `from:${u}`)),
    ...new Set(change.to.map((u) => `to:${u}`)),
  ].map((key) => {
    const [role, unitId] = key.split(/:(.*)/s) as ["from" | "to", string];
    return { province_id: provinceId, change_id: id, unit_id: unitId, role };
  });
  if (links.length) await tx.insertInto("unit_change_units").values(links).execute();
  return id;
}

/** The version in force on a day, or a 400 in Vietnamese naming the day. */
async function versionOn(tx: Tx, provinceId: number, unitId: string, day: string): Promise<UnitVersion> {
  const v = (await unitVersions(tx, provinceId, unitId)).find((x) => x.validFrom <= day && (x.validTo === null || day < x.validTo));
  if (!v) throw new HttpError(400, "not_valid_on_date", "Đơn vị không có hiệu lực vào ngày thay đổi.");
  return v;
}

type VersionFields = Partial<Pick<NewVersion, "parentId" | "kind" | "name" | "shortName" | "aliases">>;

/**
 * From `effective` on, the unit has the given fields: the version in force is closed the
 * day before and a new one opens (or, when a version starts that very day, it is edited).
 */
export async function changeFrom(tx: Tx, provinceId: number, unitId: string, effective: string, fields: VersionFields) {
  await lockUnit(tx, provinceId, unitId);
  const current = await versionOn(tx, provinceId, unitId, effective);
  if ("parentId" in fields) await assertParentValid(tx, provinceId, fields.parentId ?? null, effective, unitId);
  const next: NewVersion = {
    validFrom: effective,
    validTo: current.validTo,
    parentId: "parentId" in fields ? (fields.parentId ?? null) : current.parentId,
    kind: fields.kind ?? current.kind,
    name: fields.name ?? current.name,
    shortName: "shortName" in fields ? (fields.shortName ?? null) : current.shortName,
    aliases: fields.aliases ?? current.aliases,
  };
  await guarded("Thay đổi đơn vị", async () => {
    if (current.validFrom === effective) {
      await tx
        .updateTable("unit_versions")
        .set({
          parent_id: next.parentId,
          kind: next.kind,
          name: next.name,
          short_name: next.shortName,
          aliases: next.aliases,
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where("province_id", "=", provinceId)
        .where("unit_id", "=", unitId)
        .where("valid_from", "=", effective)
        .execute();
    } else {
      await closeVersion(tx, provinceId, unitId, current.validFrom, effective);
      await insertVersion(tx, provinceId, unitId, next);
    }
  });
  return { before: current, after: next };
}

async function closeVersion(tx: Tx, provinceId: number, unitId: string, validFrom: string, closeAt: string) {
  await tx
    .updateTable("unit_versions")
    .set({ valid_to: closeAt, version: sql`version + 1`, updated_at: new Date() })
    .where("province_id", "=", provinceId)
    .where("unit_id", "=", unitId)
    .where("valid_from", "=", validFrom)
    .execute();
}

/** Units whose version in force on `day` reports to `parentId`. */
async function childrenOn(tx: Tx, provinceId: number, parentId: string, day: string): Promise<string[]> {
  return (await unitsAsOf(tx, provinceId, day)).filter((s) => s.parentId === parentId).map((s) => s.id);
}

/**
 * Ends a unit's life on `effective` (its last day is the day before). Units still
 * under it are moved to `moveChildrenTo`, or the change is refused: a tree never
 * keeps children of a unit that no longer exists.
 */
export async function endUnit(tx: Tx, provinceId: number, unitId: string, effective: string, moveChildrenTo: string | null) {
  await lockUnit(tx, provinceId, unitId);
  const current = await versionOn(tx, provinceId, unitId, effective);
  const later = (await unitVersions(tx, provinceId, unitId)).filter((v) => v.validFrom > effective);
  if (later.length) throw new HttpError(400, "has_later_versions", "Đơn vị còn các giai đoạn hiệu lực sau ngày này; không thể kết thúc.");
  if (current.validFrom === effective) {
    throw new HttpError(400, "ends_on_start", "Ngày kết thúc phải sau ngày bắt đầu hiệu lực của đơn vị.");
  }
  const children = await childrenOn(tx, provinceId, unitId, effective);
  if (children.length && !moveChildrenTo) {
    throw new HttpError(
      400,
      "has_children",
      `Đơn vị còn ${children.length} đơn vị trực thuộc vào ngày này; hãy chọn đơn vị tiếp nhận các đơn vị trực thuộc.`,
    );
  }
  for (const child of children) await changeFrom(tx, provinceId, child, effective, { parentId: moveChildrenTo });
  await closeVersion(tx, provinceId, unitId, current.validFrom, effective);
  return { before: current, movedChildren: children };
}

/** Corrects a version in place (a typo, a missing alias), guarded by the version number the editor read. */
export async function correctVersion(
  tx: Tx,
  provinceId: number,
  unitId: string,
  validFrom: string,
  expectedVersion: number,
  fields: VersionFields,
) {
  await lockUnit(tx, provinceId, unitId);
  const all = await unitVersions(tx, provinceId, unitId);
  const current = all.find((v) => v.validFrom === validFrom);
  if (!current) throw notFound("Không tìm thấy giai đoạn hiệu lực này của đơn vị.");
  if (current.version !== expectedVersion) throw staleEdit(current);
  if ("parentId" in fields) await assertParentValid(tx, provinceId, fields.parentId ?? null, validFrom, unitId);
  const updated = await guarded("Sửa đơn vị", () =>
    tx
      .updateTable("unit_versions")
      .set({
        ...("parentId" in fields ? { parent_id: fields.parentId ?? null } : {}),
        ...(fields.kind ? { kind: fields.kind } : {}),
        ...(fields.name ? { name: fields.name } : {}),
        ...("shortName" in fields ? { short_name: fields.shortName ?? null } : {}),
        ...(fields.aliases ? { aliases: fields.aliases } : {}),
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where("province_id", "=", provinceId)
      .where("unit_id", "=", unitId)
      .where("valid_from", "=", validFrom)
      .where("version", "=", expectedVersion)
      .returningAll()
      .executeTakeFirst(),
  );
  if (!updated) throw staleEdit(current);
  return { before: current, after: (await unitVersions(tx, provinceId, unitId)).find((v) => v.validFrom === validFrom)! };
}

/** The day before an ISO date: the last day of a version closed on `day`. */
export function dayBefore(day: string): string {
  return addDays(day, -1);
}

