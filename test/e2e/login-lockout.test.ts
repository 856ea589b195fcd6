import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR, launchBrowser, PHONE, screenshot } from "../utils/browser.ts";
import { startTestApp, type TestApp } from "../utils/test-app.ts";
import { zh } from "./pages/i18n.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";

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

describe("the organizer's sign-in after too many wrong passphrases", () => {
  it("says how long the lockout lasts", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const organizer = new OrganizerPage(await context.newPage(), t.url);
    await organizer.page.goto(`${t.url}/`);
    const wrong = zh("error.wrong_passphrase");
    for (let i = 0; i < 10; i++) {
      expect(await organizer.refusedLogin(`wrong-${i}`, wrong)).toBe(wrong);
    }
    // The 300 s window of the first failure, a few seconds in: "5 minutes", rounded up.
    const locked = zh("org.login.lockedMinutes", { n: 5 });
    expect(locked).toBe("尝试次数过多，请 5 分钟后再试");
    expect(await organizer.refusedLogin("test-passphrase", locked)).toBe(locked);
    await screenshot(organizer.page, "organizer-login-locked-390x844");
    await context.close();
  });
});
