import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR, launchBrowser, PHONE, PROJECTOR, screenshot } from "../utils/browser.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { startTestApp, type TestApp } from "../utils/test-app.ts";
import { DraftPage } from "./pages/draft-page.ts";
import { zh } from "./pages/i18n.ts";
import { buttonsOutsideViewport, scrollsSideways } from "./pages/layout.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";

let browser: Browser;
let t: TestApp;
let ws: ClientSocket;
let organizer: OrganizerPage;
let draft: DraftPage;
let roundId: string;
const contexts: BrowserContext[] = [];
const TITLE = "第三轮机关中层干部竞争上岗";

async function open(viewport = PROJECTOR): Promise<Page> {
  const c = await browser.newContext({ viewport });
  contexts.push(c);
  return c.newPage();
}

const fileOf = async (id: string) => expectOk(await call(ws, "round:file", { roundId: id })).file;
const roundsTitled = async (title: string) =>
  expectOk(await call(ws, "round:list", {})).filter((r) => r.title === title);

/**
 * A screenshot at both sizes the console is made for, back at the projector's after: the
 * whole page, or (`view`) what is in sight once `before` has scrolled to it, since the rules'
 * save bar sticks to the bottom of the window.
 */
async function bothSizes(
  page: Page,
  name: string,
  before?: () => Promise<void>,
  view = false,
): Promise<void> {
  for (const size of [PROJECTOR, PHONE]) {
    await page.setViewportSize(size);
    await before?.();
    await screenshot(page, `${name}-${size.width}x${size.height}`, !view);
  }
  await page.setViewportSize(PROJECTOR);
}

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  ws = await t.client(t.organizerToken);
  organizer = new OrganizerPage(await open(), t.url);
  draft = new DraftPage(organizer.page);
  await organizer.login("test-passphrase");
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

