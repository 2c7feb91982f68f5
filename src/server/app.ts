import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HttpError } from "./http/errors.ts";
import { csrfProtection, loadRequestState, securityHeaders } from "./http/middleware.ts";
import { openApiDocument } from "./http/openapi.ts";
import { type AnyRoute, type AppDeps, type AppEnv, mountRoutes } from "./http/route.ts";
import { allRoutes } from "./routes.ts";

export const WEB_DIST = resolve(import.meta.dirname, "../../dist/web");
const VERSION = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../package.json"), "utf8")).version as string;

export function createApp(deps: AppDeps, routes: AnyRoute[] = allRoutes): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      return c.json({ error: { code: err.code, message: err.message, details: err.details ?? null } }, err.status as 400);
    }
    console.error(`[${new Date().toISOString()}] ${c.req.method} ${c.req.path}:`, err);
    return c.json(
      { error: { code: "server_error", message: "Đã xảy ra lỗi ở máy chủ; thao tác chưa được thực hiện. Hãy thử lại.", details: null } },
      500,
    );
  });

  app.use("*", securityHeaders());
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: deps.config.maxUploadBytes + 1024 * 1024,
      onError: () => {
        throw new HttpError(413, "too_large", `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(deps.config.maxUploadBytes / 1024 / 1024)} MB).`);
      },
    }),
  );
  app.use("*", loadRequestState(deps));
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  app.use("/api/*", csrfProtection());

  app.get("/api/health", (c) => c.json({ ok: true, engine: deps.engine, version: VERSION }));
  const openapi = openApiDocument(routes, VERSION);
  app.get("/api/openapi.json", (c) => c.json(openapi as object));
  mountRoutes(app, routes);
  app.all("/api/*", () => {
    throw new HttpError(404, "not_found", "Không có địa chỉ API này.");
  });

  // The web app: built files, and index.html for every other path (client-side routing).
  if (existsSync(join(WEB_DIST, "index.html"))) {
    const indexHtml = readFileSync(join(WEB_DIST, "index.html"), "utf8");
    app.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
    });
    app.use("*", serveStatic({ root: WEB_DIST }));
    app.get("*", (c) => c.html(indexHtml));
  } else {
    app.get("*", (c) =>
      c.text("Chưa có giao diện web: hãy chạy \"npm start\" (tự dựng giao diện) hoặc \"npm run build:web\".", 503),
    );
  }
  return app;
}
