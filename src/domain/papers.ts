// Papers (văn bản) as the office reviews them: what was read from a paper — its
// directives, facts and references, each with its place in the text — before and after
// the office confirms it. Shared by the server and the browser.

import { normalizeText } from "../extract/normalize.ts";

export const CLASSIFICATIONS = ["Mật", "Tối mật", "Tuyệt mật"] as const;
export type SecrecyLevel = (typeof CLASSIFICATIONS)[number];
export type Classification = "none" | SecrecyLevel;

export const PAPER_STATUSES = ["review", "confirmed", "archived"] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

export const PAPER_STATUS_LABELS: Record<PaperStatus, string> = {
  review: "Chờ rà soát",
  confirmed: "Đã xác nhận",
  archived: "Đã lưu trữ",
};

/** What the type code of a document number stands for. */
export const PAPER_KIND_LABELS: Record<string, string> = {
  NQ: "Nghị quyết",
  CT: "Chỉ thị",
  KL: "Kết luận",
  QĐ: "Quyết định",
  QC: "Quy chế",
  QĐi: "Quy định",
  TB: "Thông báo",
  BC: "Báo cáo",
  KH: "Kế hoạch",
  CTr: "Chương trình",
  HD: "Hướng dẫn",
  ĐA: "Đề án",
  TTr: "Tờ trình",
  CV: "Công văn",
  TT: "Thông tư",
  NĐ: "Nghị định",
  BB: "Biên bản",
  TC: "Tiêu chí",
  PA: "Phương án",
};

export function paperKindLabel(kind: string | null | undefined): string {
  if (!kind) return "Văn bản";
  return PAPER_KIND_LABELS[kind] ?? kind;
}

/** A half-open range [start, end) of UTF-16 offsets into the paper's stored text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A body named in a directive, linked to a unit of the tree when known. */
export interface NamedBody {
  name: string;
  unitId: string | null;
}

export interface DirectiveItem {
  /** Stable while the paper is reviewed; the row id once confirmed. */
  key: string;
  ordinal: string;
  text: string;
  leads: NamedBody[];
  partners: NamedBody[];
  deadline: string | null;
  deadlineText: string | null;
  span: TextSpan | null;
}

export interface FactItem {
  key: string;
  label: string;
  value: number;
  unit: string;
  planPercent: number | null;
  changePercent: number | null;
  period: string | null;
  text: string;
  span: TextSpan | null;
}

export interface ReferenceItem {
  key: string;
  symbol: string | null;
  kind: string | null;
  date: string | null;
  issuer: string | null;
  text: string;
  /** The stored paper this reference points to. */
  citedPaperId: string | null;
  /** The office chose the link (or chose none) itself: it is not looked up again on confirming. */
  linkManual: boolean;
  span: TextSpan | null;
}

export interface PaperItems {
  directives: DirectiveItem[];
  facts: FactItem[];
  references: ReferenceItem[];
}

export interface PaperMeta {
  kind: string | null;
  symbol: string | null;
  issuedOn: string | null;
  title: string | null;
  issuer: string | null;
  signerName: string | null;
  signerPosition: string | null;
  recipients: string | null;
}

/** Canonical form of a document number for comparing: "Số 1012 - TB/TU" and "1012-tb/tu" are one. */
export function symbolKey(symbol: string | null | undefined): string | null {
  if (!symbol) return null;
  const k = normalizeText(symbol)
    .replace(/^\s*số\s*/iu, "")
    .replace(/\s+/g, "")
    .toLocaleUpperCase("vi");
  return k || null;
}

/** "1012-TB/TU" → "TB" (Party: number-TYPE/ISSUER); "18/2024/NQ-HĐND" → "NQ"; "123/KH-UBND" → "KH". */
export function kindOfSymbol(symbol: string | null | undefined): string | null {
  if (!symbol) return null;
  const s = normalizeText(symbol).replace(/\s+/g, "");
  const party = /^\d+-([\p{L}]+)\//u.exec(s);
  const state = /\/([\p{L}]+)-[\p{L}]/u.exec(s);
  const code = party?.[1] ?? state?.[1] ?? null;
  if (!code) return null;
  const known = Object.keys(PAPER_KIND_LABELS).find((k) => k.toLocaleUpperCase("vi") === code.toLocaleUpperCase("vi"));
  return known ?? null;
}

/** "Thông báo 1012-TB/TU ngày 08/10/2024" — how a paper is named in one line. */
export function paperName(p: { kind: string | null; symbol: string | null; issuedOn: string | null }, formatDate: (d: string) => string): string {
  const head = [paperKindLabel(p.kind), p.symbol ? `số ${p.symbol}` : null, p.issuedOn ? `ngày ${formatDate(p.issuedOn)}` : null]
    .filter(Boolean)
    .join(" ");
  return head;
}
