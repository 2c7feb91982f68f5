import type { ColumnType, Generated } from "kysely";
import type { DateString, Json, Timestamp, TimestampNullable } from "../db/column-types.ts";

export type Classification = "none" | "Mật" | "Tối mật" | "Tuyệt mật";
export type PaperStatus = "review" | "confirmed" | "archived";

/** A body named in a directive, matched to a unit of the tree when possible. */
export interface NamedBody {
  name: string;
  unitId: string | null;
}

export interface PapersTable {
  province_id: number;
  id: string;
  kind: string | null;
  symbol: string | null;
  issued_on: DateString | null;
  title: string | null;
  issuer: string | null;
  signer_name: string | null;
  signer_position: string | null;
  classification: ColumnType<Classification, Classification | undefined, Classification>;
  recipients: string | null;
  file_id: string | null;
  file_name: string | null;
  text: string | null;
  extraction: Json<unknown> | null;
  /** The items as the office is correcting them (PaperItems), until the paper is confirmed. */
  draft: Json<unknown> | null;
  /** symbol, title and issuer folded (lower case, no diacritics) for search. */
  search: ColumnType<string, string | undefined, string>;
  warnings: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<PaperStatus, PaperStatus | undefined, PaperStatus>;
  created_by: string | null;
  created_at: Timestamp;
  confirmed_by: string | null;
  confirmed_at: TimestampNullable;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PaperDirectivesTable {
  province_id: number;
  paper_id: string;
  id: string;
  position: number;
  ordinal: string;
  text: string;
  leads: Json<NamedBody[]>;
  partners: Json<NamedBody[]>;
  deadline: DateString | null;
  deadline_text: string | null;
  span_start: number | null;
  span_end: number | null;
}

export interface PaperFactsTable {
  province_id: number;
  paper_id: string;
  id: string;
  position: number;
  label: string;
  value: number;
  unit: string;
  plan_percent: number | null;
  change_percent: number | null;
  period: string | null;
  text: string;
  span_start: number | null;
  span_end: number | null;
}

export interface PaperReferencesTable {
  province_id: number;
  paper_id: string;
  id: string;
  position: number;
  symbol: string | null;
  kind: string | null;
  cited_on: DateString | null;
  issuer: string | null;
  text: string;
  cited_paper_id: string | null;
  span_start: number | null;
  span_end: number | null;
}

export interface PaperTables {
  papers: PapersTable;
  paper_directives: PaperDirectivesTable;
  paper_facts: PaperFactsTable;
  paper_references: PaperReferencesTable;
}
