import ExcelJS from "exceljs";
import type { Insertable } from "kysely";
import type { ZodError } from "zod";
import type { ImportSummary } from "../../domain/api/units.ts";
import { formatDate, parseDate } from "../../domain/format.ts";
import {
  compareUnits,
  intervalsOverlap,
  UNIT_CHANGE_KINDS,
  UNIT_CHANGE_LABELS,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type UnitChangeKind,
  type UnitKind,
  UnitTreeFile,
  type UnitTreeFile as UnitTreeFileType,
} from "../../domain/units.ts";
import type { UnitVersionsTable } from "../db/foundation-tables.ts";
import type { Queryable, Tx } from "../db/schema.ts";
import { checkXlsxArchive } from "../files/xlsx-guard.ts";
import { HttpError } from "../http/errors.ts";
import type { Audit } from "../http/route.ts";
import { newId } from "../ids.ts";
import { allUnitVersions, recordChange } from "./queries.ts";

// A whole tree, with its history, moves in and out as one file: JSON (format
// "dondoc-units") or an Excel workbook with the same content in Vietnamese columns.
// Import only adds: new units, new versions, new changes, and corrections of a
// version that starts on the same day. It never removes anything, and a file that
// does not fit is refused whole, with every problem listed.

export async function exportTree(db: Queryable, provinceId: number): Promise<UnitTreeFileType> {
  const versions = await allUnitVersions(db, provinceId);
  const codeOf = new Map(versions.map((v) => [v.id, v.code]));
  const byUnit = new Map<string, typeof versions>();
  for (const v of versions) byUnit.set(v.id, [...(byUnit.get(v.id) ?? []), v]);
  const units = [...byUnit.values()]
    .sort((a, b) => compareUnits(a.at(-1)!, b.at(-1)!))
    .map((vs) => ({
      code: vs[0]!.code,
      kind: vs.at(-1)!.kind,
      versions: vs.map((v) => ({
        validFrom: v.validFrom,
        validTo: v.validTo,
        parent: v.parentId ? (codeOf.get(v.parentId) ?? null) : null,
        ...(v.kind !== vs.at(-1)!.kind ? { kind: v.kind } : {}),
        name: v.name,
        shortName: v.shortName,
        aliases: v.aliases,
      })),
    }));
  const changeRows = await db
    .selectFrom("unit_changes")
    .selectAll()
    .where("province_id", "=", provinceId)
    .where("kind", "!=", "create")
    .orderBy("effective")
    .orderBy("id")
    .execute();
  const links = await db.selectFrom("unit_change_units").selectAll().where("province_id", "=", provinceId).execute();
  const changes = changeRows.map((c) => ({
    date: c.effective,
    kind: c.kind as UnitChangeKind,
    from: links.filter((l) => l.change_id === c.id && l.role === "from").map((l) => codeOf.get(l.unit_id)!),
    to: links.filter((l) => l.change_id === c.id && l.role === "to").map((l) => codeOf.get(l.unit_id)!),
    note: c.note,
  }));
  return { format: "dondoc-units", version: 1, units, changes };
}

// ---------------------------------------------------------------------------
// Excel layout

const UNIT_COLUMNS = ["Mã", "Loại", "Tên đầy đủ", "Tên viết tắt", "Tên khác (cách nhau bởi ;)", "Mã đơn vị cấp trên", "Hiệu lực từ", "Hiệu lực đến (không gồm)"];
const CHANGE_COLUMNS = ["Ngày hiệu lực", "Loại thay đổi", "Từ đơn vị (mã, cách nhau bởi ;)", "Thành đơn vị (mã)", "Ghi chú"];

