import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankDigest, speakingOrderPool } from "../../shared/draw/draw-pool.ts";
import { parseDrawRecord, verifyDrawRecord } from "../../shared/draw/draw-record.ts";
import { makeDrawRecord, poolDigest } from "../../shared/draw/rfc3797.ts";
import {
  ARTIFACTS,
  CLIENT_DIR,
  launchBrowser,
  PHONE,
  PROJECTOR,
  screenshot,
} from "../utils/browser.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, startTestApp, type TestApp } from "../utils/test-app.ts";
import { ChairPage } from "./pages/chair-page.ts";
import { DrawsPage } from "./pages/draws-page.ts";
import { zh } from "./pages/i18n.ts";
import { buttonsOutsideViewport, scrollsSideways } from "./pages/layout.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";
import { ScreenPage } from "./pages/screen-page.ts";

// The organizer runs the public draw of the speaking order with two witnesses and draws a
// post's defense questions in the console; the projector shows the draw; the chair console
// shows the drawn order and the questions and puts one on the projector.

const WITNESSES = ["纪检组 张三", "职工代表 李四"];
const TYPED = { "纪检组 张三": "6 2 5 3 1 4", "职工代表 李四": "271828" };
const SOURCES = [[6, 2, 5, 3, 1, 4], [271828]];
const A4 = { width: 794, height: 1123 };

let browser: Browser;
let t: TestApp;
let organizer: ClientSocket;
let roundId: string;
let draws: DrawsPage;
let drawScreen: ScreenPage;
const contexts: BrowserContext[] = [];

const nameOf = (id: string) => DEMO_ROUND.candidates.find((c) => c.id === id)?.name ?? id;
const pool = speakingOrderPool(DEMO_ROUND.candidates);
const expected = makeDrawRecord({ purpose: "speaking-order", pool, sources: SOURCES });

async function open(viewport: { width: number; height: number }): Promise<Page> {
  const c = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(c);
  return c.newPage();
}

async function fitsPhone(page: Page): Promise<void> {
  expect(await buttonsOutsideViewport(page)).toEqual([]);
  expect(await scrollsSideways(page)).toBe(false);
}

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  organizer = await t.client(t.organizerToken);
  ({ roundId } = expectOk(await call(organizer, "round:import", { file: DEMO_ROUND })));
  // The law post's bank is written, sealed and drawn over the API; the office's in the page.
  const save = (postId: string, text: string) =>
    call(organizer, "question:save", { roundId, postId, text, by: "人事科 王五" });
  for (const text of [
    "请结合实际，谈谈如何推进依法行政。",
    "行政执法中如何做到程序合法？",
    "如何做好规范性文件的合法性审查？",
    "谈谈你对“谁执法谁普法”的理解。",
  ]) {
    expectOk(await save("law", text));
  }
  for (const text of [
    "办公室如何做好上传下达，保证政令畅通？",
    "如何提高公文处理的质量和效率？",
    "谈谈你对“三服务”的理解。",
    "遇到多项紧急任务同时下达时，你如何安排？",
    "如何做好机关保密工作？",
  ]) {
    expectOk(await save("office", text));
  }
  expectOk(await call(organizer, "questions:seal", { roundId, postId: "law", count: 3 }));
  const law = expectOk(
    await call(organizer, "draw:publish", {
      roundId,
      purpose: "questions",
      postId: "law",
      witnesses: WITNESSES,
    }),
  );
  expectOk(await call(organizer, "draw:enter", { roundId, drawId: law.id, sources: SOURCES }));

  const page = await open(PROJECTOR);
  await new OrganizerPage(page, t.url).login("test-passphrase");
  draws = new DrawsPage(page, t.url);
  await draws.open(roundId);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

