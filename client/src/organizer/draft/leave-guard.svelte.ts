import type { MessageKey } from "../../../../shared/i18n/index.ts";
import { ask } from "../../chair/ui/confirm.svelte.ts";
import { t } from "../../lib/i18n.svelte.ts";

/** A part of the workspace whose edits are not saved yet. */
export interface UnsavedGuard {
  /** The tab that holds the edits, to mark it and to open it. */
  tab: string;
  /** Its name, as the question says it (the tab's label). */
  label: MessageKey;
  /** Reactive: whether anything there is unsaved now. */
  unsaved: () => boolean;
}

// Raw: the guards are compared by identity, which a deep proxy would not keep.
let guards = $state.raw<UnsavedGuard[]>([]);

/** Registers a part with edits; the returned function removes it (an effect's clean-up). */
export function guardUnsaved(guard: UnsavedGuard): () => void {
  guards = [...guards, guard];
  return () => {
    guards = guards.filter((g) => g !== guard);
  };
}

/** Reactive: the parts with unsaved edits now. */
export function unsavedParts(): UnsavedGuard[] {
  return guards.filter((g) => g.unsaved());
}

/**
 * Whether the page may go on with what would drop the unsaved edits (leaving the draft,
 * signing out, starting its session): yes at once when nothing is unsaved, else the
 * organizer is asked, and keeping the edits is the default.
 */
export async function mayDiscard(): Promise<boolean> {
  const parts = unsavedParts();
  if (parts.length === 0) return true;
  return ask({
    title: t("draft.leave.title"),
    body: t("draft.leave.body", {
      what: parts.map((p) => t(p.label)).join(t("draft.leave.separator")),
    }),
    confirmLabel: t("draft.leave.discard"),
    cancelLabel: t("draft.leave.stay"),
    danger: true,
  });
}

// Closing the tab or reloading: the browser asks in its own words (it shows no page text).
window.addEventListener("beforeunload", (e) => {
  if (unsavedParts().length > 0) e.preventDefault();
});
