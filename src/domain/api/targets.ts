// What the targets API answers (src/server/targets/routes.ts and queries.ts), declared once for
// the server, which returns these types, and the browser (src/web/pages/targets/api.ts), which
// reads them. The words they use — directions, statuses, likelihoods, value and resolution
// kinds — are the rules' own, from src/domain/targets.ts. Dates and instants are ISO strings
// (the targets' queries turn their timestamps into strings themselves).

import type { PeriodKind } from "../periods.ts";
import type {
  Direction,
  ExplanationStatus,
  Likelihood,
  ResolutionKind,
  Status,
  StatusReason,
  Summary,
  TermBasis,
  TrajectoryPoint,
  ValueBasis,
  ValueStatus,
  YearPoint,
} from "../targets.ts";

// ---------------------------------------------------------------------------
// Resolutions and their catalogue of targets

export interface ResolutionView {
  id: string;
  kind: ResolutionKind;
  kindLabel: string;
  symbol: string | null;
  title: string;
  term: string | null;
  year: number | null;
  /** "Nhiệm kỳ 2020 - 2025" or "Năm 2024". */
  scopeLabel: string;
  issuedOn: string | null;
  paperId: string | null;
  paper: { id: string; symbol: string | null; title: string | null; status: string } | null;
  note: string | null;
  archived: boolean;
  version: number;
  targetCount: number;
}

/** A period a resolution's table can show. */
export interface PeriodOption {
  code: string;
  label: string;
  kind: PeriodKind;
  year: number;
}

/** A target's plan for a year or the term. */
export interface TargetPlan {
  period: string;
  label: string;
  value: number;
}

/** A target as the catalogue keeps it, with its plans. */
export interface TargetCatalogue {
  id: string;
  resolutionId: string;
  code: string;
  name: string;
  unit: string;
  direction: Direction;
  threshold: number | null;
  accumulates: boolean;
  termBasis: TermBasis;
  periodKinds: string[];
  ownerUnitId: string | null;
  position: number;
  note: string | null;
  archived: boolean;
  version: number;
  plans: TargetPlan[];
}

/** GET /api/targets/resolutions/:id */
export interface ResolutionDetail {
  resolution: ResolutionView;
  periods: PeriodOption[];
  defaultPeriod: string;
  targets: TargetCatalogue[];
}

// ---------------------------------------------------------------------------
// A resolution's table for a period

/** A target's figures for a period as its assessment keeps them (src/server/targets/assess.ts). */
export interface AssessedFigures {
  plan: number | null;
  actual: number | null;
  actualBasis: ValueBasis | null;
  actualFrom: string[] | null;
  expectedShare: number | null;
  shareMethod: string | null;
  expected: number | null;
  percentOfPlan: number | null;
  lastYear: number | null;
  change: number | null;
  changeKind: "percent" | "points";
  status: Status;
  statusLabel: string;
  reason: StatusReason | null;
  forecastYear: number | null;
  forecastYearMethod: string | null;
  likelihoodYear: Likelihood | null;
  forecastTerm: number | null;
  likelihoodTerm: Likelihood | null;
  pending: number;
}

/** A row of the table: the target, its figures for the period, and what to say about them. */
export interface TableRow extends AssessedFigures {
  id: string;
  code: string;
  name: string;
  unit: string;
  direction: Direction;
  accumulates: boolean;
  periodKinds: string[];
  owner: { id: string; name: string } | null;
  position: number;
  reasonLabel: string | null;
  likelihoodYearLabel: string | null;
  likelihoodTermLabel: string | null;
  openExplanations: number;
  /** The caller may enter figures for this target. */
  mine: boolean;
}

/** "x/y chỉ tiêu đủ điều kiện đánh giá; a/b đạt tiến độ" for a period. */
export interface SummaryView extends Summary {
  period: string;
  periodLabel: string;
  line: string;
}

/** GET /api/targets/resolutions/:id/table */
export interface ResolutionTable {
  resolution: ResolutionView;
  period: string;
  periodLabel: string;
  summary: SummaryView;
  rows: TableRow[];
}

// ---------------------------------------------------------------------------
// Figures

export interface ValueView {
  id: string;
  targetId: string;
  period: string;
  periodLabel: string;
  basis: ValueBasis;
  value: number;
  source: string | null;
  cutoffOn: string | null;
  note: string | null;
  status: ValueStatus;
  returnNote: string | null;
  paper: { id: string; symbol: string | null; title: string | null; issuedOn: string | null } | null;
  fact: { id: string; text: string } | null;
  enteredBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  updatedAt: string;
  version: number;
}

/** A figure in the province's list (the office's approval queue, a unit's own entries). */
export interface ValueListRow extends ValueView {
  target: { id: string; code: string; name: string; unit: string; ownerName: string | null };
  resolution: { id: string; title: string; symbol: string | null };
}

/** A figure read from a confirmed paper that may be a target's (POST …/values/from-fact takes its id). */
export interface FactSuggestion {
  id: string;
  label: string;
  value: number;
  unit: string;
  planPercent: number | null;
  changePercent: number | null;
  period: string | null;
  periodText: string | null;
  text: string;
  paper: { id: string; symbol: string | null; title: string | null; issuedOn: string | null };
  unitMatches: boolean;
  attached: boolean;
  /** How well the fact matches the target (the list is sorted by it). */
  score: number;
}

/** POST /api/targets/resolutions/:id/import */
export interface ValuesImport {
  created: number;
  updated: number;
  skipped: number;
  targets: number;
}

// ---------------------------------------------------------------------------
// Explanation requests

export interface ExplanationView {
  id: string;
  target: { id: string; code: string; name: string; resolutionId: string };
  period: string;
  periodLabel: string;
  unit: { id: string; name: string } | null;
  message: string;
  dueOn: string | null;
  status: ExplanationStatus;
  requestedBy: string | null;
  requestedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  version: number;
  /** The caller may answer (the owner unit) / close (the office). */
  canAnswer: boolean;
}

// ---------------------------------------------------------------------------
// A target's page

/** A target's assessment for one period, as stored. */
export interface AssessmentView extends AssessedFigures {
  period: string;
  periodLabel: string;
}

/** GET /api/targets/items/:id */
export interface TargetDetail {
  target: TargetCatalogue & { owner: { id: string; name: string } | null };
  resolution: ResolutionView;
  termCode: string;
  values: ValueView[];
  assessments: AssessmentView[];
  chart: {
    year: number;
    years: number[];
    months: TrajectoryPoint[];
    yearly: YearPoint[];
    termPlan: number | null;
  };
  explanations: ExplanationView[];
  mine: boolean;
}
