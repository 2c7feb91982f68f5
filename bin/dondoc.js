#!/usr/bin/env node
// Launcher for the `dondoc` command. dondoc is TypeScript run by Node >= 22.18,
// which strips types itself; the `node` package in node_modules provides it.
// When started by an older Node (e.g. the system's Node 20), re-run with that one.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const main = join(root, "src", "cli", "main.ts");
const [major, minor] = process.versions.node.split(".").map(Number);
const modern = major > 22 || (major === 22 && minor >= 18);

if (modern) {
  await import(main);
} else {
  const bundled = join(root, "node_modules", "node", "bin", "node");
  if (!existsSync(bundled)) {
    console.error(
      `dondoc cần Node.js 22.18 trở lên (đang chạy ${process.version}). Hãy chạy "npm install" để cài Node 22 kèm theo dự án.`,
    );
    process.exit(1);
  }
  const child = spawn(bundled, [main, ...process.argv.slice(2)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
}
