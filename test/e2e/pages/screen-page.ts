import type { Page } from "playwright-core";

const VIEWS = ["idle", "welcome", "speaker", "result", "ranking", "evaluation", "locked"];

/** The projector in the hall: read-only, follows the session. */
export class ScreenPage {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.locator("section").first().waitFor();
  }

  /** Which view is up: welcome, speaker, result, ranking, evaluation, locked. */
  async waitForView(
    view: "welcome" | "speaker" | "result" | "ranking" | "evaluation" | "locked",
  ): Promise<void> {
    await this.page.locator(`section.${view}`).first().waitFor();
  }

  /**
   * Waits until this view is up with this heading (a candidate's name, the round's title,
   * a view's title), and no other view is.
   */
  async waitForShown(
    view: "welcome" | "speaker" | "result" | "ranking" | "evaluation" | "locked",
    heading: string,
  ): Promise<void> {
    await this.page
      .locator(`section.${view}`)
      .getByRole("heading", { name: heading, exact: true })
      .first()
      .waitFor();
  }

  /** How many main views are up at once (exactly one when the projector is settled). */
  async viewCount(): Promise<number> {
    return this.page.locator(VIEWS.map((v) => `section.${v}`).join(", ")).count();
  }

  /** Waits for the progress "已评 N / M" to show n ballots. */
  async waitForProgress(n: number, m: number): Promise<void> {
    await this.page
      .locator(".progress [role=progressbar]")
      .and(this.page.locator(`[aria-valuenow="${n}"][aria-valuemax="${m}"]`))
      .waitFor();
  }

  async shownScore(): Promise<string> {
    return (
      (await this.page.locator("section.result .score .value").first().textContent())?.trim() ?? ""
    );
  }

  async digest(): Promise<string> {
    return ((await this.page.locator("section.locked .hex").textContent()) ?? "").replace(
      /\s+/g,
      "",
    );
  }

  /** Any text that looks like a score (e.g. 81.93) in the visible page. */
  async visibleText(): Promise<string> {
    return this.page
      .locator("body")
      .textContent()
      .then((t) => t ?? "");
  }

  /** A post's ranking as the hall reads it: each name with its tags (并列, 考察对象, 另岗考察). */
  async rankingTags(postTitle: string): Promise<{ name: string; tags: string[] }[]> {
    const post = this.page
      .locator("section.ranking article")
      .filter({ has: this.page.getByRole("heading", { name: postTitle, exact: true }) });
    const rows = post.locator("li");
    const out: { name: string; tags: string[] }[] = [];
    for (const row of await rows.all()) {
      const name = ((await row.locator(".name").textContent()) ?? "").trim();
      const tags = (await row.locator(".tag").allTextContents()).map((x) => x.trim());
      out.push({ name, tags });
    }
    return out;
  }

  /** Waits until a post's row for `name` carries the tag `tag`. */
  async waitForTag(postTitle: string, name: string, tag: string): Promise<void> {
    await this.page
      .locator("section.ranking article")
      .filter({ has: this.page.getByRole("heading", { name: postTitle, exact: true }) })
      .locator("li")
      .filter({ hasText: name })
      .locator(".tag", { hasText: tag })
      .waitFor();
  }
}
