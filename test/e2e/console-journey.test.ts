// Issue 8's journey in one browser: the organizer builds a small round in the console from
// nothing — posts, the staff register, nominations, the review, the rules, the draw of the
// speaking order with two witnesses, a post's questions — then the projector shows the
// draw and the chair console shows the drawn order and questions. Each step's details are
// tested in its own file (posts-announcement, staff-register, review, draft-rules, draw).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR, launchBrowser, PROJECTOR, screenshot } from "../utils/browser.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { startTestApp, type TestApp } from "../utils/test-app.ts";
import { ChairPage } from "./pages/chair-page.ts";
import { DraftPage } from "./pages/draft-page.ts";
import { DrawsPage } from "./pages/draws-page.ts";
import { zh } from "./pages/i18n.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";
import { PostsTab } from "./pages/posts-page.ts";
import { RegisterPage } from "./pages/register-page.ts";
import { DraftApplications } from "./pages/review-page.ts";
import { ScreenPage } from "./pages/screen-page.ts";

const HEADER =
  "工号,姓名,性别,出生日期,部门,现任职务,职级,任现职级时间,参加工作时间,基层工作年限,学历,2024年度考核,2025年度考核,处分,投票分组,亲属关系";
const REGISTER = [
  HEADER,
  "J001,孙明,男,1984-04-02,办公室,办公室副主任,四级主任科员,2020-06-01,2006-07-01,4,本科,称职,优秀,,中层干部,",
  "J002,周红,女,1986-09-12,办公室,办公室科员,一级科员,2019-12-01,2009-08-01,3,本科,优秀,称职,,一般干部职工,",
  "J003,吴刚,男,1982-01-20,法规科,法规科副科长,四级主任科员,2018-03-01,2004-07-01,6,硕士研究生,称职,称职,,中层干部,",
  "J009,郑审,女,1972-05-05,机关党委,党委委员,二级调研员,2016-01-01,1994-07-01,10,本科,优秀,优秀,,局领导班子,",
].join("\r\n");
const OFFICE = "办公室 · 办公室主任";
const LAW = "法规科 · 法规科科长";
const WITNESSES = ["纪检组 张监督", "职工代表 李代表"];
const TYPED = { "纪检组 张监督": "6 2 5 3 1 4", "职工代表 李代表": "271828" };

let browser: Browser;
let t: TestApp;
let page: Page;
let organizer: ClientSocket;
let roundId: string;
let order: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  organizer = await t.client(t.organizerToken);
  const context = await browser.newContext({ viewport: PROJECTOR, acceptDownloads: true });
  page = await context.newPage();
  await new OrganizerPage(page, t.url).login("test-passphrase");
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const tab = (key: Parameters<typeof zh>[0]) =>
  page.getByRole("tablist", { name: zh("draft.tabs.label") }).getByRole("tab", { name: zh(key) });

