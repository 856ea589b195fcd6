import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR, launchBrowser, PHONE, PROJECTOR, screenshot } from "../utils/browser.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { seedRound, startTestApp, type TestApp } from "../utils/test-app.ts";
import { ChairPage } from "./pages/chair-page.ts";
import { zh } from "./pages/i18n.ts";
import { PhonePage } from "./pages/phone-page.ts";
import { ScreenPage } from "./pages/screen-page.ts";

/** The narrowest phone the product promises one-hand use on. */
const SMALL_PHONE = { width: 360, height: 740 };

let browser: Browser;
let t: TestApp;
let organizer: ClientSocket;
let roundId: string;
let phone: PhonePage;
let small: PhonePage;

/** What the staff are told of C3 (张伟): ballots and abstentions per group. */
async function countsOfC3() {
  const progress = expectOk(await call(organizer, "session:join", { roundId })).progress;
  return { scored: progress?.scored.C3, abstained: progress?.abstained.C3 };
}

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR, hallLinks: true });
  const seeded = await seedRound(t, { leaders: 2, middle: 0, staff: 0 });
  ({ roundId, organizer } = seeded);
  expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C3" }));
  expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C3" }));
  const [card, other] = seeded.cards;
  if (!card || !other) throw new Error("expected two cards");
  const open = async (viewport: { width: number; height: number }, token: string) => {
    const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true });
    const page = new PhonePage(await context.newPage());
    await page.open(`${t.hallUrl}/v#k=${token}`);
    await page.waitForCandidate("张伟");
    return page;
  };
  phone = await open(PHONE, card.token);
  small = await open(SMALL_PHONE, other.token);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("a voter's own avoidance (回避) on the phone", () => {
  it("offers 回避 under the score sheet and explains it before anything is sent", async () => {
    await phone.abstainButton().scrollIntoViewIfNeeded();
    await screenshot(phone.page, "phone-abstain-offer-390x844", false);
    await phone.abstainButton().click();
    const confirm = phone.abstainConfirmation();
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(zh("phone.abstain.confirmBody"));
    await screenshot(phone.page, "phone-abstain-confirm-390x844", false);
    // Nothing is sent until confirmed: going back leaves the sheet as it was.
    await confirm.getByRole("button", { name: zh("phone.abstain.back") }).click();
    await phone.abstainButton().waitFor();
    expect(await countsOfC3()).toEqual({ scored: {}, abstained: {} });
  });

  it("confirmed, it shows 已回避 with a receipt, and the staff count it apart", async () => {
    expect(await phone.abstain()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await phone.submissionHeading()).toContain(zh("phone.abstain.done"));
    expect(await phone.page.getByText(zh("phone.abstain.summary")).count()).toBe(1);
    expect(await phone.page.getByRole("button", { name: zh("phone.abstain.undo") }).count()).toBe(
      1,
    );
    await screenshot(phone.page, "phone-abstained-390x844");
    expect(await countsOfC3()).toEqual({ scored: {}, abstained: { leaders: 1 } });
  });

  it("still shows the abstention after a reload (the card's own ballots say so)", async () => {
    await phone.page.reload();
    await phone.page
      .getByRole("status")
      .filter({ hasText: zh("phone.abstain.done") })
      .waitFor();
  });

  it("is undone by scoring and submitting; until then it stands", async () => {
    const before = await phone.receipt();
    await phone.undoAbstention();
    expect(await phone.abstainButton().count()).toBe(0);
    await screenshot(phone.page, "phone-abstain-undo-390x844");
    // Keeping it returns to the receipt: nothing was sent.
    await phone.page.getByRole("button", { name: zh("phone.abstain.keep") }).click();
    expect(await phone.receipt()).toBe(before);
    expect(await countsOfC3()).toEqual({ scored: {}, abstained: { leaders: 1 } });

    await phone.undoAbstention();
    await phone.score("相关知识", 25);
    await phone.score("工作技能", 26);
    await phone.score("综合素质", 33);
    const receipt = await phone.submit();
    expect(receipt).not.toBe(before);
    expect(await phone.submissionHeading()).toContain(zh("phone.sent.submitted"));
    expect(await countsOfC3()).toEqual({ scored: { leaders: 1 }, abstained: {} });
  });

  it("replaces a submitted ballot when the voter abstains while revising", async () => {
    await phone.page.getByRole("button", { name: zh("phone.sent.revise") }).click();
    await phone.abstain();
    expect(await countsOfC3()).toEqual({ scored: { leaders: 0 }, abstained: { leaders: 1 } });
  });

  it("fits a 360 px phone, confirm step included", async () => {
    await small.abstainButton().click();
    await small.abstainConfirmation().waitFor();
    expect(await small.scrollsSideways()).toBe(false);
    await screenshot(small.page, "phone-abstain-confirm-360x740", false);
    const box = await small.abstainConfirmation().getByRole("button").first().boundingBox();
    // A thumb-sized target: the product's buttons are at least 48 px tall.
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  });

  it("shows 回避 N on the chair's console and the projector", async () => {
    const chairToken = expectOk(await call(organizer, "link:create", { roundId, role: "chair" }));
    const { projectorToken } = expectOk(await call(organizer, "server:info", {}));
    const chair = new ChairPage(
      await (await browser.newContext({ viewport: PROJECTOR })).newPage(),
    );
    await chair.open(`${t.url}/chair#k=${chairToken.token}`);
    const abstained = zh("chair.progress.abstained", { n: 1 });
    await chair.page.getByTestId("progress-abstained").filter({ hasText: abstained }).waitFor();
    expect(await chair.progressText()).toContain(abstained);
    await screenshot(chair.page, "chair-progress-abstained-1920x1080");

    const screen = new ScreenPage(
      await (await browser.newContext({ viewport: PROJECTOR })).newPage(),
    );
    await screen.open(`${t.url}/screen#k=${projectorToken}`);
    await screen.waitForView("speaker");
    await screen.page.getByText(zh("screen.progress.abstained", { n: 1 })).waitFor();
    // The bar is of the cards that acted: the abstaining one is done, no ballot is cast.
    await screen.waitForProgress(1, 2);
    expect(await screen.page.getByText(zh("screen.progress", { n: 0, m: 2 })).count()).toBe(1);
    await screenshot(screen.page, "projector-progress-abstained-1920x1080");
  });

  it("after scoring closes, the phone says the card abstained and offers no undo", async () => {
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C3" }));
    await phone.page.getByText(zh("phone.abstain.closed")).waitFor();
    expect(await phone.page.getByRole("button", { name: zh("phone.abstain.undo") }).count()).toBe(
      0,
    );
    await screenshot(phone.page, "phone-abstained-closed-390x844");
  });
});
