import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR, launchBrowser, PHONE, screenshot } from "../utils/browser.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import { seedRound, startTestApp, type TestApp } from "../utils/test-app.ts";
import { zh } from "./pages/i18n.ts";
import { PhonePage } from "./pages/phone-page.ts";

/** The narrowest phone the product promises one-hand use on. */
const SMALL_PHONE = { width: 360, height: 740 };

let browser: Browser;
let t: TestApp;
let context: BrowserContext;
let phone: PhonePage;
let small: PhonePage;

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR, hallLinks: true });
  const { roundId, cards, organizer } = await seedRound(t, { leaders: 2, middle: 0, staff: 0 });
  expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C3" }));
  expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C3" }));
  const [card, other] = cards;
  if (!card || !other) throw new Error("expected two cards");
  context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  phone = new PhonePage(await context.newPage());
  await phone.open(`${t.hallUrl}/v#k=${card.token}`);
  await phone.waitForCandidate("张伟");
  // As in a hall: plain http on a name that is not loopback, so no secure-context APIs.
  expect(await phone.isSecureContext()).toBe(false);
  const smallContext = await browser.newContext({
    viewport: SMALL_PHONE,
    isMobile: true,
    hasTouch: true,
  });
  small = new PhonePage(await smallContext.newPage());
  await small.open(`${t.hallUrl}/v#k=${other.token}`);
  await small.waitForCandidate("张伟");
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("a score typed on the phone's numeric keypad", () => {
  it("draws no slider thumb before a criterion is scored: mid-scale would read as a score", async () => {
    await screenshot(phone.page, "phone-ballot-unscored-390x844");
    await screenshot(small.page, "phone-ballot-unscored-360x740");
    for (const label of ["相关知识", "工作技能", "综合素质"]) {
      expect(await phone.thumbOpacity(label)).toBe("0");
      expect(await phone.scoreBox(label).getAttribute("inputmode")).toBe("decimal");
    }
    expect(await phone.scrollsSideways()).toBe(false);
    expect(await small.scrollsSideways()).toBe(false);
  });

  it("counts a typed score in the total and draws the thumb", async () => {
    await phone.typeScore("相关知识", "25");
    expect(await phone.totalText()).toContain("25.0");
    expect(await phone.thumbOpacity("相关知识")).toBe("1");
    expect(await phone.thumbOpacity("工作技能")).toBe("0");
  });

  it("refuses a score off the step's grid or out of range, says why, and leaves it out", async () => {
    await phone.typeScore("相关知识", "25.3");
    expect(await phone.typedHint("相关知识")).toBe(
      zh("phone.criterion.typed.step", { step: "0.5", near: "25.5" }),
    );
    expect(await phone.totalText()).not.toContain("25");
    // What was typed stays in view beside its hint, so the voter sees what to correct.
    expect(await phone.scoreBox("相关知识").inputValue()).toBe("25.3");
    await phone.typeScore("工作技能", "31");
    expect(await phone.typedHint("工作技能")).toBe(
      zh("phone.criterion.typed.range", { max: "30" }),
    );
    await phone.typeScore("综合素质", "33");
    expect(await phone.scoreBox("工作技能").inputValue()).toBe("31");
    // Two criteria do not count: the ballot cannot be sent.
    expect(await phone.submitButton().textContent()).toContain(
      zh("phone.form.remaining", { n: 2 }),
    );
    expect(await phone.submitButton().isDisabled()).toBe(true);
    await screenshot(phone.page, "phone-ballot-typed-refused-390x844");
  });

  it("submits once every typed score counts, with the scores as typed", async () => {
    await phone.typeScore("相关知识", "25,5");
    expect(await phone.typedHint("相关知识")).toBe("");
    await phone.typeScore("工作技能", "26.5");
    expect(await phone.totalText()).toContain("85.0");
    // The keypad's "done" closes the keypad; it does not send the ballot.
    await phone.scoreBox("工作技能").press("Enter");
    expect(await phone.submitButton().isVisible()).toBe(true);
    await screenshot(phone.page, "phone-ballot-typed-390x844");
    expect(await phone.submit()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const summary = (await phone.page.locator("main").textContent()) ?? "";
    for (const score of ["25.5", "26.5", "33.0"]) expect(summary).toContain(score);
  });

  it("fits a 360 px phone with the keypad box, − and + side by side", async () => {
    await small.typeScore("相关知识", "30");
    await small.typeScore("工作技能", "0.3");
    expect(await small.scrollsSideways()).toBe(false);
    await screenshot(small.page, "phone-ballot-typed-360x740");
    await small.page.getByRole("button", { name: "English" }).tap();
    await small.page.getByRole("textbox", { name: "相关知识: type a score" }).waitFor();
    expect(await small.scrollsSideways()).toBe(false);
    await screenshot(small.page, "phone-ballot-typed-en-360x740");
  });
});
