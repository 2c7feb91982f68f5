import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { CSRF_COOKIE, loadSession, randomToken, SESSION_COOKIE, tokensEqual } from "../auth/sessions.ts";
import { HttpError } from "./errors.ts";
import type { AppDeps, AppEnv } from "./route.ts";

/** CSP and the other headers every response carries. */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Ant Design writes its styles at run time (CSS-in-JS).
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    referrerPolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
    crossOriginResourcePolicy: "same-origin",
    strictTransportSecurity: false, // set by the TLS-terminating proxy, which knows whether there is TLS
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}

/** Puts the dependencies, the client address and the signed-in user (if any) on the context. */
export const loadRequestState =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set("deps", deps);
    c.set("ip", clientAddress(c, deps.config.trustProxy));
    c.set("user", c.req.path.startsWith("/api/") ? await loadSession(deps.db, deps.config, getCookie(c, SESSION_COOKIE)) : null);
    await next();
  };

export function isSecureRequest(c: Context<AppEnv>, configured: boolean | undefined): boolean {
  if (configured !== undefined) return configured;
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** The CSRF token for a visitor who has not signed in yet, kept in an HttpOnly cookie (double submit). */
export function anonymousCsrfToken(c: Context<AppEnv>): string {
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{20,100}$/.test(existing)) return existing;
  const token = randomToken();
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: isSecureRequest(c, c.get("deps").config.secureCookies),
  });
  return token;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every state-changing API request must carry the X-CSRF-Token the server handed out
 * (the session's, or before sign-in the one in the CSRF cookie), and must not come
 * from another site.
 */
export const csrfProtection = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const refuse = () =>
    new HttpError(403, "csrf", "Phiên làm việc không hợp lệ hoặc đã hết hạn. Hãy tải lại trang rồi thử lại.");
  if (c.req.header("sec-fetch-site") === "cross-site") throw refuse();
  const origin = c.req.header("origin");
  if (origin && origin !== "null") {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw refuse();
    }
    if (originHost !== (c.req.header("host") ?? new URL(c.req.url).host)) throw refuse();
  }
  const user = c.get("user");
  const expected = user ? user.csrfToken : getCookie(c, CSRF_COOKIE);
  const given = c.req.header("x-csrf-token");
  if (!expected || !given || !tokensEqual(given, expected)) throw refuse();
  await next();
};
