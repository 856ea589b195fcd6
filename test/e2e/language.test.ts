import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../shared/i18n/index.ts";
import { CLIENT_DIR, launchBrowser, PROJECTOR } from "../utils/browser.ts";
import { startTestApp, type TestApp } from "../utils/test-app.ts";

// expect.poll gives up after 1 s by default; a CI machine busy with other tests needs more.
const POLL = { timeout: 15_000 };

let browser: Browser;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clientDir: CLIENT_DIR });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("the page language", () => {
  it("is chosen by ?lang= in the link, remembered, and switched on the projector with L", async () => {
    const token = await t.app.services.auth.projectorToken();
    const context = await browser.newContext({ viewport: PROJECTOR });
    const page = await context.newPage();
    const heading = page.locator("h1").first();
    const waiting = (locale: "zh-CN" | "en") => translate(locale, "screen.waiting.title");

    await page.goto(`${t.url}/screen?lang=en#k=${token}`);
    await expect.poll(() => heading.textContent(), POLL).toBe(waiting("en"));
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    // A link without ?lang= keeps the language the device remembers: a fresh page load,
    // not a same-document jump to a new fragment.
    await page.goto("about:blank");
    await page.goto(`${t.url}/screen#k=${token}`);
    await expect.poll(() => heading.textContent(), POLL).toBe(waiting("en"));

    await page.locator("body").press("l");
    await expect.poll(() => heading.textContent(), POLL).toBe(waiting("zh-CN"));
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await context.close();
  });
});
