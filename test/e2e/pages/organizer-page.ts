import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { ARTIFACTS } from "../../utils/browser.ts";
import { zh } from "./i18n.ts";

/** The organizer's page (/): sign-in, rounds, ballot cards, links, the lock, the downloads. */
export class OrganizerPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async login(passphrase: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`);
    await this.page.getByLabel(zh("org.login.passphrase")).fill(passphrase);
    await this.page.getByTestId("login-submit").click();
    await this.page.getByTestId("load-demo").waitFor();
  }

  /**
   * Submits a passphrase that is refused and waits until the page says `says`; resolves with
   * the alert's whole text. The button stays disabled while a sign-in is on its way, so two
   * calls never overlap.
   */
  async refusedLogin(passphrase: string, says: string): Promise<string> {
    await this.page.getByLabel(zh("org.login.passphrase")).fill(passphrase);
    await this.page.getByTestId("login-submit").click();
    const alert = this.page.getByRole("alert").filter({ hasText: says });
    await alert.waitFor();
    return (await alert.textContent()) ?? "";
  }

  /**
   * Imports the demo round, which opens it; resolves with its id. When another round is live
   * the page asks whether the projector should switch: the default, keeping it, is taken.
   */
  async loadDemo(): Promise<string> {
    await this.page.getByTestId("load-demo").click();
    const asked = this.page.getByRole("dialog");
    const opened = this.page.waitForURL(/#round=/);
    if ((await Promise.race([opened.then(() => "opened"), asked.waitFor()])) !== "opened") {
      await asked.getByRole("button", { name: zh("org.screen.keep") }).click();
      await opened;
    }
    await this.page.getByTestId("results-link").waitFor();
    return this.roundId();
  }

  /**
   * Imports the demo round while another round is live: the page asks whether to switch
   * the projector. Resolves with the question and the name of the focused (default) button,
   * after answering it.
   */
  async loadDemoWhileLive(
    answer: "keep" | "switch",
  ): Promise<{ question: string; focused: string }> {
    await this.page
      .getByRole("button", { name: zh("org.rounds.back") })
      .first()
      .click();
    await this.page.getByTestId("load-demo").click();
    const dialog = this.page.getByRole("dialog");
    await dialog.waitFor();
    const question = ((await dialog.getByRole("paragraph").first().textContent()) ?? "").trim();
    const focused = await dialog.evaluate(
      () =>
        (
          globalThis as unknown as { document: { activeElement: { textContent: string } | null } }
        ).document.activeElement?.textContent?.trim() ?? "",
    );
    if (answer === "keep") await this.page.keyboard.press("Enter");
    else await dialog.getByRole("button", { name: zh("org.screen.switch") }).click();
    await dialog.waitFor({ state: "hidden" });
    await this.page.waitForURL(/#round=/);
    await this.page.getByTestId("results-link").waitFor();
    return { question, focused };
  }

  /**
   * Imports a round file through the file chooser, as a draft (a rehearsal when asked);
   * resolves with its id once the draft's page is up.
   */
  async importFile(path: string, opts: { rehearsal?: boolean } = {}): Promise<string> {
    await this.toList();
    const rehearsal = this.page.getByLabel(zh("org.import.rehearsal"));
    await rehearsal.setChecked(opts.rehearsal ?? false);
    const [chooser] = await Promise.all([
      this.page.waitForEvent("filechooser"),
      this.page.getByRole("button", { name: zh("org.import.file") }).click(),
    ]);
    await chooser.setFiles(path);
    await this.page.waitForURL(/#round=/);
    await this.page.getByTestId("draft-notice").waitFor();
    return this.roundId();
  }

  /** Back to the round list (from a round's page), or there already. */
  async toList(): Promise<void> {
    const back = this.page.getByRole("button", { name: zh("org.rounds.back") });
    if ((await back.count()) > 0) await back.click();
    await this.page.getByTestId("load-demo").waitFor();
  }

  /** The open round's stage as its header shows it (草稿, 评分中, 已锁定, …). */
  async stage(): Promise<string> {
    return ((await this.page.getByTestId("round-stage").first().textContent()) ?? "").trim();
  }

  /** The round's line in the list, found by its title. */
  roundRow(title: string) {
    return this.page.getByTestId("round-row").filter({
      has: this.page.getByRole("button", { name: title, exact: true }),
    });
  }

  /** Re-imports a corrected file into the open draft, and waits for its new title. */
  async reimport(path: string, title: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent("filechooser"),
      this.page.getByRole("button", { name: zh("org.draft.reimport") }).click(),
    ]);
    await chooser.setFiles(path);
    await this.page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
  }

  /** Downloads the open draft's round file; resolves with the saved file's path. */
  downloadRoundFile(): Promise<string> {
    return this.download(this.page.getByRole("button", { name: zh("org.draft.download") }));
  }

  /**
   * Starts the open draft's session: the page asks first, resolves with what it said, and
   * when another round is live asks about the projector too, where the default is taken.
   */
  async startDraft(): Promise<string> {
    await this.page.getByRole("button", { name: zh("org.draft.start") }).click();
    const dialog = this.page.getByRole("dialog");
    const body = ((await dialog.getByRole("paragraph").first().textContent()) ?? "").trim();
    await dialog.getByTestId("confirm-ok").click();
    const started = this.page.getByTestId("results-link");
    const keep = dialog.getByRole("button", { name: zh("org.screen.keep") });
    await started.or(keep).first().waitFor();
    if (await keep.isVisible()) await keep.click();
    await started.waitFor();
    return body;
  }

  /** "评分规则已固定，校验码 …" as the open round's header shows it, and its title (the full SHA-256). */
  async rulesChecksum(): Promise<{ text: string; title: string }> {
    const el = this.page.getByTestId("rules-checksum").first();
    await el.waitFor();
    return {
      text: ((await el.textContent()) ?? "").trim(),
      title: (await el.getAttribute("title")) ?? "",
    };
  }

  /** Deletes a round from its line in the list or its own page, through the question. */
  async deleteRound(title: string, from: "list" | "page"): Promise<void> {
    const scope = from === "list" ? this.roundRow(title) : this.page.locator("main");
    await scope.getByRole("button", { name: zh("org.round.delete") }).click();
    await this.page.getByRole("dialog").getByTestId("confirm-ok").click();
    await this.page.getByRole("dialog").waitFor({ state: "hidden" });
    await this.roundRow(title).waitFor({ state: "detached" });
  }

  async openRound(roundId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#round=${roundId}`);
    await this.page.getByTestId("results-link").waitFor();
  }

  /** The round being viewed, from the address bar (`/#round=…`). */
  roundId(): string {
    const id = new URLSearchParams(new URL(this.page.url()).hash.slice(1)).get("round");
    if (!id) throw new Error("no round open");
    return id;
  }

  /** Issues cards per voter group id, e.g. { leaders: 2, staff: 5 }, and waits for them. */
  async issueCards(counts: Record<string, number>): Promise<void> {
    const before = await this.activeCards();
    for (const [group, n] of Object.entries(counts)) {
      await this.page.getByTestId(`issue-count-${group}`).fill(String(n));
    }
    await this.page.getByTestId("issue-cards").click();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    // "有效 N 张 · 已作废 M 张" with N the new total, whatever M is.
    const hole = "\u0000";
    const text = zh("org.cards.counts", { active: before + total, void: hole });
    const pattern = text.split(hole).map(escapeRegExp).join("\\d+");
    await this.page
      .getByTestId("card-counts")
      .filter({ hasText: new RegExp(pattern) })
      .waitFor();
  }

  /** Active cards as the cards panel counts them (0 before any is issued). */
  async activeCards(): Promise<number> {
    const counts = this.page.getByTestId("card-counts");
    await counts
      .or(this.page.getByText(zh("org.cards.none")))
      .first()
      .waitFor();
    if ((await counts.count()) === 0) return 0;
    return Number(((await counts.textContent()) ?? "").match(/\d+/)?.[0] ?? 0);
  }

  /**
   * The phone link of every active card, read from the print view (each card's QR code).
   * Cards printed before get new codes: the page asks first, and this confirms.
   */
  async cardLinks(): Promise<string[]> {
    await this.page.getByTestId("print-cards").click();
    const cards = this.page.getByTestId("print-card");
    const rotate = this.page.getByRole("button", { name: zh("org.print.rotate") });
    await cards.first().or(rotate).waitFor();
    if (await rotate.isVisible()) await rotate.click();
    await cards.first().waitFor();
    const links: string[] = [];
    for (const card of await cards.all()) links.push((await card.getAttribute("data-link")) ?? "");
    await this.page.getByTestId("print-back").click();
    return links;
  }

  /** Opens the print view and leaves it on screen (for a look at it). */
  async openPrintSheet(): Promise<void> {
    await this.page.getByTestId("print-cards").click();
    await this.page.getByTestId("print-card").first().waitFor();
  }

  /** The warnings of voter groups too small for a secret ballot, as the cards panel shows them. */
  async smallGroupWarnings(): Promise<string[]> {
    const list = this.page.getByTestId("small-groups").getByRole("listitem");
    return list.allTextContents();
  }

  /** The chair link, made on first use (the organizer page remembers it). */
  async chairLink(): Promise<string> {
    const field = this.page.getByTestId("link-chair");
    if ((await field.count()) === 0) {
      await this.page.getByTestId("create-link-chair").click();
      await field.waitFor();
    }
    return field.inputValue();
  }

  /** Opens the chair link in a new tab of this browser, as the organizer hands it over. */
  async openChairLink(): Promise<Page> {
    const url = await this.chairLink();
    const chair = await this.page.context().newPage();
    await chair.goto(url);
    return chair;
  }

  /** Locks the round through the confirmation; resolves with the export digest. */
  async lock(): Promise<string> {
    await this.page.getByTestId("lock-round").click();
    await this.page.getByTestId("confirm-ok").click();
    const digest = this.page.getByTestId("digest");
    await digest.waitFor();
    return ((await digest.textContent()) ?? "").trim();
  }

  /** Opens the score summary (评分汇总表) from the round view; it opens in a new tab. */
  async openResults(): Promise<Page> {
    const [tab] = await Promise.all([
      this.page.context().waitForEvent("page"),
      this.page.getByTestId("results-link").click(),
    ]);
    await tab.waitForLoadState();
    return tab;
  }

  /** Downloads the JSON export; resolves with the saved file's path. */
  downloadExport(): Promise<string> {
    return this.download("download-json");
  }

  downloadXlsx(): Promise<string> {
    return this.download("download-xlsx");
  }

  private async download(button: string | Locator): Promise<string> {
    const target = typeof button === "string" ? this.page.getByTestId(button) : button;
    const [download] = await Promise.all([this.page.waitForEvent("download"), target.click()]);
    const dir = join(ARTIFACTS, "downloads");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    return path;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
