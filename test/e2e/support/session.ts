// What every browser test file sets up: the demo server and one Chromium, started before the
// file's tests and stopped after them, and the pages it opened, closed with them.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PROVINCES } from "../../../src/server/demo/steps.ts";
import { launchBrowser, openPage, type TestPage } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

export interface BrowserSession {
  /** A new page (its own cookies) on the demo server. */
  newPage(): Promise<TestPage>;
  /** Every page opened so far, with the problems each saw. */
  readonly pages: TestPage[];
}

export function browserSession(): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pages: TestPage[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });
  return {
    pages,
    async newPage() {
      const t = await openPage(browser!, server!.url);
      pages.push(t);
      return t;
    },
  };
}

/** The sign-in name of a demo account in a demo province: demoLogin(1, "vanphong") → "ct.vanphong". */
export function demoLogin(province: number, username: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return `${DEMO_PROVINCES[province]!.loginPrefix}${account.username}`;
}