describe("a round built in the console, end to end", () => {
  it("starts as a new draft with the staff register imported", async () => {
    roundId = await new DraftPage(page).createRound("2027年中层干部竞争上岗（演示）");
    await tab("register.ui.title").click();
    const register = new RegisterPage(page);
    await register.upload("人员名册.csv", Buffer.from(`\uFEFF${REGISTER}\r\n`));
    await register.confirmImport();
    expect(await register.staffNumbers()).toEqual(["J001", "J002", "J003", "J009"]);
  });

  it("publishes two posts with their conditions", async () => {
    const posts = new PostsTab(page);
    await posts.open();
    await posts.add({ title: "办公室主任", department: "办公室", minWorkYears: 5 });
    await posts.add({ title: "法规科科长", department: "法规科", minEducation: "bachelor" });
    await posts.save();
    expect(await posts.publish("2026-12-01", "2026-12-10", 1)).toContain("第 1 版");
  });

  it("takes the nominations and the review, which gives the draft its candidates", async () => {
    const apps = new DraftApplications(page);
    await apps.openTab("apps.tab.applications");
    await apps.nominate({ search: "孙明", name: "孙明", post: OFFICE, source: "self" });
    await apps.nominate({ search: "周红", name: "周红", post: OFFICE, source: "self" });
    await apps.nominate({ search: "吴刚", name: "吴刚", post: LAW, source: "self" });
    await apps.openTab("apps.tab.review");
    await apps.chooseReviewer("郑审", "郑审");
    for (const name of ["孙明", "周红", "吴刚"]) await apps.decide(name, "pass");
    await apps.closeReview();
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    expect(file.candidates.map((c) => c.name)).toEqual(["孙明", "周红", "吴刚"]);
  });

  it("sets the rules", async () => {
    const draft = new DraftPage(page);
    await draft.openRulesTab();
    await draft.addCriterion("答辩表现", "20", "1");
    await draft.save();
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    expect(file.rubric.map((c) => c.label)).toContain("答辩表现");
  });

  it("draws the speaking order with two witnesses, on the projector", async () => {
    const draws = new DrawsPage(page, t.url);
    await tab("draw.tab").click();
    await draws
      .order()
      .getByRole("heading", { name: zh("draw.order.title") })
      .waitFor();
    await draws.publish(draws.order(), WITNESSES);
    const screen = new ScreenPage(await browser.newPage({ viewport: PROJECTOR }));
    await screen.page.goto(new URL(await draws.screenLink(draws.order()), t.url).href);
    await draws.enterNumbers(draws.order(), TYPED);
    // The page shows each pick as "C2 周红": its id first.
    order = (await draws.compute(draws.order())).map((item) => item.split(" ")[0] ?? item);
    expect(order).toHaveLength(3);
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    expect(file.speakingOrder).toEqual(order);
    await screen.page.getByText(zh("draw.screen.drawn")).waitFor();
    await screenshot(screen.page, "journey-screen-draw-1920x1080");
  });

  it("writes, seals and draws the office's questions", async () => {
    const draws = new DrawsPage(page, t.url);
    await draws.setAuthor("人事科 王五");
    for (const text of [
      "请谈谈你对办公室工作的理解。",
      "如何做好上传下达？",
      "如何提高公文处理的质量？",
    ]) {
      await draws.addQuestion("办公室主任", text);
    }
    await draws.seal("办公室主任", 3);
    const bank = draws.bank("办公室主任");
    await draws.publish(bank, WITNESSES);
    await draws.enterNumbers(bank, TYPED);
    expect(await draws.compute(bank)).toHaveLength(3);
    await screenshot(page, "journey-draws-1920x1080");
  });

  it("in the session the chair console shows the drawn order and the questions", async () => {
    expectOk(await call(organizer, "round:start", { roundId, activate: true }));
    const chairToken = expectOk(await call(organizer, "link:create", { roundId, role: "chair" }));
    const chair = new ChairPage(await browser.newPage({ viewport: PROJECTOR }));
    await chair.open(`${t.url}/chair#k=${chairToken.token}`);
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    const nameOf = (id: string) => file.candidates.find((c) => c.id === id)?.name ?? id;
    const listed = await chair.page
      .getByTestId("speaking-order")
      .getByRole("listitem")
      .allTextContents();
    order.forEach((id, i) => {
      expect(listed[i]).toContain(nameOf(id));
    });
    const officeCandidate = file.candidates.find(
      (c) => c.applications[0] === file.positions[0]?.id,
    );
    await chair.goto(nameOf(officeCandidate?.id ?? ""));
    const drawn = expectOk(await call(organizer, "questions:drawn", { roundId })).questions;
    const office = Object.values(drawn).flat();
    expect(office).toHaveLength(3);
    for (const q of office) await chair.page.getByText(q.text, { exact: true }).waitFor();
    await screenshot(chair.page, "journey-chair-1920x1080");
  });
});
