import { z } from "zod";
import { ROLES } from "../roles.ts";

// What the browser sends to the users API: the schemas the server validates with
// (src/server/users/routes.ts; unknown fields are refused, messages are Vietnamese), and at the
// end the bodies' types as the browser writes them (z.input, under their schemas' names). Pure
// — zod and the roles only — so both sides import it.

const unitIds = z.array(z.uuid()).max(50);
const username = z
  .string()
  .trim()
  .min(3, { error: "Tên đăng nhập phải có ít nhất 3 ký tự." })
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, { error: "Tên đăng nhập chỉ gồm chữ không dấu, số và các dấu . _ -" });
const fullName = z.string().trim().min(1, { error: "Hãy nhập họ và tên." }).max(200);
const email = z.email({ error: "Địa chỉ thư điện tử không hợp lệ." }).nullable();

/** POST /api/users (the password's strength is checked by the server's rules). */
export const NewUserBody = z.strictObject({ username, fullName, email: email.default(null), role: z.enum(ROLES), unitIds: unitIds.default([]), password: z.string().max(200) });

/** PATCH /api/users/:id */
export const UserEditBody = z.strictObject({
  version: z.number().int().min(1),
  fullName: fullName.optional(),
  email: email.optional(),
  role: z.enum(ROLES).optional(),
  unitIds: unitIds.optional(),
  disabled: z.boolean().optional(),
});

/** POST /api/users/:id/password */
export const PasswordBody = z.strictObject({ newPassword: z.string().max(200) });

// ---------------------------------------------------------------------------
// The bodies as the browser writes them, under their schemas' names

export type NewUserBody = z.input<typeof NewUserBody>;
export type UserEditBody = z.input<typeof UserEditBody>;
export type PasswordBody = z.input<typeof PasswordBody>;
