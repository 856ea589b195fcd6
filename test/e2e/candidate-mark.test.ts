import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hallTime } from "../../shared/hall-time.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import {
  ARTIFACTS,
  CLIENT_DIR,
  launchBrowser,
  PHONE,
  PROJECTOR,
  screenshot,
} from "../utils/browser.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import {
  fetchExport,
  randomScores,
  type SeededRound,
  seedRound,
  startTestApp,
  type TestApp,
} from "../utils/test-app.ts";
import { ChairPage } from "./pages/chair-page.ts";
import { zh } from "./pages/i18n.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";
import { PhonePage } from "./pages/phone-page.ts";
import { ResultsPage } from "./pages/results-page.ts";
import { ScreenPage } from "./pages/screen-page.ts";

/** A4 landscape at 96 dpi: how the printed sheet's width lays out. */
const A4_LANDSCAPE = { width: 1123, height: 794 };

let browser: Browser;
let t: TestApp;
let seeded: SeededRound;
let chair: ChairPage;
let chairLink: string;
let phone: PhonePage;
let screen: ScreenPage;
let sockets: ClientSocket[];
const contexts: BrowserContext[] = [];

async function context(viewport: { width: number; height: number }, mobile = false) {
  const c = await browser.newContext(
    mobile ? { viewport, isMobile: true, hasTouch: true } : { viewport },
  );
  contexts.push(c);
  return c;
}

/** The mark's time as the chair's row shows it ("10:42"), from the state the server keeps. */
async function markTime(candidateId: string): Promise<string> {
  const { roundId, organizer } = seeded;
  const state = expectOk(await call(organizer, "session:join", { roundId })).state;
  const at = state.marks[candidateId]?.at;
  if (!at) throw new Error(`${candidateId} is not marked`);
  return hallTime(at, "zh-CN", { date: false, zone: false });
}

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR, hallLinks: true });
  seeded = await seedRound(t, { leaders: 2, middle: 2, staff: 2 });
  const { roundId, organizer, cards } = seeded;
  const [own, ...others] = cards;
  if (!own) throw new Error("expected cards");
  sockets = await Promise.all(others.map((c) => t.client(c.token)));
  chairLink = `${t.url}/chair#k=${expectOk(await call(organizer, "link:create", { roundId, role: "chair" })).token}`;
  const { projectorToken } = expectOk(await call(organizer, "server:info", {}));

  chair = new ChairPage(await (await context(PROJECTOR)).newPage());
  await chair.open(chairLink);
  screen = new ScreenPage(await (await context(PROJECTOR)).newPage());
  await screen.open(`${t.url}/screen#k=${projectorToken}`);
  phone = new PhonePage(await (await context(PHONE, true)).newPage());
  await phone.open(`${t.hallUrl}/v#k=${own.token}`);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

