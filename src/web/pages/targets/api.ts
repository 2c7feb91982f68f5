// The targets API as the screens call it. The shapes the server answers are declared once, in
// src/domain/api/targets.ts, and the bodies the screens send are the server's own schemas'
// (src/domain/api/targets-input.ts), for the server and this module alike.
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
import type {
  EditResolutionBody,
  EditTargetBody,
  EditValueBody,
  FromFactBody,
  NewExplanationBody,
  NewResolutionBody,
  NewTargetBody,
  NewValueBody,
} from "../../../domain/api/targets-input.ts";
import type { ExplanationStatus, ValueStatus } from "../../../domain/targets.ts";
import { api, download, query, uploadWithProgress } from "../../api/client.ts";

export const targetsApi = {
  resolutions: (archived = false) => api.get<{ resolutions: ResolutionView[] }>(`/api/targets/resolutions${query({ archived: archived ? "1" : undefined })}`),
  createResolution: (body: NewResolutionBody) => api.post<ResolutionView>("/api/targets/resolutions", body),
  updateResolution: (id: string, body: EditResolutionBody) => api.patch<ResolutionView>(`/api/targets/resolutions/${id}`, body),
  resolution: (id: string, signal?: AbortSignal) => api.get<ResolutionDetail>(`/api/targets/resolutions/${id}`, { signal }),
  table: (id: string, period: string | undefined, signal?: AbortSignal) =>
    api.get<ResolutionTable>(`/api/targets/resolutions/${id}/table${query({ period })}`, { signal }),
  exportTable: (id: string, period: string) => download(`/api/targets/resolutions/${id}/export${query({ period })}`, `chi-tieu-${period}.xlsx`),
  template: (id: string) => download(`/api/targets/resolutions/${id}/template`, "mau-nhap-so-lieu.xlsx"),
  importValues: (id: string, file: File, onProgress?: (f: number) => void) =>
    uploadWithProgress<ValuesImport>(`/api/targets/resolutions/${id}/import`, file, { onProgress }),
  createTarget: (resolutionId: string, body: NewTargetBody) => api.post<TargetCatalogue>(`/api/targets/resolutions/${resolutionId}/targets`, body),
  target: (id: string, year?: number, signal?: AbortSignal) => api.get<TargetDetail>(`/api/targets/items/${id}${query({ year })}`, { signal }),
  updateTarget: (id: string, body: EditTargetBody) => api.patch<TargetDetail>(`/api/targets/items/${id}`, body),
  enter: (id: string, body: NewValueBody) => api.post<ValueView>(`/api/targets/items/${id}/values`, body),
  facts: (id: string) => api.get<{ facts: FactSuggestion[] }>(`/api/targets/items/${id}/facts`),
  attachFact: (id: string, body: FromFactBody) => api.post<ValueView>(`/api/targets/items/${id}/values/from-fact`, body),
  values: (q: { status?: ValueStatus; resolutionId?: string; mine?: boolean }) => api.get<{ values: ValueListRow[] }>(`/api/targets/values${query({ ...q, mine: q.mine === undefined ? undefined : q.mine ? "1" : "0" })}`),
  editValue: (id: string, body: EditValueBody) => api.patch<ValueView>(`/api/targets/values/${id}`, body),
  submit: (id: string, version: number) => api.post<ValueView>(`/api/targets/values/${id}/submit`, { version }),
  approve: (id: string, version: number) => api.post<ValueView>(`/api/targets/values/${id}/approve`, { version }),
  returnValue: (id: string, version: number, reason: string) => api.post<ValueView>(`/api/targets/values/${id}/return`, { version, reason }),
  requestExplanation: (id: string, body: NewExplanationBody) => api.post<ExplanationView>(`/api/targets/items/${id}/explanations`, body),
  explanations: (status?: ExplanationStatus) => api.get<{ explanations: ExplanationView[] }>(`/api/targets/explanations${query({ status })}`),
  answer: (id: string, version: number, answer: string) => api.post<ExplanationView>(`/api/targets/explanations/${id}/answer`, { version, answer }),
  close: (id: string, version: number) => api.post<ExplanationView>(`/api/targets/explanations/${id}/close`, { version }),
};
