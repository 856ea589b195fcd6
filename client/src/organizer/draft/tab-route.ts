/**
 * The workspace's tab lives in the address (`#round=R1&tab=rules`), so a reload or the Back
 * button comes back to it. An unknown or missing tab is the first one (the overview).
 */
export function tabOf(hash: string, ids: readonly string[]): string {
  const asked = new URLSearchParams(hash.replace(/^#/, "")).get("tab");
  return asked !== null && ids.includes(asked) ? asked : (ids[0] ?? "");
}

/** The fragment that shows a round's tab; the first tab needs no parameter. */
export function tabHash(roundId: string, tab: string, ids: readonly string[]): string {
  const params = new URLSearchParams({ round: roundId });
  if (tab !== ids[0]) params.set("tab", tab);
  return `#${params.toString()}`;
}

/**
 * The tab that arrow keys, Home and End move to in a tab bar (WAI-ARIA tabs pattern: the
 * arrows wrap around at either end), or null for a key that does not move.
 */
export function tabAfterKey(key: string, current: string, ids: readonly string[]): string | null {
  const i = ids.indexOf(current);
  const n = ids.length;
  if (n === 0) return null;
  switch (key) {
    case "ArrowRight":
      return ids[(i + 1) % n] ?? null;
    case "ArrowLeft":
      return ids[(i - 1 + n) % n] ?? null;
    case "Home":
      return ids[0] ?? null;
    case "End":
      return ids[n - 1] ?? null;
    default:
      return null;
  }
}
