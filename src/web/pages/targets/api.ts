// The targets API as the screens call it. The shapes the server answers are declared once,
// in src/domain/api/targets.ts, for the server and this module alike.
import type {
  ExplanationView,
  FactSuggestion,
  ResolutionDetail,
  ResolutionTable,
  ResolutionView,
  TargetCatalogue,
  TargetDetail,
  ValueListRow,
  ValuesImport,
  ValueView,
} from "../../../domain/api/targets.ts";
import type { Direction, ExplanationStatus, TermBasis, ValueBasis, ValueStatus } from "../../../domain/targets.ts";
import { api, download, query, uploadWithProgress } from "../../api/client.ts";

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
  resolutions: (archived = false) => api.get<{ resolutions: ResolutionView[] }>(`/api/targets/resolutions${query({ archived: archived ? "1" : undefined })}`),
  createResolution: (body: Record<string, unknown>) => api.post<ResolutionView>("/api/targets/resolutions", body),
  updateResolution: (id: string, body: Record<string, unknown>) => api.patch<ResolutionView>(`/api/targets/resolutions/${id}`, body),
  resolution: (id: string, signal?: AbortSignal) => api.get<ResolutionDetail>(`/api/targets/resolutions/${id}`, { signal }),
  table: (id: string, period: string | undefined, signal?: AbortSignal) =>
    api.get<ResolutionTable>(`/api/targets/resolutions/${id}/table${query({ period })}`, { signal }),
  exportTable: (id: string, period: string) => download(`/api/targets/resolutions/${id}/export${query({ period })}`, `chi-tieu-${period}.xlsx`),
  template: (id: string) => download(`/api/targets/resolutions/${id}/template`, "mau-nhap-so-lieu.xlsx"),
  importValues: (id: string, file: File, onProgress?: (f: number) => void) =>
    uploadWithProgress<ValuesImport>(`/api/targets/resolutions/${id}/import`, file, { onProgress }),
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
  requestExplanation: (id: string, body: { period: string; message: string; dueOn: string | null }) => api.post<ExplanationView>(`/api/targets/items/${id}/explanations`, body),
  explanations: (status?: ExplanationStatus) => api.get<{ explanations: ExplanationView[] }>(`/api/targets/explanations${query({ status })}`),
  answer: (id: string, version: number, answer: string) => api.post<ExplanationView>(`/api/targets/explanations/${id}/answer`, { version, answer }),
  close: (id: string, version: number) => api.post<ExplanationView>(`/api/targets/explanations/${id}/close`, { version }),
};
