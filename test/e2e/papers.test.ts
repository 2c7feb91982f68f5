// Papers as the office meets them in the browser: drop a paper on the upload area, watch it
// upload and be read, open the review screen with every found item highlighted, move between
// the text and the lists, correct a deadline, save, confirm, correct the particulars later — at
// 1366×768, no console errors.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/server/demo/steps.ts";
import { screenshot, signIn } from "./support/browser.ts";
import { browserSession, demoLogin } from "./support/session.ts";

const login = (username: string) => demoLogin(0, username);

const NOTICE = [
  "TỈNH ỦY TIỀN GIANG                             ĐẢNG CỘNG SẢN VIỆT NAM",
  "*",
  "Số 1045-TB/TU                         Tiền Giang, ngày 15 tháng 10 năm 2024",
  "",
  "THÔNG BÁO",
  "kết luận của Thường trực Tỉnh ủy về tiến độ giải ngân vốn đầu tư công",
  "-----",
  "",
  "Ngày 14/10/2024, Thường trực Tỉnh ủy họp nghe báo cáo tiến độ giải ngân vốn đầu tư công. Đến ngày 30/9/2024, toàn tỉnh giải ngân 2.345,6 tỷ đồng, đạt 61,2% kế hoạch, tăng 8,4% so cùng kỳ. Thường trực Tỉnh ủy kết luận như sau:",
  "",
  "1. Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư rà soát, điều chuyển vốn của các dự án giải ngân chậm, báo cáo Thường trực Tỉnh ủy trước ngày 30/11/2024.",
  "",
  "2. Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo hoàn thành giải ngân vốn đầu tư công năm 2024 theo Thông báo số 1012-TB/TU ngày 08/10/2024 của Tỉnh ủy; hoàn thành trong quý IV/2024.",
  "",
  "Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị biết, thực hiện.",
  "",
  "Nơi nhận:                                                       T/L BAN THƯỜNG VỤ",
  "- Các sở, ngành tỉnh,                                           CHÁNH VĂN PHÒNG",
  "- Lưu Văn phòng Tỉnh ủy.",
].join("\n");

const session = browserSession();

const newPage = session.newPage;

/** Drops a file on an element the way a browser does when a file is dragged from the desktop. */
async function dropFile(page: Page, selector: string, name: string, content: string, type = "text/plain"): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content, type }) => {
      // Runs in the browser; the test's own types know no DOM.
      const g = globalThis as unknown as { DataTransfer: new () => { items: { add(f: File): void } } };
      const dt = new g.DataTransfer();
      dt.items.add(new File([content], name, { type }));
      return dt;
    },
    { name, content, type },
  );
  for (const event of ["dragenter", "dragover", "drop"]) await page.dispatchEvent(selector, event, { dataTransfer });
}

