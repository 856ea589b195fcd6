import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortChecksum } from "../../shared/config-checksum.ts";
import { RoundFile } from "../../shared/round-file.ts";
import { CLIENT_DIR, launchBrowser, PHONE, PROJECTOR, screenshot } from "../utils/browser.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, startTestApp, type TestApp } from "../utils/test-app.ts";
import { ChairPage } from "./pages/chair-page.ts";
import { zh } from "./pages/i18n.ts";
import { buttonsOutsideViewport, scrollsSideways } from "./pages/layout.ts";
import { OrganizerPage } from "./pages/organizer-page.ts";
import { ScreenPage } from "./pages/screen-page.ts";

let browser: Browser;
let t: TestApp;
let ws: ClientSocket;
let organizer: OrganizerPage;
const contexts: BrowserContext[] = [];
const files = mkdtempSync(join(tmpdir(), "jingpin-round-files-"));

/** A round file on disk, as the organizer picks it. */
function roundFile(name: string, file: object): string {
  const path = join(files, `${name}.json`);
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}

const first = { ...DEMO_ROUND, title: "第三轮科级干部竞争上岗（初稿）" };
const corrected = { ...DEMO_ROUND, title: "第三轮科级干部竞争上岗" };
let formalId: string;

async function open(viewport = PROJECTOR) {
  const c = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(c);
  return c.newPage();
}

const summary = async (roundId: string) =>
  expectOk(await call(ws, "round:list", {})).find((r) => r.id === roundId);

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
  ws = await t.client(t.organizerToken);
  organizer = new OrganizerPage(await open(), t.url);
  await organizer.login("test-passphrase");
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

describe("a round from its file to the session", () => {
  it("an imported file is a draft: no cards, links or lock until it starts", async () => {
    formalId = await organizer.importFile(roundFile("first", first));
    expect(await organizer.stage()).toBe(zh("status.draft"));
    expect(await organizer.page.getByTestId("draft-notice").textContent()).toBe(
      zh("org.draft.notice"),
    );
    for (const panel of ["issue-cards", "create-link-chair", "lock-round", "open-chair"]) {
      expect(await organizer.page.getByTestId(panel).count(), panel).toBe(0);
    }
    expect(await summary(formalId)).toMatchObject({ status: "draft", kind: "formal" });
    await organizer.toList();
    await expect
      .poll(() => organizer.roundRow(first.title).getByTestId("round-stage").textContent())
      .toBe(zh("status.draft"));
    await organizer.roundRow(first.title).getByRole("button", { name: first.title }).click();
    await organizer.page.getByTestId("draft-notice").waitFor();
  });

  it("a corrected file re-imported replaces the draft", async () => {
    await organizer.reimport(roundFile("corrected", corrected), corrected.title);
    expect(organizer.roundId()).toBe(formalId);
    expect(await summary(formalId)).toMatchObject({ title: corrected.title, status: "draft" });
  });

  it("the draft's file downloads as it was imported, named after the round", async () => {
    const path = await organizer.downloadRoundFile();
    expect(path.endsWith(`${corrected.title}.json`)).toBe(true);
    // As the server read it: the file with the defaults it left out filled in.
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(RoundFile.parse(corrected));
  });

  it("starting asks first, then the round is in session with its rules' checksum", async () => {
    const question = await organizer.startDraft();
    expect(question).toBe(zh("org.draft.startBody"));
    expect(await organizer.stage()).toBe(zh("status.session"));
    const sha = (await summary(formalId))?.configSha256 ?? "";
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const shown = await organizer.rulesChecksum();
    expect(shown.text).toBe(zh("rules.fixed", { checksum: shortChecksum(sha) }));
    expect(shown.title).toContain(sha);
    await screenshot(organizer.page, "round-started-1920x1080");
  });

  it("the chair console and the projector's welcome show the same checksum", async () => {
    const expected = (await organizer.rulesChecksum()).text;
    const chair = new ChairPage(await open());
    await chair.open(await organizer.chairLink());
    expect(await chair.rulesChecksum()).toBe(expected);

    const { projectorToken } = expectOk(await call(ws, "server:info", {}));
    const screen = new ScreenPage(await open());
    await screen.open(`${t.url}/screen#k=${projectorToken}`);
    await screen.waitForShown("welcome", corrected.title);
    expect(await screen.rulesChecksum()).toBe(expected);
    expect(await screen.legibilityProblems()).toEqual([]);
  });

  it("a formal round in session cannot be deleted: no button, and the server refuses", async () => {
    await organizer.toList();
    const row = organizer.roundRow(corrected.title);
    await row
      .getByTestId("round-stage")
      .filter({ hasText: zh("status.session") })
      .waitFor();
    expect(await row.getByRole("button", { name: zh("org.round.delete") }).count()).toBe(0);
    expect(await call(ws, "round:delete", { roundId: formalId })).toEqual({
      ok: false,
      error: "round_not_deletable",
    });
  });
});

describe("rehearsal rounds, archiving", () => {
  it("a rehearsal draft is marked 演练 and deleted from the list", async () => {
    const title = "演练用方案";
    await organizer.importFile(roundFile("rehearsal", { ...DEMO_ROUND, title }), {
      rehearsal: true,
    });
    expect(await organizer.page.getByTestId("round-rehearsal").textContent()).toBe(
      zh("round.rehearsal"),
    );
    await organizer.toList();
    await organizer.deleteRound(title, "list");
    const titles = expectOk(await call(ws, "round:list", {})).map((r) => r.title);
    expect(titles).not.toContain(title);
  });

  it("a rehearsal started while another round is live asks about the projector, and is deleted from its page", async () => {
    expectOk(await call(ws, "session:goto", { roundId: formalId, candidateId: "C1" }));
    const title = "会前彩排";
    const id = await organizer.importFile(roundFile("rehearsal-2", { ...DEMO_ROUND, title }), {
      rehearsal: true,
    });
    await organizer.startDraft();
    expect(await summary(id)).toMatchObject({ status: "session", active: false });
    expect(await summary(formalId)).toMatchObject({ active: true });
    await organizer.deleteRound(title, "page");
    await organizer.page.getByTestId("load-demo").waitFor();
    expect(await summary(id)).toBeUndefined();
  });

  it("a locked round is archived: hidden from the list, shown under 显示已归档", async () => {
    expectOk(await call(ws, "round:lock", { roundId: formalId }));
    await organizer.page.reload();
    const row = organizer.roundRow(corrected.title);
    await row
      .getByTestId("round-stage")
      .filter({ hasText: zh("status.locked") })
      .waitFor();
    await row.getByRole("button", { name: zh("org.round.archive") }).click();
    await organizer.page.getByRole("dialog").getByTestId("confirm-ok").click();
    await row.waitFor({ state: "detached" });
    await organizer.page.getByLabel(zh("org.rounds.showArchived")).check();
    await organizer.page.getByText(zh("org.rounds.archivedTitle")).waitFor();
    await organizer.roundRow(corrected.title).getByText(zh("status.archived")).waitFor();
  });

  it("the round list fits a phone: every button on screen, no sideways scrolling", async () => {
    await organizer.page.setViewportSize(PHONE);
    await organizer.importFile(roundFile("phone", { ...DEMO_ROUND, title: "手机上看的草稿" }));
    await organizer.toList();
    await screenshot(organizer.page, "round-list-390x844");
    expect(await buttonsOutsideViewport(organizer.page)).toEqual([]);
    expect(await scrollsSideways(organizer.page)).toBe(false);
    await organizer.page.setViewportSize(PROJECTOR);
  });
});
