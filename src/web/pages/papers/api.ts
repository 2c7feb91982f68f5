// The papers API as the screens call it. The shapes the server answers are declared once, in
// src/domain/api/papers.ts, and the bodies the screens send are the server's own schemas'
// (src/domain/api/papers-input.ts), for the server and this module alike.
import type { PaperDetail, PaperList, PaperSummary, PaperUpload } from "../../../domain/api/papers.ts";
import type { ArchiveBody, ClassifyBody, CorrectionBody, ListQuery, RegisterBody, ReviewBody } from "../../../domain/api/papers-input.ts";
import type { PaperItems, PaperMeta } from "../../../domain/papers.ts";
import { api, query, uploadWithProgress } from "../../api/client.ts";

export const papersApi = {
  list: (q: ListQuery) => api.get<PaperList>(`/api/papers${query({ ...q })}`),
  get: (id: string) => api.get<PaperDetail>(`/api/papers/${id}`),
  upload: (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
    uploadWithProgress<PaperUpload>("/api/papers", file, { onProgress, signal }),
  register: (body: RegisterBody) => api.post<{ paper: PaperSummary }>("/api/papers/register", body),
  saveReview: (id: string, version: number, meta: PaperMeta, items: PaperItems) =>
    api.put<PaperDetail>(`/api/papers/${id}/review`, { version, meta, ...items } satisfies ReviewBody),
  confirm: (id: string, version: number) => api.post<PaperDetail>(`/api/papers/${id}/confirm`, { version }),
  correct: (id: string, version: number, meta: PaperMeta, reason: string) =>
    api.put<PaperDetail>(`/api/papers/${id}/particulars`, { version, meta, reason } satisfies CorrectionBody),
  archive: (id: string, version: number, reason: string | null) => api.post<PaperDetail>(`/api/papers/${id}/archive`, { version, reason } satisfies ArchiveBody),
  restore: (id: string, version: number) => api.post<PaperDetail>(`/api/papers/${id}/restore`, { version }),
  classify: (id: string, version: number, classification: ClassifyBody["classification"]) =>
    api.post<PaperDetail>(`/api/papers/${id}/classify`, { version, classification } satisfies ClassifyBody),
  fileUrl: (id: string) => `/api/papers/${id}/file`,
};
