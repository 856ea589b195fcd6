import type { Locator, Page } from "playwright-core";
import type { Education, ReviewGrade } from "../../../shared/setup/person.ts";
import { zh } from "./i18n.ts";

/** A post as the organizer types it into the editor; conditions left out stay unticked. */
export interface TypedPost {
  title: string;
  department?: string;
  seats?: number;
  termYears?: number;
  duties?: string;
  conditionsText?: string;
  minWorkYears?: number;
  minEducation?: Education;
  maxAge?: number;
  reviewGrades?: { years: number; atLeast: ReviewGrade };
  noActivePenalty?: boolean;
}

/** The draft's 岗位 tab of the organizer page: the post list, its save, the publishing panel. */
export class PostsTab {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole("tab", { name: zh("posts.tab") }).click();
    await this.page.getByRole("heading", { name: zh("posts.title") }).waitFor();
    await this.page.getByTestId("publish-status").waitFor();
  }

  cards(): Locator {
    return this.page.getByTestId("post-card");
  }

  card(n: number): Locator {
    return this.cards().nth(n);
  }

  /** Adds a post at the end and types it in; its form stays open. */
  async add(post: TypedPost): Promise<Locator> {
    const before = await this.cards().count();
    await this.page.getByRole("button", { name: zh("posts.add") }).click();
    const card = this.card(before);
    await this.fill(card, post);
    return card;
  }

  /** Types into an open post's form what `post` names. */
  async fill(card: Locator, post: Partial<TypedPost>): Promise<void> {
    const field = (key: Parameters<typeof zh>[0]) => card.getByLabel(zh(key), { exact: true });
    if (post.title !== undefined) await field("posts.field.title").fill(post.title);
    if (post.department !== undefined) {
      await card.getByRole("textbox", { name: zh("posts.field.department") }).fill(post.department);
    }
    if (post.seats !== undefined) await field("posts.field.seats").fill(String(post.seats));
    if (post.termYears !== undefined) {
      await field("posts.field.termYears").fill(String(post.termYears));
    }
    if (post.duties !== undefined) await field("posts.field.duties").fill(post.duties);
    if (post.conditionsText !== undefined) {
      await field("posts.field.conditionsText").fill(post.conditionsText);
    }
    const tick = (key: Parameters<typeof zh>[0]) =>
      card.getByRole("checkbox", { name: zh(key), exact: true }).check();
    if (post.minWorkYears !== undefined) {
      await tick("posts.cond.minWorkYears");
      await field("posts.cond.workYears.input").fill(String(post.minWorkYears));
    }
    if (post.minEducation !== undefined) {
      await tick("posts.cond.minEducation");
      await field("posts.cond.education.input").selectOption({
        label: zh(`person.education.${post.minEducation}`),
      });
    }
    if (post.maxAge !== undefined) {
      await tick("posts.cond.maxAge");
      await field("posts.cond.age.input").fill(String(post.maxAge));
    }
    if (post.reviewGrades !== undefined) {
      await tick("posts.cond.reviewGrades");
      await field("posts.cond.reviewYears.input").fill(String(post.reviewGrades.years));
      await field("posts.cond.grade.input").selectOption({
        label: zh(`person.reviewGrade.${post.reviewGrades.atLeast}`),
      });
    }
    if (post.noActivePenalty) await tick("posts.cond.noActivePenalty");
  }

  /** Opens a post's form (编辑) when it is closed. */
  async edit(n: number): Promise<Locator> {
    const card = this.card(n);
    const toggle = card.getByRole("button", { name: zh("posts.edit") });
    if ((await toggle.count()) > 0) await toggle.click();
    return card;
  }

  async move(n: number, direction: "up" | "down"): Promise<void> {
    const name = zh(direction === "up" ? "posts.moveUp" : "posts.moveDown");
    await this.card(n).getByRole("button", { name }).click();
  }

  /** The titles of the list, in order, as the cards show them. */
  async titles(): Promise<string[]> {
    return (await this.cards().all()).length === 0
      ? []
      : this.cards().evaluateAll((cards) => cards.map((c) => c.getAttribute("aria-label") ?? ""));
  }

  /** Presses 保存岗位; resolves once the page says the posts are saved. */
  async save(): Promise<void> {
    await this.page.getByRole("button", { name: zh("posts.save") }).click();
    await this.page.getByText(zh("posts.saved"), { exact: true }).last().waitFor();
    await this.page.getByTestId("posts-unsaved").waitFor({ state: "detached" });
  }

  /** Publishes with the two dates, through the question; resolves with the new status line. */
  async publish(referenceDate: string, applyUntil: string, version: number): Promise<string> {
    await this.page.getByLabel(zh("posts.publish.referenceDate")).fill(referenceDate);
    await this.page.getByLabel(zh("posts.publish.applyUntil")).fill(applyUntil);
    const name = zh(version === 1 ? "posts.publish.submit" : "posts.publish.submitNew");
    await this.page.getByRole("button", { name, exact: true }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByTestId("confirm-ok").click();
    await dialog.waitFor({ state: "hidden" });
    const status = this.page.getByTestId("publish-status").filter({ hasText: `第 ${version} 版` });
    await status.waitFor();
    return ((await status.textContent()) ?? "").trim();
  }

  /** The public page's address, as the publishing panel shows it. */
  async link(): Promise<string> {
    return this.page.getByTestId("announcement-link").inputValue();
  }
}
