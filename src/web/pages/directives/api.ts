// The directives API as the screens call it. The shapes the server answers are declared once, in
// src/domain/api/directives.ts, and the bodies the screens send are the server's own schemas'
// (src/domain/api/directives-input.ts), for the server and this module alike.
import type {
  AssignablePaper,
  AssignResult,
  DirectivePage,
  DirectiveStats,
  ImportResult,
  MyWork,
  Notices,
  PaperPlan,
  PendingRequest,
  ReportedPage,
  RequestedPage,
  SheetPage,
  UrgingResult,
} from "../../../domain/api/directives.ts";
import type { UserList } from "../../../domain/api/users.ts";
import type {
  ActionBody,
  DecisionBody,
  DelegateBody,
  EditBody,
  FromPaperBody,
  FromPaperItem,
  NewDirectiveBody,
  RecallBody,
  RequestBody,
  SheetQuery,
  StatsQuery,
  StatusBody,
  UrgingBody,
} from "../../../domain/api/directives-input.ts";
import { ApiError, api, download, ensureCsrfToken, query, uploadWithProgress } from "../../api/client.ts";

export const DIRECTIVES_PATH = "/nhiem-vu";
export const MY_WORK_PATH = "/viec-cua-toi";
export const NOTIFICATIONS_PATH = "/thong-bao";
export const directivePath = (id: string) => `${DIRECTIVES_PATH}/${id}`;
export const assignPath = (paperId?: string) => `${DIRECTIVES_PATH}/giao-tu-van-ban${paperId ? `/${paperId}` : ""}`;
export const STATS_PATH = `${DIRECTIVES_PATH}/thong-ke`;
export const REQUESTS_PATH = `${DIRECTIVES_PATH}/de-nghi`;
/** The drafted letter (công văn đôn đốc) of a recorded urging. */
export const urgingLetterUrl = (urgingId: string, format: "docx" | "pdf" = "docx") => `/api/directives/urgings/${urgingId}/letter?format=${format}`;

export const directivesApi = {
  sheet: (q: SheetQuery, signal?: AbortSignal) => api.get<SheetPage>(`/api/directives${query({ ...q })}`, { signal }),
  get: (id: string, asOf?: string) => api.get<DirectivePage>(`/api/directives/${id}${query({ asOf })}`),
  create: (body: NewDirectiveBody) => api.post<DirectivePage>("/api/directives", body),
  edit: (id: string, body: EditBody) => api.patch<DirectivePage>(`/api/directives/${id}`, body),
  start: (id: string, version: number) => api.post<DirectivePage>(`/api/directives/${id}/start`, { version } satisfies ActionBody),
  status: (id: string, version: number, action: StatusBody["action"], reason: string | null) =>
    api.post<DirectivePage>(`/api/directives/${id}/status`, { version, action, reason } satisfies StatusBody),
  report: (id: string, fields: Record<string, string>, files: File[]) => uploadFiles<ReportedPage>(`/api/directives/${id}/reports`, fields, files),
  request: (id: string, body: RequestBody) => api.post<RequestedPage>(`/api/directives/${id}/requests`, body),
  recall: (id: string, requestId: string, version: number) => api.post<DirectivePage>(`/api/directives/${id}/requests/${requestId}/recall`, { version } satisfies RecallBody),
  decide: (id: string, requestId: string, body: DecisionBody) =>
    api.post<DirectivePage>(`/api/directives/${id}/requests/${requestId}/decision`, body),
  delegate: (id: string, body: DelegateBody) => api.post<DirectivePage>(`/api/directives/${id}/delegate`, body),
  urge: (body: UrgingBody) => api.post<UrgingResult>("/api/directives/urgings", body),
  stats: (q: StatsQuery) => api.get<DirectiveStats>(`/api/directives/stats${query(q)}`),
  papers: () => api.get<{ papers: AssignablePaper[] }>("/api/directives/papers"),
  plan: (paperId: string) => api.get<PaperPlan>(`/api/directives/from-paper/${paperId}`),
  assignFromPaper: (paperId: string, items: FromPaperItem[]) => api.post<AssignResult>(`/api/directives/from-paper/${paperId}`, { items } satisfies FromPaperBody),
  requests: () => api.get<{ requests: PendingRequest[] }>("/api/directives/requests"),
  exportXlsx: (q: SheetQuery) => download(`/api/directives/export${query({ ...q, limit: undefined, offset: undefined })}`, "theo-doi-nhiem-vu.xlsx"),
  importXlsx: (file: File, onProgress: (f: number) => void) => uploadWithProgress<ImportResult>("/api/directives/import", file, { onProgress }),
  myWork: (asOf?: string) => api.get<MyWork>(`/api/my-work${query({ asOf })}`),
  notices: (unread?: boolean) => api.get<Notices>(`/api/notifications${query({ unread: unread ? "true" : undefined, limit: 100 })}`),
  readNotice: (id: string) => api.post(`/api/notifications/${id}/read`),
  readAll: () => api.post("/api/notifications/read-all"),
  people: (role: string) => api.get<UserList>(`/api/users${query({ role })}`),
};

/** A multipart post of fields and any number of files (a progress report with attachments). */
async function uploadFiles<T>(path: string, fields: Record<string, string>, files: File[]): Promise<T> {
  if (!files.length) return api.post<T>(path, { ...fields, progress: Number(fields.progress) });
  const token = await ensureCsrfToken();
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("files", f, f.name);
  let res: Response;
  try {
    res = await fetch(path, { method: "POST", body: form, credentials: "same-origin", headers: { Accept: "application/json", "X-CSRF-Token": token } });
  } catch {
    throw new ApiError(0, "network", "Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.");
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? "Không gửi được báo cáo.", body?.error?.details ?? null);
  return body as T;
}
