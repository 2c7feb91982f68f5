// The targets API as the screens call it, with the shapes the server answers
// (src/server/targets/queries.ts).
import type { Direction, Likelihood, Status, TermBasis, ValueBasis } from "../../../domain/targets.ts";
import { api, download, query, uploadWithProgress } from "../../api/client.ts";

export type ResolutionKind = "congress" | "yearly_resolution" | "yearly_programme";
export type ValueStatus = "draft" | "submitted" | "approved";
export type ExplanationStatus = "open" | "answered" | "closed";

export interface Resolution {
  id: string;
  kind: ResolutionKind;
  kindLabel: string;
  symbol: string | null;
  title: string;
  term: string | null;
  year: number | null;
  scopeLabel: string;
  issuedOn: string | null;
  paperId: string | null;
  paper: { id: string; symbol: string | null; title: string | null; status: string } | null;
  note: string | null;
  archived: boolean;
  version: number;
  targetCount: number;
}

export interface PeriodOption {
  code: string;
  label: string;
  kind: string;
  year: number;
}

export interface Plan {
  period: string;
  label: string;
  value: number;
}

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
  plans: Plan[];
}

export interface ResolutionDetail {
  resolution: Resolution;
  periods: PeriodOption[];
  defaultPeriod: string;
  targets: TargetCatalogue[];
}

export interface TableRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  direction: Direction;
  accumulates: boolean;
  periodKinds: string[];
  owner: { id: string; name: string } | null;
  position: number;
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
  reason: string | null;
  reasonLabel: string | null;
  forecastYear: number | null;
  forecastYearMethod: string | null;
  likelihoodYear: Likelihood | null;
  likelihoodYearLabel: string | null;
  forecastTerm: number | null;
  likelihoodTerm: Likelihood | null;
  likelihoodTermLabel: string | null;
  pending: number;
  openExplanations: number;
  mine: boolean;
}

export interface SummaryView {
  total: number;
  assessable: number;
  onTrack: number;
  exceeded: number;
  met: number;
  behind: number;
  period: string;
  periodLabel: string;
  line: string;
}

export interface TableResponse {
  resolution: Resolution;
  period: string;
  periodLabel: string;
  summary: SummaryView;
  rows: TableRow[];
}

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

export interface ValueListRow extends ValueView {
  target: { id: string; code: string; name: string; unit: string; ownerName: string | null };
  resolution: { id: string; title: string; symbol: string | null };
}

export interface Assessment {
  period: string;
  periodLabel: string;
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
  reason: string | null;
  forecastYear: number | null;
  forecastYearMethod: string | null;
  likelihoodYear: Likelihood | null;
  forecastTerm: number | null;
  likelihoodTerm: Likelihood | null;
  pending: number;
}

export interface Explanation {
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
  canAnswer: boolean;
}

export interface TargetDetail {
  target: TargetCatalogue & { owner: { id: string; name: string } | null };
  resolution: Resolution;
  termCode: string;
  values: ValueView[];
  assessments: Assessment[];
  chart: {
    year: number;
    years: number[];
    months: { month: number; actual: number | null; expected: number | null; forecast: number | null }[];
    yearly: { year: number; actual: number | null; actualBasis: ValueBasis | null; plan: number | null; forecast: number | null }[];
    termPlan: number | null;
  };
  explanations: Explanation[];
  mine: boolean;
}

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
}

export interface NewTargetBody {
  code: string;
  name: string;
  unit: string;
  direction: Direction;
  threshold: number | null;
  accumulates: boolean;
  termBasis?: TermBasis;
  periodKinds: string[];
  ownerUnitId: string | null;
  note: string | null;
  plans: { period: string; value: number }[];
}

export interface NewValueBody {
  period: string;
  basis: ValueBasis;
  value: number;
  source: string | null;
  cutoffOn: string | null;
  note: string | null;
  submit: boolean;
}

export const targetsApi = {
  resolutions: (archived = false) => api.get<{ resolutions: Resolution[] }>(`/api/targets/resolutions${query({ archived: archived ? "1" : undefined })}`),
  createResolution: (body: Record<string, unknown>) => api.post<Resolution>("/api/targets/resolutions", body),
  updateResolution: (id: string, body: Record<string, unknown>) => api.patch<Resolution>(`/api/targets/resolutions/${id}`, body),
  resolution: (id: string, signal?: AbortSignal) => api.get<ResolutionDetail>(`/api/targets/resolutions/${id}`, { signal }),
  table: (id: string, period: string | undefined, signal?: AbortSignal) =>
    api.get<TableResponse>(`/api/targets/resolutions/${id}/table${query({ period })}`, { signal }),
  exportTable: (id: string, period: string) => download(`/api/targets/resolutions/${id}/export${query({ period })}`, `chi-tieu-${period}.xlsx`),
  template: (id: string) => download(`/api/targets/resolutions/${id}/template`, "mau-nhap-so-lieu.xlsx"),
  importValues: (id: string, file: File, onProgress?: (f: number) => void) =>
    uploadWithProgress<{ created: number; updated: number; skipped: number; targets: number }>(`/api/targets/resolutions/${id}/import`, file, { onProgress }),
  createTarget: (resolutionId: string, body: NewTargetBody) => api.post<TargetCatalogue>(`/api/targets/resolutions/${resolutionId}/targets`, body),
  target: (id: string, year?: number, signal?: AbortSignal) => api.get<TargetDetail>(`/api/targets/items/${id}${query({ year })}`, { signal }),
  updateTarget: (id: string, body: Record<string, unknown>) => api.patch<TargetDetail>(`/api/targets/items/${id}`, body),
  enter: (id: string, body: NewValueBody) => api.post<ValueView>(`/api/targets/items/${id}/values`, body),
  facts: (id: string) => api.get<{ facts: FactSuggestion[] }>(`/api/targets/items/${id}/facts`),
  attachFact: (id: string, body: { factId: string; period?: string; basis: ValueBasis; acceptUnit?: boolean }) => api.post<ValueView>(`/api/targets/items/${id}/values/from-fact`, body),
  values: (q: { status?: ValueStatus; resolutionId?: string; mine?: boolean }) => api.get<{ values: ValueListRow[] }>(`/api/targets/values${query({ ...q, mine: q.mine === undefined ? undefined : q.mine ? "1" : "0" })}`),
  editValue: (id: string, body: Record<string, unknown>) => api.patch<ValueView>(`/api/targets/values/${id}`, body),
  submit: (id: string, version: number) => api.post<ValueView>(`/api/targets/values/${id}/submit`, { version }),
  approve: (id: string, version: number) => api.post<ValueView>(`/api/targets/values/${id}/approve`, { version }),
  returnValue: (id: string, version: number, reason: string) => api.post<ValueView>(`/api/targets/values/${id}/return`, { version, reason }),
  requestExplanation: (id: string, body: { period: string; message: string; dueOn: string | null }) => api.post<Explanation>(`/api/targets/items/${id}/explanations`, body),
  explanations: (status?: ExplanationStatus) => api.get<{ explanations: Explanation[] }>(`/api/targets/explanations${query({ status })}`),
  answer: (id: string, version: number, answer: string) => api.post<Explanation>(`/api/targets/explanations/${id}/answer`, { version, answer }),
  close: (id: string, version: number) => api.post<Explanation>(`/api/targets/explanations/${id}/close`, { version }),
};
