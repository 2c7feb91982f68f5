// The foundation as a user meets it in the browser: signing in, the home page, the
// organisation tree on dates before and after the reorganisation of 1 July 2025, the
// users list and the account page — at 1366×768, with no console errors.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROVINCES } from "../../src/server/demo/steps.ts";
import { screenshot, signIn } from "./support/browser.ts";
import { browserSession } from "./support/session.ts";

const province = DEMO_PROVINCES[0]!;
const account = (role: string) => {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role)!;
  return { ...a, login: `${province.loginPrefix}${a.username}` };
};
const admin = account("admin");
const office = account("office");

const session = browserSession();

const newPage = async () => (await session.newPage()).page;

/** Types a date into the "Xem vào ngày" picker as a user would: dd/mm/yyyy, Enter. */
async function showTreeOn(page: Page, ddmmyyyy: string): Promise<void> {
  const input = page.getByLabel("Ngày xem cây tổ chức");
  await input.click();
  await input.press("Control+a");
  await input.pressSequentially(ddmmyyyy);
  await input.press("Enter");
  // The calendar closes (it would cover the tree).
  await page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)").waitFor({ state: "hidden" });
  await page.getByText(`Cây tổ chức ngày ${ddmmyyyy}`, { exact: false }).waitFor();
  await page.locator(".unit-node").first().waitFor();
}

/** The names of the units the tree shows (expanded nodes only). */
async function treeNames(page: Page): Promise<string[]> {
  return page.locator(".unit-node").evaluateAll((els) => els.map((e) => e.getAttribute("data-name") ?? ""));
}

