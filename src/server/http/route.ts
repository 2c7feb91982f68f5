import type { Context, Hono } from "hono";
import { z } from "zod";
import { type Actor, type AuditEntry, recordAudit } from "../audit/audit.ts";
import type { Config } from "../config.ts";
import type { Db, Tx } from "../db/schema.ts";
import { type Action, type Role, type Scope, scopeFor } from "../policy.ts";
import { forbidden, HttpError, invalidInput } from "./errors.ts";

z.config(z.locales.vi());

// A route is declared once — method, path, the policy action it performs, its input
// schemas and its handler — and the registry does the rest: the role check, input
// validation, the transaction-and-audit helper and the OpenAPI entry.

export interface AuthUser {
  id: string;
  provinceId: number;
  username: string;
  fullName: string;
  email: string | null;
  role: Role;
  unitIds: string[];
  sessionId: string;
  csrfToken: string;
}

export interface AppEnv {
  Variables: {
    user: AuthUser | null;
    deps: AppDeps;
    ip: string | null;
  };
}

export interface AppDeps {
  db: Db;
  engine: "pglite" | "postgres";
  config: Config;
  /** Wakes the job worker when work was queued. */
  notifyJobs?: () => void;
}

/** What a handler audits; province and actor default to the signed-in user's (login names them itself). */
type AuditInput = Omit<AuditEntry, "provinceId" | "actor" | "ip" | "userAgent"> & {
  provinceId?: number;
  actor?: Actor | null;
};
export type Audit = (entry: AuditInput) => Promise<void>;

export interface RequestContext<A extends RouteAccess = RouteAccess> {
  db: Db;
  deps: AppDeps;
  config: Config;
  user: A extends "public" ? AuthUser | null : AuthUser;
  /** The caller's scope for this route's action ("province" for public and signed-in-only routes). */
  scope: Scope;
  ip: string | null;
  userAgent: string | null;
  hono: Context<AppEnv>;
  /** Runs fn in one transaction; `audit` appends to the audit log inside it. */
  transaction<T>(fn: (tx: Tx, audit: Audit) => Promise<T>): Promise<T>;
}

/** "public": no sign-in needed; "signed-in": any signed-in user; otherwise a policy action. */
export type RouteAccess = Action | "public" | "signed-in";

export type Method = "get" | "post" | "put" | "patch" | "delete";

export interface RouteSpec<
  A extends RouteAccess = RouteAccess,
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: Method;
  path: string;
  access: A;
  summary: string;
  tags?: string[];
  params?: P;
  query?: Q;
  /** A zod schema for a JSON body, or "multipart" for uploads (the handler reads the form itself). */
  body?: B | "multipart";
  /** For the OpenAPI document only. */
  response?: z.ZodType;
  handler: (
    ctx: RequestContext<A>,
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
  ) => Promise<unknown>;
}

/** Declares a route; the identity function exists so TypeScript infers the input types. */
export function route<A extends RouteAccess, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  spec: RouteSpec<A, P, Q, B>,
): RouteSpec<A, P, Q, B> {
  return spec;
}

// biome-ignore lint: routes of any input types live in one list
export type AnyRoute = RouteSpec<any, any, any, any>;

function actorOf(user: AuthUser | null): Actor | null {
  return user ? { id: user.id, name: user.fullName } : null;
}

function requireProvince(user: AuthUser | null): number {
  if (!user) throw new Error("audit without a province: a public route must name it");
  return user.provinceId;
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "Nội dung gửi lên không phải JSON hợp lệ.");
  }
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown): z.output<T> {
  if (!schema) return value as z.output<T>;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

export function mountRoutes(app: Hono<AppEnv>, routes: AnyRoute[]): void {
  for (const spec of routes) {
    app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const deps = c.get("deps");
      const user = c.get("user");
      let scope: Scope = "province";
      if (spec.access !== "public") {
        if (!user) throw new HttpError(401, "unauthenticated", "Bạn cần đăng nhập để tiếp tục.");
        if (spec.access !== "signed-in") {
          const s = scopeFor(user.role, spec.access as Action);
          if (!s) throw forbidden();
          scope = s;
        }
      }
      const params = parse(spec.params, c.req.param());
      const query = parse(spec.query, Object.fromEntries(new URL(c.req.url).searchParams));
      const body = spec.body === "multipart" || !spec.body ? undefined : parse(spec.body, await readJson(c));
      const ip = c.get("ip");
      const userAgent = c.req.header("user-agent") ?? null;
      const ctx: RequestContext = {
        db: deps.db,
        deps,
        config: deps.config,
        user: user as AuthUser,
        scope,
        ip,
        userAgent,
        hono: c,
        transaction: (fn) =>
          deps.db.transaction().execute((tx) =>
            fn(tx, (entry) =>
              recordAudit(tx, {
                ...entry,
                provinceId: entry.provinceId ?? requireProvince(user),
                actor: entry.actor === undefined ? actorOf(user) : entry.actor,
                ip,
                userAgent,
              }),
            ),
          ),
      };
      const result = await spec.handler(ctx as RequestContext<never>, { params, query, body });
      if (result instanceof Response) return result;
      if (result === undefined) return c.body(null, 204);
      return c.json(result as object);
    });
  }
}
