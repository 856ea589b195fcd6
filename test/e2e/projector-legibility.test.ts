import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoundConfig } from "../../shared/round-file.ts";
import { CLIENT_DIR, launchBrowser, PROJECTOR, screenshot } from "../utils/browser.ts";
import { largeRound } from "../utils/large-round.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { randomScores, seedRound, startTestApp, type TestApp } from "../utils/test-app.ts";
import { ScreenPage } from "./pages/screen-page.ts";

// One page turn of the projector (PAGE_MS) and some slack for a busy machine.
const PAGE_TURN_MS = 20_000;

let browser: Browser;
let t: TestApp;
let screen: ScreenPage;
let organizer: ClientSocket;
let roundId: string;
let config: RoundConfig;
let phones: ClientSocket[];

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  const seeded = await seedRound(t, { leaders: 3, middle: 3, staff: 3 }, largeRound());
  ({ organizer, roundId, config } = seeded);
  phones = await Promise.all(seeded.cards.map((c) => t.client(c.token)));
  const { projectorToken } = expectOk(await call(organizer, "server:info", {}));
  const page = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
  screen = new ScreenPage(page);
  await screen.open(`${t.url}/screen#k=${projectorToken}`);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Every text legible and in sight, in Chinese and then in English; screenshots of both. */
async function checkBothLanguages(name: string): Promise<void> {
  await screenshot(screen.page, `projector-${name}-zh-1920x1080`);
  expect(await screen.legibilityProblems()).toEqual([]);
  await screen.toggleLanguage();
  await screenshot(screen.page, `projector-${name}-en-1920x1080`);
  expect(await screen.legibilityProblems()).toEqual([]);
  await screen.toggleLanguage();
}

const names = (ids: readonly string[]) =>
  ids.map((id) => config.candidates.find((c) => c.id === id)?.name ?? id);

describe("the projector with a large round (14 candidates, 6 posts, a 40-character title)", () => {
  it("shows the welcome page with the whole round title clamped above the steps", async () => {
    await screen.waitForView("welcome");
    await checkBothLanguages("welcome");
  });

  it("counts the speech down, then counts the overtime up on the server's clock", async () => {
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C14" }));
    expectOk(await call(organizer, "timer:start", { roundId, kind: "speech" }));
    await screen.waitForView("speaker");
    expect(await screen.clock()).toMatch(/^00:(0\d|10)$/);
    await checkBothLanguages("speaker");
    // The round's speech timer is 10 s, the shortest a round file allows.
    expect(await screen.waitForOvertime()).toMatch(/^超时 0:\d\d$/);
    expect(await screen.clock()).toMatch(/^\+0:\d\d$/);
    await checkBothLanguages("overtime");
    await screen.toggleLanguage();
    expect(await screen.waitForOvertime()).toMatch(/^Overtime 0:\d\d$/);
    await screen.toggleLanguage();
    expectOk(await call(organizer, "timer:stop", { roundId }));
  });

  it("shows a candidate's result", async () => {
    for (const candidateId of config.speakingOrder ?? []) {
      expectOk(await call(organizer, "session:goto", { roundId, candidateId }));
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId }));
      await Promise.all(
        phones.map(async (p, i) =>
          expectOk(
            await call(p, "ballot:submit", {
              candidateId,
              scores: randomScores(config),
              nonce: `large-${candidateId}-${i}`,
              seq: 1,
            }),
          ),
        ),
      );
      expectOk(await call(organizer, "scoring:close", { roundId, candidateId }));
      expectOk(await call(organizer, "result:reveal", { roundId, candidateId }));
    }
    await screen.waitForView("result");
    await checkBothLanguages("result");
  });

  it("pages the evaluation table so that every candidate is shown in legible type", async () => {
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    expectOk(await call(organizer, "screen:show", { roundId, view: "evaluation" }));
    await screen.waitForView("evaluation");
    await checkBothLanguages("evaluation-open");
    const options = config.evaluationOptions.map((o) => o.id);
    await Promise.all(
      phones.map(async (p, i) => {
        const choices: Record<string, string> = {};
        config.candidates.forEach((c, j) => {
          choices[c.id] = options[(i + j) % options.length] ?? "excellent";
        });
        return expectOk(
          await call(p, "evaluation:submit", { choices, nonce: `large-eval-${i}`, seq: 1 }),
        );
      }),
    );
    expectOk(await call(organizer, "evaluation:close", { roundId }));
    expectOk(await call(organizer, "evaluation:reveal", { roundId }));
    await screen.page.getByRole("table").waitFor();

    const pages = await screen.pageIndicator();
    expect(pages?.m).toBe(2);
    const seen: string[] = [];
    for (let n = 1; n <= (pages?.m ?? 0); n++) {
      await screen.waitForPage(n, pages?.m ?? 0);
      seen.push(...(await screen.evaluationNames()));
      if (n === 1) await checkBothLanguages("evaluation-results");
      else expect(await screen.legibilityProblems()).toEqual([]);
      await screenshot(screen.page, `projector-evaluation-page${n}-zh-1920x1080`);
    }
    expect(seen).toEqual(names(config.speakingOrder ?? []));
  }, 120_000);

  it(
    "pages the ranking so that every post and every ranked candidate is shown",
    async () => {
      expectOk(await call(organizer, "screen:show", { roundId, view: "ranking" }));
      await screen.waitForView("ranking");
      await screen.page.getByRole("listitem").first().waitFor();
      const pages = await screen.pageIndicator();
      expect(pages?.m ?? 1).toBeGreaterThan(1);
      const m = pages?.m ?? 1;
      const shown = new Map<string, string[]>();
      for (let n = 1; n <= m; n++) {
        await screen.waitForPage(n, m);
        for (const block of await screen.rankingBlocks()) {
          const post = block.post.replace(/（续）$/, "");
          shown.set(post, [...(shown.get(post) ?? []), ...block.names]);
        }
        if (n === 1) await checkBothLanguages("ranking");
        else expect(await screen.legibilityProblems()).toEqual([]);
        await screenshot(screen.page, `projector-ranking-page${n}-zh-1920x1080`);
      }
      const expected = new Map(
        config.positions.map((p) => [
          p.title,
          config.candidates.filter((c) => c.applications.includes(p.id)).map((c) => c.name),
        ]),
      );
      expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [post, list] of expected)
        expect([...(shown.get(post) ?? [])].sort()).toEqual(list.sort());
    },
    PAGE_TURN_MS * 4,
  );

  it("says the round is locked and shows its digest", async () => {
    expectOk(await call(organizer, "round:lock", { roundId }));
    await screen.waitForView("locked");
    await screen.page.locator("section.locked .hex").waitFor();
    await checkBothLanguages("locked");
  });
});