export async function treeToXlsx(tree: UnitTreeFileType): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dondoc";
  const units = wb.addWorksheet("Đơn vị", { views: [{ state: "frozen", ySplit: 1 }] });
  units.addRow(UNIT_COLUMNS).font = { bold: true };
  for (const u of tree.units) {
    for (const v of u.versions) {
      units.addRow([
        u.code,
        UNIT_KIND_LABELS[v.kind ?? u.kind],
        v.name,
        v.shortName ?? "",
        v.aliases.join("; "),
        v.parent ?? "",
        formatDate(v.validFrom),
        formatDate(v.validTo),
      ]);
    }
  }
  units.columns.forEach((c, i) => (c.width = [18, 26, 48, 16, 48, 18, 14, 14][i]));
  const changes = wb.addWorksheet("Thay đổi", { views: [{ state: "frozen", ySplit: 1 }] });
  changes.addRow(CHANGE_COLUMNS).font = { bold: true };
  for (const c of tree.changes) {
    changes.addRow([formatDate(c.date), UNIT_CHANGE_LABELS[c.kind], c.from.join("; "), c.to.join("; "), c.note ?? ""]);
  }
  changes.columns.forEach((c, i) => (c.width = [14, 22, 40, 40, 60][i]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}

function labelLookup<K extends string>(keys: readonly K[], labels: Record<K, string>) {
  const map = new Map<string, K>();
  for (const k of keys) {
    map.set(k.toLowerCase(), k);
    map.set(labels[k].toLowerCase(), k);
  }
  return (text: string): K | undefined => map.get(text.trim().toLowerCase());
}

/** Reads the workbook written by treeToXlsx (or filled in by hand in the same layout). */
export async function xlsxToTree(bytes: Uint8Array): Promise<{ tree?: unknown; problems: string[] }> {
  checkXlsxArchive(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { problems: ["Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx."] };
  }
  const problems: string[] = [];
  const sheet = wb.getWorksheet("Đơn vị") ?? wb.worksheets[0];
  if (!sheet) return { problems: ["Tệp Excel không có trang tính \"Đơn vị\"."] };
  const kindOf = labelLookup(UNIT_KINDS, UNIT_KIND_LABELS);
  const changeKindOf = labelLookup(UNIT_CHANGE_KINDS, UNIT_CHANGE_LABELS);
  const units = new Map<string, { code: string; kind: UnitKind; versions: unknown[] }>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = Array.from({ length: 8 }, (_, i) => cellText(row.getCell(i + 1).value));
    const [code, kindText, name, shortName, aliases, parent, from, to] = cells as [string, string, string, string, string, string, string, string];
    if (!code && !name) return;
    const where = `Trang "Đơn vị", dòng ${n}`;
    const kind = kindOf(kindText);
    if (!kind) problems.push(`${where}: loại đơn vị "${kindText}" không có trong danh mục.`);
    const validFrom = parseDate(from);
    if (!validFrom) problems.push(`${where}: ngày hiệu lực từ "${from}" không hợp lệ (dd/mm/yyyy).`);
    const validTo = to ? parseDate(to) : null;
    if (to && !validTo) problems.push(`${where}: ngày hiệu lực đến "${to}" không hợp lệ (dd/mm/yyyy).`);
    if (!kind || !validFrom || (to && !validTo)) return;
    const unit = units.get(code) ?? { code, kind, versions: [] };
    unit.kind = kind;
    unit.versions.push({
      validFrom,
      validTo,
      parent: parent || null,
      kind,
      name,
      shortName: shortName || null,
      aliases: aliases ? aliases.split(";").map((a) => a.trim()).filter(Boolean) : [],
    });
    units.set(code, unit);
  });
  const changes: unknown[] = [];
  wb.getWorksheet("Thay đổi")?.eachRow((row, n) => {
    if (n === 1) return;
    const [date, kindText, from, to, note] = Array.from({ length: 5 }, (_, i) => cellText(row.getCell(i + 1).value)) as [string, string, string, string, string];
    if (!date && !kindText) return;
    const where = `Trang "Thay đổi", dòng ${n}`;
    const iso = parseDate(date);
    const kind = changeKindOf(kindText);
    if (!iso) problems.push(`${where}: ngày "${date}" không hợp lệ.`);
    if (!kind) problems.push(`${where}: loại thay đổi "${kindText}" không có trong danh mục.`);
    if (!iso || !kind) return;
    const codes = (s: string) => s.split(";").map((c) => c.trim()).filter(Boolean);
    changes.push({ date: iso, kind, from: codes(from), to: codes(to), note: note || null });
  });
  return { tree: { format: "dondoc-units", version: 1, units: [...units.values()], changes }, problems };
}

// ---------------------------------------------------------------------------
// Import

