// The audit trail API as the audit screen calls it. The shapes the server answers are declared
// once, in src/domain/api/audit.ts, for the server and this module alike.
import type { AuditCheck, AuditLog } from "../../../domain/api/audit.ts";
import { api, query } from "../../api/client.ts";

export interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export const PAGE_SIZE = 100;

export const auditApi = {
  list: (filter: AuditFilter, before?: number, signal?: AbortSignal) =>
    api.get<AuditLog>(`/api/audit${query({ ...filter, before, limit: PAGE_SIZE })}`, { signal }),
  verify: () => api.get<AuditCheck>("/api/audit/verify"),
};
