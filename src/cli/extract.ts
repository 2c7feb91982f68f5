// `dondoc extract FILE [--json]`: reads a paper (.docx, .doc, .pdf, .txt) and prints its structure —
// as JSON (`PaperJson`, the contract other tools rely on) or as a short Vietnamese summary.
// Exit codes: 0 ok, 2 bad input (no file, unreadable paper).
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { formatDate } from "../domain/format.ts";
import { extract, extractText } from "../extract/index.ts";
import { toPaperJson, type Extraction, type ReadDocument } from "../extract/types.ts";

const USAGE = "Cách dùng: dondoc extract TỆP [--json]\n";

type ReadPaper = (bytes: Uint8Array, fileName: string) => Promise<ReadDocument> | ReadDocument;

/** The readers (src/extract/read) when present; without them only plain text can be read. */
async function loadReader(): Promise<ReadPaper | null> {
  try {
    const path: string = "../extract/read/index.ts";
    const mod = (await import(path)) as { readPaper?: ReadPaper };
    return mod.readPaper ?? null;
  } catch {
    return null;
  }
}

function isPaperError(e: unknown): e is Error {
  return e instanceof Error && e.name === "PaperError";
}

export async function runExtract(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const json = argv.includes("--json");
  const unknown = argv.filter((a) => a.startsWith("-") && a !== "--json");
  const files = argv.filter((a) => !a.startsWith("-"));
  if (unknown.length > 0) {
    err.write(`Tùy chọn không hợp lệ: ${unknown.join(", ")}.\n${USAGE}`);
    return 2;
  }
  if (files.length !== 1) {
    err.write(files.length === 0 ? `Thiếu tên tệp văn bản.\n${USAGE}` : `Chỉ đọc một tệp mỗi lần.\n${USAGE}`);
    return 2;
  }
  const path = resolve(files[0]!);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "không tồn tại" : code === "EISDIR" ? "là một thư mục" : code === "EACCES" ? "không có quyền đọc" : "không đọc được";
    err.write(`Tệp "${files[0]}" ${why}.\n`);
    return 2;
  }
  let extraction: Extraction;
  try {
    const readPaper = await loadReader();
    if (readPaper) extraction = extract(await readPaper(bytes, basename(path)));
    else if (/\.txt$/i.test(path)) extraction = extractText(new TextDecoder("utf-8").decode(bytes));
    else {
      err.write("Chưa có bộ đọc cho định dạng này; hiện chỉ đọc được tệp .txt.\n");
      return 2;
    }
  } catch (e) {
    if (isPaperError(e)) {
      err.write(`Không đọc được văn bản: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  out.write(json ? `${JSON.stringify(toPaperJson(extraction), null, 2)}\n` : summary(extraction));
  return 0;
}

// ---------------------------------------------------------------------------
// The readable summary

const KIND_NAMES: Record<string, string> = {
  NQ: "Nghị quyết", CT: "Chỉ thị", KL: "Kết luận", QĐ: "Quyết định", QC: "Quy chế", QĐi: "Quy định", TB: "Thông báo",
  BC: "Báo cáo", KH: "Kế hoạch", CTr: "Chương trình", HD: "Hướng dẫn", ĐA: "Đề án", TTr: "Tờ trình", CV: "Công văn",
  TT: "Thông tư", NĐ: "Nghị định", BB: "Biên bản", TC: "Thông tri", PA: "Phương án",
};

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

function summary(x: Extraction): string {
  const d = x.document;
  const lines: string[] = [];
  const kind = d.kind ? `${KIND_NAMES[d.kind] ?? d.kind} (${d.kind})` : "chưa xác định";
  lines.push(`Loại văn bản: ${kind}`);
  lines.push(`Số, ký hiệu: ${d.symbol ?? "—"}    Ngày: ${d.date ? formatDate(d.date) : "—"}`);
  if (d.title) lines.push(`Trích yếu: ${d.title}`);
  lines.push(`Cơ quan ban hành: ${d.issuer ?? "—"}`);
  if (d.signer.name || d.signer.position) lines.push(`Người ký: ${[d.signer.name, d.signer.position].filter(Boolean).join(" — ")}`);
  if (x.classification) lines.push(`Độ mật: ${x.classification}`);
  lines.push("");
  lines.push(`Nhiệm vụ (${x.directives.length}):`);
  for (const dir of x.directives) {
    lines.push(`  ${dir.ordinal}. ${clip(dir.text, 160)}`);
    const facts: string[] = [];
    if (dir.leads.length > 0) facts.push(`Chủ trì: ${dir.leads.join("; ")}`);
    if (dir.partners.length > 0) facts.push(`Phối hợp: ${dir.partners.join("; ")}`);
    if (dir.deadline) facts.push(`Thời hạn: ${formatDate(dir.deadline)}${dir.deadlineText ? ` (${dir.deadlineText})` : ""}`);
    else if (dir.deadlineText) facts.push(`Thời hạn: ${dir.deadlineText}`);
    if (facts.length > 0) lines.push(`      ${facts.join(" · ")}`);
  }
  if (x.directives.length === 0) lines.push("  (không có)");
  lines.push("");
  lines.push(`Số liệu, chỉ tiêu: ${x.indicators.length} · Văn bản được viện dẫn: ${x.references.length} · Chú thích: ${x.footnotes.length}`);
  for (const w of x.warnings) lines.push(`Lưu ý: ${w}`);
  return `${lines.join("\n")}\n`;
}
