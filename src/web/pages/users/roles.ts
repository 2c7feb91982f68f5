import { ROLE_LABELS, ROLES, type Role } from "../../../domain/roles.ts";

export { ROLE_LABELS, type Role };

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export const ROLE_COLORS: Record<Role, string> = {
  admin: "red",
  office: "blue",
  leader: "purple",
  unit_leader: "geekblue",
  unit_staff: "default",
};

/** Roles whose people must belong to at least one unit. */
export const UNIT_ROLES: readonly string[] = ["unit_leader", "unit_staff"];