describe("a candidate who does not appear (缺席) or withdraws (弃权)", () => {
  it("the chair marks the speaker called 缺席, through a confirm naming her and the mark", async () => {
    await chair.goto("张伟");
    expect(await chair.next()).toBe("杨丽");
    await phone.page.getByRole("heading", { name: "杨丽" }).waitFor();

    const asked = await chair.markCandidate("杨丽", "absent");
    expect(asked).toContain(zh("chair.mark.absentTitle", { name: "杨丽" }));
    expect(asked).toContain(zh("chair.mark.body", { name: "杨丽", mark: "缺席" }));
    expect(await chair.rowStatus("杨丽")).toBe(`缺席 · ${await markTime("C6")}`);
    // She stays where the chair is, shown as marked: no timer, no scoring; next skips nobody yet.
    await chair.page.getByTestId("current-mark").waitFor();
    expect(await chair.page.getByTestId("timer-speech").count()).toBe(0);
    expect(await chair.page.getByTestId("scoring-open").count()).toBe(0);
    expect(await chair.nextLabel()).toBe(zh("chair.next", { name: "王建国" }));
    await screenshot(chair.page, "chair-mark-current-1920x1080");
  });

  it("the phone shows 缺席 and no form; the projector shows the mark, no clock", async () => {
    await phone.markNotice().waitFor();
    expect(await phone.markNotice().textContent()).toContain("缺席");
    expect(await phone.showsScoring()).toBe(false);
    expect(await phone.scrollsSideways()).toBe(false);
    await screenshot(phone.page, "phone-mark-absent-390x844");

    await screen.page.getByTestId("speaker-mark").waitFor();
    expect(await screen.page.getByTestId("speaker-mark").textContent()).toContain("缺席");
    await screenshot(screen.page, "screen-mark-absent-1920x1080", false);
  });

  it("a later candidate marked 弃权 ahead is skipped by 下一位, and a mistaken mark is taken back", async () => {
    expect(await chair.next()).toBe("王建国");
    expect(await chair.nextLabel()).toBe(zh("chair.next", { name: "赵磊" }));

    const asked = await chair.markCandidate("赵磊", "withdrawn");
    expect(asked).toContain(zh("chair.mark.withdrawnTitle", { name: "赵磊" }));
    expect(await chair.rowStatus("赵磊")).toBe(`弃权 · ${await markTime("C7")}`);
    expect(await chair.nextLabel()).toBe(zh("chair.next", { name: "李晓梅" }));

    await chair.unmarkCandidate("赵磊");
    expect(await chair.nextLabel()).toBe(zh("chair.next", { name: "赵磊" }));
    await chair.markCandidate("赵磊", "withdrawn");
    expect(await chair.nextLabel()).toBe(zh("chair.next", { name: "李晓梅" }));
    await screenshot(chair.page, "chair-mark-order-1920x1080");
    await chair.page
      .getByTestId("speaking-order")
      .screenshot({ path: join(ARTIFACTS, "screenshots", "chair-mark-order-panel.png") });
  });

  it("reads at 390×844 too: the marked rows greyed with their mark, nothing off the screen", async () => {
    const small = new ChairPage(await (await context(PHONE, true)).newPage());
    await small.open(chairLink);
    await small.markChip("赵磊").waitFor();
    expect(await small.scrollsSideways()).toBe(false);
    await screenshot(small.page, "chair-mark-390x844");
    await small.page.close();
  });

  it("the evaluation leaves them out on the phone", async () => {
    const { roundId, organizer, config } = seeded;
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (const candidateId of ["C3", "C1", "C2", "C5", "C4"]) {
      expectOk(await call(organizer, "session:goto", { roundId, candidateId }));
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId }));
      for (const [i, s] of sockets.entries()) {
        const nonce = `mark-${candidateId}-${i}`;
        // One card abstains (回避) for 李晓梅: counted apart on every page.
        const slot =
          candidateId === "C2" && i === 0
            ? { candidateId, abstain: true as const, nonce, seq: 1 }
            : { candidateId, scores: randomScores(config, rand), nonce, seq: 1 };
        expectOk(await call(s, "ballot:submit", slot));
      }
      expectOk(await call(organizer, "scoring:close", { roundId, candidateId }));
    }
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    await phone.page.getByRole("heading", { name: zh("phone.eval.title") }).waitFor();
    const offered = await phone.page.locator("form.evaluation legend .name").allTextContents();
    expect(offered).toEqual(["张伟", "王建国", "李晓梅", "陈志强", "刘芳"]);
    await screenshot(phone.page, "phone-mark-evaluation-390x844");

    const options = ["excellent", "competent", "basic"];
    for (const [i, s] of sockets.entries()) {
      const choices = Object.fromEntries(
        ["C1", "C2", "C3", "C4", "C5"].map((c, k) => [c, options[(i + k) % 3] ?? "excellent"]),
      );
      expectOk(await call(s, "evaluation:submit", { choices, nonce: `mark-eval-${i}`, seq: 1 }));
    }
    expectOk(await call(organizer, "evaluation:close", { roundId }));
    // A candidate who spoke and was scored cannot be absent: their row offers no mark.
    const markAbsent = (name: string) =>
      chair.page.getByRole("button", { name: zh("chair.mark.setAbsentLabel", { name }) });
    await markAbsent("张伟").waitFor({ state: "detached" });
    expect(await chair.rowStatus("张伟")).toBe("已结束 已评 5 / 6");
    expect(await chair.markChip("杨丽").count()).toBe(1);
    expect(await chair.rowStatus("李晓梅")).toBe("已结束 已评 4 / 6 · 回避 1");
  });

  it("the organizer's progress shows the marks with their time, and 回避 beside the count", async () => {
    const organizer = new OrganizerPage(await (await context(PROJECTOR)).newPage(), t.url);
    await organizer.login("test-passphrase");
    await organizer.openRound(seeded.roundId);
    const rows = organizer.page.getByTestId("progress-row");
    const text = async (name: string) =>
      ((await rows.filter({ hasText: name }).textContent()) ?? "").replace(/\s+/g, " ");
    await rows.first().waitFor();
    expect(await text("杨丽")).toContain(`缺席 · ${await markTime("C6")}`);
    expect(await text("赵磊")).toContain(`弃权 · ${await markTime("C7")}`);
    expect(await text("李晓梅")).toContain("4 / 6 · 回避 1");
    await organizer.page
      .locator("section.panel")
      .filter({ has: rows.first() })
      .screenshot({ path: join(ARTIFACTS, "screenshots", "organizer-progress-marks.png") });
    await organizer.page.close();
  });

  it("after the lock the score summary lists them apart, with the time, and ranks neither", async () => {
    const { roundId, organizer } = seeded;
    expectOk(await call(organizer, "round:lock", { roundId }, 30_000));
    const file: RoundExport = await fetchExport(t.url, roundId, t.organizerToken);
    const at = (id: string) => file.marks.find((m) => m.candidate === id)?.at ?? "";

    const c = await context(PROJECTOR);
    await c.addInitScript(
      ([key, token]) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem(key, token),
      ["jingpin.organizer", t.organizerToken] as const,
    );
    const sheet = new ResultsPage(await c.newPage());
    await sheet.open(t.url, roundId);
    expect(await sheet.digest()).toBe(file.digest);
    expect(await sheet.markedRows()).toEqual([
      { name: "杨丽", mark: "缺席", at: hallTime(at("C6"), "zh-CN") },
      { name: "赵磊", mark: "弃权", at: hallTime(at("C7"), "zh-CN") },
    ]);
    const abstained = sheet.page
      .locator('[data-testid=post-section][data-post="政策法规科科长"] [data-testid=ranking-row]')
      .filter({ hasText: "李晓梅" })
      .locator("[data-col=abstentions]");
    expect(((await abstained.textContent()) ?? "").trim()).toBe("1");
    const office = await sheet.rankingRows("办公室主任");
    expect(office.map((r) => r.name)).toEqual(["王建国"]);
    expect(await sheet.unrankedNote("办公室主任")).toBe(
      zh("results.post.unranked", { names: "杨丽（缺席）" }),
    );
    for (const post of file.positions) {
      const names = (await sheet.rankingRows(post.title)).map((r) => r.name);
      expect(names).not.toContain("杨丽");
      expect(names).not.toContain("赵磊");
    }
    await screenshot(sheet.page, "results-mark-1920x1080");

    const pdf = await sheet.printToPdf(join(ARTIFACTS, "results-mark.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await sheet.page.setViewportSize(A4_LANDSCAPE);
    await sheet.page.emulateMedia({ media: "print" });
    await screenshot(sheet.page, "results-mark-print-a4");
    await sheet.page.emulateMedia({ media: "screen" });

    await sheet.page.setViewportSize(PHONE);
    expect(await sheet.markedRows()).toHaveLength(2);
    await screenshot(sheet.page, "results-mark-390x844");
    await sheet.page
      .getByTestId("marked-candidates")
      .screenshot({ path: join(ARTIFACTS, "screenshots", "results-mark-list-390x844.png") });
  });
});
