// The organisation tree is dated data: a unit keeps its identity while its name,
// short name, aliases, kind and parent change over time. Each change closes one
// version and opens the next, so the tree "as of" any date shows the names that
// were true on that date. Intervals are half-open: validFrom <= d < validTo.

import { z } from "zod";
import { isoDate } from "./schemas.ts";

export const UNIT_KINDS = [
  "province_committee", // Tỉnh ủy, Thành ủy trực thuộc Trung ương
  "standing_board", // Ban Thường vụ, Thường trực cấp ủy
  "party_organ", // ban đảng, Văn phòng cấp ủy, trường chính trị
  "inspection_commission", // Ủy ban Kiểm tra
  "party_delegation", // Ban cán sự đảng, Đảng đoàn
  "party_committee", // đảng ủy trực thuộc: Đảng ủy UBND tỉnh, Đảng ủy các cơ quan Đảng, Công an, Quân sự …
  "state_body", // HĐND, UBND
  "department", // sở, ban, ngành
  "front", // Mặt trận Tổ quốc
  "mass_organisation", // đoàn thể chính trị - xã hội
  "district", // huyện, thị xã, thành phố thuộc tỉnh (cấp ủy của nó) — đến 30/6/2025
  "commune", // xã, phường, thị trấn (đảng ủy của nó)
  "party_cell", // chi bộ, đảng bộ cơ sở
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export function isUnitKind(s: string): s is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(s);
}

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  province_committee: "Tỉnh ủy, Thành ủy",
  standing_board: "Ban Thường vụ, Thường trực",
  party_organ: "Cơ quan tham mưu, giúp việc cấp ủy",
  inspection_commission: "Ủy ban Kiểm tra",
  party_delegation: "Ban cán sự đảng, Đảng đoàn",
  party_committee: "Đảng ủy trực thuộc",
  state_body: "Cơ quan nhà nước (HĐND, UBND)",
  department: "Sở, ban, ngành",
  front: "Mặt trận Tổ quốc",
  mass_organisation: "Đoàn thể chính trị - xã hội",
  district: "Huyện, thị xã, thành phố (trước 01/7/2025)",
  commune: "Xã, phường, thị trấn",
  party_cell: "Chi bộ, đảng bộ cơ sở",
};

export const UNIT_CHANGE_KINDS = ["create", "rename", "move", "merge", "split", "abolish", "edit"] as const;
export type UnitChangeKind = (typeof UNIT_CHANGE_KINDS)[number];

export const UNIT_CHANGE_LABELS: Record<UnitChangeKind, string> = {
  create: "Thành lập",
  rename: "Đổi tên",
  move: "Chuyển trực thuộc",
  merge: "Hợp nhất, sáp nhập",
  split: "Chia tách",
  abolish: "Giải thể, kết thúc hoạt động",
  edit: "Sửa thông tin",
};

const unitCode = z
  .string()
  .trim()
  .min(1, { error: "Mã đơn vị không được để trống." })
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, { error: "Mã đơn vị chỉ gồm chữ, số và các dấu . _ -" });

export const UnitVersionInput = z.strictObject({
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
  parent: unitCode.nullable().default(null),
  kind: z.enum(UNIT_KINDS).optional(),
  name: z.string().trim().min(1, { error: "Tên đơn vị không được để trống." }).max(300),
  shortName: z.string().trim().max(100).nullable().default(null),
  aliases: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
});
export type UnitVersionInput = z.infer<typeof UnitVersionInput>;

export const UnitInput = z.strictObject({
  code: unitCode,
  kind: z.enum(UNIT_KINDS),
  versions: z.array(UnitVersionInput).min(1, { error: "Đơn vị phải có ít nhất một giai đoạn hiệu lực." }),
});
export type UnitInput = z.infer<typeof UnitInput>;

export const UnitChangeInput = z.strictObject({
  date: isoDate,
  kind: z.enum(UNIT_CHANGE_KINDS),
  from: z.array(unitCode).default([]),
  to: z.array(unitCode).default([]),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type UnitChangeInput = z.infer<typeof UnitChangeInput>;

/** The JSON file a tree is imported from and exported to. */
export const UnitTreeFile = z.strictObject({
  format: z.literal("dondoc-units"),
  version: z.literal(1),
  units: z.array(UnitInput),
  changes: z.array(UnitChangeInput).default([]),
});
export type UnitTreeFile = z.infer<typeof UnitTreeFile>;

/** One version of a unit as the tree shows it on a date. */
export interface UnitSlice {
  id: string;
  code: string;
  kind: UnitKind;
  parentId: string | null;
  name: string;
  shortName: string | null;
  aliases: string[];
  validFrom: string;
  validTo: string | null;
}

/** Whether the half-open interval [from, to) contains the day. ISO dates compare as strings. */
export function validOn(day: string, from: string, to: string | null): boolean {
  return from <= day && (to === null || day < to);
}

/** Whether two half-open intervals overlap. */
export function intervalsOverlap(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return (a.to === null || b.from < a.to) && (b.to === null || a.from < b.to);
}

export interface TreeNode extends UnitSlice {
  children: TreeNode[];
}

const collator = new Intl.Collator("vi");
const KIND_ORDER = new Map(UNIT_KINDS.map((k, i) => [k, i]));

/** Sorts units the way a committee lists them: by kind, then by Vietnamese name. */
export function compareUnits(a: UnitSlice, b: UnitSlice): number {
  return (KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!) || collator.compare(a.name, b.name);
}

/** Builds the forest of the slices valid on one date; a unit whose parent is not valid then becomes a root. */
export function buildTree(slices: UnitSlice[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>(slices.map((s) => [s.id, { ...s, children: [] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort(compareUnits);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The ids of a set of units and of everything below them (as the parent links say). */
export function subtreeIds(slices: Pick<UnitSlice, "id" | "parentId">[], rootIds: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const s of slices) {
    if (!s.parentId) continue;
    const list = children.get(s.parentId) ?? [];
    list.push(s.id);
    children.set(s.parentId, list);
  }
  const seen = new Set<string>();
  const stack = [...rootIds];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return seen;
}
