import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoundConfig } from "../../shared/round-file.ts";
import { speakingOrder } from "../../shared/rubric.ts";
import { CLIENT_DIR, launchBrowser, PHONE, PROJECTOR, screenshot } from "../utils/browser.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { randomScores, seedRound, startTestApp, type TestApp } from "../utils/test-app.ts";
import { ChairPage } from "./pages/chair-page.ts";
import { zh } from "./pages/i18n.ts";
import { ScreenPage } from "./pages/screen-page.ts";

const TABLET = { width: 768, height: 1024 };

let browser: Browser;
let t: TestApp;
let chair: ChairPage;
let screen: ScreenPage;
let organizer: ClientSocket;
let phones: ClientSocket[];
let roundId: string;
let config: RoundConfig;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  const seeded = await seedRound(t, { leaders: 2, middle: 2, staff: 2 });
  ({ roundId, organizer, config } = seeded);
  phones = await Promise.all(seeded.cards.map((c) => t.client(c.token)));
  const chairToken = expectOk(await call(organizer, "link:create", { roundId, role: "chair" }));
  const { projectorToken } = expectOk(await call(organizer, "server:info", {}));
  const open = async (viewport: { width: number; height: number }) => {
    const c = await browser.newContext({ viewport });
    contexts.push(c);
    return c.newPage();
  };
  screen = new ScreenPage(await open(PROJECTOR));
  await screen.open(`${t.url}/screen#k=${projectorToken}`);
  chair = new ChairPage(await open(TABLET));
  await chair.open(`${t.url}/chair#k=${chairToken.token}`);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

type View = Parameters<ScreenPage["waitForShown"]>[0];

/**
 * Reads what the chair's console says the projector shows ("大屏当前：…") and waits for the
 * projector to show exactly that: the same view, with the same heading, and nothing else.
 */
async function projectorAgrees(): Promise<string> {
  const now = await chair.screenNow();
  const [label, name] = now.split(" · ");
  const expected: Record<string, () => Promise<[View, string]>> = {
    [zh("chair.screen.view.welcome")]: async () => ["welcome", config.title],
    [zh("chair.screen.view.candidate")]: async () => ["speaker", await chair.currentName()],
    [zh("chair.screen.view.result")]: async () => ["result", name ?? ""],
    [zh("chair.screen.view.evaluation")]: async () => ["evaluation", zh("screen.eval.title")],
    [zh("chair.screen.view.ranking")]: async () => ["ranking", zh("screen.ranking.title")],
    [zh("chair.screen.view.locked")]: async () => ["locked", zh("screen.locked.title")],
  };
  const shown = expected[label ?? ""];
  if (!shown) throw new Error(`the console says an unknown view: ${now}`);
  await screen.waitForShown(...(await shown()));
  expect(await screen.viewCount(), now).toBe(1);
  return now;
}

async function scoreCurrent(candidateId: string): Promise<void> {
  await chair.openScoring();
  await Promise.all(
    phones.map(async (p, i) =>
      expectOk(
        await call(p, "ballot:submit", {
          candidateId,
          scores: randomScores(config),
          nonce: `chair-screen-${candidateId}-${i}`,
          seq: 1,
        }),
      ),
    ),
  );
  await chair.closeScoring();
}

/** At 768 px no button is cut off and nothing scrolls sideways. */
async function fitsTablet(moment: string): Promise<void> {
  await screenshot(chair.page, `chair-${moment}-768x1024`);
  expect(await chair.buttonsOutsideViewport()).toEqual([]);
  expect(await chair.scrollsSideways()).toBe(false);
}

describe("the projector shows what the chair console says it shows", () => {
  const order = () => speakingOrder(config);
  const nameOf = (id: string) => config.candidates.find((c) => c.id === id)?.name ?? id;

  it("at the start: the welcome page", async () => {
    expect(await projectorAgrees()).toBe(zh("chair.screen.view.welcome"));
    await fitsTablet("start");
  });

  it("a candidate called to the stand, the welcome page and the candidate again", async () => {
    const first = order()[0] ?? "";
    await chair.goto(nameOf(first));
    expect(await projectorAgrees()).toBe(zh("chair.screen.view.candidate"));
    await chair.show("welcome");
    await projectorAgrees();
    await chair.show("candidate");
    expect(await projectorAgrees()).toBe(zh("chair.screen.view.candidate"));
  });

  it("a revealed result, previewed first; hidden again; revealed again", async () => {
    const first = order()[0] ?? "";
    await scoreCurrent(first);
    const preview = await chair.reveal(() =>
      screenshot(chair.page, "chair-reveal-question-768x1024", false),
    );
    expect(preview).toContain(zh("chair.result.speech"));
    expect(await projectorAgrees()).toBe(`${zh("chair.screen.view.result")} · ${nameOf(first)}`);
    // The preview showed the score the hall now sees.
    expect(preview).toContain(await screen.shownScore());
    await fitsTablet("revealed");

    await chair.hide(() => screenshot(chair.page, "chair-hide-question-768x1024", false));
    expect(await projectorAgrees()).toBe(zh("chair.screen.view.candidate"));
    // The hall saw it: scoring does not reopen for a result taken back.
    expect(await chair.page.getByTestId("scoring-open").isDisabled()).toBe(true);
    await chair.page.setViewportSize(PHONE);
    await chair.reveal(() => screenshot(chair.page, "chair-reveal-question-390x844", false));
    await projectorAgrees();
    await chair.page.setViewportSize(TABLET);
  });

  it("the evaluation, opened with the unscored candidates named, then the ranking", async () => {
    const second = order()[1] ?? "";
    await chair.next();
    await scoreCurrent(second);
    const asked = () => screenshot(chair.page, "chair-evaluation-question-768x1024", false);
    expect(await chair.openEvaluation(asked)).toEqual(order().slice(2).map(nameOf));
    expect(await projectorAgrees()).toBe(zh("chair.screen.view.evaluation"));
    const choices = Object.fromEntries(config.candidates.map((c) => [c.id, "excellent"]));
    await Promise.all(
      phones.map(async (p, i) =>
        expectOk(
          await call(p, "evaluation:submit", { choices, nonce: `chair-eval-${i}-x`, seq: 1 }),
        ),
      ),
    );
    await chair.closeEvaluation();
    await chair.revealEvaluation();
    await projectorAgrees();
    await chair.show("ranking");
    expect(await projectorAgrees()).toBe(zh("chair.screen.view.ranking"));
    await fitsTablet("ranking");
    await screenshot(screen.page, "projector-ranking-before-lock-1920x1080");
  });

  it("after the lock: the lock page, then the ranking, the evaluation and the welcome page", async () => {
    expectOk(await call(organizer, "round:lock", { roundId }));
    await chair.page.getByText(zh("chair.locked")).waitFor();
    expect(await projectorAgrees()).toBe(zh("chair.screen.view.locked"));
    for (const view of ["ranking", "evaluation", "welcome", "locked"] as const) {
      await chair.show(view);
      await projectorAgrees();
    }
    await chair.show("ranking");
    await projectorAgrees();
    await fitsTablet("locked");
    await screenshot(screen.page, "projector-ranking-after-lock-1920x1080");
    for (const size of [PHONE, PROJECTOR]) {
      await chair.page.setViewportSize(size);
      expect(await chair.scrollsSideways(), `${size.width} px`).toBe(false);
      await screenshot(chair.page, `chair-locked-${size.width}x${size.height}`);
    }
  });
});
