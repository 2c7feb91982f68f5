import { z } from "zod";
import {
  CLASSIFICATIONS,
  DEADLINE_KINDS,
  type Deadline,
  deadlineProblem,
  DIRECTIVE_STATUSES,
  PRIORITIES,
  REQUEST_KINDS,
  TIMELINESS,
} from "../directives.ts";
import { isIsoDate } from "../format.ts";
import type { QueryInput } from "../schemas.ts";

// What the browser sends to the directives API: the schemas the server validates with
// (src/server/directives/routes.ts; unknown fields are refused, messages are Vietnamese), and
// at the end the bodies' types as the browser writes them (z.input, under their schemas'
// names). Pure — zod and the rules only — so both sides import it.

/** How the tracking sheet can be sorted. */
export const SHEET_SORTS = ["due", "ordinal", "unit", "status", "created"] as const;
export type SheetSort = (typeof SHEET_SORTS)[number];

export const uuid = (what = "Mã") => z.uuid({ error: `${what} không hợp lệ.` });
export const isoDate = z.string().refine(isIsoDate, { error: "Ngày phải có dạng yyyy-mm-dd." });
const text = (max: number, what: string) => z.string().trim().min(1, { error: `Hãy nhập ${what}.` }).max(max, { error: `${what[0]!.toUpperCase()}${what.slice(1)} quá dài (tối đa ${max} ký tự).` });
const optionalText = (max: number) => z.string().trim().max(max, { error: `Nội dung quá dài (tối đa ${max} ký tự).` }).nullable().optional().transform((v) => (v ? v : v === undefined ? undefined : null));

export const DeadlineInput = z
  .strictObject({ kind: z.enum(DEADLINE_KINDS, { error: "Loại thời hạn không hợp lệ." }), value: z.string().max(100).nullable().default(null) })
  .superRefine((d, ctx) => {
    const problem = deadlineProblem(d as Deadline);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const version = z.number({ error: "Thiếu số phiên bản dữ liệu (version)." }).int().min(1);
export const reason = z.string().trim().max(2000).nullable().optional();

const unitList = z.array(uuid("Mã đơn vị")).max(50);

export const NewDirectiveBody = z.strictObject({
  content: text(20000, "nội dung nhiệm vụ"),
  ordinal: z.string().trim().max(20).nullable().optional(),
  leadUnitId: uuid("Mã đơn vị chủ trì"),
  partnerUnitIds: unitList.default([]),
  followerId: uuid("Mã người theo dõi").nullable().optional(),
  leaderId: uuid("Mã lãnh đạo phụ trách").nullable().optional(),
  deadline: DeadlineInput,
  expectedProduct: optionalText(2000),
  priority: z.enum(PRIORITIES).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  note: optionalText(4000),
  paperId: uuid("Mã văn bản").nullable().optional(),
});

export const FromPaperItem = z.strictObject({
  paperDirectiveId: uuid("Mã mục nhiệm vụ"),
  content: text(20000, "nội dung nhiệm vụ").optional(),
  leadUnitId: uuid("Mã đơn vị chủ trì"),
  partnerUnitIds: unitList.default([]),
  followerId: uuid("Mã người theo dõi").nullable().optional(),
  leaderId: uuid("Mã lãnh đạo phụ trách").nullable().optional(),
  deadline: DeadlineInput,
  expectedProduct: optionalText(2000),
  priority: z.enum(PRIORITIES).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  note: optionalText(4000),
});

export const FromPaperBody = z.strictObject({
  items: z.array(FromPaperItem).min(1, { error: "Hãy chọn ít nhất một mục để giao." }).max(500),
});

export const EditBody = z.strictObject({
  version,
  content: text(20000, "nội dung nhiệm vụ").optional(),
  ordinal: z.string().trim().max(20).nullable().optional(),
  leadUnitId: uuid("Mã đơn vị chủ trì").optional(),
  partnerUnitIds: unitList.optional(),
  followerId: uuid("Mã người theo dõi").nullable().optional(),
  leaderId: uuid("Mã lãnh đạo phụ trách").nullable().optional(),
  deadline: DeadlineInput.optional(),
  expectedProduct: optionalText(2000),
  priority: z.enum(PRIORITIES).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  note: optionalText(4000),
  reason,
});

export const ActionBody = z.strictObject({ version, reason });
export const StatusBody = z.strictObject({ version, action: z.enum(["suspend", "resume", "withdraw"]), reason });

export const RequestBody = z.strictObject({
  version,
  kind: z.enum(REQUEST_KINDS, { error: "Loại đề nghị không hợp lệ." }),
  reason,
  result: z.string().trim().max(20000).nullable().optional(),
  proposedDeadline: DeadlineInput.nullable().optional(),
});

export const DecisionBody = z.strictObject({ version, approve: z.boolean(), reason, deadline: DeadlineInput.nullable().optional() });

export const RecallBody = z.strictObject({ version });

export const ReportFields = z.strictObject({
  progress: z.coerce.number({ error: "Tiến độ phải là số." }).int({ error: "Tiến độ phải là số nguyên." }).min(0, { error: "Tiến độ từ 0 đến 100%." }).max(100, { error: "Tiến độ từ 0 đến 100%." }),
  narrative: text(20000, "nội dung báo cáo"),
  difficulties: optionalText(10000),
  proposals: optionalText(10000),
  as: z.enum(["lead", "partner"]).optional(),
});

export const ReportEditBody = z.strictObject({
  version,
  progress: z.number().int().min(0).max(100).optional(),
  narrative: text(20000, "nội dung báo cáo").optional(),
  difficulties: optionalText(10000),
  proposals: optionalText(10000),
});

export const DelegateBody = z.strictObject({
  content: text(20000, "nội dung phần việc"),
  leadUnitId: uuid("Mã đơn vị").nullable().optional(),
  assigneeId: uuid("Mã cán bộ").nullable().optional(),
  deadline: DeadlineInput,
  expectedProduct: optionalText(2000),
});

export const UrgingBody = z.strictObject({
  directiveIds: z.array(uuid("Mã nhiệm vụ")).min(1, { error: "Hãy chọn nhiệm vụ cần đôn đốc." }).max(500),
  content: text(10000, "nội dung đôn đốc"),
  symbol: z.string().trim().max(100).nullable().optional(),
});

const csv = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const parts = s.split(",").map((x) => x.trim()).filter(Boolean);
      for (const p of parts) {
        if (!(values as readonly string[]).includes(p)) {
          ctx.addIssue({ code: "custom", message: `${what} "${p}" không hợp lệ.` });
          return z.NEVER;
        }
      }
      return parts as T[number][];
    });

