// Who may do what. One table, read as sentences: "office staff may assign directives
// anywhere in their province", "a unit leader may read users of their own units".
// Every HTTP route names one action of this table; the route registry refuses a role
// with no entry (403) before the handler runs, and hands the handler the scope, which
// the handler applies to its queries (objects outside it answer 404).

export const ROLES = ["admin", "office", "leader", "unit_leader", "unit_staff"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Quản trị hệ thống",
  office: "Văn phòng (theo dõi, đôn đốc)",
  leader: "Lãnh đạo tỉnh",
  unit_leader: "Lãnh đạo đơn vị",
  unit_staff: "Chuyên viên đơn vị",
};

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
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** The scope a role has for an action, or null when the role may not do it at all. */
export function scopeFor(role: Role, action: Action): Scope | null {
  return (POLICY[action] as Rule)[role] ?? null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