describe("papers in the browser", () => {
  it("lists the confirmed demo paper", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("vanphong"), DEMO_PASSWORD);
    await page.getByRole("link", { name: "Văn bản" }).first().click();
    await page.getByRole("heading", { name: "Văn bản", level: 3 }).waitFor();
    const row = page.getByRole("row", { name: /1012-TB\/TU/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toMatch(/08\/10\/2024.*Thông báo.*Đã xác nhận/);
    await screenshot(page, "papers-list");
    expect(t.problems).toEqual([]);
  });

  it("uploads a paper by drag and drop, highlights what was found, takes a corrected deadline and confirms", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("vanphong"), DEMO_PASSWORD);
    await page.goto("/van-ban");
    await page.locator(".ant-upload-drag").waitFor();
    await dropFile(page, ".ant-upload-drag .ant-upload-btn", "thong-bao-1045.txt", NOTICE);

    const row = page.locator(".upload-row").first();
    await row.getByText("thong-bao-1045.txt").waitFor();
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    await expect.poll(() => row.textContent()).toMatch(/Thông báo 1045-TB\/TU ngày 15\/10\/2024 — 2 nhiệm vụ, \d+ chỉ số, 1 văn bản dẫn chiếu/);
    await screenshot(page, "papers-uploaded");
    await row.getByRole("button", { name: "Rà soát" }).click();

    // The review screen: text on the left with highlights, lists on the right.
    await page.getByRole("heading", { name: /Thông báo số 1045-TB\/TU ngày 15\/10\/2024/ }).waitFor();
    const text = page.getByLabel("Nội dung văn bản");
    await text.locator(".hl-directive").first().waitFor();
    expect(await text.locator(".hl-deadline").count()).toBeGreaterThanOrEqual(2);
    expect(await text.locator(".hl-body").count()).toBeGreaterThanOrEqual(2);
    expect(await text.locator(".hl-fact").count()).toBeGreaterThanOrEqual(1);
    expect(await text.locator(".hl-reference").count()).toBe(1);
    const cards = page.locator(".review-directive");
    await expect.poll(() => cards.count()).toBe(2);
    // Bodies the paper names are matched to the units of its date.
    await expect.poll(() => cards.first().locator(".ant-tag").allTextContents()).toEqual(["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]);
    await screenshot(page, "papers-review");

    // A click on a highlight selects its item in the list …
    await text.locator(".hl-directive", { hasText: "Ban cán sự đảng" }).first().click();
    await expect.poll(() => cards.nth(1).getAttribute("class")).toMatch(/is-selected/);
    // … and the item's button brings its highlight back into view, selected.
    await cards.first().getByRole("button", { name: "Xem nhiệm vụ trong văn bản" }).click();
    await expect.poll(() => text.locator(".hl-selected").first().textContent()).toMatch(/Sở Tài chính/);
    // The reference links to the stored demo notice.
    await page.getByRole("tab", { name: /Văn bản dẫn chiếu/ }).click();
    await page.getByText(/Đã có trong hệ thống: Thông báo 1012-TB\/TU/).waitFor();
    await page.getByRole("tab", { name: /Nhiệm vụ/ }).click();

    // The office corrects the first deadline: 15/12/2024 instead of 30/11/2024.
    const deadline = cards.first().getByLabel("Hạn hoàn thành");
    await expect.poll(() => deadline.inputValue()).toBe("30/11/2024");
    await deadline.click();
    await deadline.fill("15/12/2024");
    await deadline.press("Enter");
    await expect.poll(() => deadline.inputValue()).toBe("15/12/2024");
    await cards.first().getByLabel("Cụm từ thời hạn").fill("trước ngày 15/12/2024");
    await page.getByText("Chưa lưu").waitFor();
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await page.getByText("Đã lưu bản rà soát.").waitFor();

    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Xác nhận" }).click();
    await page.getByText("Đã xác nhận văn bản.").waitFor();
    await page.locator(".ant-tag", { hasText: /^Đã xác nhận/ }).waitFor();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await screenshot(page, "papers-confirmed");

    const id = page.url().split("/").pop()!;
    const saved: any = await page.evaluate(async (id) => (await fetch(`/api/papers/${id}`)).json(), id);
    expect(saved.status).toBe("confirmed");
    expect(saved.items.directives[0]).toMatchObject({ deadline: "2024-12-15", deadlineText: "trước ngày 15/12/2024" });
    expect(saved.items.references[0].citedPaperId).toBeTruthy();

    // A mistake in the particulars found after confirming is corrected with a reason.
    await page.getByRole("button", { name: "Thao tác khác" }).click();
    await page.getByRole("menuitem", { name: "Sửa thông tin văn bản…" }).click();
    const dialog = page.locator(".ant-modal", { hasText: "Sửa thông tin văn bản đã xác nhận" });
    await dialog.getByLabel("Trích yếu").fill("kết luận của Thường trực Tỉnh ủy về giải ngân vốn đầu tư công năm 2024");
    expect(await dialog.getByRole("button", { name: "Lưu thông tin" }).isDisabled()).toBe(true);
    await dialog.getByLabel("Lý do sửa").fill("Trích yếu nhận diện thiếu năm.");
    await dialog.getByRole("button", { name: "Lưu thông tin" }).click();
    await page.getByText("Đã sửa thông tin văn bản.").waitFor();
    await page.getByText("kết luận của Thường trực Tỉnh ủy về giải ngân vốn đầu tư công năm 2024").first().waitFor();
    const amended: any = await page.evaluate(async (id) => (await fetch(`/api/papers/${id}`)).json(), id);
    expect(amended).toMatchObject({ status: "confirmed", title: "kết luận của Thường trực Tỉnh ủy về giải ngân vốn đầu tư công năm 2024" });
    expect(amended.items.directives).toEqual(saved.items.directives);
    expect(t.problems).toEqual([]);
  });

  it("shows a long results report with its figures highlighted", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, demoLogin(1, "vanphong"), DEMO_PASSWORD);
    await page.goto("/van-ban?q=618-BC");
    await page.getByRole("link", { name: "618-BC/TU" }).click();
    const text = page.getByLabel("Nội dung văn bản");
    await text.locator(".hl-fact").first().waitFor();
    await page.getByRole("tab", { name: /Chỉ số/ }).click();
    await page.locator(".review-fact").first().click();
    await expect.poll(() => text.locator(".hl-selected").count()).toBeGreaterThan(0);
    await screenshot(page, "papers-report-facts");
    expect(t.problems).toEqual([]);
  });
  it("registers a classified paper from the form, without its content", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("vanphong"), DEMO_PASSWORD);
    await page.goto("/van-ban");
    await page.getByRole("button", { name: "Đăng ký văn bản mật" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Tối mật", { exact: true }).click();
    await dialog.getByLabel("Số, ký hiệu").fill("77-TB/TU");
    await dialog.getByLabel("Ngày ban hành").fill("21/10/2024");
    await dialog.getByLabel("Ngày ban hành").press("Enter");
    await dialog.getByLabel("Trích yếu").fill("kết luận của Ban Thường vụ Tỉnh ủy về phương án nhân sự");
    await dialog.getByLabel("Nơi nhận").fill("Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy\nLưu Văn phòng Tỉnh ủy");
    await screenshot(page, "papers-register-classified");
    await dialog.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByText("Đã đăng ký văn bản mật.").waitFor();
    const row = page.getByRole("row", { name: /77-TB\/TU/ });
    await expect.poll(() => row.textContent()).toMatch(/Tối mật.*21\/10\/2024.*Không lưu nội dung.*Đã xác nhận/);
    await row.getByRole("link", { name: "77-TB/TU" }).click();
    await page.getByText(/chỉ đăng ký số, ngày, trích yếu và nơi nhận/).waitFor();
    expect(await page.getByLabel("Nội dung văn bản").count()).toBe(0);
    await screenshot(page, "papers-classified");
    expect(t.problems).toEqual([]);
  });

  it("lets a unit's staff read a paper but not upload or change it", async () => {
    const t = await newPage();
    const { page } = t;
    await signIn(page, login("cv.sotaichinh"), DEMO_PASSWORD);
    await page.goto("/van-ban");
    await page.getByRole("row", { name: /1012-TB\/TU/ }).waitFor();
    expect(await page.getByText("Tải lên văn bản mới").count()).toBe(0);
    expect(await page.getByRole("row", { name: /77-TB\/TU/ }).count()).toBe(0);
    await page.getByRole("link", { name: "1012-TB/TU" }).click();
    await page.getByLabel("Nội dung văn bản").locator(".hl-directive").first().waitFor();
    expect(await page.getByRole("button", { name: "Xác nhận" }).count()).toBe(0);
    expect(t.problems).toEqual([]);
  });
  it("tells the office when someone else saved the paper first, and reloads the current version", async () => {
    const a = await newPage();
    const b = await newPage();
    await signIn(a.page, login("vanphong"), DEMO_PASSWORD);
    await signIn(b.page, login("admin"), DEMO_PASSWORD);
    await a.page.goto("/van-ban");
    await a.page.locator(".ant-upload-drag").waitFor();
    await dropFile(a.page, ".ant-upload-drag .ant-upload-btn", "thong-bao-1046.txt", NOTICE.replace("1045-TB/TU", "1046-TB/TU"));
    await a.page.locator(".upload-row").first().getByRole("button", { name: "Rà soát" }).click();
    const url = a.page.url();
    await b.page.goto(url);
    for (const { page } of [a, b]) await page.locator(".review-directive").first().waitFor();

    // The administrator corrects the first item's text and saves …
    const bText = b.page.locator(".review-directive").first().getByLabel("Nội dung nhiệm vụ");
    await bText.fill("Sở Tài chính chủ trì rà soát, điều chuyển vốn của các dự án giải ngân chậm.");
    await b.page.getByRole("button", { name: "Lưu nháp" }).click();
    await b.page.getByText("Đã lưu bản rà soát.").waitFor();
    // … then the office, still on the old version, saves its own correction.
    await a.page.locator(".review-directive").first().getByLabel("Cụm từ thời hạn").fill("trước ngày 30/11/2024 (sửa)");
    await a.page.getByRole("button", { name: "Lưu nháp" }).click();
    const dialog = a.page.getByRole("dialog").filter({ hasText: "Văn bản đã được thay đổi ở nơi khác" });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/phiên bản hiện tại: 2, bạn đang sửa trên phiên bản 1/);
    await screenshot(a.page, "papers-conflict");
    await dialog.getByRole("button", { name: "Tải bản hiện tại" }).click();
    await expect.poll(() => a.page.locator(".review-directive").first().getByLabel("Nội dung nhiệm vụ").inputValue()).toBe(
      "Sở Tài chính chủ trì rà soát, điều chuyển vốn của các dự án giải ngân chậm.",
    );
    await expect.poll(() => a.page.locator(".ant-tag", { hasText: /^Chưa lưu$/ }).count()).toBe(0);
    await screenshot(a.page, "papers-conflict-reloaded");
    // The browser itself logs the 409 answer; nothing else may appear.
    expect([...a.problems, ...b.problems].filter((p) => !/status of 409/.test(p))).toEqual([]);
  });
});
