import type { Page } from "playwright-core";

/** What these checks read of the page; the test's tsconfig has no DOM types. */
interface PageDocument {
  querySelectorAll(selector: string): Iterable<{
    getBoundingClientRect(): { left: number; right: number; width: number };
    textContent: string | null;
  }>;
  documentElement: { scrollWidth: number; clientWidth: number };
}

/** The text of visible buttons and links that reach past the viewport's edges. */
export function buttonsOutsideViewport(page: Page): Promise<string[]> {
  // One look at the whole page at once (it re-renders as the session moves on). The
  // function runs in the page (serialised), so it names nothing from this module.
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    const width = doc.documentElement.clientWidth;
    return [...doc.querySelectorAll("button, a")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < 0 || r.right > width + 0.5);
      })
      .map((el) => (el.textContent ?? "").trim());
  });
}

/** Whether the page scrolls sideways. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: PageDocument }).document.documentElement;
    return root.scrollWidth > root.clientWidth;
  });
}
