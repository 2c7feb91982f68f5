// The follow-up cycle in the browser, on the demo: the office assigns an item of the confirmed
// notice 1012-TB/TU it had not assigned yet, the lead unit (Ban Tổ chức) reports and asks for
// completion, the office confirms it; the directive the demo left overdue shows as overdue in
// the sheet and on top of Sở Tài chính's "Việc của tôi"; the office urges it and downloads the
// drafted letter — at 1366×768, with no console errors.
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, todayInVietnam } from "../../src/domain/format.ts";
import { DEMO_PASSWORD } from "../../src/server/demo/steps.ts";
import { screenshot, signIn } from "./support/browser.ts";
import { browserSession, demoLogin } from "./support/session.ts";

const login = (username: string) => demoLogin(0, username);
const due = addDays(todayInVietnam(), 20);

const session = browserSession();
let directiveUrl = "";

const newPage = session.newPage;

async function typeDate(page: Page, input: ReturnType<Page["getByLabel"]>, ddmmyyyy: string): Promise<void> {
  await input.click();
  await input.press("Control+a");
  await input.pressSequentially(ddmmyyyy);
  await input.press("Enter");
  await page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)").waitFor({ state: "hidden" });
}

describe("theo dõi, đôn đốc nhiệm vụ trong trình duyệt", () => {
  it("Văn phòng giao mục còn lại của Thông báo 1012-TB/TU, thấy nhiệm vụ quá hạn", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("vanphong"), DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "Danh mục chức năng" }).getByRole("link", { name: "Theo dõi nhiệm vụ" }).click();
    await page.getByRole("heading", { name: "Bảng theo dõi nhiệm vụ" }).waitFor();
    // The demo's overdue directive (Sở Tài chính, item 2) shows as overdue.
    const overdueRow = page.getByRole("row", { name: /Quy hoạch tỉnh/ });
    await expect.poll(() => overdueRow.locator("[data-timeliness]").getAttribute("data-timeliness"), { timeout: 20_000 }).toBe("overdue");
    expect(await overdueRow.textContent()).toMatch(/Quá hạn 5 ngày/);
    await screenshot(page, "directives-sheet");

    await page.getByRole("button", { name: "Giao từ văn bản" }).click();
    await page.getByRole("link", { name: /1012-TB\/TU/ }).click();
    await page.getByRole("heading", { name: /Giao nhiệm vụ theo văn bản số 1012-TB\/TU/ }).waitFor();
    // Items 1–6 were assigned by the demo; 7 and 8 are offered with the units the paper names.
    await expect.poll(() => page.getByText("Đã giao", { exact: true }).count(), { timeout: 20_000 }).toBe(6);
    const seven = page.getByRole("row", { name: /Ban Tổ chức Tỉnh ủy chủ trì/ });
    expect(await seven.getByLabel(/Đơn vị chủ trì mục/).locator("xpath=ancestor::*[contains(@class,'ant-select')][1]").textContent()).toContain("Ban Tổ chức Tỉnh ủy");
    await page.getByRole("checkbox", { name: /Giao mục (II\.)?8/ }).uncheck();
    await typeDate(page, seven.getByLabel("Ngày hết hạn"), formatDate(due));
    await screenshot(page, "directives-assign-from-paper");
    await page.getByTestId("assign-button").click();
    await page.getByText("Đã giao theo dõi 1 nhiệm vụ.").waitFor();
    const row = page.getByRole("row", { name: /Ban Tổ chức Tỉnh ủy chủ trì/ });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain(formatDate(due));
    await row.getByRole("link").first().click();
    await page.getByTestId("directive-content").waitFor();
    directiveUrl = new URL(page.url()).pathname;
    expect(await page.locator("[data-status]").first().getAttribute("data-status")).toBe("not_started");
    expect(t.problems).toEqual([]);
  });

  it("Ban Tổ chức báo cáo tiến độ và đề nghị xác nhận hoàn thành", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("bantochuc"), DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "Danh mục chức năng" }).getByRole("link", { name: "Việc của tôi" }).click();
    await page.getByRole("heading", { name: "Việc của tôi" }).waitFor();
    await page.getByTestId("my-work-lead").getByRole("link", { name: /Ban Tổ chức Tỉnh ủy chủ trì/ }).click();
    await page.getByRole("button", { name: "Báo cáo tiến độ" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Tiến độ").fill("100");
    await dialog.getByLabel("Kết quả thực hiện").fill("Đã hướng dẫn, kiểm tra đại hội 1.250 chi bộ; 100% chi bộ tổ chức xong đại hội đúng Chỉ thị 35-CT/TW.");
    await dialog.getByRole("button", { name: "Gửi báo cáo" }).click();
    await page.getByText("Đã gửi báo cáo tiến độ.").waitFor();
    await expect.poll(() => page.locator("[data-status]").first().getAttribute("data-status")).toBe("in_progress");

    await page.getByRole("button", { name: "Đề nghị xác nhận hoàn thành" }).click();
    await page.getByRole("dialog").getByLabel("Kết quả thực hiện").fill("Hoàn thành hướng dẫn, kiểm tra đại hội chi bộ; báo cáo Ban Thường vụ ngày hôm nay.");
    await page.getByRole("dialog").getByRole("button", { name: "Gửi đề nghị" }).click();
    await page.getByText("Đã gửi đề nghị.").waitFor();
    await expect.poll(() => page.locator("[data-status]").first().getAttribute("data-status")).toBe("awaiting_confirmation");
    await screenshot(page, "directives-awaiting-confirmation");
    expect(t.problems).toEqual([]);
  });

  it("Văn phòng xác nhận hoàn thành: hoàn thành đúng hạn, lịch sử ghi đủ", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("vanphong"), DEMO_PASSWORD);
    await page.goto(directiveUrl);
    await page.getByTestId("decide-completion").click();
    await page.getByRole("dialog").getByRole("button", { name: "Ghi nhận quyết định" }).click();
    await page.getByText("Đã ghi nhận quyết định.").waitFor();
    await expect.poll(() => page.locator("[data-status]").first().getAttribute("data-status")).toBe("done");
    expect(await page.locator("[data-timeliness]").first().getAttribute("data-timeliness")).toBe("done_on_time");
    await page.getByRole("tab", { name: "Lịch sử" }).click();
    const history = await page.getByTestId("history-item").allTextContents();
    expect(history[0]).toMatch(/^Xác nhận hoàn thành/);
    expect(history.some((h) => h.startsWith("Giao nhiệm vụ"))).toBe(true);
    await screenshot(page, "directives-done");
    expect(t.problems).toEqual([]);
  });

  it("Văn phòng đôn đốc nhiệm vụ quá hạn và tải công văn đôn đốc đã soạn sẵn", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("vanphong"), DEMO_PASSWORD);
    await page.goto("/nhiem-vu");
    const overdueRow = page.getByRole("row", { name: /Quy hoạch tỉnh/ });
    await overdueRow.getByRole("checkbox").check();
    await page.getByRole("button", { name: /Đôn đốc 1 nhiệm vụ/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Số văn bản đôn đốc (nếu có)").fill("2315-CV/VPTU");
    await dialog.getByRole("button", { name: "Ban hành đôn đốc" }).click();
    const done = page.locator(".ant-modal-confirm", { hasText: "Đã ghi nhận đôn đốc" });
    await done.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), done.getByRole("link", { name: "tải Word (.docx)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Công văn đôn đốc số 2315-CV-VPTU ngày \d{2}-\d{2}-\d{4}\.docx$/);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(await download.path())))["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("Số 2315-CV/VPTU");
    expect(text).toContain("Kính gửi: Sở Tài chính");
    expect(text).toMatch(/Quy hoạch tỉnh.*quá hạn 5 ngày/);
    await screenshot(page, "directives-urged");
    expect(t.problems).toEqual([]);
  });

  it("Sở Tài chính thấy nhiệm vụ quá hạn trên cùng 'Việc của tôi'", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("sotaichinh"), DEMO_PASSWORD);
    await page.goto("/viec-cua-toi");
    const first = page.getByTestId("my-work-lead").locator("tbody tr").first();
    await expect.poll(() => first.locator("[data-timeliness]").getAttribute("data-timeliness"), { timeout: 20_000 }).toBe("overdue");
    expect(await first.textContent()).toMatch(/Quy hoạch tỉnh/);
    await screenshot(page, "directives-my-work");
    expect(t.problems).toEqual([]);
  });
});