describe("nền tảng trong trình duyệt", () => {
  it("trang đăng nhập báo lỗi bằng tiếng Việt khi sai mật khẩu", async () => {
    const page = await newPage();
    await page.goto("/");
    await page.waitForURL(/\/dang-nhap/);
    await page.getByText("Theo dõi, đôn đốc thực hiện nhiệm vụ").first().waitFor();
    // The user name field has the focus: one can type straight away.
    await expect.poll(() => page.evaluate<string | null>("document.activeElement?.getAttribute('autocomplete') ?? null"), { timeout: 10_000 }).toBe("username");
    await screenshot(page, "01-dang-nhap");
    await page.keyboard.type(admin.login);
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByLabel("Mật khẩu").press("Enter");
    const error = page.getByTestId("login-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    await screenshot(page, "02-dang-nhap-sai");
  });

  it("quản trị đăng nhập, thấy tên, vai trò và các mục được dùng", async () => {
    const page = await newPage();
    await signIn(page, admin.login, DEMO_PASSWORD);
    await page.getByRole("heading", { name: `Xin chào, ${admin.fullName}` }).waitFor();
    expect(await page.getByTestId("province-name").textContent()).toBe(province.name);
    const menu = page.getByRole("navigation", { name: "Danh mục chức năng" });
    await menu.getByRole("link", { name: "Tổ chức bộ máy" }).waitFor();
    await menu.getByRole("link", { name: "Người dùng" }).waitFor();
    await screenshot(page, "03-trang-chu");
  });

  it("cây tổ chức theo ngày: trước 01/7/2025 còn cấp huyện, từ 01/7/2025 thì không", async () => {
    const page = await newPage();
    await signIn(page, admin.login, DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "Danh mục chức năng" }).getByRole("link", { name: "Tổ chức bộ máy" }).click();
    await page.getByRole("heading", { name: "Tổ chức bộ máy" }).waitFor();

    await showTreeOn(page, "30/06/2025");
    expect(await treeNames(page)).toContain("Huyện ủy Châu Thành");
    await screenshot(page, "04-to-chuc-30-06-2025");

    // The unit's history: it ended on 1 July 2025.
    await page.locator(".unit-node-name", { hasText: "Huyện ủy Châu Thành" }).click();
    await page.getByTestId("unit-title").filter({ hasText: /^Huyện ủy Châu Thành$/ }).waitFor();
    await page.getByText("Kết thúc từ 01/07/2025").waitFor();
    await screenshot(page, "05-to-chuc-huyen-uy");

    await showTreeOn(page, "01/07/2025");
    expect(await treeNames(page)).not.toContain("Huyện ủy Châu Thành");
    // Searching without diacritics finds what remains of the name: the commune's party committee.
    await page.getByLabel("Tìm đơn vị").fill("chau thanh");
    await page.locator(".search-hit").first().waitFor();
    const found = await treeNames(page);
    expect(found.some((n) => n.includes("Châu Thành"))).toBe(true);
    expect(found).not.toContain("Huyện ủy Châu Thành");
    await screenshot(page, "06-to-chuc-01-07-2025");
  });

  it("danh sách người dùng và trang tài khoản", async () => {
    const page = await newPage();
    await signIn(page, admin.login, DEMO_PASSWORD);
    await page.goto("/nguoi-dung");
    await page.getByText(office.fullName, { exact: true }).waitFor();
    await page.getByLabel("Tìm người dùng").fill("thu ha");
    await expect.poll(() => page.locator(".ant-table-tbody tr.ant-table-row").count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, "07-nguoi-dung");
    await page.goto("/tai-khoan");
    await page.getByRole("heading", { name: "Tài khoản của tôi" }).waitFor();
    await screenshot(page, "08-tai-khoan");
  });

  it("văn phòng xem được cây tổ chức nhưng không sửa", async () => {
    const page = await newPage();
    await signIn(page, office.login, DEMO_PASSWORD);
    await page.goto("/to-chuc");
    await page.locator(".unit-node").first().waitFor();
    expect(await page.getByRole("button", { name: "Thêm đơn vị" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Xuất ra tệp" }).count()).toBe(1);
  });

  it("quản trị đổi tên một đơn vị từ một ngày; sửa lỗi khi người khác vừa sửa thì thấy bản hiện tại", async () => {
    const page = await newPage();
    await signIn(page, admin.login, DEMO_PASSWORD);
    await page.goto("/to-chuc");
    await page.getByLabel("Tìm đơn vị").fill("so tai chinh");
    await page.locator(".unit-node[data-name='Sở Tài chính']").click();
    await page.getByTestId("unit-title").filter({ hasText: /^Sở Tài chính$/ }).waitFor();
    const unitId = new URL(page.url()).searchParams.get("don-vi")!;

    await page.getByRole("button", { name: "Ghi nhận thay đổi" }).click();
    await page.getByRole("menuitem", { name: "Đổi tên" }).click();
    const dialog = page.getByRole("dialog");
    const day = dialog.getByLabel("Ngày có hiệu lực");
    await day.click();
    await day.press("Control+a");
    await day.pressSequentially("01/01/2026");
    await day.press("Enter"); // confirms the date, does not submit
    await dialog.getByLabel("Tên mới").fill("Sở Tài chính tỉnh Đồng Tháp");
    await dialog.getByRole("button", { name: "Ghi nhận" }).click();
    await page.getByText("Đã ghi nhận thay đổi.").waitFor();
    await page.getByRole("button", { name: /Sửa lỗi giai đoạn từ 01\/01\/2026 đến nay/ }).waitFor();

    // Someone else corrects the new version while this administrator has it open.
    await page.getByRole("button", { name: /Sửa lỗi giai đoạn từ 01\/01\/2026 đến nay/ }).click();
    const status = await page.evaluate(async (id) => {
      const { csrfToken } = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      const res = await fetch(`/api/units/${id}/versions/2026-01-01`, {
        method: "PATCH",
        headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
        body: JSON.stringify({ version: 1, shortName: "STC" }),
      });
      return res.status;
    }, unitId);
    expect(status).toBe(200);
    await dialog.getByLabel("Tên đầy đủ").fill("Sở Tài chính Đồng Tháp");
    await dialog.getByRole("button", { name: "Lưu sửa đổi" }).click();
    await dialog.getByText("Dữ liệu đã được người khác thay đổi", { exact: false }).waitFor();
    await dialog.getByText(/^Bản hiện tại/).waitFor();
    expect(await dialog.getByLabel("Tên viết tắt").inputValue()).toBe("STC");
    await screenshot(page, "09-to-chuc-xung-dot");
    // The form now carries the current version: saving again works.
    await dialog.getByRole("button", { name: "Lưu sửa đổi" }).click();
    await page.getByText("Đã sửa giai đoạn hiệu lực.").waitFor();
  });

  it("quản trị xem nhật ký thay đổi: lần đổi tên vừa rồi, trước và sau, và kiểm tra toàn vẹn", async () => {
    const page = await newPage();
    await signIn(page, admin.login, DEMO_PASSWORD);
    await page.getByRole("link", { name: "Nhật ký thay đổi" }).first().click();
    await page.getByRole("heading", { name: "Nhật ký thay đổi" }).waitFor();
    await page.getByLabel("Lọc theo loại thao tác").click();
    await page.locator(".ant-select-item-option", { hasText: /^Cơ cấu tổ chức$/ }).click();
    const rows = page.getByTestId("audit-entries").locator("tbody tr.ant-table-row");
    const rename = rows.filter({ hasText: "Đơn vị: đổi tên" }).first();
    await rename.waitFor();
    expect(await rename.textContent()).toContain(admin.fullName);
    await rename.getByRole("button", { name: /mở rộng|expand/i }).click();
    await page.locator(".audit-changes").getByText("Sở Tài chính tỉnh Đồng Tháp").first().waitFor();
    await page.getByRole("button", { name: "Kiểm tra toàn vẹn" }).click();
    await page.getByText(/^Nhật ký toàn vẹn: [\d.]+ bản ghi/).waitFor();
    await screenshot(page, "10-nhat-ky");
  });

  it("không có lỗi nào trong bảng điều khiển của trình duyệt (kể cả vi phạm CSP)", () => {
    // Refusals the screens show to the user (wrong password, stale edit) are answers, not errors.
    const problems = session.pages.flatMap((p) => p.problems).filter((p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p));
    expect(problems).toEqual([]);
  });
});
