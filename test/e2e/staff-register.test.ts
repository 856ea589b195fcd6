// The organizer's staff register (issue 8, item 2) in a real browser: the template, a
// preview naming every bad line before anything is saved, an import the list then shows, the
// same file again changing nothing, a person added and edited by hand, and the ballot cards
// prefilled from the register's counts per group.
import { readFileSync } from "node:fs";
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
import { zh } from "./pages/i18n.ts";
import { buttonsOutsideViewport, scrollsSideways } from "./pages/layout.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";
import { RegisterPage } from "./pages/register-page.ts";

let browser: Browser;
let t: TestApp;
let ws: ClientSocket;
let organizer: OrganizerPage;
let register: RegisterPage;
const contexts: BrowserContext[] = [];

/** A page already signed in (the token where the console keeps it), at a size. */
async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    isMobile: viewport.width < 600,
    locale: "zh-CN",
  });
  contexts.push(context);
  await context.addInitScript(
    ([key, token]) =>
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem(key, token),
    ["jingpin.organizer", t.organizerToken] as const,
  );
  return context.newPage();
}

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  ws = await t.client(t.organizerToken);
  const context = await browser.newContext({
    viewport: PROJECTOR,
    acceptDownloads: true,
    locale: "zh-CN",
  });
  contexts.push(context);
  const page = await context.newPage();
  organizer = new OrganizerPage(page, t.url);
  register = new RegisterPage(page);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

const HEADER =
  "工号,姓名,性别,出生日期,部门,现任职务,职级,任现职级时间,参加工作时间,基层工作年限,学历,2023年度考核,2024年度考核,2025年度考核,处分,投票分组,亲属关系";
const PEOPLE = [
  "A001,张三,男,1985-03-15,办公室,办公室副主任,四级主任科员,2021-06-01,2008-07-01,5,本科,称职,称职,优秀,,中层干部,A002：夫妻",
  "A002,李四,女,1987-11-02,安全监管股,,一级科员,2019-12-01,2010-08-01,3,硕士研究生,称职,称职,称职,警告 2023-05-10,一般干部职工,",
  "A003,王五,男,1979-01-20,局领导,副局长,二级调研员,2018-03-01,1999-07-01,10,大专,优秀,优秀,优秀,,局领导班子,",
  "A004,赵敏,女,1992-06-08,法规股,,二级科员,2020-12-01,2015-08-01,2,本科,称职,优秀,称职,,一般干部职工,",
  "A005,钱磊,男,1983-09-30,安全监管股,安全监管股股长,三级主任科员,2019-01-01,2005-07-01,8,本科,优秀,称职,称职,,中层干部,",
  "A006,孙丽,女,1995-02-14,办公室,,一级科员,2022-12-01,2018-08-01,0,大专,称职,称职,称职,,一般干部职工,",
];
/** Elements that reach past the right edge of the viewport, to name what makes a page spill. */
function spilling(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type El = {
      getBoundingClientRect(): { right: number; width: number };
      tagName: string;
      className: string;
      textContent: string | null;
    };
    const doc = (
      globalThis as unknown as {
        document: {
          querySelectorAll(s: string): Iterable<El>;
          documentElement: { clientWidth: number };
        };
      }
    ).document;
    const width = doc.documentElement.clientWidth;
    return [...doc.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .map((el) => `${el.tagName}.${el.className} ${(el.textContent ?? "").slice(0, 30)}`);
  });
}

const csv = (rows: string[], header = HEADER) => `\uFEFF${[header, ...rows].join("\r\n")}\r\n`;

