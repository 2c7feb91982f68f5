// What the leaders' dashboard answers (src/server/dashboard/queries.ts and routes.ts), declared
// once for the server, which returns these types, and the browser
// (src/web/pages/dashboard/api.ts), which reads them. The outcomes counted are the reports'
// (src/domain/directives.ts), so the dashboard and a report of the same cut-off agree.

import type { DirectiveStatus, Outcome, OutcomeTally } from "../directives.ts";
import type { ResolutionKind, Status as TargetStatus, Summary } from "../targets.ts";

/** Directives counted by state (withdrawn ones are not counted). */
export interface StatusCounts {
  not_started: number;
  in_progress: number;
  awaiting_confirmation: number;
  done: number;
  suspended: number;
}

/** A lead unit's directives by outcome. */
export interface UnitOutcomes extends OutcomeTally {
  unitId: string;
  name: string;
  onTimePercent: number | null;
  /** Rank by overdue (most first); units with none overdue are not ranked. */
  overdueRank: number | null;
}

export interface TrendPoint {
  /** yyyy-mm */
  month: string;
  /** Done in the month, on time and late (as recorded by the cut-off). */
  doneOnTime: number;
  doneLate: number;
  /** Work overdue at the end of the month (or at the cut-off, for the month it falls in). */
  overdue: number;
  /** The point is the cut-off day, not a month's end (its overdue count is the dashboard's). */
  atCutOff?: boolean;
}

/** The targets of the resolutions covering the period, by status. */
export interface TargetsOverview {
  resolutions: {
    id: string;
    kind: ResolutionKind;
    symbol: string | null;
    title: string;
    summary: Summary;
    /** "x/y chỉ tiêu đủ điều kiện đánh giá; a/b đạt tiến độ". */
    line: string;
  }[];
  total: Summary;
}

/** The picture for a period and a cut-off day. */
export interface Dashboard {
  period: { code: string; label: string; start: string; end: string };
  asOf: string;
  directives: { outcomes: OutcomeTally; statuses: StatusCounts; onTimePercent: number | null };
  units: UnitOutcomes[];
  targets: TargetsOverview;
  trend: TrendPoint[];
}

/** GET /api/dashboard: the picture, with the periods the selector offers and the server's today. */
export interface DashboardData extends Dashboard {
  choices: { code: string; label: string }[];
  today: string;
  /** When the period shows no targets: the latest period with figures of the province's targets (else null). */
  latestTargetPeriod: { code: string; label: string } | null;
}

// ---------------------------------------------------------------------------
// Drill-down: one lead unit

export interface UnitDirective {
  id: string;
  ordinal: string | null;
  content: string;
  status: DirectiveStatus;
  outcome: Outcome;
  dueOn: string | null;
  completedOn: string | null;
  daysLate: number | null;
  paper: { id: string; symbol: string | null; issuedOn: string | null } | null;
}

export interface UnitTarget {
  id: string;
  resolutionId: string;
  code: string;
  name: string;
  unit: string;
  plan: number | null;
  actual: number | null;
  percentOfPlan: number | null;
  status: TargetStatus;
}

/** A lead unit's directives in the scope and the targets it owns. */
export interface UnitDrillDown {
  unit: { id: string; name: string };
  directives: UnitDirective[];
  targets: UnitTarget[];
}

/** GET /api/dashboard/units/:unitId */
export interface UnitData extends UnitDrillDown {
  period: { code: string; label: string };
  asOf: string;
}
