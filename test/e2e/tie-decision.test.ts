import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIR, launchBrowser, PHONE, PROJECTOR, screenshot } from "../utils/browser.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, seedRound, startTestApp, type TestApp } from "../utils/test-app.ts";
import { ChairPage } from "./pages/chair-page.ts";
import { zh } from "./pages/i18n.ts";
import { ResultsPage } from "./pages/results-page.ts";
import { ScreenPage } from "./pages/screen-page.ts";

let browser: Browser;
let t: TestApp;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startTestApp({ clientDir: CLIENT_DIR });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

/**
 * 张伟 and 李娜 tie for 办公室主任's one place; 张伟 applied to 政策法规科科长 as well, where
 * he is first. The chair's decision for 李娜 sends 张伟 on: he is inspected for the other post
 * (另岗考察 on 办公室主任's list), and 王强 is not inspected any more.
 */
const P1 = "办公室主任";
const P2 = "政策法规科科长";
const tieRound = {
  ...DEMO_ROUND,
  title: "第二轮中层干部竞争上岗（并列决定）",
  positions: [
    { id: "P1", title: P1, seats: 1 },
    { id: "P2", title: P2, seats: 1 },
  ],
  candidates: [
    { id: "X", name: "张伟", applications: ["P1", "P2"] },
    { id: "Z", name: "李娜", applications: ["P1"] },
    { id: "V", name: "赵敏", applications: ["P1"] },
    { id: "W", name: "王强", applications: ["P2"] },
    { id: "U", name: "陈刚", applications: ["P2"] },
  ],
  speakingOrder: ["X", "Z", "V", "W", "U"],
  method: { ...DEMO_ROUND.method, speechWeight: 1, evaluationWeight: 0, inspectionRatio: 1 },
};
const TOTALS: Record<string, number> = { X: 80, Z: 80, V: 75, W: 70, U: 65 };
const REASON = "李娜任现职时间更长，经局党组研究决定";

async function context(viewport: { width: number; height: number }) {
  const c = await browser.newContext({ viewport });
  contexts.push(c);
  return c;
}

