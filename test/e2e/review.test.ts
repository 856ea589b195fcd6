// Nominations and the qualification review in the organizer's console, then the published
// list of competitors (issue 8, items 3–4): a register imported over HTTP, a draft with two
// posts announced, three nominations from the three sources, a review with a failing hint
// and a barred reviewer, the closing, and the outcome page on a phone, a desk and A4.
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  CLIENT_DIR,
  launchBrowser,
  PHONE,
  PROJECTOR,
  screenshot,
} from "../utils/browser.ts";
import { auditFor } from "../utils/register-fixtures.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, startTestApp, type TestApp } from "../utils/test-app.ts";
import { zh } from "./pages/i18n.ts";
import { scrollsSideways } from "./pages/layout.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";
import { DraftApplications, OutcomePage } from "./pages/review-page.ts";

const HEADER =
  "工号,姓名,性别,出生日期,部门,现任职务,职级,任现职级时间,参加工作时间,基层工作年限,学历,2024年度考核,2025年度考核,处分,投票分组,亲属关系";
// 王五 turns 46 on the reference date: the post's age limit of 45 fails by that birthday.
const ROWS = [
  "A001,张三,男,1985-03-15,办公室,办公室副主任,四级主任科员,2021-06-01,2008-07-01,5,本科,称职,优秀,,中层干部,A002：夫妻",
  "A002,李四,女,1987-11-02,安全监管股,,一级科员,2019-12-01,2010-08-01,3,硕士研究生,称职,称职,,一般干部职工,",
  "A003,王五,男,1980-06-30,执法大队,执法大队副队长,四级主任科员,2018-03-01,1999-07-01,10,大专,优秀,优秀,,中层干部,",
  "A004,赵六,男,1972-01-20,局领导,副局长,二级调研员,2018-03-01,1994-07-01,12,本科,优秀,优秀,,局领导班子,",
];
const REFERENCE_DATE = "2026-06-30";
const OFFICE = "办公室 · 办公室主任";
const LAW = "执法大队 · 执法大队队长";

let browser: Browser;
let t: TestApp;
let roundId: string;
let organizer: OrganizerPage;
let draft: DraftApplications;
const contexts: BrowserContext[] = [];
const cspReports: string[] = [];

async function newPage(
  viewport: { width: number; height: number },
  opts: { bypassCSP?: boolean } = {},
): Promise<Page> {
  const c = await browser.newContext({ viewport, ...opts });
  contexts.push(c);
  const page = await c.newPage();
  // The pages' CSP has no 'unsafe-eval' (zod's probe would be reported): every report is kept.
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspReports.push(m.text());
  });
  await page.addInitScript(`document.addEventListener("securitypolicyviolation", (e) =>
    console.error("Content Security Policy: " + e.violatedDirective + " " + e.blockedURI));`);
  return page;
}

/** Closes the notes at the corner ("已登记…"), which would sit over a full-page screenshot. */
async function clearToasts(page: Page): Promise<void> {
  const close = page.getByRole("button", { name: zh("chair.ui.dismiss") });
  while ((await close.count()) > 0) await close.first().click();
}

/** Whether the page's main content fits its width (nothing in it scrolls sideways). */
function mainFits(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    type El = { scrollWidth: number; clientWidth: number };
    const main = (
      globalThis as unknown as { document: { querySelector(s: string): El } }
    ).document.querySelector("main");
    return main.scrollWidth <= main.clientWidth;
  });
}

/** A screenshot of the page as it is now, after the notes at the corner are gone. */
async function shoot(page: Page, name: string): Promise<void> {
  await clearToasts(page);
  await screenshot(page, name);
}

