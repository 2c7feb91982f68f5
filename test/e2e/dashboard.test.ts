// The leaders' dashboard in the browser, at 1366×768: a leader opens it, changes the period
// and the cut-off day, drills down to a unit, drafts the year's report, watches its progress
// bar and downloads it — a .docx in the Party's format, drafted from the same numbers.
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/server/demo/steps.ts";
import { screenshot, signIn } from "./support/browser.ts";
import { browserSession, demoLogin } from "./support/session.ts";

// Hậu Giang (now Cần Thơ): the demo gives it a year of follow-up in 2024 beside its 2024 targets.
const login = (username: string) => demoLogin(1, username);

const session = browserSession();

const newPage = session.newPage;

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

describe("the leaders' dashboard", () => {
  it("shows the picture of a period and a cut-off day, drills down to a unit, and drafts the report with a progress bar", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("lanhdao"), DEMO_PASSWORD);
    await page.getByRole("menuitem", { name: "Bảng điều hành" }).click();
    await page.getByTestId("figure-total").waitFor();
    await page.getByTestId("chart-outcomes").locator("canvas").waitFor();
    await screenshot(page, "dashboard-this-year");

    // No resolution sets targets for this year: the dashboard offers the latest period with figures.
    await page.getByTestId("no-targets").getByRole("button", { name: "Xem chỉ tiêu năm 2024" }).click();
    await expect.poll(() => page.locator(".page-header").innerText(), { timeout: 20_000 }).toMatch(/Năm 2024/);
    await expect.poll(() => text(page, "figure-targets"), { timeout: 20_000 }).toMatch(/18\/18/);

    // The year 2024, as of its last day.
    await page.getByLabel("Kỳ").click();
    await page.getByLabel("Kỳ").pressSequentially("Năm 2024");
    await page.locator(".ant-select-item-option", { hasText: /^Năm 2024$/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 3 }).locator("..").innerText(), { timeout: 20_000 }).toMatch(/Năm 2024/);
    await page.getByLabel("Ngày cắt số liệu").fill("31/12/2024");
    await page.getByLabel("Ngày cắt số liệu").press("Enter");
    await expect.poll(() => page.locator(".page-header").innerText(), { timeout: 20_000 }).toMatch(/Năm 2024 — số liệu đến hết ngày 31\/12\/2024/);
    await expect.poll(() => text(page, "figure-total"), { timeout: 20_000 }).toMatch(/420/);
    expect(await text(page, "figure-targets")).toMatch(/18\/18/);
    expect(await page.getByTestId("targets-line").first().innerText()).toMatch(/18\/18 chỉ tiêu đủ điều kiện đánh giá; 18\/18 đạt kế hoạch/);
    const overdue = Number((await text(page, "figure-overdue")).replace(/\D/g, ""));
    expect(overdue).toBeGreaterThan(0);
    await page.getByTestId("chart-overdue-units").locator("canvas").waitFor();
    await page.getByTestId("chart-trend").locator("canvas").waitFor();
    await page.getByTestId("chart-targets").locator("canvas").waitFor();
    await screenshot(page, "dashboard-2024");

    // Drill down: the unit with the most overdue work, then back.
    const firstUnit = page.locator(".ant-table-row").first().getByRole("link");
    const unitName = await firstUnit.innerText();
    await firstUnit.click();
    await expect.poll(() => page.getByRole("heading", { level: 3 }).innerText(), { timeout: 20_000 }).toBe(unitName);
    await expect.poll(() => page.getByTestId("unit-counts").innerText(), { timeout: 20_000 }).toMatch(/Quá hạn: \d+/);
    await screenshot(page, "dashboard-unit");
    await page.getByTestId("back-to-dashboard").click();
    await page.getByTestId("figure-total").waitFor();
    await expect.poll(() => page.locator(".page-header").innerText(), { timeout: 20_000 }).toMatch(/Năm 2024 — số liệu đến hết ngày 31\/12\/2024/);

    // Draft the year's report: the dialog takes the period and the day shown.
    await page.getByRole("button", { name: "Soạn báo cáo" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByLabel("Số liệu đến hết ngày").inputValue()).toBe("31/12/2024");
    await dialog.getByRole("button", { name: "Soạn báo cáo" }).click();
    await dialog.getByTestId("report-job").locator(".ant-progress").waitFor();
    await screenshot(page, "dashboard-report-progress");
    await dialog.getByText("Đã soạn xong.").waitFor({ timeout: 60_000 });
    await screenshot(page, "dashboard-report-done");
    const [file] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Tải về" }).click()]);
    expect(file.suggestedFilename()).toBe("Báo cáo kết quả năm 2024 (đến 31-12-2024).docx");
    const bytes = new Uint8Array(readFileSync((await file.path())!));
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(words).toContain("TỈNH ỦY HẬU GIANG");
    expect(words).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(words).toContain("theo dõi, đôn đốc 420 nhiệm vụ");
    expect(words).toContain(`${overdue} nhiệm vụ quá hạn chưa hoàn thành`);
    expect(words).toContain("T/M TỈNH ỦY");
    await dialog.locator(".ant-modal-footer").getByRole("button", { name: "Đóng" }).click();

    // The report is listed in the reports section.
    await page.getByRole("menuitem", { name: "Báo cáo" }).click();
    await expect.poll(() => page.locator(".ant-table-row").first().innerText(), { timeout: 20_000 }).toMatch(/Báo cáo kết quả năm 2024/);
    await expect.poll(() => page.locator(".ant-spin-spinning").count()).toBe(0);
    await screenshot(page, "reports-list");
    expect(t.problems).toEqual([]);
  });

  it("is not offered to a unit's staff", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("cv.sotaichinh"), DEMO_PASSWORD);
    expect(await page.getByRole("menuitem", { name: "Bảng điều hành" }).count()).toBe(0);
    await page.goto("/dieu-hanh");
    await page.getByText("Không có quyền truy cập").waitFor();
  });
});
