import type { Locator, Page } from "playwright-core";
import { zh } from "./i18n.ts";
import { buttonsOutsideViewport, scrollsSideways } from "./layout.ts";

/** The chair console (/chair): speaking order, timer, scoring windows, screen, ties. */
export class ChairPage {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByTestId("speaking-order").waitFor();
  }

  /** Calls a candidate to the stand from the speaking order. */
  async goto(candidateName: string): Promise<void> {
    await this.candidateRow(candidateName).click();
    await this.page
      .getByTestId("current-name")
      .filter({ hasText: new RegExp(`^${candidateName}$`) })
      .waitFor();
  }

  /** Moves on to the next speaker (confirming when scoring is still open); resolves with their name. */
  async next(): Promise<string> {
    const before = await this.currentName();
    const moved = this.page
      .getByTestId("current-name")
      .filter({ hasNotText: new RegExp(`^${before}$`) });
    await this.press(this.page.getByTestId("next"), moved);
    return this.currentName();
  }

  /** "评分规则已固定，校验码 …" as the console shows it. */
  async rulesChecksum(): Promise<string> {
    return ((await this.page.getByTestId("rules-checksum").textContent()) ?? "").trim();
  }

  async currentName(): Promise<string> {
    return ((await this.page.getByTestId("current-name").textContent()) ?? "").trim();
  }

  async startSpeechTimer(): Promise<void> {
    await this.page.getByTestId("timer-speech").click();
    await this.page.locator("[data-testid=timer-stop]:enabled").waitFor();
  }

  async openScoring(): Promise<void> {
    await this.page.getByTestId("scoring-open").click();
    await this.page.getByTestId("scoring-close").waitFor();
  }

  /** Closes scoring, confirming when some cards have not scored. */
  async closeScoring(): Promise<void> {
    await this.press(this.page.getByTestId("scoring-close"), this.page.getByTestId("scoring-open"));
  }

  /**
   * Reveals the current candidate's result on the projector through the confirmation;
   * resolves with what the confirmation previewed. `whileAsked` runs with the question up.
   */
  async reveal(whileAsked?: () => Promise<unknown>): Promise<string> {
    await this.page.getByTestId("reveal").click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByRole("table").waitFor();
    const preview = (await dialog.textContent()) ?? "";
    await whileAsked?.();
    await dialog.getByRole("button", { name: zh("chair.reveal.confirm") }).click();
    await this.page
      .getByTestId("reveal")
      .filter({ hasText: zh("chair.reveal.again") })
      .waitFor();
    return preview;
  }

  /** Takes the revealed result back off the projector, through the confirmation. */
  async hide(whileAsked?: () => Promise<unknown>): Promise<void> {
    await this.page.getByRole("button", { name: zh("chair.hide"), exact: true }).click();
    await this.page.getByRole("dialog").waitFor();
    await whileAsked?.();
    await this.page
      .getByRole("dialog")
      .getByRole("button", { name: zh("chair.hide.confirm"), exact: true })
      .click();
    await this.page.getByRole("button", { name: zh("chair.hide"), exact: true }).waitFor({
      state: "detached",
    });
  }

  /**
   * Opens the evaluation; when the console asks because some candidates were not scored,
   * resolves with the names it lists (after confirming), else with none.
   */
  async openEvaluation(whileAsked?: () => Promise<unknown>): Promise<string[]> {
    await this.page.getByTestId("evaluation-open").click();
    const dialog = this.page.getByRole("dialog");
    const close = this.page.getByTestId("evaluation-close");
    await dialog.or(close).first().waitFor();
    let named: string[] = [];
    if (await dialog.isVisible()) {
      named = await dialog.getByRole("listitem").allTextContents();
      await whileAsked?.();
      await dialog.getByRole("button", { name: zh("chair.eval.open") }).click();
    }
    await close.waitFor();
    return named.map((n) => n.trim());
  }

  /** Switches the projector with the console's button for this view. */
  async show(view: "welcome" | "candidate" | "evaluation" | "ranking" | "locked"): Promise<void> {
    const button = this.page.getByRole("button", { name: zh(`chair.screen.${view}`) });
    await button.click();
    await this.page
      .getByRole("button", { name: zh(`chair.screen.${view}`), pressed: true })
      .waitFor();
  }

  /** What the console says the projector shows, after "大屏当前：". */
  async screenNow(): Promise<string> {
    const status = this.page.getByRole("status").filter({ hasText: zh("chair.screen.now") });
    const text = ((await status.textContent()) ?? "").trim();
    return text.slice(text.indexOf(zh("chair.screen.now")) + zh("chair.screen.now").length).trim();
  }

  buttonsOutsideViewport = () => buttonsOutsideViewport(this.page);
  scrollsSideways = () => scrollsSideways(this.page);

  async closeEvaluation(): Promise<void> {
    await this.press(
      this.page.getByTestId("evaluation-close"),
      this.page.getByTestId("evaluation-reveal"),
    );
  }

  async revealEvaluation(): Promise<void> {
    await this.page.getByTestId("evaluation-reveal").click();
    await this.page.getByTestId("evaluation-reveal").waitFor({ state: "detached" });
  }

  /** Puts the ranking on the projector (the tie panel follows the ranking shown). */
  async showRanking(): Promise<void> {
    await this.page.getByTestId("screen-ranking").click();
    await this.page.locator("[data-testid=screen-ranking][aria-pressed=true]").waitFor();
  }

  /** The tie form of a post ("办公室主任"), or the first one. */
  tieForm(postTitle?: string): Locator {
    const forms = this.page.getByTestId("tie-form");
    return postTitle ? forms.and(this.page.locator(`[data-post="${postTitle}"]`)) : forms.first();
  }

  /** Chooses these tied candidates as inspection targets, with the reason, and confirms. */
  async decideTie(names: string[], reason: string, postTitle?: string): Promise<void> {
    const form = this.tieForm(postTitle);
    for (const name of names) await form.getByLabel(name).check();
    await form.getByTestId("tie-reason").fill(reason);
    await form.getByTestId("tie-confirm").click();
    await this.page.getByTestId("confirm-ok").click();
    await form.getByTestId("tie-recorded").waitFor();
  }

  /** "已评 N / M" for the current candidate. */
  async progressText(): Promise<string> {
    return ((await this.page.getByTestId("progress-total").textContent()) ?? "").trim();
  }

  /** Opens the score summary from the locked banner; it opens in a new tab. */
  async openResults(): Promise<Page> {
    const [tab] = await Promise.all([
      this.page.context().waitForEvent("page"),
      this.page.getByTestId("results-link").click(),
    ]);
    await tab.waitForLoadState();
    return tab;
  }

  /**
   * Marks a candidate 缺席 or 弃权 from the speaking order, through the confirmation (its
   * title and body must name the candidate and the mark); resolves with the dialog's text.
   */
  async markCandidate(name: string, mark: "absent" | "withdrawn"): Promise<string> {
    const label = mark === "absent" ? "chair.mark.setAbsentLabel" : "chair.mark.setWithdrawnLabel";
    await this.page.getByRole("button", { name: zh(label, { name }), exact: true }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByRole("heading").waitFor();
    const text = (await dialog.textContent()) ?? "";
    const word = zh(`candidate.mark.${mark}`);
    await dialog.getByRole("button", { name: zh("chair.mark.confirm", { mark: word }) }).click();
    await this.markChip(name).waitFor();
    return text;
  }

  /** Takes a candidate's mark back through the confirmation. */
  async unmarkCandidate(name: string): Promise<void> {
    await this.page.getByRole("button", { name: zh("chair.mark.clearLabel", { name }) }).click();
    await this.page
      .getByRole("dialog")
      .getByRole("button", { name: zh("chair.mark.clear"), exact: true })
      .click();
    await this.markChip(name).waitFor({ state: "detached" });
  }

  /** The "缺席 · 10:42" chip in a candidate's speaking-order row. */
  markChip(name: string): Locator {
    return this.candidateRow(name).getByTestId("candidate-mark");
  }

  /** What a candidate's row in the speaking order says beside them ("已评 0 / 2", the mark…). */
  async rowStatus(name: string): Promise<string> {
    const text = await this.candidateRow(name).locator(".status").textContent();
    return (text ?? "").replace(/\s+/g, " ").trim();
  }

  /** The label of the "下一位" button, e.g. "下一位：王建国". */
  async nextLabel(): Promise<string> {
    return ((await this.page.getByTestId("next").textContent()) ?? "").trim();
  }

  private candidateRow(name: string): Locator {
    return this.page.getByTestId("speaking-order").locator(`button[data-candidate="${name}"]`);
  }

  /** Clicks, accepts the confirmation if the console asks for one, and waits for `done`. */
  private async press(button: Locator, done: Locator): Promise<void> {
    await button.click();
    const ok = this.page.getByTestId("confirm-ok");
    await ok.or(done).first().waitFor();
    if (await ok.isVisible()) await ok.click();
    await done.waitFor();
  }
}
