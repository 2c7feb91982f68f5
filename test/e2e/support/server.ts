// Starts the real server (`dondoc serve`) for browser tests: a free port, a fresh data
// folder (so the demo province is loaded on first start), and the built web app.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort } from "../../support/cli.ts";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildWebIfNeeded } from "../../../src/cli/build-web.ts";

export const ROOT = resolve(import.meta.dirname, "../../..");
const BIN = join(ROOT, "bin", "dondoc.js");
const NODE = join(ROOT, "node_modules", "node", "bin", "node");

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGTERM, wait for the exit, remove the data folder. */
  stop(): Promise<void>;
}


export interface StartOptions {
  /** Extra environment for the server (e.g. DONDOC_SESSION_IDLE_MINUTES). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  // Build the web app here (once, when its sources changed) so a build error shows in the test's output.
  await buildWebIfNeeded((line) => console.log(line));
  const port = await freePort();
  const dataRoot = mkdtempSync(join(tmpdir(), "dondoc-e2e-"));
  const child = spawn(NODE, [BIN, "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DONDOC_DATA: join(dataRoot, "data"),
      DONDOC_DEMO: "1",
      DONDOC_SKIP_WEB_BUILD: "1",
      DATABASE_URL: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dondoc serve dừng sớm (mã ${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`dondoc serve không khởi động kịp:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
