// The roles a user can hold, and their names on screen. Shared by the server (whose policy
// table in src/server/policy.ts says what each role may do) and the browser.

export const ROLES = ["admin", "office", "leader", "unit_leader", "unit_staff"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Quản trị hệ thống",
  office: "Văn phòng (theo dõi, đôn đốc)",
  leader: "Lãnh đạo tỉnh",
  unit_leader: "Lãnh đạo đơn vị",
  unit_staff: "Chuyên viên đơn vị",
};
