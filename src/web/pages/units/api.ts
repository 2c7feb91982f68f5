// The organisation-tree API as the units screen calls it. The shapes the server answers are
// declared once, in src/domain/api/units.ts, and the bodies the screen sends are the server's
// own schemas' (src/domain/api/units-input.ts), for the server and this module alike.
import type { ImportSummary, SplitResult, UnitDetail, UnitTree } from "../../../domain/api/units.ts";
import type { ChangeBody, CorrectionBody, CreateUnitBody, MergeBody, SplitBody } from "../../../domain/api/units-input.ts";
import { api, download, query, uploadWithProgress } from "../../api/client.ts";
import { forgetUnits } from "../../components/units.ts";

/** Every write changes the tree: the shared cache of trees by date is dropped. */
async function write<T>(p: Promise<T>): Promise<T> {
  const result = await p;
  forgetUnits();
  return result;
}

export const unitsApi = {
  asOf: (asOf: string, signal?: AbortSignal) =>
    api.get<UnitTree>(`/api/units${query({ asOf })}`, { signal }),
  detail: (id: string, signal?: AbortSignal) => api.get<UnitDetail>(`/api/units/${id}`, { signal }),
  create: (body: CreateUnitBody) => write(api.post<UnitDetail>("/api/units", body)),
  correct: (id: string, validFrom: string, body: CorrectionBody) =>
    write(api.patch<UnitDetail>(`/api/units/${id}/versions/${validFrom}`, body)),
  change: (id: string, body: ChangeBody) => write(api.post<UnitDetail>(`/api/units/${id}/changes`, body)),
  merge: (body: MergeBody) => write(api.post<UnitDetail>("/api/units/merge", body)),
  split: (body: SplitBody) => write(api.post<SplitResult>("/api/units/split", body)),
  import: (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
    write(uploadWithProgress<ImportSummary>("/api/units/import", file, { onProgress, signal })),
  export: (format: "json" | "xlsx") => download(`/api/units/export${query({ format })}`, `co-cau-to-chuc.${format}`),
};