describe("the speaking order drawn in public", () => {
  it("publishes the pool with two witnesses; the projector shows it at 1920×1080", async () => {
    await screenshot(draws.page, "draws-tab-1920x1080");
    await draws.publish(draws.order(), WITNESSES);
    expect(await draws.poolDigest(draws.order())).toBe(poolDigest(pool));
    await screenshot(draws.page, "draws-published-1920x1080");

    // As the organizer opens it on the hall's screen: the link beside the published pool.
    const href = await draws.screenLink(draws.order());
    expect(href).toMatch(new RegExp(`^/screen\\?draw=${roundId}/\\d+$`));
    drawScreen = new ScreenPage(await open(PROJECTOR));
    await drawScreen.open(`${t.url}${href}`);
    await drawScreen.page.getByText(zh("draw.screen.waiting")).waitFor();
    const shown = await drawScreen.visibleText();
    expect(shown).toContain(poolDigest(pool).slice(0, 32));
    for (const w of WITNESSES) expect(shown).toContain(w);
    await screenshot(drawScreen.page, "draw-screen-published-1920x1080");
    expect(await drawScreen.legibilityProblems()).toEqual([]);
  });

  it("counts the witnesses' digits: too few keep the draw back; then every step and the order", async () => {
    const order = draws.order();
    const few = await draws.enterNumbers(order, {
      "纪检组 张三": "6 2 5",
      "职工代表 李四": "27182",
    });
    expect(few).toBe(zh("draw.numbers.total", { n: 8, need: 9 }));
    expect(await draws.canCompute(order)).toBe(false);
    await draws.enterNumbers(order, TYPED);
    expect(await draws.canCompute(order)).toBe(true);
    const result = await draws.compute(order);
    const names = expected.result.map(nameOf);
    expect(result).toEqual(expected.result.map((id) => `${id} ${nameOf(id)}`));
    expect(await draws.orderNow()).toEqual(names);
    expect(await order.getByTestId("draw-key").textContent()).toBe(expected.key);
    await expect(order.getByText(expected.steps[0]?.md5 ?? "-").count()).resolves.toBe(1);
    await screenshot(draws.page, "draws-order-drawn-1920x1080");
    await draws.page.setViewportSize(PHONE);
    await screenshot(draws.page, "draws-order-drawn-390x844");
    await fitsPhone(draws.page);
    await draws.page.setViewportSize(PROJECTOR);
  });

  it("the projector shows the sources, the key, every step's MD5 and remainder, and the result", async () => {
    await drawScreen.page.getByText(zh("draw.screen.drawn")).waitFor();
    const shown = await drawScreen.visibleText();
    expect(shown).toContain(expected.key);
    for (const step of expected.steps) expect(shown).toContain(step.md5);
    for (const id of expected.result) expect(shown).toContain(nameOf(id));
    await screenshot(drawScreen.page, "draw-screen-drawn-1920x1080");
    expect(await drawScreen.legibilityProblems()).toEqual([]);
  });

  it("the downloaded record re-derives as stated", async () => {
    const download = await draws.download(draws.order());
    expect(download.suggestedFilename()).toMatch(/^县安监局.*-抽签\d+\.json$/);
    const path = join(ARTIFACTS, "draw-record.json");
    await download.saveAs(path);
    const parsed = parseDrawRecord(readFileSync(path, "utf8"));
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(parsed.data.result).toEqual(expected.result);
    expect(verifyDrawRecord(parsed.data).ok).toBe(true);
  });

  it("prints the verification sheet on one A4 page, with the witnesses' signature lines", async () => {
    const sheet = await draws.openSheet(draws.order());
    const text = (await sheet.textContent()) ?? "";
    expect(text).toContain(expected.key);
    expect(text).toContain(poolDigest(pool));
    for (const step of expected.steps) expect(text).toContain(step.md5);
    for (const [i, w] of WITNESSES.entries()) {
      expect(text).toContain(zh("draw.sheet.sign", { n: i + 1, name: w }));
    }
    await screenshot(draws.page, "draw-sheet-1920x1080");
    const page = draws.page;
    await page.setViewportSize(A4);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "draw-sheet-a4-print");
    const pdf = await page.pdf({
      path: join(ARTIFACTS, "draw-sheet.pdf"),
      format: "A4",
      preferCSSPageSize: true,
    });
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize(PROJECTOR);
    const raw = pdf.toString("latin1");
    expect(raw.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    const box = raw.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    expect(Number(box?.[1])).toBeLessThan(Number(box?.[2])); // portrait
    await draws.closeSheet();
  });
});

