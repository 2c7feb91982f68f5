// The directives API as the screens call it, with the shapes the server answers
// (src/server/directives/queries.ts and routes.ts).
import type { Deadline, DirectiveClassification, DirectiveStatus, Priority, RequestKind, RequestStatus, Timeliness } from "../../../domain/directives.ts";
import { ApiError, api, download, query, uploadWithProgress } from "../../api/client.ts";

export const DIRECTIVES_PATH = "/nhiem-vu";
export const MY_WORK_PATH = "/viec-cua-toi";
export const NOTIFICATIONS_PATH = "/thong-bao";
export const directivePath = (id: string) => `${DIRECTIVES_PATH}/${id}`;
export const assignPath = (paperId?: string) => `${DIRECTIVES_PATH}/giao-tu-van-ban${paperId ? `/${paperId}` : ""}`;
export const STATS_PATH = `${DIRECTIVES_PATH}/thong-ke`;
export const REQUESTS_PATH = `${DIRECTIVES_PATH}/de-nghi`;
/** The drafted letter (công văn đôn đốc) of a recorded urging. */
export const urgingLetterUrl = (urgingId: string, format: "docx" | "pdf" = "docx") => `/api/directives/urgings/${urgingId}/letter?format=${format}`;

export interface SheetRow {
  id: string;
  version: number;
  ordinal: string | null;
  content: string;
  paperId: string | null;
  paperSymbol: string | null;
  paperIssuedOn: string | null;
  leadUnitId: string;
  leadUnitName: string;
  partnerUnitIds: string[];
  partnerUnitNames: string[];
  deadline: Deadline;
  deadlineText: string;
  dueOn: string | null;
  daysLeft: number | null;
  status: DirectiveStatus;
  statusLabel: string;
  timeliness: Timeliness;
  timelinessLabel: string;
  progress: number | null;
  lastReportOn: string | null;
  lastReport: string | null;
  result: string | null;
  requestedOn: string | null;
  completedOn: string | null;
  followerId: string | null;
  followerName: string | null;
  leaderId: string | null;
  leaderName: string | null;
  priority: Priority;
  priorityLabel: string;
  classification: DirectiveClassification;
  classificationLabel: string;
  expectedProduct: string | null;
  note: string | null;
  parentId: string | null;
  assigneeId: string | null;
}

export interface SheetQuery {
  asOf?: string;
  paperId?: string;
  unitId?: string;
  unitRole?: "lead" | "any";
  status?: string;
  timeliness?: string;
  dueFrom?: string;
  dueTo?: string;
  leaderId?: string;
  followerId?: string;
  q?: string;
  parts?: "top" | "all";
  sort?: "due" | "ordinal" | "unit" | "status" | "created";
  order?: "asc" | "desc";
  limit?: number;
  offset?: number;
}

export interface Report {
  id: string;
  version: number;
  unitId: string;
  unitName: string;
  role: "lead" | "partner";
  progress: number;
  narrative: string;
  difficulties: string | null;
  proposals: string | null;
  reportedById: string | null;
  reportedByName: string | null;
  reportedAt: string;
  reportedOn: string;
  files: { id: string; name: string; mime: string; size: number; url: string }[];
}

export interface RequestView {
  id: string;
  version: number;
  kind: RequestKind;
  kindLabel: string;
  status: RequestStatus;
  statusLabel: string;
  reason: string | null;
  result: string | null;
  proposedDeadline: Deadline | null;
  proposedDeadlineText: string | null;
  requestedByName: string | null;
  requestedAt: string;
  requestedOn: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  approvedDeadlineText: string | null;
}

export interface DirectiveDetail {
  asOf: string;
  directive: SheetRow;
  paperItem: { ordinal: string; text: string; deadline_text: string | null } | null;
  assigneeName: string | null;
  source: string;
  createdAt: string;
  parent: { id: string; content: string; ordinal: string | null; leadUnitName: string } | null;
  children: { id: string; content: string; ordinal: string | null; leadUnitName: string; assigneeName: string | null }[];
  history: {
    seq: number;
    at: string;
    onDate: string;
    kind: string;
    fromStatus: DirectiveStatus | null;
    toStatus: DirectiveStatus | null;
    actorName: string | null;
    reason: string | null;
    data: Record<string, unknown> | null;
  }[];
  states: { validFrom: string; validTo: string | null; status: DirectiveStatus; statusLabel: string; leadUnitName: string; dueOn: string | null }[];
  deadlines: { seq: number; deadline: Deadline; text: string; dueOn: string | null; effectiveOn: string; requestId: string | null; reason: string | null; setByName: string | null; setAt: string }[];
  reports: Report[];
  requests: RequestView[];
  urgings: { id: string; symbol: string | null; issuedOn: string; content: string; issuedByName: string | null; createdAt: string }[];
}

export interface PaperPlanBody {
  name: string;
  unitId: string | null;
  live: boolean;
  currentName: string | null;
  successorIds: string[];
  successorNames: string[];
}

export interface PaperPlan {
  paper: { id: string; kind: string | null; symbol: string | null; issuedOn: string | null; title: string | null; issuer: string | null; status: string };
  assignable: boolean;
  items: {
    paperDirectiveId: string;
    ordinal: string;
    position: number;
    text: string;
    leads: PaperPlanBody[];
    partners: PaperPlanBody[];
    deadlineText: string | null;
    proposed: { leadUnitId: string | null; partnerUnitIds: string[]; deadline: Deadline };
    needsChoice: boolean;
    notes: string[];
    trackedDirectiveId: string | null;
  }[];
}

