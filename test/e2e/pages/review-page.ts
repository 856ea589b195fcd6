import type { Locator, Page } from "playwright-core";
import { zh } from "./i18n.ts";

/** A draft's 报名 and 资格审查 tabs on the organizer's page. */
export class DraftApplications {
  constructor(readonly page: Page) {}

  async openTab(tab: "draft.tab.overview" | "apps.tab.applications" | "apps.tab.review") {
    await this.page.getByRole("tab", { name: zh(tab) }).click();
  }

  /** Finds a person of the register by a search, as the organizer types it, and picks them. */
  async pick(label: string, search: string, name: string, scope: Locator): Promise<void> {
    await scope.getByLabel(label).fill(search);
    const results = scope.getByRole("list", { name: zh("apps.form.results") });
    await results.getByRole("button").filter({ hasText: name }).click();
    await scope.getByTestId("picked-person").waitFor();
  }

  /** Chooses the reviewer on the 资格审查 tab (changing the one chosen before). */
  async chooseReviewer(search: string, name: string): Promise<void> {
    const change = this.page.getByRole("button", { name: zh("apps.review.change") });
    if ((await change.count()) > 0) await change.click();
    await this.pick(zh("apps.review.reviewer"), search, name, this.page.locator("main"));
  }

  /** Records a nomination through the form; waits for the row in its post. */
  async nominate(o: {
    search: string;
    name: string;
    post: string;
    source: "self" | "staff" | "party";
    staffCount?: number;
  }): Promise<void> {
    const form = this.page.getByRole("form", { name: zh("apps.form.heading") });
    await this.pick(zh("apps.form.search"), o.search, o.name, form);
    await form.getByLabel(zh("apps.form.post")).selectOption({ label: o.post });
    await form.getByRole("radio", { name: zh(`apps.source.${o.source}`) }).check();
    if (o.staffCount !== undefined) {
      await form.getByLabel(zh("apps.form.staffCount")).fill(String(o.staffCount));
    }
    await form.getByRole("button", { name: zh("apps.form.submit") }).click();
    await this.row(o.post, o.name).waitFor();
  }

  /** A post's section on the 报名 tab, by its title as shown (department · title). */
  post(title: string): Locator {
    return this.page.getByTestId("post-applicants").filter({
      has: this.page.getByRole("heading", { name: title }),
    });
  }

  row(post: string, name: string): Locator {
    return this.post(post).getByTestId("application-row").filter({ hasText: name });
  }

  /** One application on the 资格审查 tab. */
  card(name: string): Locator {
    return this.page.getByTestId("review-card").filter({
      has: this.page.getByRole("heading", { name }),
    });
  }

  /** The hints of a card: ✓ or ✗ with the sentence that shows the data used. */
  async checks(name: string): Promise<{ pass: boolean; text: string }[]> {
    const items = this.card(name).getByTestId("check");
    const out: { pass: boolean; text: string }[] = [];
    for (const item of await items.all()) {
      out.push({
        pass: (await item.getAttribute("data-pass")) === "true",
        text: ((await item.locator(".hint").textContent()) ?? "").trim(),
      });
    }
    return out;
  }

  /** Decides on one application, with its reason when given; waits for the decision line. */
  async decide(name: string, outcome: "pass" | "reject", reason?: string): Promise<void> {
    const card = this.card(name);
    if (reason !== undefined) await card.getByLabel(zh("review.decision.reason")).fill(reason);
    const label = zh(outcome === "pass" ? "review.decision.pass" : "review.decision.reject");
    await card.getByRole("button", { name: label, exact: true }).click();
    await card.getByTestId("decision").waitFor();
  }

  async closeReview(): Promise<void> {
    await this.page.getByRole("button", { name: zh("apps.review.close") }).click();
    await this.page.getByRole("dialog").getByTestId("confirm-ok").click();
    await this.page.getByTestId("review-outcome").waitFor();
  }

  async outcomeUrl(): Promise<string> {
    return this.page.getByTestId("outcome-link").inputValue();
  }
}

/** The published list of competitors (/r/:roundId), as anyone in the unit opens it. */
export class OutcomePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page
      .getByTestId("outcome-post")
      .first()
      .or(this.page.getByTestId("outcome-problem"))
      .waitFor();
  }

  /** Per post (department · title): the rows' name, department and current post. */
  async rows(): Promise<Record<string, string[][]>> {
    const out: Record<string, string[][]> = {};
    for (const post of await this.page.getByTestId("outcome-post").all()) {
      const title = ((await post.locator("h2 > span").first().textContent()) ?? "").trim();
      const rows: string[][] = [];
      for (const row of await post.getByTestId("outcome-row").all()) {
        const cells = await row.locator("td").allTextContents();
        rows.push(cells.slice(1).map((c) => c.trim()));
      }
      out[title] = rows;
    }
    return out;
  }
}
