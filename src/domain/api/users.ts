// What the users API answers (src/server/users/routes.ts), declared once for the server, which
// returns these types, and the browser (src/web/pages/users/api.ts, and the people pickers of
// the directives screens), which reads them.
//
// Instants are the type parameter `At`: the server reads them as Dates (`At = Date`), which
// JSON writes as ISO strings, what the browser reads (`At = string`, the default).

import type { Role } from "../roles.ts";

export interface UserView<At = string> {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  role: Role;
  roleLabel: string;
  unitIds: string[];
  disabled: boolean;
  /** Locked for now after too many wrong passwords. */
  locked: boolean;
  lockedUntil: At | null;
  version: number;
  createdAt: At;
}

/** GET /api/users */
export interface UserList<At = string> {
  users: UserView<At>[];
}
