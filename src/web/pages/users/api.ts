// The users API as the users screen calls it. The shapes the server answers are declared once, in
// src/domain/api/users.ts, and the bodies the screen sends are the server's own schemas'
// (src/domain/api/users-input.ts), for the server and this module alike.
import type { UserList, UserView } from "../../../domain/api/users.ts";
import type { NewUserBody, PasswordBody, UserEditBody } from "../../../domain/api/users-input.ts";
import { api, query } from "../../api/client.ts";

export const usersApi = {
  list: (signal?: AbortSignal) => api.get<UserList>(`/api/users${query({ includeDisabled: "true" })}`, { signal }),
  get: (id: string) => api.get<UserView>(`/api/users/${id}`),
  create: (body: NewUserBody) => api.post<UserView>("/api/users", body),
  update: (id: string, body: UserEditBody) => api.patch<UserView>(`/api/users/${id}`, body),
  resetPassword: (id: string, newPassword: string) => api.post<void>(`/api/users/${id}/password`, { newPassword } satisfies PasswordBody),
  unlock: (id: string) => api.post<UserView>(`/api/users/${id}/unlock`),
};

/** A password an administrator can read out or send: 14 characters, no look-alikes (0/O, 1/l/I). */
export function randomPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = new Uint32Array(14);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}