/** The register through its HTTP routes, as the console's import does it. */
async function importRegister(): Promise<void> {
  const file = Buffer.from(`\uFEFF${[HEADER, ...ROWS].join("\r\n")}\r\n`);
  const post = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.organizerToken}`, ...headers },
      body: file,
    }).then((r) => r.json() as Promise<{ ok: boolean; data: { fileSha256: string } }>);
  const preview = await post("/api/register/preview");
  expect(preview.ok).toBe(true);
  const imported = await post("/api/register/import", { "X-File-SHA256": preview.data.fileSha256 });
  expect(imported).toMatchObject({ ok: true, data: { created: 4 } });
}

/** A draft with two posts and their conditions, announced (the posts' own UI is elsewhere). */
async function announcedDraft(): Promise<string> {
  const ws = await t.client(t.organizerToken);
  const { speakingOrder: _, ...demo } = DEMO_ROUND;
  const file = {
    ...demo,
    title: "2026年中层干部竞争上岗",
    positions: [
      { id: "office", title: "办公室主任", department: "办公室", seats: 1 },
      { id: "law", title: "执法大队队长", department: "执法大队", seats: 1 },
    ],
    candidates: [],
  };
  const { roundId: id } = expectOk(await call(ws, "round:import", { file }));
  const { posts } = t.app.services.records;
  const term = (localId: string, department: string, conditions: object) => ({
    localId,
    department,
    termYears: 2,
    duties: "",
    conditionsText: "",
    conditions,
  });
  const saved = await posts.savePosts(
    id,
    [
      term("office", "办公室", { minWorkYears: 5, minEducation: "college" }),
      term("law", "执法大队", { minWorkYears: 8, maxAge: 45 }),
    ],
    auditFor(id, "draft:rules"),
  );
  expect(saved.ok).toBe(true);
  const published = await posts.publish(
    id,
    { referenceDate: REFERENCE_DATE, applyUntil: "2026-06-20" },
    auditFor(id, "draft:rules"),
  );
  expect(published.ok).toBe(true);
  return id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  await importRegister();
  roundId = await announcedDraft();
  const page = await newPage(PROJECTOR);
  organizer = new OrganizerPage(page, t.url);
  draft = new DraftApplications(page);
  await organizer.login("test-passphrase");
  await page.goto(`${t.url}/#round=${roundId}`);
  await page.getByTestId("draft-notice").waitFor();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

describe("nominations (报名)", () => {
  it("records a self-nomination, a staff nomination with its count and one by the party group", async () => {
    await draft.openTab("apps.tab.applications");
    await draft.page.getByTestId("announcement").waitFor();
    await draft.nominate({ search: "张三", name: "张三", post: OFFICE, source: "self" });
    await draft.nominate({
      search: "A002",
      name: "李四",
      post: OFFICE,
      source: "staff",
      staffCount: 8,
    });
    await draft.nominate({ search: "执法", name: "王五", post: LAW, source: "party" });

    const li = draft.row(OFFICE, "李四");
    await expect(li.textContent()).resolves.toContain(zh("review.status.nominated"));
    await expect(li.textContent()).resolves.toContain(zh("review.source.staff", { count: 8 }));
    await expect(draft.row(OFFICE, "张三").textContent()).resolves.toContain(
      zh("review.preference", { n: 1 }),
    );
  });

  it("takes the nominees' acceptance, and shows per post the sources and counts", async () => {
    for (const [post, name] of [
      [OFFICE, "李四"],
      [LAW, "王五"],
    ] as const) {
      await draft
        .row(post, name)
        .getByRole("button", { name: zh("apps.accept") })
        .click();
      await draft.row(post, name).getByText(zh("review.status.accepted")).waitFor();
    }
    const counts = (await draft.post(OFFICE).getByTestId("post-counts").textContent()) ?? "";
    const said = counts.replace(/\s+/g, " ");
    expect(said).toContain(zh("apps.post.summary", { applicants: 2, nominated: 0 }));
    expect(said).toContain(zh("apps.post.sources", { self: 1, staff: 1, count: 8, party: 0 }));
    await shoot(draft.page, "review-applications-1920x1080");
    await draft.page.setViewportSize(PHONE);
    expect(await scrollsSideways(draft.page)).toBe(false);
    await shoot(draft.page, "review-applications-390x844");
    await draft.page.setViewportSize(PROJECTOR);
  });
});

describe("the qualification review (资格审查)", () => {
  it("shows each application's hints with the data used, a failing one in red", async () => {
    await draft.openTab("apps.tab.review");
    await draft.card("王五").waitFor();
    expect(await draft.checks("王五")).toEqual([
      { pass: true, text: zh("review.check.workYears", { years: 26, min: 8 }) },
      { pass: false, text: zh("review.check.age", { age: 46, max: 45 }) },
    ]);
    expect((await draft.checks("张三"))[0]).toEqual({
      pass: true,
      text: zh("review.check.workYears", { years: 17, min: 5 }),
    });
  });

  it("bars the applicant's spouse from reviewing, with the reason", async () => {
    await draft.chooseReviewer("李四", "李四");
    const card = draft.card("张三");
    await expect(card.getByRole("alert").textContent()).resolves.toBe(
      zh("review.avoidance.relation", { relation: zh("person.relation.spouse") }),
    );
    const pass = card.getByRole("button", { name: zh("review.decision.pass"), exact: true });
    expect(await pass.isDisabled()).toBe(true);
    // Her own application too.
    await expect(draft.card("李四").getByRole("alert").textContent()).resolves.toBe(
      zh("review.avoidance.self"),
    );
  });

  it("passes over a failing check only with a written reason, and rejects with one", async () => {
    await draft.chooseReviewer("赵六", "赵六");
    const wang = draft.card("王五");
    const pass = wang.getByRole("button", { name: zh("review.decision.pass"), exact: true });
    expect(await pass.isDisabled()).toBe(true);
    await wang.getByText(zh("review.decision.overrideNote")).waitFor();
    await shoot(draft.page, "review-hints-1920x1080");
    await draft.decide("王五", "pass", "经党组研究，年龄条件按县委组织部意见放宽");
    await draft.decide("张三", "pass");
    await draft.decide("李四", "reject", "未满任职年限");
    await expect(draft.card("李四").getByTestId("decision").textContent()).resolves.toContain(
      "未满任职年限",
    );
    await draft.page.setViewportSize(PHONE);
    expect(await scrollsSideways(draft.page)).toBe(false);
    await shoot(draft.page, "review-decided-390x844");
    await draft.page.setViewportSize(PROJECTOR);
  });

  it("closes the review, which gives the draft its candidates and publishes the list", async () => {
    await draft.closeReview();
    const url = await draft.outcomeUrl();
    expect(url).toBe(`${t.url}/r/${roundId}`);
    await shoot(draft.page, "review-closed-1920x1080");
    const ws = await t.client(t.organizerToken);
    const { file } = expectOk(await call(ws, "round:file", { roundId }));
    expect(file.candidates.map((c) => [c.id, c.name, c.applications])).toEqual([
      ["C1", "张三", ["office"]],
      ["C2", "王五", ["law"]],
    ]);
    await draft.openTab("draft.tab.overview");
    await draft.page.getByText(zh("org.summary.candidates", { n: 2 })).waitFor();
  });
});

