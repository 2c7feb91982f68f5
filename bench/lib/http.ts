import type { createApp } from "../../src/server/app.ts";

/** Signs in through the HTTP API as a browser does (CSRF token, then login): the session cookie and the new CSRF token. */
export async function signIn(app: ReturnType<typeof createApp>, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const session = await app.request("/api/session");
  const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  const csrfCookie = session.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrf, cookie: csrfCookie },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), csrf: body.csrfToken };
}
