import type { Hono } from "hono";
import { createApp } from "../../src/server/app.ts";
import { hashPassword } from "../../src/server/auth/passwords.ts";
import { loadConfig } from "../../src/server/config.ts";
import type { Db } from "../../src/server/db/schema.ts";
import type { AnyRoute, AppEnv } from "../../src/server/http/route.ts";
import { newId } from "../../src/server/ids.ts";
import type { Role } from "../../src/server/policy.ts";
import { testDatabase } from "./db.ts";

export const TEST_PASSWORD = "mat-khau-thu-nghiem";

export async function testApp(routes?: AnyRoute[]): Promise<{ app: Hono<AppEnv>; db: Db }> {
  const handle = await testDatabase();
  const config = { ...loadConfig({}), runWorker: false, loadDemo: false };
  return { app: createApp({ db: handle.db, engine: handle.engine, config }, routes), db: handle.db };
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps cookies, sends the CSRF token, speaks JSON. */
export class TestClient {
  readonly app: Hono<AppEnv>;
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(app: Hono<AppEnv>) {
    this.app = app;
  }

  async request<T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (method !== "GET" && this.csrfToken && !("x-csrf-token" in extraHeaders)) headers["x-csrf-token"] = this.csrfToken;
    let payload: RequestInit["body"];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const res = await this.app.request(path, { method, headers, body: payload });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const type = res.headers.get("content-type") ?? "";
    const parsed = type.includes("application/json") ? await res.json() : type.startsWith("text/") ? await res.text() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, body ?? {});
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>("PUT", path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>("DELETE", path);
  }

  /** Fetches a CSRF token as the login page does, then signs in. */
  async login(username: string, password = TEST_PASSWORD): Promise<TestResponse> {
    const session = await this.get("/api/session");
    this.csrfToken = session.body.csrfToken;
    const res = await this.post("/api/auth/login", { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}

export async function signedInClient(app: Hono<AppEnv>, username: string, password = TEST_PASSWORD): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.login(username, password);
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

let passwordHash: Promise<string> | null = null;

/** Creates a user directly in the database (the users API is tested separately). */
export async function createTestUser(
  db: Db,
  provinceId: number,
  input: { username: string; role: Role; unitIds?: string[]; fullName?: string; email?: string | null },
): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  await db
    .insertInto("users")
    .values({
      province_id: provinceId,
      id,
      username: input.username,
      full_name: input.fullName ?? `Người dùng ${input.username}`,
      email: input.email ?? null,
      role: input.role,
      password_hash: await passwordHash,
    })
    .execute();
  for (const unitId of input.unitIds ?? []) {
    await db.insertInto("user_units").values({ province_id: provinceId, user_id: id, unit_id: unitId }).execute();
  }
  return id;
}

let counter = 0;
/** A login name no other test uses (login names are unique in the deployment). */
export function uniqueName(prefix: string): string {
  counter++;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
