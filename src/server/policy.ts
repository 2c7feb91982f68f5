// Who may do what. One table, read as sentences: "office staff may assign directives
// anywhere in their province", "a unit leader may read users of their own units".
// Every HTTP route names one action of this table; the route registry refuses a role
// with no entry (403) before the handler runs, and hands the handler the scope, which
// the handler applies to its queries (objects outside it answer 404).

import { ROLE_LABELS, ROLES, type Role } from "../domain/roles.ts";

export { ROLE_LABELS, ROLES, type Role };

/**
 * province: everything in the user's province.
 * units: the user's own units and the units below them.
 * self: only what the user personally owns.
 */
export type Scope = "province" | "units" | "self";

type Rule = Partial<Record<Role, Scope>>;

const everyone: Rule = { admin: "province", office: "province", leader: "province", unit_leader: "province", unit_staff: "province" };

export const POLICY = {
  // Anyone signed in may read the organisation tree of their province (needed to name units).
  "units.read": everyone,
  // Only administrators change the tree, import or export it.
  "units.write": { admin: "province" },
  "units.export": { admin: "province", office: "province" },
  // Users: administrators manage them; the office and leaders see them; unit leaders see their own units' people.
  "users.read": { admin: "province", office: "province", leader: "province", unit_leader: "units" },
  "users.write": { admin: "province" },
  // Everyone may change their own password.
  "account.update": { admin: "self", office: "self", leader: "self", unit_leader: "self", unit_staff: "self" },
  // Background jobs (reports, imports): people follow the jobs they started; administrators all of them.
  "jobs.read": { admin: "province", office: "self", leader: "self", unit_leader: "self", unit_staff: "self" },
  // The audit trail is read by administrators.
  "audit.read": { admin: "province" },
  // Papers: the office and leaders read every paper, including the register of classified ones; unit roles
  // read the ordinary papers of the province ("units": circulated to every body, but not the classified register).
  "papers.read": { admin: "province", office: "province", leader: "province", unit_leader: "units", unit_staff: "units" },
  // The office uploads papers, registers classified ones, reviews and confirms what was read from them.
  "papers.upload": { admin: "province", office: "province" },
  "papers.review": { admin: "province", office: "province" },
  // The leaders' dashboard: leaders, the office and administrators see the whole province's picture.
  "dashboard.read": { admin: "province", office: "province", leader: "province" },
  // Drafting reports (work results of a period, a conclusion notice) as .docx, .pdf or .xlsx, and the list of those drafted.
  "reports.generate": { admin: "province", office: "province", leader: "province" },
  // Targets (chỉ tiêu). Everyone in the province reads the resolutions' targets, figures and status: the
  // targets are the committee's own published plan, and a unit sees its targets among the others.
  // Drafts are the exception: only the owner unit sees them until they are sent.
  "targets.read": everyone,
  // The office keeps the catalogue (resolutions, targets, plans, owner units); administrators help.
  "targets.manage": { admin: "province", office: "province" },
  // Figures are entered by the people of the owner unit (and units above it), for its targets only; the
  // office may enter any target's figure (from a paper), approved at once.
  "targets.enter": { office: "province", unit_leader: "units", unit_staff: "units" },
  // The office approves the figures units send, or returns them.
  "targets.approve": { office: "province" },
  // The office asks the owner of a lagging target to explain, and closes the request…
  "targets.request_explanation": { office: "province" },
  // …which the owner unit answers.
  "targets.explain": { unit_leader: "units", unit_staff: "units" },
  // Directives (nhiệm vụ). The office, leaders and administrators read every directive of the province;
  // a unit reads what it leads or supports (and its units below), and what was passed to its people.
  "directives.read": { admin: "province", office: "province", leader: "province", unit_leader: "units", unit_staff: "units" },
  // The office assigns directives (from a confirmed paper, by hand or from a sheet) and edits them.
  "directives.assign": { office: "province" },
  // The lead unit's people start the work and report progress; a supporting unit's people report their part.
  "directives.report": { unit_leader: "units", unit_staff: "units" },
  // The lead unit's leader asks for completion to be confirmed, for an extension, a suspension, a withdrawal.
  "directives.request": { unit_leader: "units" },
  // The office decides on those requests and suspends, resumes or withdraws directives; a unit leader
  // decides on a part their unit passed down.
  "directives.decide": { office: "province", unit_leader: "units" },
  // A lead unit's leader passes part of the work down to a sub-unit or a staff member.
  "directives.delegate": { unit_leader: "units" },
  // The office issues written urgings (đôn đốc).
  "directives.urge": { office: "province" },
  // The tracking sheet as Excel, and the per-unit statistics and ranking.
  "directives.export": { admin: "province", office: "province", leader: "province", unit_leader: "units" },
  "directives.stats": { admin: "province", office: "province", leader: "province", unit_leader: "units" },
  // "Việc của tôi": what my units owe; for the office and leaders, what they follow or are in charge of.
  "directives.mine": { office: "self", leader: "self", unit_leader: "units", unit_staff: "units" },
  // Everyone reads their own in-app notices.
  "notifications.read": { admin: "self", office: "self", leader: "self", unit_leader: "self", unit_staff: "self" },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** The scope a role has for an action, or null when the role may not do it at all. */
export function scopeFor(role: Role, action: Action): Scope | null {
  return (POLICY[action] as Rule)[role] ?? null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
