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
  t = await startTestApp({ hallLinks: true, clientDir: CLIENT_DIR });
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

/** What the projector's page held after one step of the session, and what was revealed then. */
interface Glimpse {
  step: string;
  text: string;
  speechRevealed: Set<string>;
  evaluationRevealed: boolean;
}

/**
 * The scores of the candidates that were not revealed when the projector showed `text`:
 * speech until the candidate's reveal, evaluation and composite until the evaluation's.
 * Known only once the round is locked, so each glimpse is judged against the export.
 */
function hiddenScoresShown(g: Glimpse, file: RoundExport): string[] {
  const d = file.method.decimals;
  const shown: string[] = [];
  const visible = new Set<string>();
  const hidden: [string, number | null][] = [];
  for (const c of file.results.candidates) {
    if (g.speechRevealed.has(c.id)) visible.add(formatScore(c.speech, d));
    else hidden.push([`${c.id} speech`, c.speech]);
    if (g.evaluationRevealed) visible.add(formatScore(c.evaluation, d));
    else hidden.push([`${c.id} evaluation`, c.evaluation], [`${c.id} composite`, c.composite]);
  }
  for (const [what, value] of hidden) {
    if (value === null) continue;
    const text = formatScore(value, d);
    // A revealed candidate may have the same figure; that one may be on the screen.
    if (visible.has(text)) continue;
    const alone = new RegExp(`(?<![\\d.])${text.replace(".", "\\.")}(?![\\d])`);
    if (alone.test(g.text)) shown.push(`${g.step}: ${what} ${text}`);
  }
  return shown;
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
    for (const link of links) expect(link.startsWith(`${t.hallUrl}/v#k=`)).toBe(true);
    await screenshot(orgPage, "organizer-round-1920x1080");

    // The projector shows the welcome page with its QR code.
    const ws = await t.client(t.organizerToken);
    const { projectorToken } = expectOk(await call(ws, "server:info", {}));
    const screen = new ScreenPage(await (await context(PROJECTOR)).newPage());
    await screen.open(`${t.hallUrl}/screen#k=${projectorToken}`);
    await screen.waitForView("welcome");
    // Never a running score: the projector's page is read after every step of the session
    // and judged against the final results once they are known.
    const glimpses: Glimpse[] = [];
    const speechRevealed = new Set<string>();
    let evaluationRevealed = false;
    const glimpse = async (step: string) => {
      const text = await screen.visibleText();
      glimpses.push({ step, text, speechRevealed: new Set(speechRevealed), evaluationRevealed });
      // Before a reveal no result view at all.
      if (speechRevealed.size === 0)
        expect(await screen.page.locator("section.result").count()).toBe(0);
    };
    await glimpse("welcome");
    await screenshot(screen.page, "projector-welcome-1920x1080");

    // The chair calls the first speaker, starts the timer and opens scoring.
    const chair = new ChairPage(await organizer.openChairLink());
    await chair.page.setViewportSize(PROJECTOR);
    await chair.page.getByTestId("speaking-order").waitFor();
    await chair.goto("张伟");
    await glimpse("goto C3");
    await chair.startSpeechTimer();
    await screen.waitForView("speaker");
    await glimpse("timer C3");
    await chair.openScoring();
    await glimpse("scoring open C3");

    // Three phones score in the browser; the other nine cards over sockets.
    const phones: PhonePage[] = [];
    for (const link of links.slice(0, 3)) {
      const phone = new PhonePage(await (await context(PHONE, true)).newPage());
      await phone.open(link);
      // Plain http on a name that is not loopback: no crypto.randomUUID, as in WeChat.
      expect(await phone.isSecureContext()).toBe(false);
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
      await glimpse(`phone ${i} submitted C3`);
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
    await glimpse("all scored C3");
    expect(await chair.progressText()).toContain("12 / 12");
    await screenshot(screen.page, "projector-speaker-progress-1920x1080");

    await chair.closeScoring();
    await glimpse("scoring closed C3");
    await chair.reveal();
    speechRevealed.add("C3");
    await screen.waitForView("result");
    await glimpse("revealed C3");
    const revealed = await screen.shownScore();
    await screenshot(screen.page, "projector-result-1920x1080");
    await screenshot(chair.page, "chair-revealed-1920x1080");

    // The other six candidates, driven over the same socket API the chair page uses.
    for (const candidateId of config.speakingOrder?.slice(1) ?? []) {
      expectOk(await call(ws, "session:goto", { roundId, candidateId }));
      await glimpse(`goto ${candidateId}`);
      expectOk(await call(ws, "scoring:open", { roundId, candidateId }));
      await glimpse(`scoring open ${candidateId}`);
      await castAll(candidateId);
      await screen.waitForProgress(9, 12);
      await glimpse(`scored ${candidateId}`);
      expectOk(await call(ws, "scoring:close", { roundId, candidateId }));
      await glimpse(`scoring closed ${candidateId}`);
      expectOk(await call(ws, "result:reveal", { roundId, candidateId }));
      speechRevealed.add(candidateId);
      await glimpse(`revealed ${candidateId}`);
    }

    // The democratic evaluation: one phone in the browser, the rest over sockets. The chair
    // sees what it weighs in the composite (β = 0.3 in the demo round).
    expect(await chair.page.getByTestId("evaluation-weight").textContent()).toBe(
      zh("chair.eval.weight", { pct: 30 }),
    );
    await chair.openEvaluation();
    await glimpse("evaluation open");
    const evaluator = phones[0];
    if (!evaluator) throw new Error("no phone");
    await evaluator.page.getByRole("button", { name: "优秀", exact: true }).first().waitFor();
    for (const c of config.candidates)
      await evaluator.evaluate(c.name, c.id === "C5" ? "称职" : "优秀");
    await screenshot(evaluator.page, "phone-evaluation-390x844");
    expect(await evaluator.submitEvaluation()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await glimpse("phone evaluated");
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
    await glimpse("all evaluated");
    await chair.closeEvaluation();
    await glimpse("evaluation closed");
    await chair.revealEvaluation();
    evaluationRevealed = true;
    await screen.waitForView("evaluation");
    await glimpse("evaluation revealed");
    await screenshot(screen.page, "projector-evaluation-1920x1080");
    await chair.showRanking();
    await screen.waitForView("ranking");
    await glimpse("ranking");
    await screenshot(screen.page, "projector-ranking-1920x1080");

    // The organizer locks; the projector shows the digest; the export recounts.
    const digest = await organizer.lock();
    expect(digest.replace(/\s+/g, "")).toMatch(/^[0-9a-f]{64}$/);
    await screen.waitForView("locked");
    await glimpse("locked");
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
    expect(glimpses.length).toBeGreaterThan(40);
    expect(glimpses.flatMap((g) => hiddenScoresShown(g, file))).toEqual([]);
    // The check does see a score that is there: C3's, had it not been revealed.
    const shownC3 = glimpses.find((g) => g.step === "revealed C3");
    if (!shownC3) throw new Error("no glimpse after C3's reveal");
    expect(hiddenScoresShown({ ...shownC3, speechRevealed: new Set() }, file)).toContain(
      `revealed C3: C3 speech ${revealed}`,
    );
    const c3 = file.results.candidates.find((c) => c.id === "C3");
    expect(revealed).toBe(formatScore(c3?.speech ?? null, 2));
    const recount = await run(process.execPath, ["--import", "tsx", "scripts/recount.ts", path]);
    expect(recount.stdout).toContain("一致 OK");
    expect(existsSync(await organizer.downloadXlsx())).toBe(true);
  });
});
