/**
 * The address of what the console shows. The Back button changes the address before the
 * page can ask about unsaved changes; kept here, the page can put it back while it asks.
 */
let shown = window.location.href;

/** A new address in the history (a tab chosen), which the page then shows. */
export function pushAddress(url: string): void {
  history.pushState(null, "", url);
  shown = window.location.href;
}

/** The address bar now says what the page shows (after it followed a change of address). */
export function markShown(): void {
  shown = window.location.href;
}

export function shownAddress(): string {
  return shown;
}