describe("a post's defense questions", () => {
  it("written with its author, sealed with its digest, then drawn with two witnesses", async () => {
    await draws.setAuthor("办公室 赵六");
    await draws.addQuestion("办公室主任", "请谈谈你对办公室工作“三个服务”的认识。");
    const digest = await draws.seal("办公室主任", 3);
    const banks = expectOk(await call(organizer, "questions:list", { roundId })).banks;
    const office = banks.find((b) => b.postId === "office");
    expect(digest).toBe(bankDigest(office?.questions ?? []));
    expect(office?.questions.at(-1)?.author).toBe("办公室 赵六");
    const bank = draws.bank("办公室主任");
    await draws.publish(bank, WITNESSES);
    await draws.enterNumbers(bank, TYPED);
    const ids = await draws.compute(bank);
    expect(ids).toHaveLength(3);
    const words = await draws.drawnQuestions("办公室主任");
    const byId = new Map(office?.questions.map((q) => [q.id, q.text]));
    expect(words).toEqual(ids.map((id) => byId.get(id)));
    await screenshot(draws.page, "draws-questions-1920x1080");
    await draws.page.setViewportSize(PHONE);
    await screenshot(draws.page, "draws-questions-390x844");
    await fitsPhone(draws.page);
    await draws.page.setViewportSize(PROJECTOR);
  });
});

describe("the chair console in the session", () => {
  let chairToken: string;
  let projectorToken: string;

  beforeAll(async () => {
    expectOk(await call(organizer, "round:start", { roundId, activate: true }));
    chairToken = expectOk(await call(organizer, "link:create", { roundId, role: "chair" })).token;
    projectorToken = expectOk(await call(organizer, "server:info", {})).projectorToken;
  });

  /** C1 applies for the office and the law post: both posts' questions are under their name. */
  const first = nameOf("C1");

  it("shows the drawn order and the current candidate's questions at 1920×1080", async () => {
    const chair = new ChairPage(await open(PROJECTOR));
    await chair.open(`${t.url}/chair#k=${chairToken}`);
    const listed = await chair.page
      .getByTestId("speaking-order")
      .getByRole("listitem")
      .allTextContents();
    expected.result.forEach((id, i) => {
      expect(listed[i]).toContain(nameOf(id));
    });
    await chair.goto(first);
    const drawn = expectOk(await call(organizer, "questions:drawn", { roundId })).questions;
    for (const q of [...(drawn.office ?? []), ...(drawn.law ?? [])]) {
      await chair.page.getByText(q.text, { exact: true }).waitFor();
    }
    await screenshot(chair.page, "chair-questions-1920x1080");

    const projector = new ScreenPage(await open(PROJECTOR));
    await projector.open(`${t.url}/screen#k=${projectorToken}`);
    const question = drawn.office?.[1];
    if (!question) throw new Error("no second office question");
    const row = chair.page.getByRole("listitem").filter({ hasText: question.text });
    await row.getByRole("button", { name: zh("chair.questions.show") }).click();
    await row.getByRole("button", { name: zh("chair.questions.shown") }).waitFor();
    await projector.page.locator("section.question").getByText(question.text).waitFor();
    expect(await projector.visibleText()).toContain(zh("screen.question.number", { n: 2 }));
    await screenshot(projector.page, "screen-question-1920x1080");
    expect(await projector.legibilityProblems()).toEqual([]);
    expect(await chair.screenNow()).toContain(zh("chair.screen.view.question"));
    await screenshot(chair.page, "chair-question-shown-1920x1080");
  });

  it("and on a phone (390×844)", async () => {
    const chair = new ChairPage(await open(PHONE));
    await chair.open(`${t.url}/chair#k=${chairToken}`);
    const drawn = expectOk(await call(organizer, "questions:drawn", { roundId })).questions;
    await chair.page.getByText(drawn.law?.[0]?.text ?? "-", { exact: true }).waitFor();
    await screenshot(chair.page, "chair-questions-390x844");
    await fitsPhone(chair.page);
  });
});
