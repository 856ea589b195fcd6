import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { promisify } from "node:util";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hallDate } from "../../shared/hall-time.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import { formatScore } from "../../shared/scoring/index.ts";
import { CLIENT_DIR, launchBrowser, PHONE, PROJECTOR, screenshot } from "../utils/browser.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { randomScores, startTestApp, type TestApp } from "../utils/test-app.ts";
import { ChairPage } from "./pages/chair-page.ts";
import { zh } from "./pages/i18n.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";
import { PhonePage } from "./pages/phone-page.ts";
import { ScreenPage } from "./pages/screen-page.ts";

const run = promisify(execFile);
let browser: Browser;
let t: TestApp;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ host: "lan", clientDir: CLIENT_DIR });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

async function context(viewport: { width: number; height: number }, phone = false) {
  const c = await browser.newContext({
    viewport,
    isMobile: phone,
    hasTouch: phone,
    acceptDownloads: true,
  });
  contexts.push(c);
  return c;
}

/** The card link's token, for the cards that vote over sockets instead of a browser. */
const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get("k") ?? "";

describe("a live session in the browser", () => {
  it("phones score, the projector follows, the chair reveals, the organizer locks and the export recounts", async () => {
    // The organizer loads the demo round and issues 12 cards.
    const orgPage = await (await context(PROJECTOR)).newPage();
    const organizer = new OrganizerPage(orgPage, t.url);
    await organizer.login("test-passphrase");
    const roundId = await organizer.loadDemo();
    await organizer.issueCards({ leaders: 3, middle: 4, staff: 5 });
    const links = await organizer.cardLinks();
    expect(links).toHaveLength(12);
    for (const link of links) expect(link.startsWith(`${t.url}/v#k=`)).toBe(true);
    await screenshot(orgPage, "organizer-round-1920x1080");

    // The projector shows the welcome page with its QR code.
    const ws = await t.client(t.organizerToken);
    const { projectorToken } = expectOk(await call(ws, "server:info", {}));
    const screen = new ScreenPage(await (await context(PROJECTOR)).newPage());
    await screen.open(`${t.url}/screen#k=${projectorToken}`);
    await screen.waitForView("welcome");
    await screenshot(screen.page, "projector-welcome-1920x1080");

    // The chair calls the first speaker, starts the timer and opens scoring.
    const chair = new ChairPage(await organizer.openChairLink());
    await chair.page.setViewportSize(PROJECTOR);
    await chair.page.getByTestId("speaking-order").waitFor();
    await chair.goto("张伟");
    await chair.startSpeechTimer();
    await screen.waitForView("speaker");
    await chair.openScoring();

    // Three phones score in the browser; the other nine cards over sockets.
    const phones: PhonePage[] = [];
    for (const link of links.slice(0, 3)) {
      const phone = new PhonePage(await (await context(PHONE, true)).newPage());
      await phone.open(link);
      await phone.waitForCandidate("张伟");
      phones.push(phone);
    }
    const values = [
      [25, 26.5, 33],
      [28, 27, 36.5],
      [20, 22, 30],
    ];
    for (const [i, phone] of phones.entries()) {
      const [k, s, q] = values[i] ?? [];
      await phone.score("相关知识", k ?? 0);
      await phone.score("工作技能", s ?? 0);
      await phone.score("综合素质", q ?? 0);
      expect(await phone.submit()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    }
    await screenshot(phones[0]?.page ?? orgPage, "phone-receipt-390x844");
    const sockets: ClientSocket[] = await Promise.all(
      links.slice(3).map((l) => t.client(tokenOf(l))),
    );
    const config = expectOk(await call(ws, "session:join", { roundId })).round;
    const castAll = async (candidateId: string) =>
      Promise.all(
        sockets.map(async (s, i) =>
          expectOk(
            await call(s, "ballot:submit", {
              candidateId,
              scores: randomScores(config),
              nonce: `e2e-${candidateId}-${i}`,
              seq: 1,
            }),
          ),
        ),
      );
    await castAll("C3");
    await screen.waitForProgress(12, 12);
    expect(await chair.progressText()).toContain("12 / 12");
    await screenshot(screen.page, "projector-speaker-progress-1920x1080");
    // Never a running score on the projector before the reveal.
    expect(await screen.page.locator("section.result").count()).toBe(0);

    await chair.closeScoring();
    await chair.reveal();
    await screen.waitForView("result");
    const revealed = await screen.shownScore();
    await screenshot(screen.page, "projector-result-1920x1080");
    await screenshot(chair.page, "chair-revealed-1920x1080");

    // The other six candidates, driven over the same socket API the chair page uses.
    for (const candidateId of config.speakingOrder?.slice(1) ?? []) {
      expectOk(await call(ws, "session:goto", { roundId, candidateId }));
      expectOk(await call(ws, "scoring:open", { roundId, candidateId }));
      await castAll(candidateId);
      expectOk(await call(ws, "scoring:close", { roundId, candidateId }));
      expectOk(await call(ws, "result:reveal", { roundId, candidateId }));
    }

    // The democratic evaluation: one phone in the browser, the rest over sockets. The chair
    // sees what it weighs in the composite (β = 0.3 in the demo round).
    expect(await chair.page.getByTestId("evaluation-weight").textContent()).toBe(
      zh("chair.eval.weight", { pct: 30 }),
    );
    await chair.openEvaluation();
    const evaluator = phones[0];
    if (!evaluator) throw new Error("no phone");
    await evaluator.page.getByRole("button", { name: "优秀", exact: true }).first().waitFor();
    for (const c of config.candidates)
      await evaluator.evaluate(c.name, c.id === "C5" ? "称职" : "优秀");
    await screenshot(evaluator.page, "phone-evaluation-390x844");
    expect(await evaluator.submitEvaluation()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const options = ["excellent", "competent", "basic", "unknown"];
    await Promise.all(
      sockets.map(async (s, i) =>
        expectOk(
          await call(s, "evaluation:submit", {
            choices: Object.fromEntries(
              config.candidates.map((c, j) => [
                c.id,
                options[(i + j) % options.length] ?? "competent",
              ]),
            ),
            nonce: `e2e-eval-${i}`,
            seq: 1,
          }),
        ),
      ),
    );
    await chair.closeEvaluation();
    await chair.revealEvaluation();
    await screen.waitForView("evaluation");
    await screenshot(screen.page, "projector-evaluation-1920x1080");
    await chair.showRanking();
    await screen.waitForView("ranking");
    await screenshot(screen.page, "projector-ranking-1920x1080");

    // The organizer locks; the projector shows the digest; the export recounts.
    const digest = await organizer.lock();
    expect(digest.replace(/\s+/g, "")).toMatch(/^[0-9a-f]{64}$/);
    await screen.waitForView("locked");
    expect(await screen.digest()).toBe(digest.replace(/\s+/g, ""));
    await screenshot(screen.page, "projector-locked-1920x1080");
    await screenshot(orgPage, "organizer-locked-1920x1080");
    await phones[1]?.page.getByText("评分已全部结束").first().waitFor();
    await screenshot(phones[1]?.page ?? orgPage, "phone-locked-390x844");

    const path = await organizer.downloadExport();
    const file = JSON.parse(readFileSync(path, "utf8")) as RoundExport;
    expect(path.endsWith(`/${file.round.title}-${hallDate(file.round.lockedAt)}.json`)).toBe(true);
    expect(file.digest).toBe(digest.replace(/\s+/g, ""));
    expect(file.ballots).toHaveLength(3 + 9 * 7); // browser phones scored the first speaker
    expect(file.evaluations.length).toBe(7 + 9 * 7);
    const c3 = file.results.candidates.find((c) => c.id === "C3");
    expect(revealed).toBe(formatScore(c3?.speech ?? null, 2));
    const recount = await run(process.execPath, ["--import", "tsx", "scripts/recount.ts", path]);
    expect(recount.stdout).toContain("一致 OK");
    expect(existsSync(await organizer.downloadXlsx())).toBe(true);
  });
});
