import type { Locator, Page } from "playwright-core";
import { zh } from "./i18n.ts";

type CriterionField = "label" | "max" | "step";
const CRITERION_FIELDS = {
  label: "draft.rules.criterion.label",
  max: "draft.rules.criterion.max",
  step: "draft.rules.criterion.step",
} as const;

/**
 * A draft in the organizer's console: the new-round form on the round list, the draft's
 * workspace with its tabs, the rules editor and its phone preview. Found as a person finds
 * them: by role and accessible name.
 */
export class DraftPage {
  constructor(readonly page: Page) {}

  /** The round list's "新建轮次" form, opened. */
  async openNewRoundForm(): Promise<Locator> {
    const form = this.newRoundForm();
    if ((await form.count()) === 0) {
      await this.page.getByRole("button", { name: zh("draft.create.open") }).click();
    }
    await form.waitFor();
    return form;
  }

  newRoundForm(): Locator {
    return this.page.getByRole("form", { name: zh("draft.create.form") });
  }

  /** Fills the form and presses 创建 (the form is opened first if need be). */
  async submitNewRound(title: string, opts: { rehearsal?: boolean } = {}): Promise<void> {
    const form = await this.openNewRoundForm();
    await form.getByRole("textbox", { name: zh("draft.create.name") }).fill(title);
    await form
      .getByRole("checkbox", { name: zh("org.import.rehearsal") })
      .setChecked(opts.rehearsal ?? false);
    await form.getByRole("button", { name: zh("draft.create.submit") }).click();
  }

  /** Creates a round from the list and waits for its workspace; resolves with its id. */
  async createRound(title: string, opts: { rehearsal?: boolean } = {}): Promise<string> {
    await this.submitNewRound(title, opts);
    await this.page.waitForURL(/#round=/);
    await this.tab("draft.tab.overview").waitFor();
    return this.roundId();
  }

  roundId(): string {
    const id = new URLSearchParams(new URL(this.page.url()).hash.slice(1)).get("round");
    if (!id) throw new Error("no round open");
    return id;
  }

  tabs(): Locator {
    return this.page.getByRole("tablist", { name: zh("draft.tabs.label") });
  }

  tab(key: "draft.tab.overview" | "draft.tab.rules"): Locator {
    return this.tabs().getByRole("tab", { name: zh(key) });
  }

  async openRulesTab(): Promise<void> {
    await this.tab("draft.tab.rules").click();
    await this.rulesPanel().waitFor();
  }

  /** The rules tab's panel (visible only while its tab is chosen). */
  rulesPanel(): Locator {
    return this.page.getByRole("tabpanel", { name: zh("draft.tab.rules") });
  }

  criterion(n: number): Locator {
    return this.rulesPanel().getByRole("group", {
      name: zh("draft.rules.criterionN", { n }),
      exact: true,
    });
  }

  criterionBox(n: number, field: CriterionField): Locator {
    return this.criterion(n).getByRole("textbox", { name: zh(CRITERION_FIELDS[field]) });
  }

  /** Adds a criterion at the end of the rubric and fills it in. */
  async addCriterion(label: string, max: string, step: string): Promise<void> {
    await this.rulesPanel()
      .getByRole("button", { name: `+ ${zh("draft.rules.criterion.add")}` })
      .click();
    const n = await this.rulesPanel()
      .getByRole("group", { name: /^第 \d+ 项$/ })
      .count();
    await this.criterionBox(n, "label").fill(label);
    await this.criterionBox(n, "max").fill(max);
    await this.criterionBox(n, "step").fill(step);
  }

  titleBox(): Locator {
    return this.rulesPanel().getByRole("textbox", { name: zh("draft.rules.title"), exact: true });
  }

  alphaBox(): Locator {
    return this.rulesPanel().getByRole("textbox", { name: zh("draft.rules.method.speechWeight") });
  }

  /** β as the editor shows it beside α (an output, read out as a status). */
  async beta(): Promise<string> {
    const out = this.rulesPanel().getByRole("status", {
      name: zh("draft.rules.method.evaluationWeight"),
    });
    return ((await out.textContent()) ?? "").trim();
  }

  /** What the page says is wrong with a box, from its description ("" when nothing). */
  async issueOf(box: Locator): Promise<string> {
    const id = await box.getAttribute("aria-describedby");
    if (!id) return "";
    return ((await this.page.locator(`[id="${id}"]`).textContent()) ?? "").trim();
  }

  /** The lines of the summary of what to fix before saving ([] when there is none). */
  async issueSummary(): Promise<string[]> {
    const list = this.page.getByRole("region", { name: zh("draft.rules.issuesTitle") });
    if ((await list.count()) === 0) return [];
    return (await list.getByRole("listitem").allTextContents()).map((s) => s.trim());
  }

  saveButton(): Locator {
    return this.rulesPanel().getByRole("button", { name: zh("draft.rules.save") });
  }

  /** Saves and waits for the page to say so. */
  async save(): Promise<void> {
    await this.saveButton().click();
    await this.page.getByText(zh("draft.rules.saved")).first().waitFor();
    await this.page.getByText(zh("draft.rules.clean")).waitFor();
  }

  preview(): Locator {
    return this.page.getByRole("figure", { name: zh("draft.preview.title") });
  }

  /** The criteria the phone preview shows, as its headings say them. */
  previewCriteria(): Promise<string[]> {
    return this.preview().getByRole("heading", { level: 3 }).allTextContents();
  }

  /** Scrolls `target` to the middle of the window (clear of the sticky save bar). */
  async scrollTo(target: Locator): Promise<void> {
    await target.evaluate((el) =>
      // Runs in the page; the test's tsconfig has no DOM types.
      (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: "center" }),
    );
  }

  backButton(): Locator {
    return this.page.getByRole("button", { name: zh("org.rounds.back") });
  }
}
