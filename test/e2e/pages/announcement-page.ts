import type { Locator, Page } from "playwright-core";
import { zh } from "./i18n.ts";

/** An element's text with its whitespace run together, as a reader takes it in. */
const text = async (l: Locator) => ((await l.textContent()) ?? "").replace(/\s+/g, " ").trim();

/** A post as the public page shows it. */
export interface ShownPost {
  title: string;
  text: string;
}

/** The public announcement (/a/:roundId): read-only, for anyone with the link or QR code. */
export class AnnouncementPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page
      .getByTestId("announcement")
      .or(this.page.getByTestId("announcement-none"))
      .first()
      .waitFor();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.getByTestId("announcement").waitFor();
  }

  title(): Promise<string> {
    return text(this.page.getByRole("heading", { level: 1 }));
  }

  /** "第 N 版，发布于 …". */
  version(): Promise<string> {
    return text(this.page.getByTestId("announcement-version"));
  }

  /** "本公告已更新（第 N 版），以此版为准" with the earlier versions, or null. */
  async updated(): Promise<string | null> {
    const note = this.page.getByTestId("announcement-updated");
    return (await note.count()) > 0 ? text(note) : null;
  }

  async posts(): Promise<ShownPost[]> {
    const out: ShownPost[] = [];
    for (const post of await this.page.getByTestId("announced-post").all()) {
      // The number in front of the title is its own box.
      const title = await text(post.getByTestId("post-title"));
      out.push({ title, text: await text(post) });
    }
    return out;
  }

  applyUntil(): Promise<string> {
    return text(this.page.getByTestId("apply-until"));
  }

  /** The QR code's accessible image, and the print button (gone in print). */
  qr() {
    return this.page.getByRole("img", { name: zh("announce.qr") });
  }

  printButton() {
    return this.page.getByRole("button", { name: zh("announce.print") });
  }
}
