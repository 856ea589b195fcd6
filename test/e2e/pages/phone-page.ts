import type { Page } from "playwright-core";
import { zh } from "./i18n.ts";

/** A voter's phone: opened from a ballot card's link, scores and evaluates. */
export class PhonePage {
  constructor(readonly page: Page) {}

  async open(cardLink: string): Promise<void> {
    await this.page.goto(cardLink);
    await this.page.getByText(zh("phone.anonymous")).first().waitFor();
  }

  /** False on plain http from a name that is not loopback, as on a phone in a hall. */
  isSecureContext(): Promise<boolean> {
    // Runs in the page; the test's tsconfig has no DOM types.
    return this.page.evaluate(
      () => (globalThis as unknown as { isSecureContext: boolean }).isSecureContext,
    );
  }

  /** Waits for the page's main heading, e.g. the message of a voided card. */
  async waitForHeading(text: string): Promise<void> {
    await this.page.getByRole("heading", { name: text }).waitFor();
  }

  /** Waits for the notice that another device holding this card submitted, and closes it. */
  async dismissReplacedNotice(): Promise<void> {
    await this.page
      .getByRole("alert")
      .filter({ hasText: zh("phone.replaced.title") })
      .waitFor();
    await this.page.getByRole("button", { name: zh("phone.replaced.dismiss") }).click();
  }

  /** Waits until the page shows a candidate's name as the one being scored. */
  async waitForCandidate(name: string): Promise<void> {
    await this.page.locator(".ballot, .criterion").first().waitFor();
    await this.page.getByText(name).first().waitFor();
  }

  /** The notice that a candidate is marked 缺席 or 弃权 (no form below it). */
  markNotice() {
    return this.page.getByTestId("candidate-mark");
  }

  /** Whether any score sheet or 回避 button is on the page. */
  async showsScoring(): Promise<boolean> {
    return (await this.page.locator(".ballot, .criterion").count()) > 0;
  }

  /** Sets a criterion's slider as a finger would (an input event on the range). */
  async score(label: string, value: number): Promise<void> {
    const slider = this.page.getByRole("slider", { name: zh("phone.criterion.slider", { label }) });
    await slider.evaluate((el, v) => {
      // Runs in the page; the test's tsconfig has no DOM types.
      const input = el as unknown as { value: string; dispatchEvent(e: Event): boolean };
      input.value = String(v);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }, value);
  }

  /** The box beside − and + that takes a typed score (the numeric keypad on a phone). */
  scoreBox(label: string) {
    return this.page.getByRole("textbox", { name: zh("phone.criterion.input", { label }) });
  }

  /** Types a score as a voter does on the keypad, then leaves the box. */
  async typeScore(label: string, text: string): Promise<void> {
    const box = this.scoreBox(label);
    await box.tap();
    await box.fill(text);
    await box.blur();
  }

  /** The hint under a criterion when its typed score cannot count ("" when there is none). */
  async typedHint(label: string): Promise<string> {
    const hint = this.page.locator("section.criterion", { hasText: label }).getByRole("alert");
    return (await hint.count()) === 0 ? "" : ((await hint.textContent()) ?? "").trim();
  }

  /**
   * The opacity a criterion's slider thumb is drawn with ("0" while it is unscored). Chromium
   * does not compute styles of ::-webkit-slider-thumb, so the thumb takes it from the slider's
   * --thumb-opacity, which is read here.
   */
  thumbOpacity(label: string): Promise<string> {
    const slider = this.page.getByRole("slider", { name: zh("phone.criterion.slider", { label }) });
    return slider.evaluate((el) => {
      const css = globalThis as unknown as {
        getComputedStyle(e: unknown): { getPropertyValue(name: string): string };
      };
      return css.getComputedStyle(el).getPropertyValue("--thumb-opacity").trim() || "1";
    });
  }

  /** True when the page is wider than the screen (a sideways scroll on a phone). */
  scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(
      "document.documentElement.scrollWidth > window.innerWidth",
    ) as Promise<boolean>;
  }

  /** Taps "+" on a criterion (the first tap on an unscored one gives mid-scale). */
  async raise(label: string, step: number): Promise<void> {
    await this.page
      .getByRole("button", { name: zh("phone.criterion.raise", { label, step }) })
      .click();
  }

  /** The sticky submit button (its label says what is missing until the ballot is complete). */
  submitButton() {
    return this.page.locator("form.ballot button.submit");
  }

  async submit(): Promise<string> {
    await this.submitButton().click();
    return this.receipt();
  }

  /** The receipt code shown once the server acknowledged the ballot. */
  async receipt(): Promise<string> {
    const code = this.page.locator(".receipt .code").first();
    await code.waitFor();
    return (await code.textContent())?.trim() ?? "";
  }

  totalText(): Promise<string> {
    return this.page
      .locator(".total .sum")
      .textContent()
      .then((t) => t ?? "");
  }

  /** The secondary "回避" action under the score sheet (it asks before it sends). */
  abstainButton() {
    return this.page.getByRole("button", { name: zh("phone.abstain.action"), exact: true });
  }

  /** The confirm step of an abstention, with its explanation. */
  abstainConfirmation() {
    return this.page.getByRole("group", { name: zh("phone.abstain.confirmTitle") });
  }

  /** Taps 回避, then 确认回避; resolves to the receipt code of the abstention. */
  async abstain(): Promise<string> {
    await this.abstainButton().click();
    await this.abstainConfirmation()
      .getByRole("button", { name: zh("phone.abstain.confirm"), exact: true })
      .click();
    await this.page
      .getByRole("status")
      .filter({ hasText: zh("phone.abstain.done") })
      .waitFor();
    return this.receipt();
  }

  /** "撤销回避": the form opens again; the abstention stands until scores are submitted. */
  async undoAbstention(): Promise<void> {
    await this.page.getByRole("button", { name: zh("phone.abstain.undo") }).click();
    await this.page.getByText(zh("phone.abstain.undoing")).waitFor();
  }

  /** The heading of the submission panel: 已提交, 已回避, 正在提交…. */
  async submissionHeading(): Promise<string> {
    const h = this.page.locator("section.panel h2");
    await h.waitFor();
    return ((await h.textContent()) ?? "").trim();
  }

  /** Chooses an evaluation option (优秀, 称职, …) for a candidate in the evaluation form. */
  async evaluate(candidateName: string, optionLabel: string): Promise<void> {
    const row = this.page.locator("fieldset.candidate", { hasText: candidateName });
    await row.getByRole("button", { name: optionLabel, exact: true }).click();
  }

  async submitEvaluation(): Promise<string> {
    await this.page.getByRole("button", { name: zh("phone.eval.submit") }).click();
    return this.receipt();
  }
}
