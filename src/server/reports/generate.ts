import type { ReportFormat } from "../../domain/api/reports.ts";
import type { Queryable } from "../db/schema.ts";
import { buildConclusionDocument, type ConclusionOptions, conclusionFileName, loadConclusion } from "./conclusion.ts";
import type { PartyDocument } from "./docx/model.ts";
import { DOCX_MIME, renderDocx } from "./docx/render.ts";
import { docxToPdf, PDF_MIME } from "./pdf.ts";
import { buildWorkResultsDocument, loadWorkResults, type WorkResultsOptions, workResultsFileName } from "./work-results.ts";
import { buildUrgingLetter, loadUrgingLetter, urgingFileName } from "./urging.ts";
import { renderXlsx, XLSX_MIME } from "./xlsx.ts";

// One entry point per report for the job handlers, the HTTP routes and the CLI: read the
// record, build the paper, write it in the asked format.

export interface GeneratedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  /** The data fingerprint printed in the report (same data → same code). */
  fingerprint: string | null;
  /** The cut-off day used. */
  asOf: string | null;
  period: string | null;
}

export async function writeDocument(doc: PartyDocument, format: ReportFormat, progress?: (f: number, m: string) => Promise<void> | void): Promise<{ bytes: Uint8Array; mime: string }> {
  if (format === "xlsx") {
    await progress?.(0.7, "Đang ghi bảng số liệu Excel …");
    return { bytes: await renderXlsx(doc), mime: XLSX_MIME };
  }
  await progress?.(0.6, "Đang trình bày văn bản …");
  const docx = await renderDocx(doc);
  if (format === "docx") return { bytes: docx, mime: DOCX_MIME };
  await progress?.(0.8, "Đang chuyển sang PDF …");
  return { bytes: await docxToPdf(docx), mime: PDF_MIME };
}

export async function generateWorkResults(db: Queryable, options: WorkResultsOptions & { format: ReportFormat }): Promise<GeneratedFile> {
  const data = await loadWorkResults(db, options);
  await options.progress?.(0.45, "Đang soạn báo cáo và vẽ biểu đồ …");
  const doc = buildWorkResultsDocument(data);
  const { bytes, mime } = await writeDocument(doc, options.format, options.progress);
  return { name: workResultsFileName(data.period, data.asOf, options.format), mime, bytes, fingerprint: data.fingerprint, asOf: data.asOf, period: data.period.code };
}

export async function generateConclusion(db: Queryable, options: ConclusionOptions & { format: ReportFormat; progress?: (f: number, m: string) => Promise<void> | void }): Promise<GeneratedFile> {
  await options.progress?.(0.1, "Đang đọc các nhiệm vụ …");
  const data = await loadConclusion(db, options);
  const doc = buildConclusionDocument(data);
  const { bytes, mime } = await writeDocument(doc, options.format, options.progress);
  return { name: conclusionFileName(data, options.format), mime, bytes, fingerprint: data.fingerprint, asOf: null, period: null };
}

/** The letter of a recorded urging (công văn đôn đốc), as .docx or .pdf. */
export async function generateUrgingLetter(db: Queryable, options: { provinceId: number; urgingId: string; dueSoonDays: number; format: "docx" | "pdf" }): Promise<GeneratedFile> {
  const data = await loadUrgingLetter(db, options.provinceId, options.urgingId, options.dueSoonDays);
  const { bytes, mime } = await writeDocument(buildUrgingLetter(data), options.format);
  return { name: urgingFileName(data, options.format), mime, bytes, fingerprint: data.fingerprint, asOf: data.issuedOn, period: null };
}
