// Targets as the office and a unit meet them in the browser: the demo resolution's table for
// a period with its summary line, a target's chart, the approval queue and the entry form of
// the owner unit — at 1366×768, with no console errors.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_PROVINCES } from "../../src/server/demo/steps.ts";
import { screenshot, signIn } from "./support/browser.ts";
import { browserSession, demoLogin } from "./support/session.ts";

const login = (username: string) => demoLogin(0, username);

const session = browserSession();

const newPage = session.newPage;

async function openResolution(page: Page, titlePart: string): Promise<void> {
  await page.goto("/chi-tieu");
  await page.getByRole("link", { name: new RegExp(titlePart) }).first().click();
  await page.getByTestId("targets-summary").waitFor();
}

describe("targets in the browser", () => {
  it("shows the office the 2024 resolution's table with the seed's 6-month line, and a target's chart", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("vanphong"), DEMO_PASSWORD);
    await openResolution(page, "nhiệm vụ năm 2024");
    // The table opens on the latest period with figures: 9 months of 2024.
    await expect.poll(() => page.getByTestId("targets-summary").textContent(), { timeout: 20_000 }).toBe("18/22 chỉ tiêu đủ điều kiện đánh giá; 10/18 đạt tiến độ");
    await expect.poll(() => page.getByRole("row", { name: /Tổng kim ngạch xuất khẩu/ }).textContent(), { timeout: 20_000 }).toMatch(/4,25 ước85%\+6,8%Vượt/);
    await screenshot(page, "targets-table-9-months");

    await page.getByLabel("Kỳ đánh giá").click();
    await page.getByLabel("Kỳ đánh giá").pressSequentially("6 tháng đầu");
    await page.locator(".ant-select-item-option", { hasText: "6 tháng đầu năm 2024" }).click();
    await expect.poll(() => page.getByTestId("targets-summary").textContent(), { timeout: 20_000 }).toBe("18/22 chỉ tiêu đủ điều kiện đánh giá; 6/18 đạt tiến độ");
    await screenshot(page, "targets-table-6-months");

    await page.getByRole("link", { name: "Tổng kim ngạch xuất khẩu" }).click();
    await page.getByTestId("target-month-chart").locator("canvas").waitFor();
    await expect.poll(() => page.getByRole("heading", { level: 3 }).textContent(), { timeout: 20_000 }).toBe("3. Tổng kim ngạch xuất khẩu");
    await screenshot(page, "targets-chart-months");
    await page.getByText("Theo năm").click();
    await page.getByTestId("target-year-chart").locator("canvas").waitFor();
    await screenshot(page, "targets-chart-years");

    await page.goto("/chi-tieu/giai-trinh");
    await page.getByText("Đã giải trình").first().click();
    await expect.poll(() => page.getByText(/Công nghiệp chế biến và xây dựng tăng chậm/).count(), { timeout: 20_000 }).toBe(1);
    await screenshot(page, "targets-explanations");

    await page.goto("/chi-tieu/so-lieu");
    await expect.poll(() => page.getByRole("row", { name: /Tổng thu ngân sách nhà nước trên địa bàn/ }).count(), { timeout: 20_000 }).toBe(1);
    expect(t.problems).toEqual([]);
  });

  it("lets the owner unit open its own target's entry form, and shows Hậu Giang's programme met in full", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("sotaichinh"), DEMO_PASSWORD);
    await openResolution(page, "nhiệm vụ năm 2024");
    await page.getByRole("link", { name: "Tổng chi ngân sách địa phương" }).click();
    await page.getByRole("button", { name: "Nhập số liệu" }).click();
    await page.getByRole("dialog").getByText("Gửi Văn phòng duyệt ngay").waitFor();
    await screenshot(page, "targets-entry-form");
    await page.getByRole("button", { name: "Hủy" }).click();
    await page.getByRole("link", { name: /Yêu cầu giải trình/ }).count();
    expect(t.problems).toEqual([]);

    const ct = await newPage();
    await signIn(ct.page, `${DEMO_PROVINCES[1]!.loginPrefix}lanhdao`, DEMO_PASSWORD);
    await openResolution(ct.page, "Chương trình công tác năm 2024");
    await expect.poll(() => ct.page.getByTestId("targets-summary").textContent(), { timeout: 20_000 }).toBe("18/18 chỉ tiêu đủ điều kiện đánh giá; 18/18 đạt kế hoạch");
    await screenshot(ct.page, "targets-hau-giang-2024");
    expect(ct.problems).toEqual([]);
  });
});
