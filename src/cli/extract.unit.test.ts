import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { PaperJson } from "../extract/types.ts";
import { runExtract } from "./extract.ts";

const SEED = resolve(import.meta.dirname, "../../../shared/seeds/002_eff06c92c98cfc55.txt");

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

describe("dondoc extract", () => {
  it("prints the PaperJson of a paper with --json", async () => {
    const out = sink();
    const err = sink();
    expect(await runExtract([SEED, "--json"], out.stream, err.stream)).toBe(0);
    const json = JSON.parse(out.text()) as PaperJson;
    expect(json.document.kind).toBe("KL");
    expect(json.document.signer.name).toBe("Trần Đình Văn");
    expect(json.directives.map((d) => d.ordinal)).toEqual(["1.3-a", "1.3-b", "1.3-c", "1", "2"]);
    expect(json.footnotes).toHaveLength(1);
    expect(err.text()).toBe("");
  });

  it("prints a readable Vietnamese summary by default", async () => {
    const out = sink();
    expect(await runExtract([SEED], out.stream, sink().stream)).toBe(0);
    const text = out.text();
    expect(text).toContain("Loại văn bản: Kết luận (KL)");
    expect(text).toContain("Ngày: 05/07/2024");
    expect(text).toContain("Nhiệm vụ (5):");
    expect(text).toContain("Chủ trì: Văn phòng Tỉnh ủy");
  });

  it("answers a missing file with a Vietnamese message and exit code 2", async () => {
    const err = sink();
    expect(await runExtract(["/khong/co/tep.txt"], sink().stream, err.stream)).toBe(2);
    expect(err.text()).toContain("không tồn tại");
  });

  it("answers a missing argument or an unknown option with exit code 2", async () => {
    const err = sink();
    expect(await runExtract([], sink().stream, err.stream)).toBe(2);
    expect(err.text()).toContain("Thiếu tên tệp");
    expect(await runExtract([SEED, "--xml"], sink().stream, sink().stream)).toBe(2);
  });

  it("answers an unreadable paper with the reader's Vietnamese message and exit code 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dondoc-extract-"));
    const file = join(dir, "trong.txt");
    writeFileSync(file, "");
    const err = sink();
    const code = await runExtract([file], sink().stream, err.stream);
    // With the readers an empty file is refused; without them the empty text has nothing to extract.
    expect([0, 2]).toContain(code);
    if (code === 2) expect(err.text()).toMatch(/Không đọc được văn bản/u);
  });
});
