import type { Download, Locator, Page } from "playwright-core";
import { zh } from "./i18n.ts";

/** The organizer's 抽签与答辩题 tab of a draft: the speaking order's draw and the question banks. */
export class DrawsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens the draft (the organizer signed in already) and its draws tab. */
  async open(roundId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#round=${roundId}`);
    await this.page.getByRole("tab", { name: zh("draw.tab") }).click();
    await this.order()
      .getByRole("heading", { name: zh("draw.order.title") })
      .waitFor();
  }

  /** The speaking order's panel. */
  order(): Locator {
    return this.page.getByRole("region", { name: zh("draw.order.title"), exact: true });
  }

  /** One post's question bank, by the post's title. */
  bank(postTitle: string): Locator {
    return this.page.getByRole("region", { name: postTitle, exact: true });
  }

  /** Names the witnesses and publishes the pool in `area` (the order, or a bank). */
  async publish(area: Locator, witnesses: string[]): Promise<void> {
    for (let i = 2; i < witnesses.length; i++) {
      await area.getByRole("button", { name: `+ ${zh("draw.witness.add")}` }).click();
    }
    for (const [i, name] of witnesses.entries()) {
      await area.getByLabel(zh("draw.witness", { n: i + 1 }), { exact: true }).fill(name);
    }
    await area.getByRole("button", { name: zh("draw.publish") }).click();
    await area.getByRole("button", { name: zh("draw.compute") }).waitFor();
  }

  /** Where "在大屏显示" opens the draw on the projector. */
  async screenLink(area: Locator): Promise<string> {
    const link = area.getByRole("link", { name: `${zh("draw.onScreen")} ↗` });
    return (await link.getAttribute("href")) ?? "";
  }

  /** The published pool's SHA-256 as the page shows it. */
  async poolDigest(area: Locator): Promise<string> {
    return ((await area.getByTestId("pool-digest").textContent()) ?? "").trim();
  }

  /** Types each witness's numbers; resolves with the "共 N 位…" line. */
  async enterNumbers(area: Locator, numbers: Record<string, string>): Promise<string> {
    for (const [name, typed] of Object.entries(numbers)) {
      await area.getByLabel(zh("draw.numbersOf", { name })).fill(typed);
    }
    return ((await area.getByRole("status").textContent()) ?? "").trim();
  }

  /** Whether the compute button may be pressed (enough digits, one set per witness). */
  canCompute(area: Locator): Promise<boolean> {
    return area.getByRole("button", { name: zh("draw.compute") }).isEnabled();
  }

  /** Computes the draw; resolves with the result as listed (labels, in order). */
  async compute(area: Locator): Promise<string[]> {
    await area.getByRole("button", { name: zh("draw.compute") }).click();
    const result = area.getByTestId("draw-result");
    await result.waitFor();
    return (await result.getByRole("listitem").allTextContents()).map((s) =>
      s.replace(/^\d+/, "").trim(),
    );
  }

  /** "下载抽签记录": the file as the browser saves it. */
  async download(area: Locator): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      area.getByRole("button", { name: zh("draw.download") }).click(),
    ]);
    return download;
  }

  /** Opens the A4 verification sheet. */
  async openSheet(area: Locator): Promise<Locator> {
    await area.getByRole("button", { name: zh("draw.print") }).click();
    const sheet = this.page.getByTestId("draw-sheet");
    await sheet.waitFor();
    return sheet;
  }

  async closeSheet(): Promise<void> {
    await this.page.getByRole("button", { name: `← ${zh("draw.sheet.back")}` }).click();
    await this.order().waitFor();
  }

  /** The order in force, as names. */
  async orderNow(): Promise<string[]> {
    return this.order().getByTestId("order-now").getByRole("listitem").allTextContents();
  }

  /** Who writes the questions (the page has no personal accounts). */
  async setAuthor(name: string): Promise<void> {
    await this.page.getByLabel(zh("draw.q.by")).fill(name);
  }

  async addQuestion(postTitle: string, text: string): Promise<void> {
    const bank = this.bank(postTitle);
    await bank.getByLabel(zh("draw.q.newLabel", { post: postTitle })).fill(text);
    await bank.getByRole("button", { name: `+ ${zh("draw.q.add")}` }).click();
    await bank.getByText(text, { exact: true }).waitFor();
  }

  /** Seals a bank to draw `count`, confirming. */
  async seal(postTitle: string, count: number): Promise<string> {
    const bank = this.bank(postTitle);
    await bank.getByLabel(zh("draw.q.count")).selectOption(String(count));
    await bank.getByRole("button", { name: zh("draw.q.seal") }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByRole("button", { name: zh("draw.q.seal") }).click();
    const digest = bank.getByTestId(/^bank-digest-/);
    await digest.waitFor();
    return ((await digest.textContent()) ?? "").trim();
  }

  /** The drawn questions' words, in the order drawn. */
  async drawnQuestions(postTitle: string): Promise<string[]> {
    const list = this.bank(postTitle).getByTestId(/^drawn-/);
    await list.waitFor();
    return (await list.getByRole("listitem").allTextContents()).map((s) =>
      s.replace(/^Q\d+/, "").trim(),
    );
  }
}