/** Everything wrong with a tree file before anything is written, in Vietnamese. */
export function treeProblems(tree: UnitTreeFileType, existingCodes: Set<string>): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const u of tree.units) {
    if (codes.has(u.code)) problems.push(`Mã đơn vị "${u.code}" xuất hiện hai lần.`);
    codes.add(u.code);
  }
  const known = (code: string) => codes.has(code) || existingCodes.has(code);
  for (const u of tree.units) {
    const vs = [...u.versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    for (const [i, v] of vs.entries()) {
      if (v.validTo && v.validTo <= v.validFrom) problems.push(`Đơn vị "${u.code}": ngày kết thúc phải sau ngày bắt đầu (${formatDate(v.validFrom)}).`);
      if (v.parent && !known(v.parent)) problems.push(`Đơn vị "${u.code}": đơn vị cấp trên "${v.parent}" không tồn tại.`);
      if (v.parent === u.code) problems.push(`Đơn vị "${u.code}" không thể trực thuộc chính nó.`);
      const next = vs[i + 1];
      if (next && intervalsOverlap({ from: v.validFrom, to: v.validTo }, { from: next.validFrom, to: next.validTo })) {
        problems.push(`Đơn vị "${u.code}": giai đoạn từ ${formatDate(v.validFrom)} chồng lấn giai đoạn từ ${formatDate(next.validFrom)}.`);
      }
    }
  }
  for (const c of tree.changes) {
    for (const code of [...c.from, ...c.to]) {
      if (!known(code)) problems.push(`Thay đổi ngày ${formatDate(c.date)}: đơn vị "${code}" không tồn tại.`);
    }
  }
  return problems;
}

export async function importTree(tx: Tx, provinceId: number, tree: UnitTreeFileType, audit: Audit, actorId: string | null): Promise<ImportSummary> {
  const existing = await tx.selectFrom("units").select(["id", "code"]).where("province_id", "=", provinceId).execute();
  const problems = treeProblems(tree, new Set(existing.map((u) => u.code)));
  if (problems.length) throw new HttpError(400, "invalid_tree", `Tệp cơ cấu tổ chức có ${problems.length} lỗi; chưa nhập gì.`, { problems });

  const idOf = new Map(existing.map((u) => [u.code, u.id]));
  const summary: ImportSummary = { unitsCreated: 0, versionsCreated: 0, versionsCorrected: 0, changesCreated: 0, unchanged: 0 };
  const newUnits = tree.units.filter((u) => !idOf.has(u.code));
  if (newUnits.length) {
    const rows = newUnits.map((u) => ({ province_id: provinceId, id: newId(), code: u.code }));
    for (const r of rows) idOf.set(r.code, r.id);
    await tx.insertInto("units").values(rows).execute();
    summary.unitsCreated = rows.length;
  }
  const current = await tx.selectFrom("unit_versions").selectAll().where("province_id", "=", provinceId).execute();
  const currentKey = new Map(current.map((v) => [`${v.unit_id}@${v.valid_from}`, v]));
  const inserts: Insertable<UnitVersionsTable>[] = [];
  for (const u of tree.units) {
    const unitId = idOf.get(u.code)!;
    for (const v of u.versions) {
      const row = {
        province_id: provinceId,
        unit_id: unitId,
        valid_from: v.validFrom,
        valid_to: v.validTo,
        parent_id: v.parent ? idOf.get(v.parent)! : null,
        kind: v.kind ?? u.kind,
        name: v.name,
        short_name: v.shortName,
        aliases: v.aliases,
      };
      const old = currentKey.get(`${unitId}@${v.validFrom}`);
      if (!old) {
        inserts.push(row);
        continue;
      }
      const same =
        old.valid_to === row.valid_to &&
        old.parent_id === row.parent_id &&
        old.kind === row.kind &&
        old.name === row.name &&
        old.short_name === row.short_name &&
        JSON.stringify(old.aliases) === JSON.stringify(row.aliases);
      if (same) {
        summary.unchanged++;
        continue;
      }
      await tx
        .updateTable("unit_versions")
        .set({ valid_to: row.valid_to, parent_id: row.parent_id, kind: row.kind, name: row.name, short_name: row.short_name, aliases: row.aliases, version: old.version + 1, updated_at: new Date() })
        .where("province_id", "=", provinceId)
        .where("unit_id", "=", unitId)
        .where("valid_from", "=", v.validFrom)
        .execute();
      summary.versionsCorrected++;
      await audit({ action: "unit.correct", objectType: "unit", objectId: unitId, before: old, after: row, reason: "Nhập từ tệp" });
    }
  }
  try {
    for (let i = 0; i < inserts.length; i += 500) await tx.insertInto("unit_versions").values(inserts.slice(i, i + 500)).execute();
  } catch (e) {
    if ((e as { code?: string }).code === "23P01") {
      throw new HttpError(409, "overlap", "Tệp có giai đoạn hiệu lực chồng lấn với dữ liệu đã có; chưa nhập gì.");
    }
    throw e;
  }
  summary.versionsCreated = inserts.length;

  const existingChanges = await tx.selectFrom("unit_changes").select(["id", "effective", "kind"]).where("province_id", "=", provinceId).execute();
  const links = await tx.selectFrom("unit_change_units").selectAll().where("province_id", "=", provinceId).execute();
  const keyOf = (date: string, kind: string, from: string[], to: string[]) => `${date}|${kind}|${[...from].sort().join(",")}|${[...to].sort().join(",")}`;
  const seen = new Set(
    existingChanges.map((c) =>
      keyOf(
        c.effective,
        c.kind,
        links.filter((l) => l.change_id === c.id && l.role === "from").map((l) => l.unit_id),
        links.filter((l) => l.change_id === c.id && l.role === "to").map((l) => l.unit_id),
      ),
    ),
  );
  for (const c of tree.changes) {
    const from = c.from.map((code) => idOf.get(code)!);
    const to = c.to.map((code) => idOf.get(code)!);
    const key = keyOf(c.date, c.kind, from, to);
    if (seen.has(key)) continue;
    seen.add(key);
    await recordChange(tx, provinceId, { effective: c.date, kind: c.kind, note: c.note, from, to, createdBy: actorId });
    summary.changesCreated++;
  }
  for (const u of newUnits) {
    await audit({ action: "unit.import", objectType: "unit", objectId: idOf.get(u.code)!, after: u, reason: "Nhập từ tệp" });
  }
  return summary;
}

