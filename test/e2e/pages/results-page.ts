import type { Page } from "playwright-core";
import { zh } from "./i18n.ts";

/** One line of a post's ranking on the score summary, as printed. */
export interface ResultsRow {
  place: number;
  tied: boolean;
  name: string;
  composite: string;
  speech: string;
  /** Empty when the round has no democratic evaluation. */
  evaluation: string;
  /** What the 考察对象 column says: 是, 是(并列决定), 待主持人决定, or nothing. */
  target: string;
}

/** The score summary (/results, 评分汇总表): read from the locked export, printed and signed. */
export class ResultsPage {
  constructor(readonly page: Page) {}

  /** Opens the sheet of a round; the browser must hold an organizer, chair or observer token. */
  async open(baseUrl: string, roundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/results#round=${roundId}`);
    await this.page
      .getByTestId("results-sheet")
      .or(this.page.getByTestId("not-locked"))
      .or(this.page.getByRole("alert"))
      .first()
      .waitFor();
  }

  /** Presses 刷新 on the "not locked yet" notice, as the organizer does after the lock. */
  async refresh(): Promise<void> {
    await this.page.getByRole("button", { name: zh("results.reload") }).click();
    await this.page.getByTestId("results-sheet").waitFor();
  }

  /** The method box's note on voter groups too small for a secret ballot ("" when none). */
  async smallGroupNote(): Promise<string> {
    const note = this.page.getByTestId("method").getByTestId("small-groups");
    return (await note.count()) === 0 ? "" : ((await note.textContent()) ?? "").trim();
  }

  /** True when the page says the sheet comes only after the lock. */
  async showsNotLocked(): Promise<boolean> {
    return this.page.getByText(zh("results.notLocked")).isVisible();
  }

  async rankingRows(postTitle: string): Promise<ResultsRow[]> {
    const rows = this.page
      .locator(`[data-testid=post-section][data-post="${postTitle}"]`)
      .getByTestId("ranking-row");
    const column = (selector: string) => rows.locator(selector).allTextContents();
    const [places, names, composites, speeches, evaluations, targets] = await Promise.all(
      [
        "[data-col=place]",
        "[data-col=candidate] .name",
        "[data-col=composite]",
        "[data-col=speech]",
        "[data-col=evaluation]",
        "[data-col=target]",
      ].map(column),
    );
    return (places ?? []).map((place, i) => ({
      place: Number(place.match(/\d+/)?.[0]),
      tied: place.includes(zh("results.tied")),
      name: names?.[i]?.trim() ?? "",
      composite: composites?.[i]?.trim() ?? "",
      speech: speeches?.[i]?.trim() ?? "",
      evaluation: evaluations?.[i]?.trim() ?? "",
      target: targets?.[i]?.trim() ?? "",
    }));
  }

  /** The section of candidates marked 弃权 or 缺席: name, mark and time per row. */
  async markedRows(): Promise<{ name: string; mark: string; at: string }[]> {
    const rows = this.page.getByTestId("marked-candidates").getByTestId("marked-row");
    const [names, marks, ats] = await Promise.all(
      [".name", "[data-col=mark]", "[data-col=at]"].map((s) => rows.locator(s).allTextContents()),
    );
    return (names ?? []).map((name, i) => ({
      name: name.trim(),
      mark: marks?.[i]?.trim() ?? "",
      at: ats?.[i]?.trim() ?? "",
    }));
  }

  /** The line under a post's table naming its applicants who were not ranked ("" when none). */
  async unrankedNote(postTitle: string): Promise<string> {
    const note = this.page
      .locator(`[data-testid=post-section][data-post="${postTitle}"]`)
      .getByTestId("post-unranked");
    return (await note.count()) === 0 ? "" : ((await note.textContent()) ?? "").trim();
  }

  /** The digest as the sheet prints it, without the spaces between groups of eight. */
  async digest(): Promise<string> {
    return (await this.page.getByTestId("digest").getAttribute("data-digest")) ?? "";
  }

  /** The sheet as window.print() lays it out: the page's own @page size (A4) and margins. */
  async printToPdf(path: string): Promise<Buffer> {
    await this.page.emulateMedia({ media: "print" });
    try {
      return await this.page.pdf({ path, format: "A4", preferCSSPageSize: true });
    } finally {
      await this.page.emulateMedia({ media: "screen" });
    }
  }
}