async function both(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PROJECTOR);
  await screenshot(page, `${name}-1920x1080`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-390x844`);
  await page.setViewportSize(PROJECTOR);
}

describe("a tie decision in the count", () => {
  it("the chair decides, the projector, the results sheet and Excel show the settled targets", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 3 }, tieRound);
    const phones = await Promise.all(cards.map((c) => t.client(c.token)));
    for (const id of tieRound.speakingOrder) {
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId: id }));
      const total = TOTALS[id] ?? 0;
      const scores = { knowledge: 30, skills: 30, quality: total - 60 };
      for (const [i, phone] of phones.entries()) {
        const nonce = `tie-${id}-card-${i}`;
        expectOk(await call(phone, "ballot:submit", { candidateId: id, scores, nonce, seq: 1 }));
      }
      expectOk(await call(organizer, "scoring:close", { roundId, candidateId: id }));
      expectOk(await call(organizer, "result:reveal", { roundId, candidateId: id }));
    }
    expectOk(await call(organizer, "round:activate", { roundId }));
    expectOk(await call(organizer, "screen:show", { roundId, view: "ranking" }));

    const { projectorToken } = expectOk(await call(organizer, "server:info", {}));
    const screen = new ScreenPage(await (await context(PROJECTOR)).newPage());
    await screen.open(`${t.url}/screen#k=${projectorToken}`);
    await screen.waitForView("ranking");
    const tie = zh("screen.ranking.tie");
    const target = zh("screen.ranking.target");
    expect(await screen.rankingTags(P1)).toEqual([
      { name: "张伟", tags: [tie, target] },
      { name: "李娜", tags: [tie, target] },
      { name: "赵敏", tags: [] },
    ]);

    const { token } = expectOk(await call(organizer, "link:create", { roundId, role: "chair" }));
    const chair = new ChairPage(await (await context(PROJECTOR)).newPage());
    await chair.open(`${t.url}/chair#k=${token}`);
    await chair.tieForm(P1).waitFor();
    await both(chair.page, "chair-tie-open");
    await chair.decideTie(["李娜"], REASON, P1);
    // The panel says where the one left out went on to, from the settled ranking.
    const wentOn = zh("chair.tie.elsewhere", { name: "张伟", post: P2 });
    await chair.tieForm(P1).getByText(wentOn, { exact: false }).waitFor();
    await both(chair.page, "chair-tie-decided");

    // The projector follows without a reload: 张伟 is inspected for the other post.
    const elsewhere = zh("screen.ranking.elsewhere");
    await screen.waitForTag(P1, "张伟", elsewhere);
    expect(await screen.rankingTags(P1)).toEqual([
      { name: "张伟", tags: [tie, elsewhere] },
      { name: "李娜", tags: [tie, target] },
      { name: "赵敏", tags: [] },
    ]);
    expect(await screen.rankingTags(P2)).toEqual([
      { name: "张伟", tags: [target] },
      { name: "王强", tags: [] },
      { name: "陈刚", tags: [] },
    ]);
    await both(screen.page, "projector-ranking-decided");

    expectOk(await call(organizer, "round:lock", { roundId }, 30_000));
    const sheetContext = await context(PROJECTOR);
    await sheetContext.addInitScript(
      ([key, value]) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem(key, value),
      ["jingpin.organizer", t.organizerToken] as const,
    );
    const sheet = new ResultsPage(await sheetContext.newPage());
    await sheet.open(t.url, roundId);
    const marks = async (post: string) =>
      (await sheet.rankingRows(post)).map((r) => [r.name, r.target]);
    expect(await marks(P1)).toEqual([
      ["张伟", zh("results.mark.elsewhere")],
      ["李娜", zh("results.mark.chosen")],
      ["赵敏", ""],
    ]);
    expect(await marks(P2)).toEqual([
      ["张伟", zh("results.mark.target")],
      ["王强", ""],
      ["陈刚", ""],
    ]);
    await expect(sheet.page.getByTestId("edge-tie").textContent()).resolves.toContain(REASON);
    await both(sheet.page, "results-sheet-decided");

    // The Excel file, read back: the same marks in the 考察对象 column.
    const res = await fetch(`${t.url}/api/rounds/${roundId}/export.xlsx`, {
      headers: { authorization: `Bearer ${t.organizerToken}` },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const column = (name: string) => {
      const ws = wb.getWorksheet(name);
      return [4, 5, 6].map((r) => [
        String(ws?.getRow(r).getCell(2).value ?? ""),
        String(ws?.getRow(r).getCell(9).value ?? ""),
      ]);
    };
    expect(column(`汇总-${P1}`)).toEqual([
      ["张伟", "另岗考察"],
      ["李娜", "是（并列决定）"],
      ["赵敏", ""],
    ]);
    expect(column(`汇总-${P2}`)).toEqual([
      ["张伟", "是"],
      ["王强", ""],
      ["陈刚", ""],
    ]);
    const decisions = wb.getWorksheet("并列决定");
    expect(decisions?.getRow(4).values).toEqual(
      expect.arrayContaining([P1, "张伟、李娜", "李娜", REASON]),
    );

    // A look at the workbook as read back, one table per sheet.
    const excel = await (await context(PROJECTOR)).newPage();
    await excel.setContent(workbookHtml(wb));
    await both(excel, "excel-read-back");
  });
});

/** The first sheets of a workbook as plain HTML tables, for a screenshot. */
function workbookHtml(wb: ExcelJS.Workbook): string {
  const html = (v: unknown) =>
    String(v ?? "").replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c] ?? c);
  const tables = wb.worksheets
    .filter((ws) => ws.name.startsWith("汇总") || ws.name === "并列决定")
    .map((ws) => {
      const rows: string[] = [];
      ws.eachRow((row) => {
        // row.values is sparse (an empty cell is a hole): read it column by column.
        const values = row.values as unknown[];
        const cells = Array.from({ length: ws.columnCount }, (_, i) => values[i + 1]).map(
          (v) => `<td>${html(v)}</td>`,
        );
        rows.push(`<tr>${cells.join("")}</tr>`);
      });
      return `<h2>${html(ws.name)}</h2><table>${rows.join("")}</table>`;
    });
  return `<html><body style="font-family:sans-serif;padding:16px"><style>td{border:1px solid #ccc;padding:4px 8px}table{border-collapse:collapse;margin-bottom:16px}</style>${tables.join("")}</body></html>`;
}