const FIELD_LABELS: Record<string, string> = {
  format: "định dạng tệp",
  version: "phiên bản định dạng",
  code: "mã đơn vị",
  kind: "loại",
  versions: "các giai đoạn",
  validFrom: "hiệu lực từ ngày",
  validTo: "hiệu lực đến ngày",
  parent: "đơn vị cấp trên",
  name: "tên",
  shortName: "tên viết tắt",
  aliases: "tên gọi khác",
  date: "ngày",
  from: "đơn vị trước thay đổi",
  to: "đơn vị sau thay đổi",
  note: "ghi chú",
};

/**
 * Says where each problem of a JSON tree file is in words an office user can find in the
 * file: "Đơn vị thứ 3 (mã SO-TC), giai đoạn 2, hiệu lực từ ngày: …" rather than a zod path.
 */
export function treeFileProblems(error: ZodError, raw: unknown): string[] {
  const units = (raw as { units?: { code?: unknown }[] } | null)?.units;
  return error.issues.map((issue) => {
    const [top, index, field, subIndex, subField] = issue.path;
    const where: string[] = [];
    if (top === "units" && typeof index === "number") {
      const code = Array.isArray(units) ? units[index]?.code : undefined;
      where.push(`Đơn vị thứ ${index + 1}${typeof code === "string" && code ? ` (mã ${code})` : ""}`);
      if (field === "versions" && typeof subIndex === "number") {
        where.push(`giai đoạn ${subIndex + 1}`);
        if (typeof subField === "string") where.push(FIELD_LABELS[subField] ?? subField);
      } else if (typeof field === "string") where.push(FIELD_LABELS[field] ?? field);
    } else if (top === "changes" && typeof index === "number") {
      where.push(`Thay đổi thứ ${index + 1}`);
      if (typeof field === "string") where.push(FIELD_LABELS[field] ?? field);
    } else if (typeof top === "string") where.push(FIELD_LABELS[top] ?? top);
    return where.length ? `${where.join(", ")}: ${issue.message}` : issue.message;
  });
}

/** Reads a .json or .xlsx upload and imports it. */
export async function importTreeFile(tx: Tx, provinceId: number, fileName: string, bytes: Uint8Array, audit: Audit, actorId: string | null): Promise<ImportSummary> {
  let raw: unknown;
  if (/\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const { tree, problems } = await xlsxToTree(bytes);
    if (problems.length) throw new HttpError(400, "invalid_tree", `Tệp Excel có ${problems.length} lỗi; chưa nhập gì.`, { problems });
    raw = tree;
  } else {
    try {
      raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      throw new HttpError(400, "invalid_file", "Tệp không phải JSON (UTF-8) hợp lệ hay Excel .xlsx.");
    }
  }
  const parsed = UnitTreeFile.safeParse(raw);
  if (!parsed.success) {
    const problems = treeFileProblems(parsed.error, raw);
    throw new HttpError(400, "invalid_tree", `Tệp cơ cấu tổ chức có ${problems.length} lỗi; chưa nhập gì.`, { problems });
  }
  return importTree(tx, provinceId, parsed.data, audit, actorId);
}
