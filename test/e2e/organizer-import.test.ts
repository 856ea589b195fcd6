import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR, launchBrowser, PHONE, PROJECTOR, screenshot } from "../utils/browser.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, startTestApp, type TestApp } from "../utils/test-app.ts";
import { zh } from "./pages/i18n.ts";
import { buttonsOutsideViewport, scrollsSideways } from "./pages/layout.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";
import { ScreenPage } from "./pages/screen-page.ts";

let browser: Browser;
let t: TestApp;
let organizer: OrganizerPage;
let screen: ScreenPage;
let ws: ClientSocket;
let liveId: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  const open = async () => {
    const c = await browser.newContext({ viewport: PROJECTOR });
    contexts.push(c);
    return c.newPage();
  };
  organizer = new OrganizerPage(await open(), t.url);
  ws = await t.client(t.organizerToken);
  const { projectorToken } = expectOk(await call(ws, "server:info", {}));
  screen = new ScreenPage(await open());
  await screen.open(`${t.url}/screen#k=${projectorToken}`);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

const activeId = async () =>
  expectOk(await call(ws, "round:list", {})).find((r) => r.active)?.id ?? null;

describe("importing while a round is live", () => {
  it("the first round takes the projector without a question", async () => {
    await organizer.login("test-passphrase");
    liveId = await organizer.loadDemo();
    expect(await activeId()).toBe(liveId);
    await screen.waitForShown("welcome", DEMO_ROUND.title);
  });

  it("once the session is under way, a new import asks, naming it; the default keeps it", async () => {
    expectOk(await call(ws, "session:goto", { roundId: liveId, candidateId: "C1" }));
    await screen.waitForShown("speaker", "王建国");
    const asked = await organizer.loadDemoWhileLive("keep");
    expect(asked.question).toBe(zh("org.screen.switchBody", { live: DEMO_ROUND.title }));
    expect(asked.focused).toBe(zh("org.screen.keep"));
    expect(await activeId()).toBe(liveId);
    expect(organizer.roundId()).not.toBe(liveId);
    await screen.waitForShown("speaker", "王建国");
  });

  it("switching is the other button, and the projector follows", async () => {
    await organizer.loadDemoWhileLive("switch");
    const switched = organizer.roundId();
    expect(await activeId()).toBe(switched);
    await screen.waitForShown("welcome", DEMO_ROUND.title);
    expect(switched).not.toBe(liveId);
  });

  it("the question fits a phone, a tablet and a laptop", async () => {
    const page = organizer.page;
    expectOk(await call(ws, "session:goto", { roundId: organizer.roundId(), candidateId: "C1" }));
    for (const size of [PHONE, { width: 768, height: 1024 }, PROJECTOR]) {
      await page.setViewportSize(size);
      await page
        .getByRole("button", { name: zh("org.rounds.back") })
        .first()
        .click();
      await page.getByTestId("load-demo").click();
      await page.getByRole("dialog").waitFor();
      await screenshot(page, `organizer-switch-question-${size.width}x${size.height}`);
      expect(await buttonsOutsideViewport(page), `${size.width} px`).toEqual([]);
      expect(await scrollsSideways(page), `${size.width} px`).toBe(false);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "hidden" });
      await page.waitForURL(/#round=/);
    }
  });
});