describe("a new round, built in the console", () => {
  it("is made from the round list and opens its workspace", async () => {
    await draft.openNewRoundForm();
    await bothSizes(draft.page, "draft-new-round-form");
    roundId = await draft.createRound(TITLE);
    expect(await roundsTitled(TITLE)).toMatchObject([
      { id: roundId, status: "draft", kind: "formal" },
    ]);
    expect(await draft.tab("draft.tab.overview").getAttribute("aria-selected")).toBe("true");
    expect(await draft.page.getByTestId("draft-notice").textContent()).toBe(zh("org.draft.notice"));
    await bothSizes(draft.page, "draft-workspace-overview");
  });

  it("has the default rules, and no posts or candidates yet", async () => {
    const file = await fileOf(roundId);
    expect(file.rubric.map((c) => c.max)).toEqual([30, 30, 40]);
    expect(file.positions).toEqual([]);
    await draft.page.getByText(zh("draft.summary.noPositions")).waitFor();
  });

  it("opens the rules tab, which the address keeps", async () => {
    await draft.openRulesTab();
    expect(new URL(draft.page.url()).hash).toBe(`#round=${roundId}&tab=rules`);
    expect(await draft.tab("draft.tab.rules").getAttribute("aria-selected")).toBe("true");
    expect(await draft.criterionBox(1, "label").inputValue()).toBe("相关知识");
    await draft.page.getByText(zh("draft.rules.total", { total: 100 })).waitFor();
    await draft.page.reload();
    await draft.rulesPanel().waitFor();
    expect(await draft.criterionBox(3, "max").inputValue()).toBe("40");
    expect(await draft.saveButton().isDisabled()).toBe(true);
    await bothSizes(
      draft.page,
      "draft-rules-valid",
      () => draft.tabs().scrollIntoViewIfNeeded(),
      true,
    );
  });

  it("says at once that a step not dividing the maximum is wrong, and will not save it", async () => {
    await draft.criterionBox(1, "step").fill("7");
    expect(await draft.issueOf(draft.criterionBox(1, "max"))).toBe(
      zh("draft.issue.field", {
        field: zh("draft.rules.criterion.max"),
        problem: zh("draft.problem.maxOffStep"),
      }),
    );
    expect(await draft.criterionBox(1, "max").getAttribute("aria-invalid")).toBe("true");
    expect(await draft.saveButton().isDisabled()).toBe(true);
    expect(await draft.issueSummary()).toEqual([
      zh("draft.issue.atField", {
        at: zh("file.at.criterion", { n: 1, label: "相关知识" }),
        field: zh("draft.rules.criterion.max"),
        problem: zh("draft.problem.maxOffStep"),
      }),
    ]);
    await draft.page.getByText(zh("draft.rules.issueCount", { n: 1 })).waitFor();
    await bothSizes(
      draft.page,
      "draft-rules-errors",
      () => draft.scrollTo(draft.criterion(1)),
      true,
    );
  });

  it("shows the criteria on the phone preview as they are typed", async () => {
    // The criterion with the wrong step waits until it is fixed.
    expect(await draft.previewCriteria()).toEqual(["工作技能", "综合素质"]);
    await draft
      .preview()
      .getByText(zh("draft.preview.skipped", { n: 1 }))
      .waitFor();
    await draft.criterionBox(1, "step").fill("1");
    expect(await draft.issueOf(draft.criterionBox(1, "max"))).toBe("");
    await draft.addCriterion("答辩表现", "10", "0.5");
    expect(await draft.previewCriteria()).toEqual(["相关知识", "工作技能", "综合素质", "答辩表现"]);
    await draft
      .preview()
      .getByText(zh("phone.criterion.max", { max: "10" }))
      .waitFor();
    await draft.page.getByText(zh("draft.rules.total", { total: 110 })).waitFor();
    await bothSizes(draft.page, "draft-rules-preview", () => draft.scrollTo(draft.preview()), true);
  });

  it("fills β = 1 − α as α is typed", async () => {
    await draft.alphaBox().fill("0.6");
    expect(await draft.beta()).toBe("0.4");
    await draft.page
      .getByText(zh("draft.rules.method.composite", { a: "0.6", b: "0.4" }))
      .waitFor();
    await draft.alphaBox().fill("1.5");
    expect(await draft.beta()).toBe("—");
    expect(await draft.issueOf(draft.alphaBox())).toBe(zh("draft.problem.atMost", { max: 1 }));
    await draft.alphaBox().fill("0.6");
  });

  it("saves the changed parts, which a reload shows", async () => {
    expect(await draft.issueSummary()).toEqual([]);
    expect(await draft.saveButton().isDisabled()).toBe(false);
    await draft.save();
    const file = await fileOf(roundId);
    expect(file.rubric).toEqual([
      { id: "knowledge", label: "相关知识", max: 30, step: 1 },
      { id: "skills", label: "工作技能", max: 30, step: 0.5 },
      { id: "quality", label: "综合素质", max: 40, step: 0.5 },
      { id: "c1", label: "答辩表现", max: 10, step: 0.5 },
    ]);
    expect(file.method).toMatchObject({ speechWeight: 0.6, evaluationWeight: 0.4 });
    expect(file.title).toBe(TITLE);
    await draft.page.reload();
    await draft.rulesPanel().waitFor();
    expect(await draft.criterionBox(1, "step").inputValue()).toBe("1");
    expect(await draft.criterionBox(4, "label").inputValue()).toBe("答辩表现");
    expect(await draft.alphaBox().inputValue()).toBe("0.6");
    expect(await draft.beta()).toBe("0.4");
  });

  it("asks before leaving with unsaved changes, and keeps them on no", async () => {
    await draft.titleBox().fill(`${TITLE}（修订）`);
    // The tab is marked while it holds unsaved edits.
    await draft.tabs().getByText(zh("draft.tab.unsaved")).waitFor({ state: "attached" });
    await draft.backButton().click();
    const dialog = draft.page.getByRole("dialog");
    await dialog.getByText(zh("draft.leave.body", { what: zh("draft.tab.rules") })).waitFor();
    await dialog.getByRole("button", { name: zh("draft.leave.stay") }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await draft.titleBox().inputValue()).toBe(`${TITLE}（修订）`);
    // Back goes to the tab before, which keeps the edits; once more leaves the draft, and
    // that is asked about too: the address stays on the draft.
    await draft.page.goBack();
    await draft.tab("draft.tab.overview").and(draft.page.locator("[aria-selected=true]")).waitFor();
    await draft.page
      .getByText(zh("draft.overview.unsaved", { what: zh("draft.tab.rules") }))
      .waitFor();
    await draft.page.goBack();
    await dialog.getByRole("button", { name: zh("draft.leave.stay") }).click();
    expect(draft.roundId()).toBe(roundId);
    await draft.openRulesTab();
    expect(await draft.titleBox().inputValue()).toBe(`${TITLE}（修订）`);
    // A reload or a closed tab is the browser's question.
    const asked = await draft.page.evaluate(() => {
      // Runs in the page; the test's tsconfig has no DOM types.
      const page = globalThis as unknown as { dispatchEvent(e: Event): boolean };
      const e = new Event("beforeunload", { cancelable: true });
      page.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(asked).toBe(true);
  });

  it("keeps unsaved changes through a lost connection", async () => {
    // The browser's connection drops (its transport closes, as when the Wi-Fi goes); the
    // page reconnects by itself, fetches the round list and the draft's file again.
    const browserSockets = () =>
      [...t.app.io.sockets.sockets.values()].filter((s) =>
        String(s.handshake.headers["user-agent"] ?? "").includes("Chrome"),
      );
    const before = new Set(browserSockets().map((s) => s.id));
    const back = new Promise<void>((resolve) => {
      t.app.io.on("connection", (s) => {
        if (String(s.handshake.headers["user-agent"] ?? "").includes("Chrome")) resolve();
      });
    });
    for (const s of browserSockets()) s.conn.close();
    await back;
    expect(browserSockets().some((s) => !before.has(s.id))).toBe(true);
    await draft.page.getByText(zh("conn.online")).first().waitFor();
    expect(await draft.titleBox().inputValue()).toBe(`${TITLE}（修订）`);
    await draft.save();
    await draft.page
      .getByRole("heading", { level: 1, name: `${TITLE}（修订）`, exact: true })
      .waitFor();
    expect((await fileOf(roundId)).title).toBe(`${TITLE}（修订）`);
  });

  it("reads in English too", async () => {
    const page = draft.page;
    await page
      .getByRole("banner")
      .getByRole("button", { name: zh("lang.switch") })
      .click();
    await page.getByRole("tab", { name: "Scoring rules" }).waitFor();
    await bothSizes(
      page,
      "draft-rules-en",
      () => draft.scrollTo(page.getByRole("heading", { name: "Scoring method" })),
      true,
    );
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole("banner").getByRole("button", { name: "中文" }).click();
    await draft.tab("draft.tab.rules").waitFor();
  });

  it("fits a 360 px phone: nothing reaches past the edge, the tabs are a thumb wide", async () => {
    const page = draft.page;
    await page.setViewportSize({ width: 360, height: 740 });
    for (const tab of ["draft.tab.overview", "draft.tab.rules"] as const) {
      await draft.tab(tab).click();
      expect(await scrollsSideways(page), tab).toBe(false);
      expect(await buttonsOutsideViewport(page), tab).toEqual([]);
      const box = await draft.tab(tab).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    // Each part of the rules in sight, one screenful at a time.
    const parts = draft.rulesPanel().getByRole("heading", { level: 2 });
    for (let i = 0; i < (await parts.count()); i++) {
      await parts.nth(i).evaluate((el) =>
        // Runs in the page; the test's tsconfig has no DOM types.
        (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: "start" }),
      );
      await screenshot(page, `draft-rules-360x740-part${i + 1}`, false);
    }
    await page.setViewportSize(PROJECTOR);
  });
});

describe("a new round whose reply is lost", () => {
  it("is made once, however often the click is retried", async () => {
    const page = await open();
    // The socket's reply to round:create is dropped once, as on a hall's flaky Wi-Fi; the
    // request itself reaches the server.
    let dropped = false;
    await page.routeWebSocket(/\/socket\.io\//, (route) => {
      const server = route.connectToServer();
      let ackId: string | null = null;
      route.onMessage((m) => {
        const create = /^42(\d+)\["round:create"/.exec(String(m));
        if (create && !dropped) ackId = create[1] ?? null;
        server.send(m);
      });
      server.onMessage((m) => {
        if (ackId !== null && String(m).startsWith(`43${ackId}[`)) {
          ackId = null;
          dropped = true;
          return;
        }
        route.send(m);
      });
    });
    const lost = new OrganizerPage(page, t.url);
    const creator = new DraftPage(page);
    await lost.login("test-passphrase");
    const title = "演练：答复丢失的新建";
    await creator.submitNewRound(title, { rehearsal: true });
    await page.getByText(zh("draft.create.retry"), { exact: false }).waitFor({ timeout: 30_000 });
    expect(dropped).toBe(true);
    expect(await roundsTitled(title)).toHaveLength(1);
    await creator
      .newRoundForm()
      .getByRole("button", { name: zh("draft.create.submit") })
      .click();
    await page.waitForURL(/#round=/);
    const made = await roundsTitled(title);
    expect(made).toMatchObject([{ id: creator.roundId(), kind: "rehearsal", status: "draft" }]);
  });
});