export interface UnitStats {
  unitId: string;
  unitName: string;
  total: number;
  doneOnTime: number;
  doneLate: number;
  notYetDue: number;
  overdue: number;
  onTimePercent: number | null;
  rank: number | null;
}

export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  directiveId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NewDirective {
  content: string;
  leadUnitId: string;
  partnerUnitIds?: string[];
  followerId?: string | null;
  leaderId?: string | null;
  deadline: Deadline;
  expectedProduct?: string | null;
  priority?: Priority;
  classification?: DirectiveClassification;
  note?: string | null;
}

export interface PersonOption {
  id: string;
  fullName: string;
  role: string;
  unitIds: string[];
}

export const directivesApi = {
  sheet: (q: SheetQuery, signal?: AbortSignal) => api.get<{ asOf: string; dueSoonDays: number; total: number; rows: SheetRow[] }>(`/api/directives${query({ ...q })}`, { signal }),
  get: (id: string, asOf?: string) => api.get<DirectiveDetail>(`/api/directives/${id}${query({ asOf })}`),
  create: (body: NewDirective) => api.post<DirectiveDetail>("/api/directives", body),
  edit: (id: string, body: Record<string, unknown> & { version: number }) => api.patch<DirectiveDetail>(`/api/directives/${id}`, body),
  start: (id: string, version: number) => api.post<DirectiveDetail>(`/api/directives/${id}/start`, { version }),
  status: (id: string, version: number, action: "suspend" | "resume" | "withdraw", reason: string | null) => api.post<DirectiveDetail>(`/api/directives/${id}/status`, { version, action, reason }),
  report: (id: string, fields: Record<string, string>, files: File[]) => uploadFiles<DirectiveDetail>(`/api/directives/${id}/reports`, fields, files),
  request: (id: string, body: { version: number; kind: RequestKind; reason?: string | null; result?: string | null; proposedDeadline?: Deadline | null }) =>
    api.post<DirectiveDetail & { requestId: string }>(`/api/directives/${id}/requests`, body),
  recall: (id: string, requestId: string, version: number) => api.post<DirectiveDetail>(`/api/directives/${id}/requests/${requestId}/recall`, { version }),
  decide: (id: string, requestId: string, body: { version: number; approve: boolean; reason?: string | null; deadline?: Deadline | null }) =>
    api.post<DirectiveDetail>(`/api/directives/${id}/requests/${requestId}/decision`, body),
  delegate: (id: string, body: { content: string; leadUnitId?: string | null; assigneeId?: string | null; deadline: Deadline; expectedProduct?: string | null }) =>
    api.post<DirectiveDetail>(`/api/directives/${id}/delegate`, body),
  urge: (body: { directiveIds: string[]; content: string; symbol?: string | null }) => api.post<{ id: string; directives: number; mails: number }>("/api/directives/urgings", body),
  stats: (q: { asOf?: string; paperId?: string; dueFrom?: string; dueTo?: string }) =>
    api.get<{ asOf: string; units: UnitStats[]; totals: Omit<UnitStats, "unitId" | "unitName" | "rank"> }>(`/api/directives/stats${query(q)}`),
  papers: () => api.get<{ papers: { id: string; kind: string | null; symbol: string | null; issuedOn: string | null; title: string | null; items: number; tracked: number }[] }>("/api/directives/papers"),
  plan: (paperId: string) => api.get<PaperPlan>(`/api/directives/from-paper/${paperId}`),
  assignFromPaper: (paperId: string, items: Record<string, unknown>[]) => api.post<{ created: number; ids: string[] }>(`/api/directives/from-paper/${paperId}`, { items }),
  requests: () =>
    api.get<{ requests: { id: string; kind: RequestKind; reason: string | null; result: string | null; requested_on: string; directiveId: string; content: string; leadUnitName: string; version: number }[] }>(
      "/api/directives/requests",
    ),
  exportXlsx: (q: SheetQuery) => download(`/api/directives/export${query({ ...q, limit: undefined, offset: undefined })}`, "theo-doi-nhiem-vu.xlsx"),
  importXlsx: (file: File, onProgress: (f: number) => void) => uploadWithProgress<{ created: number; skipped: number }>("/api/directives/import", file, { onProgress }),
  myWork: (asOf?: string) => api.get<{ asOf: string; lead: SheetRow[]; partner: SheetRow[]; counts: { overdue: number; dueSoon: number; awaiting: number; total: number } }>(`/api/my-work${query({ asOf })}`),
  notices: (unread?: boolean) => api.get<{ unread: number; items: Notice[] }>(`/api/notifications${query({ unread: unread ? "true" : undefined, limit: 100 })}`),
  readNotice: (id: string) => api.post(`/api/notifications/${id}/read`),
  readAll: () => api.post("/api/notifications/read-all"),
  people: (role: string) => api.get<{ users: PersonOption[] }>(`/api/users${query({ role })}`),
};

/** A multipart post of fields and any number of files (a progress report with attachments). */
async function uploadFiles<T>(path: string, fields: Record<string, string>, files: File[]): Promise<T> {
  if (!files.length) return api.post<T>(path, { ...fields, progress: Number(fields.progress) });
  const session = await api.get<{ csrfToken: string }>("/api/session");
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("files", f, f.name);
  let res: Response;
  try {
    res = await fetch(path, { method: "POST", body: form, credentials: "same-origin", headers: { Accept: "application/json", "X-CSRF-Token": session.csrfToken } });
  } catch {
    throw new ApiError(0, "network", "Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.");
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? "Không gửi được báo cáo.", body?.error?.details ?? null);
  return body as T;
}