export const SheetQuery = z.strictObject({
  asOf: isoDate.optional(),
  paperId: uuid("Mã văn bản").optional(),
  unitId: uuid("Mã đơn vị").optional(),
  unitRole: z.enum(["lead", "any"]).optional(),
  status: csv(DIRECTIVE_STATUSES, "Trạng thái"),
  timeliness: csv(TIMELINESS, "Tình trạng thời hạn"),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  leaderId: uuid("Mã lãnh đạo").optional(),
  followerId: uuid("Mã người theo dõi").optional(),
  q: z.string().trim().max(200).optional(),
  parts: z.enum(["top", "all"]).optional(),
  sort: z.enum(SHEET_SORTS).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export const StatsQuery = z.strictObject({
  asOf: isoDate.optional(),
  paperId: uuid("Mã văn bản").optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  parts: z.enum(["top", "all"]).optional(),
});

export const AsOfQuery = z.strictObject({ asOf: isoDate.optional() });

// ---------------------------------------------------------------------------
// The bodies as the browser writes them, under their schemas' names

export type NewDirectiveBody = z.input<typeof NewDirectiveBody>;
export type FromPaperItem = z.input<typeof FromPaperItem>;
export type FromPaperBody = z.input<typeof FromPaperBody>;
export type EditBody = z.input<typeof EditBody>;
export type ActionBody = z.input<typeof ActionBody>;
export type StatusBody = z.input<typeof StatusBody>;
export type RequestBody = z.input<typeof RequestBody>;
export type DecisionBody = z.input<typeof DecisionBody>;
export type RecallBody = z.input<typeof RecallBody>;
export type ReportEditBody = z.input<typeof ReportEditBody>;
export type DelegateBody = z.input<typeof DelegateBody>;
export type UrgingBody = z.input<typeof UrgingBody>;
export type SheetQuery = QueryInput<typeof SheetQuery, "limit" | "offset">;
export type StatsQuery = z.input<typeof StatsQuery>;
