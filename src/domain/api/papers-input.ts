import { z } from "zod";
import { CLASSIFICATIONS, PAPER_STATUSES } from "../papers.ts";
import { isoDate, type QueryInput } from "../schemas.ts";

// What the browser sends to the papers API: the schemas the server validates with
// (src/server/papers/routes.ts; every object is strict, unknown fields are refused), and at the
// end the bodies' types as the browser writes them (z.input). Pure — zod and the papers'
// vocabulary only — so both sides import it.

export { isoDate };
export const paperId = z.uuid({ error: "Mã văn bản không hợp lệ." });
const unitId = z.uuid({ error: "Mã đơn vị không hợp lệ." });
const key = z.string().trim().min(1).max(64);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Tối đa ${max} ký tự.` })
    .nullable()
    .transform((s) => (s ? s : null));
const number = z.number({ error: "Hãy nhập một số." }).refine(Number.isFinite, { error: "Hãy nhập một số." });

const span = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.end >= s.start, { error: "Vị trí trong văn bản không hợp lệ." })
  .nullable();

const namedBody = z.strictObject({
  name: z.string().trim().min(1, { error: "Tên cơ quan không được để trống." }).max(300),
  unitId: unitId.nullable(),
});

export const DirectiveInput = z.strictObject({
  key,
  ordinal: z.string().trim().max(40),
  text: z.string().trim().min(1, { error: "Nội dung nhiệm vụ không được để trống." }).max(20_000),
  leads: z.array(namedBody).max(100),
  partners: z.array(namedBody).max(100),
  deadline: isoDate.nullable(),
  deadlineText: optionalText(300),
  span,
});

export const FactInput = z.strictObject({
  key,
  label: z.string().trim().min(1, { error: "Hãy nhập tên chỉ số." }).max(1000),
  value: number,
  unit: z.string().trim().max(100),
  planPercent: number.nullable(),
  changePercent: number.nullable(),
  period: optionalText(200),
  text: z.string().trim().max(5000),
  span,
});

export const ReferenceInput = z.strictObject({
  key,
  symbol: optionalText(100),
  kind: optionalText(10),
  date: isoDate.nullable(),
  issuer: optionalText(300),
  text: z.string().trim().max(2000),
  citedPaperId: paperId.nullable(),
  linkManual: z.boolean(),
  span,
});

export const MetaInput = z.strictObject({
  kind: optionalText(10),
  symbol: optionalText(100),
  issuedOn: isoDate.nullable(),
  title: optionalText(2000),
  issuer: optionalText(300),
  signerName: optionalText(200),
  signerPosition: optionalText(200),
  recipients: optionalText(5000),
});

export const ReviewBody = z.strictObject({
  version: z.number().int().min(1),
  meta: MetaInput,
  directives: z.array(DirectiveInput).max(2000),
  facts: z.array(FactInput).max(5000),
  references: z.array(ReferenceInput).max(2000),
});

export const VersionBody = z.strictObject({ version: z.number().int().min(1) });

/** Correcting the particulars of a paper already confirmed (its items are followed up where they were assigned). */
export const CorrectionBody = z.strictObject({
  version: z.number().int().min(1),
  meta: MetaInput,
  reason: z.string().trim().min(1, { error: "Hãy ghi lý do sửa." }).max(1000, { error: "Tối đa 1000 ký tự." }),
});

export const ArchiveBody = z.strictObject({
  version: z.number().int().min(1),
  reason: optionalText(1000).default(null),
});

/** Registering a classified paper by hand: number, date, title and recipients, never its content. */
export const RegisterBody = z.strictObject({
  classification: z.enum(CLASSIFICATIONS, { error: "Hãy chọn độ mật: Mật, Tối mật hoặc Tuyệt mật." }),
  symbol: optionalText(100),
  kind: optionalText(10).default(null),
  issuedOn: isoDate.nullable(),
  title: optionalText(2000),
  issuer: optionalText(300).default(null),
  recipients: optionalText(5000),
});

export const ListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: z.string().trim().max(10).optional(),
  status: z.enum([...PAPER_STATUSES, "active"]).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ClassifyBody = z.strictObject({
  version: z.number().int().min(1),
  classification: z.enum(CLASSIFICATIONS, { error: "Hãy chọn độ mật: Mật, Tối mật hoặc Tuyệt mật." }),
});

// ---------------------------------------------------------------------------
// The bodies as the browser writes them, under their schemas' names

export type RegisterBody = z.input<typeof RegisterBody>;
export type ReviewBody = z.input<typeof ReviewBody>;
export type ArchiveBody = z.input<typeof ArchiveBody>;
export type CorrectionBody = z.input<typeof CorrectionBody>;
export type ClassifyBody = z.input<typeof ClassifyBody>;
export type ListQuery = QueryInput<typeof ListQuery, "limit" | "offset">;
