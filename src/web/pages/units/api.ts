// The organisation-tree API as the units screen calls it. The shapes the server answers are
// declared once, in src/domain/api/units.ts, for the server and this module alike.
import type { ImportSummary, SplitResult, UnitDetail, UnitTree } from "../../../domain/api/units.ts";
import type { UnitKind } from "../../../domain/units.ts";
import { api, download, query, uploadWithProgress } from "../../api/client.ts";
import { forgetUnits } from "../../components/units.ts";

export interface NewUnitBody {
  code: string;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  aliases: string[];
  parentId: string | null;
}

export type ChangeBody =
  | { kind: "rename"; effective: string; name: string; shortName?: string | null; aliases?: string[]; note: string | null }
  | { kind: "move"; effective: string; parentId: string | null; note: string | null }
  | { kind: "edit"; effective: string; unitKind?: UnitKind; shortName?: string | null; aliases?: string[]; note: string | null }
  | { kind: "abolish"; effective: string; moveChildrenTo: string | null; note: string | null };

export interface VersionCorrection {
  version: number;
  name?: string;
  shortName?: string | null;
  aliases?: string[];
  kind?: UnitKind;
  parentId?: string | null;
}

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
  create: (body: NewUnitBody & { validFrom: string }) => write(api.post<UnitDetail>("/api/units", body)),
  correct: (id: string, validFrom: string, body: VersionCorrection) =>
    write(api.patch<UnitDetail>(`/api/units/${id}/versions/${validFrom}`, body)),
  change: (id: string, body: ChangeBody) => write(api.post<UnitDetail>(`/api/units/${id}/changes`, body)),
  merge: (body: {
    effective: string;
    fromIds: string[];
    target: { existingId: string; rename?: { name: string; shortName: string | null; aliases: string[] } } | { create: NewUnitBody };
    note: string | null;
  }) => write(api.post<UnitDetail>("/api/units/merge", body)),
  split: (body: { effective: string; fromId: string; into: NewUnitBody[]; endSource: boolean; childrenTo: string | null; note: string | null }) =>
    write(api.post<SplitResult>("/api/units/split", body)),
  import: (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
    write(uploadWithProgress<ImportSummary>("/api/units/import", file, { onProgress, signal })),
  export: (format: "json" | "xlsx") => download(`/api/units/export${query({ format })}`, `co-cau-to-chuc.${format}`),
};
