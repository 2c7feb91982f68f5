import { z } from "zod";
import { isIsoDate } from "../format.ts";
import { REPORT_FORMATS } from "./reports.ts";

// What the browser sends to start drafting a report: the schemas the server validates with
// (src/server/reports/routes.ts; unknown fields are refused), and at the end the bodies' types as
// the browser writes them (z.input, under their schemas' names).

const isoDay = z
  .string()
  .trim()
  .refine((s) => isIsoDate(s), { error: "Ngày phải có dạng yyyy-mm-dd." });

/** POST /api/reports/work-results */
export const WorkResultsBody = z.strictObject({
  period: z.string().trim().min(4).max(10),
  asOf: isoDay.optional(),
  format: z.enum(REPORT_FORMATS).default("docx"),
});

/** POST /api/reports/conclusion: from a paper's directives, or from directives chosen one by one. */
export const ConclusionBody = z
  .strictObject({
    paperId: z.uuid().optional(),
    directiveIds: z.array(z.uuid()).min(1).max(500).optional(),
    subject: z.string().trim().max(500).optional(),
    meetingDate: isoDay.optional(),
    format: z.enum(REPORT_FORMATS).default("docx"),
  })
  .refine((b) => b.paperId || b.directiveIds?.length, { error: "Chọn một văn bản hoặc các nhiệm vụ để soạn thông báo kết luận." });

// ---------------------------------------------------------------------------
// The bodies as the browser writes them, under their schemas' names

export type WorkResultsBody = z.input<typeof WorkResultsBody>;
export type ConclusionBody = z.input<typeof ConclusionBody>;
