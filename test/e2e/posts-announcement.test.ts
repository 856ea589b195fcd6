// Posts and their announcement in the browser (issue 8, item 1): the organizer types two
// posts with conditions into a new draft and publishes; anyone with the link reads them on a
// phone or a desktop; a change published again is version 2, and the page says so; the
// notice prints on A4.
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
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { startTestApp, type TestApp } from "../utils/test-app.ts";
import { AnnouncementPage } from "./pages/announcement-page.ts";
import { zh } from "./pages/i18n.ts";
import { buttonsOutsideViewport, scrollsSideways } from "./pages/layout.ts";
import { PostsTab } from "./pages/posts-page.ts";

const TITLE = "2027年中层干部竞争上岗";
const A4 = { width: 794, height: 1123 };

let browser: Browser;
let t: TestApp;
let ws: ClientSocket;
let roundId: string;
let organizer: Page;
let posts: PostsTab;
let link: string;
const contexts: BrowserContext[] = [];

/** Where the organizer page keeps its sign-in (client/src/lib/link-token.ts). */
const ORGANIZER_TOKEN_KEY = "jingpin.organizer";
type Storage = { localStorage: { setItem(key: string, value: string): void } };

async function context(viewport: { width: number; height: number }, signedIn = false) {
  const c = await browser.newContext({ viewport });
  contexts.push(c);
  if (signedIn) {
    await c.addInitScript(
      ([key, token]) => (globalThis as unknown as Storage).localStorage.setItem(key, token),
      [ORGANIZER_TOKEN_KEY, t.organizerToken] as const,
    );
  }
  return c;
}

/** Every Content-Security-Policy violation of a page, as it happens. */
async function policyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(`document.addEventListener("securitypolicyviolation", (e) =>
    console.error("Content Security Policy: " + e.violatedDirective + " " + e.blockedURI));`);
  return violations;
}

/** A reader's page, recording its policy violations. */
async function reader(viewport: { width: number; height: number }) {
  const page = await (await context(viewport)).newPage();
  const violations = await policyViolations(page);
  return { page: new AnnouncementPage(page), violations };
}

let organizerViolations: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  ws = await t.client(t.organizerToken);
  roundId = expectOk(
    await call(ws, "round:create", { title: TITLE, requestId: "e2e-posts-announce-1" }),
  ).roundId;
  organizer = await (await context(PROJECTOR, true)).newPage();
  organizerViolations = await policyViolations(organizer);
  await organizer.goto(`${t.url}/#round=${roundId}`);
  await organizer.getByTestId("draft-notice").waitFor();
  posts = new PostsTab(organizer);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

