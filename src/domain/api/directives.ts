// What the directives API answers (src/server/directives/routes.ts and queries.ts), declared
// once for both sides: the server's functions return these types, so a change that breaks the
// contract fails to compile there, and the browser (src/web/pages/directives/api.ts) reads the
// same declarations instead of a copy.
//
// Why a module of its own under src/domain/api/ rather than beside the rules in
// src/domain/directives.ts: the rules module says what a directive *is* (states, deadlines,
// timeliness) and is read for that; these are the shapes of one HTTP surface, grown by the
// screens' needs (labels, names, ids). Kept apart, each reads as one thing, and the folder
// mirrors src/server/<feature>/ and src/web/pages/<feature>/ under the same name.
//
// Dates are ISO strings (yyyy-mm-dd). Instants are the type parameter `At`: the server reads
// timestamptz columns as Date and fills these shapes with `At = Date`; JSON.stringify writes a
// Date as its ISO string, which is what the browser reads (`At = string`, the default).

import type {
  Deadline,
  DeadlineKind,
  DirectiveClassification,
  DirectiveStatus,
  Party,
  Priority,
  RequestKind,
  RequestStatus,
  Timeliness,
  UnitTally,
} from "../directives.ts";
import type { NamedBody, PaperStatus } from "../papers.ts";

// ---------------------------------------------------------------------------
// The tracking sheet and "Việc của tôi"

/** One directive as the sheet shows it, in the state in force on the cut-off day. */
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

/** GET /api/directives: a page of the sheet and how many rows match. */
export interface SheetPage {
  asOf: string;
  dueSoonDays: number;
  total: number;
  rows: SheetRow[];
}

/** GET /api/my-work: what the user's units lead (or was passed to the user), and what they support. */
export interface MyWork {
  asOf: string;
  lead: SheetRow[];
  partner: SheetRow[];
  counts: { overdue: number; dueSoon: number; awaiting: number; total: number };
}

// ---------------------------------------------------------------------------
// Statistics by lead unit

export interface UnitStats extends UnitTally {
  unitId: string;
  unitName: string;
  onTimePercent: number | null;
  rank: number | null;
}

/** GET /api/directives/stats */
export interface DirectiveStats {
  asOf: string;
  units: UnitStats[];
  totals: UnitTally & { onTimePercent: number | null };
}

// ---------------------------------------------------------------------------
// One directive's page

export interface ReportView<At = string> {
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
  reportedAt: At;
  reportedOn: string;
  files: { id: string; name: string; mime: string; size: number; url: string }[];
}

export interface RequestView<At = string> {
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
  requestedAt: At;
  requestedOn: string;
  decidedByName: string | null;
  decidedAt: At | null;
  decisionReason: string | null;
  approvedDeadlineText: string | null;
}

export interface HistoryEntry<At = string> {
  seq: number;
  at: At;
  onDate: string;
  kind: string;
  fromStatus: DirectiveStatus | null;
  toStatus: DirectiveStatus | null;
  actorName: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

export interface DeadlineChange<At = string> {
  seq: number;
  deadline: Deadline;
  text: string;
  dueOn: string | null;
  effectiveOn: string;
  requestId: string | null;
  reason: string | null;
  setByName: string | null;
  setAt: At;
}

export interface UrgingView<At = string> {
  id: string;
  symbol: string | null;
  issuedOn: string;
  content: string;
  issuedByName: string | null;
  createdAt: At;
}

/** A directive as of a day: what it is, where it comes from, and everything that happened to it. */
export interface DirectiveDetail<At = string> {
  asOf: string;
  /** Null when the directive had no state yet on the cut-off day (asked as of a day before it was assigned). */
  directive: SheetRow | null;
  paperItem: { ordinal: string; text: string; deadline_text: string | null } | null;
  assigneeName: string | null;
  source: string;
  createdAt: At;
  parent: { id: string; content: string; ordinal: string | null; leadUnitName: string } | null;
  children: { id: string; content: string; ordinal: string | null; leadUnitName: string; assigneeName: string | null }[];
  history: HistoryEntry<At>[];
  states: { validFrom: string; validTo: string | null; status: DirectiveStatus; statusLabel: string; leadUnitName: string; dueOn: string | null }[];
  deadlines: DeadlineChange<At>[];
  reports: ReportView<At>[];
  requests: RequestView<At>[];
  urgings: UrgingView<At>[];
}

/** What the signed-in user may do on the directive now (the screen shows only those buttons; the server checks again). */
export interface DirectiveAllowed {
  start: boolean;
  report: boolean;
  reportAs: "lead" | "partner";
  requests: RequestKind[];
  decide: boolean;
  status: ("suspend" | "resume" | "withdraw")[];
  edit: boolean;
  delegate: boolean;
  urge: boolean;
  recall: boolean;
}

/** GET /api/directives/:id, and the answer of every change made on the page. */
export interface DirectivePage<At = string> extends DirectiveDetail<At> {
  parties: Party[];
  allowed: DirectiveAllowed;
}

/** POST /api/directives/:id/reports: the page, and the report just made. */
export interface ReportedPage<At = string> extends DirectivePage<At> {
  reportId: string;
}

/** POST /api/directives/:id/requests: the page, and the request just made. */
export interface RequestedPage<At = string> extends DirectivePage<At> {
  requestId: string;
}

// ---------------------------------------------------------------------------
// Assigning from a confirmed paper

/** A body named by a paper's item, with the unit that carries its work today. */
export interface PaperPlanBody extends NamedBody {
  live: boolean;
  currentName: string | null;
  successorIds: string[];
  successorNames: string[];
}

export interface PaperPlanItem {
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
}

/** GET /api/directives/from-paper/:paperId */
export interface PaperPlan {
  paper: { id: string; kind: string | null; symbol: string | null; issuedOn: string | null; title: string | null; issuer: string | null; status: PaperStatus };
  assignable: boolean;
  items: PaperPlanItem[];
}

/** GET /api/directives/papers: confirmed papers with directive items, and how many are tracked. */
export interface AssignablePaper {
  id: string;
  kind: string | null;
  symbol: string | null;
  issuedOn: string | null;
  title: string | null;
  items: number;
  tracked: number;
}

// ---------------------------------------------------------------------------
// Requests waiting for a decision, urgings, imports

/** GET /api/directives/requests: a pending request (the request's own columns keep their SQL names). */
export interface PendingRequest {
  id: string;
  kind: RequestKind;
  reason: string | null;
  result: string | null;
  requested_on: string;
  proposed_kind: DeadlineKind | null;
  proposed_value: string | null;
  directiveId: string;
  content: string;
  lead_unit_id: string;
  version: number;
  leadUnitName: string;
}

/** POST /api/directives/urgings */
export interface UrgingResult {
  id: string;
  directives: number;
  mails: number;
}

/** POST /api/directives/from-paper/:paperId */
export interface AssignResult {
  created: number;
  ids: string[];
}

/** POST /api/directives/import */
export interface ImportResult extends AssignResult {
  skipped: number;
}

// ---------------------------------------------------------------------------
// In-app notices

export interface Notice<At = string> {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  directiveId: string | null;
  createdAt: At;
  readAt: At | null;
}

/** GET /api/notifications */
export interface Notices<At = string> {
  unread: number;
  items: Notice<At>[];
}
