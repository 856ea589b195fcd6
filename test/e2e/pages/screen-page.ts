import type { Page } from "playwright-core";

const VIEWS = ["idle", "welcome", "speaker", "result", "ranking", "evaluation", "locked"];

/**
 * Runs in the page (as a string: the tests' tsconfig has no DOM types). Lists every piece of
 * text in the projector that a person at the back of the hall could not read: type under
 * 28 px, or text below the footer's top edge or outside the window. Clipping by the view
 * itself does not count as fitting: only an element's own line clamp or ellipsis does.
 */
const LEGIBILITY_PROBLEMS = `(() => {
  const footer = document.querySelector("footer");
  const view = document.querySelector("main.view");
  const limit = footer.getBoundingClientRect().top;
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest("svg")) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    let { left, top, right, bottom } = range.getBoundingClientRect();
    for (let a = el; a && a !== view && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflow === "visible") continue;
      const clip = a.getBoundingClientRect();
      left = Math.max(left, clip.left); top = Math.max(top, clip.top);
      right = Math.min(right, clip.right); bottom = Math.min(bottom, clip.bottom);
    }
    if (right <= left || bottom <= top) continue;
    const size = parseFloat(style.fontSize);
    if (size < 28) problems.push(text + ": " + size + "px");
    const floor = footer.contains(el) ? innerHeight : limit;
    if (left < -0.5 || top < -0.5 || right > innerWidth + 0.5 || bottom > floor + 0.5)
      problems.push(text + ": outside [" + [left, top, right, bottom].map(Math.round) + "]");
  }
  return problems;
})()`;

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

  /** "评分规则已固定，校验码 …" as the welcome page shows it. */
  async rulesChecksum(): Promise<string> {
    const el = this.page.locator("section.welcome").getByTestId("rules-checksum");
    return ((await el.textContent()) ?? "").trim();
  }

  /** How many main views are up at once (exactly one when the projector is settled). */
  async viewCount(): Promise<number> {
    return this.page.locator(VIEWS.map((v) => `section.${v}`).join(", ")).count();
  }

  /** Waits for the progress bar to show n of m cards done: ballots, and abstentions (回避). */
  async waitForProgress(n: number, m: number): Promise<void> {
    await this.page
      .locator(".progress [role=progressbar]")
      .and(this.page.locator(`[aria-valuenow="${n}"][aria-valuemax="${m}"]`))
      .waitFor();
  }

  /** Text too small to read from the back of the hall, or pushed out of sight (none: []). */
  legibilityProblems(): Promise<string[]> {
    return this.page.evaluate(LEGIBILITY_PROBLEMS) as Promise<string[]>;
  }

  /** The "第 n/m 页" of a paged view, or null when everything fits on one page. */
  async pageIndicator(): Promise<{ n: number; m: number } | null> {
    const el = this.page.getByTestId("page-indicator");
    if ((await el.count()) === 0) return null;
    const [, n = "0", m = "0"] = /(\d+)\s*\/\s*(\d+)/.exec((await el.textContent()) ?? "") ?? [];
    return { n: Number(n), m: Number(m) };
  }

  /** Waits until page n of a paged view is up. */
  async waitForPage(n: number, m: number): Promise<void> {
    await this.page
      .getByTestId("page-indicator")
      .filter({ hasText: `${n}/${m}` })
      .waitFor();
  }

  /** The candidates' names in the evaluation table now on show. */
  evaluationNames(): Promise<string[]> {
    return this.page.getByRole("table").locator("tbody tr td:first-child").allTextContents();
  }

  /** The ranking blocks on show: each post's title and the names in its list. */
  async rankingBlocks(): Promise<{ post: string; names: string[] }[]> {
    const blocks = this.page.getByRole("article");
    const out: { post: string; names: string[] }[] = [];
    for (const block of await blocks.all()) {
      const post = (await block.getByRole("heading").first().textContent()) ?? "";
      const names = await block.getByRole("listitem").locator(".name").allTextContents();
      out.push({ post: post.trim(), names });
    }
    return out;
  }

  /** The big countdown clock ("04:59", or "+0:12" past time). */
  async clock(): Promise<string> {
    return ((await this.page.getByRole("timer").textContent()) ?? "").trim();
  }

  /** Waits for the overtime to show, e.g. "超时 0:02" on the clock. */
  async waitForOvertime(): Promise<string> {
    const timer = this.page.getByRole("timer", { name: /^(超时|Overtime) \d+:\d\d$/ });
    await timer.waitFor();
    return (await timer.getAttribute("aria-label")) ?? "";
  }

  /** Presses L, the projector's language key, and waits for the other language's footer. */
  async toggleLanguage(): Promise<void> {
    const before = await this.page.evaluate("document.documentElement.lang");
    await this.page.keyboard.press("l");
    await this.page.waitForFunction(`document.documentElement.lang !== ${JSON.stringify(before)}`);
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
