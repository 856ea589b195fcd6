import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoundExport } from "../../shared/round-export.ts";
import { formatScore, targetMark } from "../../shared/scoring/index.ts";
import {
  ARTIFACTS,
  CLIENT_DIR,
  launchBrowser,
  PHONE,
  PROJECTOR,
  screenshot,
} from "../utils/browser.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import {
  fetchExport,
  randomScores,
  type SeededRound,
  seedRound,
  startTestApp,
  type TestApp,
} from "../utils/test-app.ts";
import { zh } from "./pages/i18n.ts";
import { ResultsPage } from "./pages/results-page.ts";

let browser: Browser;
let t: TestApp;
let seeded: SeededRound;

/** The demo round scored by 13 cards and evaluated, over sockets as the phones would. */
async function runSession({ roundId, config, cards, organizer }: SeededRound): Promise<void> {
  const phones = await Promise.all(cards.map((c) => t.client(c.token)));
  let seed = 42;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (const candidateId of config.speakingOrder ?? []) {
    expectOk(await call(organizer, "session:goto", { roundId, candidateId }));
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId }));
    for (const [i, phone] of phones.entries()) {
      const scores = randomScores(config, rand);
      const nonce = `print-${candidateId}-${i}`;
      expectOk(await call(phone, "ballot:submit", { candidateId, scores, nonce, seq: 1 }));
    }
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId }));
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId }));
  }
  expectOk(await call(organizer, "evaluation:open", { roundId }));
  const options = config.evaluationOptions.map((o) => o.id);
  for (const [i, phone] of phones.entries()) {
    const choices = Object.fromEntries(
      config.candidates.map((c) => [c.id, options[Math.floor(rand() * options.length)] ?? ""]),
    );
    expectOk(await call(phone, "evaluation:submit", { choices, nonce: `print-eval-${i}`, seq: 1 }));
  }
  expectOk(await call(organizer, "evaluation:close", { roundId }));
  expectOk(await call(organizer, "evaluation:reveal", { roundId }));
}

/** Where the organizer page keeps its sign-in (client/src/lib/link-token.ts). */
const ORGANIZER_TOKEN_KEY = "jingpin.organizer";
type Storage = { localStorage: { setItem(key: string, value: string): void } };

/** A page whose browser holds the organizer's sign-in, as after logging in on /. */
async function organizerPage(viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(
    ([key, token]) => (globalThis as unknown as Storage).localStorage.setItem(key, token),
    [ORGANIZER_TOKEN_KEY, t.organizerToken] as const,
  );
  return new ResultsPage(await context.newPage());
}

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  seeded = await seedRound(t, { leaders: 3, middle: 5, staff: 5 });
  await runSession(seeded);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("the score summary (评分汇总表)", () => {
  it("is withheld until the lock, then agrees with the export and prints on A4", async () => {
    const { roundId, organizer } = seeded;
    const sheet = await organizerPage(PROJECTOR);
    await sheet.open(t.url, roundId);
    expect(await sheet.showsNotLocked()).toBe(true);

    expectOk(await call(organizer, "round:lock", { roundId }, 30_000));
    const file: RoundExport = await fetchExport(t.url, roundId, t.organizerToken);
    await sheet.refresh();
    expect(await sheet.digest()).toBe(file.digest);

    const d = file.method.decimals;
    const byId = new Map(file.results.candidates.map((c) => [c.id, c]));
    const names = new Map(file.candidates.map((c) => [c.id, c.name]));
    for (const position of file.results.positions) {
      const title = file.positions.find((p) => p.id === position.id)?.title ?? "";
      const rows = await sheet.rankingRows(title);
      expect(rows.map((r) => r.name)).toEqual(position.ranking.map((id) => names.get(id)));
      position.ranking.forEach((id, i) => {
        const row = rows[i];
        const result = byId.get(id);
        expect(row?.composite).toBe(formatScore(result?.composite ?? null, d));
        expect(row?.speech).toBe(formatScore(result?.speech ?? null, d));
        expect(row?.evaluation).toBe(formatScore(result?.evaluation ?? null, d));
        const mark = targetMark(file.results.positions, position, id);
        expect(row?.target).toBe(mark === "none" ? "" : zh(`results.mark.${mark}`));
      });
    }
    await screenshot(sheet.page, "results-1920x1080");

    // The demo's four posts, landscape: two posts a page, then the method and the evaluation
    // votes, then the decisions, the digest and the signature lines.
    const pdf = await sheet.printToPdf(join(ARTIFACTS, "results-sheet.pdf"));
    const text = pdf.toString("latin1");
    expect(text.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(3);
    const box = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2])); // A4 landscape
    expect(readFileSync(join(ARTIFACTS, "results-sheet.pdf")).subarray(0, 5).toString()).toBe(
      "%PDF-",
    );
    await sheet.page.context().close();

    const phone = await organizerPage(PHONE);
    await phone.open(t.url, roundId);
    expect(await phone.digest()).toBe(file.digest);
    await screenshot(phone.page, "results-390x844");
    await phone.page.context().close();
  });
});
