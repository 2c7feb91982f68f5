import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// .docx → .pdf with LibreOffice (Debian's `libreoffice-writer-nogui`) in headless mode. Each
// conversion runs in a temporary folder with its own LibreOffice profile, one at a time in
// this process (LibreOffice is heavy, and a profile cannot be shared by two instances), and is
// stopped after a time limit.

export const PDF_MIME = "application/pdf";

export class PdfUnavailableError extends Error {}

const CANDIDATES = ["soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"];

let queue: Promise<unknown> = Promise.resolve();

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number | null; output: string; missing: boolean }> {
  return new Promise((resolve) => {
    let output = "";
    let settled = false;
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOME: cwd } });
    const timer = setTimeout(() => {
      if (!settled) child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (e: NodeJS.ErrnoException) => {
      settled = true;
      clearTimeout(timer);
      resolve({ code: null, output: e.message, missing: e.code === "ENOENT" });
    });
    child.on("close", (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code: signal ? null : code, output: signal ? `${output}\n(dừng sau ${timeoutMs / 1000} giây)` : output, missing: false });
    });
  });
}

async function convert(docx: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "dondoc-pdf-"));
  try {
    await writeFile(join(dir, "baocao.docx"), docx);
    const args = [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, join(dir, "baocao.docx")];
    const configured = process.env.DONDOC_SOFFICE;
    for (const cmd of configured ? [configured] : CANDIDATES) {
      const r = await run(cmd, args, dir, timeoutMs);
      if (r.missing) continue;
      try {
        return new Uint8Array(await readFile(join(dir, "baocao.pdf")));
      } catch {
        throw new Error(`LibreOffice không chuyển được tệp sang PDF (mã ${r.code ?? "?"}): ${r.output.trim().slice(0, 500)}`);
      }
    }
    throw new PdfUnavailableError(
      "Máy chủ chưa cài LibreOffice nên không xuất được PDF. Hãy cài gói libreoffice-writer (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) hoặc tải bản .docx.",
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Converts a .docx to PDF; conversions in this process wait for each other. */
export function docxToPdf(docx: Uint8Array, timeoutMs = 120_000): Promise<Uint8Array> {
  const next = queue.then(() => convert(docx, timeoutMs));
  queue = next.catch(() => undefined);
  return next;
}