describe("the staff register screen", () => {
  it("is reached from the round list, starts empty, and hands out the csv template", async () => {
    await organizer.login("test-passphrase");
    await screenshot(organizer.page, "register-round-list-1920x1080");
    await register.openFromRoundList();
    expect(organizer.page.url()).toMatch(/#people$/);
    await organizer.page.getByText(zh("register.ui.empty")).waitFor();
    expect(await register.counts()).toContain(zh("register.ui.total", { n: 0 }));

    const path = await register.downloadTemplate("csv");
    expect(path).toMatch(/人员名册模板\.csv$/);
    const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
    const year = new Date().getFullYear();
    const reviews = [3, 2, 1].map((back) =>
      zh("register.col.review", { year: String(year - back) }),
    );
    const col = (k: Parameters<typeof zh>[0]) => zh(k);
    expect(text.split("\r\n")[0]?.split(",")).toEqual([
      col("register.col.staffNo"),
      col("register.col.name"),
      col("register.col.sex"),
      col("register.col.birthDate"),
      col("register.col.department"),
      col("register.col.currentPost"),
      col("register.col.grade"),
      col("register.col.gradeSince"),
      col("register.col.workStart"),
      col("register.col.grassrootsYears"),
      col("register.col.education"),
      ...reviews,
      col("register.col.penalties"),
      col("register.col.voterGroup"),
      col("register.col.relations"),
    ]);
    const xlsx = readFileSync(await register.downloadTemplate("xlsx"));
    // A workbook is a zip file: "PK".
    expect(xlsx.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("previews a file with problems line by line, offers no import and saves nothing", async () => {
    const bad = csv(
      [
        PEOPLE[0] ?? "",
        "A002,,女,1987-11-02,安全监管股,,一级科员,2019-12-01,2010-08-01,3,本科,称职,称职,称职,,一般干部职工,",
        "A003,王五,男,1979-02-30,局领导,副局长,二级调研员,2018-03-01,1999-07-01,10,大专,优秀,优秀,优秀,,局领导班子,",
        "A004,赵敏,女,1992-06-08,法规股,,二级科员,2020-12-01,2015-08-01,2,本科,称职,优秀,称职,,外聘人员,",
        "A001,钱七,女,1991-01-01,办公室,,科员,2019-12-01,2013-08-01,0,本科,称职,称职,称职,,一般干部职工,",
      ],
      `${HEADER},备注`,
    );
    await register.upload("名册-有问题.csv", bad);
    const errors = await register.errors();
    // Line 1 is the header: the empty name is on line 3, and so on.
    expect(errors.map((e) => e.split("：")[0])).toEqual([
      "第 3 行",
      "第 4 行",
      "第 5 行",
      "第 6 行",
    ]);
    expect(errors[0]).toBe(
      zh("register.issue", {
        at: zh("register.at.line", { line: 3 }),
        problem: zh("register.problem.required", { column: "姓名" }),
      }),
    );
    expect(errors[3]).toBe(
      zh("register.issue", {
        at: zh("register.at.line", { line: 6 }),
        problem: zh("register.problem.duplicateStaffNo", { value: "A001", firstLine: 2 }),
      }),
    );
    expect(await register.warnings()).toEqual([
      zh("register.issue", {
        at: zh("register.at.line", { line: 1 }),
        problem: zh("register.problem.unknownColumn", { column: "备注" }),
      }),
    ]);
    expect(await register.importButton().count()).toBe(0);
    await register
      .preview()
      .getByRole("button", { name: zh("register.ui.preview.again") })
      .waitFor();
    await screenshot(register.page, "register-preview-problems-1920x1080");
    expect(expectOk(await call(ws, "people:list", {})).people).toEqual([]);

    // The same preview on a phone: the sentences wrap, nothing runs off the side.
    const phone = new RegisterPage(await signedIn(PHONE));
    await phone.page.goto(`${t.url}/#people`);
    await phone.page.getByTestId("register-counts").waitFor();
    await phone.upload("名册-有问题.csv", bad);
    expect(await phone.errors()).toEqual(errors);
    expect(await scrollsSideways(phone.page)).toBe(false);
    expect(await buttonsOutsideViewport(phone.page)).toEqual([]);
    await screenshot(phone.page, "register-preview-problems-390x844");
  });

  it("refuses a file it cannot read, saying why", async () => {
    await register.upload("旧名册.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 1, 2]));
    await register
      .preview()
      .getByRole("alert")
      .filter({ hasText: zh("register.file.legacyXls") })
      .waitFor();
  });

  it("imports a good file, and the list shows the people with the counts per group", async () => {
    await register.upload("名册.csv", csv(PEOPLE));
    expect(await register.changes()).toBe(
      zh("register.ui.preview.changes", { added: 6, updated: 0, unchanged: 0 }),
    );
    await register.preview().getByText(zh("register.ui.preview.clean")).waitFor();
    await screenshot(register.page, "register-preview-good-1920x1080");
    expect(await register.confirmImport()).toBe(
      zh("register.ui.imported", { created: 6, updated: 0, unchanged: 0 }),
    );
    expect(await register.staffNumbers()).toEqual(["A001", "A002", "A003", "A004", "A005", "A006"]);
    const counts = await register.counts();
    for (const text of [
      zh("register.ui.total", { n: 6 }),
      zh("register.ui.groupCount", { group: "局领导班子", n: 1 }),
      zh("register.ui.groupCount", { group: "中层干部", n: 2 }),
      zh("register.ui.groupCount", { group: "一般干部职工", n: 3 }),
    ]) {
      expect(counts).toContain(text);
    }
    const row = register.page.getByTestId("person-row").filter({ hasText: "李四" });
    expect((await row.getByRole("cell").allTextContents()).slice(0, 8)).toEqual([
      "A002",
      "李四",
      "女",
      "安全监管股",
      "—",
      "一级科员",
      "硕士研究生",
      "一般干部职工",
    ]);
    await register.search("a00");
    expect(await register.staffNumbers()).toHaveLength(6);
    await register.search("孙");
    expect(await register.staffNumbers()).toEqual(["A006"]);
    await register.search("");
    await screenshot(register.page, "register-list-1920x1080");
  });

  it("on a phone lists the people as cards that fit the screen", async () => {
    for (const viewport of [PHONE, { width: 360, height: 740 }]) {
      const phone = new RegisterPage(await signedIn(viewport));
      const size = `${viewport.width}x${viewport.height}`;
      // The round list's buttons, the register's among them, fit too.
      await phone.page.goto(`${t.url}/`);
      await phone.page.getByTestId("load-demo").waitFor();
      await screenshot(phone.page, `register-round-list-${size}`);
      expect(await spilling(phone.page)).toEqual([]);
      await phone.openFromRoundList();
      await phone.page.getByTestId("person-card").first().waitFor();
      expect(await phone.staffNumbers()).toEqual(["A001", "A002", "A003", "A004", "A005", "A006"]);
      expect(await phone.page.getByTestId("person-row").first().isVisible()).toBe(false);
      await screenshot(phone.page, `register-list-${size}`);
      expect(await spilling(phone.page)).toEqual([]);
      expect(await scrollsSideways(phone.page)).toBe(false);
      expect(await buttonsOutsideViewport(phone.page)).toEqual([]);

      // English, the second language, with its longer words, fits as well.
      await phone.page.getByRole("button", { name: zh("lang.switch") }).click();
      await phone.page.getByRole("heading", { level: 1, name: "Staff register" }).waitFor();
      await screenshot(phone.page, `register-list-en-${size}`);
      expect(await spilling(phone.page)).toEqual([]);
      await phone.page.getByRole("button", { name: "中文" }).click();
    }
  });

  it("changes nothing when the same file is imported again; a changed row updates that person", async () => {
    await register.upload("名册.csv", csv(PEOPLE));
    expect(await register.changes()).toBe(
      zh("register.ui.preview.changes", { added: 0, updated: 0, unchanged: 6 }),
    );
    expect(await register.confirmImport()).toBe(
      zh("register.ui.imported", { created: 0, updated: 0, unchanged: 6 }),
    );

    // 李四 renamed, 孙丽 left out of the file: she stays, and the preview says so.
    const changed = [...PEOPLE.slice(0, 5)].map((r) => r.replace("李四", "李思"));
    await register.upload("名册-改.csv", csv(changed));
    expect(await register.changes()).toBe(
      zh("register.ui.preview.changes", { added: 0, updated: 1, unchanged: 4 }),
    );
    await register
      .preview()
      .getByText(zh("register.ui.preview.absent", { n: 1 }))
      .waitFor();
    expect(await register.confirmImport()).toBe(
      zh("register.ui.imported", { created: 0, updated: 1, unchanged: 4 }),
    );
    await register.page.getByTestId("person-row").filter({ hasText: "李思" }).waitFor();
    expect(await register.staffNumbers()).toHaveLength(6);
  });

  it("adds a person by hand, marking what is missing first, and edits them", async () => {
    await register.openAddForm();
    await register.fill({ staffNo: "B100" });
    const refused = await register.save();
    expect(refused).toEqual({ refused: zh("register.ui.form.fix", { n: 7 }) });
    expect(await register.fieldError("register.col.name")).toBe(zh("register.ui.invalid.required"));
    expect(await register.fieldError("register.col.birthDate")).toBe(
      zh("register.ui.invalid.required"),
    );
    await screenshot(register.page, "register-form-problems-1920x1080");

    const lastYear = String(new Date().getFullYear() - 1);
    await register.fill({
      name: "孙八",
      sex: "男",
      birthDate: "1982-05-20",
      department: "法规股",
      currentPost: "股长",
      grade: "三级主任科员",
      workStart: "2004-07-01",
      grassrootsYears: "6",
      education: "本科",
      voterGroup: "中层干部",
      reviews: { [lastYear]: "优秀" },
      penalties: [{ kind: "警告", from: "2021-03-01" }],
    });
    await screenshot(register.page, "register-form-1920x1080");
    expect(await register.save()).toEqual({
      saved: zh("register.ui.saved.created", { name: "孙八" }),
    });
    expect(await register.staffNumbers()).toContain("B100");
    const saved = expectOk(await call(ws, "people:list", {})).people.find(
      (p) => p.staffNo === "B100",
    );
    expect(saved).toMatchObject({
      name: "孙八",
      sex: "male",
      birthDate: "1982-05-20",
      gradeSince: null,
      grassrootsYears: 6,
      education: "bachelor",
      reviewGrades: { [lastYear]: "excellent" },
      penalties: [{ kind: "warning", from: "2021-03-01" }],
      voterGroup: "middle",
    });

    await register.edit("孙八");
    await register.fill({ currentPost: "副股长" });
    expect(await register.save()).toEqual({
      saved: zh("register.ui.saved.updated", { name: "孙八" }),
    });
    await register.page.getByTestId("person-row").filter({ hasText: "副股长" }).waitFor();

    // Adding someone under a staff number already taken would overwrite them: refused.
    await register.openAddForm();
    await register.fill({ staffNo: "A001" });
    await register.save();
    expect(await register.fieldError("register.col.staffNo")).toBe(
      zh("register.ui.invalid.staffNoTaken", { staffNo: "A001", name: "张三" }),
    );
    await register
      .form()
      .getByRole("button", { name: zh("register.ui.form.cancel") })
      .click();
  });

  it("shows the form on a phone in one column", async () => {
    const phone = new RegisterPage(await signedIn(PHONE));
    await phone.page.goto(`${t.url}/#people`);
    await phone.page.getByTestId("person-card").first().waitFor();
    await phone.edit("李思");
    await phone
      .form()
      .getByRole("button", { name: zh("register.ui.form.addYear") })
      .click();
    const year = String(new Date().getFullYear() - 4);
    expect(await phone.form().getByLabel(zh("register.ui.form.year")).inputValue()).toBe(year);
    expect(await spilling(phone.page)).toEqual([]);
    expect(await scrollsSideways(phone.page)).toBe(false);
    expect(await buttonsOutsideViewport(phone.page)).toEqual([]);
    await screenshot(phone.page, "register-form-390x844");
    // The form alone, at the phone's own scale, for a closer look.
    await phone.form().screenshot({
      path: join(ARTIFACTS, "screenshots", "register-form-only-390x844.png"),
      animations: "disabled",
    });
  });

  it("is a tab of a draft's workspace", async () => {
    const { roundId } = expectOk(
      await call(ws, "round:create", { title: "名册标签页", requestId: "register-tab-0001" }),
    );
    // Made behind the page's back: a reload lists it.
    await organizer.page.goto(`${t.url}/#round=${roundId}`);
    await organizer.page.reload();
    await organizer.page.getByRole("tab", { name: zh("register.ui.title") }).click();
    await organizer.page.getByTestId("person-row").first().waitFor();
    expect(await register.staffNumbers()).toHaveLength(7);
    await screenshot(organizer.page, "register-draft-tab-1920x1080");
  });

  it("prefills the cards panel with the register's counts per group", async () => {
    await organizer.page.goto(`${t.url}/`);
    await organizer.loadDemo();
    const page = organizer.page;
    await page.getByTestId("cards-prefill").waitFor();
    expect(await page.getByTestId("cards-prefill").textContent()).toBe(zh("register.ui.prefill"));
    // 王五; 张三, 钱磊 and 孙八; 李思, 赵敏 and 孙丽.
    expect(await page.getByTestId("issue-count-leaders").inputValue()).toBe("1");
    expect(await page.getByTestId("issue-count-middle").inputValue()).toBe("3");
    expect(await page.getByTestId("issue-count-staff").inputValue()).toBe("3");
    await screenshot(page, "register-cards-prefill-1920x1080");

    // Issued: what is left to issue per group is nothing, so the form is empty again.
    await page.getByTestId("issue-cards").click();
    await page.getByTestId("card-counts").waitFor();
    expect(await organizer.activeCards()).toBe(7);
    await page.getByTestId("cards-prefill").waitFor({ state: "detached" });
    expect(await page.getByTestId("issue-count-staff").inputValue()).toBe("");
  });
});
