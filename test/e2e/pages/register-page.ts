import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { ARTIFACTS } from "../../utils/browser.ts";
import { zh } from "./i18n.ts";

/** A person as the form is filled in: the labels' Chinese texts name the fields. */
export interface PersonInput {
  staffNo: string;
  name: string;
  sex: "男" | "女";
  birthDate: string;
  department: string;
  currentPost?: string;
  grade?: string;
  workStart: string;
  grassrootsYears?: string;
  education: string;
  voterGroup: string;
  /** Grade per year shown, e.g. { "2025": "优秀" }. */
  reviews?: Record<string, string>;
  penalties?: { kind: string; from: string }[];
}

/** The organizer's staff register (人员名册): its list, the template, the import and the form. */
export class RegisterPage {
  constructor(readonly page: Page) {}

  /** From the round list, through its button; waits for the list of people. */
  async openFromRoundList(): Promise<void> {
    await this.page.getByRole("button", { name: zh("register.ui.title"), exact: true }).click();
    await this.page.getByRole("heading", { level: 1, name: zh("register.ui.title") }).waitFor();
    await this.page.getByTestId("register-counts").waitFor();
  }

  /** Downloads a template; resolves with the saved file's path. */
  async downloadTemplate(format: "xlsx" | "csv"): Promise<string> {
    const name = zh(format === "xlsx" ? "register.ui.templateXlsx" : "register.ui.templateCsv");
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByRole("button", { name }).click(),
    ]);
    const dir = join(ARTIFACTS, "downloads");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    return path;
  }

  /** The preview (or the refusal) of the last file chosen. */
  preview(): Locator {
    return this.page.getByTestId("register-preview");
  }

  /** Chooses a file through "导入名册" and waits for the server's preview of it. */
  async upload(name: string, content: string | Buffer): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent("filechooser"),
      this.page.getByRole("button", { name: zh("register.ui.import") }).click(),
    ]);
    const buffer = typeof content === "string" ? Buffer.from(content) : content;
    await chooser.setFiles({ name, mimeType: "text/csv", buffer });
    await this.preview()
      .getByRole("heading", { name: new RegExp(escapeRegExp(name)) })
      .waitFor();
  }

  /** The preview's "新增 N 人、更新 N 人、不变 N 人". */
  async changes(): Promise<string> {
    return ((await this.page.getByTestId("register-changes").textContent()) ?? "").trim();
  }

  /** Every error the preview lists, as its sentences ("第 3 行：…"). */
  async errors(): Promise<string[]> {
    const items = this.page.getByTestId("register-errors").getByRole("listitem");
    return (await items.allTextContents()).map((s) => s.trim());
  }

  async warnings(): Promise<string[]> {
    const items = this.page.getByTestId("register-warnings").getByRole("listitem");
    return (await items.allTextContents()).map((s) => s.trim());
  }

  /** The preview's "确认导入 N 人", when it offers to import. */
  importButton(): Locator {
    return this.preview().getByRole("button", {
      name: textPattern("register.ui.preview.importButton", ["n"]),
    });
  }

  /** Imports the previewed file; resolves with the toast that says what changed. */
  async confirmImport(): Promise<string> {
    await this.importButton().click();
    const done = this.page.getByRole("status").filter({
      hasText: textPattern("register.ui.imported", ["created", "updated", "unchanged"], false),
    });
    await done.last().waitFor();
    await this.preview().waitFor({ state: "detached" });
    return toastText(done.last());
  }

  /** The staff numbers listed, in order: the table's rows, or on a phone the cards. */
  async staffNumbers(): Promise<string[]> {
    const rows = this.page.getByTestId("person-row").or(this.page.getByTestId("person-card"));
    const visible: string[] = [];
    for (const row of await rows.all()) {
      if (await row.isVisible()) visible.push((await row.getAttribute("data-staff-no")) ?? "");
    }
    return visible;
  }

  /** "共 N 人 局领导班子 N 人 …" as the list heads it. */
  async counts(): Promise<string> {
    return ((await this.page.getByTestId("register-counts").textContent()) ?? "")
      .replace(/\s+/g, " ")
      .trim();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole("searchbox", { name: zh("register.ui.search") }).fill(text);
  }

  /** The form for a new person. */
  async openAddForm(): Promise<Locator> {
    await this.page.getByRole("button", { name: zh("register.ui.add"), exact: true }).click();
    const form = this.form();
    await form.waitFor();
    return form;
  }

  /** The form, adding or editing (its heading names it). */
  form(): Locator {
    const adding = zh("register.ui.form.addTitle");
    const editing = textPattern("register.ui.form.editTitle", ["name", "staffNo"], false).source;
    return this.page.getByRole("region", { name: new RegExp(`^(${adding}|${editing})$`) });
  }

  /** Fills the open form; fields left out keep what they hold. */
  async fill(p: Partial<PersonInput>): Promise<void> {
    const form = this.form();
    const field = (key: Parameters<typeof zh>[0]) => form.getByLabel(zh(key), { exact: true });
    if (p.staffNo !== undefined) await field("register.col.staffNo").fill(p.staffNo);
    if (p.name !== undefined) await field("register.col.name").fill(p.name);
    if (p.sex) await field("register.col.sex").selectOption({ label: p.sex });
    if (p.birthDate) await field("register.col.birthDate").fill(p.birthDate);
    if (p.department !== undefined) await field("register.col.department").fill(p.department);
    if (p.currentPost !== undefined) await field("register.col.currentPost").fill(p.currentPost);
    if (p.grade !== undefined) await field("register.col.grade").fill(p.grade);
    if (p.workStart) await field("register.col.workStart").fill(p.workStart);
    if (p.grassrootsYears !== undefined) {
      await field("register.col.grassrootsYears").fill(p.grassrootsYears);
    }
    if (p.education) await field("register.col.education").selectOption({ label: p.education });
    if (p.voterGroup) await field("register.col.voterGroup").selectOption({ label: p.voterGroup });
    for (const [year, grade] of Object.entries(p.reviews ?? {})) {
      await form
        .getByLabel(zh("register.col.review", { year }), { exact: true })
        .selectOption({ label: grade });
    }
    for (const penalty of p.penalties ?? []) {
      await form.getByRole("button", { name: zh("register.ui.form.addPenalty") }).click();
      await form
        .getByLabel(zh("register.ui.form.penaltyKind"), { exact: true })
        .last()
        .selectOption({ label: penalty.kind });
      await form
        .getByLabel(zh("register.ui.form.penaltyFrom"), { exact: true })
        .last()
        .fill(penalty.from);
    }
  }

  /** Saves the form; resolves with the toast, or with the form's summary of what to fix. */
  async save(): Promise<{ saved: string } | { refused: string }> {
    const form = this.form();
    await form.getByRole("button", { name: zh("register.ui.form.save"), exact: true }).click();
    const summary = form.getByRole("alert");
    const outcome = await Promise.race([
      summary.waitFor().then(() => "refused" as const),
      form.waitFor({ state: "detached" }).then(() => "saved" as const),
    ]);
    if (outcome === "refused") return { refused: ((await summary.textContent()) ?? "").trim() };
    return { saved: await toastText(this.page.getByRole("status").last()) };
  }

  /** The error shown under a field of the open form. */
  async fieldError(label: Parameters<typeof zh>[0]): Promise<string> {
    const input = this.form().getByLabel(zh(label), { exact: true });
    const id = await input.getAttribute("aria-describedby");
    if (!id) return "";
    return ((await this.page.locator(`[id="${id}"]`).textContent()) ?? "").trim();
  }

  /** Opens the form for someone in the list, by name. */
  async edit(name: string): Promise<void> {
    await this.page
      .getByRole("button", { name: zh("register.ui.editWho", { name }), exact: true })
      .filter({ visible: true })
      .click();
    await this.form().waitFor();
  }
}

/** A text of the dictionary with its numbers or names as wildcards, as a whole-text pattern. */
function textPattern(key: Parameters<typeof zh>[0], holes: string[], whole = true): RegExp {
  const hole = "\u0000";
  const text = zh(key, Object.fromEntries(holes.map((h) => [h, hole])));
  const body = text.split(hole).map(escapeRegExp).join(".+?");
  return new RegExp(whole ? `^${body}$` : body);
}

/** A toast's text, without its dismiss button's ×. */
async function toastText(toast: Locator): Promise<string> {
  return ((await toast.locator("span").first().textContent()) ?? "").trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
