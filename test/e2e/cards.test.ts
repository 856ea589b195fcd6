import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR, launchBrowser, PHONE, PROJECTOR, screenshot } from "../utils/browser.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import { randomScores, seedRound, startTestApp, type TestApp } from "../utils/test-app.ts";
import { zh } from "./pages/i18n.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";
import { PhonePage } from "./pages/phone-page.ts";
import { ResultsPage } from "./pages/results-page.ts";

let browser: Browser;
let t: TestApp;
beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const SCORES = { knowledge: 25, skills: 26.5, quality: 33 };

async function phoneAt(size: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, isMobile: size === PHONE });
  return context.newPage();
}

/** A round with scoring open for 张伟 (C3) and one card's phone open on it. */
async function phoneOnCard(size = PHONE) {
  const seeded = await seedRound(t, { leaders: 1, middle: 3, staff: 3 });
  const { roundId, cards, organizer } = seeded;
  expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C3" }));
  expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C3" }));
  const card = cards[0];
  if (!card) throw new Error("no card");
  const phone = new PhonePage(await phoneAt(size));
  await phone.open(`${t.url}/v#k=${card.token}`);
  await phone.waitForCandidate("张伟");
  return { ...seeded, card, phone };
}

describe("a phone open on a ballot card", () => {
  for (const size of [PHONE, PROJECTOR]) {
    const name = `${size.width}x${size.height}`;

    it(`is told at once when the card is voided (${name})`, async () => {
      const { roundId, card, organizer, phone } = await phoneOnCard(size);
      expectOk(await call(organizer, "card:void", { roundId, cardId: card.id }));
      await phone.waitForHeading(zh("phone.cardVoid.title"));
      await screenshot(phone.page, `phone-voided-${name}`);
    });

    it(`is told when the card got a new code, and the new code shows its ballot (${name})`, async () => {
      const { roundId, card, organizer, phone } = await phoneOnCard(size);
      await phone.score("相关知识", SCORES.knowledge);
      await phone.score("工作技能", SCORES.skills);
      await phone.score("综合素质", SCORES.quality);
      const receipt = await phone.submit();
      const fresh = expectOk(await call(organizer, "card:reissue", { roundId, cardId: card.id }));
      await phone.waitForHeading(zh("phone.cardReissued.title"));
      await screenshot(phone.page, `phone-reissued-${name}`);

      const replacement = new PhonePage(await phoneAt(size));
      await replacement.open(`${t.url}/v#k=${fresh.token}`);
      expect(await replacement.receipt()).toBe(receipt);
    });

    it(`is told when another device holding the card replaced its ballot (${name})`, async () => {
      const { card, phone } = await phoneOnCard(size);
      await phone.score("相关知识", SCORES.knowledge);
      await phone.score("工作技能", SCORES.skills);
      await phone.score("综合素质", SCORES.quality);
      await phone.submit();
      const copy = await t.client(card.token);
      const scores = { knowledge: 10, skills: 10, quality: 10 };
      const other = expectOk(
        await call(copy, "ballot:submit", {
          candidateId: "C3",
          scores,
          nonce: "copy-0001",
          seq: 99,
        }),
      );
      await phone.page.getByText(zh("phone.replaced.title")).waitFor();
      await screenshot(phone.page, `phone-replaced-${name}`);
      await phone.dismissReplacedNotice();
      // The page now shows what counts: the other device's ballot.
      expect(await phone.receipt()).toBe(other.receipt);
    });
  }
});

describe("the organizer's cards panel", () => {
  it("warns of a small group, shows codes once and makes new ones for a second print", async () => {
    const page = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
    const organizer = new OrganizerPage(page, t.url);
    await organizer.login("test-passphrase");
    await organizer.loadDemo();
    await organizer.issueCards({ leaders: 2, middle: 3, staff: 4 });
    const warnings = await organizer.smallGroupWarnings();
    expect(warnings).toEqual([zh("org.cards.smallGroup", { group: "局领导班子", n: 2 })]);
    await screenshot(page, "organizer-cards-1920x1080");

    await organizer.openPrintSheet();
    await page.getByText(zh("org.print.once")).waitFor();
    await screenshot(page, "organizer-print-1920x1080");
    await page.setViewportSize(PHONE);
    await screenshot(page, "organizer-print-390x844");
    await page.setViewportSize(PROJECTOR);
    const first = await page
      .getByTestId("print-card")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-link")));
    await page.getByTestId("print-back").click();

    // The same cards again: the page asks, then prints new codes; the old ones are dead.
    await page.getByTestId("print-cards").click();
    await page.getByRole("button", { name: zh("org.print.rotate") }).waitFor();
    await screenshot(page, "organizer-reprint-confirm-1920x1080");
    await page.setViewportSize(PHONE);
    await screenshot(page, "organizer-reprint-confirm-390x844");
    await page.setViewportSize(PROJECTOR);
    await page.getByRole("button", { name: zh("org.print.rotate") }).click();
    await page.getByTestId("print-card").first().waitFor();
    const second = await page
      .getByTestId("print-card")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-link")));
    expect(second).toHaveLength(9);
    for (const link of second) expect(first).not.toContain(link);
    await page.getByTestId("print-back").click();
    await page.setViewportSize(PHONE);
    await screenshot(page, "organizer-cards-390x844");
  });
});

describe("the score summary", () => {
  it("notes a voter group too small for its ballots to be secret", async () => {
    const { roundId, config, cards, organizer } = await seedRound(t, {
      leaders: 2,
      middle: 3,
      staff: 3,
    });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    for (const [i, card] of cards.entries()) {
      const phone = await t.client(card.token);
      const scores = randomScores(config);
      expectOk(
        await call(phone, "ballot:submit", {
          candidateId: "C1",
          scores,
          nonce: `small-${i}xx`,
          seq: 1,
        }),
      );
    }
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "round:lock", { roundId }, 30_000));

    const context = await browser.newContext({ viewport: PROJECTOR });
    await context.addInitScript(
      ([key, token]) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem(key, token),
      ["jingpin.organizer", t.organizerToken] as const,
    );
    const sheet = new ResultsPage(await context.newPage());
    await sheet.open(t.url, roundId);
    expect(await sheet.smallGroupNote()).toBe(
      zh("results.method.smallGroups", { groups: "局领导班子" }),
    );
    await screenshot(sheet.page, "results-small-group-1920x1080");
  });
});
