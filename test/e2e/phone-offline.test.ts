import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR, launchBrowser, PHONE, screenshot } from "../utils/browser.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import { seedRound, startTestApp, type TestApp } from "../utils/test-app.ts";
import { zh } from "./pages/i18n.ts";
import { PhonePage } from "./pages/phone-page.ts";

let browser: Browser;
const apps: TestApp[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const a of apps.reverse()) await a.close().catch(() => {});
});

describe("a phone on a hall Wi-Fi that drops", () => {
  it("keeps the unsent ballot, says so, and sends it once when the server is back", async () => {
    const first = await startTestApp({ hallLinks: true, clientDir: CLIENT_DIR });
    apps.push(first);
    const { roundId, cards, organizer } = await seedRound(first, {
      leaders: 1,
      middle: 1,
      staff: 1,
    });
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C3" }));
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C3" }));
    const card = cards[0];
    if (!card) throw new Error("no card");

    // Loaded over http from a name that is not loopback: not a secure context, as in WeChat.
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const phone = new PhonePage(page);
    await phone.open(`${first.hallUrl}/v#k=${card.token}`);
    expect(await phone.isSecureContext()).toBe(false);
    await phone.waitForCandidate("张伟");
    await expect(phone.submitButton().isDisabled()).resolves.toBe(true);
    await phone.score("相关知识", 25);
    await phone.score("工作技能", 26.5);
    await phone.score("综合素质", 33);
    expect(await phone.totalText()).toContain("84.5");
    const firstReceipt = await phone.submit();
    expect(firstReceipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await screenshot(page, "phone-submitted-390x844");

    // The revision is made while the server is gone.
    await page.getByRole("button", { name: zh("phone.sent.revise") }).click();
    const port = (first.app.http.address() as AddressInfo).port;
    await first.app.close();
    await page.getByText(zh("conn.offline")).first().waitFor();
    await phone.score("综合素质", 38);
    await phone.submitButton().click();
    await page.getByText(zh("phone.sent.unsent")).first().waitFor();
    await screenshot(page, "phone-unsent-offline-390x844");
    // The phone is put away (page closed) before the network comes back: the unsent ballot
    // waits in the phone's storage, not in the page.
    await page.close();
    const second = await startTestApp({
      hallLinks: true,
      clientDir: CLIENT_DIR,
      keyPrefix: first.keyPrefix,
      port,
    });
    apps.push(second);
    const again = new PhonePage(await context.newPage());
    await again.page.goto(`${second.hallUrl}/v`);
    const receipt = await again.receipt();
    await again.page.getByText(zh("phone.sent.submitted")).first().waitFor();
    expect(receipt).not.toBe(firstReceipt);
    await screenshot(again.page, "phone-resent-390x844");

    const org = await second.client(first.organizerToken);
    const snap = expectOk(await call(org, "session:join", { roundId }));
    expect(snap.progress?.scored.C3).toEqual({ [card.group]: 1 });
    const voter = await second.client(card.token);
    const mine = expectOk(await call(voter, "session:join", {})).mine;
    expect(mine?.C3).toMatchObject({
      scores: { knowledge: 25, skills: 26.5, quality: 38 },
      receipt,
    });
    await context.close();
  });
});
