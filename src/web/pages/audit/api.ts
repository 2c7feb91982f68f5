// The audit trail API as the audit screen calls it (src/server/audit/routes.ts).
import { api, query } from "../../api/client.ts";

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export type AuditCheck =
  | { ok: true; provinces: number; rows: number }
  | { ok: false; provinceId: number; seq: number; problem: string; rows: number };

export const PAGE_SIZE = 100;

export const auditApi = {
  list: (filter: AuditFilter, before?: number, signal?: AbortSignal) =>
    api.get<{ entries: AuditEntry[] }>(`/api/audit${query({ ...filter, before, limit: PAGE_SIZE })}`, { signal }),
  verify: () => api.get<AuditCheck>("/api/audit/verify"),
};
