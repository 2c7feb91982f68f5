import { z } from "zod";
import { parsePeriodCode, WITHIN_YEAR_KINDS } from "../periods.ts";
import { isoDate } from "../schemas.ts";
import { DIRECTIONS, TERM_BASES, VALUE_BASES } from "../targets.ts";

// What the browser sends to the targets API: the schemas the server validates with
// (src/server/targets/routes.ts; unknown fields are refused, messages are Vietnamese and reach
// the user as they are), and at the end the bodies' types as the browser writes them (z.input:
// before defaults and trimming). Pure — zod and the rules only — so both sides import it.

export const id = z.uuid({ error: "Mã định danh không hợp lệ." });
export { isoDate };
export const version = z.number({ error: "Thiếu số phiên bản của dữ liệu đã mở." }).int().min(1);

export const periodCode = z
  .string()
  .trim()
  .refine((s) => parsePeriodCode(s) !== null, { error: "Kỳ không hợp lệ (ví dụ: 2024, 2024-9M, 2024-H1, 2024-Q3, 2024-05, 2020-2025)." })
  .transform((s) => parsePeriodCode(s)!.code);

const yearPlanCode = z
  .string()
  .trim()
  .refine((s) => {
    const p = parsePeriodCode(s);
    return p !== null && (p.kind === "year" || p.kind === "term");
  }, { error: "Kế hoạch đặt cho một năm (2024) hoặc một nhiệm kỳ (2020-2025)." })
  .transform((s) => parsePeriodCode(s)!.code);

const text = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((s) => (s ? s : null));

const year = z.number().int().min(1945, { error: "Năm không hợp lệ." }).max(2200, { error: "Năm không hợp lệ." });

const resolutionFields = {
  symbol: optionalText(100).default(null),
  title: text(500, "Hãy nhập trích yếu của văn bản."),
  issuedOn: isoDate.nullable().default(null),
  paperId: id.nullable().default(null),
  note: optionalText(2000).default(null),
};

export const NewResolution = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("congress"),
    term: z
      .string()
      .trim()
      .refine((s) => parsePeriodCode(s)?.kind === "term", { error: "Nhiệm kỳ phải có dạng 2020-2025." }),
    ...resolutionFields,
  }),
  z.strictObject({ kind: z.enum(["yearly_resolution", "yearly_programme"]), year, ...resolutionFields }),
]);

export const EditResolution = z.strictObject({
  version,
  symbol: optionalText(100).optional(),
  title: text(500, "Hãy nhập trích yếu của văn bản.").optional(),
  issuedOn: isoDate.nullable().optional(),
  paperId: id.nullable().optional(),
  note: optionalText(2000).optional(),
  archived: z.boolean().optional(),
});

export const Plan = z.strictObject({ period: yearPlanCode, value: z.number({ error: "Giá trị kế hoạch phải là số." }).finite() });

const targetFields = {
  code: z
    .string()
    .trim()
    .min(1, { error: "Hãy nhập số thứ tự / mã chỉ tiêu." })
    .max(32)
    .regex(/^[\p{L}\p{N}._-]+$/u, { error: "Mã chỉ tiêu chỉ gồm chữ, số và các dấu . _ -" }),
  name: text(500, "Hãy nhập tên chỉ tiêu."),
  unit: text(50, "Hãy nhập đơn vị tính."),
  direction: z.enum(DIRECTIONS),
  threshold: z.number().finite().nullable(),
  accumulates: z.boolean(),
  termBasis: z.enum(TERM_BASES),
  periodKinds: z
    .array(z.enum(WITHIN_YEAR_KINDS))
    .min(1, { error: "Hãy chọn ít nhất một kỳ đánh giá." })
    .refine((k) => k.includes("year"), { error: "Chỉ tiêu nào cũng được đánh giá theo năm." })
    .transform((k) => WITHIN_YEAR_KINDS.filter((w) => k.includes(w))),
  ownerUnitId: id.nullable(),
  position: z.number().int().min(0).max(10_000),
  note: optionalText(2000),
};

export const NewTarget = z
  .strictObject({
    ...targetFields,
    threshold: targetFields.threshold.default(null),
    termBasis: targetFields.termBasis.optional(),
    periodKinds: targetFields.periodKinds.default(["year"]),
    position: targetFields.position.optional(),
    note: targetFields.note.default(null),
    plans: z.array(Plan).max(20).default([]),
  })
  .refine((t) => t.direction !== "threshold" || t.threshold !== null, { error: "Chỉ tiêu đạt ngưỡng cần giá trị ngưỡng.", path: ["threshold"] });

export const EditTarget = z.strictObject({
  version,
  code: targetFields.code.optional(),
  name: targetFields.name.optional(),
  unit: targetFields.unit.optional(),
  direction: targetFields.direction.optional(),
  threshold: targetFields.threshold.optional(),
  accumulates: targetFields.accumulates.optional(),
  termBasis: targetFields.termBasis.optional(),
  periodKinds: targetFields.periodKinds.optional(),
  ownerUnitId: targetFields.ownerUnitId.optional(),
  position: targetFields.position.optional(),
  note: targetFields.note.optional(),
  /** Plans to set (others are kept). */
  plans: z.array(Plan).max(20).optional(),
  archived: z.boolean().optional(),
  /** Required when a plan is made easier: "không điều chỉnh giảm chỉ tiêu" unless decided. */
  reason: optionalText(1000).optional(),
});

export const NewValue = z.strictObject({
  period: periodCode,
  basis: z.enum(VALUE_BASES),
  value: z.number({ error: "Giá trị phải là số." }).finite(),
  source: optionalText(500).default(null),
  cutoffOn: isoDate.nullable().default(null),
  note: optionalText(2000).default(null),
  /** Send to the office now (otherwise kept as a draft). Ignored for the office, whose figures are approved at once. */
  submit: z.boolean().default(true),
});

export const EditValue = z.strictObject({
  version,
  value: z.number({ error: "Giá trị phải là số." }).finite().optional(),
  source: optionalText(500).optional(),
  cutoffOn: isoDate.nullable().optional(),
  note: optionalText(2000).optional(),
  submit: z.boolean().optional(),
  reason: optionalText(1000).optional(),
});

export const VersionOnly = z.strictObject({ version });
export const ReturnValue = z.strictObject({ version, reason: text(1000, "Hãy ghi lý do trả lại.") });

export const FromFact = z.strictObject({
  factId: id,
  /** The period, when the fact does not name one the app can read. */
  period: periodCode.optional(),
  basis: z.enum(VALUE_BASES).default("estimate"),
  /** Attach even though the fact's unit of measure differs from the target's. */
  acceptUnit: z.boolean().default(false),
});

export const NewExplanation = z.strictObject({
  period: periodCode,
  message: text(4000, "Hãy ghi nội dung yêu cầu giải trình."),
  dueOn: isoDate.nullable().default(null),
});
export const AnswerExplanation = z.strictObject({ version, answer: text(8000, "Hãy ghi nội dung giải trình.") });

// ---------------------------------------------------------------------------
// The bodies as the browser writes them

export type NewResolutionBody = z.input<typeof NewResolution>;
export type EditResolutionBody = z.input<typeof EditResolution>;
export type NewTargetBody = z.input<typeof NewTarget>;
export type EditTargetBody = z.input<typeof EditTarget>;
export type NewValueBody = z.input<typeof NewValue>;
export type EditValueBody = z.input<typeof EditValue>;
export type FromFactBody = z.input<typeof FromFact>;
export type NewExplanationBody = z.input<typeof NewExplanation>;
