import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { testEngine } from "./db.ts";
import { TEST_POSTGRES_URL, withDatabase } from "./postgres.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin", "dondoc.js");
const NODE = join(ROOT, "node_modules", "node", "bin", "node");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where a CLI test keeps its data: a fresh PGlite folder, or a fresh PostgreSQL database. */
export async function freshDataEnv(): Promise<Record<string, string>> {
  if (testEngine() === "pglite") return { DONDOC_DATA: join(mkdtempSync(join(tmpdir(), "dondoc-cli-")), "data") };
  const name = `dondoc_test_cli_${Date.now()}_${Math.random().toString(36).slice(2, 7)}_p${process.pid}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`).finally(() => admin.end());
  return { DATABASE_URL: withDatabase(TEST_POSTGRES_URL, name) };
}

/** Runs `dondoc …` as a user would, to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE, [BIN, ...args], { cwd: ROOT, env: { ...process.env, DONDOC_SKIP_WEB_BUILD: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePromise(port));
    });
    server.on("error", reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `dondoc serve` and waits until it answers /api/health. */
export async function startCliServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(NODE, [BIN, "serve"], {
    cwd: ROOT,
    env: { ...process.env, DONDOC_SKIP_WEB_BUILD: "1", PORT: String(port), HOST: "127.0.0.1", ...env },
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dondoc serve exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`dondoc serve did not start in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    url,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