describe("the organizer's posts tab", () => {
  it("shows what is wrong next to the field, and saves nothing then", async () => {
    await posts.open();
    await screenshot(organizer, "posts-empty-1920x1080");
    const card = await posts.add({ title: "" });
    await organizer.getByRole("button", { name: zh("posts.save") }).click();
    const title = card.getByLabel(zh("posts.field.title"), { exact: true });
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    const described = (await title.getAttribute("aria-describedby")) ?? "";
    expect(await organizer.locator(`[id="${described}"]`).textContent()).toBe(
      zh("posts.error.title"),
    );
    await card.getByRole("checkbox", { name: zh("posts.cond.maxAge") }).check();
    await card.getByLabel(zh("posts.cond.age.input"), { exact: true }).fill("12");
    await expect.poll(() => card.getByText(zh("posts.error.age")).count()).toBe(1);
    expect(expectOk(await call(ws, "posts:list", { roundId })).posts).toEqual([]);
    await card.getByRole("button", { name: zh("posts.remove") }).click();
    expect(await posts.cards().count()).toBe(0);
  });

  it("adds two posts with structured conditions and saves them", async () => {
    await posts.add({
      title: "办公室主任",
      department: "办公室",
      termYears: 2,
      duties: "负责机关日常运转、文电会务和综合协调。",
      conditionsText: "中共党员，在本局工作满两年。",
      minWorkYears: 5,
      minEducation: "college",
      reviewGrades: { years: 3, atLeast: "competent" },
      noActivePenalty: true,
    });
    await posts.add({
      title: "安全监管科科长",
      department: "安全监管科",
      seats: 2,
      termYears: 3,
      duties: "组织开展安全生产监督检查。",
      minEducation: "bachelor",
      maxAge: 45,
    });
    await screenshot(organizer, "posts-editing-1920x1080");
    await posts.save();
    expect(await organizer.getByTestId("posts-unsaved").count()).toBe(0);
    const saved = expectOk(await call(ws, "posts:list", { roundId })).posts;
    expect(saved.map((p) => [p.localId, p.title, p.department, p.seats, p.termYears])).toEqual([
      ["P1", "办公室主任", "办公室", 1, 2],
      ["P2", "安全监管科科长", "安全监管科", 2, 3],
    ]);
    expect(saved[0]?.conditions).toEqual({
      minWorkYears: 5,
      minEducation: "college",
      reviewGrades: { years: 3, atLeast: "competent" },
      noActivePenalty: true,
    });
    expect(saved[1]?.conditions).toEqual({ minEducation: "bachelor", maxAge: 45 });
    expect(saved[0]?.conditionsText).toBe("中共党员，在本局工作满两年。");
  });

  it("publishes version 1 with its dates; the link and the print view are offered", async () => {
    expect((await organizer.getByTestId("publish-status").textContent())?.trim()).toBe(
      zh("posts.publish.never"),
    );
    const status = await posts.publish("2027-03-31", "2027-03-20", 1);
    expect(status).toMatch(/^已发布第 1 版，发布于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    link = await posts.link();
    expect(link).toBe(`${t.url}/a/${roundId}`);
    expect(await organizer.getByTestId("announcement-print").getAttribute("href")).toBe(
      `${link}#print`,
    );
    expect(await organizer.getByRole("img", { name: zh("posts.publish.link") }).count()).toBe(1);
    expect(await organizer.getByTestId("publish-changed").count()).toBe(0);
    await screenshot(organizer, "posts-published-1920x1080");
  });

  it("fits a phone", async () => {
    await organizer.setViewportSize(PHONE);
    await posts.edit(0);
    await screenshot(organizer, "posts-published-390x844");
    expect(await buttonsOutsideViewport(organizer)).toEqual([]);
    expect(await scrollsSideways(organizer)).toBe(false);
    await organizer.getByRole("button", { name: zh("posts.collapse") }).click();
    await organizer.setViewportSize(PROJECTOR);
  });

  it("broke no rule of the Content-Security-Policy (the forms check with zod, jitless)", () => {
    expect(organizerViolations).toEqual([]);
  });
});

describe("the public announcement", () => {
  for (const [size, name] of [
    [PHONE, "390x844"],
    [PROJECTOR, "1920x1080"],
  ] as const) {
    it(`shows the posts, their conditions and the version at ${name}, to anyone`, async () => {
      const { page, violations } = await reader(size);
      await page.open(link);
      expect(await page.title()).toBe(TITLE);
      expect(await page.version()).toMatch(
        /^第 1 版，发布于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/,
      );
      expect(await page.updated()).toBeNull();
      const shown = await page.posts();
      expect(shown.map((p) => p.title)).toEqual(["办公室主任", "安全监管科科长"]);
      for (const text of [
        "所属部门：办公室",
        "职数：1 名",
        "聘期：2 年",
        "负责机关日常运转",
        "中共党员，在本局工作满两年。",
        "参加工作 5 年以上",
        "大专及以上学历",
        "近 3 年年度考核均为称职及以上等次",
        "不在处分影响期内",
      ]) {
        expect(shown[0]?.text.replace(/：\s*/g, "：")).toContain(text);
      }
      for (const text of ["职数：2 名", "聘期：3 年", "本科及以上学历", "年龄不超过 45 周岁"]) {
        expect(shown[1]?.text.replace(/：\s*/g, "：")).toContain(text);
      }
      expect(await page.applyUntil()).toBe("报名截止日期：2027年3月20日");
      expect(await page.qr().count()).toBe(1);
      await screenshot(page.page, `announcement-${name}`);
      if (size === PHONE) {
        expect(await scrollsSideways(page.page)).toBe(false);
        expect(await buttonsOutsideViewport(page.page)).toEqual([]);
      }
      expect(violations).toEqual([]);
    });
  }

  it("switches to English with the page's language button", async () => {
    const { page } = await reader(PHONE);
    await page.open(link);
    await page.page.getByRole("button", { name: zh("lang.switch") }).click();
    expect(await page.version()).toMatch(/^Version 1, published /);
    expect((await page.posts())[0]?.text).toContain("At least 5 years of work");
  });

  it("says so for a round that has published nothing", async () => {
    const other = expectOk(
      await call(ws, "round:create", { title: "未发布", requestId: "e2e-posts-unpublished" }),
    ).roundId;
    const { page } = await reader(PHONE);
    await page.open(`${t.url}/a/${other}`);
    expect(await page.page.getByTestId("announcement-none").textContent()).toBe(
      zh("announce.none"),
    );
  });
});

describe("a change after publishing", () => {
  it("shows 已修改，尚未发布新版本 until published again as version 2", async () => {
    await posts.move(1, "up");
    expect(await posts.titles()).toEqual(["安全监管科科长", "办公室主任"]);
    const card = await posts.edit(0);
    await posts.fill(card, { seats: 3 });
    expect(await organizer.getByTestId("publish-changed").textContent()).toBe(
      zh("posts.publish.changed"),
    );
    await posts.save();
    expect(await organizer.getByTestId("publish-changed").count()).toBe(1);
    await screenshot(organizer, "posts-changed-1920x1080");
    await posts.publish("2027-03-31", "2027-03-25", 2);
    expect(await organizer.getByTestId("publish-changed").count()).toBe(0);
  });

  it("the page shows 第 2 版 and that it replaces version 1", async () => {
    const { page } = await reader(PHONE);
    await page.open(link);
    expect(await page.version()).toMatch(/^第 2 版，发布于 /);
    const versions = expectOk(await call(ws, "announcement:list", { roundId }));
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const updated = await page.updated();
    expect(updated).toContain("本公告已更新（第 2 版），以此版为准");
    expect(updated).toContain("此前版本：第 1 版（");
    const shown = await page.posts();
    expect(shown.map((p) => p.title)).toEqual(["安全监管科科长", "办公室主任"]);
    expect(shown[0]?.text.replace(/：\s*/g, "：")).toContain("职数：3 名");
    expect(await page.applyUntil()).toBe("报名截止日期：2027年3月25日");
    await screenshot(page.page, "announcement-v2-390x844");
  });

  it("prints on A4: no buttons, the QR code in the corner", async () => {
    const { page } = await reader(A4);
    await page.open(link);
    await page.page.emulateMedia({ media: "print" });
    expect(await page.printButton().isVisible()).toBe(false);
    expect(await page.page.getByRole("button", { name: zh("lang.switch") }).isVisible()).toBe(
      false,
    );
    expect(await page.qr().isVisible()).toBe(true);
    await screenshot(page.page, "announcement-print-a4");
    const pdf = await page.page.pdf({
      path: join(ARTIFACTS, "announcement.pdf"),
      preferCSSPageSize: true,
      printBackground: true,
    });
    const text = pdf.toString("latin1");
    const box = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    // A4 portrait: 595 × 842 points.
    expect(Math.round(Number(box?.[1]))).toBe(595);
    expect(Math.round(Number(box?.[2]))).toBe(842);
    // Two posts and how to apply: one or two pages, never a page per post.
    const pages = text.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
  });
});
