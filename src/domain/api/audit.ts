// What the audit trail API answers (src/server/audit/routes.ts and audit.ts), declared once for
// the server, which returns these types, and the browser (src/web/pages/audit/api.ts), which
// reads them.
//
// An entry's instant is the type parameter `At`: the server reads it as a Date (`At = Date`),
// which JSON writes as its ISO string, what the browser reads (`At = string`, the default).

/** One row of the audit log as the trail shows it. */
export interface AuditLogEntry<At = string> {
  seq: number;
  at: At;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  /** The object before and after the change, as recorded (JSON). */
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
}

/** GET /api/audit: a page of the trail, newest first. */
export interface AuditLog<At = string> {
  entries: AuditLogEntry<At>[];
}

/** GET /api/audit/verify: the chain is whole, or where it first breaks. */
export type AuditCheck =
  | { ok: true; provinces: number; rows: number }
  | { ok: false; provinceId: number; seq: number; problem: string; rows: number };
