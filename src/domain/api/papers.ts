// What the papers API answers (src/server/papers/routes.ts and queries.ts), declared once for
// the server, which returns these types, and the browser (src/web/pages/papers/api.ts), which
// reads them. What a paper holds — its metadata and the items read from it — is the papers'
// own vocabulary in src/domain/papers.ts; the review sends it back in the same shapes.

import type { Classification, PaperItems, PaperMeta, PaperStatus } from "../papers.ts";

/** A stored paper as lists and links show it. */
export interface PaperSummary {
  id: string;
  kind: string | null;
  symbol: string | null;
  issuedOn: string | null;
  title: string | null;
  issuer: string | null;
  classification: Classification;
  status: PaperStatus;
}

export interface PaperListRow extends PaperSummary {
  fileName: string | null;
  counts: { directives: number; facts: number; references: number };
  createdAt: string;
  confirmedAt: string | null;
}

export interface PaperDetail extends PaperMeta {
  id: string;
  classification: Classification;
  status: PaperStatus;
  fileName: string | null;
  hasFile: boolean;
  /** The paper's normalised text, which every span points into; null for classified papers. */
  text: string | null;
  warnings: string[];
  items: PaperItems;
  /** The date unit names are read for (the paper's date, else the day it was stored). */
  unitsAsOf: string;
  /** Units named by the items: id → name on that date. */
  units: Record<string, string>;
  /** Stored papers the references link to. */
  linkedPapers: PaperSummary[];
  /** Confirmed papers that cite this one. */
  citedBy: PaperSummary[];
  createdAt: string;
  confirmedAt: string | null;
  version: number;
}

/** GET /api/papers: a page of the list and how many papers match. */
export interface PaperList {
  total: number;
  papers: PaperListRow[];
}

/** POST /api/papers: the stored paper, what was read from it, and papers stored from the same file before. */
export interface PaperUpload {
  paper: PaperSummary;
  counts: { directives: number; facts: number; references: number };
  /** Vietnamese notes for the uploader (classified paper registered without content; same file stored before). */
  notices: string[];
  duplicates: PaperSummary[];
}
