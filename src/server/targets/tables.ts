import type { ColumnType, Generated } from "kysely";
import type { Direction, ExplanationStatus, Likelihood, ResolutionKind, Status, StatusReason, TermBasis, ValueBasis, ValueStatus } from "../../domain/targets.ts";
import type { DateString, Timestamp, TimestampNullable } from "../db/column-types.ts";

export interface ResolutionsTable {
  province_id: number;
  id: string;
  kind: ResolutionKind;
  symbol: string | null;
  title: string;
  term: string | null;
  year: number | null;
  issued_on: DateString | null;
  paper_id: string | null;
  note: string | null;
  archived_at: TimestampNullable;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TargetsTable {
  province_id: number;
  resolution_id: string;
  id: string;
  code: string;
  name: string;
  measure_unit: string;
  direction: Direction;
  threshold: number | null;
  accumulates: boolean;
  term_basis: TermBasis;
  period_kinds: string[];
  owner_unit_id: string | null;
  position: number;
  note: string | null;
  archived_at: TimestampNullable;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TargetPlansTable {
  province_id: number;
  target_id: string;
  period: string;
  value: number;
}

export interface TargetValuesTable {
  province_id: number;
  id: string;
  target_id: string;
  period: string;
  basis: ValueBasis;
  value: number;
  source: string | null;
  cutoff_on: DateString | null;
  note: string | null;
  status: ColumnType<ValueStatus, ValueStatus | undefined, ValueStatus>;
  return_note: string | null;
  paper_id: string | null;
  paper_fact_id: string | null;
  entered_by: string | null;
  submitted_by: string | null;
  submitted_at: TimestampNullable;
  approved_by: string | null;
  approved_at: TimestampNullable;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TargetAssessmentsTable {
  province_id: number;
  resolution_id: string;
  period: string;
  target_id: string;
  actual: number | null;
  actual_basis: ValueBasis | null;
  actual_from: string[] | null;
  plan: number | null;
  expected_share: number | null;
  share_method: string | null;
  expected: number | null;
  percent_of_plan: number | null;
  ratio: number | null;
  last_year: number | null;
  change: number | null;
  change_kind: "percent" | "points";
  status: Status;
  reason: StatusReason | null;
  forecast_year: number | null;
  forecast_year_method: string | null;
  likelihood_year: Likelihood | null;
  forecast_term: number | null;
  likelihood_term: Likelihood | null;
  pending: Generated<number>;
  computed_at: Timestamp;
}

export interface TargetExplanationsTable {
  province_id: number;
  id: string;
  target_id: string;
  period: string;
  unit_id: string | null;
  message: string;
  due_on: DateString | null;
  status: ColumnType<ExplanationStatus, ExplanationStatus | undefined, ExplanationStatus>;
  requested_by: string | null;
  requested_at: Timestamp;
  answer: string | null;
  answered_by: string | null;
  answered_at: TimestampNullable;
  closed_by: string | null;
  closed_at: TimestampNullable;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TargetTables {
  resolutions: ResolutionsTable;
  targets: TargetsTable;
  target_plans: TargetPlansTable;
  target_values: TargetValuesTable;
  target_assessments: TargetAssessmentsTable;
  target_explanations: TargetExplanationsTable;
}