describe("in English", () => {
  it("the review and the list read in the second language, and fit a phone", async () => {
    const page = draft.page;
    await page.setViewportSize(PHONE);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("tab", { name: "Review" }).click();
    await page
      .getByText("The review is closed and the list of competitors published: 2 people.")
      .waitFor();
    await shoot(page, "review-closed-en-390x844");
    // The console's own top bar is wider than a phone in English; the tab's content fits.
    expect(await mainFits(page)).toBe(true);
    await page.getByRole("button", { name: "中文" }).click();
    await page.setViewportSize(PROJECTOR);

    const outcome = new OutcomePage(await newPage(PHONE));
    await outcome.open(`${t.url}/r/${roundId}?lang=en`);
    await outcome.page.getByRole("heading", { level: 1, name: "List of competitors" }).waitFor();
    expect(await scrollsSideways(outcome.page)).toBe(false);
    await screenshot(outcome.page, "review-outcome-en-390x844");
  });
});

describe("the list of competitors (/r/:roundId)", () => {
  it("lists per post who passed, name, department and current post only, on a desk and a phone", async () => {
    for (const [size, name] of [
      [PROJECTOR, "review-outcome-1920x1080"],
      [PHONE, "review-outcome-390x844"],
    ] as const) {
      const outcome = new OutcomePage(await newPage(size));
      await outcome.open(`${t.url}/r/${roundId}`);
      expect(await outcome.rows()).toEqual({
        [OFFICE]: [["张三", "办公室", "办公室副主任"]],
        [LAW]: [["王五", "执法大队", "执法大队副队长"]],
      });
      const text = (await outcome.page.locator("main").textContent()) ?? "";
      expect(text).not.toMatch(/1985|1980|A00|称职|优秀/);
      expect(await scrollsSideways(outcome.page)).toBe(false);
      await screenshot(outcome.page, name);
    }
  });

  it("prints on A4", async () => {
    // 210 mm at 96 dpi; the screenshot adds the @page margins (18 mm 16 mm) that a print
    // preview shows, which a page's own style cannot (CSP: no inline styles, hence bypassCSP).
    const page = await newPage({ width: 794, height: 1123 }, { bypassCSP: true });
    const outcome = new OutcomePage(page);
    await outcome.open(`${t.url}/r/${roundId}`);
    await page.emulateMedia({ media: "print" });
    await page.addStyleTag({ content: "body { padding: 18mm 16mm 16mm; }" });
    await screenshot(page, "review-outcome-a4-print");
    await page.addStyleTag({ content: "body { padding: 0; }" });
    const pdf = await page.pdf({
      path: join(ARTIFACTS, "review-outcome.pdf"),
      format: "A4",
      preferCSSPageSize: true,
    });
    const text = pdf.toString("latin1");
    expect(text.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    const box = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    expect(Number(box?.[1])).toBeLessThan(Number(box?.[2])); // portrait
  });

  it("no page broke its Content-Security-Policy", () => {
    expect(cspReports).toEqual([]);
  });

  it("says the list is not published before a round's review is closed", async () => {
    const other = await announcedDraft();
    const outcome = new OutcomePage(await newPage(PHONE));
    await outcome.open(`${t.url}/r/${other}`);
    await expect(outcome.page.getByTestId("outcome-problem").textContent()).resolves.toContain(
      zh("error.review_not_closed"),
    );
  });
});
