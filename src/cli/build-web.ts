import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = join(ROOT, "dist", "web", "index.html");
const SOURCES = [join(ROOT, "src", "web"), join(ROOT, "src", "domain"), join(ROOT, "vite.config.ts"), join(ROOT, "package-lock.json")];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Whether the built web app is missing or older than its sources. */
export function webBuildNeeded(): boolean {
  if (!existsSync(join(ROOT, "src", "web", "index.html"))) return false;
  if (!existsSync(OUT)) return true;
  const built = statSync(OUT).mtimeMs;
  return SOURCES.some((s) => newestChange(s) > built);
}

/** Builds the web app with Vite when needed, so `npm start` always serves the current one. */
export async function buildWebIfNeeded(log: (line: string) => void): Promise<void> {
  if (process.env.DONDOC_SKIP_WEB_BUILD === "1" || !webBuildNeeded()) return;
  log("Đang dựng giao diện web (chỉ lần đầu hoặc khi mã nguồn thay đổi) …");
  const started = Date.now();
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
  log(`Đã dựng giao diện web trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
}
