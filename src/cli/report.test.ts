import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { freshDataEnv, runCli } from "../../test/support/cli.ts";

// `dondoc report …` as a scheduled task would run it: on a new data folder (or database) it
// creates the demo first, then writes the report; the same cut-off gives the same file.

function visibleText(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx)["word/document.xml"]!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("dondoc report", () => {
  it("drafts the work-results report of a period from a new data folder, the same for the same cut-off", async () => {
    const env = await freshDataEnv();
    const dir = mkdtempSync(join(tmpdir(), "dondoc-report-"));
    const first = join(dir, "bao-cao-9-thang.docx");
    const res = await runCli(["report", "work-results", "--period", "2024-9M", "--as-of", "2024-10-15", "--out", first], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/Cơ sở dữ liệu mới: đang nạp dữ liệu trình diễn/);
    expect(res.stdout).toMatch(/Báo cáo kết quả 9 tháng năm 2024 của Đồng Tháp: .*bao-cao-9-thang\.docx/);
    expect(res.stdout).toMatch(/số liệu đến hết ngày 15\/10\/2024; mã kiểm tra dữ liệu [0-9A-F]{16}/);
    const bytes = new Uint8Array(readFileSync(first));
    const text = visibleText(bytes);
    // In 2024 the province committee was still Tiền Giang's.
    expect(text).toContain("TỈNH ỦY TIỀN GIANG");
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("Kết quả thực hiện nhiệm vụ 9 tháng năm 2024");
    expect(text).toContain("T/M TỈNH ỦY");

    const second = join(dir, "lan-hai.docx");
    const again = await runCli(["report", "work-results", "--period", "2024-9M", "--as-of", "2024-10-15", "--out", second], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/dữ liệu trình diễn/);
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);

    const xlsx = join(dir, "so-lieu.xlsx");
    const table = await runCli(["report", "work-results", "--period", "2024", "--province", "can-tho", "--format", "xlsx", "--out", xlsx], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/Cần Thơ/);
    expect(strFromU8(new Uint8Array(readFileSync(xlsx)).slice(0, 2))).toBe("PK");
  }, 300_000);

  it("refuses bad input with exit code 2", async () => {
    const env = await freshDataEnv();
    const dir = mkdtempSync(join(tmpdir(), "dondoc-report-"));
    const out = join(dir, "x.docx");
    const noPeriod = await runCli(["report", "work-results", "--out", out], env);
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.stderr).toMatch(/Thiếu --period/);
    const badPeriod = await runCli(["report", "work-results", "--period", "2024-13", "--out", out], env);
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toMatch(/Kỳ báo cáo không hợp lệ/);
    const badDay = await runCli(["report", "work-results", "--period", "2024", "--as-of", "30/09/2024", "--out", out], env);
    expect(badDay.code).toBe(2);
    const badKind = await runCli(["report", "chua-co", "--out", out], env);
    expect(badKind.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
